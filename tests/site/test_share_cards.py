"""Issue 12, item 5: share cards. A 1080 x 1080 PNG and a CSV per chart, a 1200 x 630 Open Graph image per
page, rendered at build time with the shipped font only; Open Graph and Twitter meta on every page.

Site-level (no browser): the session builds (``built_sites``, ``zensical_sites``) and one in-process
content stage with an empty card cache, so every card is rendered again and compared byte for byte.
"""

from __future__ import annotations

import csv
import html
import io
import re
import struct
import zlib
from pathlib import Path

import pytest

from generator.load import load_site
from generator.pages.render import environment
from generator.stage import kartu, prepare
from tests.conftest import DATA, REPO, SITE_URLS, html_pages

pytestmark = pytest.mark.slow  # heavy: left out of `make test-fast`

FOLDER = "assets/kartu"
_META = re.compile(r'<meta (?:property|name)="((?:og|twitter):[a-z:_]+)" content="([^"]*)"')
_FIGURE = re.compile(
    r'<figure class="zi-grafik" id="([^"]+)">(.*?)</figure>\s*(<p class="zi-grafik__unduh">.*?</p>)?', re.S
)
_LINK = re.compile(
    r'<a href="([^"]+)" download>(Unduh (?:gambar|data))<span class="zi-sr"> ([^<]+)</span> \(([^)]*)\)</a>'
)


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from the PNG signature and IHDR chunk."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "bukan berkas PNG"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def pixels(data: bytes) -> list[bytes]:
    """Every pixel of an 8-bit RGB(A) PNG, decoded here (no image library in the environment).

    Rows filtered "Up" (most of them) are added to the row above eight bytes at a time in one big integer
    (a carry never crosses a byte); the few Sub/Average/Paeth rows are undone byte by byte.
    """
    width, height = png_size(data)
    depth, colour = data[24], data[25]
    assert depth == 8 and colour in (2, 6), (depth, colour)
    bpp = 4 if colour == 6 else 3
    idat, pos = b"", 8
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        if data[pos + 4 : pos + 8] == b"IDAT":
            idat += data[pos + 8 : pos + 8 + length]
        pos += 12 + length
    raw = zlib.decompress(idat)
    n = width * bpp
    low, high = int.from_bytes(b"\x7f" * n, "big"), int.from_bytes(b"\x80" * n, "big")
    prev = bytearray(n)
    out = []
    for y in range(height):
        kind, row = raw[y * (n + 1)], bytearray(raw[y * (n + 1) + 1 : (y + 1) * (n + 1)])
        if kind == 2:
            a, b = int.from_bytes(row, "big"), int.from_bytes(prev, "big")
            row = bytearray((((a & low) + (b & low)) ^ ((a ^ b) & high)).to_bytes(n, "big"))
        elif kind in (1, 3, 4):
            for i in range(n):
                left = row[i - bpp] if i >= bpp else 0
                up = prev[i]
                if kind == 1:
                    row[i] = (row[i] + left) & 0xFF
                elif kind == 3:
                    row[i] = (row[i] + (left + up) // 2) & 0xFF
                else:
                    corner = prev[i - bpp] if i >= bpp else 0
                    p = left + up - corner
                    pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                    row[i] = (row[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 0xFF
        out.append(bytes(row))
        prev = row
    joined = b"".join(out)
    return [joined[i : i + bpp] for i in range(0, len(joined), bpp * 7)]  # every 7th pixel is enough


def _pngs(site: Path) -> tuple[list[Path], list[Path]]:
    cards = sorted((site / FOLDER).glob("*.png"))
    og = sorted((site / FOLDER / "og").glob("*.png"))
    return cards, og


@pytest.mark.parametrize("name", sorted(DATA))
def test_cards_are_1080_square_and_og_images_1200_by_630(built_sites, name):
    cards, og = _pngs(built_sites[name])
    assert len(cards) >= 10 and len(og) >= 10, (len(cards), len(og))
    for path in cards:
        assert png_size(path.read_bytes()) == (1080, 1080), path.name
    for path in og:
        assert png_size(path.read_bytes()) == (1200, 630), path.name


def test_cards_are_not_blank(built_sites):
    cards, _ = _pngs(built_sites["gunungkidul"])
    _, og = _pngs(built_sites["wonosobo"])
    for path in [cards[0], og[0]]:
        seen = pixels(path.read_bytes())
        colours = set(seen)
        background = max(colours, key=seen.count)
        ink = sum(p != background for p in seen) / len(seen)
        assert len(colours) >= 8 and ink > 0.02, f"{path.name}: {len(colours)} colours, {ink:.1%} not background"


@pytest.fixture(scope="module")
def fresh_stage(tmp_path_factory, monkeypatch_module):
    """Gunungkidul's content stage run in this process with an empty cache: every card rendered anew."""
    monkeypatch_module.setenv(kartu.CACHE_ENV, str(tmp_path_factory.mktemp("kartu-cache")))
    svgs: list[str] = []
    render = kartu.Penggambar.render

    def spy(self, svg):
        svgs.append(svg)
        return render(self, svg)

    monkeypatch_module.setattr(kartu.Penggambar, "render", spy)
    prepared = prepare(REPO / "mkdocs.yml", DATA["gunungkidul"])
    return prepared, svgs


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as mp:
        yield mp


def test_same_input_gives_the_same_bytes(fresh_stage, built_sites):
    prepared, svgs = fresh_stage
    # every PNG was rendered (none came from a cache); the other files are CSVs and the generated mark
    assert len(svgs) == sum(p.endswith(".png") for p in prepared.berkas), "cache was not empty"
    site = built_sites["gunungkidul"]
    for rel, data in prepared.berkas.items():
        assert (site / rel).read_bytes() == data, f"{rel} differs between two builds"


def test_renderer_uses_only_the_shipped_font():
    """A system font asked for by name (Debian's DejaVu Serif, Liberation Sans) is never used: same pixels as ours."""
    g = kartu.Penggambar(REPO / "theme" / "zi", kartu_env())
    text = '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="60"><text x="4" y="40" font-size="30" font-family="{}">Rp12.345 Wg</text></svg>'
    ours = g.render(text.format("ZI Kartu Sans"))
    for family in ("DejaVu Serif", "Liberation Sans", "serif", "monospace"):
        assert g.render(text.format(family)) == ours, family
    assert len(set(pixels(ours))) > 2  # the text was drawn


def kartu_env():
    return environment(REPO / "theme" / "zi")


def test_example_data_cards_say_data_contoh(fresh_stage):
    prepared, svgs = fresh_stage
    cards = [s for s in svgs if 'width="1080"' in s[:200]]
    assert cards and all("Data contoh" in s for s in cards)  # Gunungkidul's figures are all example data
    assert all("Sumber: " in s for s in cards)
    ours = [s for s in svgs if 'width="1080"' in s[:200] or 'width="1200"' in s[:200]]
    assert all(all(word in s for word in prepared.site.satker.nama.split()[:3]) for s in ours)  # the unit


def test_card_source_names_the_site_url(tmp_path):
    """With alamat_situs the card says the page's full address; without it, the site's name."""
    g = kartu.Penggambar(REPO / "theme" / "zi", kartu_env())
    figure = '<figure class="zi-grafik" id="grafik-x"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 50"><title id="t">Judul</title><desc id="d">D</desc><rect width="9" height="9"/></svg></figure>'
    site = load_site(DATA["wonosobo"])
    seen: list[str] = []
    g.render = lambda svg: (seen.append(svg), b"")[1]  # type: ignore[method-assign]
    files: dict[str, bytes] = {}
    kartu._halaman(g, site, "2026/survei.md", figure, {}, "https://contoh.go.id/zi/", files)
    kartu._halaman(g, site, "2026/survei.md", figure, {}, None, files)
    assert "Sumber: https://contoh.go.id/zi/2026/survei/" in seen[0]
    assert f"Sumber: situs Zona Integritas {html.escape(site.satker.singkatan)}" in seen[2]


@pytest.mark.parametrize("engine", ["material", "zensical"])
@pytest.mark.parametrize("name", sorted(DATA))
def test_every_page_has_open_graph_meta_with_an_existing_image(built_sites, zensical_sites, engine, name):
    site = (built_sites if engine == "material" else zensical_sites)[name]
    pages = html_pages(site)
    assert len(pages) > 10
    for page in [*pages, site / "404.html"]:
        meta = dict(_META.findall(page.read_text(encoding="utf-8")))
        rel = page.relative_to(site)
        for key in ("og:title", "og:description", "og:image", "og:image:alt", "og:type", "og:locale"):
            assert meta.get(key), f"{rel}: no {key}"
        assert meta["og:locale"] == "id_ID" and meta["twitter:card"] == "summary_large_image"
        assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630")
        image = meta["og:image"]
        image = image.removeprefix(SITE_URLS.get(name, "\0"))  # an absolute address of this site: from its root
        target = (
            site / image.lstrip("/") if image.startswith("/") or name in SITE_URLS else (page.parent / image).resolve()
        )
        assert target.is_file(), f"{rel}: og:image {image} does not exist"
        assert png_size(target.read_bytes()) == (1200, 630)


@pytest.mark.parametrize("name", sorted(DATA))
def test_chart_downloads_match_the_page_and_leak_no_hidden_cell(built_sites, name):
    site = built_sites[name]
    charts = 0
    for page in html_pages(site):
        src = page.read_text(encoding="utf-8")
        for kunci, figure, links in _FIGURE.findall(src):
            charts += 1
            assert links, f"{page}: chart {kunci} has no download links"
            found = _LINK.findall(links)
            assert [f[1] for f in found] == ["Unduh gambar", "Unduh data"]
            title = html.unescape(re.search(r"<title[^>]*>([^<]*)</title>", figure).group(1))
            (png_href, _, png_name, png_note), (csv_href, _, csv_name, csv_note) = found
            assert html.unescape(png_name) == title == html.unescape(csv_name)  # each link names its chart
            png = (page.parent / png_href).resolve().read_bytes()
            assert len(png) >= 10 * 1024, f"{png_href}: {len(png)} bytes"  # so the size is whole KB
            assert png_note == f"PNG, {round(len(png) / 1024)} KB" and csv_note == "CSV"  # the real size
            table = list(csv.reader(io.StringIO((page.parent / csv_href).resolve().read_text(encoding="utf-8"))))
            header, rows = table[0], table[1:]
            assert all(re.fullmatch(r"[a-z][a-z0-9_]*", c) for c in header), header
            written = [
                html.unescape(t).replace("\u00a0", " ")
                # the wide drawing; the narrow one (generator/pages/skala.py) writes the same values
                for t in re.findall(
                    r'class="zi-grafik__nilai"[^>]*>([^<]*)<', re.search(r"<svg .*?</svg>", figure, re.S).group(0)
                )
            ]
            if header == ["label", "nilai", "teks"]:
                assert [r[2] for r in rows] == written, f"{kunci}: CSV values differ from the chart"
                for label, nilai, teks in rows:
                    if not re.search(r"\d", teks):  # hidden (×), not reported, unknown: no number in the CSV either
                        shown_zero = nilai == "0" and teks == "nihil"  # gratifikasi: a month reported as nil
                        assert nilai == "" or shown_zero, (
                            f"{kunci}: {label} is not shown on the page but its CSV has {nilai}"
                        )
            else:
                total = header.index("jumlah")
                for row in rows:
                    assert int(row[total]) == sum(int(v) for v in row[1:total])
                ends = [r[-1] if header[-1] == "teks" else r[total] for r in rows]
                assert ends == written, f"{kunci}: CSV totals differ from the chart"
    assert charts >= 8


def test_a_hidden_small_cell_is_empty_in_the_csv(built_sites):
    """Gunungkidul's complaints by channel: Website and Surat are below the threshold (×) on the page."""
    site = built_sites["gunungkidul"]
    rows = {
        r["label"]: r
        for r in csv.DictReader(
            io.StringIO((site / FOLDER / "2024-pengaduan-grafik-pengaduan-kanal-2024.csv").read_text(encoding="utf-8"))
        )
    }
    page = (site / "2024" / "pengaduan" / "index.html").read_text(encoding="utf-8")
    assert "×" in page
    hidden = [k for k, r in rows.items() if r["teks"] == "×"]
    assert hidden and all(rows[k]["nilai"] == "" for k in hidden)


def test_file_sizes_are_written_the_indonesian_way():
    assert [kartu.ukuran(n) for n in (8602, 86016, 1_572_864)] == ["8,4 KB", "84 KB", "1,5 MB"]

"""Progress and recap pages as plain strings, without MkDocs."""

from __future__ import annotations

import html.parser
import re
import shutil
from decimal import Decimal
from fractions import Fraction

import pytest

from generator.load import load_site
from generator.pages import build_pages, navigation
from generator.pages.angka import angka, desimal, persen, rentang_bulan, rupiah
from generator.pages.grafik import Batang, Garis, Tumpukan, grafik_batang, grafik_bertumpuk
from tests.conftest import DATA

NOTICE = "zi-data-contoh"
RECAPS = ["gratifikasi", "pengaduan", "wbs", "benturan-kepentingan", "survei"]


@pytest.fixture(scope="module")
def pages():
    return {p.path: p.markdown for p in build_pages(load_site(DATA["gunungkidul"]))}


def test_numbers_the_indonesian_way():
    assert angka(1234567) == "1.234.567" and angka(0) == "0"
    assert rupiah(1350000) == "Rp1.350.000"
    assert persen(Fraction(47, 57)) == "82,5\u00a0%"  # 82,456… %
    assert persen(Fraction(7, 8)) == "87,5\u00a0%" and persen(Fraction(1)) == "100\u00a0%"
    assert persen(None) == "–"
    assert desimal(Decimal("88.94"), 2) == "88,94" and desimal(Fraction(64, 9), 1) == "7,1"
    assert rentang_bulan((1, 2, 3, 6, 8, 9)) == "Januari–Maret, Juni, Agustus, September"


class _Svg(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.svg: dict = {}
        self.svgs: list[dict] = []
        self.ids: set[str] = set()
        self.inside: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append(tag)
        if tag == "svg":
            self.svg = a
            self.svgs.append(a)
        if "id" in a:
            self.ids.add(a["id"])
            if tag in ("title", "desc"):
                self.inside.append(a["id"])


def test_bar_chart_is_labelled_static_svg():
    out = grafik_batang(
        "uji",
        "Judul <b>",
        "Deskripsi & isi",
        [Batang("A", 3, "3"), Batang("B", None, "< 3")],
        3,
        "Ringkasan",
        (Garis(2, "batas 2"),),
    )
    p = _Svg()
    p.feed(str(out))
    # Two drawings (wide, narrow: CSS shows one), each named by its own title and description.
    assert [s["role"] for s in p.svgs] == ["img", "img"]
    labelled = [s["aria-labelledby"].split() for s in p.svgs]
    assert labelled == [["grafik-uji-judul", "grafik-uji-desk"], ["grafik-uji-sempit-judul", "grafik-uji-sempit-desk"]]
    assert {i for ids in labelled for i in ids} <= set(p.inside)
    assert "script" not in p.tags and "animate" not in p.tags and "style" not in p.tags
    assert "Judul &lt;b&gt;" in out and "Deskripsi &amp; isi" in out
    assert "<figcaption" in out and "Ringkasan" in out
    assert out.count('class="zi-grafik__batang"') == 2  # one a drawing: no bar for a hidden or unknown value
    assert ">&lt; 3</text>" in out and "batas 2" in out


def test_stacked_chart_tells_parts_by_pattern_and_legend():
    out = str(
        grafik_bertumpuk(
            "t",
            "J",
            "D",
            ("Selesai", "Sedang diproses", "Belum diproses"),
            [Tumpukan("Maret", (4, 5, 1), "4 selesai, 5 diproses, 1 belum")],
            10,
            "R",
        )
    )
    assert 'fill="url(#grafik-t-arsir)"' in out and "<pattern" in out
    for name in ("Selesai", "Sedang diproses", "Belum diproses"):
        assert f">{name}</text>" in out
    assert "Maret: 4 selesai, 5 diproses, 1 belum" in out


def test_recap_pages_and_navigation(pages):
    for kind in RECAPS:
        assert f"2024/{kind}.md" in pages
    site = load_site(DATA["gunungkidul"])
    rekap = next(n for n in navigation(site) if n.title == "Rekap 2024")
    assert [c.path for c in rekap.children] == [f"2024/{k}.md" for k in RECAPS]


def test_example_notice_on_every_page_with_example_numbers(pages):
    with_numbers = ["index.md", "2024/index.md", "2024/penguatan-pengawasan.md", *(f"2024/{k}.md" for k in RECAPS)]
    for path in with_numbers:
        assert NOTICE in pages[path], path
    assert NOTICE not in pages["dokumen.md"]


def test_no_notice_when_the_data_is_not_example(tmp_path):
    plans = tmp_path / "plans"
    shutil.copytree(DATA["gunungkidul"], plans)
    for f in (plans / "2024").glob("*.yaml"):
        f.write_text(f.read_text(encoding="utf-8").replace("contoh: true", "contoh: false"), encoding="utf-8")
    built = build_pages(load_site(plans))
    assert all(NOTICE not in p.markdown for p in built)
    # The numbers are still there.
    home = next(p for p in built if p.path == "index.md").markdown
    assert "Capaian per 20 Desember 2024" in home


def test_notice_follows_the_flag_of_the_files_on_that_page(tmp_path):
    plans = tmp_path / "plans"
    shutil.copytree(DATA["gunungkidul"], plans)
    f = plans / "2024" / "wbs.yaml"
    f.write_text(f.read_text(encoding="utf-8").replace("contoh: true", "contoh: false"), encoding="utf-8")
    built = {p.path: p.markdown for p in build_pages(load_site(plans))}
    assert NOTICE not in built["2024/wbs.md"]
    assert NOTICE in built["2024/gratifikasi.md"] and NOTICE in built["index.md"]


def test_small_cells_hidden_on_the_page(pages):
    page = pages["2024/pengaduan.md"]
    channels = page[page.index('id="cap-pengaduan-kanal"') :]
    channels = channels[: channels.index("</table>")]
    # January: website 1, surel 1, whatsapp 2 — all below 3, shown as "< 3" or hidden ("×"), never the count.
    january = re.search(r"<tr><th scope=\"row\">Januari</th>(.*?)</tr>", channels).group(1)
    cells = re.findall(r'<td class="zi-angka">(.*?)</td>', january)
    assert all("&lt; 3" in c or "×" in c or c == "0" for c in cells), cells
    assert not any(re.fullmatch(r"[12]", c) for c in cells)
    assert "kurang dari 3" in page and "disembunyikan" in january
    # Monthly totals are never hidden: January's 4 received, 3 to follow up.
    matrix = page[page.index('id="cap-pengaduan"') :]
    assert re.search(
        r"<th scope=\"row\">Januari</th><td class=\"zi-angka\">4</td><td class=\"zi-angka\">3</td>", matrix
    )


def test_threshold_is_configurable(tmp_path):
    plans = tmp_path / "plans"
    shutil.copytree(DATA["gunungkidul"], plans)
    sat = plans / "satker.yaml"
    sat.write_text(
        sat.read_text(encoding="utf-8").replace("ambang_sel_kecil: 3", "ambang_sel_kecil: 5"), encoding="utf-8"
    )
    page = next(p for p in build_pages(load_site(plans)) if p.path == "2024/pengaduan.md").markdown
    assert "&lt; 5" in page and "&lt; 3" not in page


def test_gratifikasi_missing_month_is_never_zero(pages):
    page = pages["2024/gratifikasi.md"]
    row = re.search(r'<tr id="bulan-2024-07">(.*?)</tr>', page).group(1)
    assert "belum dilaporkan" in row and "batas 10 Agustus 2024" in row
    assert ">0<" not in row
    assert re.search(r'<tr id="bulan-2024-06"><th scope="row">Juni</th><td>nihil</td>', page)


def test_area_row_has_status_evidence_and_month_grid(pages):
    page = pages["2024/penguatan-pengawasan.md"]
    row = re.search(r'<tr id="r-v-3-3-1-1">(.*?)</tr>', page).group(1)
    assert "Selesai" in row and 'href="../../unggahan/contoh/pakta-integritas-2024.pdf"' in row
    assert row.count('class="zi-kc--') == 12
    late = re.search(r'<tr id="r-v-3-4-1-1">(.*?)</tr>', page).group(1)
    assert "Terlambat" in late and "terlewat: Juni" in late
    reason = re.search(r'<tr id="r-v-2-1-1-2">(.*?)</tr>', page).group(1)
    assert "Tidak dilaksanakan" in reason and "Alasan: Inspektorat" in reason

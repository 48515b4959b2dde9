"""Share cards, rendered at build time in the content stage (issue 12, item 5).

* For every chart on a page: a 1080 x 1080 PNG (unit, title, period, the chart, "Sumber: <page URL>",
  "Data contoh" when it is) and the chart's figures as CSV, both linked under the chart
  ("Unduh gambar (PNG, 84 KB)", "Unduh data (CSV)").
* For every page: a 1200 x 630 Open Graph image (title, unit, headline figure), named after the page's
  URL so that ``theme/main.html`` finds it under either engine (:func:`og_path`).

The SVG is drawn by the macros of ``theme/zi/_kartu.html`` and rendered by resvg (the ``resvg-py``
wheel: no system library, no browser) with ONLY the fonts in ``theme/zi/kartu/`` and system fonts
skipped, so the same input gives the same bytes on every machine. The CSV is the chart's own figures
(generator.pages.grafik.DataGrafik), which are already the published ones (rules/terbit): a hidden
small cell is empty in the chart, so it is empty in the PNG and the CSV too.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import html
import io
import os
import posixpath
import re
import time
from collections.abc import Mapping
from dataclasses import dataclass
from html.parser import HTMLParser
from importlib import metadata
from pathlib import Path
from typing import Any

import jinja2
import resvg_py
from markupsafe import Markup

from generator import tembolok
from generator.berkas_atomik import write_bytes_atomic
from generator.html.parse import LeanParser
from generator.pages.angka import tanggal, ukuran
from generator.pages.base import Page
from generator.pages.contoh import LABEL, NOTICE_CLASS
from generator.pages.grafik import DataGrafik, kunci_gambar
from generator.site import Site
from generator.stage import huruf

TEMPLATE = "_kartu.html"
FOLDER = "assets/kartu"  # in the site: the chart cards and CSVs; the Open Graph images in og/
KARTU = (1080, 1080)
OG = (1200, 630)
KIRI = 72  # left and right margin of a card

_FIGURE = re.compile(r'<figure class="zi-grafik" id="([^"]+)">.*?</figure>', re.S)
_SVG = re.compile(r'<svg [^>]*viewBox="0 0 ([0-9.]+) ([0-9.]+)"[^>]*>(.*?)</svg>', re.S)
_TITLE = re.compile(r'<title id="[^"]+">(.*?)</title>', re.S)


def slug(url: str) -> str:
    """A page's URL as one file name: "2024/gratifikasi/" -> "2024-gratifikasi"; the home page "beranda"."""
    return url.strip("/").replace("/", "-") or "beranda"


def og_path(url: str) -> str:
    """Where the Open Graph image of the page at ``url`` is (theme/main.html builds the same name)."""
    return f"{FOLDER}/og/{slug(url)}.png"


def page_url(src: str) -> str:
    """The directory URL of a Markdown source ("2024/gratifikasi.md" -> "2024/gratifikasi/")."""
    return Page(src, "", "").url


@dataclass(frozen=True)
class Baris:
    teks: str
    y: str


@dataclass(frozen=True)
class Contoh:
    x: str
    y: str
    lebar: str
    tinggi: str
    x_teks: str
    y_teks: str
    ukuran: str


@dataclass(frozen=True)
class Tempat:
    """Where the chart goes on its card: its own viewBox scaled into the free area."""

    x: str
    y: str
    lebar: str
    tinggi: str
    viewbox: str
    isi: Markup


@dataclass(frozen=True)
class KartuGrafik:
    lebar: str
    tinggi: str
    kiri: str
    ukuran_satker: str
    satker: tuple[Baris, ...]
    ukuran_judul: str
    judul: tuple[Baris, ...]
    ukuran_periode: str
    y_periode: str
    periode: str
    contoh: Contoh | None
    grafik: Tempat
    y_garis_bawah: str
    ukuran_sumber: str
    sumber: tuple[Baris, ...]  # "Sumber: <address>", a long address on two lines


@dataclass(frozen=True)
class KartuOG:
    lebar: str
    tinggi: str
    kiri: str
    ukuran_satker: str
    satker: tuple[Baris, ...]
    ukuran_judul: str
    judul: tuple[Baris, ...]
    ukuran_angka: str
    angka: tuple[Baris, ...]
    contoh: Contoh | None
    y_sumber: str
    ukuran_sumber: str
    sumber: str


@dataclass(frozen=True)
class Unduhan:
    judul: str
    png: str
    csv: str
    ukuran: str


@dataclass(frozen=True)
class Hasil:
    """Pages with their download links, and every file the cards add to the site (site path -> bytes)."""

    pages: tuple[Page, ...]
    content_pages: dict[str, str]
    berkas: dict[str, bytes]


CACHE_ENV = "ZI_KARTU_CACHE"  # folder of rendered cards; default $XDG_CACHE_HOME/laman-zi/kartu


def cache_dir() -> Path:
    """Where rendered PNGs are kept by content hash: a build renders only the cards whose SVG changed."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    return tembolok.folder("kartu")


class Penggambar:
    """Renders cards with the shipped fonts only; a PNG already rendered from the same SVG, fonts and
    renderer version is read from the cache instead (about 0.1 s a card saved: most of it is the pixels)."""

    def __init__(self, templates: Path, env: jinja2.Environment, cache: Path | None = None) -> None:
        self.fonts = huruf.berkas(templates)
        self.macros: Any = env.get_template(TEMPLATE).module
        self.cache = cache
        seed = hashlib.sha256(f"resvg-py {metadata.version('resvg-py')}\n".encode())
        for f in self.fonts:
            seed.update(f.read_bytes())
        self._seed = seed

    def png(self, svg: str) -> bytes:
        if self.cache is None:
            return self.render(svg)
        key = self._seed.copy()
        key.update(svg.encode("utf-8"))
        path = self.cache / f"{key.hexdigest()}.png"
        with contextlib.suppress(OSError):
            data = path.read_bytes()
            os.utime(path)  # used: kept by prune()
            return data
        data = self.render(svg)
        with contextlib.suppress(OSError):  # no cache (read-only home): the card is still made
            write_bytes_atomic(path, data, durable=False)
        return data

    def prune(self, days: int = 30) -> None:
        """Forget cards no build has used for ``days`` days (old data), so the cache does not grow for ever."""
        if self.cache is None or not self.cache.is_dir():
            return
        limit = time.time() - days * 86400
        for path in self.cache.glob("*.png"):
            with contextlib.suppress(OSError):
                if path.stat().st_mtime < limit:
                    path.unlink()

    def render(self, svg: str) -> bytes:
        return bytes(
            resvg_py.svg_to_bytes(
                svg_string=svg,
                skip_system_fonts=True,
                font_files=[str(f) for f in self.fonts],
                font_family=huruf.FAMILY,
                sans_serif_family=huruf.FAMILY,
                serif_family=huruf.FAMILY,
                monospace_family=huruf.FAMILY,
            )
        )

    def teks(self, macro: str, *values: Any) -> str:
        """Plain text of a macro of _kartu.html (the card macros escape it again where it is drawn)."""
        return Markup(getattr(self.macros, macro)(*values)).unescape()

    def fits(self, text: str, size: int, width: float, count: int, bold: bool) -> bool:
        wrapped = huruf.bungkus(text, size, self.fonts[1 if bold else 0], width, count)
        return not wrapped or not wrapped[-1].endswith("…") or text.endswith("…")

    def lines(self, text: str, size: int, width: float, count: int, top: float, step: float, bold: bool) -> list[Baris]:
        font = self.fonts[1 if bold else 0]
        wrapped = huruf.bungkus(text, size, font, width, count)
        return [Baris(t, _n(top + i * step)) for i, t in enumerate(wrapped)]


def buat(
    site: Site,
    pages: tuple[Page, ...],
    content_pages: Mapping[str, str],
    data: Mapping[str, DataGrafik],
    site_url: str | None,
    templates: Path,
    env: jinja2.Environment,
    cache: Path | None = None,
) -> Hasil:
    """Cards, CSVs and Open Graph images of every page; the pages get the download links under their charts."""
    g = Penggambar(templates, env, cache)
    files: dict[str, bytes] = {}
    out_pages = tuple(
        Page(p.path, p.title, _halaman(g, site, p.path, p.markdown, data, site_url, files)) for p in pages
    )
    out_content = {src: _halaman(g, site, src, text, data, site_url, files) for src, text in content_pages.items()}
    g.prune()
    return Hasil(out_pages, out_content, dict(sorted(files.items())))


def _halaman(
    g: Penggambar,
    site: Site,
    src: str,
    markdown: str,
    data: Mapping[str, DataGrafik],
    site_url: str | None,
    files: dict[str, bytes],
) -> str:
    url = page_url(src)
    site_url = site_url if not site_url or site_url.endswith("/") else site_url + "/"
    sumber = (site_url + url) if site_url else g.teks("sumber_tanpa_alamat", site.satker.singkatan)
    periode = _periode(g, site, src)
    contoh_halaman = NOTICE_CLASS in markdown

    def card(m: re.Match[str]) -> str:
        figure = m.group(0)
        svg = _SVG.search(figure)
        title = _TITLE.search(figure)
        if not svg or not title:
            return figure
        judul = html.unescape(title.group(1))
        contoh = judul.startswith(f"{LABEL}: ")
        name = f"{FOLDER}/{slug(url)}-{m.group(1)}"
        view = _kartu(g, site, judul.removeprefix(f"{LABEL}: "), periode, contoh, svg, sumber)
        png = g.png(str(g.macros.kartu(view)))
        files[name + ".png"] = png
        rows = data.get(kunci_gambar(svg.group(0)))
        links = {"png": posixpath.relpath(name + ".png", url or "."), "csv": ""}
        if rows is not None:
            files[name + ".csv"] = _csv(rows)
            links["csv"] = posixpath.relpath(name + ".csv", url or ".")
        return figure + str(g.macros.unduh(Unduhan(judul, links["png"], links["csv"], ukuran(len(png)))))

    filled = _FIGURE.sub(card, markdown)
    judul, angka_utama = _judul_dan_angka(filled)
    view = _og(g, site, judul or site.satker.singkatan, angka_utama, contoh_halaman, site_url, url)
    files[og_path(url)] = g.png(str(g.macros.og(view)))
    return filled


def _csv(d: DataGrafik) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(d.kolom)
    writer.writerows([html.unescape(str(c)).replace("\u00a0", " ") for c in row] for row in d.baris)
    return buf.getvalue().encode("utf-8")


def _periode(g: Penggambar, site: Site, src: str) -> str:
    first = src.split("/", 1)[0]
    tahun = int(first) if first.isdigit() else site.latest.tahun if site.plans else None
    date = site.tanggal_data
    return g.teks("periode", tahun, tanggal(date) if date else None)


def _kartu(
    g: Penggambar, site: Site, judul: str, periode: str, contoh: bool, svg: re.Match[str], sumber: str
) -> KartuGrafik:
    w, h = KARTU
    width = w - 2 * KIRI
    satker = g.lines(site.satker.nama, 30, width, 2, 84, 38, True)
    top = float(satker[-1].y) + 76
    size = 50 if g.fits(judul, 50, width, 3, True) else 40  # a long title (a decree heading) is set smaller
    title = g.lines(judul, size, width, 3 if size == 50 else 4, top, size * 1.24, True)
    y_periode = float(title[-1].y) + 52
    badge = None
    bottom_header = y_periode + 24
    if contoh:
        badge = _contoh(g, KIRI, y_periode + 28, 30)
        bottom_header = float(badge.y) + float(badge.tinggi)
    where = _alamat(g, g.teks("sumber", sumber), 28, width)
    y_rule = h - 96 - 36 * (len(where) - 1)
    box_top, box_bottom = bottom_header + 36, y_rule - 32
    vw, vh = float(svg.group(1)), float(svg.group(2))
    scale = min(width / vw, (box_bottom - box_top) / vh)
    cw, ch = vw * scale, vh * scale
    place = Tempat(
        x=_n(KIRI + (width - cw) / 2),
        y=_n(box_top + (box_bottom - box_top - ch) / 2),
        lebar=_n(cw),
        tinggi=_n(ch),
        viewbox=f"0 0 {svg.group(1)} {svg.group(2)}",
        isi=Markup(svg.group(3).partition("</desc>")[2]),
    )
    return KartuGrafik(
        lebar=str(w),
        tinggi=str(h),
        kiri=str(KIRI),
        ukuran_satker="30",
        satker=tuple(satker),
        ukuran_judul=str(size),
        judul=tuple(title),
        ukuran_periode="32",
        y_periode=_n(y_periode),
        periode=periode,
        contoh=badge,
        grafik=place,
        y_garis_bawah=_n(y_rule),
        ukuran_sumber="28",
        sumber=tuple(Baris(t, _n(y_rule + 58 + 36 * i)) for i, t in enumerate(where)),
    )


def _og(
    g: Penggambar, site: Site, judul: str, angka_utama: str, contoh: bool, site_url: str | None, url: str
) -> KartuOG:
    w, h = OG
    left = 88
    width = w - left - 72
    satker = g.lines(site.satker.nama, 30, width, 1, 86, 0, True)
    title = g.lines(judul, 60, width, 3, 178, 72, True)
    start = float(title[-1].y) + 84
    room = int(((h - 180 if contoh else h - 110) - start) // 52) + 1  # lines of the headline above the footer
    figure = g.lines(angka_utama, 42, width, room, start, 52, True) if angka_utama and room > 0 else []
    badge = _contoh(g, left, h - 150, 28) if contoh else None
    # The site's address without its scheme, as a link preview shows it (the page's own is in og:url).
    where = site_url.split("://", 1)[-1] if site_url else g.teks("nama_situs", site.satker.singkatan)
    sumber = g.lines(where, 28, width, 1, 0, 0, False)[0].teks
    return KartuOG(
        lebar=str(w),
        tinggi=str(h),
        kiri=str(left),
        ukuran_satker="30",
        satker=tuple(satker),
        ukuran_judul="60",
        judul=tuple(title),
        ukuran_angka="42",
        angka=tuple(figure),
        contoh=badge,
        y_sumber=str(h - 48),
        ukuran_sumber="28",
        sumber=sumber,
    )


def _alamat(g: Penggambar, text: str, size: int, width: float) -> list[str]:
    """A source line; one too long for the card breaks after a "/" of its address onto a second line."""
    font = g.fonts[0]
    if huruf.lebar(text, size, font) <= width:
        return [text]
    cut = max(
        (i + 1 for i, c in enumerate(text) if c == "/" and huruf.lebar(text[: i + 1], size, font) <= width), default=0
    )
    if not cut:
        return list(huruf.bungkus(text, size, font, width, 2))
    rest = text[cut:]
    return [
        text[:cut],
        rest if huruf.lebar(rest, size, font) <= width else huruf.bungkus(rest, size, font, width, 1)[0],
    ]


def _contoh(g: Penggambar, x: float, y: float, size: int) -> Contoh:
    text_width = huruf.lebar(g.teks("teks_contoh"), size, g.fonts[1])
    pad = size * 0.6
    return Contoh(
        x=_n(x),
        y=_n(y),
        lebar=_n(text_width + 2 * pad),
        tinggi=_n(size * 1.8),
        x_teks=_n(x + pad),
        y_teks=_n(y + size * 1.25),
        ukuran=str(size),
    )


def _n(v: float) -> str:
    return f"{v:.1f}".removesuffix(".0")


class _Teks(LeanParser):
    """The page's h1 and its headline figure (the home page's "14 dari 57 …", else its first chart's summary)."""

    def full_tag(self, tag: str) -> bool:  # outside the two pieces read, only their start tags matter
        return self._into is not None or tag in ("h2", "figcaption")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.judul = ""
        self.utama = ""
        self.ringkasan = ""
        self._into: str | None = None
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if self._into is None and tag == "h2" and a.get("id") == "angka-utama" and not self.utama:
            self._into, self._depth = "utama", 0
        elif self._into is None and tag == "figcaption" and "zi-grafik__ringkasan" in (a.get("class") or ""):
            self._into, self._depth = ("ringkasan" if not self.ringkasan else "_"), 0
        elif self._into is not None:
            self._depth += 1

    def handle_endtag(self, tag: str) -> None:
        if self._into is not None:
            if self._depth == 0:
                self._into = None
            else:
                self._depth -= 1

    def handle_data(self, data: str) -> None:
        if self._into == "utama":
            self.utama += data
        elif self._into == "ringkasan":
            self.ringkasan += data


def _judul_dan_angka(markdown: str) -> tuple[str, str]:
    text = markdown.split("\n---\n", 1)[1] if markdown.startswith("---\n") else markdown
    h1 = next((line[2:] for line in text.splitlines() if line.startswith("# ")), "")
    h1 = re.sub(r"\s*\{[#.:][^}]*\}\s*$", "", h1)  # attr_list
    p = _Teks()
    p.feed(text)
    title = _plain(h1)
    # The "Data contoh" mark of a chart's caption is the card's badge.
    return title, " ".join((p.utama or p.ringkasan).split()).removeprefix(f"{LABEL}: ")


def _plain(text: str) -> str:
    p = _Plain()
    p.feed(text)
    return " ".join("".join(p.parts).split())


class _Plain(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

"""Infographics as static inline SVG: no chart JavaScript, no third party.

Every chart:

- is an ``<svg role="img">`` whose ``aria-labelledby`` points at its own
  ``<title>`` and ``<desc>``;
- sits in a ``<figure>`` whose ``<figcaption>`` says the point in words;
- has every value written next to its bar, so colour never carries meaning
  alone; a stacked bar tells its parts apart by fill pattern (solid, hatched,
  outline) and a legend, not by hue;
- takes colours from CSS (``grafik.css``): the theme's in normal modes,
  ``CanvasText``/``Highlight`` in forced-colors mode; nothing moves.

The page shows the same numbers in an HTML table right after the chart.
Text is escaped; ids are derived from a ``kunci`` unique on the page.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from markupsafe import Markup

Number = int | Fraction | Decimal

LEBAR = 320  # viewBox width: drawn for a phone (about 328 px of text column at 360 px), scaled up to the CSS max width
KIRI = 4
BATANG = 196  # width of a full bar; the value is written in the 118 units to its right
BARIS = 42  # height of one row: label line, then bar line
TINGGI_BATANG = 14
LABEL_GARIS = 16  # height of one reference-line label row
_MAKS_LABEL = 48


@dataclass(frozen=True)
class Batang:
    label: str
    nilai: Number | None  # bar length; None: no bar (unknown, hidden small cell, not reported)
    teks: str  # written after the bar
    tebal: bool = False


@dataclass(frozen=True)
class Garis:
    """A labelled reference line (a threshold, a band boundary)."""

    nilai: Number
    label: str


@dataclass(frozen=True)
class Tumpukan:
    """One stacked bar: parts in the order of the series."""

    label: str
    bagian: tuple[int, ...]
    teks: str  # written after the label, e.g. "4 selesai, 5 diproses, 1 belum diproses"; the total follows the bar


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _short(text: str) -> str:
    return text if len(text) <= _MAKS_LABEL else text[: _MAKS_LABEL - 1].rstrip() + "…"


def _x(value: Number, maks: Number) -> float:
    if not maks:
        return 0.0
    return float(Fraction(value) / Fraction(maks)) * BATANG


def _frame(kunci: str, judul: str, deskripsi: str, tinggi: float, isi: list[str], ringkasan: str,
           defs: str = "") -> Markup:
    t, d = f"grafik-{kunci}-judul", f"grafik-{kunci}-desk"
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" class="zi-grafik__svg" viewBox="0 0 {LEBAR} {tinggi:.0f}" '
           f'role="img" aria-labelledby="{t} {d}" focusable="false">'
           f'<title id="{t}">{_e(judul)}</title><desc id="{d}">{_e(deskripsi)}</desc>{defs}' + "".join(isi) + "</svg>")
    return Markup(f'<figure class="zi-grafik" id="grafik-{kunci}">\n{svg}\n'
                  f'<figcaption class="zi-grafik__ringkasan">{_e(ringkasan)}</figcaption>\n</figure>')


def _garis(garis: tuple[Garis, ...], maks: Number, top: float, bottom: float) -> list[str]:
    out = []
    for i, g in enumerate(garis):
        x = KIRI + _x(g.nilai, maks)
        y = 12 + i * LABEL_GARIS
        anchor, tx = ("start", x + 3) if x < LEBAR / 2 else ("end", x - 3)
        out.append(f'<line class="zi-grafik__acuan" x1="{x:.1f}" y1="{y - 10:.1f}" x2="{x:.1f}" y2="{bottom:.1f}"/>'
                   f'<text class="zi-grafik__teks-acuan" x="{tx:.1f}" y="{y:.1f}" text-anchor="{anchor}">'
                   f'{_e(g.label)}</text>')
    return out


def grafik_batang(kunci: str, judul: str, deskripsi: str, batang: list[Batang], maks: Number,
                  ringkasan: str, garis: tuple[Garis, ...] = ()) -> Markup:
    """Horizontal bars, one row per item: its label above, the bar and its value below."""
    top = len(garis) * LABEL_GARIS + (4 if garis else 0)
    tinggi = top + len(batang) * BARIS + 4
    rows = []
    for i, b in enumerate(batang):
        y = top + i * BARIS
        cls = " zi-grafik__baris--tebal" if b.tebal else ""
        width = _x(b.nilai, maks) if b.nilai else 0.0
        bar = (f'<rect class="zi-grafik__batang" x="{KIRI}" y="{y + 20}" width="{width:.1f}" '
               f'height="{TINGGI_BATANG}"/>' if width > 0 else "")
        rows.append(
            f'<g class="zi-grafik__baris{cls}">'
            f'<text class="zi-grafik__label" x="{KIRI}" y="{y + 14}">{_e(_short(b.label))}</text>'
            f'<rect class="zi-grafik__jalur" x="{KIRI}" y="{y + 20}" width="{BATANG}" height="{TINGGI_BATANG}"/>'
            f'{bar}<text class="zi-grafik__nilai" x="{KIRI + BATANG + 6}" y="{y + 31}">{_e(b.teks)}</text></g>')
    return _frame(kunci, judul, deskripsi, tinggi, _garis(garis, maks, top, tinggi - 4) + rows, ringkasan)


# Fill of each part of a stacked bar, in series order: solid, hatched, outline only.
POLA = ("padat", "arsir", "kosong")


def grafik_bertumpuk(kunci: str, judul: str, deskripsi: str, seri: tuple[str, ...], tumpukan: list[Tumpukan],
                     maks: int, ringkasan: str) -> Markup:
    """Stacked horizontal bars with a legend; parts differ by pattern, and the counts are written out."""
    hatch = f"grafik-{kunci}-arsir"
    defs = (f'<defs><pattern id="{hatch}" width="6" height="6" patternUnits="userSpaceOnUse" '
            f'patternTransform="rotate(45)"><rect class="zi-grafik__arsir-latar" width="6" height="6"/>'
            f'<line class="zi-grafik__arsir" x1="0" y1="0" x2="0" y2="6"/></pattern></defs>')
    legend = []
    x, y = KIRI, 6
    for name, pola in zip(seri, POLA):
        width = 18 + len(name) * 7  # swatch, gap, text at about 7 units a character
        if x > KIRI and x + width > LEBAR:
            x, y = KIRI, y + 18
        legend.append(_swatch(pola, hatch, x, y, 14, 12) +
                      f'<text class="zi-grafik__label" x="{x + 18}" y="{y + 10}">{_e(name)}</text>')
        x += width + 10
    top = y + 22
    tinggi = top + len(tumpukan) * BARIS + 4
    rows = []
    for i, t in enumerate(tumpukan):
        y = top + i * BARIS
        parts = []
        start = 0.0
        for value, pola in zip(t.bagian, POLA):
            w = _x(value, maks)
            if w > 0:
                parts.append(_swatch(pola, hatch, KIRI + start, y + 20, w, TINGGI_BATANG))
            start += w
        rows.append(
            f'<g class="zi-grafik__baris"><text class="zi-grafik__label" x="{KIRI}" y="{y + 14}">'
            f'{_e(_short(f"{t.label}: {t.teks}"))}</text>{"".join(parts)}'
            f'<text class="zi-grafik__nilai" x="{KIRI + start + 6:.1f}" y="{y + 31}">{sum(t.bagian)}</text></g>')
    return _frame(kunci, judul, deskripsi, tinggi, legend + rows, ringkasan, defs)


def _swatch(pola: str, hatch: str, x: float, y: float, w: float, h: float) -> str:
    if pola == "padat":
        return f'<rect class="zi-grafik__batang" x="{x:.1f}" y="{y}" width="{w:.1f}" height="{h}"/>'
    if pola == "arsir":
        return (f'<rect class="zi-grafik__bagian-arsir" x="{x:.1f}" y="{y}" width="{w:.1f}" height="{h}" '
                f'fill="url(#{hatch})"/>')
    return f'<rect class="zi-grafik__bagian-kosong" x="{x + .5:.1f}" y="{y + .5}" width="{max(w - 1, 0):.1f}" height="{h - 1}"/>'

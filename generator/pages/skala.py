"""Geometry of the SVG charts: the scale, the axis and the layout, computed once.

Plain Python, no markup: this module turns the chart data (:class:`Batang`,
:class:`Garis`, :class:`Tumpukan`) into frozen *view* objects whose fields are
finished strings, written exactly as the SVG attributes need them ("12.3",
"62", "start"). The markup itself lives in the Jinja2 macros of
``theme/zi/_grafik.html``; :mod:`generator.pages.grafik` joins the two.

Units are SVG user units of a ``viewBox`` :data:`LEBAR` wide. A bar of value
``v`` on a scale up to ``maks`` is ``v / maks`` of :data:`BATANG` long,
computed with exact fractions and rounded once, when written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

Number = int | Fraction | Decimal

LEBAR = 320  # viewBox width: drawn for a phone (about 328 px of text column at 360 px), scaled up to the CSS max width
KIRI = 4
BATANG = 196  # width of a full bar; the value is written in the 118 units to its right
BARIS = 42  # height of one row: label line, then bar line
TINGGI_BATANG = 14
LABEL_GARIS = 16  # height of one reference-line label row
MAKS_LABEL = 48  # longest label written in full; longer ones end in "…"
CELAH_NILAI = 6  # gap between the end of a bar and its written value
LEGENDA_KOTAK = (14, 12)  # width, height of a legend swatch
LEGENDA_HURUF = 7  # about 7 units a character of legend text
LEGENDA_BARIS = 18  # height of one legend line
# About 8 units a character of a reference-line label (11 units high): wide enough for the toolbar's
# readable font (OpenDyslexic), whose letters are the widest the page can paint.
ACUAN_HURUF = 8

# Fill of each part of a stacked bar, in series order: solid, hatched, outline only, dashed outline
# (nothing known: "belum dilaporkan"), thick outline. Told apart without colour (WCAG 1.4.1).
POLA = ("padat", "arsir", "kosong", "putus", "tebal")


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
    ujung: str = ""  # written after the bar instead of the total, e.g. "25 % dari 4"


# --- numbers as the SVG writes them -------------------------------------------------------------


def satu_desimal(value: float) -> str:
    """A coordinate with one decimal: 12.25 -> "12.2" (Python's rounding of the binary value)."""
    return f"{value:.1f}"


def bulat(value: float) -> str:
    """A coordinate with no decimal: 62.0 -> "62"."""
    return f"{value:.0f}"


def x(value: Number, maks: Number) -> float:
    """Length on the scale of a value: 0 at 0, :data:`BATANG` at ``maks``; 0 when ``maks`` is 0."""
    if not maks:
        return 0.0
    return float(Fraction(value) / Fraction(maks)) * BATANG


def pendek(text: str) -> str:
    """A label of at most :data:`MAKS_LABEL` characters; a longer one is cut and ends in "…"."""
    return text if len(text) <= MAKS_LABEL else text[: MAKS_LABEL - 1].rstrip() + "…"


# --- views ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Bingkai:
    """The figure, the ``<svg>`` and its accessible name and description."""

    id: str
    id_judul: str
    id_desk: str
    lebar: str
    tinggi: str
    judul: str
    deskripsi: str
    ringkasan: str


@dataclass(frozen=True)
class GarisView:
    """A reference line from near the top to the bottom, its label beside it at the top."""

    x: str
    y1: str
    y2: str
    x_label: str
    y_label: str
    anchor: str  # "start": label to the right of the line; "end": to its left (line in the right half)
    label: str


@dataclass(frozen=True)
class BarisBatang:
    """One row: the label, the track, the bar (if any) and its written value."""

    label: str
    tebal: bool
    x: str
    y_label: str
    y_batang: str
    lebar_jalur: str
    tinggi: str
    lebar: str | None  # None: no bar (no value, or zero)
    tanpa_data: bool  # no value at all (not reported, unknown): the track is dashed, unlike a reported zero
    x_nilai: str
    y_nilai: str
    teks: str


@dataclass(frozen=True)
class GrafikBatang:
    bingkai: Bingkai
    garis: tuple[GarisView, ...]
    baris: tuple[BarisBatang, ...]


@dataclass(frozen=True)
class Kotak:
    """A filled box: a part of a stacked bar or a legend swatch. ``kosong`` is already inset by half a stroke."""

    pola: str  # one of POLA
    x: str
    y: str
    lebar: str
    tinggi: str
    arsir: str  # id of the hatch pattern


@dataclass(frozen=True)
class EntriLegenda:
    kotak: Kotak
    x: str
    y: str
    nama: str


@dataclass(frozen=True)
class BarisTumpukan:
    label: str
    x: str
    y_label: str
    bagian: tuple[Kotak, ...]  # only parts longer than 0
    x_jumlah: str
    y_jumlah: str
    jumlah: str


@dataclass(frozen=True)
class GrafikBertumpuk:
    bingkai: Bingkai
    id_arsir: str
    legenda: tuple[EntriLegenda, ...]
    baris: tuple[BarisTumpukan, ...]


# --- layout -----------------------------------------------------------------------------------


def bingkai(kunci: str, judul: str, deskripsi: str, tinggi: int, ringkasan: str) -> Bingkai:
    return Bingkai(
        id=f"grafik-{kunci}",
        id_judul=f"grafik-{kunci}-judul",
        id_desk=f"grafik-{kunci}-desk",
        lebar=str(LEBAR),
        tinggi=bulat(tinggi),
        judul=judul,
        deskripsi=deskripsi,
        ringkasan=ringkasan,
    )


def tata_garis(garis: Sequence[Garis], maks: Number, bawah: float) -> tuple[GarisView, ...]:
    """Reference lines, their labels stacked one :data:`LABEL_GARIS` row each above the bars."""
    out = []
    for i, g in enumerate(garis):
        gx = KIRI + x(g.nilai, maks)
        y = 12 + i * LABEL_GARIS
        anchor, tx = ("start", gx + 3) if gx < LEBAR / 2 else ("end", gx - 3)
        # The label stays inside the plot (issue 12): when it does not fit on its side of the line it
        # is moved along its row, away from the edge, until it does.
        width = len(g.label) * ACUAN_HURUF
        if anchor == "end" and tx - width < KIRI:
            anchor, tx = "start", max(KIRI, min(gx + 3, LEBAR - KIRI - width))
        elif anchor == "start" and tx + width > LEBAR - KIRI:
            anchor, tx = "end", min(LEBAR - KIRI, max(gx - 3, KIRI + width))
        out.append(
            GarisView(
                x=satu_desimal(gx),
                y1=satu_desimal(y - 10),
                y2=satu_desimal(bawah),
                x_label=satu_desimal(tx),
                y_label=satu_desimal(y),
                anchor=anchor,
                label=g.label,
            )
        )
    return tuple(out)


def tata_batang(
    kunci: str,
    judul: str,
    deskripsi: str,
    batang: Sequence[Batang],
    maks: Number,
    ringkasan: str,
    garis: Sequence[Garis] = (),
) -> GrafikBatang:
    """Horizontal bars, one row per item: its label above, the bar and its value below."""
    top = len(garis) * LABEL_GARIS + (4 if garis else 0)
    tinggi = top + len(batang) * BARIS + 4
    rows = []
    for i, b in enumerate(batang):
        y = top + i * BARIS
        width = x(b.nilai, maks) if b.nilai else 0.0
        rows.append(
            BarisBatang(
                label=pendek(b.label),
                tebal=b.tebal,
                x=str(KIRI),
                y_label=str(y + 14),
                y_batang=str(y + 20),
                lebar_jalur=str(BATANG),
                tinggi=str(TINGGI_BATANG),
                lebar=satu_desimal(width) if width > 0 else None,
                tanpa_data=b.nilai is None,
                x_nilai=str(KIRI + BATANG + CELAH_NILAI),
                y_nilai=str(y + 31),
                teks=b.teks,
            )
        )
    return GrafikBatang(
        bingkai=bingkai(kunci, judul, deskripsi, tinggi, ringkasan),
        garis=tata_garis(garis, maks, tinggi - 4),
        baris=tuple(rows),
    )


def kotak(pola: str, arsir: str, kx: float, ky: int, w: float, h: int) -> Kotak:
    """A box at (kx, ky) of w by h; an outline-only box is inset by half its 1-unit stroke."""
    if pola in ("kosong", "putus", "tebal"):
        return Kotak(
            pola=pola,
            x=satu_desimal(kx + 0.5),
            y=str(ky + 0.5),
            lebar=satu_desimal(max(w - 1, 0)),
            tinggi=str(h - 1),
            arsir=arsir,
        )
    return Kotak(pola=pola, x=satu_desimal(kx), y=str(ky), lebar=satu_desimal(w), tinggi=str(h), arsir=arsir)


def tata_legenda(seri: Sequence[str], arsir: str) -> tuple[tuple[EntriLegenda, ...], int]:
    """Legend entries left to right, wrapping to a new line when one would pass the right edge.

    Returns the entries and the y of the last legend line.
    """
    out = []
    lx, ly = KIRI, 6
    kw, kh = LEGENDA_KOTAK
    for name, pola in zip(seri, POLA):
        width = kw + 4 + len(name) * LEGENDA_HURUF  # swatch, gap, text
        if lx > KIRI and lx + width > LEBAR:
            lx, ly = KIRI, ly + LEGENDA_BARIS
        out.append(
            EntriLegenda(kotak=kotak(pola, arsir, lx, ly, kw, kh), x=str(lx + kw + 4), y=str(ly + 10), nama=name)
        )
        lx += width + 10
    return tuple(out), ly


def tata_bertumpuk(
    kunci: str, judul: str, deskripsi: str, seri: Sequence[str], tumpukan: Sequence[Tumpukan], maks: int, ringkasan: str
) -> GrafikBertumpuk:
    """Stacked horizontal bars under a legend; each part is as long as its count on the common scale."""
    arsir = f"grafik-{kunci}-arsir"
    legenda, last = tata_legenda(seri, arsir)
    top = last + 22
    tinggi = top + len(tumpukan) * BARIS + 4
    rows = []
    for i, t in enumerate(tumpukan):
        y = top + i * BARIS
        parts = []
        start = 0.0
        for value, pola in zip(t.bagian, POLA):
            w = x(value, maks)
            if w > 0:
                parts.append(kotak(pola, arsir, KIRI + start, y + 20, w, TINGGI_BATANG))
            start += w
        rows.append(
            BarisTumpukan(
                label=pendek(f"{t.label}: {t.teks}" if t.teks else t.label),
                x=str(KIRI),
                y_label=str(y + 14),
                bagian=tuple(parts),
                x_jumlah=satu_desimal(KIRI + start + CELAH_NILAI),
                y_jumlah=str(y + 31),
                jumlah=t.ujung or str(sum(t.bagian)),
            )
        )
    return GrafikBertumpuk(
        bingkai=bingkai(kunci, judul, deskripsi, tinggi, ringkasan), id_arsir=arsir, legenda=legenda, baris=tuple(rows)
    )

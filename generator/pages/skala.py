"""Geometry of the SVG charts: the scale, the axis and the layout, computed once.

Plain Python, no markup: this module turns the chart data (:class:`Batang`,
:class:`Garis`, :class:`Tumpukan`) into frozen *view* objects whose fields are
finished strings, written exactly as the SVG attributes need them ("12.3",
"62", "start"). The markup itself lives in the Jinja2 macros of
``theme/zi/_grafik.html``; :mod:`generator.pages.grafik` joins the two.

Units are SVG user units of a ``viewBox`` :data:`LEBAR` wide. A bar of value
``v`` on a scale up to ``maks`` is ``v / maks`` of :data:`BATANG` long,
computed with exact fractions and rounded once, when written.

Every chart is laid out twice (issue 12, "labels grow with text size"): the wide layout
(:data:`TATA_LEBAR`, label above, value beside the bar) and a narrow one (:data:`TATA_SEMPIT`, half as
wide, labels wrapped, the value on its own line). SVG text scales with the drawing, not with the page's
text size, so on a phone at 200 % text the wide drawing would keep 12 px labels under 40 px body text;
``grafik.css`` shows the narrow drawing when the figure is narrow *in rem* (a container query), which
draws the same text about twice as large. Both carry the same title, description and numbers.
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
# About 8 units a character of a reference-line label (12 units high) in the wide drawing; the
# toolbar's readable font (OpenDyslexic) always gets the narrow drawing, which wraps at TATA_SEMPIT.huruf.
ACUAN_HURUF = 8


@dataclass(frozen=True)
class Tata:
    """One way to lay a chart out: how wide it is drawn and how its texts are placed."""

    nama: str  # "lebar" or "sempit": the CSS class suffix and the id suffix of the drawing
    lebar: int  # viewBox width
    batang: int  # length of a full bar
    huruf: float  # units a character, for wrapping (a wide face: the toolbar's OpenDyslexic)
    nilai_di_samping: bool  # True: the value follows the bar; False: it has its own line above the bar
    baris_label: int = 15  # height of one wrapped label line
    atas: int = 0  # space above the first line: OpenDyslexic's ascent reaches higher than other faces


TATA_LEBAR = Tata("lebar", LEBAR, BATANG, 7, True)
# Half as wide: drawn in a phone's column it paints text about twice as large. 10.5 units a character
# holds OpenDyslexic (about 9.3 units a character at the 11.5 units grafik.css gives it), so no wrapped
# line passes the right edge whatever the face.
TATA_SEMPIT = Tata("sempit", 164, 156, 10.5, False, atas=6)

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


def x(value: Number, maks: Number, panjang: int = BATANG) -> float:
    """Length on the scale of a value: 0 at 0, ``panjang`` (:data:`BATANG`) at ``maks``; 0 when ``maks`` is 0."""
    if not maks:
        return 0.0
    return float(Fraction(value) / Fraction(maks)) * panjang


def pendek(text: str) -> str:
    """A label of at most :data:`MAKS_LABEL` characters; a longer one is cut and ends in "…"."""
    return text if len(text) <= MAKS_LABEL else text[: MAKS_LABEL - 1].rstrip() + "…"


def lipat(text: str, maks: int) -> tuple[str, ...]:
    """Lines of at most ``maks`` characters, broken between words (a longer word keeps its own line)."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= maks:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return tuple(lines) or ("",)


# --- views ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Bingkai:
    """One drawing (``<svg>``) of a chart and its accessible name and description."""

    id: str  # prefix of the drawing's own ids
    tata: str  # the layout's name: "lebar" or "sempit"
    id_judul: str
    id_desk: str
    lebar: str
    tinggi: str
    judul: str
    deskripsi: str


@dataclass(frozen=True)
class Teks:
    """A further line of a wrapped text, below its first line."""

    x: str
    y: str
    isi: str


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
    lanjutan: tuple[Teks, ...] = ()  # further lines of a wrapped label, same anchor


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
    lanjutan: tuple[Teks, ...] = ()  # further lines of a wrapped label


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
    lanjutan: tuple[Teks, ...] = ()  # further lines of a wrapped name (narrow drawing)


@dataclass(frozen=True)
class BarisTumpukan:
    label: str
    x: str
    y_label: str
    bagian: tuple[Kotak, ...]  # only parts longer than 0
    x_jumlah: str
    y_jumlah: str
    jumlah: str
    lanjutan: tuple[Teks, ...] = ()  # further lines of a wrapped label


@dataclass(frozen=True)
class GrafikBertumpuk:
    bingkai: Bingkai
    id_arsir: str
    legenda: tuple[EntriLegenda, ...]
    baris: tuple[BarisTumpukan, ...]


@dataclass(frozen=True)
class Grafik:
    """A chart: one figure, its point in words, and its two drawings (wide and narrow)."""

    id: str
    ringkasan: str
    lebar: GrafikBatang | GrafikBertumpuk
    sempit: GrafikBatang | GrafikBertumpuk


# --- layout -----------------------------------------------------------------------------------


def bingkai(kunci: str, judul: str, deskripsi: str, tinggi: float, tata: Tata = TATA_LEBAR) -> Bingkai:
    prefix = f"grafik-{kunci}" if tata is TATA_LEBAR else f"grafik-{kunci}-{tata.nama}"
    return Bingkai(
        id=prefix,
        tata=tata.nama,
        id_judul=f"{prefix}-judul",
        id_desk=f"{prefix}-desk",
        lebar=str(tata.lebar),
        tinggi=bulat(tinggi),
        judul=judul,
        deskripsi=deskripsi,
    )


def _label(text: str, tata: Tata, x0: int, y0: int) -> tuple[str, tuple[Teks, ...], int]:
    """A label at (x0, y0): the wide layout cuts it to one line, the narrow one wraps it.

    Returns the first line, the further lines, and the y of the last line.
    """
    if tata.nilai_di_samping:
        return pendek(text), (), y0
    lines = lipat(text, int((tata.lebar - 2 * KIRI) / tata.huruf))
    rest = tuple(Teks(x=str(x0), y=str(y0 + i * tata.baris_label), isi=t) for i, t in enumerate(lines) if i)
    return lines[0], rest, y0 + (len(lines) - 1) * tata.baris_label


def _tinggi_label(text: str, tata: Tata) -> int:
    """Extra height of a label's wrapped lines (0 in the wide layout), plus the narrow layout's value line."""
    if tata.nilai_di_samping:
        return 0
    return (len(lipat(text, int((tata.lebar - 2 * KIRI) / tata.huruf))) - 1) * tata.baris_label + tata.baris_label


def tata_garis(
    garis: Sequence[Garis], maks: Number, bawah: float, tata: Tata = TATA_LEBAR
) -> tuple[tuple[GarisView, ...], int]:
    """Reference lines, their labels stacked one :data:`LABEL_GARIS` row a line above the bars.

    Returns the lines and the number of label rows they take (a wrapped label takes more than one).
    """
    out = []
    row = 0
    huruf = ACUAN_HURUF if tata.nilai_di_samping else tata.huruf
    for g in garis:
        gx = KIRI + x(g.nilai, maks, tata.batang)
        lines = (g.label,) if tata.nilai_di_samping else lipat(g.label, int((tata.lebar - 2 * KIRI) / huruf))
        y = 12 + tata.atas + row * LABEL_GARIS
        anchor, tx = ("start", gx + 3) if gx < tata.lebar / 2 else ("end", gx - 3)
        # The label stays inside the plot (issue 12): when it does not fit on its side of the line it
        # is moved along its row, away from the edge, until it does.
        width = max(len(t) for t in lines) * huruf
        if anchor == "end" and tx - width < KIRI:
            anchor, tx = "start", max(KIRI, min(gx + 3, tata.lebar - KIRI - width))
        elif anchor == "start" and tx + width > tata.lebar - KIRI:
            anchor, tx = "end", min(tata.lebar - KIRI, max(gx - 3, KIRI + width))
        out.append(
            GarisView(
                x=satu_desimal(gx),
                y1=satu_desimal(y - 10),
                y2=satu_desimal(bawah),
                x_label=satu_desimal(tx),
                y_label=satu_desimal(y),
                anchor=anchor,
                label=lines[0],
                lanjutan=tuple(
                    Teks(x=satu_desimal(tx), y=satu_desimal(y + i * LABEL_GARIS), isi=t)
                    for i, t in enumerate(lines)
                    if i
                ),
            )
        )
        row += len(lines)
    return tuple(out), row


def tata_batang(
    kunci: str,
    judul: str,
    deskripsi: str,
    batang: Sequence[Batang],
    maks: Number,
    garis: Sequence[Garis] = (),
    tata: Tata = TATA_LEBAR,
) -> GrafikBatang:
    """Horizontal bars, one row per item: its label above, the bar and its value below (wide layout),
    or its label lines, its value line and the bar (narrow layout)."""
    _, label_rows = tata_garis(garis, maks, 0, tata)
    top = tata.atas + label_rows * LABEL_GARIS + (4 if garis else 0)
    rows = []
    y = top
    for b in batang:
        width = x(b.nilai, maks, tata.batang) if b.nilai else 0.0
        label, rest, last = _label(b.label, tata, KIRI, y + 14)
        if tata.nilai_di_samping:
            y_bar, x_nilai, y_nilai = y + 20, KIRI + tata.batang + CELAH_NILAI, y + 31
        else:
            y_nilai = last + tata.baris_label
            y_bar, x_nilai = y_nilai + 6, KIRI
        rows.append(
            BarisBatang(
                label=label,
                tebal=b.tebal,
                x=str(KIRI),
                y_label=str(y + 14),
                y_batang=bulat(y_bar),
                lebar_jalur=str(tata.batang),
                tinggi=str(TINGGI_BATANG),
                lebar=satu_desimal(width) if width > 0 else None,
                tanpa_data=b.nilai is None,
                x_nilai=bulat(x_nilai),
                y_nilai=bulat(y_nilai),
                teks=b.teks,
                lanjutan=rest,
            )
        )
        y += BARIS + _tinggi_label(b.label, tata)
    tinggi = y + 4
    lines, _ = tata_garis(garis, maks, tinggi - 4, tata)
    return GrafikBatang(bingkai=bingkai(kunci, judul, deskripsi, tinggi, tata), garis=lines, baris=tuple(rows))


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


def tata_legenda(seri: Sequence[str], arsir: str, tata: Tata = TATA_LEBAR) -> tuple[tuple[EntriLegenda, ...], int]:
    """Legend entries left to right, wrapping to a new line when one would pass the right edge; in the
    narrow drawing one entry a line, its name wrapped.

    Returns the entries and the y of the last legend line.
    """
    out = []
    lx, ly = KIRI, 6 + tata.atas
    kw, kh = LEGENDA_KOTAK
    for name, pola in zip(seri, POLA):
        if not tata.nilai_di_samping:
            lines = lipat(name, int((tata.lebar - 2 * KIRI - kw - 4) / tata.huruf))
            tx = KIRI + kw + 4
            rest = tuple(
                Teks(x=str(tx), y=str(ly + 10 + i * tata.baris_label), isi=t) for i, t in enumerate(lines) if i
            )
            out.append(
                EntriLegenda(
                    kotak=kotak(pola, arsir, KIRI, ly, kw, kh), x=str(tx), y=str(ly + 10), nama=lines[0], lanjutan=rest
                )
            )
            ly += LEGENDA_BARIS + (len(lines) - 1) * tata.baris_label
            continue
        width = kw + 4 + len(name) * LEGENDA_HURUF  # swatch, gap, text
        if lx > KIRI and lx + width > tata.lebar:
            lx, ly = KIRI, ly + LEGENDA_BARIS
        out.append(
            EntriLegenda(kotak=kotak(pola, arsir, lx, ly, kw, kh), x=bulat(lx + kw + 4), y=str(ly + 10), nama=name)
        )
        lx += width + 10
    if not tata.nilai_di_samping and out:
        ly -= LEGENDA_BARIS  # the y of the last line, as in the wide drawing
    return tuple(out), ly


def tata_bertumpuk(
    kunci: str,
    judul: str,
    deskripsi: str,
    seri: Sequence[str],
    tumpukan: Sequence[Tumpukan],
    maks: int,
    tata: Tata = TATA_LEBAR,
) -> GrafikBertumpuk:
    """Stacked horizontal bars under a legend; each part is as long as its count on the common scale."""
    prefix = f"grafik-{kunci}" if tata is TATA_LEBAR else f"grafik-{kunci}-{tata.nama}"
    arsir = f"{prefix}-arsir"
    legenda, last = tata_legenda(seri, arsir, tata)
    top = last + 22
    rows = []
    y = top
    for t in tumpukan:
        text = f"{t.label}: {t.teks}" if t.teks else t.label
        label, rest, end = _label(text, tata, KIRI, y + 14)
        y_bar = y + 20 if tata.nilai_di_samping else end + tata.baris_label + 6
        parts = []
        start = 0.0
        for value, pola in zip(t.bagian, POLA):
            w = x(value, maks, tata.batang)
            if w > 0:
                parts.append(kotak(pola, arsir, KIRI + start, y_bar, w, TINGGI_BATANG))
            start += w
        if tata.nilai_di_samping:
            x_jumlah, y_jumlah = satu_desimal(KIRI + start + CELAH_NILAI), str(y + 31)
        else:
            x_jumlah, y_jumlah = str(KIRI), bulat(end + tata.baris_label)
        rows.append(
            BarisTumpukan(
                label=label,
                x=str(KIRI),
                y_label=str(y + 14),
                bagian=tuple(parts),
                x_jumlah=x_jumlah,
                y_jumlah=y_jumlah,
                jumlah=t.ujung or str(sum(t.bagian)),
                lanjutan=rest,
            )
        )
        y += BARIS + _tinggi_label(text, tata)
    return GrafikBertumpuk(
        bingkai=bingkai(kunci, judul, deskripsi, y + 4, tata), id_arsir=arsir, legenda=legenda, baris=tuple(rows)
    )


def grafik_batang(
    kunci: str,
    judul: str,
    deskripsi: str,
    batang: Sequence[Batang],
    maks: Number,
    ringkasan: str,
    garis: Sequence[Garis] = (),
) -> Grafik:
    """A bar chart in both layouts."""
    a = (kunci, judul, deskripsi, batang, maks, garis)
    return Grafik(
        id=f"grafik-{kunci}",
        ringkasan=ringkasan,
        lebar=tata_batang(*a, tata=TATA_LEBAR),
        sempit=tata_batang(*a, tata=TATA_SEMPIT),
    )


def grafik_bertumpuk(
    kunci: str,
    judul: str,
    deskripsi: str,
    seri: Sequence[str],
    tumpukan: Sequence[Tumpukan],
    maks: int,
    ringkasan: str,
) -> Grafik:
    """A stacked bar chart in both layouts."""
    a = (kunci, judul, deskripsi, seri, tumpukan, maks)
    return Grafik(
        id=f"grafik-{kunci}",
        ringkasan=ringkasan,
        lebar=tata_bertumpuk(*a, tata=TATA_LEBAR),
        sempit=tata_bertumpuk(*a, tata=TATA_SEMPIT),
    )

"""Find the decree table's header row and map its columns to the model's fields.

Headings are matched by the words the decrees use (Gunungkidul: NO · KOMPONEN
· INDIKATOR · LANGKAH AKSI · BUKTI FISIK · TARGET WAKTU · TARGET CAPAIAN;
Wonosobo: No. · AREA PERUBAHAN · KEGIATAN · SUB KEGIATAN · INDIKATOR
KEBERHASILAN · PELAKSANAAN (BULAN) 1-12 · KET), ignoring case, punctuation,
spacing and line breaks. A heading may span several columns: KEGIATAN over a
number column and a text column, PELAKSANAAN over twelve month columns.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from generator.domain.jadwal import BULAN, BULAN_SINGKAT
from generator.importer.read import Cell, Grid, column_letter

HEADER_SEARCH_ROWS = 40

# Field -> the headings real decrees use for it (normalised: upper case, words only).
HEADINGS: dict[str, tuple[str, ...]] = {
    "nomor": ("NO", "NOMOR", "NO URUT"),
    "area": ("AREA PERUBAHAN", "AREA"),
    "kegiatan": ("KOMPONEN", "KEGIATAN", "PROGRAM", "PROGRAM KEGIATAN"),
    "indikator": ("INDIKATOR", "SUB KEGIATAN", "SUBKEGIATAN", "SUB KOMPONEN"),
    "uraian": ("LANGKAH AKSI", "INDIKATOR KEBERHASILAN", "RENCANA AKSI", "AKSI", "LANGKAH LANGKAH AKSI",
               "URAIAN KEGIATAN"),
    "bukti": ("BUKTI FISIK", "BUKTI DUKUNG", "DATA DUKUNG", "BUKTI", "OUTPUT"),
    "jadwal": ("TARGET WAKTU", "PELAKSANAAN BULAN", "PELAKSANAAN", "WAKTU PELAKSANAAN", "JADWAL",
               "JADWAL PELAKSANAAN", "WAKTU", "BULAN"),
    "target": ("TARGET CAPAIAN", "TARGET", "CAPAIAN"),
    "ket": ("KET", "KETERANGAN"),
}
REQUIRED = ("kegiatan", "indikator", "uraian")
EXPECTED = {
    "Gunungkidul": ("NO", "KOMPONEN", "INDIKATOR", "LANGKAH AKSI", "BUKTI FISIK", "TARGET WAKTU", "TARGET CAPAIAN"),
    "Wonosobo": ("No.", "AREA PERUBAHAN", "KEGIATAN", "SUB KEGIATAN", "INDIKATOR KEBERHASILAN",
                 "PELAKSANAAN (BULAN) dengan kolom bulan 1-12", "KET"),
}
_BY_HEADING = {h: f for f, hs in HEADINGS.items() for h in hs}
_MONTH_HEAD = {b.upper(): i for names in (BULAN, BULAN_SINGKAT) for i, b in enumerate(names, 1)}


class LayoutError(Exception):
    """No decree header found; the message names the headings that were expected."""


def normalise_heading(text: str) -> str:
    return " ".join(re.sub(r"[^0-9A-Z]+", " ", text.upper()).split())


def heading_field(text: str) -> tuple[str | None, bool]:
    """(field, exact) for a header cell; a near miss ('LANGKAH AKSl') matches with exact=False."""
    norm = normalise_heading(text)
    if not norm:
        return None, True
    if norm in _BY_HEADING:
        return _BY_HEADING[norm], True
    close = difflib.get_close_matches(norm, list(_BY_HEADING), n=1, cutoff=0.86)
    if close:
        return _BY_HEADING[close[0]], False
    return None, True


@dataclass(frozen=True)
class Span:
    """One heading and the columns under it."""

    field: str | None  # None: a heading the importer does not know
    heading: str  # as written in the sheet, line breaks folded
    cols: tuple[int, ...]


@dataclass
class Layout:
    header_row: int
    first_data_row: int
    spans: list[Span]
    months: dict[int, int]  # column -> month number (jadwal as a month grid)
    nomor_kolom: bool  # a row of column numbers 1, 2, 3, ... under the header
    notes: list[str] = field(default_factory=list)

    def span(self, name: str) -> Span | None:
        return next((s for s in self.spans if s.field == name), None)

    @property
    def area_column(self) -> bool:
        return self.span("area") is not None

    @property
    def unknown_cols(self) -> dict[int, str | None]:
        """Columns outside every known heading: col -> unknown heading text (None: no heading)."""
        known = {c for s in self.spans if s.field for c in s.cols}
        out: dict[int, str | None] = {c: s.heading for s in self.spans if not s.field for c in s.cols}
        return {c: h for c, h in out.items() if c not in known}

    def kolom(self) -> dict[str, object]:
        """The model's ``kolom``: the sheet's own headings, so the site shows the decree's words."""
        out: dict[str, object] = {}
        for name in ("nomor", "area", "kegiatan", "indikator", "uraian", "bukti", "jadwal", "target", "ket"):
            s = self.span(name)
            if s is not None:
                out[name] = s.heading
        out.setdefault("nomor", "No.")
        if self.months:
            out["jadwal_bulanan"] = True
        if self.nomor_kolom:
            out["nomor_kolom"] = True
        return out


def find_layout(grid: Grid) -> Layout:
    best: tuple[int, int, list[tuple[Cell, str | None, bool]]] | None = None
    for r in range(1, min(len(grid.rows), HEADER_SEARCH_ROWS) + 1):
        heads = [(c, *heading_field(c.text)) for c in grid.rows[r - 1] if c.text]
        found = {f for _, f, _ in heads if f}
        score = len(found)
        if all(f in found for f in REQUIRED):
            return _layout(grid, r, heads)
        if best is None or score > best[1]:
            best = (r, score, heads)
    raise LayoutError(_not_found(grid, best))


def _not_found(grid: Grid, best) -> str:
    where = f"lembar '{grid.name}'" if grid.kind == "xlsx" else f"berkas {grid.name}"
    if not grid.rows:
        return f"{where} kosong: tidak ada tabel rencana aksi"
    lines = [f"judul kolom tabel rencana aksi tidak ditemukan di {where} "
             f"(dicari pada {HEADER_SEARCH_ROWS} baris pertama).",
             "Judul kolom yang diharapkan, salah satu tata letak keputusan:"]
    for name, heads in EXPECTED.items():
        lines.append(f"  - seperti keputusan KPU Kabupaten {name}: " + " · ".join(heads))
    lines.append("Wajib ada: kolom kegiatan (KOMPONEN/KEGIATAN), kolom indikator (INDIKATOR/SUB KEGIATAN) "
                 "dan kolom uraian (LANGKAH AKSI/INDIKATOR KEBERHASILAN).")
    if best and best[1]:
        r, _, heads = best
        known = [f"{grid.where(c.row, c.col)} '{c.text}'" for c, f, _ in heads if f]
        unknown = [f"'{c.text}'" for c, f, _ in heads if not f]
        lines.append(f"Baris {r} paling mirip: dikenali {', '.join(known)}"
                     + (f"; tidak dikenali {', '.join(unknown[:8])}" if unknown else ""))
    return "\n".join(lines)


def _layout(grid: Grid, r: int, heads: list[tuple[Cell, str | None, bool]]) -> Layout:
    notes: list[str] = []
    header = grid.rows[r - 1]
    starts = sorted(c.col for c, _, _ in heads)
    spans: list[Span] = []
    used: set[str] = set()
    for i, (cell, name, exact) in enumerate(sorted(heads, key=lambda h: h[0].col)):
        end = starts[i + 1] - 1 if i + 1 < len(starts) else _merge_end(header, cell.col)
        cols = tuple(c for c in range(cell.col, end + 1)
                     if c == cell.col or not header[c - 1].text)
        heading = " ".join(cell.text.split())
        if name in used:
            notes.append(f"{grid.where(r, cell.col)}: judul kolom '{heading}' muncul lagi; kolom ini tidak diimpor")
            name = None
        if name and not exact:
            notes.append(f"{grid.where(r, cell.col)}: judul kolom '{heading}' dianggap "
                         f"{HEADINGS[name][0]}")
        if name:
            used.add(name)
        spans.append(Span(name, heading, cols))
    first_data = r + 1
    months: dict[int, int] = {}
    nomor_kolom = False
    sub = grid.rows[r] if r < len(grid.rows) else []
    # A second header row: column numbers or months; a heading repeated from above (csv) is ignored.
    sub_values = {c.col: c.text for c in sub if c.text and c.text != header[c.col - 1].text}
    if sub_values and all(_small_number(t) or t.upper() in _MONTH_HEAD for t in sub_values.values()):
        first_data = r + 2
        jadwal = next((s for s in spans if s.field == "jadwal"), None)
        if jadwal and len(jadwal.cols) > 1:
            for c in jadwal.cols:
                t = sub_values.get(c, "")
                m = int(t) if _small_number(t) else _MONTH_HEAD.get(t.upper())
                if m and 1 <= m <= 12:
                    months[c] = m
        numbered = [c for c in sorted(sub_values) if c not in months]
        nomor_kolom = len(numbered) >= 3 and [int(sub_values[c]) for c in numbered if _small_number(sub_values[c])] \
            == list(range(1, len(numbered) + 1))
    else:
        jadwal = next((s for s in spans if s.field == "jadwal"), None)
        if jadwal and len(jadwal.cols) == 12:
            months = {c: i for i, c in enumerate(jadwal.cols, 1)}
            notes.append(f"kolom {jadwal.heading} terdiri atas 12 kolom tanpa baris nomor bulan; "
                         f"dibaca sebagai Januari sampai Desember ({column_letter(jadwal.cols[0])}"
                         f"–{column_letter(jadwal.cols[-1])})")
    if "nomor" not in used:
        notes.append("tidak ada kolom NO; nomor diambil dari awal teks tiap sel (mis. 'a.', '1)')")
    return Layout(r, first_data, spans, months, nomor_kolom, notes)


def _merge_end(header: list[Cell], col: int) -> int:
    """Last column of a heading merged to the right (or the heading's own column)."""
    end = col
    for c in range(col + 1, len(header) + 1):
        cell = header[c - 1]
        if cell.beside_merge and cell.merged_from == (cell.row, col):
            end = c
        else:
            break
    return end


def _small_number(text: str) -> bool:
    return text.isdigit() and 1 <= int(text) <= 40


def is_header_again(row: list[Cell], layout: Layout) -> bool:
    """A header repeated inside the table (pages pasted one after another)."""
    heads = {heading_field(c.text)[0] for c in row if c.text}
    heads.discard(None)
    return len(heads) >= 3 and all(f in heads for f in REQUIRED)


def is_column_numbers(row: list[Cell]) -> bool:
    texts = [c.text for c in row if c.text]
    return len(texts) >= 3 and all(_small_number(t) for t in texts) and len(set(texts)) == len(texts)

"""Find the decree table's header row and map its columns to the model's fields.

Headings are matched by the words the decrees use (Gunungkidul: NO · KOMPONEN
· INDIKATOR · LANGKAH AKSI · BUKTI FISIK · TARGET WAKTU · TARGET CAPAIAN;
Wonosobo: No. · AREA PERUBAHAN · KEGIATAN · SUB KEGIATAN · INDIKATOR
KEBERHASILAN · PELAKSANAAN (BULAN) 1-12 · KET), ignoring case, punctuation,
spacing and line breaks. A heading may span several columns: KEGIATAN over a
number column and a text column, PELAKSANAAN over twelve month columns.

Other offices' layouts are read too: a schedule by quarter or half year (TW I–IV,
Triwulan I–IV, Semester I–II columns, under a heading or on their own), a column
naming who is responsible (PENANGGUNG JAWAB, PJ, PELAKSANA, UNIT KERJA),
OUTPUT/KELUARAN for the evidence, and no indikator column. A heading the
importer does not know can be mapped by staff (``--kolom "JUDUL=bidang"``).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from generator.domain.jadwal import BULAN, BULAN_SINGKAT, JadwalError, parse_jadwal
from generator.staff.importer.read import Cell, Grid, column_letter

HEADER_SEARCH_ROWS = 40

# Field -> the headings real decrees use for it (normalised: upper case, words only).
HEADINGS: dict[str, tuple[str, ...]] = {
    "nomor": ("NO", "NOMOR", "NO URUT"),
    "area": ("AREA PERUBAHAN", "AREA"),
    "kegiatan": ("KOMPONEN", "KEGIATAN", "PROGRAM", "PROGRAM KEGIATAN"),
    "indikator": ("INDIKATOR", "SUB KEGIATAN", "SUBKEGIATAN", "SUB KOMPONEN"),
    "uraian": (
        "LANGKAH AKSI",
        "INDIKATOR KEBERHASILAN",
        "RENCANA AKSI",
        "AKSI",
        "LANGKAH LANGKAH AKSI",
        "URAIAN KEGIATAN",
    ),
    "bukti": (
        "BUKTI FISIK",
        "BUKTI DUKUNG",
        "DATA DUKUNG",
        "BUKTI",
        "OUTPUT",
        "KELUARAN",
        "OUTPUT KELUARAN",
        "KELUARAN OUTPUT",
    ),
    "jadwal": (
        "TARGET WAKTU",
        "PELAKSANAAN BULAN",
        "PELAKSANAAN",
        "WAKTU PELAKSANAAN",
        "JADWAL",
        "JADWAL PELAKSANAAN",
        "WAKTU",
        "BULAN",
        "TRIWULAN",
        "SEMESTER",
        "WAKTU PELAKSANAAN TRIWULAN",
        "WAKTU PELAKSANAAN SEMESTER",
        "JADWAL PELAKSANAAN TRIWULAN",
        "TARGET WAKTU TRIWULAN",
        "PELAKSANAAN TRIWULAN",
        "PELAKSANAAN SEMESTER",
        "WAKTU TRIWULAN",
        "WAKTU SEMESTER",
        "JADWAL TRIWULAN",
        "JADWAL SEMESTER",
        "TARGET WAKTU SEMESTER",
    ),
    "target": ("TARGET CAPAIAN", "TARGET", "CAPAIAN"),
    "penanggung_jawab": (
        "PENANGGUNG JAWAB",
        "PENANGGUNGJAWAB",
        "PJ",
        "PIC",
        "PELAKSANA",
        "UNIT KERJA",
        "UNIT PELAKSANA",
        "UNIT PENANGGUNG JAWAB",
        "UNIT KERJA PENANGGUNG JAWAB",
        "PENANGGUNG JAWAB PELAKSANA",
        "PELAKSANA PENANGGUNG JAWAB",
    ),
    "ket": ("KET", "KETERANGAN"),
}
FIELDS = tuple(HEADINGS)  # every field a column can be mapped to, in the model's order
REQUIRED = ("kegiatan", "uraian")  # an indikator column is optional: some decrees have no such level
EXPECTED = {
    "Gunungkidul": ("NO", "KOMPONEN", "INDIKATOR", "LANGKAH AKSI", "BUKTI FISIK", "TARGET WAKTU", "TARGET CAPAIAN"),
    "Wonosobo": (
        "No.",
        "AREA PERUBAHAN",
        "KEGIATAN",
        "SUB KEGIATAN",
        "INDIKATOR KEBERHASILAN",
        "PELAKSANAAN (BULAN) dengan kolom bulan 1-12",
        "KET",
    ),
}
OTHER_LAYOUTS = (
    "jadwal per triwulan/semester: kolom TW I–TW IV, Triwulan I–IV atau Semester I–II",
    "kolom PENANGGUNG JAWAB / PJ / PELAKSANA / UNIT KERJA",
    "OUTPUT atau KELUARAN sebagai bukti",
    "tanpa kolom indikator",
)
FIELD_HELP = {
    "nomor": "nomor (NO)",
    "area": "area (AREA PERUBAHAN)",
    "kegiatan": "kegiatan (KOMPONEN/KEGIATAN)",
    "indikator": "indikator (INDIKATOR/SUB KEGIATAN)",
    "uraian": "uraian (LANGKAH AKSI/RENCANA AKSI)",
    "bukti": "bukti (BUKTI FISIK/OUTPUT/KELUARAN)",
    "jadwal": "jadwal (TARGET WAKTU/PELAKSANAAN/TW I–IV)",
    "target": "target (TARGET CAPAIAN)",
    "penanggung_jawab": "penanggung_jawab (PENANGGUNG JAWAB/PJ/PELAKSANA)",
    "ket": "ket (KETERANGAN)",
}
IGNORE = "-"  # mapping a heading to "-" leaves its column out, without a note
MAPPING_HINT = (
    'petakan judul kolom yang tidak dikenal dengan --kolom "JUDUL=bidang" (boleh diulang), '
    'mis. --kolom "NAMA KEGIATAN=kegiatan" --kolom "UNIT=penanggung_jawab", atau dengan berkas '
    '--peta-kolom peta.yaml (baris JUDUL: bidang); bidang "-" berarti kolom tidak diimpor'
)
_BY_HEADING = {h: f for f, hs in HEADINGS.items() for h in hs}
_MONTH_HEAD = {b.upper(): i for names in (BULAN, BULAN_SINGKAT) for i, b in enumerate(names, 1)}


class LayoutError(Exception):
    """No decree header found; the message names the headings that were expected."""


def normalise_heading(text: str) -> str:
    return " ".join(re.sub(r"[^0-9A-Z]+", " ", text.upper()).split())


def heading_field(text: str, peta: dict[str, str] | None = None) -> tuple[str | None, bool]:
    """(field, exact) for a header cell; a near miss ('LANGKAH AKSl') matches with exact=False.

    ``peta`` (normalised heading -> field, from ``--kolom``) comes first; a quarter or semester
    label ('TW II', 'Semester I') is a jadwal column.
    """
    norm = normalise_heading(text)
    if not norm:
        return None, True
    if peta and norm in peta:
        return peta[norm], True
    if period_window(text):
        return "jadwal", True
    if norm in _BY_HEADING:
        return _BY_HEADING[norm], True
    close = difflib.get_close_matches(norm, list(_BY_HEADING), n=1, cutoff=0.86)
    if close:
        return _BY_HEADING[close[0]], False
    return None, True


def period_window(text: str) -> tuple[int, int] | None:
    """(first month, last month) when ``text`` names one quarter or semester ('TW II', 'Semester I')."""
    try:
        windows = parse_jadwal(" ".join(text.split())).jendela
    except JadwalError:
        return None
    return windows[0] if len(windows) == 1 else None


_PERIOD_WORD = re.compile(r"\b(TW|TRIWULAN|SEMESTER|SMT)\b", re.I)
_BARE_PERIOD = {"I", "II", "III", "IV", "1", "2", "3", "4"}


def parse_peta(pairs: dict[str, str]) -> dict[str, str]:
    """Heading -> field as staff wrote it, to normalised heading -> field; ValueError names a wrong field."""
    out: dict[str, str] = {}
    for heading, name in pairs.items():
        norm, field_name = normalise_heading(str(heading)), str(name).strip().lower().replace(" ", "_")
        if not norm:
            raise ValueError(f"judul kolom '{heading}' kosong")
        if field_name != IGNORE and field_name not in FIELDS:
            close = difflib.get_close_matches(field_name, FIELDS, n=1, cutoff=0.6)
            raise ValueError(
                f"bidang '{name}' untuk judul '{heading}' tidak dikenal"
                + (f" (maksudnya '{close[0]}'?)" if close else "")
                + "; bidang yang dikenal: "
                + ", ".join(FIELDS)
                + f", atau '{IGNORE}' (tidak diimpor)"
            )
        out[norm] = field_name
    return out


@dataclass(frozen=True)
class Span:
    """One heading and the columns under it."""

    field: str | None  # None: a heading the importer does not know (or staff mapped to "-")
    heading: str  # as written in the sheet, line breaks folded
    cols: tuple[int, ...]
    ignored: bool = False  # mapped to "-" by staff: left out without a note


@dataclass
class Layout:
    header_row: int
    first_data_row: int
    spans: list[Span]
    months: dict[int, int]  # column -> month number (jadwal as a month grid)
    nomor_kolom: bool  # a row of column numbers 1, 2, 3, ... under the header
    notes: list[str] = field(default_factory=list)
    # Quarter/semester grid: column -> its label as the sheet writes it ('TW II'); ``months`` then
    # maps each such column to the last month of its period.
    periods: dict[int, str] = field(default_factory=dict)
    peta: dict[str, str] = field(default_factory=dict)  # staff's heading mapping (normalised heading -> field)

    def span(self, name: str) -> Span | None:
        return next((s for s in self.spans if s.field == name), None)

    @property
    def area_column(self) -> bool:
        return self.span("area") is not None

    @property
    def unknown_cols(self) -> dict[int, str | None]:
        """Columns outside every known heading: col -> unknown heading text (None: no heading)."""
        known = {c for s in self.spans if s.field for c in s.cols}
        out: dict[int, str | None] = {c: s.heading for s in self.spans if not s.field and not s.ignored for c in s.cols}
        return {c: h for c, h in out.items() if c not in known}

    def kolom(self) -> dict[str, object]:
        """The model's ``kolom``: the sheet's own headings, so the site shows the decree's words."""
        out: dict[str, object] = {}
        for name in FIELDS:
            s = self.span(name)
            if s is not None:
                out[name] = s.heading
        out.setdefault("nomor", "No.")
        if self.months and not self.periods:
            out["jadwal_bulanan"] = True
        if self.nomor_kolom:
            out["nomor_kolom"] = True
        return out


def find_layout(grid: Grid, peta: dict[str, str] | None = None) -> Layout:
    """The header row and its columns; ``peta`` (from ``parse_peta``) maps headings the importer does not know."""
    peta = peta or {}
    best: tuple[int, int, list[tuple[Cell, str | None, bool]]] | None = None
    for r in range(1, min(len(grid.rows), HEADER_SEARCH_ROWS) + 1):
        heads = [(c, *heading_field(c.text, peta)) for c in grid.rows[r - 1] if c.text]
        found = {f for _, f, _ in heads if f and f != IGNORE}
        score = len(found)
        if all(f in found for f in REQUIRED):
            return _layout(grid, r, heads, peta)
        if best is None or score > best[1]:
            best = (r, score, heads)
    raise LayoutError(_not_found(grid, best))


def _not_found(grid: Grid, best) -> str:
    where = f"lembar '{grid.name}'" if grid.kind == "xlsx" else f"berkas {grid.name}"
    if not grid.rows:
        return f"{where} kosong: tidak ada tabel rencana aksi"
    lines = [
        f"judul kolom tabel rencana aksi tidak ditemukan di {where} (dicari pada {HEADER_SEARCH_ROWS} baris pertama).",
        "Judul kolom yang diharapkan, salah satu tata letak keputusan:",
    ]
    for name, heads in EXPECTED.items():
        lines.append(f"  - seperti keputusan KPU Kabupaten {name}: " + " · ".join(heads))
    lines.append("  - tata letak lain yang juga dikenali: " + "; ".join(OTHER_LAYOUTS))
    lines.append(
        "Wajib ada: kolom kegiatan (KOMPONEN/KEGIATAN) dan kolom uraian (LANGKAH AKSI/RENCANA AKSI/"
        "INDIKATOR KEBERHASILAN); kolom indikator (INDIKATOR/SUB KEGIATAN) boleh tidak ada."
    )
    if best and best[1]:
        r, _, heads = best
        known = [f"{grid.where(c.row, c.col)} '{c.text}'" for c, f, _ in heads if f and f != IGNORE]
        unknown = [f"'{c.text}'" for c, f, _ in heads if not f]
        lines.append(
            f"Baris {r} paling mirip: dikenali {', '.join(known)}"
            + (f"; tidak dikenali {', '.join(unknown[:8])}" if unknown else "")
        )
        missing = [f for f in REQUIRED if f not in {f for _, f, _ in heads}]
        if missing:
            lines.append("Belum ada kolom untuk: " + ", ".join(FIELD_HELP[f] for f in missing) + ".")
    lines.append("Bila tabel memakai judul kolom lain, " + MAPPING_HINT + ".")
    lines.append("Bidang yang dikenal: " + "; ".join(FIELD_HELP[f] for f in FIELDS) + ".")
    if best and best[1]:
        r, _, heads = best
        example = next((c.text for c, f, _ in heads if not f), None)
        if example:
            target = missing[0] if missing else "bidang"
            lines.append(
                f"Contoh: zi import {grid.name if grid.kind == 'csv' else '<berkas>.xlsx'} "
                f'--kolom "{" ".join(example.split())}={target}"'
            )
    return "\n".join(lines)


def _layout(grid: Grid, r: int, heads: list[tuple[Cell, str | None, bool]], peta: dict[str, str]) -> Layout:
    notes: list[str] = []
    header = grid.rows[r - 1]
    starts = sorted(c.col for c, _, _ in heads)
    spans: list[Span] = []
    used: set[str] = set()
    months: dict[int, int] = {}
    periods: dict[int, str] = {}
    for i, (cell, name, exact) in enumerate(sorted(heads, key=lambda h: h[0].col)):
        end = starts[i + 1] - 1 if i + 1 < len(starts) else _merge_end(header, cell.col)
        cols = tuple(c for c in range(cell.col, end + 1) if c == cell.col or not header[c - 1].text)
        heading = " ".join(cell.text.split())
        window = period_window(heading) if name == "jadwal" and len(cols) == 1 else None
        if window:
            # 'TW I' | 'TW II' | ... written in the header row itself: one jadwal span of period columns.
            months[cell.col], periods[cell.col] = window[1], heading
            prev = spans[-1] if spans else None
            if prev is not None and prev.field == "jadwal" and prev.cols[-1] in periods:
                spans[-1] = Span("jadwal", f"{prev.heading}, {heading}", prev.cols + cols)
                continue
        if name == IGNORE:
            spans.append(Span(None, heading, cols, ignored=True))
            continue
        if name in used:
            notes.append(f"{grid.where(r, cell.col)}: judul kolom '{heading}' muncul lagi; kolom ini tidak diimpor")
            name = None
        if name and not exact:
            notes.append(f"{grid.where(r, cell.col)}: judul kolom '{heading}' dianggap {HEADINGS[name][0]}")
        if name:
            used.add(name)
        spans.append(Span(name, heading, cols))
    first_data = r + 1
    nomor_kolom = False
    sub = grid.rows[r] if r < len(grid.rows) else []
    jadwal = next((s for s in spans if s.field == "jadwal"), None)
    # A second header row: column numbers, months or periods; a heading repeated from above (csv) is ignored.
    sub_values = {c.col: c.text for c in sub if c.text and c.text != header[c.col - 1].text}
    header_periods = bool(periods)
    period_word = _PERIOD_WORD.search(jadwal.heading) if jadwal and not periods else None
    if sub_values and all(
        _small_number(t) or t.upper() in _MONTH_HEAD or period_window(t) or t.upper() in _BARE_PERIOD
        for t in sub_values.values()
    ):
        first_data = r + 2
        if jadwal and len(jadwal.cols) > 1 and not periods:
            for c in jadwal.cols:
                t = sub_values.get(c, "")
                # 'I' under TRIWULAN reads 'TRIWULAN I': the decree's own words, joined.
                label = t if period_window(t) else (f"{period_word.group(0)} {t}" if period_word and t else "")
                window = period_window(label) if label else None
                if window:
                    months[c], periods[c] = window[1], label
            if not periods:
                for c in jadwal.cols:
                    t = sub_values.get(c, "")
                    m = int(t) if _small_number(t) else _MONTH_HEAD.get(t.upper())
                    if m and 1 <= m <= 12:
                        months[c] = m
        numbered = [c for c in sorted(sub_values) if c not in months or header_periods]
        nomor_kolom = len(numbered) >= 3 and [
            int(sub_values[c]) for c in numbered if _small_number(sub_values[c])
        ] == list(range(1, len(numbered) + 1))
    elif jadwal and len(jadwal.cols) == 12 and not periods:
        months = {c: i for i, c in enumerate(jadwal.cols, 1)}
        notes.append(
            f"kolom {jadwal.heading} terdiri atas 12 kolom tanpa baris nomor bulan; "
            f"dibaca sebagai Januari sampai Desember ({column_letter(jadwal.cols[0])}"
            f"–{column_letter(jadwal.cols[-1])})"
        )
    if "nomor" not in used:
        notes.append("tidak ada kolom NO; nomor diambil dari awal teks tiap sel (mis. 'a.', '1)')")
    return Layout(r, first_data, spans, months, nomor_kolom, notes, periods, peta)


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
    heads = {heading_field(c.text, layout.peta)[0] for c in row if c.text}
    heads.discard(None)
    return len(heads) >= 3 and all(f in heads for f in REQUIRED)


def is_column_numbers(row: list[Cell]) -> bool:
    texts = [c.text for c in row if c.text]
    return len(texts) >= 3 and all(_small_number(t) for t in texts) and len(set(texts)) == len(texts)

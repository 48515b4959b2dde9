"""Read a spreadsheet (xlsx or csv) into a rectangular grid of text cells.

Merged cells matter: a decree exported to Excel holds the area, kegiatan and
indikator text once, in a range spanning the rows below. Each grid cell says
whether it is covered by a merge and where that merge starts, so the table
reader can tell "same item as above" from "really empty". Text is cleaned the
way staff would expect: line breaks kept, runs of spaces folded, italics (a
rich-text run in Excel) written the Markdown way, ``*website*``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path

from generator.domain.jadwal import BULAN

MAX_BYTES = 20_000_000  # a rencana aksi sheet is ~50-200 kB
MAX_ROWS = 5_000  # a decree table has ~100-300 rows
MAX_COLS = 80  # Wonosobo's layout has 21 columns
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\ufeff\ufffe\uffff\ud800-\udfff]")


class ReadError(Exception):
    """The file cannot be read as a spreadsheet at all (message in Indonesian)."""


@dataclass(frozen=True)
class Cell:
    text: str  # cleaned text; "" when empty or covered by a merge
    row: int  # 1-based, as the spreadsheet shows it
    col: int  # 1-based
    merged_from: tuple[int, int] | None = None  # (row, col) of the merge's first cell, when covered
    filled: bool = False  # solid, non-white background (a month tick some staff use instead of "v")

    @property
    def below_merge(self) -> bool:
        """Covered by a merge that starts in a row above: same value as the row above."""
        return self.merged_from is not None and self.merged_from[0] < self.row

    @property
    def beside_merge(self) -> bool:
        """Covered by a merge that starts in this row, further left: part of that cell."""
        return self.merged_from is not None and self.merged_from[0] == self.row


@dataclass
class Grid:
    name: str  # sheet name, or the file name for csv
    kind: str  # "xlsx" or "csv"
    rows: list[list[Cell]]
    notes: list[str]  # things staff should know about how the file was read
    sheet_names: tuple[str, ...] = ()

    @property
    def width(self) -> int:
        return len(self.rows[0]) if self.rows else 0

    def cell(self, row: int, col: int) -> Cell:
        return self.rows[row - 1][col - 1]

    def where(self, row: int, col: int | None = None) -> str:
        """A position staff can find: 'Sheet1!C14' in Excel, 'baris 14 kolom C' in a csv."""
        if col is None:
            return f"{self.name}!baris {row}" if self.kind == "xlsx" else f"baris {row}"
        if self.kind == "xlsx":
            return f"{self.name}!{column_letter(col)}{row}"
        return f"baris {row} kolom {column_letter(col)}"


def column_letter(col: int) -> str:
    out = ""
    while col:
        col, rem = divmod(col - 1, 26)
        out = chr(65 + rem) + out
    return out


def clean(value: object) -> str:
    """Cell value to text: numbers without '.0', dates as 'Januari 2024', spaces folded, line breaks kept."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (dt.datetime, dt.date)):
        # Excel turns a typed "Januari 2024" into a date; the decree meant the month.
        return f"{BULAN[value.month - 1]} {value.year}"
    text = _CONTROL.sub("", str(value).replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\u2028", "\n").replace("\u2029", "\n").replace("\xa0", " ")
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


def read_table(path: Path, sheet: str | None = None) -> list[Grid]:
    """All candidate sheets of ``path`` (one for csv); the caller picks the one with a decree header."""
    path = Path(path)
    if not path.is_file():
        raise ReadError(f"berkas '{path}' tidak ditemukan")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ReadError(f"berkas terlalu besar ({size} bita; batas {MAX_BYTES} bita)")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path, sheet)
    if suffix in (".csv", ".txt", ".tsv"):
        if sheet:
            raise ReadError("pilihan --sheet hanya berlaku untuk berkas .xlsx")
        return [_read_csv(path)]
    if suffix == ".xls":
        raise ReadError(
            "format .xls (Excel 97-2003) tidak didukung; simpan ulang sebagai .xlsx "
            "(Excel: File > Save As > Excel Workbook)"
        )
    raise ReadError(f"jenis berkas '{suffix or path.name}' tidak dikenal; gunakan .xlsx atau .csv")


def _read_csv(path: Path) -> Grid:
    raw = path.read_bytes()
    notes: list[str] = []
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel on Windows saves "CSV" in the ANSI code page.
        text = raw.decode("cp1252", errors="replace")
        notes.append("berkas bukan UTF-8; dibaca sebagai Windows-1252 (periksa huruf khusus seperti – dan ✓)")
    if "\x00" in text:
        raise ReadError(
            "berkas .csv ini tampaknya bukan teks (berisi bita nol); simpan ulang dari Excel sebagai 'CSV UTF-8'"
        )
    delimiter = _sniff_delimiter(text)
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise ReadError(
            f"berkas .csv tidak dapat dibaca ({_csv_reason(exc)}); simpan ulang tabelnya dari "
            "Excel/LibreOffice sebagai 'CSV UTF-8', atau sebagai .xlsx"
        ) from None
    if len(records) > MAX_ROWS:
        raise ReadError(f"terlalu banyak baris ({len(records)}; batas {MAX_ROWS})")
    width = min(max((len(r) for r in records), default=0), MAX_COLS)
    rows = [
        [Cell(clean(rec[c]) if c < len(rec) else "", r, c + 1) for c in range(width)]
        for r, rec in enumerate(records, start=1)
    ]
    return Grid(path.name, "csv", _trim(rows), notes)


def _csv_reason(exc: Exception) -> str:
    """Python's csv module speaks English; staff get the reason in Indonesian."""
    text = str(exc)
    if "field larger than field limit" in text:
        return 'ada sel yang sangat panjang, biasanya tanda kutip " yang tidak ditutup'
    if "NUL" in text:
        return "berisi bita nol, bukan teks biasa"
    if "new-line character seen in unquoted field" in text:
        return "ada ganti baris di dalam sel tanpa tanda kutip"
    return "susunan tanda kutip atau pemisah kolom tidak dapat dibaca"


def _xlsx_reason(exc: Exception) -> str:
    """Why openpyxl could not open the workbook, without Python's exception names."""
    import zipfile

    if isinstance(exc, zipfile.BadZipFile):
        return "isinya bukan berkas .xlsx: mungkin berkas lain yang namanya diberi akhiran .xlsx, atau berkasnya rusak"
    if isinstance(exc, KeyError):
        return "bagian buku kerja (workbook) di dalam berkas tidak lengkap"
    if isinstance(exc, OSError):
        return "berkas tidak dapat dibaca dari disk"
    return "isi buku kerja rusak atau tidak lengkap"


def _sniff_delimiter(text: str) -> str:
    """',' or ';' (Excel with Indonesian regional settings) or tab: the one giving the widest rows."""
    sample = text[:50_000]
    best, best_width = ",", 0
    for candidate in (",", ";", "\t"):
        try:
            rows = list(csv.reader(io.StringIO(sample, newline=""), delimiter=candidate))[:60]
        except csv.Error:
            continue
        widths = sorted(len(r) for r in rows if any(f.strip() for f in r))
        width = widths[len(widths) // 2] if widths else 0
        if width > best_width:
            best, best_width = candidate, width
    return best


def _read_xlsx(path: Path, sheet: str | None) -> list[Grid]:
    import openpyxl

    try:
        # rich_text keeps italic runs; read-only mode would lose the merged ranges.
        wb = openpyxl.load_workbook(path, data_only=True, rich_text=True)
    except Exception as exc:  # noqa: BLE001 - a damaged workbook makes openpyxl raise anything (ParseError, ...)
        raise ReadError(
            f"berkas .xlsx tidak dapat dibuka ({_xlsx_reason(exc)}); "
            "pastikan berkas disimpan dari Excel/LibreOffice sebagai .xlsx"
        ) from None
    names = tuple(wb.sheetnames)
    if sheet is not None:
        if sheet not in names:
            raise ReadError(f"lembar '{sheet}' tidak ada; lembar yang ada: " + ", ".join(f"'{n}'" for n in names))
        names_to_read = (sheet,)
    else:
        names_to_read = names
    grids = []
    for name in names_to_read:
        ws = wb[name]
        if ws.sheet_state != "visible" and sheet is None:
            continue
        grids.append(_sheet_grid(ws, names))
    return grids


def _sheet_grid(ws, names: tuple[str, ...]) -> Grid:
    notes: list[str] = []
    max_row, max_col = ws.max_row or 0, ws.max_column or 0
    if max_row > MAX_ROWS:
        notes.append(f"lembar '{ws.title}' memuat {max_row} baris; hanya {MAX_ROWS} baris pertama yang dibaca")
        max_row = MAX_ROWS
    max_col = min(max_col, MAX_COLS)
    covered: dict[tuple[int, int], tuple[int, int]] = {}
    for rng in ws.merged_cells.ranges:
        if rng.min_row > max_row or rng.min_col > max_col:
            continue
        for r in range(rng.min_row, min(rng.max_row, max_row) + 1):
            for c in range(rng.min_col, min(rng.max_col, max_col) + 1):
                if (r, c) != (rng.min_row, rng.min_col):
                    covered[(r, c)] = (rng.min_row, rng.min_col)
    rows: list[list[Cell]] = []
    for r, values in enumerate(ws.iter_rows(min_row=1, max_row=max_row, max_col=max_col), start=1):
        row = []
        for c, xc in enumerate(values, start=1):
            origin = covered.get((r, c))
            text = "" if origin else _cell_text(xc)
            row.append(Cell(text, r, c, origin, _filled(xc)))
        row.extend(Cell("", r, c) for c in range(len(row) + 1, max_col + 1))
        rows.append(row)
    return Grid(ws.title, "xlsx", _trim(rows), notes, names)


def _cell_text(xc) -> str:
    value = xc.value
    try:
        from openpyxl.cell.rich_text import CellRichText, TextBlock
    except ImportError:  # pragma: no cover - openpyxl < 3.1
        return clean(value)
    if isinstance(value, CellRichText):
        parts = []
        for run in value:
            if isinstance(run, TextBlock):
                italic = bool(run.font is not None and run.font.i)
                parts.append(_emphasise(run.text) if italic else run.text)
            else:
                parts.append(str(run))
        return clean("".join(parts))
    return clean(value)


def _emphasise(text: str) -> str:
    """Italic run -> '*run*', keeping its surrounding spaces outside the marks."""
    core = text.strip()
    if not core:
        return text
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    return f"{lead}*{core}*{trail}"


def _filled(xc) -> bool:
    fill = getattr(xc, "fill", None)
    if fill is None or fill.fill_type != "solid":
        return False
    color = fill.fgColor
    if color is None:
        return False
    if color.type == "rgb":
        return isinstance(color.rgb, str) and color.rgb.upper() not in ("FFFFFFFF", "00FFFFFF", "00000000")
    if color.type == "theme":
        return color.theme not in (0, None)  # theme 0 is the page background
    if color.type == "indexed":
        return color.indexed not in (9, 64, None)  # 9 white, 64 system background
    return False


def _trim(rows: list[list[Cell]]) -> list[list[Cell]]:
    """Drop empty rows at the end and empty columns at the right (Excel keeps formatted blanks)."""

    def has_content(c: Cell) -> bool:
        return bool(c.text) or c.merged_from is not None

    while rows and not any(has_content(c) for c in rows[-1]):
        rows.pop()
    width = max((max((c.col for c in row if has_content(c)), default=0) for row in rows), default=0)
    return [row[:width] for row in rows]

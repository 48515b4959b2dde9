"""Write a transcribed lampiran back out as the decree's flat table, the way an office keeps it.

The table is flat on purpose: no hierarchy survives except what a real export
has, namely merged cells (xlsx), or text once with blanks below, or text
repeated on every row (csv). Italics become italic rich-text runs in xlsx. The
importer must rebuild area → kegiatan → indikator → aksi from that alone.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.load.yaml_source import ZiLoader


@dataclass
class Sheet:
    rows: list[list[object]] = field(default_factory=list)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)  # r1, c1, r2, c2 (1-based)

    def add(self, values: list[object]) -> int:
        self.rows.append(list(values))
        return len(self.rows)

    def merge(self, r1: int, c1: int, r2: int, c2: int) -> None:
        if (r1, c1) != (r2, c2):
            self.merges.append((r1, c1, r2, c2))

    @property
    def width(self) -> int:
        return max(len(r) for r in self.rows)


def load_plan(path: Path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=ZiLoader)  # noqa: S506 - safe loader


def _number(nomor: str | None) -> object:
    """A komponen number is a number in Excel, not text."""
    return int(nomor) if nomor and nomor.isdigit() else nomor


def _groups(area: dict) -> list[tuple[dict | None, list[dict]]]:
    if area.get("kelompok"):
        return [(g, g.get("kegiatan", [])) for g in area["kelompok"]]
    return [(None, area.get("kegiatan", []))]


def _leaf_rows(ind: dict) -> list[dict]:
    """The rows an indikator occupies: one per aksi with something written, at least one."""
    fields = ("nomor", "uraian", "bukti", "jadwal", "target", "ket")
    rows = [a for a in ind.get("aksi", []) if any(a.get(k) for k in fields)]
    return rows or [{}]


# ---------------------------------------------------------------- Gunungkidul


def gunungkidul_sheet(plan: dict, merge_leaves: bool = True) -> Sheet:
    """NO · KOMPONEN · INDIKATOR · LANGKAH AKSI · BUKTI FISIK · TARGET WAKTU · TARGET CAPAIAN.

    With ``merge_leaves``, equal TARGET WAKTU / TARGET CAPAIAN cells of consecutive rows of one komponen
    are merged, as offices do ("Januari – Desember 2024" once for three rows).
    """
    lam = plan["lampiran"]
    k = lam["kolom"]
    sh = Sheet()
    for line in lam["judul"]:
        sh.add([line])
    sh.add([])
    if lam.get("judul_tabel"):
        sh.add([lam["judul_tabel"]])
        sh.add([])
    sh.add([k["nomor"], k["kegiatan"], k["indikator"], k["uraian"], k["bukti"], k["jadwal"], k["target"]])
    if k.get("nomor_kolom"):
        sh.add(list(range(1, 8)))
    for area in lam["area"]:
        r = sh.add([f"{area['nomor']} {area['judul']}"])
        sh.merge(r, 1, r, 7)
        if area.get("subjudul"):
            r = sh.add([area["subjudul"]])
            sh.merge(r, 1, r, 7)
        for group, kegiatan in _groups(area):
            if group is not None:
                r = sh.add([_number(group["nomor"]), group["judul"]])
                sh.merge(r, 2, r, 7)
            for keg in kegiatan:
                first = len(sh.rows) + 1
                for ind in keg.get("indikator", []) or [{}]:
                    ifirst = len(sh.rows) + 1
                    for a in _leaf_rows(ind):
                        sh.add(
                            [
                                _number(keg.get("nomor")) if len(sh.rows) + 1 == first else None,
                                keg.get("judul") if len(sh.rows) + 1 == first else None,
                                ind.get("teks") if len(sh.rows) + 1 == ifirst else None,
                                a.get("uraian"),
                                a.get("bukti"),
                                a.get("jadwal"),
                                a.get("target"),
                            ]
                        )
                    sh.merge(ifirst, 3, len(sh.rows), 3)
                if merge_leaves:
                    for col in (6, 7):
                        _merge_equal_runs(sh, first, len(sh.rows), col)
                sh.merge(first, 1, len(sh.rows), 1)
                sh.merge(first, 2, len(sh.rows), 2)
    return sh


def _merge_equal_runs(sh: Sheet, first: int, last: int, col: int) -> None:
    """Merge runs of an equal, non-empty value in one column; the covered cells are emptied."""
    r = first
    while r <= last:
        value = sh.rows[r - 1][col - 1] if col <= len(sh.rows[r - 1]) else None
        end = r
        while value is not None and end < last and sh.rows[end][col - 1] == value:
            end += 1
        if end > r:
            for rr in range(r + 1, end + 1):
                sh.rows[rr - 1][col - 1] = None
            sh.merge(r, col, end, col)
        r = end + 1


# ------------------------------------------------------------------- Wonosobo


def wonosobo_sheet(plan: dict, split_nomor: bool = True, marks: tuple[str, ...] = ("v",)) -> Sheet:
    """No. · AREA PERUBAHAN · KEGIATAN · SUB KEGIATAN · INDIKATOR KEBERHASILAN · PELAKSANAAN 1-12 · KET.

    With ``split_nomor`` the numbers sit in their own column under each heading ('a.' | 'Penyusunan ...'),
    as in the decree; without, they start the text ('a. Penyusunan ...'). Month lists in ``jadwal``
    become ticks, cycling through ``marks``.
    """
    lam = plan["lampiran"]
    k = lam["kolom"]
    sh = Sheet()
    for line in lam["judul"]:
        sh.add([line])
    sh.add([])
    w = 2 if split_nomor else 1  # columns per numbered heading
    c_area, c_keg = 2, 3
    c_ind = c_keg + w
    c_aksi = c_ind + w
    c_m1 = c_aksi + w
    c_ket = c_m1 + 12
    head = [None] * c_ket
    head[0], head[c_area - 1], head[c_keg - 1] = k["nomor"], k["area"], k["kegiatan"]
    head[c_ind - 1], head[c_aksi - 1] = k["indikator"], k["uraian"]
    head[c_m1 - 1], head[c_ket - 1] = k["jadwal"], k["ket"]
    h1 = sh.add(head)
    h2 = sh.add([None] * (c_m1 - 1) + list(range(1, 13)) + [None])
    for c in (1, c_area, c_ket):
        sh.merge(h1, c, h2, c)
    for c in (c_keg, c_ind, c_aksi):
        sh.merge(h1, c, h2, c + w - 1)
    sh.merge(h1, c_m1, h1, c_m1 + 11)
    tick = 0

    def cells(nomor: str | None, text: str | None) -> list[object]:
        if split_nomor:
            return [nomor, text]
        return [" ".join(x for x in (nomor, text) if x) or None]

    for area in lam["area"]:
        afirst = len(sh.rows) + 1
        for keg in area.get("kegiatan", []) or [{}]:
            kfirst = len(sh.rows) + 1
            for ind in keg.get("indikator", []) or [{}]:
                ifirst = len(sh.rows) + 1
                for a in _leaf_rows(ind):
                    r = len(sh.rows) + 1
                    row: list[object] = [None] * c_ket
                    if r == afirst:
                        row[0], row[c_area - 1] = area.get("nomor"), area.get("judul")
                    if r == kfirst:
                        row[c_keg - 1 : c_keg - 1 + w] = cells(keg.get("nomor"), keg.get("judul"))
                    if r == ifirst:
                        row[c_ind - 1 : c_ind - 1 + w] = cells(ind.get("nomor"), ind.get("teks"))
                    row[c_aksi - 1 : c_aksi - 1 + w] = cells(a.get("nomor"), a.get("uraian"))
                    if isinstance(a.get("jadwal"), list):
                        for m in a["jadwal"]:
                            row[c_m1 - 2 + m] = marks[tick % len(marks)]
                            tick += 1
                    row[c_ket - 1] = a.get("ket")
                    sh.add(row)
                last = len(sh.rows)
                for c in range(c_ind, c_ind + w):
                    if ind.get("nomor") or ind.get("teks"):
                        sh.merge(ifirst, c, last, c)
            last = len(sh.rows)
            for c in range(c_keg, c_keg + w):
                if keg.get("nomor") or keg.get("judul"):
                    sh.merge(kfirst, c, last, c)
        for c in (1, c_area):
            sh.merge(afirst, c, len(sh.rows), c)
    return sh


# -------------------------------------------------------------------- writers

_EM = re.compile(r"\*(?=\S)(.+?)(?<=\S)\*")


def _rich(value: object) -> object:
    """'*website*' -> an italic run, as Excel keeps the decree's italics."""
    if not isinstance(value, str) or not _EM.search(value):
        return value
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    parts: list[object] = []
    last = 0
    for m in _EM.finditer(value):
        if m.start() > last:
            parts.append(value[last : m.start()])
        parts.append(TextBlock(InlineFont(i=True), m.group(1)))
        last = m.end()
    if last < len(value):
        parts.append(value[last:])
    return CellRichText(parts)


def write_xlsx(sheet: Sheet, path: Path, title: str = "Rencana Aksi") -> Path:
    import openpyxl
    from openpyxl.styles import Alignment

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for r, row in enumerate(sheet.rows, start=1):
        for c, value in enumerate(row, start=1):
            if value is not None:
                cell = ws.cell(r, c, _rich(value))
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    for r1, c1, r2, c2 in sheet.merges:
        ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)
    wb.save(path)
    return path


def write_csv(sheet: Sheet, path: Path, mode: str = "blank", delimiter: str = ",", encoding: str = "utf-8") -> Path:
    """``blank``: a merged text once, blanks below; ``repeat``: repeated on every row it spans."""
    grid = [[row[c] if c < len(row) else None for c in range(sheet.width)] for row in sheet.rows]
    if mode == "repeat":
        for r1, c1, r2, c2 in sheet.merges:
            if c1 == c2 and r2 > r1:
                for r in range(r1 + 1, r2 + 1):
                    grid[r - 1][c1 - 1] = grid[r1 - 1][c1 - 1]
    with path.open("w", encoding=encoding, newline="") as fh:
        out = csv.writer(fh, delimiter=delimiter)
        for row in grid:
            out.writerow(["" if v is None else v for v in row])
    return path


# ------------------------------------------------------------- the seed as-is


def seed_sheet(seed: Path) -> Sheet:
    """The Gunungkidul decree's lampiran exactly as extracted from its PDF: one row per text line, tab = cell.

    Nothing here comes from the transcription, so this input checks the importer independently; it keeps
    the PDF's flaws (rows split at page breaks, pages out of order, line breaks inside cells lost).
    """
    text = seed.read_text(encoding="utf-8")
    sh = Sheet()
    for line in text[text.index("LAMPIRAN KEPUTUSAN") :].splitlines():
        cells = [re.sub(r"</?u>", "", re.sub(r"</?i>", "*", c)).strip() or None for c in line.split("\t")]
        sh.add(cells if any(cells) else [])
    return sh

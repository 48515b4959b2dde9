"""Import a rencana aksi kept as a spreadsheet (the decree's table) into plan YAML.

Staff draft the table in Excel or Word before it becomes a decree. ``zi
import`` reads it (xlsx with merged cells, or csv), rebuilds the hierarchy,
writes a plan file whose Keputusan part holds marked placeholders, checks the
result as ``zi check`` would, and reports every cell it could not place.

    read.py    spreadsheet -> grid of text cells with merge information
    layout.py  header row -> which column holds which field
    tabel.py   rows -> area / kelompok / kegiatan / indikator / aksi
    plan.py    the whole plan file around the table (placeholders, titles, year)
    write.py   YAML text with comments and line numbers
    check.py   the loader's verdict on that text
    compare.py round trip and revision differences
    report.py  the Indonesian report
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.domain.areas import AreaError, match_area
from generator.load.yaml_source import dotted
from generator.staff.importer.check import Finding, check_text
from generator.staff.importer.layout import Layout, LayoutError, find_layout
from generator.staff.importer.plan import PLACEHOLDER, Titles, guess_tahun, placeholders, plan_data, read_titles
from generator.staff.importer.read import Grid, ReadError, read_table
from generator.staff.importer.tabel import Note, Table, read_rows
from generator.staff.importer.write import dump, plain


class ImportFailed(Exception):
    """Nothing could be imported; ``message`` says why in Indonesian, ``notes`` list what was seen."""

    def __init__(self, message: str, notes: list[Note] | None = None):
        super().__init__(message)
        self.message = message
        self.notes = notes or []


@dataclass(frozen=True)
class AreaSummary:
    nomor: str | None
    judul: str | None
    kode: str | None  # catalogue code, None when the title matches no area
    kelompok: int
    kegiatan: int
    aksi: int
    rows: tuple[int, int]


@dataclass
class ImportResult:
    source: Path
    grid: Grid
    layout: Layout
    table: Table
    titles: Titles
    tahun: int
    data: dict  # plain plan data, as the YAML reads
    text: str  # the YAML file
    fill_in: list[tuple[str, int, str]]  # (field, line, what to write) for placeholders and values to check
    findings: list[Finding]  # problems `zi check` would report on the file
    notes: list[Note] = field(default_factory=list)
    areas: list[AreaSummary] = field(default_factory=list)

    @property
    def lampiran(self) -> dict:
        return self.data["lampiran"]

    @property
    def jumlah_aksi(self) -> int:
        return sum(a.aksi for a in self.areas)


def import_spreadsheet(
    path: Path,
    tahun: int | None = None,
    sheet: str | None = None,
    out_name: Path = Path("rencana-aksi.yaml"),
    peta: dict[str, str] | None = None,
) -> ImportResult:
    """Read ``path`` and build the plan; raise ImportFailed when no table or no row could be read.

    ``peta`` maps headings the importer does not know to fields (``layout.parse_peta``, from ``--kolom``).
    """
    path = Path(path)
    try:
        grids = read_table(path, sheet)
    except ReadError as exc:
        raise ImportFailed(f"{path.name}: {exc}") from None
    if not grids:
        raise ImportFailed(f"{path.name}: tidak ada lembar yang terlihat di berkas ini")
    errors = []
    for grid in grids:
        try:
            layout = find_layout(grid, peta)
            break
        except LayoutError as exc:
            errors.append(str(exc))
    else:
        others = (
            (f"\n(lembar lain yang diperiksa: {', '.join(g.name for g in grids[1:])}; pilih lembar dengan --sheet)")
            if len(grids) > 1
            else ""
        )
        raise ImportFailed(f"{path.name}: {errors[0]}{others}")
    table = read_rows(grid, layout)
    notes = (
        [Note(0, None, grid.name, n) for n in grid.notes]
        + [Note(layout.header_row, None, grid.where(layout.header_row), n) for n in layout.notes]
        + table.notes
    )
    summaries = _summaries(table)
    if not sum(s.aksi for s in summaries):
        start = grid.where(layout.first_data_row)
        raise ImportFailed(
            f"{path.name}: tidak ada baris aksi yang dapat diimpor dari {start} "
            "ke bawah; periksa bahwa tabel memuat baris area (mis. 'I. MANAJEMEN PERUBAHAN' atau "
            "kolom AREA PERUBAHAN) dan baris-baris aksi di bawahnya",
            notes,
        )
    titles = read_titles(grid, layout.header_row)
    for r, text in titles.ignored:
        notes.append(Note(r, None, grid.where(r), f"teks '{text[:60]}' di atas tabel tidak diimpor"))
    guessed = guess_tahun(titles, table.areas)
    if tahun is None:
        if guessed is None:
            raise ImportFailed(
                f"{path.name}: tahun rencana aksi tidak dapat dibaca dari judul tabel atau jadwal; "
                "tulis tahunnya dengan --tahun, mis. --tahun 2024",
                notes,
            )
        tahun = guessed
    elif guessed is not None and guessed != tahun:
        notes.append(
            Note(
                0,
                None,
                grid.name,
                f"tahun pada spreadsheet tampaknya {guessed}, tetapi --tahun {tahun}; berkas ditulis untuk {tahun}",
            )
        )
    sheet_name = f"lembar '{grid.name}' " if grid.kind == "xlsx" else ""
    comments = {
        id(a): [f"Dari spreadsheet: {sheet_name}baris {table.rows[id(a)][0]}–{table.rows[id(a)][1]}."]
        for a in table.areas
    }
    data = plan_data(tahun, titles, layout.kolom(), table.areas, comments)
    header = [
        f"Rencana Aksi Zona Integritas tahun {tahun}, diimpor dengan `zi import` dari {path.name}"
        + (f" (lembar '{grid.name}')" if grid.kind == "xlsx" else "")
        + ".",
        f"Isian bertanda {PLACEHOLDER} ...] dan '# ISI' wajib diganti dengan isi keputusan sebelum diterbitkan;",
        "isian bertanda '# PERIKSA' diambil dari judul lampiran: samakan dengan keputusan.",
        "Hapus komentar-komentar ini setelah semuanya terisi.",
    ]
    text, lines = dump(data, header)
    fill_in = [(dotted(p), lines.get(p, 0), comment) for p, comment in placeholders(data)]
    origins = _origins(table)
    findings = check_text(text, out_name, origins)
    return ImportResult(
        path,
        grid,
        layout,
        table,
        titles,
        tahun,
        plain(data),
        text,
        fill_in,
        findings,
        sorted(notes, key=lambda n: (n.row, n.col or 0)),
        summaries,
    )


def _groups(area: dict) -> list[dict]:
    return area.get("kelompok") or [area]


def _summaries(table: Table) -> list[AreaSummary]:
    out = []
    for area in table.areas:
        try:
            kode = match_area(area.get("judul"), area.get("area")).kode
        except AreaError:
            kode = None
        kegiatan = [k for g in _groups(area) for k in g.get("kegiatan", [])]
        aksi = [a for k in kegiatan for i in k.get("indikator", []) for a in i.get("aksi", [])]
        aksi += [a for k in kegiatan for a in k.get("aksi", [])]  # no indikator level
        out.append(
            AreaSummary(
                area.get("nomor"),
                area.get("judul"),
                kode,
                len(area.get("kelompok", [])),
                len(kegiatan),
                len(aksi),
                table.rows[id(area)],
            )
        )
    return out


def _origins(table: Table) -> dict[tuple, str]:
    """Model path -> the sheet position it was read from."""
    out: dict[tuple, str] = {}
    for ai, area in enumerate(table.areas):
        base = ("lampiran", "area", ai)
        out[base] = table.where.get(id(area), "")
        groups: list[tuple[tuple, dict]] = [(("kelompok", gi), g) for gi, g in enumerate(area.get("kelompok", []))] or [
            ((), area)
        ]
        for gpath, group in groups:
            if gpath:
                out[(*base, *gpath)] = table.where.get(id(group), out[base])
            for ki, k in enumerate(group.get("kegiatan", [])):
                kp = (*base, *gpath, "kegiatan", ki)
                out[kp] = table.where.get(id(k), "")
                for ii, ind in enumerate(k.get("indikator", [])):
                    ip = (*kp, "indikator", ii)
                    out[ip] = table.where.get(id(ind), "")
                    for ri, a in enumerate(ind.get("aksi", [])):
                        out[(*ip, "aksi", ri)] = table.where.get(id(a), "")
                for ri, a in enumerate(k.get("aksi", [])):
                    out[(*kp, "aksi", ri)] = table.where.get(id(a), "")
    return out


__all__ = ["AreaSummary", "ImportFailed", "ImportResult", "import_spreadsheet"]

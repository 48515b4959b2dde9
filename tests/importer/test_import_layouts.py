"""Decree layouts other than the two seeds, from spreadsheets built here, through the real `zi import` and `zi build`.

Layout A: NO · KEGIATAN · INDIKATOR · RENCANA AKSI · OUTPUT · WAKTU PELAKSANAAN over TW I–TW IV ·
PENANGGUNG JAWAB; areas in Roman numerals.
Layout B: NO · KEGIATAN · RENCANA AKSI · KELUARAN · SEMESTER I · SEMESTER II · PJ · KETERANGAN; areas
numbered 1., 2., 3., kegiatan lettered a., b., c., and no indikator level at all.

Each source table is written as the office would keep it (merged cells, ticks "v"), imported with the CLI,
and the YAML compared with the source cell by cell; then the folder is built into a site and the
responsible unit and the quarter/semester text are looked for on the plan and area pages.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.load import load_site
from tests.conftest import DATA, page_text, zi
from tests.importer.decree_table import Sheet, load_plan, write_csv, write_xlsx

pytestmark = pytest.mark.slow  # heavy: left out of `make test-fast`

TITLES = [
    "LAMPIRAN KEPUTUSAN KEPALA KANTOR CONTOH",
    "NOMOR 12 TAHUN 2025",
    "TENTANG RENCANA AKSI PEMBANGUNAN ZONA INTEGRITAS TAHUN 2025",
]


@dataclass(frozen=True)
class Row:
    """One source row: the hierarchy it belongs to and its own cells."""

    area: tuple[str, str]
    kegiatan: tuple[str, str]
    indikator: str | None
    nomor: str | None
    uraian: str
    bukti: str
    ticks: tuple[int, ...]  # 1-based period columns ticked
    pj: str
    ket: str | None = None


# ------------------------------------------------------------------ layout A: quarterly

TW = ("TW I", "TW II", "TW III", "TW IV")
ROWS_A = [
    Row(
        ("I.", "MANAJEMEN PERUBAHAN"),
        ("1", "Pembentukan Tim Kerja"),
        "Tim kerja terbentuk",
        None,
        "Menyusun SK Tim Kerja Zona Integritas",
        "SK Tim Kerja",
        (1,),
        "Subbagian Umum dan Logistik",
    ),
    Row(
        ("I.", "MANAJEMEN PERUBAHAN"),
        ("1", "Pembentukan Tim Kerja"),
        "Tim kerja terbentuk",
        None,
        "Rapat koordinasi tim kerja",
        "Notulen dan daftar hadir",
        (1, 2, 3, 4),
        "Sekretaris",
    ),
    Row(
        ("I.", "MANAJEMEN PERUBAHAN"),
        ("2", "Pemantauan dan Evaluasi"),
        "Evaluasi berkala",
        None,
        "Monitoring dan evaluasi pembangunan ZI",
        "Laporan monev",
        (2, 4),
        "Tim Penjaminan Mutu",
    ),
    Row(
        ("II.", "PENATAAN TATALAKSANA"),
        ("1", "Prosedur Operasional Tetap"),
        "SOP mutakhir",
        None,
        "Reviu SOP layanan",
        "Dokumen SOP hasil reviu",
        (3,),
        "Subbagian Teknis dan Hupmas",
    ),
    Row(
        ("III.", "PENGUATAN PENGAWASAN"),
        ("1", "Pengendalian Gratifikasi"),
        "Pegawai memahami gratifikasi",
        None,
        "Sosialisasi pengendalian gratifikasi",
        "Foto dan daftar hadir",
        (2,),
        "Subbagian Hukum dan SDM",
    ),
]


def sheet_a(rows: list[Row], periods_in_header: bool = False) -> Sheet:
    """Layout A. ``periods_in_header``: TW I–TW IV written in the header row itself, no WAKTU heading above."""
    sh = Sheet()
    for line in TITLES:
        sh.add([line])
    sh.add([])
    if periods_in_header:
        sh.add(["NO", "KEGIATAN", "INDIKATOR", "RENCANA AKSI", "OUTPUT", *TW, "PENANGGUNG JAWAB"])
    else:
        h1 = sh.add(
            [
                "NO",
                "KEGIATAN",
                "INDIKATOR",
                "RENCANA AKSI",
                "OUTPUT",
                "WAKTU PELAKSANAAN",
                None,
                None,
                None,
                "PENANGGUNG JAWAB",
            ]
        )
        h2 = sh.add([None] * 5 + list(TW) + [None])
        for c in (1, 2, 3, 4, 5, 10):
            sh.merge(h1, c, h2, c)
        sh.merge(h1, 6, h1, 9)
    area = kegiatan = indikator = None
    kfirst = ifirst = 0
    for row in rows:
        if row.area != area:
            r = sh.add([f"{row.area[0]} {row.area[1]}"])
            sh.merge(r, 1, r, 10)
            area, kegiatan = row.area, None
        r = len(sh.rows) + 1
        new_k, new_i = row.kegiatan != kegiatan, row.kegiatan != kegiatan or row.indikator != indikator
        cells = [
            row.kegiatan[0] if new_k else None,
            row.kegiatan[1] if new_k else None,
            row.indikator if new_i else None,
            row.uraian,
            row.bukti,
            *("v" if i in row.ticks else None for i in range(1, 5)),
            row.pj,
        ]
        sh.add(cells)
        if new_k:
            kfirst = r
        if new_i:
            ifirst = r
        kegiatan, indikator = row.kegiatan, row.indikator
        # Merge the kegiatan/indikator cells down over the rows that share them.
        for c, first in ((1, kfirst), (2, kfirst), (3, ifirst)):
            sh.merges = [m for m in sh.merges if not (m[0] == first and m[1] == c)]
            sh.merge(first, c, r, c)
    return sh


# ------------------------------------------------------------------ layout B: semester, no indikator

SEM = ("SEMESTER I", "SEMESTER II")
ROWS_B = [
    Row(
        ("1.", "MANAJEMEN PERUBAHAN"),
        ("a.", "Penyusunan Tim Zona Integritas"),
        None,
        "1)",
        "Menyusun SK Tim Zona Integritas",
        "SK Tim",
        (1,),
        "Sekretaris",
    ),
    Row(
        ("1.", "MANAJEMEN PERUBAHAN"),
        ("a.", "Penyusunan Tim Zona Integritas"),
        None,
        "2)",
        "Sosialisasi Tim kepada seluruh pegawai",
        "Foto kegiatan",
        (1, 2),
        "Subbag Teknis",
    ),
    Row(
        ("1.", "MANAJEMEN PERUBAHAN"),
        ("b.", "Rencana Pembangunan Zona Integritas"),
        None,
        None,
        "Menyusun rencana kerja tahunan",
        "Dokumen rencana kerja",
        (1,),
        "Kasubbag Perencanaan",
        "Wajib",
    ),
    Row(
        ("2.", "PENATAAN TATALAKSANA"),
        ("a.", "Keterbukaan Informasi Publik"),
        None,
        None,
        "Memutakhirkan daftar informasi publik",
        "DIP mutakhir",
        (2,),
        "PPID",
    ),
    Row(
        ("3.", "PENGUATAN PENGAWASAN"),
        ("a.", "Pengendalian Gratifikasi"),
        None,
        "1)",
        "Menyampaikan laporan nihil gratifikasi",
        "Laporan UPG",
        (1, 2),
        "UPG",
    ),
    Row(
        ("3.", "PENGUATAN PENGAWASAN"),
        ("b.", "Penanganan Pengaduan Masyarakat"),
        None,
        None,
        "Rekap pengaduan masyarakat",
        "Rekap DUMAS",
        (2,),
        "Subbag Hukum",
    ),
]


def sheet_b(rows: list[Row]) -> Sheet:
    sh = Sheet()
    for line in TITLES:
        sh.add([line])
    sh.add([])
    sh.add(["NO", "KEGIATAN", "RENCANA AKSI", "KELUARAN", *SEM, "PJ", "KETERANGAN"])
    area = kegiatan = None
    kfirst = 0
    for row in rows:
        if row.area != area:
            r = sh.add([row.area[0], row.area[1]])
            sh.merge(r, 2, r, 8)
            area, kegiatan = row.area, None
        r = len(sh.rows) + 1
        new_k = row.kegiatan != kegiatan
        sh.add(
            [
                row.kegiatan[0] if new_k else None,
                row.kegiatan[1] if new_k else None,
                " ".join(x for x in (row.nomor, row.uraian) if x),
                row.bukti,
                *("v" if i in row.ticks else None for i in range(1, 3)),
                row.pj,
                row.ket,
            ]
        )
        if new_k:
            kfirst = r
        kegiatan = row.kegiatan
        for c in (1, 2):
            sh.merges = [m for m in sh.merges if not (m[0] == kfirst and m[1] == c)]
            sh.merge(kfirst, c, r, c)
    return sh


# ------------------------------------------------------------------ helpers


def import_cli(source: Path, work: Path, *args: str):
    work.mkdir(exist_ok=True)
    out = work / "plans" / "2025" / "rencana-aksi.yaml"
    result = zi("import", str(source), "--out", str(out), *args, cwd=work)
    assert "Traceback" not in result.stderr, result.stderr
    return result, out


def flat_rows(plan: dict) -> list[dict]:
    """Every aksi of the imported YAML with the hierarchy above it, in order."""
    out = []
    for area in plan["lampiran"]["area"]:
        for k in area.get("kegiatan", []):
            pairs = [(i, a) for i in k.get("indikator", []) for a in i.get("aksi", [])]
            pairs += [(None, a) for a in k.get("aksi", [])]
            for ind, a in pairs:
                out.append(
                    {
                        "area": (area["nomor"], area["judul"]),
                        "kegiatan": (k.get("nomor"), k.get("judul")),
                        "indikator": ind.get("teks") if ind is not None else None,
                        **a,
                    }
                )
    return out


def check_cells(plan: dict, rows: list[Row], labels: tuple[str, ...]) -> None:
    got = flat_rows(plan)
    assert len(got) == len(rows)
    for src, row in zip(rows, got):
        assert row["area"] == src.area
        assert row["kegiatan"] == src.kegiatan
        assert row["indikator"] == src.indikator
        assert row.get("nomor") == src.nomor
        assert row["uraian"] == src.uraian
        assert row["bukti"] == src.bukti
        # The ticked period columns, by the sheet's own headings.
        assert row["jadwal"] == ", ".join(labels[i - 1] for i in src.ticks)
        assert row["penanggung_jawab"] == src.pj
        assert row.get("ket") == src.ket


def build(work: Path) -> Path:
    shutil.copy(DATA["wonosobo"] / "satker.yaml", work / "plans" / "satker.yaml")
    site = work / "site"
    result = zi("build", "--plans", str(work / "plans"), "--site-dir", str(site))
    assert result.returncode == 0, result.stdout + result.stderr
    return site


# ------------------------------------------------------------------ tests


@pytest.mark.parametrize("variant", ["tw-di-bawah-judul", "tw-di-baris-judul", "csv-ulang"])
def test_quarterly_layout_with_penanggung_jawab_and_output(tmp_path, variant):
    sheet = sheet_a(ROWS_A, periods_in_header=variant == "tw-di-baris-judul")
    source = (
        write_csv(sheet, tmp_path / "ra.csv", "repeat")
        if variant == "csv-ulang"
        else write_xlsx(sheet, tmp_path / "rencana aksi triwulan.xlsx")
    )
    result, out = import_cli(source, tmp_path / "kerja")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Semua sel tabel terpetakan." in result.stdout
    plan = load_plan(out)
    check_cells(plan, ROWS_A, TW)
    kolom = plan["lampiran"]["kolom"]
    assert kolom["bukti"] == "OUTPUT" and kolom["penanggung_jawab"] == "PENANGGUNG JAWAB"
    assert kolom["indikator"] == "INDIKATOR"
    assert kolom["jadwal"] == ("TW I, TW II, TW III, TW IV" if variant == "tw-di-baris-judul" else "WAKTU PELAKSANAAN")
    assert "jadwal_bulanan" not in kolom
    assert [a["nomor"] for a in plan["lampiran"]["area"]] == ["I.", "II.", "III."]

    # Months derived for the rules: a quarter is months 1-3, 4-6, 7-9, 10-12, and one due window.
    site_model = _load(tmp_path / "kerja")
    rows = list(site_model.plans[0].rows_by_id.values())
    assert [(r.jadwal_teks, r.bulan, r.jendela) for r in rows[1:3]] == [
        ("TW I, TW II, TW III, TW IV", tuple(range(1, 13)), ((1, 3), (4, 6), (7, 9), (10, 12))),
        ("TW II, TW IV", (4, 5, 6, 10, 11, 12), ((4, 6), (10, 12))),
    ]
    assert [r.penanggung_jawab for r in rows] == [r.pj for r in ROWS_A]

    site = build(tmp_path / "kerja")
    plan_page = page_text(site / "2025" / "index.html")
    assert "PENANGGUNG JAWAB" in plan_page and "OUTPUT" in plan_page
    for src in ROWS_A:
        assert src.pj in plan_page
    assert (
        "Monitoring dan evaluasi pembangunan ZI Laporan monev TW II, TW IV (April – Juni; Oktober – Desember) "
        "Tim Penjaminan Mutu"
    ) in plan_page
    area_page = page_text(site / "2025" / "manajemen-perubahan" / "index.html")
    assert (
        "Menyusun SK Tim Kerja Zona Integritas # SK Tim Kerja TW I (Januari – Maret) Subbagian Umum dan Logistik"
    ) in area_page
    assert "PENANGGUNG JAWAB" in area_page
    html = (site / "2025" / "index.html").read_text(encoding="utf-8")
    assert '<th scope="col">PENANGGUNG JAWAB</th>' in html


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_semester_layout_numbered_areas_without_indikator(tmp_path, kind):
    sheet = sheet_b(ROWS_B)
    source = (
        write_xlsx(sheet, tmp_path / "ra.xlsx") if kind == "xlsx" else write_csv(sheet, tmp_path / "ra.csv", "blank")
    )
    result, out = import_cli(source, tmp_path / "kerja")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Semua sel tabel terpetakan." in result.stdout
    plan = load_plan(out)
    check_cells(plan, ROWS_B, ("SEMESTER I", "SEMESTER II"))
    kolom = plan["lampiran"]["kolom"]
    assert "indikator" not in kolom  # no level invented
    assert (kolom["bukti"], kolom["penanggung_jawab"], kolom["ket"]) == ("KELUARAN", "PJ", "KETERANGAN")
    assert [(a["nomor"], a["judul"]) for a in plan["lampiran"]["area"]] == [
        ("1.", "MANAJEMEN PERUBAHAN"),
        ("2.", "PENATAAN TATALAKSANA"),
        ("3.", "PENGUATAN PENGAWASAN"),
    ]
    assert all("indikator" not in k for a in plan["lampiran"]["area"] for k in a["kegiatan"])

    site_model = _load(tmp_path / "kerja")
    rows = list(site_model.plans[0].rows_by_id)
    assert rows[:3] == ["r-1-a-1", "r-1-a-2", "r-1-b-1"]  # ids skip the absent indikator level
    first = site_model.plans[0].rows_by_id["r-1-a-2"]
    assert (first.bulan, first.jendela) == (tuple(range(1, 13)), ((1, 6), (7, 12)))

    site = build(tmp_path / "kerja")
    plan_html = (site / "2025" / "index.html").read_text(encoding="utf-8")
    assert "INDIKATOR" not in plan_html.upper().replace("INDIKATOR KEBERHASILAN", "")
    plan_page = page_text(site / "2025" / "index.html")
    assert "Menyusun SK Tim Zona Integritas SK Tim SEMESTER I (Januari – Juni) Sekretaris" in plan_page
    assert '<th scope="col">PJ</th>' in plan_html and '<th scope="col">KELUARAN</th>' in plan_html
    assert '<th scope="row" rowspan="1"><span aria-hidden="true">–</span>' not in plan_html  # no empty level cell
    area_html = (site / "2025" / "manajemen-perubahan" / "index.html").read_text(encoding="utf-8")
    assert "<caption>a. Penyusunan Tim Zona Integritas</caption>" in area_html  # the table is the kegiatan's
    area_page = page_text(site / "2025" / "penguatan-pengawasan" / "index.html")
    assert (
        "Menyampaikan laporan nihil gratifikasi # Laporan UPG SEMESTER I, SEMESTER II "
        "(Januari – Juni; Juli – Desember) UPG"
    ) in area_page


@pytest.mark.parametrize(
    "parent,subs,labels",
    [
        ("TRIWULAN", ["I", "II", "III", "IV"], ["TRIWULAN I", "TRIWULAN II", "TRIWULAN III", "TRIWULAN IV"]),
        ("Waktu (Triwulan)", ["1", "2", "3", "4"], ["Triwulan 1", "Triwulan 2", "Triwulan 3", "Triwulan 4"]),
        ("SEMESTER", ["I", "II"], ["SEMESTER I", "SEMESTER II"]),
        (
            "JADWAL",
            ["Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV"],
            ["Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV"],
        ),
    ],
)
def test_bare_period_numbers_under_a_period_heading(tmp_path, parent, subs, labels):
    """'I | II | III | IV' under TRIWULAN: quarters, not months 1-4; written with the heading's own word."""
    n = len(subs)
    path = tmp_path / "ra.csv"
    path.write_text(
        "\n".join(
            [
                ",".join(["NO", "KEGIATAN", "RENCANA AKSI", parent] + [""] * (n - 1) + ["PIC"]),
                ",".join(["", "", ""] + subs + [""]),
                "I. MANAJEMEN PERUBAHAN",
                ",".join(["1", "Tim", "Menyusun SK"] + ["v" if i == n - 1 else "" for i in range(n)] + ["Sekretaris"]),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    result, out = import_cli(path, tmp_path / "kerja", "--tahun", "2025")
    assert result.returncode == 0, result.stdout + result.stderr
    plan = load_plan(out)
    [row] = flat_rows(plan)
    assert (row["jadwal"], row["penanggung_jawab"]) == (labels[-1], "Sekretaris")
    assert plan["lampiran"]["kolom"]["jadwal"] == parent and "jadwal_bulanan" not in plan["lampiran"]["kolom"]
    site = _load(tmp_path / "kerja")
    [facts] = site.plans[0].rows_by_id.values()
    assert facts.jendela == ((10, 12),) if n == 4 else ((7, 12),)


def _load(work: Path):
    shutil.copy(DATA["wonosobo"] / "satker.yaml", work / "plans" / "satker.yaml")
    return load_site(work / "plans")


# ------------------------------------------------------------------ unknown headings

UNKNOWN_HEAD = ["NO", "PROGRAM KERJA", "TAHAPAN", "HASIL YANG DIHARAPKAN", "TW I", "TW II", "TW III", "TW IV", "UNIT"]


def unknown_sheet() -> Sheet:
    sh = Sheet()
    sh.add(UNKNOWN_HEAD)
    sh.add(["I. MANAJEMEN PERUBAHAN"])
    sh.add([1, "Pembentukan Tim", "Menyusun SK tim", "SK Tim", "v", None, None, None, "Subbag Umum"])
    sh.add([2, "Evaluasi", "Rapat evaluasi", "Notulen", None, "v", None, "v", "Sekretaris"])
    return sh


def test_unknown_headings_are_refused_with_the_mapping_syntax(tmp_path):
    source = write_xlsx(unknown_sheet(), tmp_path / "ra.xlsx")
    result, out = import_cli(source, tmp_path / "kerja", "--tahun", "2025")
    assert result.returncode == 1
    assert "judul kolom tabel rencana aksi tidak ditemukan" in result.stderr
    assert "Belum ada kolom untuk: kegiatan (KOMPONEN/KEGIATAN), uraian (LANGKAH AKSI/RENCANA AKSI)." in result.stderr
    assert 'Contoh: zi import <berkas>.xlsx --kolom "PROGRAM KERJA=kegiatan"' in result.stderr
    assert '--kolom "JUDUL=bidang"' in result.stderr and "--peta-kolom" in result.stderr
    assert "penanggung_jawab" in result.stderr and "uraian" in result.stderr  # the known fields are listed
    assert not out.exists()


def test_kolom_mapping_imports_unknown_headings(tmp_path):
    source = write_xlsx(unknown_sheet(), tmp_path / "ra.xlsx")
    result, out = import_cli(
        source,
        tmp_path / "kerja",
        "--tahun",
        "2025",
        "--kolom",
        "TAHAPAN=uraian",
        "--kolom",
        "Program Kerja=kegiatan",
        "--kolom",
        "unit = penanggung_jawab",
        "--kolom",
        "Hasil yang diharapkan=bukti",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Semua sel tabel terpetakan." in result.stdout
    plan = load_plan(out)
    kolom = plan["lampiran"]["kolom"]
    # The decree's own headings are kept for the page, whatever field they were mapped to.
    assert (kolom["kegiatan"], kolom["uraian"], kolom["bukti"], kolom["penanggung_jawab"]) == (
        "PROGRAM KERJA",
        "TAHAPAN",
        "HASIL YANG DIHARAPKAN",
        "UNIT",
    )
    rows = flat_rows(plan)
    assert [(r["kegiatan"], r["uraian"], r["bukti"], r["jadwal"], r["penanggung_jawab"]) for r in rows] == [
        (("1", "Pembentukan Tim"), "Menyusun SK tim", "SK Tim", "TW I", "Subbag Umum"),
        (("2", "Evaluasi"), "Rapat evaluasi", "Notulen", "TW II, TW IV", "Sekretaris"),
    ]


def test_peta_kolom_file_and_ignored_column(tmp_path):
    source = write_xlsx(unknown_sheet(), tmp_path / "ra.xlsx")
    peta = tmp_path / "peta.yaml"
    peta.write_text("kolom:\n  PROGRAM KERJA: kegiatan\n  Tahapan: uraian\n  UNIT: '-'\n", encoding="utf-8")
    result, out = import_cli(source, tmp_path / "kerja", "--tahun", "2025", "--peta-kolom", str(peta))
    assert result.returncode == 0, result.stdout + result.stderr
    plan = load_plan(out)
    assert "penanggung_jawab" not in plan["lampiran"]["kolom"]
    assert all("penanggung_jawab" not in r for r in flat_rows(plan))
    assert "Subbag Umum" not in out.read_text(encoding="utf-8")
    # The still-unknown heading is reported with the syntax that would map it, its text not imported.
    assert "HASIL YANG DIHARAPKAN" in result.stdout and '--kolom "HASIL YANG DIHARAPKAN=bidang"' in result.stdout
    assert "UNIT" not in [n for n in result.stdout.splitlines() if "tidak dikenal" in n]


def test_a_wrong_field_name_in_the_mapping_names_the_known_fields(tmp_path):
    source = write_xlsx(unknown_sheet(), tmp_path / "ra.xlsx")
    result, out = import_cli(source, tmp_path / "kerja", "--kolom", "PROGRAM KERJA=kegiatn")
    assert result.returncode == 1
    assert "bidang 'kegiatn' untuk judul 'PROGRAM KERJA' tidak dikenal (maksudnya 'kegiatan'?)" in result.stderr
    assert "penanggung_jawab" in result.stderr and "Perbaikan:" in result.stderr
    bad = zi("import", str(source), "--kolom", "TAHAPAN", cwd=tmp_path)
    assert bad.returncode == 1 and "'TAHAPAN' tidak berbentuk JUDUL=bidang" in bad.stderr
    assert not out.exists()

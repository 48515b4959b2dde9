"""Spreadsheets as staff really send them: wrong headings, empty files, stray cells, ticks, Excel's dates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from openpyxl.styles import PatternFill

from generator.load.yaml_source import ZiLoader
from generator.staff.importer import ImportFailed, import_spreadsheet
from generator.staff.importer.report import format_failure, format_report
from generator.staff.importer.write import dump

HEAD = ["NO", "KOMPONEN", "INDIKATOR", "LANGKAH AKSI", "BUKTI FISIK", "TARGET WAKTU", "TARGET CAPAIAN"]
WONO_HEAD = [
    "No.",
    "AREA PERUBAHAN",
    "KEGIATAN",
    "SUB KEGIATAN",
    "INDIKATOR KEBERHASILAN",
    "PELAKSANAAN (BULAN)",
    *[None] * 11,
    "KET",
]
WONO_MONTHS = [None] * 5 + list(range(1, 13)) + [None]


def xlsx(path: Path, rows: list[list[object]], title: str = "Sheet1", extra: dict | None = None) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if value is not None:
                ws.cell(r, c, value)
    for name, sheet_rows in (extra or {}).items():
        other = wb.create_sheet(name)
        for row in sheet_rows:
            other.append(row)
    wb.save(path)
    return path


def gk_rows(*data: list[object]) -> list[list[object]]:
    return [["RENCANA AKSI TAHUN 2024"], HEAD, ["I. MANAJEMEN PERUBAHAN"], *data]


def failure(path: Path, **kwargs) -> ImportFailed:
    with pytest.raises(ImportFailed) as info:
        import_spreadsheet(path, **kwargs)
    return info.value


# ------------------------------------------------------------------ headers


def test_unknown_header_names_the_expected_headings(tmp_path):
    rows = [["No", "Program", "Ukuran", "Kegiatan Rinci", "Waktu"], ["1", "a", "b", "c", "d"]]
    path = xlsx(tmp_path / "ra.xlsx", rows)
    exc = failure(path)
    text = format_failure(exc)
    print(text)
    assert "judul kolom tabel rencana aksi tidak ditemukan" in text
    for heading in HEAD + ["AREA PERUBAHAN", "SUB KEGIATAN", "INDIKATOR KEBERHASILAN", "PELAKSANAAN (BULAN)", "KET"]:
        assert heading in text
    assert "Baris 1 paling mirip" in text and "'Ukuran'" in text
    assert "Tidak ada berkas yang ditulis." in text


def test_headings_are_matched_tolerantly(tmp_path):
    head = ["No.", "komponen", "Indikator ", "Langkah\nAksi", "BUKTI  FISIK", "Target Waktu:", "TARGET CAPAIAN"]
    path = xlsx(
        tmp_path / "ra.xlsx",
        [
            head,
            ["I. MANAJEMEN PERUBAHAN"],
            [1, "Tim Kerja", "SK Tim", "Membentuk tim", "SK", "Januari 2024", "1 Dokumen"],
        ],
    )
    result = import_spreadsheet(path)
    assert result.lampiran["kolom"]["uraian"] == "Langkah Aksi"  # the sheet's own words, line break folded
    assert result.lampiran["kolom"]["bukti"] == "BUKTI FISIK"
    assert result.jumlah_aksi == 1 and result.notes == [] and result.findings == []


def test_near_miss_heading_is_accepted_and_reported(tmp_path):
    head = [*HEAD[:3], "LANGKAH AKSl", *HEAD[4:]]  # a lower-case L for an I, as OCR gives it
    path = xlsx(tmp_path / "ra.xlsx", gk_rows([1, "Tim", "SK", "Membentuk tim", "SK", "Januari 2024", "1"]))
    wb = openpyxl.load_workbook(path)
    wb.active.cell(2, 4, head[3])
    wb.save(path)
    result = import_spreadsheet(path)
    assert result.jumlah_aksi == 1
    assert any("'LANGKAH AKSl' dianggap LANGKAH AKSI" in n.message for n in result.notes)


# ----------------------------------------------------------- empty and wrong


def test_empty_csv_and_empty_sheet_fail_clearly(tmp_path):
    (tmp_path / "kosong.csv").write_bytes(b"")
    assert "kosong" in failure(tmp_path / "kosong.csv").message
    assert "kosong" in failure(xlsx(tmp_path / "kosong.xlsx", [])).message


def test_header_without_rows_fails(tmp_path):
    exc = failure(xlsx(tmp_path / "ra.xlsx", [HEAD]))
    assert "tidak ada baris aksi yang dapat diimpor" in exc.message


def test_rows_without_any_area_row_are_listed_and_fail(tmp_path):
    path = xlsx(tmp_path / "ra.xlsx", [HEAD, [1, "Tim Kerja", "SK", "Membentuk tim", "SK", "Januari 2024", "1"]])
    exc = failure(path)
    assert "baris area" in exc.message
    assert any(n.where == "Sheet1!A2" and "sebelum baris area pertama" in n.message for n in exc.notes)


@pytest.mark.parametrize(
    "name,content,words",
    [
        ("ra.xls", b"\xd0\xcf\x11\xe0", "simpan ulang sebagai .xlsx"),
        ("ra.xlsx", b"bukan zip", "tidak dapat dibuka"),
        ("ra.pdf", b"%PDF", "gunakan .xlsx atau .csv"),
    ],
)
def test_files_that_are_no_spreadsheet(tmp_path, name, content, words):
    (tmp_path / name).write_bytes(content)
    assert words in failure(tmp_path / name).message


def test_missing_file(tmp_path):
    assert "tidak ditemukan" in failure(tmp_path / "tidak-ada.xlsx").message


def test_year_must_be_readable_or_given(tmp_path):
    rows = [HEAD, ["I. MANAJEMEN PERUBAHAN"], [1, "Tim", "SK", "Membentuk tim", "SK", "Sesuai kebutuhan", "1"]]
    path = xlsx(tmp_path / "ra.xlsx", rows)
    assert "--tahun" in failure(path).message
    assert import_spreadsheet(path, tahun=2025).tahun == 2025


# ------------------------------------------------------------ stray content


def test_text_in_a_column_without_heading_is_reported_with_its_cell(tmp_path):
    rows = gk_rows([1, "Tim Kerja", "SK Tim", "Membentuk tim", "SK", "Januari 2024", "1 Dokumen", "catatan pribadi"])
    result = import_spreadsheet(xlsx(tmp_path / "ra.xlsx", rows))
    assert [(n.where, n.message) for n in result.notes] == [
        ("Sheet1!H4", "teks 'catatan pribadi' di kolom tanpa judul; tidak diimpor")
    ]
    assert result.jumlah_aksi == 1
    report = format_report(result, Path("plans/2024/rencana-aksi.yaml"), written=False)
    assert "Sheet1!H4: teks 'catatan pribadi' di kolom tanpa judul; tidak diimpor" in report


def test_csv_positions_are_row_and_column(tmp_path):
    path = tmp_path / "ra.csv"
    path.write_text(
        ";".join(HEAD + ["CATATAN"]) + "\nI. MANAJEMEN PERUBAHAN\n"
        "1;Tim Kerja;SK Tim;Membentuk tim;SK;Januari 2024;1 Dokumen;dicek Pak Budi\n",
        encoding="utf-8",
    )
    result = import_spreadsheet(path)
    assert [(n.where, n.message) for n in result.notes] == [
        (
            "baris 3 kolom H",
            "teks 'dicek Pak Budi' di kolom 'CATATAN' yang judulnya tidak dikenal; tidak diimpor "
            '(petakan dengan --kolom "CATATAN=bidang")',
        )
    ]
    assert result.lampiran["area"][0]["kegiatan"][0]["indikator"][0]["aksi"] == [
        {"uraian": "Membentuk tim", "bukti": "SK", "jadwal": "Januari 2024", "target": "1 Dokumen"}
    ]


def test_signature_block_and_title_lines(tmp_path):
    rows = [
        ["LAMPIRAN KEPUTUSAN KPU KABUPATEN CONTOH"],
        ["NOMOR 12/PP.01-Kpt/3403/2025 TAHUN 2025"],
        ["TENTANG RENCANA AKSI"],
        ["ZONA INTEGRITAS TAHUN 2025"],
        [],
        HEAD,
        ["II. PENATAAN TATA LAKSANA"],
        [1, "SOP", "SOP disusun", "Menyusun SOP", "SOP", "Maret 2025", "1"],
        [],
        ["Contoh, 2 Januari 2025"],
        ["Ketua,"],
        ["ttd."],
        ["NAMA KETUA"],
    ]
    result = import_spreadsheet(xlsx(tmp_path / "ra.xlsx", rows))
    assert result.lampiran["judul"] == [
        "LAMPIRAN KEPUTUSAN KPU KABUPATEN CONTOH",
        "NOMOR 12/PP.01-Kpt/3403/2025 TAHUN 2025",
        "TENTANG RENCANA AKSI ZONA INTEGRITAS TAHUN 2025",
    ]
    assert result.data["keputusan"]["nomor"] == "12/PP.01-Kpt/3403/2025"
    assert result.tahun == 2025 and result.jumlah_aksi == 1
    assert [n.where for n in result.notes] == ["Sheet1!baris 10"]
    assert "bagian tanda tangan" in result.notes[0].message


# ---------------------------------------------------------------- schedules


def test_wonosobo_month_ticks_become_months(tmp_path):
    def row(no, area, keg, sub, aksi, months: dict[int, str], ket=None):
        cells = [no, area, keg, sub, aksi] + [months.get(m) for m in range(1, 13)] + [ket]
        return cells

    rows = [
        WONO_HEAD,
        WONO_MONTHS,
        row("1.", "Manajemen Perubahan", "a. Penyusunan Tim Kerja", "1) Tim dibentuk", "a) SK Tim", {1: "v", 2: "V"}),
        row(None, None, None, None, "b) Rapat pleno", {3: "x", 6: "X", 9: "✓", 12: "√"}),
        row(None, None, None, "2) Anggota dipilih", "Rapat penentuan anggota", {4: " v ", 5: 1}),
        row(None, None, None, None, "c) Tanpa jadwal", {}, "Sesuai Kebutuhan"),
        row(None, None, None, None, "d) Tanda aneh", {7: "??", 8: "v"}),
    ]
    path = xlsx(tmp_path / "ra.xlsx", [["RENCANA AKSI TAHUN 2026"], *rows])
    result = import_spreadsheet(path)
    ind = result.lampiran["area"][0]["kegiatan"][0]["indikator"]
    assert [a.get("jadwal") for a in ind[0]["aksi"]] == [[1, 2], [3, 6, 9, 12]]
    assert [(a.get("nomor"), a.get("jadwal"), a.get("ket")) for a in ind[1]["aksi"]] == [
        (None, [4, 5], None),
        ("c)", None, "Sesuai Kebutuhan"),
        ("d)", [8], None),
    ]
    assert [(n.where, n.message[:22]) for n in result.notes] == [("Sheet1!L8", "tanda bulan '??' tidak")]
    assert result.lampiran["kolom"]["jadwal_bulanan"] is True
    assert result.findings == []


def test_shaded_month_cells_count_as_ticks(tmp_path):
    rows = [
        WONO_HEAD,
        WONO_MONTHS,
        ["1.", "Manajemen Perubahan", "a. Tim", "1) Tim dibentuk", "SK Tim", *[None] * 12, None],
    ]
    path = xlsx(tmp_path / "ra.xlsx", rows)
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    for col in (6 + 2, 6 + 5):  # March and June
        ws.cell(3, col).fill = PatternFill("solid", fgColor="FF92D050")
    wb.save(path)
    result = import_spreadsheet(path, tahun=2026)
    assert result.lampiran["area"][0]["kegiatan"][0]["indikator"][0]["aksi"][0]["jadwal"] == [3, 6]
    assert result.table.month_fills == 2
    assert "2 tanda bulan dibaca dari warna sel" in format_report(result, Path("x.yaml"), written=False)


def test_excel_date_in_target_waktu_is_read_as_the_month(tmp_path):
    rows = gk_rows([1, "Tim", "SK", "Membentuk tim", "SK", dt.datetime(2024, 1, 1), "1"])
    result = import_spreadsheet(xlsx(tmp_path / "ra.xlsx", rows))
    assert result.lampiran["area"][0]["kegiatan"][0]["indikator"][0]["aksi"][0]["jadwal"] == "Januari 2024"


def test_misspelt_month_is_kept_and_pointed_at(tmp_path):
    rows = gk_rows([1, "Tim", "SK", "Membentuk tim", "SK", "Pebruari 2024", "1"])
    result = import_spreadsheet(xlsx(tmp_path / "ra.xlsx", rows))
    assert result.lampiran["area"][0]["kegiatan"][0]["indikator"][0]["aksi"][0]["jadwal"] == "Pebruari 2024"
    [finding] = result.findings
    assert "nama bulan 'Pebruari' tidak dikenal" in finding.problem.message
    assert finding.problem.fix == "tulis 'Februari'"
    assert finding.sheet_where == "Sheet1!baris 4"
    report = format_report(result, Path("plans/2024/rencana-aksi.yaml"), written=True)
    assert "(dari Sheet1!baris 4)" in report and "Perbaikan: tulis 'Februari'" in report


def test_unknown_area_title_is_reported_with_its_cell(tmp_path):
    rows = [HEAD, ["I. PROGRAM UNGGULAN"], [1, "Tim", "SK", "Membentuk tim", "SK", "Januari 2024", "1"]]
    result = import_spreadsheet(xlsx(tmp_path / "ra.xlsx", rows))
    [finding] = result.findings
    assert finding.sheet_where == "Sheet1!A2"
    assert "tidak cocok dengan area perubahan" in finding.problem.message
    assert "TIDAK COCOK" in format_report(result, Path("x.yaml"), written=False)


# ------------------------------------------------------------------- sheets


def test_the_sheet_with_the_table_is_found(tmp_path):
    path = xlsx(
        tmp_path / "ra.xlsx",
        [["Petunjuk pengisian: isi lembar berikut"]],
        title="Petunjuk",
        extra={"RA 2024": gk_rows([1, "Tim", "SK", "Membentuk tim", "SK", "Januari 2024", "1"])},
    )
    result = import_spreadsheet(path)
    assert result.grid.name == "RA 2024" and result.jumlah_aksi == 1
    exc = failure(path, sheet="Lembar3")
    assert "lembar 'Lembar3' tidak ada" in exc.message and "'Petunjuk', 'RA 2024'" in exc.message
    assert "judul kolom tabel rencana aksi tidak ditemukan" in failure(path, sheet="Petunjuk").message


# ------------------------------------------------------------------ writing


def test_awkward_text_survives_the_yaml(tmp_path):
    awkward = [
        '"Kutip" dan \\ garis miring',
        "NO",
        "true",
        "2024",
        "- bukan daftar",
        "# bukan komentar",
        "kunci: nilai",
        "baris satu\nbaris dua",
        "tab\tdi tengah",
        "  ",
        "Januari – Desember 2024",
        "emoji ✓ dan ‘kutip’",
        "pemisah\u2028baris",
        "{kurung} [siku] &anchor *alias",
    ]
    data = {"tahun": 2024, "teks": awkward, "peta": {"a": "NO", "b": "baris\nkedua"}}
    import yaml

    text, _ = dump(data)
    assert yaml.load(text, Loader=ZiLoader) == data  # noqa: S506


def test_same_input_same_bytes(tmp_path):
    path = xlsx(tmp_path / "ra.xlsx", gk_rows([1, "Tim", "SK", "Membentuk tim", "SK", "Januari 2024", "1"]))
    assert import_spreadsheet(path).text == import_spreadsheet(path).text

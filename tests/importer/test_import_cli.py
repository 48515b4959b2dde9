"""`zi import` end to end: writes a plan that loads, never overwrites by accident, fails with a reason."""

from __future__ import annotations

import shutil

import pytest

from generator.load import load_site
from tests.conftest import DATA, zi
from tests.importer.decree_table import gunungkidul_sheet, load_plan, write_xlsx

pytestmark = pytest.mark.slow  # heavy: left out of `make test-fast`

PLAN = DATA["gunungkidul"] / "2024" / "rencana-aksi.yaml"


def test_import_writes_a_plan_that_loads_and_refuses_to_overwrite(tmp_path):
    sheet = write_xlsx(gunungkidul_sheet(load_plan(PLAN)), tmp_path / "rencana aksi 2024.xlsx")
    work = tmp_path / "kerja"
    work.mkdir()
    result = zi("import", str(sheet), cwd=work)
    assert result.returncode == 0, result.stderr
    out = work / "plans" / "2024" / "rencana-aksi.yaml"
    assert out.is_file()
    assert "V. Penguatan Pengawasan (Penguatan Pengawasan): 5 sub-program, 19 kegiatan, 26 baris aksi" in result.stdout
    assert "Jumlah: 7 area, 45 kegiatan, 57 baris aksi." in result.stdout
    assert "Semua sel tabel terpetakan." in result.stdout
    assert "plans/2024/rencana-aksi.yaml:11: keputusan.judul — judul keputusan" in result.stdout
    assert "belum memuat satker.yaml" in result.stdout
    text = out.read_text(encoding="utf-8")
    assert '  judul: "[ISI: mis. KEPUTUSAN KOMISI PEMILIHAN UMUM KABUPATEN ...]"  # ISI: judul keputusan' in text
    # With a satker.yaml beside it the folder loads exactly as `zi check` loads it.
    shutil.copy(DATA["gunungkidul"] / "satker.yaml", work / "plans" / "satker.yaml")
    site = load_site(work / "plans")
    assert site.plans[0].jumlah_aksi == 57
    assert zi("check", "--plans", "plans", cwd=work).returncode == 0

    before = out.read_bytes()
    out.write_text(text.replace("[ISI: nama penandatangan]", "NAMA YANG SUDAH DIISI"), encoding="utf-8")
    edited = out.read_bytes()
    again = zi("import", str(sheet), cwd=work)
    assert again.returncode == 1
    assert "sudah ada dan tidak ditimpa" in again.stderr and "--timpa" in again.stderr
    assert out.read_bytes() == edited
    forced = zi("import", str(sheet), "--timpa", cwd=work)
    assert forced.returncode == 0 and "Berkas ditimpa" in forced.stdout
    assert out.read_bytes() == before  # same input, same bytes


def test_import_banding_lists_no_difference_for_the_seed_table(tmp_path):
    sheet = write_xlsx(gunungkidul_sheet(load_plan(PLAN)), tmp_path / "ra.xlsx")
    result = zi("import", str(sheet), "--out", str(tmp_path / "hasil.yaml"), "--banding", str(PLAN))
    assert result.returncode == 0, result.stderr
    assert f"Sama dengan lampiran {PLAN}: tidak ada perbedaan." in result.stdout


def test_import_banding_lists_differences(tmp_path):
    plan = load_plan(PLAN)
    plan["lampiran"]["area"][1]["kegiatan"][0]["indikator"][0]["aksi"][0]["jadwal"] = "Mei 2024"
    sheet = write_xlsx(gunungkidul_sheet(plan), tmp_path / "ra-revisi.xlsx")
    result = zi("import", str(sheet), "--out", str(tmp_path / "hasil.yaml"), "--banding", str(PLAN))
    assert "Perbedaan dengan lampiran" in result.stdout
    assert "-        aksi – uraian=Melakukan monitoring dan evaluasi pelaksanaan SOP" in result.stdout
    assert "jadwal=Mei 2024" in result.stdout


def test_import_fails_without_writing_when_the_header_is_unknown(tmp_path):
    bad = tmp_path / "ra.csv"
    bad.write_text("Nomor,Uraian,Keterangan\n1,Sesuatu,-\n", encoding="utf-8")
    result = zi("import", str(bad), "--tahun", "2024", cwd=tmp_path)
    assert result.returncode == 1
    assert "judul kolom tabel rencana aksi tidak ditemukan" in result.stderr
    assert "LANGKAH AKSI" in result.stderr and "INDIKATOR KEBERHASILAN" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "plans").exists()


def test_import_exits_non_zero_when_the_written_plan_needs_fixing(tmp_path):
    bad = tmp_path / "ra.csv"
    bad.write_text(
        "NO,KOMPONEN,INDIKATOR,LANGKAH AKSI,BUKTI FISIK,TARGET WAKTU,TARGET CAPAIAN\n"
        "I. MANAJEMEN PERUBAHAN\n1,Tim,SK,Membentuk tim,SK,Pebruari 2024,1\n",
        encoding="utf-8",
    )
    result = zi("import", str(bad), "--out", str(tmp_path / "ra.yaml"))
    assert result.returncode == 1
    assert (tmp_path / "ra.yaml").is_file()
    assert "nama bulan 'Pebruari' tidak dikenal" in result.stdout and "(dari baris 3)" in result.stdout

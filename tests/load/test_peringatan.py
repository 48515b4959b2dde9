"""Plausibility warnings (issue 9, "accepted silently or questionably"): each names the file,
the line and what was probably meant, and none stops the build."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import DataError, laporan_peringatan
from generator.load import load_site
from tests.load.breaking import problems, replace

pytestmark = pytest.mark.slow  # heavy: left out of `make test-fast`


def warnings(root: Path) -> list[str]:
    return [p.format(root, peringatan=True) for p in load_site(root).peringatan]


def test_per_tanggal_in_the_next_year(plans):
    line = replace(plans / "2024" / "realisasi.yaml", "per_tanggal: 2024-12-20", "per_tanggal: 2025-12-20")
    line2 = replace(plans / "2024" / "wbs.yaml", "per_tanggal: 2024-10-15", "per_tanggal: 2025-10-15")
    msgs = warnings(plans)
    assert [m.split(": per_tanggal")[0] for m in msgs] == [
        f"Peringatan: 2024/realisasi.yaml:{line}:1",
        f"Peringatan: 2024/wbs.yaml:{line2}:1",
    ]
    assert "mungkin maksudnya 2024-12-20" in msgs[0] and "Perbaikan: tulis 'per_tanggal: 2024-12-20'" in msgs[0]


def test_diperbarui_in_the_previous_year(plans):
    line = replace(plans / "2024" / "realisasi.yaml", "diperbarui: 2024-02-09", "diperbarui: 2023-02-09")
    [msg] = warnings(plans)
    assert msg.startswith(
        f"Peringatan: 2024/realisasi.yaml:{line}:5: baris[1].diperbarui: tanggal pembaruan "
        "2023-02-09 sebelum tahun 2024; mungkin maksudnya 2024-02-09"
    )


def test_decree_dated_years_before_its_number(plans):
    line = replace(plans / "2024" / "rencana-aksi.yaml", "tanggal: 2024-01-31", "tanggal: 2019-01-31")
    [msg] = warnings(plans)
    assert msg.startswith(
        f"Peringatan: 2024/rencana-aksi.yaml:{line}:3: keputusan.tanggal: tanggal keputusan "
        "2019-01-31 tidak di tahun nomor keputusan (2024); mungkin maksudnya 2024-01-31"
    )


def test_ignored_folders_and_files_are_listed_by_name(plans):
    for name in ("2O25", "202", "24", "arsip lama"):
        (plans / name).mkdir()
    (plans / "notes.md").write_text("catatan\n", encoding="utf-8")
    (plans / "satker.yml").write_text("nama: x\n", encoding="utf-8")
    (plans / "2024" / "pengaduan.yaml.txt").write_text("tahun: 2024\n", encoding="utf-8")
    (plans / "2024" / "foto").mkdir()
    (plans / ".gitkeep").write_text("", encoding="utf-8")  # hidden: not listed
    msgs = "\n".join(warnings(plans))
    assert (
        "Peringatan: 2O25:1:1: folder '2O25' diabaikan: tidak dibaca dan tidak diterbitkan\n"
        "    Perbaikan: ganti namanya menjadi '2025'" in msgs
    )
    assert "folder '24' diabaikan" in msgs and "menjadi '2024'" in msgs
    assert "folder '202' diabaikan" in msgs and "folder 'arsip lama' diabaikan" in msgs
    assert "berkas 'notes.md' diabaikan" in msgs
    assert "berkas 'satker.yml' diabaikan" in msgs and "menjadi 'satker.yaml'" in msgs
    assert "2024/pengaduan.yaml.txt:1:1: berkas 'pengaduan.yaml.txt' diabaikan" in msgs
    assert "menjadi 'pengaduan.yaml'" in msgs
    assert "folder 'foto' diabaikan" in msgs and ".gitkeep" not in msgs
    assert msgs.count("Peringatan:") == 8


def test_unknown_yaml_name_in_a_year_folder_stays_an_error(plans):
    (plans / "2024" / "pengaduan.yaml").rename(plans / "2024" / "Pengaduan.YAML")
    [msg] = problems(plans)
    assert "nama berkas 'Pengaduan.YAML' tidak dikenal" in msg


def test_absurd_counts(plans):
    line = replace(plans / "2024" / "benturan-kepentingan.yaml", "pegawai_wajib: 31", "pegawai_wajib: 1000000000")
    wbs = replace(plans / "2024" / "wbs.yaml", '"Januari 2024", diterima: 0', '"Januari 2024", diterima: 5000000')
    grat = replace(plans / "2024" / "gratifikasi.yaml", "nilai: 350000", "nilai: 350000000000")
    msgs = warnings(plans)
    assert msgs[0].startswith(f"Peringatan: 2024/benturan-kepentingan.yaml:{line}:")
    assert "angka 1.000.000.000 terlalu besar untuk jumlah pegawai satu unit kerja (lebih dari 100.000)" in msgs[0]
    assert msgs[1].startswith(f"Peringatan: 2024/gratifikasi.yaml:{grat}:") and "nilai rupiah" in msgs[1]
    assert msgs[2].startswith(f"Peringatan: 2024/wbs.yaml:{wbs}:") and "lebih dari 1.000.000" in msgs[2]
    assert len(msgs) == 3


def test_counts_under_the_limits_pass(plans):
    replace(plans / "2024" / "benturan-kepentingan.yaml", "pegawai_wajib: 31", "pegawai_wajib: 100000")
    replace(plans / "2024" / "survei.yaml", "populasi: 150", "populasi: 2500000")  # a big service, not a slip
    assert warnings(plans) == []


def test_very_long_text(plans):
    plan = plans / "2024" / "rencana-aksi.yaml"
    line = replace(plan, '- uraian: "Membentuk Tim Kerja', '- uraian: "' + "Membentuk Tim Kerja " * 50_000 + " ")
    [msg] = warnings(plans)  # 1 MB in one uraian: read (under the 2 MB limit), but surely not one cell
    assert msg.startswith(f"Peringatan: 2024/rencana-aksi.yaml:{line}:")
    assert "uraian: teks ini sangat panjang (1.000." in msg and "lebih dari 5.000" in msg


def test_area_title_that_matches_no_catalogue_area(plans):
    plan = plans / "2024" / "rencana-aksi.yaml"
    line = replace(
        plan,
        '      judul: "MANAJEMEN PERUBAHAN"',
        '      judul: "MANAJEMEN PERUBAHAAN"\n      area: "manajemen-perubahan"',
    )
    [msg] = warnings(plans)
    assert msg.startswith(
        f"Peringatan: 2024/rencana-aksi.yaml:{line}:7: lampiran.area[0].judul: judul area "
        "'MANAJEMEN PERUBAHAAN' tidak cocok dengan area perubahan mana pun"
    )
    assert "Perbaikan: periksa judulnya; area resmi yang paling mirip: 'Manajemen Perubahan';" in msg


def test_area_title_naming_another_area_than_its_code(plans):
    plan = plans / "2024" / "rencana-aksi.yaml"
    replace(
        plan,
        '      judul: "MANAJEMEN PERUBAHAN"',
        '      judul: "PENATAAN TATA LAKSANA"\n      area: "manajemen-perubahan"',
    )
    [msg] = warnings(plans)
    assert "menyebut area 'Penataan Tatalaksana', padahal 'area' ditulis 'manajemen-perubahan'" in msg
    assert "Perbaikan: tulis 'area: penataan-tatalaksana'" in msg


def test_warnings_travel_with_errors(plans):
    replace(plans / "2024" / "realisasi.yaml", "diperbarui: 2024-02-09", "diperbarui: 2023-02-09")
    replace(plans / "satker.yaml", "induk:", "indukk:")
    with pytest.raises(DataError) as exc:
        load_site(plans)
    assert len(exc.value.problems) == 1
    assert laporan_peringatan(exc.value.peringatan, plans).startswith("Peringatan: 2024/realisasi.yaml:")

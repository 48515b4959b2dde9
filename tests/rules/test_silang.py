"""Progress against recaps (generator.rules.silang): the example data's own contradictions, caught."""

from __future__ import annotations

import shutil

import pytest

from generator.load import load_site
from generator.rules.silang import periksa_silang, periode_dari_bulan
from tests.conftest import DATA, zi

# The example data as it was before issue 10: July's gratifikasi recap "done" on the plan row while
# gratifikasi.yaml has no July; Triwulan IV survey results while the survey rows record no December.
BEFORE = (
    (
        '    bulan: [1, 2, 3, 4, 5, 6, 8, 9, 10, 11]\n    diperbarui: 2024-12-10\n    catatan: "Rekap gratifikasi',
        '    bulan: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]\n    diperbarui: 2024-12-10\n    catatan: "Rekap gratifikasi',
    ),
    (
        "  - id: r-v-1-4-1-1\n    status: selesai\n    bulan: [3, 6, 9, 12]",
        "  - id: r-v-1-4-1-1\n    status: berjalan\n    bulan: [3, 6, 9]",
    ),
    (
        "  - id: r-vii-9-1-1\n    status: selesai\n    bulan: [3, 6, 9, 12]",
        "  - id: r-vii-9-1-1\n    status: berjalan\n    bulan: [3, 6, 9]",
    ),
)


@pytest.fixture
def contradictory(tmp_path):
    plans = tmp_path / "plans"
    shutil.copytree(DATA["gunungkidul"], plans)
    file = plans / "2024" / "realisasi.yaml"
    text = file.read_text(encoding="utf-8")
    for now, then in BEFORE:
        assert text.count(now) == 1, now
        text = text.replace(now, then)
    file.write_text(text, encoding="utf-8")
    return plans


def test_period_of_a_month():
    assert periode_dari_bulan(2024, "bulan", 7).label == "Juli 2024"
    assert periode_dari_bulan(2024, "triwulan", 12).label == "Triwulan IV 2024"
    assert periode_dari_bulan(2024, "semester", 6).label == "Semester I 2024"


def test_shipped_example_data_agrees_with_its_recaps():
    for name in DATA:
        site = load_site(DATA[name])
        assert [w for p in site.plans for w in periksa_silang(site.tahun(p.tahun))] == []


def test_done_without_recap_and_recap_without_done_are_warned(contradictory):
    found = periksa_silang(load_site(contradictory).tahun(2024))
    assert [(f, loc, m) for f, loc, m, _ in found] == [
        (
            "realisasi.yaml",
            ("baris", 16, "bulan"),
            "baris 'r-v-1-2-1-1' mencatat Juli sudah dikerjakan, tetapi rekap gratifikasi Juli 2024 belum dilaporkan",
        ),
        (
            "realisasi.yaml",
            ("baris", 18, "bulan"),
            "rekap survei memuat Triwulan IV 2024, tetapi baris 'r-v-1-4-1-1' yang merencanakannya belum mencatat "
            "pekerjaan pada Triwulan IV 2024",
        ),
        (
            "realisasi.yaml",
            ("baris", 54, "bulan"),
            "rekap survei memuat Triwulan IV 2024, tetapi baris 'r-vii-9-1-1' yang merencanakannya belum mencatat "
            "pekerjaan pada Triwulan IV 2024",
        ),
    ]
    assert found[0][3].endswith("hapus 7 dari 'bulan' baris ini")


def test_selesai_row_with_a_missing_period_is_warned(contradictory):
    file = contradictory / "2024" / "realisasi.yaml"
    text = file.read_text(encoding="utf-8").replace(
        "  - id: r-v-1-2-1-1\n    status: berjalan\n    bulan: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]",
        "  - id: r-v-1-2-1-1\n    status: selesai\n    bulan: []",
    )
    file.write_text(text, encoding="utf-8")
    found = [w for w in periksa_silang(load_site(contradictory).tahun(2024)) if "r-v-1-2-1-1" in w[2]]
    assert [(w[1], w[2]) for w in found] == [
        (
            ("baris", 16, "status"),
            "baris 'r-v-1-2-1-1' berstatus selesai, tetapi rekap gratifikasi Juli 2024 belum dilaporkan",
        )
    ]


def test_zi_check_prints_each_warning_with_file_line_and_fix(contradictory):
    result = zi("check", "--plans", str(contradictory))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "3 peringatan: mungkin salah, periksa; situs tetap dapat dibangun." in out
    line = next(
        i
        for i, t in enumerate((contradictory / "2024" / "realisasi.yaml").read_text(encoding="utf-8").splitlines(), 1)
        if t == "    bulan: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]"
        and "r-v-1-2-1-1" in (contradictory / "2024" / "realisasi.yaml").read_text(encoding="utf-8").splitlines()[i - 3]
    )
    assert f"realisasi.yaml:{line}:5: baris[16].bulan: baris 'r-v-1-2-1-1' mencatat Juli" in out
    assert "Perbaikan: tambahkan periode 'Juli 2024' ke gratifikasi.yaml" in out

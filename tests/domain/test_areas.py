"""The area catalogue accepts the spellings seen in real decrees."""

from __future__ import annotations

import pytest

from generator.domain.areas import OFFICIAL, AreaError, match_area


def test_six_official_areas_of_permenpanrb_90_2021():
    assert [a.nama for a in OFFICIAL] == [
        "Manajemen Perubahan",
        "Penataan Tatalaksana",
        "Penataan Sistem Manajemen SDM Aparatur",
        "Penguatan Akuntabilitas Kinerja",
        "Penguatan Pengawasan",
        "Peningkatan Kualitas Pelayanan Publik",
    ]


@pytest.mark.parametrize(
    "title,code",
    [
        ("MANAJEMEN PERUBAHAN", "manajemen-perubahan"),
        ("PENATAAN TATA LAKSANA", "penataan-tatalaksana"),
        ("Penataan Tatalaksana", "penataan-tatalaksana"),
        ("PENATAAN SISTEM MANAJEMEN SUMBER DAYA MANUSIA", "penataan-sistem-manajemen-sdm"),
        ("Penataan Sistem Manajemen SDM", "penataan-sistem-manajemen-sdm"),
        ("Penguatan Akuntabilitas", "penguatan-akuntabilitas-kinerja"),
        ("Akuntabilitas Penguatan Kinerja", "penguatan-akuntabilitas-kinerja"),
        ("Penguatan Pengawasan", "penguatan-pengawasan"),
        ("PENINGKATAN KUALITAS PELAYANAN PUBLIK", "peningkatan-kualitas-pelayanan-publik"),
        ("Inovasi Pelayanan", "inovasi-pelayanan"),
    ],
)
def test_real_spellings(title, code):
    assert match_area(title).kode == code


def test_extra_area_is_not_official():
    assert match_area("Inovasi Pelayanan").resmi is False


def test_explicit_code_wins_and_is_checked():
    assert match_area(None, "penataan-tatalaksana").nama == "Penataan Tatalaksana"
    with pytest.raises(AreaError) as exc:
        match_area(None, "penataan-tatalaksna")
    assert exc.value.fix == "tulis 'penataan-tatalaksana'"


def test_unknown_title_asks_for_a_code():
    with pytest.raises(AreaError) as exc:
        match_area("Penguatan Kapasitas Desa")
    assert "area: <kode>" in exc.value.fix


def test_misspelt_title_names_the_closest_official_area():
    with pytest.raises(AreaError) as exc:
        match_area("MANAJEMEN PERUBAHN")  # a typo drops a key word: no match, so the nearest names help
    assert exc.value.fix.startswith(
        "perbaiki judulnya (paling mirip: 'Manajemen Perubahan') atau tambahkan 'area: <kode>'"
    )

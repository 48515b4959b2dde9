"""IKM by PermenPANRB 14/2017, checked against arithmetic written out by hand."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from generator.domain.bulat import bulat
from generator.domain.ikm import BOBOT, UNSUR, hitung_ikm, ikm_tepat, mutu, nrr

# Ten respondents; for each unsur, how many answered 1, 2, 3 and 4.
CONTOH = {
    "persyaratan": [0, 1, 5, 4],  # (1·0 + 2·1 + 3·5 + 4·4) / 10 = (2 + 15 + 16) / 10 = 3,3
    "prosedur": [0, 2, 4, 4],  # (4 + 12 + 16) / 10 = 3,2
    "waktu": [1, 2, 4, 3],  # (1 + 4 + 12 + 12) / 10 = 2,9
    "biaya": [0, 0, 2, 8],  # (6 + 32) / 10 = 3,8
    "produk": [0, 1, 6, 3],  # (2 + 18 + 12) / 10 = 3,2
    "kompetensi": [0, 1, 4, 5],  # (2 + 12 + 20) / 10 = 3,4
    "perilaku": [0, 0, 4, 6],  # (12 + 24) / 10 = 3,6
    "pengaduan": [0, 3, 5, 2],  # (6 + 15 + 8) / 10 = 2,9
    "sarana": [0, 2, 5, 3],  # (4 + 15 + 12) / 10 = 3,1
}


def test_worked_example_by_hand():
    h = hitung_ikm(CONTOH)
    by_hand = [
        Fraction(33, 10),
        Fraction(32, 10),
        Fraction(29, 10),
        Fraction(38, 10),
        Fraction(32, 10),
        Fraction(34, 10),
        Fraction(36, 10),
        Fraction(29, 10),
        Fraction(31, 10),
    ]
    assert [u.nrr for u in h.unsur] == by_hand
    # Σ NRR = 3,3 + 3,2 + 2,9 + 3,8 + 3,2 + 3,4 + 3,6 + 2,9 + 3,1 = 29,4
    # IKM = 29,4 × 1/9 × 25 = 735 / 9 = 81,666…  → 81,67, band B (76,61–88,30), "Baik"
    assert sum(by_hand) == Fraction(294, 10)
    assert h.tepat == Fraction(735, 9)
    assert h.nilai == Decimal("81.67")
    assert (h.mutu.huruf, h.mutu.kinerja) == ("B", "Baik")
    # Waktu Penyelesaian alone: 2,9 × 25 = 72,50, band C.
    waktu = next(u for u in h.unsur if u.kode == "waktu")
    assert waktu.nilai_konversi == Decimal("72.50") and waktu.mutu.huruf == "C"


def test_weight_is_exactly_one_ninth():
    assert Fraction(1, 9) == BOBOT
    assert len(UNSUR) == 9
    assert [name for _, name in UNSUR] == [
        "Persyaratan",
        "Sistem, Mekanisme, dan Prosedur",
        "Waktu Penyelesaian",
        "Biaya/Tarif",
        "Produk Spesifikasi Jenis Pelayanan",
        "Kompetensi Pelaksana",
        "Perilaku Pelaksana",
        "Penanganan Pengaduan, Saran dan Masukan",
        "Sarana dan Prasarana",
    ]


def test_weight_0_111_would_cross_the_a_b_boundary():
    # 100 respondents. Eight unsur: 2 answered 2, 43 answered 3, 55 answered 4:
    #   (2·2 + 3·43 + 4·55) / 100 = (4 + 129 + 220) / 100 = 3,53
    # One unsur: 44 answered 3, 56 answered 4: (132 + 224) / 100 = 3,56
    # Σ NRR = 8 × 3,53 + 3,56 = 28,24 + 3,56 = 31,80
    answers = {kode: [0, 2, 43, 55] for kode, _ in UNSUR}
    answers["sarana"] = [0, 0, 44, 56]
    # Exact:  31,80 × 1/9 × 25 = 795/9 = 88,333… → 88,33 ≥ 88,31: A, Sangat Baik.
    h = hitung_ikm(answers)
    assert h.tepat == Fraction(795, 9)
    assert h.nilai == Decimal("88.33") and h.mutu.huruf == "A"
    # Weight written as 0,111: 31,80 × 0,111 × 25 = 88,245 → 88,25 < 88,31: B, Baik.
    nrrs = [u.nrr for u in h.unsur]
    rounded = ikm_tepat(nrrs, Fraction("0.111"))
    assert rounded == Fraction("88.245")
    assert bulat(rounded, 2) == Decimal("88.25") and mutu(bulat(rounded, 2)).huruf == "B"
    # And 0,11: 31,80 × 0,11 × 25 = 87,45, also B.
    assert ikm_tepat(nrrs, Fraction("0.11")) == Fraction("87.45")


@pytest.mark.parametrize(
    "value,band",
    [
        ("100.00", "A"),
        ("88.31", "A"),
        ("88.30", "B"),
        ("76.61", "B"),
        ("76.60", "C"),
        ("65.00", "C"),
        ("64.99", "D"),
        ("25.00", "D"),
    ],
)
def test_band_boundaries(value, band):
    assert mutu(Decimal(value)).huruf == band


def test_rounding_is_half_up_once_at_the_end():
    # 88,305 must publish as 88,31 (band A); 2,675 as 2,68. Python's round() on floats
    # gives 2.67 for the latter (binary 2.675 is 2.67499…): the trap this avoids.
    assert bulat(Fraction("88.305"), 2) == Decimal("88.31")
    assert bulat(Fraction("2.675"), 2) == Decimal("2.68")
    assert round(2.675, 2) == 2.67
    assert bulat(Fraction(2, 3), 2) == Decimal("0.67")
    assert bulat(Fraction(1, 200), 2) == Decimal("0.01")


def test_nrr_needs_four_counts_and_an_answer():
    with pytest.raises(ValueError):
        nrr([1, 2, 3])
    with pytest.raises(ValueError):
        nrr([0, 0, 0, 0])
    assert nrr([0, 0, 0, 7]) == 4 and nrr([5, 0, 0, 0]) == 1

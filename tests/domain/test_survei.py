"""Sample size (Krejcie–Morgan) and the 0–4 index of ZI evaluation."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from generator.domain.survei import (
    AMBANG_ANTI_KORUPSI,
    AMBANG_KUALITAS_PELAYANAN,
    ke_indeks_zi,
    krejcie_morgan,
    krejcie_morgan_tepat,
    skor_lke,
)


def test_formula_by_hand_for_100():
    # s = 3,841 × 100 × 0,25 / (0,0025 × 99 + 3,841 × 0,25) = 96,025 / (0,2475 + 0,96025) = 96,025 / 1,20775
    exact = krejcie_morgan_tepat(100)
    assert exact == Fraction("96.025") / Fraction("1.20775")
    assert 79.5 < float(exact) < 79.51
    assert krejcie_morgan(100) == 80


@pytest.mark.parametrize(
    "population,sample",
    [
        (10, 10),
        (50, 44),
        (100, 80),
        (200, 132),
        (500, 217),
        (1000, 278),
        (5000, 357),
        (10000, 370),
        (1_000_000, 384),
    ],
)
def test_published_table(population, sample):
    # Krejcie & Morgan (1970), Table 1.
    assert krejcie_morgan(population) == sample


def test_population_must_be_positive():
    with pytest.raises(ValueError):
        krejcie_morgan(0)


def test_conversion_to_the_zi_index():
    assert ke_indeks_zi(Decimal("3.62"), 4) == Fraction("3.62")  # a 1–4 survey keeps its figure
    assert ke_indeks_zi(Decimal("5.40"), 6) == Fraction("3.6")  # 5,40 × 4 / 6
    assert ke_indeks_zi(Decimal("4.5"), 5) == Fraction("3.6")
    assert skor_lke(Fraction("3.6")) == Fraction("15.75")  # 3,6 / 4 × 17,5


def test_thresholds_as_indexes():
    # LKE 2024 copy: IPAK score ≥ 15,75 of 17,5 (both predicates); IPKP ≥ 14,00 (WBK), ≥ 15,75 (WBBM).
    assert [(a.predikat, a.indeks) for a in AMBANG_ANTI_KORUPSI] == [
        ("Menuju WBK", Fraction("3.6")),
        ("Menuju WBBM", Fraction("3.6")),
    ]
    assert [(a.predikat, a.indeks) for a in AMBANG_KUALITAS_PELAYANAN] == [
        ("Menuju WBK", Fraction("3.2")),
        ("Menuju WBBM", Fraction("3.6")),
    ]

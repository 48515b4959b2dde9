"""Survey arithmetic besides IKM: sample size, and the 0–4 index of ZI evaluation.

Sample size, Krejcie & Morgan (1970), the table SKM practice cites (verified,
research/domain-facts.md §2)::

    s = χ² · N · P(1 − P) / (d² (N − 1) + χ² · P(1 − P)),  χ² = 3,841, P = 0,5, d = 0,05

The published table rounds s to the nearest whole respondent (N 500 → 217.4 →
217, N 100 → 79.5 → 80), so we round half up as well; a sample "meets" the
table when it has at least that many respondents.

Indeks Persepsi Anti Korupsi and Indeks Persepsi Kualitas Pelayanan (IPKP): the
ZI evaluation sheet (LKE) takes each as an index from 0 to 4 and scores it
index ÷ 4 × 17,5 (research/domain-facts.md §1). Units run these surveys
themselves, on scales of their own (1–4, 1–6 stars). A survey whose scale tops
at 4 keeps its figure (3,62 stays 3,62). No official text prescribing how another
scale becomes the index was found (U), and the choice matters: 5,46 of 1–6 is
3,64 proportionally (× 4 ÷ 6) but 3,57 min–max ((5,46 − 1) ÷ 5 × 4), on either
side of the 3,60 threshold. So a figure on another scale is converted only by
the method the data declares (``konversi.metode``: sebanding or linear); without
one the site shows the figure on its own scale and passes no verdict.

Thresholds shown next to the index come from a copy of LKE 2024 kept in public
LKE applications, not from the official text (V*, research/domain-facts.md §1):
Menuju WBK needs IPAK score ≥ 15,75 of 17,5 and IPKP ≥ 14,00; Menuju WBBM needs
IPAK ≥ 15,75 and IPKP ≥ 15,75. As 0–4 indexes: 3,60 / 3,20 and 3,60 / 3,60.

"IPAK" is never written alone on pages: BPS publishes a different IPAK, the
national Indeks *Perilaku* Anti Korupsi on a 0–5 scale.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from generator.domain.bulat import bulat

CHI_KUADRAT = Fraction("3.841")  # χ² for 1 degree of freedom at 95 %
PROPORSI = Fraction(1, 2)
GALAT = Fraction(5, 100)

SKALA_ZI = 4
BOBOT_LKE = Fraction("17.5")


def krejcie_morgan_tepat(populasi: int) -> Fraction:
    if populasi < 1:
        raise ValueError("populasi harus paling sedikit 1")
    pq = PROPORSI * (1 - PROPORSI)
    return CHI_KUADRAT * populasi * pq / (GALAT**2 * (populasi - 1) + CHI_KUADRAT * pq)


def krejcie_morgan(populasi: int) -> int:
    """Respondents needed for ``populasi`` by the Krejcie–Morgan formula, as the table prints it."""
    return int(bulat(krejcie_morgan_tepat(populasi), 0))


def ke_indeks_zi(nilai: Fraction | Decimal, skala_tertinggi: Fraction | Decimal | int) -> Fraction:
    """A survey figure on its own scale 0/1..tertinggi, as the 0–4 index of ZI evaluation."""
    top = Fraction(skala_tertinggi)
    if top <= 0:
        raise ValueError("skala tertinggi harus lebih dari 0")
    return Fraction(nilai) * SKALA_ZI / top


def ke_indeks_linear(
    nilai: Fraction | Decimal, terendah: Fraction | Decimal | int, tertinggi: Fraction | Decimal | int
) -> Fraction:
    """Min–max: the survey's lowest answer becomes 0 and its highest 4."""
    low, top = Fraction(terendah), Fraction(tertinggi)
    if top <= low:
        raise ValueError("skala tertinggi harus lebih besar dari terendah")
    return (Fraction(nilai) - low) * SKALA_ZI / (top - low)


def skor_lke(indeks: Fraction | Decimal) -> Fraction:
    """LKE score of a 0–4 index: indeks ÷ 4 × 17,5."""
    return Fraction(indeks) / SKALA_ZI * BOBOT_LKE


@dataclass(frozen=True)
class Ambang:
    predikat: str  # "Menuju WBK" | "Menuju WBBM"
    skor: Fraction  # minimum LKE score
    indeks: Fraction  # the same as a 0–4 index


def _ambang(predikat: str, skor: str) -> Ambang:
    s = Fraction(skor)
    return Ambang(predikat, s, s / BOBOT_LKE * SKALA_ZI)


AMBANG_ANTI_KORUPSI = (_ambang("Menuju WBK", "15.75"), _ambang("Menuju WBBM", "15.75"))
AMBANG_KUALITAS_PELAYANAN = (_ambang("Menuju WBK", "14.00"), _ambang("Menuju WBBM", "15.75"))

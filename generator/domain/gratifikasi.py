"""Which gratifikasi rules were in force for a recap's year.

Peraturan KPK Nomor 2 Tahun 2019 tentang Pelaporan Gratifikasi, amended by
Peraturan KPK Nomor 1 Tahun 2026, in force 20 January 2026 (verified,
research/domain-facts.md §4). A 2024 recap was kept under 2/2019 alone; citing
the 2026 amendment on it would apply rules (new limits, 20 working days) that
did not exist yet.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

DASAR = "Peraturan KPK Nomor 2 Tahun 2019 tentang Pelaporan Gratifikasi"


@dataclass(frozen=True)
class Perubahan:
    nama: str
    berlaku: dt.date


PERUBAHAN = (Perubahan("Peraturan KPK Nomor 1 Tahun 2026", dt.date(2026, 1, 20)),)


def aturan_berlaku(tahun: int) -> tuple[str, tuple[Perubahan, ...]]:
    """The base rule and the amendments in force at some time during ``tahun``."""
    return DASAR, tuple(p for p in PERUBAHAN if p.berlaku <= dt.date(tahun, 12, 31))

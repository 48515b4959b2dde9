"""Numbers the Indonesian way: 1.234.567; Rp1.234.567; 87,5 %; 88,35.

Figures arrive exact (int, Fraction, Decimal) and are rounded here, once, half
away from zero (``generator.domain.bulat``). A non-breaking space keeps "87,5"
and "%" on one line.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

from generator.domain.bulat import bulat
from generator.domain.jadwal import BULAN

NBSP = "\u00a0"


def angka(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def rupiah(n: int) -> str:
    return f"Rp{angka(n)}"


def desimal(x: Fraction | Decimal | int, tempat: int = 2) -> str:
    """Fixed decimals with a decimal comma: 88,35; 3,60; 7,1."""
    d = bulat(x, tempat)
    sign = "-" if d < 0 else ""
    whole, _, frac = f"{abs(d):.{tempat}f}".partition(".")
    return sign + angka(int(whole)) + ("," + frac if frac else "")


def persen(x: Fraction | None, tempat: int = 1) -> str:
    """A share as a percentage: 0,825 -> '82,5 %'; 1 -> '100 %'. None -> '–' (nothing to divide by)."""
    if x is None:
        return "–"
    d = bulat(Fraction(x) * 100, tempat)
    text = desimal(d, tempat) if d != d.to_integral_value() else angka(int(d))
    return f"{text}{NBSP}%"


def tanggal(value: dt.date) -> str:
    """31 Januari 2024."""
    return f"{value.day} {BULAN[value.month - 1]} {value.year}"


def rentang_bulan(months: tuple[int, ...] | list[int]) -> str:
    """(1, 2, 3, 6) -> 'Januari–Maret, Juni'; runs of three or more are joined with a dash."""
    months = sorted(set(months))
    parts: list[str] = []
    i = 0
    while i < len(months):
        j = i
        while j + 1 < len(months) and months[j + 1] == months[j] + 1:
            j += 1
        if j - i >= 2:
            parts.append(f"{BULAN[months[i] - 1]}–{BULAN[months[j] - 1]}")
        else:
            parts.extend(BULAN[m - 1] for m in months[i : j + 1])
        i = j + 1
    return ", ".join(parts)


def ukuran(n: int) -> str:
    """A file size the Indonesian way: 84 KB, 8,4 KB, 1,2 MB."""
    kb = Fraction(n, 1024)
    if kb < 10:
        return f"{desimal(max(kb, Fraction(1, 10)), 1)} KB"
    if kb < 1024:
        return f"{angka(round(kb))} KB"
    return f"{desimal(kb / 1024, 1)} MB"

"""Exact rounding for published figures.

Figures are computed exactly (``fractions.Fraction``) and rounded once, at the
end, half away from zero, the way a person rounds on paper ("88,305" becomes
"88,31"). Python's ``round`` rounds half to even and works on binary floats,
which would publish 88,30 for the same value; it is never used for figures.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from numbers import Rational


def bulat(value: Rational | int | Decimal, places: int) -> Decimal:
    """``value`` rounded half away from zero to ``places`` decimals, as an exact Decimal."""
    scaled = Fraction(value) * 10**places
    sign = -1 if scaled < 0 else 1
    whole = (abs(scaled.numerator) * 2 + scaled.denominator) // (2 * scaled.denominator)
    return Decimal(sign * whole).scaleb(-places)


def rasio(bagian: int, keseluruhan: int) -> Fraction | None:
    """``bagian / keseluruhan`` exactly, or None when there is nothing to divide by."""
    if keseluruhan == 0:
        return None
    return Fraction(bagian, keseluruhan)

"""Value types shared by the realisasi and recap files: counts, choices, periods.

Counts are whole numbers of zero or more, written as plain numbers: ``3``, not
``"3"``, ``3.0`` or ``true`` (YAML would otherwise let a typo through as a
different number). Choices are matched without regard to case, and ``-``/``_``
may stand for a space, so ``belum_mulai`` and ``Belum mulai`` both mean
"belum mulai".
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator, WithJsonSchema

from generator.domain.periode import PeriodeError, parse_periode
from generator.model.base import zi_error


def _jumlah(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise zi_error(
            "harus berupa jumlah: bilangan bulat 0 atau lebih",
            "tulis angka tanpa tanda kutip, tanpa titik ribuan dan tanpa koma, mis. 0 atau 12",
        )
    if value < 0:
        raise zi_error("jumlah tidak boleh negatif", "tulis 0 bila tidak ada")
    return value


# The validator refuses negatives (in Indonesian); the schema tells the editor the same.
CACAH = WithJsonSchema({"type": "integer", "minimum": 0})
Jumlah = Annotated[int, BeforeValidator(_jumlah), CACAH]


def _rupiah(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise zi_error(
            "nilai rupiah harus bilangan bulat 0 atau lebih",
            "tulis angka saja tanpa 'Rp', titik ribuan atau tanda kutip, mis. 350000",
        )
    return value


Rupiah = Annotated[int, BeforeValidator(_rupiah), CACAH]

# A month number. The range is checked where months are read (with a message for staff); this tells the editor.
Bulan = Annotated[int, WithJsonSchema({"type": "integer", "minimum": 1, "maximum": 12})]


def _normal_choice(text: str) -> str:
    return " ".join(text.replace("_", " ").replace("-", " ").split()).casefold()


def pilihan(*choices: str) -> BeforeValidator:
    """Accept one of ``choices`` in any case, returning the canonical spelling.

    Used as ``Annotated[Literal[...], pilihan(*get_args(...))]``: the ``Literal`` gives type
    checkers and the JSON Schema (``enum``) the canonical values, this validator the leniency.
    """
    table = {_normal_choice(c): c for c in choices}
    listed = ", ".join(f"'{c}'" for c in choices)

    def check(value: Any) -> str:
        if isinstance(value, str) and _normal_choice(value) in table:
            return table[_normal_choice(value)]
        raise zi_error(
            "nilai tidak dikenal" if isinstance(value, str) else "harus berupa teks pilihan",
            f"pilih salah satu: {listed}",
        )

    return BeforeValidator(check)


def _periode(value: Any) -> str:
    try:
        parse_periode(value)
    except PeriodeError as exc:
        raise zi_error(exc.message, exc.fix) from None
    return " ".join(str(value).split())


PeriodeTeks = Annotated[str, BeforeValidator(_periode)]

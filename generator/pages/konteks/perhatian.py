"""The context of the page listing every late or unreported action of a year."""

from __future__ import annotations

from dataclasses import dataclass

from generator.pages.konteks.capaian import Ringkasan, Status
from generator.pages.konteks.umum import AreaRingkas, Kolom, Satker


@dataclass(frozen=True, slots=True)
class BarisPerhatian:
    """One row: where it is on its area page, its text, status and schedule."""

    id: str
    url: str  # the row on its area page, relative to the list page
    uraian: str | None  # the decree's text (staff text: rendered with |inline); None when lost from the copy
    status: Status
    jadwal: str  # the planned months, or the decree's own schedule text; "" when none
    terlewat: str  # due months that passed without the work; "" when none


@dataclass(frozen=True, slots=True)
class AreaPerhatian:
    ringkas: AreaRingkas
    terlambat: tuple[BarisPerhatian, ...]
    belum: tuple[BarisPerhatian, ...]


@dataclass(frozen=True, slots=True)
class Perhatian:
    satker: Satker
    tahun: int
    kolom: Kolom
    per_tanggal: str
    contoh: bool
    total: Ringkasan
    areas: tuple[AreaPerhatian, ...]

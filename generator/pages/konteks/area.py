"""The context of one area page."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from generator.pages.konteks.capaian import Ringkasan
from generator.pages.konteks.lampiran import KelompokArea
from generator.pages.konteks.rencana import RencanaInfo
from generator.pages.konteks.umum import AreaRingkas, Kolom, KolomTabel, Satker


@dataclass(frozen=True, slots=True)
class KegiatanCapaian:
    id: str
    label: str  # nomor and judul; "" when the source lost both
    ringkasan: Ringkasan


@dataclass(frozen=True, slots=True)
class CapaianArea:
    per_tanggal: str
    contoh: bool
    area: Ringkasan
    kegiatan: tuple[KegiatanCapaian, ...]
    grafik: Markup
    tak_diketahui: bool


@dataclass(frozen=True, slots=True)
class Area:
    satker: Satker
    plan: RencanaInfo
    kolom: Kolom
    columns: tuple[KolomTabel, ...]
    area: AreaRingkas
    groups: tuple[KelompokArea, ...]
    capaian: CapaianArea | None

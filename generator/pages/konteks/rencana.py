"""The context of one year's plan page: the Keputusan and the full lampiran table."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from generator.pages.konteks.capaian import Cakupan, Ringkasan
from generator.pages.konteks.lampiran import AreaLampiran, CatatanTranskripsi
from generator.pages.konteks.umum import (
    AreaRingkas,
    Berkas,
    Keputusan,
    Kolom,
    KolomTabel,
    Lampiran,
    Satker,
    Unduhan,
)


@dataclass(frozen=True, slots=True)
class RencanaInfo:
    tahun: int
    jumlah_aksi: int


@dataclass(frozen=True, slots=True)
class BulanKolom:
    """A month column of a monthly schedule: the decree's number and the month's name."""

    nomor: int
    nama: str


@dataclass(frozen=True, slots=True)
class AreaCapaian:
    ringkas: AreaRingkas
    capaian: Ringkasan


@dataclass(frozen=True, slots=True)
class CapaianRencana:
    per_tanggal: str
    contoh: bool
    total: Ringkasan
    areas: tuple[AreaCapaian, ...]
    grafik: Markup
    tak_diketahui: bool  # some row's schedule is not months: the legend explains "?" and "•"


@dataclass(frozen=True, slots=True)
class Rencana:
    satker: Satker
    plan: RencanaInfo
    k: Keputusan
    lampiran: Lampiran
    kolom: Kolom
    columns: tuple[KolomTabel, ...]
    lead_columns: tuple[KolomTabel, ...]
    has_area_column: bool
    bulanan: bool
    bulan_kolom: tuple[BulanKolom, ...]
    nomor_kolom: tuple[int, ...]
    span_aksi: int
    span_all: int
    areas: tuple[AreaLampiran, ...]
    berkas: Berkas | None
    pdf: Unduhan | None  # the Keputusan as a PDF generated from the data (generator/stage/pdf)
    capaian: CapaianRencana | None
    catatan_transkripsi: tuple[CatatanTranskripsi, ...]
    cakupan: Cakupan
    jsonld: str = ""  # schema.org Legislation of the Keputusan (Markup, generator.pages.jsonld)

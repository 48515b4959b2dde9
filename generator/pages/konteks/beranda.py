"""The home page's context."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from generator.pages.konteks.capaian import Cakupan, Ringkasan
from generator.pages.konteks.umum import AreaRingkas, Keputusan, Kolom, Satker


@dataclass(frozen=True, slots=True)
class RencanaBeranda:
    tahun: int
    jumlah_aksi: int
    jumlah_kegiatan: int
    ada_celah: bool


@dataclass(frozen=True, slots=True)
class AreaBeranda:
    ringkas: AreaRingkas
    capaian: Ringkasan | None


@dataclass(frozen=True, slots=True)
class TahunLalu:
    tahun: int
    nomor: str
    tahun_keputusan: int


@dataclass(frozen=True, slots=True)
class KanalUtama:
    """One of the five ways to report: its contact and web address, or nothing yet."""

    nama: str
    kontak: str | None
    kontak_url: str | None
    web: str | None
    web_teks: str
    contoh: bool
    ada: bool


@dataclass(frozen=True, slots=True)
class CapaianBeranda:
    per_tanggal: str
    total: Ringkasan
    grafik: Markup
    daftar_url: str  # the list of late and unreported rows (generator.pages.perhatian)


@dataclass(frozen=True, slots=True)
class RekapTerbaru:
    url: str
    judul: str
    angka: str  # the latest figure in one phrase (generator.pages.rekap.angka_terbaru)
    contoh: bool
    per_tanggal: str
    terlambat: bool
    belum: tuple[tuple[str, str], ...]  # due periods not reported: (label, deadline)


@dataclass(frozen=True, slots=True)
class Contoh:
    """Which figures on the home page are example data."""

    capaian: bool
    rekap: bool


@dataclass(frozen=True, slots=True)
class Beranda:
    satker: Satker
    plan: RencanaBeranda
    k: Keputusan
    kolom: Kolom
    areas: tuple[AreaBeranda, ...]
    older: tuple[TahunLalu, ...]
    kanal_utama: tuple[KanalUtama, ...]  # only the channels the data gives (the channel page lists them all)
    capaian: CapaianBeranda | None
    rekap: tuple[RekapTerbaru, ...]
    contoh: Contoh | None
    acuan: str | None
    cakupan: Cakupan

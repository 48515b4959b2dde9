"""Progress as template data: a row's status, month grid and evidence; counts of a group."""

from __future__ import annotations

from dataclasses import dataclass

from generator.pages.konteks.umum import MasalahBerkas


@dataclass(frozen=True, slots=True)
class Status:
    kode: str  # CSS modifier: selesai, berjalan, belum-mulai, tidak-dilaksanakan, belum-dilaporkan
    ikon: str
    label: str
    terlambat: bool


@dataclass(frozen=True, slots=True)
class SelKisi:
    kelas: str
    simbol: str


@dataclass(frozen=True, slots=True)
class Kisi:
    """The grid "rencana vs terlaksana" and what a screen reader hears instead."""

    sel: tuple[SelKisi, ...]
    rencana: str  # planned months as a range ("Januari–Maret, Juni"); "" when not known
    jadwal_kosong: bool  # unknown because the decree gives no schedule (not because it is not months)
    terlaksana: str  # "" when nothing was carried out yet
    terlewat: str


@dataclass(frozen=True, slots=True)
class Bukti:
    judul: str
    url: str
    luar: bool
    masalah: MasalahBerkas | None = None


@dataclass(frozen=True, slots=True)
class Baris:
    """One action row's progress."""

    status: Status
    kisi: Kisi
    bukti: tuple[Bukti, ...]
    diperbarui: str | None
    catatan: str | None
    alasan: str | None


@dataclass(frozen=True, slots=True)
class Rincian:
    """One non-zero count of a summary sentence: the figure and which status it counts."""

    angka: str
    status: str  # berjalan | belum mulai | tidak dilaksanakan | belum dilaporkan


@dataclass(frozen=True, slots=True)
class Ringkasan:
    """Counts of a group of rows (raw, for tables) and their formatted figures (for the sentence)."""

    jumlah: int
    selesai: int
    berjalan: int
    belum_mulai: int
    tidak_dilaksanakan: int
    belum_dilaporkan: int
    terlambat: int
    persen: str
    satuan: str  # what is counted, in the decree's word: "langkah aksi", "baris"
    angka_jumlah: str
    angka_selesai: str
    angka_terlambat: str
    rincian: tuple[Rincian, ...]


@dataclass(frozen=True, slots=True)
class CakupanCapaian:
    baris_tambahan: str
    jumlah_resmi: str
    selesai_resmi: str
    persen_resmi: str


@dataclass(frozen=True, slots=True)
class Cakupan:
    """How many official areas a plan covers, its extra areas, and the progress without them."""

    resmi: int
    tambahan: tuple[str, ...]
    jumlah_tambahan: int
    capaian: CakupanCapaian | None

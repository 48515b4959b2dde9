"""The lampiran's items as template data: actions, indikator, kegiatan, and the plan page's table rows."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from generator.pages.konteks.capaian import Baris, Ringkasan
from generator.pages.konteks.umum import AreaRingkas


@dataclass(frozen=True, slots=True)
class BulanKisi:
    nama: str  # "Januari"
    huruf: str  # "J": what the grid shows
    ada: bool  # the action is scheduled in this month


@dataclass(frozen=True, slots=True)
class Jendela:
    """A quarter or semester of the schedule: a window, shown as its span of months."""

    awal: str
    akhir: str


@dataclass(frozen=True, slots=True)
class Aksi:
    id: str
    nomor: str
    uraian: str | None
    bukti: str | None
    jadwal: str | None
    target: str | None
    penanggung_jawab: str | None
    ket: str | None
    celah: str | None
    kosong: bool
    catatan: str | None
    tidak_terbaca: bool  # the source lost this row's text: its cells read "tidak terbaca"
    bulan: tuple[str, ...]  # month names of the schedule
    kisi: tuple[BulanKisi, ...]
    jendela: tuple[Jendela, ...]
    jadwal_hilang: bool  # a monthly schedule whose month ticks were lost
    capaian: Baris | None


@dataclass(frozen=True, slots=True)
class Indikator:
    id: str | None
    nomor: str
    teks: str | None
    celah: str | None
    catatan: str | None
    tidak_terbaca: bool
    implisit: bool
    aksi: tuple[Aksi, ...]


@dataclass(frozen=True, slots=True)
class Kegiatan:
    """A kegiatan/komponen on its area page: a heading, its progress, its indikator with their actions."""

    id: str
    nomor: str
    judul: str | None
    label: str  # nomor and judul as one heading text; "" when the source lost both
    celah: str | None
    catatan: str | None
    tidak_terbaca: bool
    capaian: Ringkasan | None
    indikator: tuple[Indikator, ...]


@dataclass(frozen=True, slots=True)
class KelompokArea:
    """A sub-programme of an area page (or the whole area when the decree has none)."""

    id: str
    judul: str | None
    judul_html: Markup
    celah: str | None
    catatan: str | None
    level: str  # Markdown heading marks of its kegiatan: "##" or "###"
    kegiatan: tuple[Kegiatan, ...]


# The plan page's table: merged cells start on a row and span `span` rows.


@dataclass(frozen=True, slots=True)
class SelArea:
    span: int
    nomor: str
    judul: str | None
    celah: str | None
    tidak_terbaca: bool


@dataclass(frozen=True, slots=True)
class SelKegiatan:
    span: int
    id: str
    nomor: str
    judul: str | None
    celah: str | None
    catatan: str | None
    tidak_terbaca: bool


@dataclass(frozen=True, slots=True)
class SelIndikator:
    span: int
    id: str | None
    nomor: str
    teks: str | None
    celah: str | None
    catatan: str | None
    tidak_terbaca: bool


@dataclass(frozen=True, slots=True)
class BarisLampiran:
    area: SelArea | None
    kegiatan: SelKegiatan | None
    indikator: SelIndikator | None
    aksi: Aksi | None
    gap: bool  # an empty cell of a row the source lost reads "tidak terbaca", not "kosong pada sumber"


@dataclass(frozen=True, slots=True)
class KelompokLampiran:
    id: str
    judul: str | None
    judul_html: Markup
    celah: str | None
    catatan: str | None
    rows: tuple[BarisLampiran, ...]


@dataclass(frozen=True, slots=True)
class AreaLampiran:
    """One area of the plan page: its heading and its part of the lampiran table."""

    ringkas: AreaRingkas
    groups: tuple[KelompokLampiran, ...]


@dataclass(frozen=True, slots=True)
class Letak:
    """Where in the lampiran one item sits, by the decree's numbering (for the list of transcription notes)."""

    tingkat: str  # the decree's column word, lower case ("komponen", "indikator"); "" for the area itself
    nomor: str  # "" when the decree gives none


@dataclass(frozen=True, slots=True)
class CatatanTranskripsi:
    id: str
    area: str  # the area's number
    kelompok: str  # the sub-programme's label, "" when none
    letak: tuple[Letak, ...]
    teks: str

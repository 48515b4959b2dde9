"""What several pages share: the unit, the decree's columns, the Keputusan and its lampiran head."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from markupsafe import Markup


@dataclass(frozen=True, slots=True)
class JadwalTerbit:
    batas_hari_rekap: int


@dataclass(frozen=True, slots=True)
class Satker:
    nama: str
    singkatan: str
    jadwal_terbit: JadwalTerbit


@dataclass(frozen=True, slots=True)
class Kolom:
    """The decree's own column headings (None: the decree has no such column)."""

    nomor: str
    area: str | None
    kegiatan: str
    indikator: str | None
    uraian: str
    nomor_kolom: bool


@dataclass(frozen=True, slots=True)
class KolomTabel:
    """One column of a table: a key the templates switch on and the decree's heading."""

    key: str
    label: str


@dataclass(frozen=True, slots=True)
class Diktum:
    judul: str  # the decree's diktum label with its number filled in, e.g. "KESATU :"
    teks: str


@dataclass(frozen=True, slots=True)
class Penandatangan:
    jabatan: tuple[str, ...]
    nama: str
    ttd: str | None


@dataclass(frozen=True, slots=True)
class SalinanSesuai:
    baris: tuple[str, ...]
    nama: str | None


@dataclass(frozen=True, slots=True)
class LabelKeputusan:
    menimbang: str
    mengingat: str
    memutuskan: str
    menetapkan: str
    ditetapkan_di: str
    pada_tanggal: str


@dataclass(frozen=True, slots=True)
class Keputusan:
    instansi: tuple[str, ...]
    salinan: bool
    judul: str
    judul_kalimat: str  # the title in running-text case: "Keputusan Komisi Pemilihan Umum ..."
    nomor: str
    tahun: int
    tentang: str
    jabatan: str
    menimbang: tuple[str, ...]
    mengingat: tuple[str, ...]
    menetapkan: str
    diktum: tuple[Diktum, ...]
    ditetapkan_di: str
    tanggal: dt.date
    penandatangan: Penandatangan
    label: LabelKeputusan
    salinan_sesuai: SalinanSesuai | None
    berkas: str | None


@dataclass(frozen=True, slots=True)
class TandaTanganLampiran:
    tempat_tanggal: str | None
    jabatan: tuple[str, ...]
    ttd: str | None
    nama: str | None


@dataclass(frozen=True, slots=True)
class Lampiran:
    judul: tuple[str, ...]
    judul_tabel: str | None
    catatan_sumber: tuple[str, ...]
    salinan_sesuai: SalinanSesuai | None
    penandatangan: TandaTanganLampiran | None


@dataclass(frozen=True, slots=True)
class MasalahBerkas:
    """What the build found missing in an uploaded PDF, and where a visitor asks for another format."""

    jenis: tuple[str, ...]  # "rusak", "teks", "judul", "bahasa" (generator.site.Unggahan.masalah)
    surel: str | None  # the unit's e-mail address (satker.yaml kontak.surel); None: the channel page
    kanal_url: str


@dataclass(frozen=True, slots=True)
class Berkas:
    """The signed scan of a decree, as a link from the page that offers it."""

    url: str
    jenis: str  # file type in capitals: "PDF"; "" when the name has no suffix
    masalah: MasalahBerkas | None = None


@dataclass(frozen=True, slots=True)
class Unduhan:
    """A file the stage made from the data (generator/stage/unduhan.py), linked with its type and size."""

    url: str
    jenis: str  # "PDF"
    ukuran: str  # "240 KB" (generator.pages.angka.ukuran)


@dataclass(frozen=True, slots=True)
class AreaRingkas:
    """One area of a plan as lists and headings name it."""

    nomor: str
    judul_html: Markup  # the decree's heading (or the gap), one safe line
    judul_plain: str
    judul_teks: str  # the same, as staff text for ``|line``
    catatan: str | None
    nama: str  # the site's classification
    resmi: bool
    slug: str
    jumlah_kegiatan: int
    jumlah_aksi: int
    subjudul: str | None
    celah: str | None

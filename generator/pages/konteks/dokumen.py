"""The context of the documents page: every Keputusan, and every piece of evidence by year and area."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.pages.konteks.umum import AreaRingkas, Berkas, MasalahBerkas, Satker


@dataclass(frozen=True, slots=True)
class Unduhan:
    """A file offered for download (or a link to another site), as the page describes it."""

    url: str
    jenis: str  # "PDF"; "" for a link to another site
    ukuran: str | None  # "240 KB"; None for a link to another site
    host: str | None = None  # the other site's host name, for a link to another site
    masalah: MasalahBerkas | None = None  # what the build found missing in an uploaded PDF


@dataclass(frozen=True, slots=True)
class DokumenBaris:
    tahun: int
    nomor: str
    tahun_keputusan: int
    tanggal: dt.date
    tentang: str
    berkas: Berkas | None
    pindaian: Unduhan | None  # the signed scan (content/), with its size and checks
    pdf: Unduhan | None  # the PDF generated from the data, when the build made one


@dataclass(frozen=True, slots=True)
class BuktiBaris:
    judul: str
    berkas: Unduhan
    baris_id: str
    baris_url: str  # the row's anchor on its area page
    baris_teks: str  # the row's action text, shortened
    kegiatan: str  # the row's kegiatan, shortened


@dataclass(frozen=True, slots=True)
class AreaBukti:
    id: str  # caption id
    area: AreaRingkas
    url: str  # the area page
    bukti: tuple[BuktiBaris, ...]


@dataclass(frozen=True, slots=True)
class TahunBukti:
    tahun: int
    areas: tuple[AreaBukti, ...]
    jumlah: int
    kolom_kegiatan: str  # the decree's own heading of the kegiatan column, e.g. "KOMPONEN"


@dataclass(frozen=True, slots=True)
class Dokumen:
    satker: Satker
    dokumen: tuple[DokumenBaris, ...]
    bukti: tuple[TahunBukti, ...]

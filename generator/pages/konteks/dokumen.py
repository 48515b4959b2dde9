"""The context of the documents page."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.pages.konteks.umum import Berkas, Satker, Unduhan


@dataclass(frozen=True, slots=True)
class DokumenBaris:
    tahun: int
    nomor: str
    tahun_keputusan: int
    tanggal: dt.date
    tentang: str
    berkas: Berkas | None
    pdf: Unduhan | None  # the Keputusan as a PDF generated from the data (generator/stage/pdf)


@dataclass(frozen=True, slots=True)
class Dokumen:
    satker: Satker
    dokumen: tuple[DokumenBaris, ...]

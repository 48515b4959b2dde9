"""Typed model of a unit's data folder (``plans/``), validated by pydantic.

The model knows nothing of pages. Field names are Indonesian because staff write
them in YAML; docstrings and code are English.
"""

from generator.model.keputusan import Diktum, Keputusan, Penandatangan, SalinanSesuai
from generator.model.lampiran import Aksi, Area, Indikator, Kegiatan, Kelompok, Kolom, Lampiran
from generator.model.plan import RencanaAksi
from generator.model.realisasi import BarisRealisasi, Bukti, Realisasi
from generator.model.rekap import (
    BerkasRekap,
    RekapBenturan,
    RekapGratifikasi,
    RekapPengaduan,
    RekapWbs,
)
from generator.model.satker import Kanal, Kontak, Privasi, Satker
from generator.model.survei import RekapSurvei

__all__ = [
    "Aksi",
    "Area",
    "BarisRealisasi",
    "BerkasRekap",
    "Bukti",
    "Diktum",
    "Indikator",
    "Kanal",
    "Kegiatan",
    "Kelompok",
    "Keputusan",
    "Kolom",
    "Kontak",
    "Lampiran",
    "Penandatangan",
    "Privasi",
    "Realisasi",
    "RekapBenturan",
    "RekapGratifikasi",
    "RekapPengaduan",
    "RekapSurvei",
    "RekapWbs",
    "RencanaAksi",
    "SalinanSesuai",
    "Satker",
]

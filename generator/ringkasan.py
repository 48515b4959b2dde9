"""``ringkasan.json`` version 1: the one small file a province office reads from a unit's site.

The contract between a unit site (which writes it, ``generator.stage``) and ``zi rollup`` (which
reads it from many sites and writes its own, so a national roll-up can read provinces). The
published JSON Schema is generated from these models (``skema/ringkasan-v1.schema.json`` on every
site), so the writer, the reader and the schema cannot drift apart.

Rules of the version: a reader refuses a file whose ``versi`` it does not know; a new optional
field does not change the version; removing or renaming a field, or changing its meaning, does.
Dates are the data's own (never the build clock). Links are absolute when the site knows its
address (``satker.yaml`` ``alamat_situs``), otherwise relative to the file.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

VERSI = 1


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Unit(_Model):
    nama: str = Field(description="Nama lengkap satuan kerja, mis. 'Komisi Pemilihan Umum Kabupaten Gunungkidul'.")
    singkatan: str = Field(description="Nama singkat, mis. 'KPU Kabupaten Gunungkidul'.")
    induk: str | None = Field(None, description="Satuan kerja induk (provinsi), bila ada.")
    situs: str = Field(description="Alamat beranda situs Zona Integritas unit ini.")


class Area(_Model):
    kode: str = Field(
        description="Kode tetap area perubahan, mis. 'manajemen-perubahan' (PermenPANRB 90/2021, Lampiran I)."
    )
    nama: str = Field(description="Nama area perubahan (PermenPANRB 90/2021, Lampiran I).")
    langkah: int = Field(ge=0, description="Jumlah langkah aksi dalam rencana.")
    selesai: int = Field(ge=0, description="Langkah aksi berstatus selesai.")
    persen_selesai: float | None = Field(
        None, ge=0, le=100, description="selesai / langkah × 100; kosong bila 0 langkah."
    )
    terlambat: int = Field(ge=0, description="Langkah aksi yang lewat jadwal dan belum selesai.")
    belum_dilaporkan: int = Field(ge=0, description="Langkah aksi tanpa catatan realisasi.")
    tautan: str = Field(description="Halaman area ini.")


class Rencana(_Model):
    tahun: int = Field(description="Tahun rencana aksi.")
    keputusan: str = Field(description="Keputusan yang menetapkannya, mis. 'Nomor 478 Tahun 2024'.")
    tanggal_keputusan: dt.date
    keadaan_per: dt.date | None = Field(None, description="Tanggal data realisasi terbaru; kosong bila belum ada.")
    langkah: int = Field(ge=0)
    selesai: int = Field(ge=0)
    persen_selesai: float | None = Field(None, ge=0, le=100)
    terlambat: int = Field(ge=0)
    belum_dilaporkan: int = Field(ge=0)
    area: list[Area]
    tautan: str = Field(description="Halaman rencana aksi tahun ini.")
    contoh: bool = Field(description="true bila angka capaian ini data contoh, bukan capaian sebenarnya.")


class Rekap(_Model):
    jenis: Literal["gratifikasi", "pengaduan", "wbs", "benturan-kepentingan", "survei"]
    judul: str = Field(description="Judul rekap seperti di situs, mis. 'Rekap gratifikasi'.")
    tahun: int
    periode_terakhir: str | None = Field(
        None, description="Periode terakhir yang dilaporkan, mis. '2024-11' atau '2024-T3'."
    )
    angka_terakhir: str = Field(
        description="Angka terbaru dalam satu frasa, seperti di beranda (sudah disamarkan bila kecil)."
    )
    per_tanggal: dt.date = Field(description="Tanggal berkas rekap ini diperbarui.")
    terlambat: bool = Field(description="true bila ada periode yang sudah jatuh tempo tetapi belum dilaporkan.")
    belum_dilaporkan: list[str] = Field(default_factory=list, description="Periode jatuh tempo yang belum dilaporkan.")
    tautan: str
    contoh: bool


class Tautan(_Model):
    beranda: str
    data_terbuka: str = Field(description="Halaman Data Terbuka.")
    katalog: str = Field(description="data.json (DCAT / Project Open Data).")
    skema: str = Field(description="JSON Schema berkas ini.")
    feed: str | None = Field(None, description="Feed Atom pembaruan.")


class Ringkasan(_Model):
    versi: Literal[1] = Field(description="Versi format berkas ini; pembaca menolak versi yang tidak dikenalnya.")
    unit: Unit
    tanggal_data: dt.date | None = Field(description="Tanggal terbaru dalam data (bukan tanggal pembangunan situs).")
    tahun: list[int] = Field(description="Tahun rencana aksi yang terbit, terbaru dulu.")
    rencana: list[Rencana] = Field(description="Capaian per tahun, terbaru dulu.")
    rekap: list[Rekap] = Field(description="Rekap terbaru tiap jenis, tahun terbaru.")
    tautan: Tautan
    # A province roll-up writes its units here (zi rollup); a unit site leaves it empty.
    anggota: list[Anggota] = Field(
        default_factory=list, description="Unit yang dirangkum (hanya pada situs rangkuman)."
    )


class Anggota(_Model):
    """One unit as a roll-up saw it."""

    situs: str = Field(description="Alamat situs unit yang dibaca.")
    keadaan: Literal["baik", "tidak dapat dijangkau", "data tidak valid"]
    dibaca: dt.date | None = Field(
        None, description="Tanggal salinan terakhir yang baik (dari cache bila unit tidak terjangkau)."
    )
    ringkasan: Ringkasan | None = Field(None, description="Ringkasan unit itu, bila ada salinan yang baik.")


Ringkasan.model_rebuild()


def skema() -> dict:
    """The JSON Schema published next to ``ringkasan.json``."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "ringkasan-v1.schema.json",
        "title": "ringkasan.json versi 1 (Laman ZI)",
        **Ringkasan.model_json_schema(),
    }

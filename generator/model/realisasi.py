"""Realisasi: what was done for each row of a year's rencana aksi (``<tahun>/realisasi.yaml``).

Staff record, per row id, a status, the months the work was carried out,
evidence and the date of the update. Progress is computed from these by
``generator.rules.capaian``; no percentage is ever typed in.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, get_args

from pydantic import Field, field_validator, model_validator

from generator.model.base import Teks, ZiModel, zi_error
from generator.model.nilai import Bulan, pilihan
from generator.model.tautan import TautanBukti

NamaStatus = Literal["belum mulai", "berjalan", "selesai", "tidak dilaksanakan"]
STATUS: tuple[str, ...] = get_args(NamaStatus)
Status = Annotated[NamaStatus, pilihan(*STATUS)]


class Bukti(ZiModel):
    """Evidence: a title and a link to a file in content/ or to a web address."""

    judul: Teks = Field(description="Judul bukti yang dilihat pengunjung, mis. 'SK Tim Kerja ZI'.")
    # Shared link check (generator.model.tautan): https:// or a file in content/, never javascript: etc.
    tautan: TautanBukti = Field(
        description="Berkas di content/ (mis. 'unggahan/sk-tim-zi.pdf') atau alamat https://..."
    )


class BarisRealisasi(ZiModel):
    id: str = Field(description="Id baris rencana aksi, mis. 'r-v-2-1-1-2' (terlihat sebagai # di halaman area).")
    status: Status = Field(description="'belum mulai', 'berjalan', 'selesai' atau 'tidak dilaksanakan'.")
    bulan: list[Bulan] = Field(default_factory=list, description="Bulan pelaksanaan (1-12) yang sudah dikerjakan.")
    bukti: list[Bukti] = Field(
        default_factory=list,
        description="Bukti pelaksanaan: judul dan tautan ke berkas di content/ atau alamat https://.",
    )
    diperbarui: dt.date = Field(description="Tanggal pembaruan catatan ini.")
    catatan: Teks | None = Field(None, description="Catatan singkat untuk pengunjung tentang pelaksanaan baris ini.")
    alasan: Teks | None = Field(None, description="Wajib untuk status 'tidak dilaksanakan'.")
    rekap: Literal["gratifikasi", "pengaduan", "wbs", "benturan-kepentingan", "survei"] | None = Field(
        None,
        description="Rekap yang diterbitkan lewat baris ini (mis. 'gratifikasi'); zi check membandingkan "
        "bulan pelaksanaannya dengan periode dalam berkas rekap itu.",
    )

    @field_validator("bulan")
    @classmethod
    def _months(cls, value: list[int]) -> list[int]:
        bad = [v for v in value if isinstance(v, bool) or not isinstance(v, int) or not 1 <= v <= 12]
        if bad:
            raise zi_error("nomor bulan tidak sah", "tulis nomor bulan 1 sampai 12, mis. [1, 2, 3]")
        if len(set(value)) != len(value):
            raise zi_error("bulan yang sama ditulis dua kali", "tulis setiap bulan sekali saja")
        return sorted(value)

    @model_validator(mode="after")
    def _reason(self) -> BarisRealisasi:
        if self.status == "tidak dilaksanakan" and not self.alasan:
            raise zi_error(
                "status 'tidak dilaksanakan' memerlukan alasan",
                "tambahkan 'alasan: \"...\"' yang menjelaskan mengapa langkah ini tidak dilaksanakan",
            )
        if self.alasan and self.status != "tidak dilaksanakan":
            raise zi_error("'alasan' hanya untuk status 'tidak dilaksanakan'", "pindahkan keterangan ini ke 'catatan'")
        return self


class Realisasi(ZiModel):
    tahun: int = Field(ge=2000, le=2100, description="Tahun rencana aksi yang dicatat realisasinya.")
    per_tanggal: dt.date = Field(
        description="Tanggal keadaan data ini; capaian dan keterlambatan dihitung per tanggal ini."
    )
    contoh: bool = Field(description="true bila angka di berkas ini data contoh (halaman diberi tanda 'Data contoh').")
    baris: list[BarisRealisasi] = Field(
        default_factory=list, description="Satu butir per baris rencana aksi yang sudah ada kabarnya."
    )

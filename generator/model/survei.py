"""Surveys per quarter (``<tahun>/survei.yaml``): IKM from raw answer counts, and the
Indeks Persepsi Anti Korupsi and Indeks Persepsi Kualitas Pelayanan (IPKP) as the
survey reported them on its own scale. The arithmetic is in ``generator.domain``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, model_validator

from generator.domain.ikm import UNSUR
from generator.model.base import ZiModel, zi_error
from generator.model.nilai import Jumlah
from generator.model.rekap import BerkasRekap, PeriodeRekap


def _four(value: list[int]) -> list[int]:
    if len(value) != 4:
        raise zi_error(
            f"jawaban unsur harus berisi 4 bilangan, bukan {len(value)}",
            "tulis banyaknya responden yang menjawab 1, 2, 3 dan 4, mis. [0, 2, 40, 58]",
        )
    return value


Jawaban = Annotated[list[Jumlah], AfterValidator(_four)]  # respondents who answered 1, 2, 3, 4


class UnsurIkm(ZiModel):
    """The nine unsur of PermenPANRB 14/2017; each: respondents per answer [1, 2, 3, 4]."""

    persyaratan: Jawaban = Field(description=dict(UNSUR)["persyaratan"])
    prosedur: Jawaban = Field(description=dict(UNSUR)["prosedur"])
    waktu: Jawaban = Field(description=dict(UNSUR)["waktu"])
    biaya: Jawaban = Field(description=dict(UNSUR)["biaya"])
    produk: Jawaban = Field(description=dict(UNSUR)["produk"])
    kompetensi: Jawaban = Field(description=dict(UNSUR)["kompetensi"])
    perilaku: Jawaban = Field(description=dict(UNSUR)["perilaku"])
    pengaduan: Jawaban = Field(description=dict(UNSUR)["pengaduan"])
    sarana: Jawaban = Field(description=dict(UNSUR)["sarana"])


class Ikm(ZiModel):
    responden: Jumlah = Field(description="Banyaknya responden survei pada periode ini.")
    populasi: Jumlah | None = Field(None, description="Jumlah penerima layanan pada periode ini (untuk ukuran sampel).")
    unsur: UnsurIkm = Field(description="Jawaban per unsur pelayanan: banyaknya responden yang menjawab 1, 2, 3 dan 4.")


class Skala(ZiModel):
    terendah: Decimal = Field(ge=0, description="Nilai terendah skala survei, mis. 1.")
    tertinggi: Decimal = Field(gt=0, description="Nilai tertinggi skala survei, mis. 4.")

    @model_validator(mode="after")
    def _order(self) -> Skala:
        if self.terendah >= self.tertinggi:
            raise zi_error(
                "skala terendah harus lebih kecil dari skala tertinggi", "mis. 'skala: {terendah: 1, tertinggi: 4}'"
            )
        return self


class Konversi(ZiModel):
    """How a survey on another scale becomes the 0–4 index, as the office declares it (no official rule found)."""

    metode: Literal["sebanding", "linear"] = Field(
        description="sebanding: indeks = nilai × 4 ÷ skala tertinggi; linear: indeks = (nilai − terendah) ÷ "
        "(tertinggi − terendah) × 4."
    )
    sumber: str = Field(min_length=1, description="Dasar cara konversi ini, mis. pedoman survei atau arahan evaluator.")


class IndeksPersepsi(ZiModel):
    """A survey's result on its own scale, e.g. 3.62 on 1–4 or 5.4 on 1–6 stars."""

    skala: Skala = Field(description="Skala yang dipakai survei, mis. {terendah: 1, tertinggi: 4}.")
    nilai: Decimal = Field(description="Hasil survei pada skalanya sendiri, mis. 3.62.")
    responden: Jumlah | None = Field(None, description="Banyaknya responden survei, bila diketahui.")
    konversi: Konversi | None = Field(
        None,
        description="Wajib agar hasil pada skala selain 0–4/1–4 dinilai terhadap syarat predikat; tanpa ini "
        "situs menampilkan hasil apa adanya tanpa penilaian.",
    )

    @model_validator(mode="after")
    def _in_scale(self) -> IndeksPersepsi:
        if not self.skala.terendah <= self.nilai <= self.skala.tertinggi:
            raise zi_error(
                f"nilai {self.nilai} di luar skala {self.skala.terendah}–{self.skala.tertinggi}",
                "periksa nilainya, atau tulis skala survei yang sebenarnya",
            )
        return self


class TriwulanSurvei(PeriodeRekap):
    ikm: Ikm | None = Field(None, description="Survei Kepuasan Masyarakat (PermenPANRB 14/2017).")
    persepsi_anti_korupsi: IndeksPersepsi | None = Field(None, description="Indeks Persepsi Anti Korupsi.")
    persepsi_kualitas_pelayanan: IndeksPersepsi | None = Field(
        None, description="Indeks Persepsi Kualitas Pelayanan (IPKP)."
    )

    @model_validator(mode="after")
    def _something(self) -> TriwulanSurvei:
        if not (self.ikm or self.persepsi_anti_korupsi or self.persepsi_kualitas_pelayanan):
            raise zi_error(
                "triwulan tanpa hasil survei", "isi 'ikm', 'persepsi_anti_korupsi' atau 'persepsi_kualitas_pelayanan'"
            )
        return self


class RekapSurvei(BerkasRekap):
    rekap: list[TriwulanSurvei] = Field(default_factory=list, description="Satu butir per triwulan.")

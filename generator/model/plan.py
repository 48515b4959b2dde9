"""One year's rencana aksi: the decree and its annex."""

from __future__ import annotations

from pydantic import Field, model_validator

from generator.model.base import ZiModel
from generator.model.keputusan import Keputusan
from generator.model.lampiran import Lampiran


class RencanaAksi(ZiModel):
    tahun: int = Field(ge=2000, le=2100, description="Tahun rencana aksi.")
    keputusan: Keputusan
    lampiran: Lampiran

    @model_validator(mode="after")
    def _year_matches(self) -> "RencanaAksi":
        if self.keputusan.tahun < self.tahun - 1 or self.keputusan.tahun > self.tahun:
            raise ValueError(
                f"tahun keputusan ({self.keputusan.tahun}) tidak cocok dengan tahun rencana aksi ({self.tahun})"
            )
        return self

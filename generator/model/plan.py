"""One year's rencana aksi: the decree and its annex."""

from __future__ import annotations

from pydantic import Field, model_validator

from generator.model.base import ZiModel, zi_error
from generator.model.keputusan import Keputusan
from generator.model.lampiran import Lampiran


class RencanaAksi(ZiModel):
    tahun: int = Field(ge=2000, le=2100, description="Tahun rencana aksi.")
    keputusan: Keputusan = Field(
        description="Keputusan yang menetapkan rencana aksi ini, bagian demi bagian apa adanya."
    )
    lampiran: Lampiran = Field(
        description="Lampiran keputusan: judul kolom dan tabel area, kegiatan, indikator dan langkah aksi."
    )

    @model_validator(mode="after")
    def _year_matches(self) -> RencanaAksi:
        if self.keputusan.tahun < self.tahun - 1 or self.keputusan.tahun > self.tahun:
            raise zi_error(
                f"tahun keputusan ({self.keputusan.tahun}) tidak cocok dengan tahun rencana aksi ({self.tahun})",
                f"keputusan rencana aksi {self.tahun} ditetapkan pada tahun {self.tahun} atau akhir tahun "
                f"{self.tahun - 1}: perbaiki 'tahun' pada keputusan, atau 'tahun' rencana aksi di baris pertama",
            )
        return self

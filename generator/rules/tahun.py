"""Everything known about one year besides the plan: progress, recaps, freshness."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field

from generator.rules.capaian import CapaianFacts
from generator.rules.kesegaran import Kesegaran, kesegaran
from generator.rules.rekap import BenturanFacts, GratifikasiFacts, PengaduanFacts, WbsFacts
from generator.rules.survei import SurveiFacts

Rekap = GratifikasiFacts | PengaduanFacts | WbsFacts | BenturanFacts | SurveiFacts


@dataclass(frozen=True)
class TahunFacts:
    tahun: int
    capaian: CapaianFacts | None = None
    rekap: tuple[Rekap, ...] = ()  # in the registry's order (generator.jenis)
    kesegaran: dict[str, Kesegaran] = field(default_factory=dict)  # by recap kind

    @property
    def acuan(self) -> dt.date | None:
        """The data's 'as of' date for this year: the latest per_tanggal of its files."""
        dates = [r.info.per_tanggal for r in self.rekap]
        if self.capaian:
            dates.append(self.capaian.per_tanggal)
        return max(dates) if dates else None

    def rekap_jenis(self, jenis: str) -> Rekap | None:
        return next((r for r in self.rekap if r.info.jenis == jenis), None)


def susun_tahun(tahun: int, capaian: CapaianFacts | None, rekap: list[Rekap], batas_hari: int = 10) -> TahunFacts:
    """``batas_hari``: the office's publication day for monthly recaps (satker ``jadwal_terbit``)."""
    rekap = [dataclasses.replace(r, info=dataclasses.replace(r.info, batas_hari=batas_hari)) for r in rekap]
    draft = TahunFacts(tahun, capaian, tuple(rekap))
    acuan = draft.acuan
    fresh = {r.info.jenis: kesegaran(r.info, acuan) for r in rekap} if acuan else {}
    return TahunFacts(tahun, capaian, tuple(rekap), fresh)

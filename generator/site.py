"""A loaded, validated data folder: the unit, its plans' derived facts, and each year's progress and recaps."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import Problem
from generator.model import Satker
from generator.rules import PlanFacts, TahunFacts


@dataclass(frozen=True)
class Site:
    root: Path
    satker: Satker
    plans: tuple[PlanFacts, ...]  # oldest first
    tahunan: dict[int, TahunFacts] = field(default_factory=dict)  # progress and recaps per year
    peringatan: tuple[Problem, ...] = ()  # warnings: shown by `zi check`/`zi build`, never stop a build

    @property
    def latest(self) -> PlanFacts:
        return self.plans[-1]

    @property
    def tanggal_data(self) -> dt.date | None:
        """The newest date written in the data: a Keputusan's ``tanggal`` or a file's ``per_tanggal``.

        The build stamps this date (not the clock) wherever a date is required, so the
        same data always gives the same bytes (see ``generator.plugin``).
        """
        dates = [p.rencana.keputusan.tanggal for p in self.plans]
        dates += [t.acuan for t in self.tahunan.values() if t.acuan is not None]
        return max(dates, default=None)

    def tahun(self, tahun: int) -> TahunFacts:
        """Progress and recaps of ``tahun`` (empty when the year has none)."""
        return self.tahunan.get(tahun) or TahunFacts(tahun)

"""A loaded, validated data folder: the unit and its plans' derived facts."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.model import Satker
from generator.rules import PlanFacts


@dataclass(frozen=True)
class Site:
    root: Path
    satker: Satker
    plans: tuple[PlanFacts, ...]  # oldest first

    @property
    def latest(self) -> PlanFacts:
        return self.plans[-1]

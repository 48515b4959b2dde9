"""A loaded, validated data folder: the unit, its plans' derived facts, and each year's progress and recaps."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from generator.errors import Problem
from generator.model import Satker
from generator.rules import PlanFacts, TahunFacts


@dataclass(frozen=True, slots=True)
class Unggahan:
    """An uploaded file in content/, as load found it (``generator.load.unggahan``)."""

    lokasi: str  # site path, e.g. "unggahan/sk-tim-2024.pdf"
    ukuran: int  # bytes
    jenis: str  # from the file name: "PDF", "JPG", ...
    rusak: bool = False  # a PDF that cannot be opened
    teks: bool | None = None  # a PDF with a text layer (None: not a PDF, or unreadable)
    judul: str | None = None  # a PDF's title (/Title or XMP dc:title)
    bahasa: str | None = None  # a PDF's /Lang

    @property
    def masalah(self) -> tuple[str, ...]:
        """What a reader would miss: "rusak", "teks", "judul", "bahasa" (empty when all is well)."""
        if self.rusak:
            return ("rusak",)
        if self.teks is None:
            return ()
        return tuple(k for k, ok in (("teks", self.teks), ("judul", self.judul), ("bahasa", self.bahasa)) if not ok)


def lokasi_unggahan(value: str) -> str:
    """The key of ``Site.unggahan`` for a location written in the data ('./unggahan/x.pdf' -> 'unggahan/x.pdf')."""
    return PurePosixPath(value).as_posix()


@dataclass(frozen=True)
class Site:
    root: Path
    satker: Satker
    plans: tuple[PlanFacts, ...]  # oldest first
    tahunan: dict[int, TahunFacts] = field(default_factory=dict)  # progress and recaps per year
    peringatan: tuple[Problem, ...] = ()  # warnings: shown by `zi check`/`zi build`, never stop a build
    unggahan: Mapping[str, Unggahan] = field(default_factory=dict)  # uploaded files by site path (load/unggahan)

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

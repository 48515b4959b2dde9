"""Freshness: is each recap up to date as of the data's own date?

The reference date (``acuan``) of a year is the latest ``per_tanggal`` among its
files, so a file that stopped being updated is compared with the rest of the
data, not with its own stale date; and a build never looks at the clock.

A period is due when its publication deadline (``generator.domain.periode``:
monthly recaps by a day of the next month, the office's setting ``batas_hari``,
default the 10th; surveys by the end of the quarter)
is before ``acuan``. Each kind's rule is declared by its module in ``generator.jenis``
(``Ciri.aturan``) and travels in ``RekapInfo.aturan``. A recap is "terlambat diperbarui" when a due period is
missing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.domain.periode import Periode, batas_terbit, periode_tahun
from generator.rules.rekap import RekapInfo


@dataclass(frozen=True)
class Kesegaran:
    terakhir: Periode | None  # latest period reported
    per_tanggal: dt.date  # the recap file's own date
    acuan: dt.date
    belum_dilaporkan: tuple[tuple[Periode, dt.date], ...]  # due and missing, with the deadline

    @property
    def terlambat(self) -> bool:
        return bool(self.belum_dilaporkan)


def kesegaran(info: RekapInfo, acuan: dt.date) -> Kesegaran:
    reported = set(info.periode)
    missing = tuple(
        (p, batas(info, p))
        for p in periode_tahun(info.tahun, info.jenis_periode)
        if p not in reported and batas(info, p) < acuan
    )
    return Kesegaran(info.periode[-1] if info.periode else None, info.per_tanggal, acuan, missing)


def batas(info: RekapInfo, p: Periode) -> dt.date:
    return batas_terbit(p, info.aturan, info.batas_hari)

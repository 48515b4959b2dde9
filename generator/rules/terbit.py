"""Publishable tables: each breakdown count with what a page may show of it.

One value per published table, built once from the facts with
``generator.rules.sekunder``; the page table, the chart bars and labels and the
summary sentences all read it, so they can never disagree and no page code
decides on its own whether a count may be shown.

Published sums taken into account (each is on the page or follows from numbers
on it):

- pengaduan, per channel: each month's channels add up to the month's
  ``diterima`` (main table); each channel's months add up to its yearly total
  (footer row and the channel chart); the yearly channel totals add up to the
  ``diterima`` of the months broken down;
- pengaduan, per category (yearly): the categories add up to the ``diterima``
  of the months broken down;
- survey answers, per unsur: the four counts add up to the respondents, and
  1·n1 + 2·n2 + 3·n3 + 4·n4 is the respondents × NRR, published to two decimals
  (and × 25 to two more), so it counts as published exactly.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass

from generator.model.rekap import NAMA_KANAL
from generator.rules.sekunder import Jumlah, Penekanan, tekan

# Secondary suppression on (the only setting a page builder reads). Tests switch it off to show
# that the checker catches a page built without it; no data file can.
SEKUNDER = True


@dataclass(frozen=True)
class SelTerbit:
    """A count as a page may publish it."""

    nilai: int | None  # None when hidden
    tanda: str | None  # None (shown), "primer" ("< ambang") or "sekunder" (hidden so a total cannot reveal a small one)
    ambang: int

    @property
    def disembunyikan(self) -> bool:
        return self.tanda is not None


@dataclass(frozen=True)
class TabelTerbit:
    nilai: Mapping[Hashable, int]
    penekanan: Penekanan
    ambang: int

    def __getitem__(self, kunci: Hashable) -> SelTerbit:
        tanda = self.penekanan.tanda(kunci)
        return SelTerbit(None if tanda else self.nilai[kunci], tanda, self.ambang)

    @property
    def ada_sekunder(self) -> bool:
        return bool(self.penekanan.sekunder)


def _tabel(nilai: dict, jumlah: list[Jumlah], ambang: int, sekunder: bool) -> TabelTerbit:
    return TabelTerbit(nilai, tekan(nilai, jumlah, ambang, sekunder), ambang)


def tabel_kanal(bulan: Sequence, ambang: int, sekunder: bool = True) -> TabelTerbit:
    """Pengaduan per month and channel. Keys: ("bulan", periode kunci, channel) and ("tahun", channel)."""
    months = [m for m in bulan if m.kanal is not None]
    nilai: dict = {}
    jumlah: list[Jumlah] = []
    for m in months:
        cells = [("bulan", m.periode.kunci, k) for k in NAMA_KANAL]
        nilai.update({c: m.kanal[c[2]] for c in cells})
        jumlah.append(Jumlah(tuple((c, 1) for c in cells), m.hitung.diterima))
    for k in NAMA_KANAL:
        nilai[("tahun", k)] = sum(m.kanal[k] for m in months)
        jumlah.append(Jumlah((*((("bulan", m.periode.kunci, k), 1) for m in months), (("tahun", k), -1)), 0))
    jumlah.append(Jumlah(tuple((("tahun", k), 1) for k in NAMA_KANAL), sum(m.hitung.diterima for m in months)))
    return _tabel(nilai, jumlah, ambang, sekunder)


def tabel_kategori(bulan: Sequence, kategori: Mapping[str, int], ambang: int, sekunder: bool = True) -> TabelTerbit:
    """Pengaduan per category over the year. Keys: category names."""
    nilai = dict(kategori)
    total = sum(m.hitung.diterima for m in bulan if m.kategori)
    return _tabel(nilai, [Jumlah(tuple((k, 1) for k in nilai), total)], ambang, sekunder)


def tabel_jawaban(jawaban: Sequence[int], ambang: int, sekunder: bool = True) -> TabelTerbit:
    """One unsur's answer counts (answers 1..4). Keys: the answer 1..4."""
    nilai = {i + 1: n for i, n in enumerate(jawaban)}
    jumlah = [
        Jumlah(tuple((k, 1) for k in nilai), sum(nilai.values())),
        Jumlah(tuple((k, k) for k in nilai), sum(k * n for k, n in nilai.items())),
    ]
    return _tabel(nilai, jumlah, ambang, sekunder)

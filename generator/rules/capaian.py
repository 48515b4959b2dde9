"""Progress of a year's plan as of the realisasi file's ``per_tanggal``.

Definitions (the project's; shown on the pages in words):

- Every legible row of the lampiran counts once (a row lost from the source copy
  counts only if staff reported on it). A row without a realisasi entry is
  "belum dilaporkan".
- Progress (persen selesai) of a kegiatan, an area or the whole plan = rows
  "selesai" ÷ rows counted. A row "tidak dilaksanakan" stays in the count: the
  promise was not kept, and its reason is shown. "berjalan" earns no partial
  credit; it is reported next to the percentage instead.
- A month is "lewat" when it ended before ``per_tanggal``. Due months follow
  the reading in ``generator.domain.jadwal``: a list of months is a set of due
  months, a range is a window due by its last month (unless the row declares
  ``berulang``). A reported row is "terlambat" when it is not "selesai" or
  "tidak dilaksanakan" and: for a window, its last month is lewat; for due
  months, one lewat due month is not among the months it was carried out.
- Only an unambiguous schedule can make a row late: rows whose schedule could
  not be read as months ("Sesuai Kebutuhan", lost month ticks) are never
  terlambat. A row without a realisasi entry is "belum dilaporkan", its own
  category, never counted as terlambat: nothing reported is not evidence of
  nothing done.

Because everything is computed as of a date written in the data, the same data
gives the same pages on every build.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
from dataclasses import dataclass
from fractions import Fraction

from generator.domain.bulat import rasio
from generator.domain.jadwal import BULAN
from generator.domain.periode import akhir_bulan
from generator.model import Bukti, Realisasi
from generator.rules.plan_facts import AksiFacts, AreaFacts, Loc, PlanFacts, RuleError


@dataclass(frozen=True)
class BarisCapaian:
    id: str
    status: str | None  # None: no realisasi entry ("belum dilaporkan")
    bulan_rencana: tuple[int, ...]
    bulan_terlaksana: tuple[int, ...]
    bulan_terlewat: tuple[int, ...]  # scheduled, ended before per_tanggal, not carried out, row still open
    bulan_lewat: tuple[int, ...]  # every month of the year that ended before per_tanggal
    terlambat: bool
    bukti: tuple[Bukti, ...] = ()
    diperbarui: dt.date | None = None
    catatan: str | None = None
    alasan: str | None = None
    bacaan: str = "kosong"  # the schedule reading (AksiFacts.bacaan)
    rekap: str | None = None  # the recap kind this row publishes (BarisRealisasi.rekap)
    butir: int | None = None  # position of its entry in realisasi.yaml ``baris``


@dataclass(frozen=True)
class Ringkasan:
    jumlah: int
    selesai: int = 0
    berjalan: int = 0
    belum_mulai: int = 0
    tidak_dilaksanakan: int = 0
    belum_dilaporkan: int = 0
    terlambat: int = 0

    @property
    def persen_selesai(self) -> Fraction | None:
        return rasio(self.selesai, self.jumlah)


@dataclass(frozen=True)
class CapaianFacts:
    tahun: int
    per_tanggal: dt.date
    contoh: bool
    baris: dict[str, BarisCapaian]
    per_kegiatan: dict[str, Ringkasan]
    per_area: dict[str, Ringkasan]
    total: Ringkasan


def bulan_lewat(tahun: int, per_tanggal: dt.date) -> tuple[int, ...]:
    """Months of ``tahun`` that ended before ``per_tanggal``."""
    return tuple(m for m in range(1, 13) if akhir_bulan(tahun, m) < per_tanggal)


def derive_capaian(plan: PlanFacts, realisasi: Realisasi) -> CapaianFacts:
    problems: list[tuple[Loc, str, str | None]] = []
    tahun = plan.tahun
    if realisasi.per_tanggal.year not in (tahun, tahun + 1):
        problems.append(
            (
                ("per_tanggal",),
                f"per_tanggal {realisasi.per_tanggal.isoformat()} bukan di tahun {tahun} atau awal tahun {tahun + 1}",
                f"tulis tanggal keadaan data, mis. {tahun}-12-20",
            )
        )
    lewat = bulan_lewat(tahun, realisasi.per_tanggal)
    seen: dict[str, int] = {}
    rows: dict[str, BarisCapaian] = {}
    for i, entry in enumerate(realisasi.baris):
        loc: Loc = ("baris", i)
        row = plan.rows_by_id.get(entry.id)
        if row is None:
            problems.append(
                (
                    (*loc, "id"),
                    f"id baris '{entry.id}' tidak ada dalam rencana aksi {tahun}",
                    _closest(entry.id, list(plan.rows_by_id)),
                )
            )
            continue
        if entry.id in seen:
            problems.append(
                (
                    (*loc, "id"),
                    f"baris '{entry.id}' sudah dicatat pada butir ke-{seen[entry.id] + 1}",
                    "gabungkan kedua catatan menjadi satu",
                )
            )
            continue
        seen[entry.id] = i
        problems.extend(_check_entry(entry, loc, tahun, realisasi.per_tanggal))
        rows[entry.id] = dataclasses.replace(
            _baris(row, entry.status, tuple(entry.bulan), lewat, entry), rekap=entry.rekap, butir=i
        )
    if problems:
        raise RuleError(problems)
    for row in plan.rows_by_id.values():
        if row.id not in rows:
            rows[row.id] = _baris(row, None, (), lewat, None)
    counted = {r.id for r in plan.rows_by_id.values() if _legible(r) or r.id in seen}
    per_kegiatan = {
        k.id: _ringkas([rows[a.id] for a in k.aksi if a.id in counted]) for area in plan.areas for k in area.kegiatan
    }
    per_area = {area.slug: _ringkas([rows[a.id] for a in area.aksi if a.id in counted]) for area in plan.areas}
    total = _ringkas([rows[i] for i in plan.rows_by_id if i in counted])
    return CapaianFacts(tahun, realisasi.per_tanggal, realisasi.contoh, rows, per_kegiatan, per_area, total)


def perlu_perhatian(
    plan: PlanFacts, c: CapaianFacts
) -> tuple[tuple[AreaFacts, tuple[AksiFacts, ...], tuple[AksiFacts, ...]], ...]:
    """Per area (decree order): its counted rows that are terlambat, and those belum dilaporkan.

    The rows behind ``per_area``/``total`` ``terlambat`` and ``belum_dilaporkan``: a row is counted when
    it is legible or reported (as in ``derive_capaian``); areas with neither kind of row are left out.
    """
    out = []
    for area in plan.areas:
        counted = [a for a in area.aksi if _legible(a) or c.baris[a.id].status is not None]
        late = tuple(a for a in counted if c.baris[a.id].terlambat)
        unreported = tuple(a for a in counted if c.baris[a.id].status is None)
        if late or unreported:
            out.append((area, late, unreported))
    return tuple(out)


def _legible(a: AksiFacts) -> bool:
    return bool(a.uraian or a.bukti or a.target)


def _closest(wrong: str, known: list[str]) -> str:
    close = difflib.get_close_matches(wrong, known, n=3, cutoff=0.6)
    if close:
        return "id yang paling mirip: " + ", ".join(f"'{c}'" for c in close)
    return "salin id dari halaman area (tautan # di ujung setiap baris)"


def _check_entry(entry, loc: Loc, tahun: int, per_tanggal: dt.date) -> list[tuple[Loc, str, str | None]]:
    out: list[tuple[Loc, str, str | None]] = []
    future = [m for m in entry.bulan if dt.date(tahun, m, 1) > per_tanggal]
    if future:
        out.append(
            (
                (*loc, "bulan"),
                f"bulan {BULAN[future[0] - 1]} {tahun} belum tiba per tanggal {per_tanggal.isoformat()}",
                "tulis hanya bulan yang sudah dikerjakan",
            )
        )
    if entry.status == "belum mulai" and entry.bulan:
        out.append(
            (
                (*loc, "status"),
                "status 'belum mulai' tetapi 'bulan' berisi bulan yang sudah dikerjakan",
                "ubah status menjadi 'berjalan' atau 'selesai', atau kosongkan 'bulan'",
            )
        )
    if entry.diperbarui > per_tanggal:
        out.append(
            (
                (*loc, "diperbarui"),
                f"tanggal pembaruan {entry.diperbarui.isoformat()} sesudah per_tanggal {per_tanggal.isoformat()}",
                "perbarui 'per_tanggal' di awal berkas, atau perbaiki tanggal ini",
            )
        )
    return out


def _baris(row: AksiFacts, status: str | None, done: tuple[int, ...], lewat: tuple[int, ...], entry) -> BarisCapaian:
    closed = status in ("selesai", "tidak dilaksanakan")
    if entry is None or closed:
        missed: tuple[int, ...] = ()
    elif row.bacaan == "rentang":  # a window: due by its last month, whatever months were worked
        missed = tuple(m for m in row.jatuh_tempo if m in lewat)
    else:
        missed = tuple(m for m in row.jatuh_tempo if m in lewat and m not in done)
    late = bool(missed)
    if entry is None:
        return BarisCapaian(row.id, None, row.bulan, (), missed, lewat, late, bacaan=row.bacaan)
    return BarisCapaian(
        row.id,
        status,
        row.bulan,
        done,
        missed,
        lewat,
        late,
        tuple(entry.bukti),
        entry.diperbarui,
        entry.catatan,
        entry.alasan,
        bacaan=row.bacaan,
    )


def _ringkas(rows: list[BarisCapaian]) -> Ringkasan:
    def n(status: str | None) -> int:
        return sum(1 for r in rows if r.status == status)

    return Ringkasan(
        len(rows),
        n("selesai"),
        n("berjalan"),
        n("belum mulai"),
        n("tidak dilaksanakan"),
        n(None),
        sum(1 for r in rows if r.terlambat),
    )

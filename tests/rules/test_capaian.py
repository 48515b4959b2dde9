"""Progress and 'terlambat' as of the data's own date, computed, never typed in."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest
import yaml

from generator.load import load_site
from generator.model import Realisasi, RencanaAksi
from generator.rules import RuleError, derive_capaian, derive_plan
from generator.rules.capaian import bulan_lewat
from tests.conftest import DATA
from tests.rules.minimal import minimal_plan

# A small plan: one area, one kegiatan, five rows with different schedules.
JADWAL = {"a": [1], "b": [3, 6, 9, 12], "c": "Januari – Desember 2026", "d": "Sesuai Kebutuhan", "e": [11]}


def plan():
    rows = [{"nomor": f"{k})", "uraian": f"baris {k}", "jadwal": v} for k, v in JADWAL.items()]
    data = minimal_plan([{"nomor": "1)", "aksi": rows}])
    return derive_plan(RencanaAksi.model_validate(data))


def realisasi(per_tanggal: str, *rows: dict) -> Realisasi:
    return Realisasi.model_validate(
        {
            "tahun": 2026,
            "per_tanggal": per_tanggal,
            "contoh": False,
            "baris": [{"diperbarui": "2026-01-05", **r} for r in rows],
        }
    )


def test_month_passes_only_after_its_last_day():
    assert bulan_lewat(2026, dt.date(2026, 3, 31)) == (1, 2)
    assert bulan_lewat(2026, dt.date(2026, 4, 1)) == (1, 2, 3)
    assert bulan_lewat(2026, dt.date(2027, 1, 1)) == tuple(range(1, 13))


def test_progress_counts_and_percentage():
    c = derive_capaian(
        plan(),
        realisasi(
            "2026-07-15",
            {"id": "r-1-a-1-a", "status": "selesai", "bulan": [1]},
            {"id": "r-1-a-1-b", "status": "berjalan", "bulan": [3, 6]},
            {"id": "r-1-a-1-c", "status": "tidak dilaksanakan", "alasan": "anggaran dialihkan"},
            {"id": "r-1-a-1-d", "status": "belum mulai"},
        ),
    )
    t = c.total
    # 5 rows: 1 selesai, 1 berjalan, 1 tidak dilaksanakan (still counted), 1 belum mulai, 1 not reported.
    assert (t.jumlah, t.selesai, t.berjalan, t.tidak_dilaksanakan, t.belum_mulai, t.belum_dilaporkan) == (
        5,
        1,
        1,
        1,
        1,
        1,
    )
    assert t.persen_selesai == Fraction(1, 5)
    assert c.per_area["manajemen-perubahan"] == t
    assert list(c.per_kegiatan.values()) == [t]


def test_terlambat():
    c = derive_capaian(
        plan(),
        realisasi(
            "2026-07-15",
            {"id": "r-1-a-1-a", "status": "berjalan", "bulan": [1]},  # January done: not late
            {"id": "r-1-a-1-b", "status": "berjalan", "bulan": [3]},  # June passed, not done: late
            {"id": "r-1-a-1-c", "status": "selesai", "bulan": [1, 2]},  # selesai is never late
            {"id": "r-1-a-1-d", "status": "belum mulai"},  # "Sesuai Kebutuhan": no month to be late against
            # r-1-a-1-e (November) not reported, but November has not passed: not late.
        ),
    )
    late = {i: b.terlambat for i, b in c.baris.items()}
    assert late == {"r-1-a-1-a": False, "r-1-a-1-b": True, "r-1-a-1-c": False, "r-1-a-1-d": False, "r-1-a-1-e": False}
    assert c.baris["r-1-a-1-b"].bulan_terlewat == (6,)
    assert c.total.terlambat == 1
    # As of 1 December the March/June/September row misses September; the unreported November row is
    # "belum dilaporkan", its own category, never late.
    c = derive_capaian(plan(), realisasi("2026-12-01", {"id": "r-1-a-1-b", "status": "berjalan", "bulan": [3, 6]}))
    assert not c.baris["r-1-a-1-e"].terlambat and c.baris["r-1-a-1-e"].status is None
    assert c.total.belum_dilaporkan == 4 and c.total.terlambat == 1
    assert c.baris["r-1-a-1-b"].bulan_terlewat == (9,)


def test_a_range_is_a_window_due_by_its_last_month():
    # "Januari – Desember 2026" worked only in January: not late while December has not ended.
    c = derive_capaian(plan(), realisasi("2026-12-20", {"id": "r-1-a-1-c", "status": "berjalan", "bulan": [1]}))
    assert not c.baris["r-1-a-1-c"].terlambat and c.baris["r-1-a-1-c"].bacaan == "rentang"
    # After December the window has closed on an open row: late, for December only.
    c = derive_capaian(
        plan(),
        realisasi(
            "2027-01-05", {"id": "r-1-a-1-c", "status": "berjalan", "bulan": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]}
        ),
    )
    assert c.baris["r-1-a-1-c"].terlambat and c.baris["r-1-a-1-c"].bulan_terlewat == (12,)


def test_a_declared_recurrence_makes_every_period_due():
    rows = [
        {"nomor": "a)", "uraian": "monev", "jadwal": "Januari – Desember 2026", "berulang": "bulanan"},
        {"nomor": "b)", "uraian": "rapat", "jadwal": "Januari – Desember 2026", "berulang": "triwulanan"},
    ]
    p = derive_plan(RencanaAksi.model_validate(minimal_plan([{"nomor": "1)", "aksi": rows}])))
    c = derive_capaian(
        p,
        realisasi(
            "2026-07-15",
            {"id": "r-1-a-1-a", "status": "berjalan", "bulan": [1, 2, 3, 4, 5]},
            {"id": "r-1-a-1-b", "status": "berjalan", "bulan": [3, 6]},
        ),
    )
    assert c.baris["r-1-a-1-a"].terlambat and c.baris["r-1-a-1-a"].bulan_terlewat == (6,)
    assert not c.baris["r-1-a-1-b"].terlambat and c.baris["r-1-a-1-b"].bacaan == "berulang"


def test_unknown_recurrence_is_refused():
    rows = [{"nomor": "a)", "uraian": "x", "jadwal": "Januari – Juni 2026", "berulang": "mingguan"}]
    with pytest.raises(ValueError, match="berulang"):
        RencanaAksi.model_validate(minimal_plan([{"nomor": "1)", "aksi": rows}]))


def test_tidak_dilaksanakan_is_not_late_but_counts_against_progress():
    c = derive_capaian(
        plan(), realisasi("2026-12-31", {"id": "r-1-a-1-a", "status": "tidak dilaksanakan", "alasan": "x"})
    )
    assert not c.baris["r-1-a-1-a"].terlambat
    assert c.total.persen_selesai == 0


def problems(*rows, per_tanggal="2026-07-15"):
    with pytest.raises(RuleError) as exc:
        derive_capaian(plan(), realisasi(per_tanggal, *rows))
    return exc.value.problems


def test_unknown_id_names_the_closest_ids():
    [(loc, message, fix)] = problems({"id": "r-1-a-1-x", "status": "selesai"})
    assert loc == ("baris", 0, "id")
    assert message == "id baris 'r-1-a-1-x' tidak ada dalam rencana aksi 2026"
    assert fix.startswith("id yang paling mirip: 'r-1-a-1-")
    assert fix.count("'r-1-a-1-") == 3


def test_row_recorded_twice():
    [(loc, message, _)] = problems({"id": "r-1-a-1-a", "status": "selesai"}, {"id": "r-1-a-1-a", "status": "berjalan"})
    assert loc == ("baris", 1, "id") and message == "baris 'r-1-a-1-a' sudah dicatat pada butir ke-1"


def test_months_in_the_future_and_contradictions():
    found = problems(
        {"id": "r-1-a-1-a", "status": "berjalan", "bulan": [8]},
        {"id": "r-1-a-1-b", "status": "belum mulai", "bulan": [3]},
    )
    assert [(loc, m) for loc, m, _ in found] == [
        (("baris", 0, "bulan"), "bulan Agustus 2026 belum tiba per tanggal 2026-07-15"),
        (("baris", 1, "status"), "status 'belum mulai' tetapi 'bulan' berisi bulan yang sudah dikerjakan"),
    ]


def test_example_data_against_the_yaml_read_independently():
    """The example figures, recounted from the YAML with plain PyYAML."""
    raw = yaml.safe_load((DATA["gunungkidul"] / "2024" / "realisasi.yaml").read_text(encoding="utf-8"))
    statuses = [r["status"] for r in raw["baris"]]
    c = load_site(DATA["gunungkidul"]).tahun(2024).capaian
    assert c.per_tanggal == raw["per_tanggal"] == dt.date(2024, 12, 20)
    assert c.total.jumlah == 57
    assert c.total.selesai == statuses.count("selesai") == 16
    assert c.total.tidak_dilaksanakan == statuses.count("tidak dilaksanakan") == 1
    assert c.total.belum_dilaporkan == 57 - len(statuses) == 1
    assert c.total.persen_selesai == Fraction(16, 57)
    # Hand count from plans/2024/realisasi.yaml, window reading, as of 20 December 2024 (January-November
    # have ended). The 38 range rows ("Januari – Desember 2024" and its spellings) are due by December:
    # none is late yet (the old every-month reading made 3 of them late, and r-vii-6-1-1 only because it
    # has no entry). Of the open rows with a list of months:
    #   r-ii-1-1-1  April, Agustus, Desember; done [4]      -> August missed: late
    #   r-v-3-4-1-1 Januari, Juni;            done [1]      -> June missed: late
    #   r-i-3-1-1 (Mar/Jun/Sep/Des, done [3, 6, 9]), r-ii-2-1-1, r-iv-1-1-1, r-iv-2-1-1, r-v-2-1-1-1
    #   (Juni, Desember; done [6]) and r-v-1-3-1-1 (Desember): not late; r-v-1-4-1-1 and r-vii-9-1-1
    #   (Mar/Jun/Sep/Des) are selesai.
    assert c.total.terlambat == 2
    assert {i for i, b in c.baris.items() if b.terlambat} == {"r-ii-1-1-1", "r-v-3-4-1-1"}
    assert c.baris["r-vii-6-1-1"].status is None and not c.baris["r-vii-6-1-1"].terlambat


def test_a_row_lost_from_the_source_counts_only_when_reported():
    """A row with no uraian, bukti or target (lost from the source copy) is not a promise anyone can read."""
    rows = [
        {"nomor": "a)", "uraian": "baris a", "jadwal": [1]},
        {"nomor": "b)", "celah": "sel uraian tidak terbaca", "jadwal": [1]},
        {"nomor": "c)", "celah": "sel uraian tidak terbaca", "jadwal": [1]},
        {"nomor": "d)", "target": "1 laporan", "jadwal": [1]},
    ]
    lost = derive_plan(RencanaAksi.model_validate(minimal_plan([{"nomor": "1)", "aksi": rows}])))
    c = derive_capaian(lost, realisasi("2026-07-15", {"id": "r-1-a-1-c", "status": "selesai", "bulan": [1]}))
    # a and d are legible; b is lost and unreported (left out); c is lost but reported (counted, done).
    t = c.total
    assert (t.jumlah, t.selesai, t.belum_dilaporkan) == (3, 1, 2)
    assert t.persen_selesai == Fraction(1, 3)
    assert c.per_area["manajemen-perubahan"] == t and list(c.per_kegiatan.values()) == [t]
    assert set(c.baris) == {"r-1-a-1-a", "r-1-a-1-b", "r-1-a-1-c", "r-1-a-1-d"}  # every row still has its entry
    # With nothing reported, only the two legible rows count.
    assert derive_capaian(lost, realisasi("2026-07-15")).total.jumlah == 2

"""Freshness: each recap against its deadline, as of the latest date in the year's data."""

from __future__ import annotations

import datetime as dt

from generator.jenis.gratifikasi import JENIS as GRATIFIKASI
from generator.jenis.survei import JENIS as SURVEI
from generator.model import RekapGratifikasi, RekapSurvei
from generator.rules import susun_tahun
from generator.rules.kesegaran import kesegaran

derive_gratifikasi, derive_survei = GRATIFIKASI.turunkan, SURVEI.turunkan


def gratifikasi(per_tanggal: str, months: list[str]):
    return derive_gratifikasi(
        RekapGratifikasi.model_validate(
            {
                "tahun": 2024,
                "per_tanggal": per_tanggal,
                "contoh": False,
                "rekap": [{"periode": m, "nihil": True} for m in months],
            }
        )
    )


def test_monthly_recap_is_due_by_the_tenth():
    g = gratifikasi("2024-03-01", ["Januari 2024", "Februari 2024"])
    assert not kesegaran(g.info, dt.date(2024, 4, 10)).terlambat  # February was due 10 March: present
    g = gratifikasi("2024-02-01", ["Januari 2024"])
    assert not kesegaran(g.info, dt.date(2024, 3, 10)).terlambat  # on the day itself: not yet late
    k = kesegaran(g.info, dt.date(2024, 3, 11))
    assert k.terlambat
    assert [(p.label, d) for p, d in k.belum_dilaporkan] == [("Februari 2024", dt.date(2024, 3, 10))]


def test_publication_day_is_the_offices_setting():
    g = gratifikasi("2024-02-01", ["Januari 2024"])
    # satker.yaml jadwal_terbit.batas_hari_rekap: 20 -> February is due 20 March, not 10 March.
    year = susun_tahun(2024, None, [g], batas_hari=20)
    assert not kesegaran(year.rekap[0].info, dt.date(2024, 3, 15)).terlambat
    k = kesegaran(year.rekap[0].info, dt.date(2024, 3, 21))
    assert [(p.label, d) for p, d in k.belum_dilaporkan] == [("Februari 2024", dt.date(2024, 3, 20))]


def test_gap_in_the_middle_is_reported():
    g = gratifikasi("2024-05-01", ["Januari 2024", "Maret 2024", "April 2024"])
    k = kesegaran(g.info, dt.date(2024, 5, 11))
    assert [p.label for p, _ in k.belum_dilaporkan] == ["Februari 2024"]
    assert k.terakhir.label == "April 2024"


def test_survey_due_at_end_of_quarter():
    s = derive_survei(
        RekapSurvei.model_validate(
            {
                "tahun": 2024,
                "per_tanggal": "2024-04-01",
                "contoh": False,
                "rekap": [
                    {
                        "periode": "Triwulan I 2024",
                        "persepsi_anti_korupsi": {"skala": {"terendah": 1, "tertinggi": 4}, "nilai": 3.5},
                    }
                ],
            }
        )
    )
    assert not kesegaran(s.info, dt.date(2024, 6, 30)).terlambat
    assert [p.label for p, _ in kesegaran(s.info, dt.date(2024, 7, 1)).belum_dilaporkan] == ["Triwulan II 2024"]


def test_a_stale_file_is_judged_by_the_rest_of_the_data():
    """A file's own per_tanggal cannot make it look fresh: the year's latest date is the reference."""
    stale = gratifikasi("2024-04-15", ["Januari 2024", "Februari 2024", "Maret 2024"])
    assert not kesegaran(stale.info, stale.info.per_tanggal).terlambat
    survey = derive_survei(
        RekapSurvei.model_validate(
            {
                "tahun": 2024,
                "per_tanggal": "2024-07-20",
                "contoh": False,
                "rekap": [
                    {
                        "periode": f"Triwulan {q} 2024",
                        "persepsi_anti_korupsi": {"skala": {"terendah": 1, "tertinggi": 4}, "nilai": 3.5},
                    }
                    for q in ("I", "II")
                ],
            }
        )
    )
    year = susun_tahun(2024, None, [stale, survey])
    assert year.acuan == dt.date(2024, 7, 20)
    # April (due 10 May) and May (due 10 June) are missing as of 20 July; June is due 10 July.
    assert [p.label for p, _ in year.kesegaran["gratifikasi"].belum_dilaporkan] == [
        "April 2024",
        "Mei 2024",
        "Juni 2024",
    ]
    assert not year.kesegaran["survei"].terlambat

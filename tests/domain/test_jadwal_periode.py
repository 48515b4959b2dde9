"""Quarter and half-year schedules of other offices' decrees: text kept, months and windows derived."""

from __future__ import annotations

import pytest

from generator.domain.jadwal import JadwalError, parse_jadwal

ALL = tuple(range(1, 13))


@pytest.mark.parametrize(
    "text,months,windows",
    [
        ("TW II", (4, 5, 6), ((4, 6),)),
        ("TW I, TW III", (1, 2, 3, 7, 8, 9), ((1, 3), (7, 9))),
        ("Triwulan IV 2025", (10, 11, 12), ((10, 12),)),
        ("Triwulan 1 dan 3", (1, 2, 3, 7, 8, 9), ((1, 3), (7, 9))),
        ("TW I – TW IV", ALL, ((1, 3), (4, 6), (7, 9), (10, 12))),
        ("Triwulan II s.d. III", (4, 5, 6, 7, 8, 9), ((4, 6), (7, 9))),
        ("Semester I", (1, 2, 3, 4, 5, 6), ((1, 6),)),
        ("SEMESTER II 2025", (7, 8, 9, 10, 11, 12), ((7, 12),)),
        ("Semester I, Semester II", ALL, ((1, 6), (7, 12))),
    ],
)
def test_quarters_and_semesters(text, months, windows):
    jadwal = parse_jadwal(text)
    assert (jadwal.teks, jadwal.bulan, jadwal.jendela) == (text, months, windows)


def test_month_schedules_have_no_windows():
    assert parse_jadwal("Maret, Juni, September dan Desember 2024").jendela == ()
    assert parse_jadwal([3, 6]).jendela == ()


@pytest.mark.parametrize(
    "text,fix",
    [
        ("Semester III", "tulis 'Semester I' atau 'Semester II'"),
        ("TW V", "tulis 'TW I' sampai 'TW IV' (atau 'Triwulan I' sampai 'Triwulan IV')"),
        ("TW III - I", "tulis triwulan awal lebih dulu, mis. 'Triwulan I – III'"),
    ],
)
def test_impossible_quarter_is_an_error(text, fix):
    with pytest.raises(JadwalError) as exc:
        parse_jadwal(text)
    assert exc.value.fix == fix


@pytest.mark.parametrize("text", ["Triwulan I minggu kedua", "TW I dan Semester II", "TW"])
def test_mixed_period_text_stays_text(text):
    assert parse_jadwal(text).bulan == ()

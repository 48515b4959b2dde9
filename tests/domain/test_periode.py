"""Reporting periods as staff write them, and their publication deadlines."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.domain.periode import PeriodeError, batas_terbit, parse_periode, periode_tahun


@pytest.mark.parametrize(
    "text,kind,n,label",
    [
        ("Maret 2024", "bulan", 3, "Maret 2024"),
        ("maret  2024", "bulan", 3, "Maret 2024"),
        ("2024-03", "bulan", 3, "Maret 2024"),
        ("Nopember 2024", "bulan", 11, "November 2024"),
        ("Triwulan I 2024", "triwulan", 1, "Triwulan I 2024"),
        ("Triwulan 4 2024", "triwulan", 4, "Triwulan IV 2024"),
        ("TW III 2024", "triwulan", 3, "Triwulan III 2024"),
        ("Semester II 2024", "semester", 2, "Semester II 2024"),
    ],
)
def test_parse(text, kind, n, label):
    p = parse_periode(text)
    assert (p.jenis, p.ke, p.tahun, p.label) == (kind, n, 2024, label)


def test_near_miss_month_is_an_error_with_a_suggestion():
    with pytest.raises(PeriodeError) as exc:
        parse_periode("Agustsu 2024")
    assert exc.value.message == "nama bulan 'Agustsu' dalam periode 'Agustsu 2024' tidak dikenal"
    assert exc.value.fix == "tulis 'Agustus 2024'"


@pytest.mark.parametrize("text", ["Semester III 2024", "2024-13", "awal tahun", "Triwulan V 2024"])
def test_unreadable(text):
    with pytest.raises(PeriodeError):
        parse_periode(text)


def test_deadlines():
    # Monthly recaps: by the 10th of the next month (December rolls into January).
    assert batas_terbit(parse_periode("Desember 2024"), "bulan-berikutnya") == dt.date(2025, 1, 10)
    assert batas_terbit(parse_periode("Februari 2024"), "bulan-berikutnya") == dt.date(2024, 3, 10)
    assert batas_terbit(parse_periode("Februari 2024"), "bulan-berikutnya", 15) == dt.date(2024, 3, 15)
    # Surveys: by the end of the quarter.
    assert batas_terbit(parse_periode("Triwulan I 2024"), "akhir-periode") == dt.date(2024, 3, 31)
    assert parse_periode("Februari 2024").akhir == dt.date(2024, 2, 29)  # leap year
    assert [p.label for p in periode_tahun(2024, "semester")] == ["Semester I 2024", "Semester II 2024"]

"""Month parsing of every schedule string in both seed decrees."""

from __future__ import annotations

import re

import pytest

from generator.domain.jadwal import JadwalError, parse_jadwal
from tests.conftest import GUNUNGKIDUL_SEED, WONOSOBO_SEED

ALL = tuple(range(1, 13))
# Every distinct TARGET WAKTU of Gunungkidul 478/2024 and the KET schedule remark of
# Wonosobo 23/2026 (whose month ticks were lost), with the months read by hand.
EXPECTED = {
    "Januari 2024": (1,),
    "Maret, Juni, September dan Desember 2024": (3, 6, 9, 12),
    "Januari -- Desember 2024": ALL,
    "Januari- Desember 2024": ALL,
    "Januari – Desember 2024": ALL,
    "Januari - Desember 2024": ALL,
    "April, Agustus, Desember 2024": (4, 8, 12),
    "Juni, Desember 2024": (6, 12),
    "Januari, Juni 2024": (1, 6),
    "Desember 2024": (12,),
    "April 2024": (4,),
    "Sesuai Kebutuhan": (),
}
_MONTHISH = re.compile(
    r"^(?:Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember)"
    r"[^\t]*\d{4}$|^Sesuai Kebutuhan$"
)


def seed_schedules(path) -> set[str]:
    text = path.read_text(encoding="utf-8")
    lampiran = text[text.index("LAMPIRAN") :]
    found = set()
    for line in lampiran.splitlines():
        for field in line.split("\t"):
            field = " ".join(field.split())
            if _MONTHISH.match(field):
                found.add(field)
    return found


@pytest.mark.parametrize("seed", [GUNUNGKIDUL_SEED, WONOSOBO_SEED], ids=["gunungkidul", "wonosobo"])
def test_every_seed_schedule_is_listed(seed):
    found = seed_schedules(seed)
    assert found, "no schedule found: the extraction is broken"
    assert found <= set(EXPECTED), f"schedules in the seed without an expected value: {found - set(EXPECTED)}"


@pytest.mark.parametrize("text,months", EXPECTED.items())
def test_parse_seed_schedule(text, months):
    jadwal = parse_jadwal(text)
    assert jadwal.bulan == months
    assert jadwal.teks == text  # the decree's words are kept as written


def test_month_numbers():
    assert parse_jadwal([12, 3, 3]).bulan == (3, 12)
    with pytest.raises(JadwalError) as exc:
        parse_jadwal([0, 13])
    assert "1 sampai 12" in exc.value.fix


@pytest.mark.parametrize(
    "text,suggestion",
    [
        ("Pebruari 2024", "Februari"),
        ("Januari – Desembr 2024", "Desember"),
        ("Maret, Jnui 2024", "Juni"),
        ("Agustsu 2024", "Agustus"),
    ],
)
def test_unknown_month_word_suggests_closest(text, suggestion):
    with pytest.raises(JadwalError) as exc:
        parse_jadwal(text)
    assert exc.value.fix == f"tulis '{suggestion}'"
    assert "tidak dikenal" in exc.value.message


def test_reversed_range_is_an_error():
    with pytest.raises(JadwalError, match="terbalik"):
        parse_jadwal("Desember - Januari 2024")


@pytest.mark.parametrize("text", ["Sesuai Kebutuhan", "Setiap triwulan", "Minggu ke-2 Maret 2024"])
def test_non_schedule_text_stays_text(text):
    jadwal = parse_jadwal(text)
    assert jadwal.bulan == ()
    assert jadwal.teks == text


@pytest.mark.parametrize(
    "value, berulang, due",
    [
        ("Januari – Desember 2024", None, (12,)),  # a window: due by its last month
        ("Januari – Desember 2024", "bulanan", tuple(range(1, 13))),
        ("Januari – Desember 2024", "triwulanan", (3, 6, 9, 12)),
        ("Januari – Desember 2024", "semesteran", (6, 12)),
        ("Januari – Februari 2024", "triwulanan", (2,)),  # no quarter end inside: due by the last month
        ("Maret, Juni, September dan Desember 2024", None, (3, 6, 9, 12)),  # a set of due months
        ("Januari, Maret – Juni 2024", None, (1, 6)),
        ([3, 6, 9, 12], None, (3, 6, 9, 12)),
        ("Sesuai Kebutuhan", None, ()),
    ],
)
def test_due_months_window_unless_recurring(value, berulang, due):
    assert parse_jadwal(value).jatuh_tempo(berulang) == due


def test_a_window_still_spans_its_months():
    j = parse_jadwal("Januari – Desember 2024")
    assert j.bulan == tuple(range(1, 13)) and j.rentang == ((1, 12),)

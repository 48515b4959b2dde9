"""Schedules (jadwal): the decree's text, parsed to month numbers when it can be.

Real decrees write "Maret, Juni, September dan Desember 2024",
"Januari – Desember 2024", "Januari -- Desember 2024", "Januari- Desember 2024",
"Juni, Desember 2024", "April 2024". Text that is no schedule ("Sesuai
Kebutuhan") stays text. A word that is almost a month ("Pebruari") is an error
with a suggestion, because a silently dropped month would hide a promise.

Reading a schedule for "due" (the project's reading, stated on every page that
counts late rows): a list of months ("Maret, Juni, September dan Desember") is a
set of due months; a range ("Januari – Desember 2024") is a *window*, due by its
last month, unless the data says the action recurs (``berulang``: bulanan,
triwulanan, semesteran), in which case every month, quarter end or half-year end
inside the range is due. A decree that writes "Januari – Desember" does not say
"every month", so the site does not claim it.

Some decrees schedule by quarter or half year: "TW II", "Triwulan I dan III",
"TW I – TW IV", "Semester I". The text is kept as written; its months are derived
(triwulan I = 1–3, II = 4–6, III = 7–9, IV = 10–12; semester I = 1–6, II = 7–12)
and each quarter or semester is also kept as a window (first month, last month):
the action is due once within the window, by the end of its last month, not in
every month of it.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

BULAN = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
BULAN_SINGKAT = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")

_MONTH_WORDS: dict[str, int] = {}
for _i, _name in enumerate(BULAN, start=1):
    _MONTH_WORDS[_name.lower()] = _i
    _MONTH_WORDS[BULAN_SINGKAT[_i - 1].lower()] = _i
_MONTH_WORDS.update({"agt": 8, "agus": 8, "sept": 9, "nop": 11, "nopember": 11, "pebruari": 2})
# "Pebruari"/"Nopember" are old spellings still seen in letters; accept them but
# suggest nothing. (Only unknown words get a suggestion.)
del _MONTH_WORDS["pebruari"]

_RANGE_WORDS = {"sampai", "hingga", "s.d", "s.d.", "s/d", "sd", "-"}
_LIST_WORDS = {"dan", ",", "serta"}
_TOKEN = re.compile(r"s\.d\.?|s/d|[^\W\d_]+|\d+|[-,]", re.UNICODE)


def nomor_bulan(word: str) -> int | None:
    """1..12 for a month name or its short form ("Maret", "mar", "Nopember"), else None."""
    return _MONTH_WORDS.get(word.lower())


class JadwalError(ValueError):
    def __init__(self, message: str, fix: str):
        super().__init__(message)
        self.message = message
        self.fix = fix


@dataclass(frozen=True)
class Jadwal:
    """A schedule: the words as written, and the months when they could be read."""

    teks: str | None  # None when the data gave month numbers
    bulan: tuple[int, ...]  # empty when the text is no schedule
    rentang: tuple[tuple[int, int], ...] = ()  # the months as written: (start, end) per item, start == end for one
    # Quarters/semesters named by the text, as (first month, last month): each a due window.
    jendela: tuple[tuple[int, int], ...] = ()

    @property
    def terbaca(self) -> bool:
        return bool(self.bulan)

    def jatuh_tempo(self, berulang: str | None = None) -> tuple[int, ...]:
        """The months by whose end the action is due (see the module docstring)."""
        due: set[int] = set()
        for start, end in self.rentang or tuple((m, m) for m in self.bulan):
            months = range(start, end + 1)
            step = BERULANG.get(berulang or "")
            inside = [m for m in months if step and m % step == 0] if start != end else []
            due.update(inside or ([*months] if step == 1 else [end]))
        return tuple(sorted(due))


# Recurrence an aksi row may declare (``berulang``): the period length in months.
BERULANG = {"bulanan": 1, "triwulanan": 3, "semesteran": 6}


def parse_jadwal(value: str | list[int] | tuple[int, ...]) -> Jadwal:
    """Read a jadwal value from the data; raise JadwalError with a fix when it is wrong."""
    if isinstance(value, (list, tuple)):
        months = _check_numbers(value)
        return Jadwal(None, months, tuple((m, m) for m in months))
    text = " ".join(str(value).split())
    windows = _periods_from_text(text)
    if windows:  # quarters/semesters: each a window, due by its last month
        months = tuple(m for a, b in windows for m in range(a, b + 1))
        return Jadwal(text, months, windows, jendela=windows)
    spans = _spans_from_text(text)
    months = tuple(sorted({m for start, end in spans for m in range(start, end + 1)}))
    return Jadwal(text, months, spans)


# Quarter and half-year words -> months per period. "TW" is the usual short form of triwulan.
_PERIOD_WORDS = {"tw": 3, "triwulan": 3, "trw": 3, "semester": 6, "smt": 6, "smstr": 6}
_PERIOD_NUMBERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, **{str(k): k for k in range(1, 7)}}
_PERIOD_ROMAN = ("I", "II", "III", "IV")


def _periods_from_text(text: str) -> tuple[tuple[int, int], ...]:
    """Windows of 'TW II', 'Triwulan I dan III', 'TW I – IV 2024', 'Semester 1'; () when the text is not that."""
    tokens = [t.lower() for t in _TOKEN.findall(text.replace("–", "-").replace("—", "-"))]
    tokens = ["-" if set(t) == {"-"} else t for t in tokens]
    if not tokens or tokens[0] not in _PERIOD_WORDS:
        return ()
    length = _PERIOD_WORDS[tokens[0]]
    word = "semester" if length == 6 else "triwulan"
    ordinals: list[int] = []
    pending_range = False
    for tok in tokens:
        if tok in _PERIOD_WORDS:
            if _PERIOD_WORDS[tok] != length:
                return ()  # "Triwulan I dan Semester II": kept as text
        elif tok in _PERIOD_NUMBERS:
            k = _PERIOD_NUMBERS[tok]
            if k > 12 // length:
                raise JadwalError(
                    f"{word} {tok.upper()} tidak ada dalam jadwal '{text}'",
                    "tulis 'Semester I' atau 'Semester II'"
                    if length == 6
                    else "tulis 'TW I' sampai 'TW IV' (atau 'Triwulan I' sampai 'Triwulan IV')",
                )
            if pending_range and ordinals:
                if k < ordinals[-1]:
                    raise JadwalError(
                        f"rentang {word} terbalik dalam '{text}'",
                        f"tulis {word} awal lebih dulu, mis. '{word.capitalize()} "
                        f"{_PERIOD_ROMAN[k - 1]} – {_PERIOD_ROMAN[ordinals[-1] - 1]}'",
                    )
                ordinals.extend(range(ordinals[-1] + 1, k + 1))
            else:
                ordinals.append(k)
            pending_range = False
        elif tok in _RANGE_WORDS:
            pending_range = True
        elif tok in _LIST_WORDS or (tok.isdigit() and len(tok) == 4) or tok == "tahun":
            continue
        else:
            return ()  # other words ("Triwulan I minggu kedua"): kept as text
    return tuple(((k - 1) * length + 1, k * length) for k in sorted(set(ordinals)))


def _check_numbers(values: list[int] | tuple[int, ...]) -> tuple[int, ...]:
    bad = [v for v in values if not isinstance(v, int) or isinstance(v, bool) or not 1 <= v <= 12]
    if bad:
        raise JadwalError(f"nomor bulan tidak sah: {bad[0]!r}", "tulis nomor bulan 1 sampai 12, mis. [3, 6, 9, 12]")
    return tuple(sorted(set(values)))


def _spans_from_text(text: str) -> tuple[tuple[int, int], ...]:
    tokens = [t.lower() for t in _TOKEN.findall(text.replace("–", "-").replace("—", "-"))]
    tokens = ["-" if set(t) == {"-"} else t for t in tokens]
    words = [t for t in tokens if t.isalpha() and t not in _RANGE_WORDS | _LIST_WORDS]
    if not any(w in _MONTH_WORDS for w in words):
        _reject_near_months(words, text)
        return ()  # not a schedule, e.g. "Sesuai Kebutuhan": kept as text
    unknown = [w for w in words if w not in _MONTH_WORDS]
    _reject_near_months(unknown, text)
    if unknown:
        return ()  # months mixed with other words ("Minggu kedua Maret"): keep as text
    spans: list[tuple[int, int]] = []
    pending_range = False
    for tok in tokens:
        if tok in _MONTH_WORDS:
            m = _MONTH_WORDS[tok]
            if pending_range and spans:
                start = spans[-1][0]
                if m < start:
                    raise JadwalError(
                        f"rentang bulan terbalik dalam '{text}'",
                        f"tulis bulan awal lebih dulu, mis. '{BULAN[m - 1]} – {BULAN[start - 1]}'",
                    )
                spans[-1] = (start, m)
            else:
                spans.append((m, m))
            pending_range = False
        elif tok in _RANGE_WORDS:
            pending_range = True
        elif tok.isdigit() and len(tok) != 4:
            return ()  # "Minggu ke-2 Maret": a detail we cannot place in a month grid
    return tuple(spans)


def _reject_near_months(words: list[str], text: str) -> None:
    for word in words:
        match = difflib.get_close_matches(word, [b.lower() for b in BULAN], n=1, cutoff=0.7)
        if match and len(word) >= 4:
            proper = BULAN[[b.lower() for b in BULAN].index(match[0])]
            found = re.search(re.escape(word), text, re.IGNORECASE)
            written = found.group(0) if found else word
            raise JadwalError(f"nama bulan '{written}' tidak dikenal dalam jadwal '{text}'", f"tulis '{proper}'")

"""Reporting periods of the recaps: a month, a quarter (triwulan) or a half year (semester).

Staff write a period the way it is said: "Maret 2024", "Triwulan I 2024",
"Semester II 2024" (also "2024-03", "Triwulan 1 2024", "TW I 2024"). A word that
is almost a month name ("Agustsu 2024") is an error with a suggestion, as in
``jadwal``, because a silently misread period would hide a missing report.

Due dates (when a recap of a period must be published):

- monthly recaps (gratifikasi, pengaduan masyarakat, WBS, benturan kepentingan):
  by the 10th of the month after the period (the day is the office's setting,
  ``jadwal_terbit.batas_hari_rekap`` in satker.yaml). This is the project's rule, taken
  from the seed decrees' promise of a monthly public recap (Keputusan KPU
  Kabupaten Gunungkidul 478/2024, lampiran V.1 and V.5); no regulation fixes
  the day. The 10 working days UPG → KPK of Perban BPIP 4/2021 Ps. 7 is of the
  same order.
- surveys: by the end of the quarter surveyed (seed 000 schedules them in
  "Maret, Juni, September dan Desember 2024").
"""

from __future__ import annotations

import calendar
import datetime as dt
import difflib
import re
from dataclasses import dataclass

from generator.domain.jadwal import BULAN, nomor_bulan

JENIS = ("bulan", "triwulan", "semester")
_PANJANG = {"bulan": 1, "triwulan": 3, "semester": 6}
_ROMAWI = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_ROMAWI_TULIS = ("I", "II", "III", "IV")
CONTOH = "'Maret 2024', 'Triwulan I 2024' atau 'Semester I 2024'"


class PeriodeError(ValueError):
    def __init__(self, message: str, fix: str):
        super().__init__(message)
        self.message = message
        self.fix = fix


@dataclass(frozen=True)
class Periode:
    tahun: int
    jenis: str  # "bulan" | "triwulan" | "semester"
    ke: int  # 1-based within the year

    @property
    def bulan_awal(self) -> int:
        return (self.ke - 1) * _PANJANG[self.jenis] + 1

    @property
    def bulan_akhir(self) -> int:
        return self.ke * _PANJANG[self.jenis]

    @property
    def bulan(self) -> tuple[int, ...]:
        return tuple(range(self.bulan_awal, self.bulan_akhir + 1))

    @property
    def mulai(self) -> dt.date:
        return dt.date(self.tahun, self.bulan_awal, 1)

    @property
    def akhir(self) -> dt.date:
        return akhir_bulan(self.tahun, self.bulan_akhir)

    @property
    def label(self) -> str:
        if self.jenis == "bulan":
            return f"{BULAN[self.ke - 1]} {self.tahun}"
        return f"{self.jenis.capitalize()} {_ROMAWI_TULIS[self.ke - 1]} {self.tahun}"

    @property
    def label_pendek(self) -> str:
        """Without the year, for charts and tables inside one year's page."""
        if self.jenis == "bulan":
            return BULAN[self.ke - 1]
        return f"{self.jenis.capitalize()} {_ROMAWI_TULIS[self.ke - 1]}"

    @property
    def kunci(self) -> str:
        """Stable key for anchors and ids: 2024-03, 2024-tw1, 2024-s1."""
        if self.jenis == "bulan":
            return f"{self.tahun}-{self.ke:02d}"
        return f"{self.tahun}-{'tw' if self.jenis == 'triwulan' else 's'}{self.ke}"


def akhir_bulan(tahun: int, bulan: int) -> dt.date:
    return dt.date(tahun, bulan, calendar.monthrange(tahun, bulan)[1])


def periode_tahun(tahun: int, jenis: str) -> tuple[Periode, ...]:
    """All periods of one kind in a year, in order."""
    return tuple(Periode(tahun, jenis, k) for k in range(1, 12 // _PANJANG[jenis] + 1))


def batas_terbit(p: Periode, aturan: str, hari: int = 10) -> dt.date:
    """The last day the recap of ``p`` may appear: see the module docstring for the rules."""
    if aturan == "akhir-periode":
        return p.akhir
    if aturan == "bulan-berikutnya":
        nxt = p.akhir + dt.timedelta(days=1)
        return dt.date(nxt.year, nxt.month, hari)
    raise ValueError(aturan)


_ISO = re.compile(r"^(\d{4})-(\d{1,2})$")
_KATA = re.compile(r"^(triwulan|tw|semester|smt)\s*(iv|iii|ii|i|[1-4])\s+(?:tahun\s+)?(\d{4})$")
_BULAN_TAHUN = re.compile(r"^([^\W\d_]+)\s+(?:tahun\s+)?(\d{4})$")


def parse_periode(value: object) -> Periode:
    """Read a period as staff write it; raise PeriodeError with a fix otherwise."""
    if not isinstance(value, str):
        raise PeriodeError("periode harus berupa teks", f"tulis periode sebagai {CONTOH}, dengan tanda kutip")
    text = " ".join(value.split())
    low = text.lower()
    if m := _ISO.match(low):
        tahun, bulan = int(m.group(1)), int(m.group(2))
        if not 1 <= bulan <= 12:
            raise PeriodeError(f"bulan {bulan} dalam periode '{text}' tidak ada", "tulis bulan 1 sampai 12")
        return Periode(tahun, "bulan", bulan)
    if m := _KATA.match(low):
        jenis = "triwulan" if m.group(1) in ("triwulan", "tw") else "semester"
        ke = int(m.group(2)) if m.group(2).isdigit() else _ROMAWI[m.group(2)]
        if jenis == "semester" and ke > 2:
            raise PeriodeError(
                f"semester {m.group(2).upper()} tidak ada dalam periode '{text}'",
                "tulis 'Semester I' atau 'Semester II'",
            )
        return Periode(int(m.group(3)), jenis, ke)
    if m := _BULAN_TAHUN.match(low):
        word = m.group(1)
        nomor = nomor_bulan(word)
        if nomor is not None:
            return Periode(int(m.group(2)), "bulan", nomor)
        close = difflib.get_close_matches(word, [b.lower() for b in BULAN], n=1, cutoff=0.6)
        if close:
            proper = BULAN[[b.lower() for b in BULAN].index(close[0])]
            raise PeriodeError(
                f"nama bulan '{text.split()[0]}' dalam periode '{text}' tidak dikenal", f"tulis '{proper} {m.group(2)}'"
            )
    raise PeriodeError(f"periode '{text}' tidak dapat dibaca", f"tulis periode sebagai {CONTOH}")

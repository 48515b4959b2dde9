"""The area perubahan catalogue.

The six official areas of change are those of PermenPANRB 90/2021 (Pembangunan
dan Evaluasi Zona Integritas), Lampiran I, as amended by PermenPANRB 5/2024:
Manajemen Perubahan; Penataan Tatalaksana; Penataan Sistem Manajemen SDM
Aparatur; Penguatan Akuntabilitas Kinerja; Penguatan Pengawasan; Peningkatan
Kualitas Pelayanan Publik. Real decrees spell them many ways ("PENATAAN TATA
LAKSANA", "Penguatan Akuntabilitas", "Akuntabilitas Penguatan Kinerja",
"Penataan Sistem Manajemen SDM"), so matching is on key words, not on exact
text. Extra areas some units add (Gunungkidul 2024: "VII Inovasi Pelayanan")
are catalogued too, marked ``resmi=False``.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class AreaInfo:
    kode: str  # URL slug and the key staff may write in `area:`
    nama: str  # official name
    singkat: str
    resmi: bool  # one of the six areas of PermenPANRB 90/2021
    kata_kunci: frozenset[str]  # all must appear in a normalised title


CATALOGUE: tuple[AreaInfo, ...] = (
    AreaInfo("manajemen-perubahan", "Manajemen Perubahan", "MP", True, frozenset({"manajemen", "perubahan"})),
    AreaInfo("penataan-tatalaksana", "Penataan Tatalaksana", "TT", True, frozenset({"tatalaksana"})),
    AreaInfo(
        "penataan-sistem-manajemen-sdm", "Penataan Sistem Manajemen SDM Aparatur", "SDM", True, frozenset({"sdm"})
    ),
    AreaInfo(
        "penguatan-akuntabilitas-kinerja", "Penguatan Akuntabilitas Kinerja", "AK", True, frozenset({"akuntabilitas"})
    ),
    AreaInfo("penguatan-pengawasan", "Penguatan Pengawasan", "PW", True, frozenset({"pengawasan"})),
    AreaInfo(
        "peningkatan-kualitas-pelayanan-publik",
        "Peningkatan Kualitas Pelayanan Publik",
        "PP",
        True,
        frozenset({"kualitas", "pelayanan"}),
    ),
    AreaInfo("inovasi-pelayanan", "Inovasi Pelayanan", "IP", False, frozenset({"inovasi"})),
)
BY_CODE = {a.kode: a for a in CATALOGUE}
OFFICIAL = tuple(a for a in CATALOGUE if a.resmi)

_SYNONYMS = (
    (r"\btata\s+laksana\b", "tatalaksana"),
    (r"\bsumber\s+daya\s+manusia\b", "sdm"),
)


class AreaError(ValueError):
    def __init__(self, message: str, fix: str):
        super().__init__(message)
        self.message = message
        self.fix = fix


def normalise(title: str) -> set[str]:
    text = re.sub(r"<[^>]+>|[*_]", " ", title.lower())
    for pattern, repl in _SYNONYMS:
        text = re.sub(pattern, repl, text)
    return set(re.findall(r"[a-z]+", text))


def match_area(title: str | None, code: str | None = None) -> AreaInfo:
    """Find the catalogue area for a decree's area heading (or an explicit code)."""
    if code:
        if code in BY_CODE:
            return BY_CODE[code]
        close = difflib.get_close_matches(code, list(BY_CODE), n=1, cutoff=0.5)
        raise AreaError(
            f"kode area '{code}' tidak ada dalam katalog",
            f"tulis '{close[0]}'" if close else "pilih salah satu: " + ", ".join(BY_CODE),
        )
    words = normalise(title or "")
    found = [a for a in CATALOGUE if a.kata_kunci <= words]
    if len(found) == 1:
        return found[0]
    codes = ", ".join(BY_CODE)
    if not found:
        mirip = closest(title or "")
        hint = f"perbaiki judulnya (paling mirip: {mirip}) atau " if mirip else ""
        raise AreaError(
            f"judul area '{title}' tidak cocok dengan area perubahan mana pun",
            f"{hint}tambahkan 'area: <kode>' dengan salah satu kode: {codes}",
        )
    raise AreaError(
        f"judul area '{title}' cocok dengan lebih dari satu area ({', '.join(a.kode for a in found)})",
        "tambahkan 'area: <kode>' untuk memilih salah satunya",
    )


def closest(title: str) -> str:
    """The catalogue names nearest to a title that matches none ("'Manajemen Perubahan'"), or ''."""
    names = {a.nama.casefold(): a.nama for a in CATALOGUE}
    close = difflib.get_close_matches(" ".join(title.split()).casefold(), list(names), n=2, cutoff=0.6)
    return ", ".join(f"'{names[c]}'" for c in close)

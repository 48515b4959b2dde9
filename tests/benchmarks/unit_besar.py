"""A synthetic large unit for the build benchmark (kinerja_bangun.py): N years of Gunungkidul's data.

Each year 2025-N .. 2024 is a copy of ``plans/2024/*.yaml`` with the year shifted everywhere it is a
date, a period or a title (``2024`` -> the year; links to uploads in ``content/`` keep their names,
so they still resolve), the monthly recaps completed (WBS to December, gratifikasi's missing July
filled with an empty month) and the realisasi full (every action row reported, as in 2024).
Row ids are made from the plan's structure, not the year, so they stay consistent. ``satker.yaml``
is Gunungkidul's. Same N, same bytes: nothing random, nothing from the clock.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from generator.domain import jadwal

REPO = Path(__file__).resolve().parents[2]
SOURCE = REPO / "plans"
LAST = 2024
BULAN = list(jadwal.BULAN)  # the months as the data writes them


def _shift(text: str, year: int) -> str:
    """Every 2024 (and the 2023/2025 of dates next to it) moved by the same number of years, lines
    that point at an upload (``unggahan/``) left alone so the link still finds its file."""
    delta = year - LAST
    out = []
    for line in text.splitlines(keepends=True):
        if "unggahan/" in line and "tautan" in line:
            out.append(line)
            continue
        # Dates: 2024-MM-DD (and a neighbouring year's, e.g. 2025-01-10 for a December recap).
        line = re.sub(r"\b(202[345])-(\d\d)-(\d\d)\b", lambda m: _date(int(m[1]) + delta, m[2], m[3]), line)
        line = re.sub(r"\b2024\b", str(year), line)
        out.append(line)
    return "".join(out)


def _date(year: int, month: str, day: str) -> str:
    # 29 February exists in leap years only.
    if month == "02" and day == "29" and not (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)):
        day = "28"
    return f"{year}-{month}-{day}"


def _wbs_full(text: str, year: int) -> str:
    """WBS recap to December (the example stops in September on purpose; the large unit is complete)."""
    have = set(re.findall(r'periode: "(\w+) ' + str(year) + '"', text))
    lines = [
        f'  - {{periode: "{b} {year}", diterima: 0, diverifikasi: 0, ditindaklanjuti: 0, ditutup: 0}}\n'
        for b in BULAN
        if b not in have
    ]
    text = re.sub(r"per_tanggal: \d{4}-\d\d-\d\d", f"per_tanggal: {year}-12-20", text)
    return text.rstrip("\n") + "\n" + "".join(lines)


def _gratifikasi_full(text: str, year: int) -> str:
    """Gratifikasi: the July the example leaves out, as a month with no report."""
    marker = f'  - periode: "Agustus {year}"'
    if f'periode: "Juli {year}"' in text or marker not in text:
        return text
    return text.replace(marker, f'  - periode: "Juli {year}"\n    nihil: true\n' + marker, 1)


def buat(out: Path, years: int) -> Path:
    """Write a data folder of ``years`` years (the last ``years`` of 2015..2024) into ``out``; returns it."""
    if not 1 <= years <= 10:
        raise ValueError("1..10 years")
    out.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SOURCE / "satker.yaml", out / "satker.yaml")
    for year in range(LAST - years + 1, LAST + 1):
        folder = out / str(year)
        folder.mkdir(exist_ok=True)
        for src in sorted((SOURCE / str(LAST)).glob("*.yaml")):
            text = _shift(src.read_text(encoding="utf-8"), year)
            if src.name == "wbs.yaml":
                text = _wbs_full(text, year)
            elif src.name == "gratifikasi.yaml":
                text = _gratifikasi_full(text, year)
            elif src.name == "realisasi.yaml":
                # The gratifikasi row records the July that recap now has.
                text = text.replace(
                    "bulan: [1, 2, 3, 4, 5, 6, 8, 9, 10, 11]", "bulan: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]"
                )
            (folder / src.name).write_text(text, encoding="utf-8")
    return out


if __name__ == "__main__":
    import sys

    print(buat(Path(sys.argv[1]), int(sys.argv[2])))

"""Assemble a whole plan file around the imported lampiran.

A spreadsheet holds the table, not the decree. The Keputusan block is written
with placeholders that load and build (so staff can preview the imported table
at once with ``zi build``) but cannot be mistaken for real text: every one
reads ``[ISI: ...]`` and carries a ``# ISI:`` comment, and the report lists
their lines. What the sheet's title rows do say (LAMPIRAN ..., NOMOR 478 TAHUN
2024, TENTANG ...) is used, marked ``# PERIKSA`` because a lampiran's title
can differ from the decree's own wording.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from generator.staff.importer.read import Grid
from generator.staff.importer.write import Before, Commented

PLACEHOLDER = "[ISI:"
_NOMOR_RE = re.compile(r"^NOMOR\s*:?\s*(?P<nomor>\S+(?:\s*/\s*\S+)*)\s+TAHUN\s+(?P<tahun>\d{4})\b", re.I)
_TAHUN_RE = re.compile(r"\b(20\d\d)\b")


@dataclass
class Titles:
    judul: list[str]
    judul_tabel: str | None
    nomor: str | None
    tahun: int | None
    tentang: str | None
    ignored: list[tuple[int, str]]  # (row, text) above the table that fit nowhere


def read_titles(grid: Grid, header_row: int) -> Titles:
    """The lines above the header: 'LAMPIRAN ...', 'NOMOR ... TAHUN ...', 'TENTANG ...', then the table title."""
    lines: list[tuple[int, str | None]] = []
    for r in range(1, header_row):
        texts = [c.text for c in grid.rows[r - 1] if c.text]
        lines.append((r, " ".join(texts) if texts else None))
    judul: list[str] = []
    tabel: list[str] = []
    ignored: list[tuple[int, str]] = []
    start = next((i for i, (_, t) in enumerate(lines) if t and t.upper().startswith("LAMPIRAN")), None)
    i = 0
    if start is not None:
        ignored = [(r, t) for r, t in lines[:start] if t]
        i = start
        while i < len(lines):
            r, t = lines[i]
            if t is None:
                i += 1
                continue
            if t.upper().startswith("TENTANG"):
                block = [t]
                i += 1
                while i < len(lines) and (more := lines[i][1]):
                    block.append(more)
                    i += 1
                judul.append(" ".join(block))
                break
            if judul and not t.upper().startswith(("NOMOR", "KEPUTUSAN", "LAMPIRAN")):
                break  # the lampiran heading ended without a TENTANG line
            judul.append(t)
            i += 1
    tabel = [t for _, t in lines[i:] if t]
    nomor = tahun = tentang = None
    for line in judul:
        m = _NOMOR_RE.match(line)
        if m:
            nomor, tahun = m.group("nomor"), int(m.group("tahun"))
        elif line.upper().startswith("TENTANG"):
            tentang = line[len("TENTANG") :].strip(" :") or None
    return Titles(judul, " ".join(tabel) or None, nomor, tahun, tentang, ignored)


def guess_tahun(titles: Titles, areas: list[dict]) -> int | None:
    """The plan's year from 'TAHUN 2024' in the titles, else the most common year in the jadwal texts."""
    for text in [titles.judul_tabel or "", *reversed(titles.judul)]:
        years = _TAHUN_RE.findall(text)
        if years:
            return int(years[-1])
    seen: Counter[int] = Counter()
    for text in _jadwal_texts(areas):
        seen.update(int(y) for y in _TAHUN_RE.findall(text))
    return seen.most_common(1)[0][0] if seen else None


def _jadwal_texts(areas: list[dict]):
    for area in areas:
        for group in area.get("kelompok", [area]):
            for keg in group.get("kegiatan", []):
                for aksi in [
                    *(a for ind in keg.get("indikator", []) for a in ind.get("aksi", [])),
                    *keg.get("aksi", []),
                ]:
                    if isinstance(aksi.get("jadwal"), str):
                        yield aksi["jadwal"]


def plan_data(tahun: int, titles: Titles, kolom: dict, areas: list[dict], comments: dict[int, list[str]]) -> dict:
    """The plan file's data: placeholders for the decree, the imported table as lampiran."""
    check = "PERIKSA: diambil dari judul lampiran pada spreadsheet; samakan dengan keputusan"
    keputusan = {
        "instansi": Commented(
            [
                f"{PLACEHOLDER} baris kop, mis. KOMISI PEMILIHAN UMUM]",
                f"{PLACEHOLDER} baris kop kedua, mis. KABUPATEN ...]",
            ],
            "ISI: kop keputusan, satu baris per butir",
        ),
        "judul": Commented(
            f"{PLACEHOLDER} mis. KEPUTUSAN KOMISI PEMILIHAN UMUM KABUPATEN ...]", "ISI: judul keputusan"
        ),
        "nomor": (
            Commented(titles.nomor, check)
            if titles.nomor
            else Commented(f"{PLACEHOLDER} nomor keputusan]", 'ISI: nomor keputusan, mis. "478"')
        ),
        "tahun": Commented(
            titles.tahun if titles.tahun in (tahun - 1, tahun) else tahun,
            check if titles.tahun in (tahun - 1, tahun) else "ISI: tahun keputusan",
        ),
        "tentang": (
            Commented(titles.tentang, check)
            if titles.tentang
            else Commented(f"{PLACEHOLDER} isi TENTANG keputusan]", "ISI: tentang")
        ),
        "jabatan": Commented(
            f"{PLACEHOLDER} jabatan yang menetapkan, mis. KETUA KOMISI PEMILIHAN UMUM KABUPATEN ...,]",
            "ISI: jabatan yang menetapkan, diakhiri koma",
        ),
        "menimbang": Commented(
            [f"{PLACEHOLDER} butir menimbang a. (bahwa ...)]"], "ISI: setiap butir menimbang, satu butir per baris '- '"
        ),
        "mengingat": Commented(
            [f"{PLACEHOLDER} butir mengingat 1. (Undang-Undang ...)]"],
            "ISI: setiap butir mengingat, satu butir per baris '- '",
        ),
        "menetapkan": Commented(f"{PLACEHOLDER} bunyi MENETAPKAN]", "ISI: menetapkan"),
        "diktum": Commented(
            [{"label": "KESATU", "teks": f"{PLACEHOLDER} bunyi diktum KESATU, dan tambahkan KEDUA, KETIGA, ...]"}],
            "ISI: diktum KESATU, KEDUA, ...",
        ),
        "ditetapkan_di": Commented(f"{PLACEHOLDER} tempat penetapan]", "ISI: tempat penetapan, mis. Wonosari"),
        "tanggal": Commented(dt.date(tahun, 1, 1), "ISI: tanggal penetapan TTTT-BB-HH (1 Januari hanya pengisi)"),
        "penandatangan": Commented(
            {"jabatan": [f"{PLACEHOLDER} jabatan penandatangan]"], "nama": f"{PLACEHOLDER} nama penandatangan]"},
            "ISI: jabatan dan nama penandatangan",
        ),
    }
    lampiran: dict = {
        "judul": (
            Commented(titles.judul, check)
            if titles.judul
            else Commented(
                [
                    f"{PLACEHOLDER} LAMPIRAN KEPUTUSAN ...]",
                    f"{PLACEHOLDER} NOMOR ... TAHUN ...]",
                    f"{PLACEHOLDER} TENTANG ...]",
                ],
                "ISI: kepala lampiran, satu baris per butir",
            )
        ),
        "judul_tabel": titles.judul_tabel,
        "kolom": kolom,
        "area": [_with_comment(a, comments.get(id(a))) for a in areas],
    }
    return {
        "tahun": tahun,
        Before(("",), "keputusan"): None,
        "keputusan": keputusan,
        Before(("",), "lampiran"): None,
        "lampiran": lampiran,
    }


def _with_comment(item: dict, lines: list[str] | None) -> dict:
    if not lines:
        return item
    return {Before(tuple(lines)): None, **item}


def placeholders(data, path=()) -> list[tuple[tuple, str]]:
    """(path, comment) of every value staff must fill in or check."""
    out = []
    if isinstance(data, Commented):
        if data.comment.startswith(("ISI", "PERIKSA")):
            out.append((path, data.comment))
        return out
    if isinstance(data, dict):
        for k, v in data.items():
            if not isinstance(k, Before):
                out.extend(placeholders(v, (*path, k)))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            out.extend(placeholders(v, (*path, i)))
    return out

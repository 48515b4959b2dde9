"""Compare two lampiran tables row by row, as staff would read them.

Used to show an import round trip (the decree's table as a spreadsheet back to
YAML) and, with ``zi import --banding``, what a revised spreadsheet changes in
the plan already published. Works on plain data (a ``Lampiran`` is dumped
first), so a freshly imported table can be compared even before it validates.
"""

from __future__ import annotations

import difflib
from collections import Counter
from typing import Any

from pydantic import BaseModel

LEAF = ("uraian", "bukti", "jadwal", "target", "penanggung_jawab", "ket")


def _data(lampiran: Any) -> dict:
    if isinstance(lampiran, BaseModel):
        return lampiran.model_dump(exclude_none=True)
    return lampiran


def _groups(area: dict) -> list[tuple[dict | None, list[dict]]]:
    if area.get("kelompok"):
        return [(g, g.get("kegiatan", [])) for g in area["kelompok"]]
    return [(None, area.get("kegiatan", []))]


def outline(lampiran: Any) -> list[str]:
    """One line per item, indented by level: the table's content without its layout."""
    data = _data(lampiran)
    kolom = {k: v for k, v in data.get("kolom", {}).items() if v not in (None, False)}
    out: list[str] = [f"kolom: {kolom}"]
    for area in data.get("area", []):
        out.append(
            f"area {_t(area.get('nomor'))} {_t(area.get('judul'))}"
            + (f" [{area['area']}]" if area.get("area") else "")
            + _gap(area)
        )
        if area.get("subjudul"):
            out.append(f"  subjudul {_t(area['subjudul'])}")
        for group, kegiatan in _groups(area):
            if group is not None:
                out.append(f"  kelompok {_t(group.get('nomor'))} {_t(group.get('judul'))}{_gap(group)}")
            for k in kegiatan:
                out.append(f"    kegiatan {_t(k.get('nomor'))} {_t(k.get('judul'))}{_gap(k)}")
                for i in k.get("indikator", []):
                    out.append(f"      indikator {_t(i.get('nomor'))} {_t(i.get('teks'))}{_gap(i)}")
                    for a in i.get("aksi", []):
                        out.append(f"        aksi {_aksi_line(a)}")
                for a in k.get("aksi", []):  # no indikator level
                    out.append(f"      aksi {_aksi_line(a)}")
    return out


def _aksi_line(a: dict) -> str:
    fields = [f"{name}={_t(a[name])}" for name in LEAF if a.get(name) is not None]
    return f"{_t(a.get('nomor'))} " + " | ".join(fields) + _gap(a)


def differences(expected: Any, got: Any) -> list[str]:
    """Lines of a unified diff ('-' only in expected, '+' only in got); empty when the tables agree."""
    diff = difflib.unified_diff(outline(expected), outline(got), "diharapkan", "hasil impor", n=0, lineterm="")
    return [line for line in diff if not line.startswith(("---", "+++"))]


def aksi_rows(lampiran: Any) -> list[tuple[str, list[dict]]]:
    """(area nomor, its aksi rows with any text) in order."""
    out = []
    for area in _data(lampiran).get("area", []):
        rows = [
            a
            for _, ks in _groups(area)
            for k in ks
            for a in [*(a for i in k.get("indikator", []) for a in i.get("aksi", [])), *k.get("aksi", [])]
            if any(a.get(name) for name in LEAF)
        ]
        out.append((area.get("nomor"), rows))
    return out


def aksi_texts(lampiran: Any) -> Counter:
    """Every aksi's (uraian, bukti, jadwal, target, ket), wherever it sits in the hierarchy."""
    out: Counter = Counter()
    for _, rows in aksi_rows(lampiran):
        for a in rows:
            out[tuple(tuple(a[n]) if isinstance(a.get(n), list) else a.get(n) for n in LEAF)] += 1
    return out


def _t(value: Any) -> str:
    if value is None:
        return "–"
    return str(value).replace("\n", " ⏎ ")  # a line break inside a cell is a difference too


def _gap(item: dict) -> str:
    empty = " (kosong pada sumber)" if item.get("kosong") else ""
    return (f" (celah: {_t(item['celah'])})" if item.get("celah") else "") + empty

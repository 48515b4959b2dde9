"""Files and folders in the data folder that the loader does not read, each named (a warning).

A year folder typed ``2O25`` (letter O) or a recap saved as ``pengaduan.yaml.txt``
would otherwise just vanish from the site. Read are: ``satker.yaml``, folders
named with four digits, and in those the files of ``generator.load.tahun``.
Unknown ``*.yaml``/``*.yml`` names in a year folder are errors already
(``tahun._unknown_files``); hidden names (``.gitkeep``) and symbolic links
(judged by the symlink guard) are left out here.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from generator.errors import Problem

SATKER_FILE = "satker.yaml"
_YEAR_DIR = re.compile(r"^\d{4}$")
_AS_DIGIT = str.maketrans("OoIl", "0011")


def yang_diabaikan(root: Path, known: tuple[str, ...]) -> list[Problem]:
    """A warning for every entry of ``root`` and its year folders that is not read (``known``: year-folder files)."""
    out = []
    for p in _entries(root):
        if p.is_dir() and _YEAR_DIR.match(p.name):
            out += [
                _ignored(q, _meant_file(q.name, known))
                for q in _entries(p)
                if q.is_dir() or q.suffix.lower() not in (".yaml", ".yml")
            ]
        elif p.is_dir():
            out.append(_ignored(p, _meant_year(p.name)))
        elif p.name != SATKER_FILE:
            out.append(_ignored(p, _meant_file(p.name, (SATKER_FILE,))))
    return out


def _entries(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if not p.name.startswith(".") and not p.is_symlink())


def _ignored(p: Path, meant: str | None) -> Problem:
    kind = "folder" if p.is_dir() else "berkas"
    fix = (
        f"ganti namanya menjadi '{meant}'"
        if meant
        else "pindahkan ke luar folder data bila bukan data situs; nama yang dibaca: satker.yaml, folder tahun "
        "empat angka (mis. 2025) dan berkas .yaml di dalamnya"
    )
    return Problem(p, None, None, "", f"{kind} '{p.name}' diabaikan: tidak dibaca dan tidak diterbitkan", fix)


def _meant_year(name: str) -> str | None:
    """'2O25' -> '2025', '24' -> '2024'; None when no year is in sight."""
    digits = re.sub(r"[\s_.\-]", "", name.translate(_AS_DIGIT))
    if not digits.isdigit():
        return None
    if len(digits) == 2:
        digits = "20" + digits
    return digits if len(digits) == 4 and 2000 <= int(digits) <= 2100 else None


def _meant_file(name: str, known: tuple[str, ...]) -> str | None:
    """'pengaduan.yaml.txt' -> 'pengaduan.yaml', 'Survei.YAML ' -> 'survei.yaml'."""
    folded = name.casefold().strip()
    for k in known:
        if folded.startswith(k) or folded.removesuffix(".txt").removesuffix(".yml") + ".yaml" == k:
            return k
    close = difflib.get_close_matches(folded, known, n=1, cutoff=0.75)
    return close[0] if close else None

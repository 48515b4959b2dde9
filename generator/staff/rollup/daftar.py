"""The list of unit sites a roll-up reads (DAFTAR): a text file, one address a line, or YAML.

Text: one address a line (``https://…`` or a local folder); blank lines and ``#`` comments are
skipped. YAML (``.yaml``/``.yml``): a list of addresses, or a mapping with the list under ``unit``.
A folder path is relative to the DAFTAR file. Mistakes are reported as ``file:line: message`` with
a ``Perbaikan:`` line; a duplicate address is a mistake (the unit would be counted twice).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.errors import Problem


@dataclass(frozen=True)
class Alamat:
    """One unit to read: as written in DAFTAR, and where it is (a URL, or a resolved folder)."""

    tertulis: str
    url: str | None
    folder: Path | None

    @property
    def sumber(self) -> str:
        return self.url if self.url is not None else str(self.folder)


class DaftarError(Exception):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(p.format() for p in problems))


def baca(path: Path) -> list[Alamat]:
    """The addresses of DAFTAR, in order; DaftarError with every mistake."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DaftarError(
            [Problem(path, None, None, "", f"berkas daftar tidak dapat dibaca ({exc.__class__.__name__})", _FIX)]
        ) from None
    entries = _yaml(path, text) if path.suffix.lower() in (".yaml", ".yml") else _text(text)
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    found: list[Alamat] = []
    for line, raw in entries:
        value = raw.strip()
        if value.startswith(("http://", "https://")):
            alamat = Alamat(value, value if value.endswith("/") else value + "/", None)
        elif "://" in value:
            problems.append(
                Problem(
                    path,
                    line,
                    1,
                    "",
                    f"alamat '{value}' bukan http(s):// atau folder",
                    "Tulis https://… atau path folder.",
                )
            )
            continue
        else:
            alamat = Alamat(value, None, (path.parent / value).resolve())
        if alamat.sumber in seen:
            problems.append(
                Problem(
                    path, line, 1, "", f"'{value}' sudah ada di baris {seen[alamat.sumber]}", "Hapus baris yang ganda."
                )
            )
            continue
        seen[alamat.sumber] = line
        found.append(alamat)
    if not found and not problems:
        problems.append(Problem(path, None, None, "", "daftar tidak berisi satu alamat pun", _FIX))
    if problems:
        raise DaftarError(problems)
    return found


_FIX = "Tulis satu alamat situs unit per baris, mis. https://zi.kpu-gunungkidul.go.id/ atau ../situs-gunungkidul."


def _text(text: str) -> list[tuple[int, str]]:
    out = []
    for number, line in enumerate(text.splitlines(), 1):
        value = "" if line.lstrip().startswith("#") else line.split(" #", 1)[0].strip()
        if value:
            out.append((number, value))
    return out


def _yaml(path: Path, text: str) -> list[tuple[int, str]]:
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise DaftarError(
            [
                Problem(
                    path,
                    mark.line + 1 if mark else None,
                    mark.column + 1 if mark else None,
                    "",
                    "YAML tidak dapat dibaca",
                    _FIX_YAML,
                )
            ]
        ) from None
    if isinstance(node, yaml.MappingNode):
        node = next((v for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == "unit"), None)
    if not isinstance(node, yaml.SequenceNode):
        raise DaftarError([Problem(path, None, None, "", "daftar YAML harus berupa daftar alamat", _FIX_YAML)])
    out = []
    for item in node.value:
        if not isinstance(item, yaml.ScalarNode) or not item.value.strip():
            raise DaftarError(
                [Problem(path, item.start_mark.line + 1, item.start_mark.column + 1, "unit", "bukan alamat", _FIX_YAML)]
            )
        out.append((item.start_mark.line + 1, item.value))
    return out


_FIX_YAML = "Tulis 'unit:' lalu satu alamat per baris, mis. '  - https://zi.kpu-gunungkidul.go.id/'."

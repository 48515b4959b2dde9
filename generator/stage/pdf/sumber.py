"""Typst source from a Jinja template, with every value from the data inserted as a Typst string.

Staff text is never read as Typst markup: each ``{{ value }}`` becomes a string literal
(``#"...";``), so a ``#``, ``*``, ``=`` or a leading "1." in a decree's text stays text. Only the
transcriptions' own ``*emphasis*`` is honoured (``|inline``), as on the site (generator.pages.text).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

import jinja2

from generator import tembolok
from generator.domain.jadwal import BULAN
from generator.pages.angka import rentang_bulan, tanggal
from generator.pages.text import plain
from generator.stage import huruf

_EMPHASIS = re.compile(r"\*(?=\S)(.+?)(?<=\S)\*")
_SPACE = re.compile(r"\s+")


class Typ(str):
    """Typst source already made safe (the output of a filter), inserted as it is."""


def teks(value: Any, tersedia: frozenset[int] | None = None) -> Typ:
    """``value`` as one Typst string in markup: shown exactly, never interpreted.

    ``tersedia``: the code points the font can draw. Another character (an emoji, a script the
    shipped Latin font lacks) is written as its code, "[U+1F600]": PDF/UA forbids a missing glyph,
    and the reader still sees that something stood there.
    """
    if isinstance(value, Typ):
        return value
    if value is None:
        return Typ("")
    s = _SPACE.sub(" ", str(value))  # the edges kept: "a *b* c" is three pieces with their spaces
    if tersedia is not None:
        s = "".join(c if ord(c) in tersedia or c == " " else f"[U+{ord(c):04X}]" for c in s)
    return Typ('#"' + s.replace("\\", "\\\\").replace('"', '\\"') + '";') if s else Typ("")


def inline(value: str | None, tersedia: frozenset[int] | None = None) -> Typ:
    """Decree text with its ``*emphasis*`` in italics and its line breaks kept."""
    if not value:
        return Typ("")
    lines = []
    for line in value.split("\n"):
        parts: list[str] = []
        last = 0
        for m in _EMPHASIS.finditer(line):
            parts.append(teks(line[last : m.start()], tersedia))
            parts.append(f"#emph[{teks(m.group(1), tersedia)}]")
            last = m.end()
        parts.append(teks(line[last:], tersedia))
        lines.append("".join(parts).strip())
    return Typ(" #linebreak() ".join(x for x in lines if x))


def kode(value: str) -> Typ:
    """``value`` as a Typst string literal in code (a function's argument: a title, a link)."""
    return Typ('"' + " ".join(value.split()).replace("\\", "\\\\").replace('"', '\\"') + '"')


def kode_isi(value: Any) -> Typ:
    """Plain text (emphasis marks dropped) to be joined into a ``|kode`` string."""
    return Typ(plain(str(value)))


def angka(value: int) -> Typ:
    """A whole number in code (a rowspan, a year)."""
    return Typ(str(int(value)))


_UKURAN = re.compile(r"auto|\d+(\.\d+)?(fr|cm|pt)")


def ukuran(value: str) -> Typ:
    """A column width computed by the stage (generator/stage/pdf/konteks.py)."""
    if not _UKURAN.fullmatch(value):
        raise ValueError(f"lebar kolom tidak sah: {value!r}")
    return Typ(value)


def environment(templates: Path) -> jinja2.Environment:
    tersedia = huruf.karakter(templates)
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)),
        autoescape=False,
        finalize=functools.partial(teks, tersedia=tersedia),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=tembolok.templat("templat-typst"),  # no autoescape, a finalize: not the pages' cache
    )
    env.filters["inline"] = functools.partial(inline, tersedia=tersedia)
    env.filters["tanggal"] = lambda d: teks(tanggal(d), tersedia)
    env.filters["teks"] = functools.partial(teks, tersedia=tersedia)
    env.filters["t"] = Typ  # a macro's output: already Typst source (its values went through ``teks``)
    env.filters["kode"] = kode
    env.filters["kode_isi"] = kode_isi
    env.filters["angka"] = angka
    env.filters["ukuran"] = ukuran
    # the months a row's schedule ticks, short: "Januari–Desember", "Maret, Juni, September"
    env.filters["rentang_bulan"] = lambda kisi: rentang_bulan([i + 1 for i, b in enumerate(kisi) if b.ada])
    env.globals["BULAN"] = BULAN
    return env

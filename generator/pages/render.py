"""Jinja2 environment for the page templates in ``theme/zi/``.

Templates receive typed, finished values (frozen dataclasses from
``generator.pages.konteks``, tuples, strings, numbers, dates) and hold the
sentences a visitor reads; they do no arithmetic. Autoescape is on: only
``inline`` output (escaped decree text with emphasis) is marked safe.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from generator import tembolok
from generator.domain.jadwal import BULAN, BULAN_SINGKAT
from generator.pages.text import inline, line, plain
from generator.tema import theme_dir

DEFAULT_TEMPLATES = theme_dir() / "zi"  # the checkout's theme/zi, or the copy a non-editable install ships
# Sentences that Python hands on as plain text (chart titles, descriptions and captions, which
# generator.pages.grafik escapes itself): macros of this template, called by ``kalimat``.
KALIMAT = "_kalimat.html"


def environment(templates: Path | None = None, cache: jinja2.BytecodeCache | None = None) -> jinja2.Environment:
    """The page templates' environment; compiled templates kept in ``cache`` (default: ``tembolok.templat()``)."""
    env = jinja2.Environment(
        bytecode_cache=cache or tembolok.templat(),
        loader=jinja2.FileSystemLoader(str(templates or DEFAULT_TEMPLATES)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["inline"] = inline
    env.filters["line"] = line
    env.filters["plain"] = plain
    env.filters["tanggal"] = tanggal
    env.globals["BULAN"] = BULAN
    env.globals["BULAN_SINGKAT"] = BULAN_SINGKAT
    return env


def halaman(env: jinja2.Environment, template: str, konteks: Any) -> str:
    """Render ``template`` with the fields of one frozen dataclass as its names."""
    if not (is_dataclass(konteks) and not isinstance(konteks, type) and konteks.__dataclass_params__.frozen):  # type: ignore[attr-defined]
        raise TypeError(f"{template}: context must be a frozen dataclass, not {type(konteks).__name__}")
    return env.get_template(template).render({f.name: getattr(konteks, f.name) for f in fields(konteks)})


def kalimat(env: jinja2.Environment, macro: str, **values: Any) -> str:
    """One sentence from a macro of ``_kalimat.html``, as plain text (the caller escapes it)."""
    out = getattr(env.get_template(KALIMAT).module, macro)(**values)
    return Markup(out).unescape()


def tanggal(value) -> str:
    """A date the Indonesian way: 31 Januari 2024."""
    return f"{value.day} {BULAN[value.month - 1]} {value.year}"

"""Jinja2 environment for the page templates in ``theme/zi/``.

Templates receive plain data (dicts, strings, numbers) and finished values;
they do no arithmetic. Autoescape is on: only ``inline`` output (escaped
decree text with emphasis) is marked safe.
"""

from __future__ import annotations

from pathlib import Path

import jinja2

from generator.domain.jadwal import BULAN, BULAN_SINGKAT
from generator.pages.text import inline, line, plain

DEFAULT_TEMPLATES = Path(__file__).resolve().parents[2] / "theme" / "zi"


def environment(templates: Path | None = None) -> jinja2.Environment:
    env = jinja2.Environment(
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


def tanggal(value) -> str:
    """A date the Indonesian way: 31 Januari 2024."""
    return f"{value.day} {BULAN[value.month - 1]} {value.year}"

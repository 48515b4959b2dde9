"""Infographics as static inline SVG: no chart JavaScript, no third party.

Every chart:

- is drawn twice, wide and narrow (see :mod:`generator.pages.skala`); CSS shows one, so assistive
  technology meets one drawing;
- is an ``<svg role="img">`` whose ``aria-labelledby`` points at its own
  ``<title>`` and ``<desc>``;
- sits in a ``<figure>`` whose ``<figcaption>`` says the point in words;
- has every value written next to its bar, so colour never carries meaning
  alone; a stacked bar tells its parts apart by fill pattern (solid, hatched,
  outline) and a legend, not by hue;
- takes colours from CSS (``grafik.css``): the theme's in normal modes,
  ``CanvasText``/``Highlight`` in forced-colors mode; nothing moves.

The page shows the same numbers in an HTML table right after the chart.
The geometry is computed in :mod:`generator.pages.skala`; the markup is the
Jinja2 macros of ``theme/zi/_grafik.html`` (autoescaped); this module joins
them. Ids are derived from a ``kunci`` unique on the page.

Time runs one way on every page: newest first, in the charts as in the tables beneath them (issue 12).
A visitor's first question is "how is it now", and the table under a chart then reads row for row in the
chart's order; the recap kinds (generator/jenis) hand the bars over in that order.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from generator.pages import skala
from generator.pages.render import DEFAULT_TEMPLATES
from generator.pages.skala import POLA, Batang, Garis, Number, Tumpukan

__all__ = ["POLA", "Batang", "Garis", "Number", "Tumpukan", "grafik_batang", "grafik_bertumpuk", "macros"]

TEMPLATE = "_grafik.html"


@functools.cache
def _environment(templates: Path) -> jinja2.Environment:
    # The same settings as generator.pages.render.environment(); the macros do not depend on
    # trim_blocks/lstrip_blocks (tests/pages/test_grafik_golden.py checks it).
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )


def macros(env: jinja2.Environment | None = None) -> Any:
    """The chart macros (``batang``, ``bertumpuk``) from ``env``, or from the default templates folder."""
    return (env or _environment(DEFAULT_TEMPLATES)).get_template(TEMPLATE).module


def grafik_batang(
    kunci: str,
    judul: str,
    deskripsi: str,
    batang: Sequence[Batang],
    maks: Number,
    ringkasan: str,
    garis: Sequence[Garis] = (),
    *,
    env: jinja2.Environment | None = None,
) -> Markup:
    """Horizontal bars, one row per item: its label above, the bar and its value below."""
    return Markup(macros(env).batang(skala.grafik_batang(kunci, judul, deskripsi, batang, maks, ringkasan, garis)))


def grafik_bertumpuk(
    kunci: str,
    judul: str,
    deskripsi: str,
    seri: Sequence[str],
    tumpukan: Sequence[Tumpukan],
    maks: int,
    ringkasan: str,
    *,
    env: jinja2.Environment | None = None,
) -> Markup:
    """Stacked horizontal bars with a legend; parts differ by pattern, and the counts are written out."""
    return Markup(
        macros(env).bertumpuk(skala.grafik_bertumpuk(kunci, judul, deskripsi, seri, tumpukan, maks, ringkasan))
    )

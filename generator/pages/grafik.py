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

import contextlib
import contextvars
import functools
import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from generator import tembolok
from generator.pages import skala
from generator.pages.render import DEFAULT_TEMPLATES
from generator.pages.skala import POLA, Batang, Garis, Number, Tumpukan

__all__ = [
    "POLA",
    "Batang",
    "DataGrafik",
    "Garis",
    "Number",
    "Tumpukan",
    "catat",
    "grafik_batang",
    "grafik_bertumpuk",
    "kunci_gambar",
    "macros",
]

TEMPLATE = "_grafik.html"


@dataclass(frozen=True)
class DataGrafik:
    """The figures one chart draws, as its download table (``Unduh data (CSV)``): finished strings.

    Only what the chart itself shows: a value it leaves out (a hidden small cell, a month not
    reported) is empty here too, so the download never says more than the page.
    """

    kolom: tuple[str, ...]  # snake_case column names
    baris: tuple[tuple[str, ...], ...]


_catatan: contextvars.ContextVar[dict[str, DataGrafik] | None] = contextvars.ContextVar("zi_grafik", default=None)


@contextlib.contextmanager
def catat() -> Iterator[dict[str, DataGrafik]]:
    """Collect the figures of every chart drawn inside the block, keyed by :func:`kunci_gambar` of its markup.

    The content stage uses it around page building to write each chart's CSV (generator/stage/kartu.py).
    """
    found: dict[str, DataGrafik] = {}
    token = _catatan.set(found)
    try:
        yield found
    finally:
        _catatan.reset(token)


def kunci_gambar(svg: str) -> str:
    """A key for a chart's drawing: the hash of its marks (after ``</desc>``), the same before and after the
    "Data contoh" marking of its title (generator/pages/contoh.py). Equal drawings show equal figures."""
    return hashlib.sha256(svg.partition("</desc>")[2].partition("</svg>")[0].encode("utf-8")).hexdigest()


def _dicatat(markup: Markup, data: DataGrafik) -> Markup:
    found = _catatan.get()
    if found is not None:
        found[kunci_gambar(str(markup))] = data
    return markup


def _angka(value: Number | None) -> str:
    """A bar's length as a plain number for a spreadsheet (dot decimal, at most 4 places); "" for no value."""
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    text = f"{float(value):.4f}".rstrip("0").rstrip(".")
    return text if text != "-0" else "0"


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
        bytecode_cache=tembolok.templat(),  # the page environment's settings, so its cache too
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
    markup = Markup(macros(env).batang(skala.grafik_batang(kunci, judul, deskripsi, batang, maks, ringkasan, garis)))
    data = DataGrafik(("label", "nilai", "teks"), tuple((b.label, _angka(b.nilai), b.teks) for b in batang))
    return _dicatat(markup, data)


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
    markup = Markup(
        macros(env).bertumpuk(skala.grafik_bertumpuk(kunci, judul, deskripsi, seri, tumpukan, maks, ringkasan))
    )
    ujung = any(t.ujung for t in tumpukan)  # the text written after a bar instead of its total
    kolom = ("label", *(_snake(s) for s in seri), "jumlah", *(("teks",) if ujung else ()))
    rows = tuple(
        (t.label, *(str(n) for n in t.bagian), str(sum(t.bagian)), *((t.ujung,) if ujung else ())) for t in tumpukan
    )
    return _dicatat(markup, DataGrafik(kolom, rows))


def _snake(name: str) -> str:
    """A series name as a column name: "Sedang diproses" -> "sedang_diproses"."""
    words = "".join(c if c.isalnum() else " " for c in name.lower()).split()
    return "_".join(words) or "nilai"

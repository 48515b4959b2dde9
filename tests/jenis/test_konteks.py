"""Recap templates get finished, typed values: frozen dataclasses all the way down, no dict, list or model."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from fractions import Fraction

import pytest
from markupsafe import Markup

from generator import jenis
from generator.load import load_site
from generator.pages.rekap import Sel, alat, info_view
from generator.pages.render import environment
from tests.conftest import DATA

SITES = {name: load_site(path) for name, path in DATA.items()}
CASES = [
    (name, y.tahun, k)
    for name, s in SITES.items()
    for y in s.tahunan.values()
    for k in jenis.daftar()
    if y.rekap_jenis(k.jenis) is not None
]


def _walk(value, path="konteks"):
    """Every value inside a context, with where it sits; fails on a mutable or untyped container."""
    if dataclasses.is_dataclass(value):
        assert type(value).__dataclass_params__.frozen, f"{path}: {type(value).__name__} is not frozen"
        for f in dataclasses.fields(value):
            yield from _walk(getattr(value, f.name), f"{path}.{f.name}")
    elif isinstance(value, tuple):
        for i, v in enumerate(value):
            yield from _walk(v, f"{path}[{i}]")
    else:
        assert isinstance(value, (str, int, bool, Decimal, Fraction, Markup, type(None))), (
            f"{path}: {type(value).__name__} handed to a template"
        )
        yield path, value


@pytest.mark.parametrize(("name", "tahun", "kind"), CASES, ids=lambda x: getattr(x, "jenis", str(x)))
def test_each_recap_page_context_is_frozen_and_typed(name, tahun, kind):
    site = SITES[name]
    y = site.tahun(tahun)
    facts = y.rekap_jenis(kind.jenis)
    env = environment()
    context = kind.halaman(facts, y.kesegaran.get(kind.jenis), alat(env, site.satker.privasi.ambang_sel_kecil, False))
    values = list(_walk(context))
    assert values
    info = info_view(facts, y.kesegaran.get(kind.jenis), env)
    list(_walk(info))
    assert isinstance(info.angka, Markup) and info.angka.strip()  # the home page's phrase, from the template


def test_a_published_cell_is_a_frozen_value():
    assert dataclasses.fields(Sel) and Sel.__dataclass_params__.frozen

"""Templates of the home, plan, area, documents and content pieces get typed, frozen values only.

Every context handed to one of these templates is recorded while both example sites are built, then
walked: each value must be a frozen dataclass, a tuple, a string (Markup included), a number, a date or
None, all the way down. A dict, a list, a pydantic model or a non-frozen dataclass anywhere fails.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from fractions import Fraction
from typing import Any

import jinja2
import pytest

from generator.load import load_site
from generator.pages import build_pages
from generator.pages.content import expand
from generator.pages.render import environment, halaman
from tests.conftest import DATA

# The templates this check covers (the recap pages build their contexts elsewhere: generator.pages.rekap).
TEMPLATES = {
    "home.md",
    "plan.md",
    "area.md",
    "dokumen.md",
    "_kanal.md",
    "_kontak.md",
    "_kontak_kanal.md",
    "_area_perubahan.md",
}
LEAVES = (str, int, float, Fraction, dt.date, type(None))  # bool is an int; Markup is a str
PLACEHOLDERS = "<!-- zi:kanal-pengaduan -->\n\n<!-- zi:kontak -->\n\n<!-- zi:area-perubahan -->\n"


def problems(value: Any, where: str) -> Iterator[str]:
    """Every place below ``value`` that is not typed and frozen."""
    if isinstance(value, LEAVES):
        return
    if isinstance(value, tuple):
        for i, v in enumerate(value):
            yield from problems(v, f"{where}[{i}]")
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        if not value.__dataclass_params__.frozen:
            yield f"{where}: {type(value).__name__} is a dataclass but not frozen"
        for f in dataclasses.fields(value):
            yield from problems(getattr(value, f.name), f"{where}.{f.name}")
    else:
        yield f"{where}: {type(value).__name__}"


def _record(monkeypatch) -> list[tuple[str, dict]]:
    seen: list[tuple[str, dict]] = []
    original = jinja2.Template.render

    def render(self, *args, **kwargs):
        if self.name in TEMPLATES:
            seen.append((self.name, dict(*args, **kwargs)))
        return original(self, *args, **kwargs)

    monkeypatch.setattr(jinja2.Template, "render", render)
    return seen


def _without_contacts(site):
    satker = site.satker.model_copy(update={"kontak": type(site.satker.kontak)(), "alamat": None})
    return dataclasses.replace(site, satker=satker)


def test_every_context_handed_to_a_template_is_typed_and_frozen(monkeypatch):
    seen = _record(monkeypatch)
    for name in sorted(DATA):
        site = load_site(DATA[name])
        env = environment()
        build_pages(site, env=env)
        expand(PLACEHOLDERS, site, env)
        expand("<!-- zi:kontak -->\n", _without_contacts(site), env)
    # Not vacuous: every covered template was rendered at least once, by one site or the other.
    assert {t for t, _ in seen} == TEMPLATES
    found = [p for t, context in seen for key, value in context.items() for p in problems(value, f"{t}: {key}")]
    assert found == []


def test_the_walk_finds_a_dict_a_list_and_a_mutable_dataclass():
    @dataclasses.dataclass
    class Mutable:
        x: int

    @dataclasses.dataclass(frozen=True)
    class Frozen:
        rows: Any

    assert list(problems(Frozen(({"a": 1},)), "c")) == ["c.rows[0]: dict"]
    assert list(problems(Frozen([1]), "c")) == ["c.rows: list"]
    assert list(problems(Frozen(Mutable(1)), "c")) == ["c.rows: Mutable is a dataclass but not frozen"]


def test_halaman_refuses_a_dict_or_a_mutable_context():
    env = environment()

    @dataclasses.dataclass
    class Mutable:
        satker: str

    with pytest.raises(TypeError, match="frozen dataclass"):
        halaman(env, "_kontak_kanal.md", {"singkatan": "KPU"})
    with pytest.raises(TypeError, match="frozen dataclass"):
        halaman(env, "_kontak_kanal.md", Mutable("KPU"))

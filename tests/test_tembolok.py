"""The template cache is a speed-up only: a changed template is never served from it."""

from __future__ import annotations

import jinja2

from generator import tembolok


def _render(folder, cache) -> str:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(folder)), bytecode_cache=cache)
    return env.get_template("halaman.html").render(nama="Wonosari")


def test_same_name_other_source_is_compiled_again(tmp_path, monkeypatch):
    monkeypatch.setenv(tembolok.ENV, str(tmp_path / "tembolok"))
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "halaman.html").write_text("A {{ nama }}", encoding="utf-8")
    (b / "halaman.html").write_text("B {{ nama }}", encoding="utf-8")
    cache = tembolok.templat()
    assert cache is not None
    assert _render(a, cache) == "A Wonosari"
    assert list((tmp_path / "tembolok" / "templat").iterdir()), "nothing was cached"
    assert _render(b, tembolok.templat()) == "B Wonosari"  # same name, fresh folder: B, not A's bytecode
    # One entry per name: a build's fresh temporary theme folder reuses the last build's entry.
    assert len(list((tmp_path / "tembolok" / "templat").iterdir())) == 1
    (a / "halaman.html").write_text("A2 {{ nama }}", encoding="utf-8")
    assert _render(a, tembolok.templat()) == "A2 Wonosari"


def test_unwritable_home_builds_without_cache(tmp_path, monkeypatch):
    blocker = tmp_path / "berkas"
    blocker.write_text("bukan folder", encoding="utf-8")
    monkeypatch.setenv(tembolok.ENV, str(blocker))
    assert tembolok.templat() is None

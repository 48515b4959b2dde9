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


def test_environments_with_other_settings_never_share_compiled_code(tmp_path, monkeypatch):
    # The page templates escape HTML; the Typst templates do not and pass every value through
    # ``teks``. Compiled code differs for the same source, which Jinja2's checksum cannot tell:
    # the Typst environment keeps its own cache, so neither reads the other's code.
    from generator.pages import render
    from generator.stage.pdf import sumber

    monkeypatch.setenv(tembolok.ENV, str(tmp_path / "tembolok"))
    monkeypatch.setattr(sumber.huruf, "karakter", lambda templates: frozenset(range(0x10000)))
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "sama.txt").write_text("{{ nama }}", encoding="utf-8")
    for _ in range(2):  # the second round reads both from their caches
        assert render.environment(tmp_path / "t").get_template("sama.txt").render(nama="<b>") == "&lt;b&gt;"
        assert sumber.environment(tmp_path / "t").get_template("sama.txt").render(nama="<b>") == '#"<b>";'
    assert {p.name for p in (tmp_path / "tembolok").iterdir()} == {"templat", "templat-typst"}

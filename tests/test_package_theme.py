"""A non-editable install carries the theme: setup.py's build step copies theme/ into the package,
and ``generator.tema.theme_dir()`` finds it there, away from any checkout."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_built_package_holds_the_theme_and_finds_it(tmp_path):
    lib = tmp_path / "lib"
    build = subprocess.run(
        [
            sys.executable,
            "setup.py",
            "-q",
            "egg_info",
            "--egg-base",
            str(tmp_path),
            "build_py",
            "--build-lib",
            str(lib),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stderr
    for name in ("zi/home.md", "main.html", "partials/aksesibilitas.html"):
        assert (lib / "generator" / "theme" / name).read_bytes() == (ROOT / "theme" / name).read_bytes(), name
    assert sorted(p.name for p in (lib / "generator" / "schemas").glob("*.json")), "schemas not packaged"
    # Import from the built tree only (not the checkout): the theme comes from the package.
    probe = (
        "from importlib.resources import files; import generator.tema as t; "
        "print(files('generator').joinpath('theme/zi/home.md').is_file()); print(t.theme_dir())"
    )
    env = {**os.environ, "PYTHONPATH": str(lib)}
    shown = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert shown.returncode == 0, shown.stderr
    found, where = shown.stdout.split("\n")[:2]
    assert found == "True"
    assert Path(where) == lib / "generator" / "theme"


def test_a_checkout_uses_its_own_theme():
    from generator.tema import theme_dir

    assert theme_dir() == ROOT / "theme"
    assert (theme_dir() / "zi" / "home.md").is_file()

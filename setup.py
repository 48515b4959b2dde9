"""Packaging hook: ship ``theme/`` inside the package as ``generator/theme``.

Everything else is in pyproject.toml. ``theme/`` stays at the repository root (it is the
``custom_dir`` of mkdocs.yml and staff find it there); a non-editable install gets a copy so
``generator.tema.theme_dir()`` finds the templates without a checkout.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

THEME = Path(__file__).parent / "theme"


class BuildPyWithTheme(build_py):
    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / "generator" / "theme"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(THEME, target)


setup(cmdclass={"build_py": BuildPyWithTheme})

"""Where the theme (templates, partials, CSS, JS) is: installed with the package, or the checkout's ``theme/``."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

# A checkout, or an editable install: the repository's own theme/ next to generator/.
CHECKOUT_THEME = Path(__file__).resolve().parents[1] / "theme"


def theme_dir() -> Path:
    """The theme folder: the copy a non-editable install ships (setup.py), else the checkout's."""
    installed = files("generator").joinpath("theme")
    if installed.is_dir():
        return Path(str(installed))
    return CHECKOUT_THEME

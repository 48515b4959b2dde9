"""Load a data folder (``plans/``) into the typed model, or fail listing every problem."""

from generator.load.folder import load_site

__all__ = ["load_site"]

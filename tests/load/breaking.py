"""Helpers to put one mistake into a data file and read back what the loader says."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import DataError
from generator.load import load_site


def problems(root: Path, content: Path | None = None) -> list[str]:
    """Every problem the loader reports, formatted as staff see it."""
    with pytest.raises(DataError) as exc:
        load_site(root, content_dir=content)
    return [p.format(root) for p in exc.value.problems]


def replace(file: Path, old: str, new: str, nth: int = 1) -> int:
    """Replace the ``nth`` occurrence of ``old``; return its 1-based line."""
    text = file.read_text(encoding="utf-8")
    at = -1
    for _ in range(nth):
        at = text.index(old, at + 1)
    file.write_text(text[:at] + new + text[at + len(old) :], encoding="utf-8")
    return text[:at].count("\n") + 1

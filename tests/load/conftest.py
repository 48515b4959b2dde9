"""Fixtures for the loader tests: a throwaway copy of the real data to break."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import DATA


@pytest.fixture
def plans(tmp_path) -> Path:
    """A copy of the real Gunungkidul data folder, safe to edit."""
    target = tmp_path / "plans"
    shutil.copytree(DATA["gunungkidul"], target)
    return target

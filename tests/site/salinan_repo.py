"""A throwaway copy of the repository's site sources, and a fingerprint of a folder tree."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO


def tree(folder: Path) -> dict[str, str]:
    """Every entry under ``folder`` (files by content, links by target, folders by name)."""
    out = {}
    for p in sorted(folder.rglob("*")):
        rel = p.relative_to(folder).as_posix()
        if p.is_symlink():
            out[rel] = "-> " + os.readlink(p)
        elif p.is_file():
            out[rel] = hashlib.sha256(p.read_bytes()).hexdigest()
        else:
            out[rel] = "/"
    return out


@pytest.fixture
def repo(tmp_path) -> Path:
    """mkdocs.yml, plans/, content/, theme/ and a .git folder, in their own folder under tmp."""
    root = tmp_path / "repo"
    root.mkdir()
    for name in ("plans", "content", "theme"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / ".git").mkdir()
    (root / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (root / ".git" / "config").write_text("[http]\n\textraheader = AUTHORIZATION: basic rahasia\n")
    return root

"""Small declarative edits that put one bad input into a throwaway copy of the example data.

Each edit is data (a frozen dataclass) applied to a case folder laid out as::

    <case>/ws/            the repository copy: mkdocs.yml, content/, theme/, plans/, situs/
    <case>/rumah/         the user's home for the run (HOME points here)
    <case>/luar/          a folder outside the repository (targets of hostile symlinks)

Paths are relative to ``ws/``; ``{ws}``, ``{luar}`` and ``{rumah}`` expand to the absolute
folders. ``apply`` returns the 1-based line the edit landed on, when it has one, so a
case can say where the message must point (``where="2024/pengaduan.yaml:{line}"``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Places:
    root: Path

    @property
    def ws(self) -> Path:
        return self.root / "ws"

    @property
    def luar(self) -> Path:
        return self.root / "luar"

    @property
    def rumah(self) -> Path:
        return self.root / "rumah"

    def expand(self, text: str) -> str:
        return text.replace("{ws}", str(self.ws)).replace("{luar}", str(self.luar)).replace("{rumah}", str(self.rumah))

    def path(self, rel: str) -> Path:
        return Path(self.expand(rel)) if rel.startswith("{") else self.ws / rel


def _line_of(text: str, at: int) -> int:
    return text[:at].count("\n") + 1


@dataclass(frozen=True)
class Replace:
    """Replace the ``nth`` occurrence of ``old`` (or every one, with ``every``); the line of the first."""

    file: str
    old: str
    new: str
    nth: int = 1
    every: bool = False

    def apply(self, p: Places) -> int:
        f = p.path(self.file)
        text = f.read_text(encoding="utf-8")
        at = -1
        for _ in range(self.nth):
            at = text.index(self.old, at + 1)
        line = _line_of(text, at) + self.new[: len(self.new) - len(self.new.lstrip("\n"))].count("\n")
        if self.every:
            text = text.replace(self.old, self.new)
        else:
            text = text[:at] + self.new + text[at + len(self.old) :]
        f.write_text(text, encoding="utf-8")
        return line


@dataclass(frozen=True)
class Append:
    """Add text at the end of a file; the line of its first added line."""

    file: str
    text: str

    def apply(self, p: Places) -> int:
        f = p.path(self.file)
        old = f.read_text(encoding="utf-8")
        if not old.endswith("\n"):
            old += "\n"
        f.write_text(old + self.text, encoding="utf-8")
        return old.count("\n") + 1


@dataclass(frozen=True)
class Write:
    """Write a whole text file (folders made as needed)."""

    file: str
    text: str

    def apply(self, p: Places) -> None:
        f = p.path(self.file)
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text(p.expand(self.text), encoding="utf-8")


@dataclass(frozen=True)
class WriteBytes:
    """Write raw bytes; ``repeat`` times ``data`` (for huge files without a huge table)."""

    file: str
    data: bytes
    repeat: int = 1

    def apply(self, p: Places) -> None:
        f = p.path(self.file)
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_bytes(self.data * self.repeat)


@dataclass(frozen=True)
class Recode:
    """Rewrite a file's bytes: 'crlf' line ends, a UTF-8 'bom', or another encoding ('utf-16', 'cp1252')."""

    file: str
    how: str

    def apply(self, p: Places) -> None:
        f = p.path(self.file)
        text = f.read_text(encoding="utf-8")
        if self.how == "crlf":
            f.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
        elif self.how == "bom":
            f.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
        elif self.how == "cr":
            f.write_bytes(text.replace("\n", "\r").encode("utf-8"))
        else:
            f.write_bytes(text.encode(self.how))


@dataclass(frozen=True)
class Symlink:
    """Make ``link`` a symbolic link to ``target`` (written as given: absolute, relative, or {luar}/...)."""

    link: str
    target: str

    def apply(self, p: Places) -> None:
        f = p.path(self.link)
        f.parent.mkdir(parents=True, exist_ok=True)
        if f.is_symlink() or f.is_file():
            f.unlink()
        os.symlink(p.expand(self.target), f)


@dataclass(frozen=True)
class Remove:
    path: str

    def apply(self, p: Places) -> None:
        f = p.path(self.path)
        if f.is_dir() and not f.is_symlink():
            shutil.rmtree(f)
        else:
            f.unlink()


@dataclass(frozen=True)
class Rename:
    src: str
    dst: str

    def apply(self, p: Places) -> None:
        p.path(self.src).rename(p.path(self.dst))


@dataclass(frozen=True)
class MkDir:
    path: str

    def apply(self, p: Places) -> None:
        p.path(self.path).mkdir(parents=True, exist_ok=True)


@dataclass(frozen=True)
class GitInit:
    """Make the copy a git repository (as a staff clone is)."""

    def apply(self, p: Places) -> None:
        subprocess.run(["git", "init", "-q", str(p.ws)], check=True, capture_output=True)

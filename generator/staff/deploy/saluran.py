"""What the release logic needs from a file-transfer protocol, and nothing more.

SFTP (``sftp.py``) and FTP/FTPS (``ftp.py``) both offer these operations; the release
logic (``ganti_nama.py``, ``langsung.py``) is written once against them. Paths are POSIX
paths as the server shows them to the account. Every failure is raised as ``DeployError``
with an Indonesian message; a missing file is ``None``/``False``, not an error.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol


@dataclass(frozen=True)
class Entri:
    name: str
    is_dir: bool
    size: int


class Saluran(Protocol):
    # Whether `link` can make a server-side hard link (SFTP's hardlink@openssh.com): unchanged
    # files of a new release then cost one request instead of an upload.
    can_link: bool

    def listdir(self, path: str) -> list[Entri] | None:
        """The folder's entries without . and .., or None if it does not exist."""
        ...

    def size(self, path: str) -> int | None: ...

    def mkdir(self, path: str) -> None: ...

    def put(self, local: Path, remote: str) -> None: ...

    def put_bytes(self, data: bytes, remote: str) -> None: ...

    def append_bytes(self, data: bytes, remote: str) -> None: ...

    def get_bytes(self, remote: str) -> bytes | None: ...

    def rename(self, src: str, dst: str) -> None:
        """Rename; ``dst`` must not exist (folders are only renamed to fresh names)."""
        ...

    def replace(self, src: str, dst: str) -> None:
        """Rename a file over an existing file, atomically where the protocol allows."""
        ...

    def link(self, src: str, dst: str) -> bool: ...

    def remove(self, path: str) -> None: ...

    def rmdir(self, path: str) -> None: ...

    def close(self) -> None: ...


def makedirs(s: Saluran, path: str) -> None:
    """Create ``path`` and its missing parents."""
    if path in ("", "/", ".") or s.listdir(path) is not None:
        return
    makedirs(s, posixpath.dirname(path.rstrip("/")))
    s.mkdir(path)


def walk(s: Saluran, root: str) -> dict[str, int]:
    """Every file below ``root`` (relative POSIX path -> size); folders are recursed."""
    found: dict[str, int] = {}
    pending = [""]
    while pending:
        rel = pending.pop()
        entries = s.listdir(posixpath.join(root, rel) if rel else root) or []
        for e in entries:
            child = f"{rel}/{e.name}" if rel else e.name
            if e.is_dir:
                pending.append(child)
            else:
                found[child] = e.size
    return found


def rmtree(s: Saluran, root: str) -> None:
    """Delete a folder and everything in it, deepest first."""
    entries = s.listdir(root)
    if entries is None:
        return
    for e in entries:
        child = posixpath.join(root, e.name)
        if e.is_dir:
            rmtree(s, child)
        else:
            s.remove(child)
    s.rmdir(root)

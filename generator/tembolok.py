"""Where a build keeps what it can make again: compiled templates (and, in ``stage.kartu``, cards).

Everything kept here is checked against its source before use, so a stale entry costs a
recompile, never a wrong page. ``ZI_TEMBOLOK`` moves the folder (the tests point it at a
temporary one); without it, ``$XDG_CACHE_HOME/laman-zi`` or ``~/.cache/laman-zi``.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import jinja2

ENV = "ZI_TEMBOLOK"


def folder(nama: str) -> Path:
    base = os.environ.get(ENV) or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "laman-zi"
    return Path(base) / nama


class _ByName(jinja2.FileSystemBytecodeCache):
    """Jinja2's bytecode cache keyed by template name only.

    Jinja2 keys by name and file path, but a build renders from a fresh temporary copy of the
    theme, so the path never repeats. The source checksum Jinja2 stores with each entry still
    decides whether the entry is used, so two templates of the same name only evict each other.
    """

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        return hashlib.sha1(name.encode("utf-8")).hexdigest()


def templat(nama: str = "templat") -> jinja2.BytecodeCache | None:
    """A bytecode cache for Jinja2 environments (about 0.03 s saved per template), or None
    when the folder cannot be made (a read-only home): then templates are compiled as before.

    Compiled code depends on the environment's settings (autoescape, finalize), which the
    source checksum does not see: an environment with other settings uses its own ``nama``.
    """
    path = folder(nama)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return _ByName(str(path))

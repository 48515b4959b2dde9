"""The last good copy of each unit's ringkasan.json, with the date it was read.

One JSON file per unit address (named by its SHA-256), written whole or not at all. A unit that
cannot be read today is shown from here, marked with that date. A broken cache file is ignored
(read again next time), never an error: the cache only ever adds information.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import tempfile
from pathlib import Path

from pydantic import ValidationError

from generator.ringkasan import Ringkasan

CACHE_ENV = "ZI_ROLLUP_CACHE"  # default folder: $XDG_CACHE_HOME/laman-zi/rollup (~/.cache/laman-zi/rollup)


def folder_bawaan() -> Path:
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "laman-zi" / "rollup"


class Cache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _berkas(self, sumber: str) -> Path:
        return self.folder / f"{hashlib.sha256(sumber.encode()).hexdigest()[:32]}.json"

    def simpan(self, sumber: str, ringkasan: Ringkasan, dibaca: dt.date) -> bool:
        """Keep this good copy; False when the cache folder cannot be written (the roll-up goes on)."""
        text = json.dumps(
            {"sumber": sumber, "dibaca": dibaca.isoformat(), "ringkasan": ringkasan.model_dump(mode="json")},
            ensure_ascii=False,
        )
        try:
            _tulis(self._berkas(sumber), text)
        except OSError:
            return False
        return True

    def ambil(self, sumber: str) -> tuple[Ringkasan, dt.date] | None:
        """The last good copy and the date it was read, if any."""
        with contextlib.suppress(OSError, ValueError, KeyError, TypeError, ValidationError):
            data = json.loads(self._berkas(sumber).read_text(encoding="utf-8"))
            if data["sumber"] == sumber:
                return Ringkasan.model_validate(data["ringkasan"]), dt.date.fromisoformat(data["dibaca"])
        return None


def _tulis(path: Path, text: str) -> None:
    """Whole or not at all (a temporary file renamed into place), without ``fsync``.

    A cache needs no durability (a lost copy is read again next run), and an fsync per unit cost
    about 5 s for 552 units on a loaded 2-core machine; ``berkas_atomik`` is for staff files.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise

"""Precompressed copies, ``<file>.gz`` and ``<file>.br``, next to every text file of the site (issue 15).

The last finishing step: it copies the final bytes. A server set up as the README's "Kinerja" section
says (nginx ``gzip_static`` / ``brotli_static``, Apache ``mod_rewrite``) sends these instead of
compressing every answer again, at the strongest level, with no CPU cost per visit.

- gzip at level 9 (``gzip.compress(mtime=0)``: no time stamp and no file name in the header, so the
  same file gives the same bytes; https://docs.python.org/3/library/gzip.html#gzip.compress);
- brotli with the text mode hint, by Google's ``brotli`` package (PyPI ``brotli``, the bindings of the
  reference library, https://github.com/google/brotli), deterministic by design: quality 11 for
  content-hashed files (the combined CSS/JS, the theme's assets: the largest, loaded by every page, and
  the same bytes from build to build, so kept in the build cache ``generator.tembolok`` by content), 6 for
  the rest (measured on the example site: quality 11 takes 17 s for its 3 MB of text on this machine
  class, 6 takes 0.3 s and is 7 % larger; gzip 9 is 19 % larger than brotli 11).

Only text files (by suffix) of at least ``MIN_SIZE`` bytes, and a copy only when it is smaller than
the file: a compressed answer of a tiny file costs more in headers than it saves. A copy the engine
wrote itself stays (the engines write a fresh site folder, so it is never stale). Images, PDFs,
fonts, zips and spreadsheets are compressed formats already and get no copy.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import re
from pathlib import Path

import brotli

from generator import tembolok
from generator.berkas_atomik import write_bytes_atomic

# Text formats of the site, by suffix (lower case).
TEXT_SUFFIXES = frozenset(
    {
        ".html",
        ".css",
        ".js",
        ".mjs",
        ".json",
        ".xml",
        ".svg",
        ".txt",
        ".csv",
        ".webmanifest",
        ".atom",
        ".ics",
    }
)  # not .map: source maps are fetched only by developer tools
HASHED = re.compile(r"[.-][0-9a-f]{8,}(?:\.min)?\.[a-z0-9]+$")  # main.57a0d79d.min.css, zi.2553c2ef.css
MIN_SIZE = 256  # bytes; below this the headers outweigh any saving (nginx's gzip_min_length is 20)
COPIES = (".gz", ".br")


def gzip_bytes(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9, mtime=0)


def brotli_bytes(data: bytes, quality: int = 11) -> bytes:
    return brotli.compress(data, mode=brotli.MODE_TEXT, quality=quality)


def _kept(data: bytes, suffix: str) -> bytes:
    """The strongest copy of a content-hashed file, from the build cache when an earlier build made it."""
    key = f"{hashlib.sha256(data).hexdigest()}{suffix}"
    cached = tembolok.folder("padat") / key
    try:
        return cached.read_bytes()
    except OSError:
        pass
    packed = gzip_bytes(data) if suffix == ".gz" else brotli_bytes(data, 11)
    with contextlib.suppress(OSError):  # a read-only cache costs time, never a wrong file
        write_bytes_atomic(cached, packed, durable=False)
    return packed


def padatkan(site_dir: Path) -> None:
    """Write ``.gz`` and ``.br`` next to every text file of ``site_dir`` that they make smaller."""
    for path in sorted(site_dir.rglob("*")):
        if not path.is_file() or path.is_symlink() or path.suffix.lower() not in TEXT_SUFFIXES:
            continue
        data = path.read_bytes()
        hashed = bool(HASHED.search(path.name))
        for suffix in COPIES:
            copy = path.with_name(path.name + suffix)
            if copy.exists():
                continue  # the engine's own: MkDocs' sitemap.xml.gz carries the data's date (test_determinism)
            if len(data) < MIN_SIZE:
                packed = b""
            elif hashed:
                packed = _kept(data, suffix)
            else:
                packed = gzip_bytes(data) if suffix == ".gz" else brotli_bytes(data, 6)
            if packed and len(packed) < len(data):
                copy.write_bytes(packed)

"""Finishing ("rampung"): steps over a built site folder, the same for every engine.

The engine adapters (``generator.engines``) turn a staged tree into HTML; these steps then work on
the written files only, so they need no MkDocs plugin hook and run unchanged under Zensical
(Material for MkDocs reaches end of life on 2027-05-05; Zensical runs no MkDocs plugins).

Order matters and is fixed by ``LANGKAH``: steps that rewrite pages come before the search index
(which reads the final HTML), and compression comes last (it copies the final bytes).
Every step is deterministic: the same site gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from generator.rampung import aset, cari, padat

# Each step takes the site folder and changes it in place.
LANGKAH: tuple[Callable[[Path], None], ...] = (
    aset.gabungkan,  # one hashed, minified stylesheet and script per page
    cari.indeks,  # the search index reads the final pages
    padat.padatkan,  # last: .gz and .br copies of the final text files
)


def selesaikan(site_dir: Path, padatkan: bool = True) -> None:
    """Run every finishing step over ``site_dir``, in order.

    ``padatkan=False`` leaves out the compressed copies: a preview (``mkdocs serve``) is never served
    from them, and they are the slowest step.
    """
    for langkah in LANGKAH:
        if padatkan or langkah is not padat.padatkan:
            langkah(site_dir)

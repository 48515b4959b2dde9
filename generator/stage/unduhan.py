"""Files made from the data before the pages: the pages link them with their type and size.

Each maker takes the loaded ``Site`` and returns site path -> bytes (paths from
``generator.pages.alamat``). ``prepare`` calls :func:`buat` first, hands the sizes to
``build_pages`` ("Unduh Keputusan (PDF, 240 KB)") and puts the bytes into ``Prepared.berkas``.
"""

from __future__ import annotations

from collections.abc import Callable

from generator import terbuka
from generator.site import Site
from generator.stage import pdf

Pembuat = Callable[[Site, str | None], dict[str, bytes]]  # (site, site_url) -> files

# The makers, in order; a later maker may not overwrite an earlier one's file.
PEMBUAT: tuple[Pembuat, ...] = (pdf.buat, terbuka.buat, terbuka.buat_ringkasan)


def buat(site: Site, site_url: str | None) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for pembuat in PEMBUAT:
        for path, data in pembuat(site, site_url).items():
            if path in files:
                raise ValueError(f"{path} dibuat dua kali")  # a bug in the makers, not in the data
            files[path] = data
    return dict(sorted(files.items()))

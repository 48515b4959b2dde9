"""The registry of recap kinds: one module per kind, ordered once, here.

Load (which files a year folder may hold, their model and facts), rules
(period kinds, publication rule), pages (template and context), navigation,
``zi new-year`` (the empty file) and downloads (table columns) all iterate
``daftar()``; none of them names a kind. Adding a kind: one module declaring a
``JenisRekap`` (see ``gratifikasi.py``), one template in ``theme/zi/``, and its
place in ``_BAWAAN`` below.

Layering: this package imports the model, the domain and the rules, never
``generator.pages`` (the page layer hands its tools in as ``Alat``), so
``generator.load`` can read the registry without importing the page layer.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from generator.jenis import benturan_kepentingan, gratifikasi, pengaduan, survei, wbs
from generator.jenis.base import Alat, JenisRekap, Kerangka, Kolom

# The order of the recap pages, their navigation entries, the home page's table and the new-year files.
_BAWAAN: tuple[JenisRekap, ...] = (
    gratifikasi.JENIS,
    pengaduan.JENIS,
    wbs.JENIS,
    benturan_kepentingan.JENIS,
    survei.JENIS,
)
_daftar: list[JenisRekap] = list(_BAWAAN)


def daftar() -> tuple[JenisRekap, ...]:
    """Every registered kind, in page order."""
    return tuple(_daftar)


def cari(jenis: str) -> JenisRekap | None:
    return next((k for k in _daftar if k.jenis == jenis), None)


def daftarkan(kind: JenisRekap) -> None:
    """Add a kind after the others (a kind from outside the package, e.g. a test fixture)."""
    if cari(kind.jenis) is not None:
        raise ValueError(f"recap kind {kind.jenis!r} is registered already")
    _daftar.append(kind)


def hapus(jenis: str) -> None:
    _daftar[:] = [k for k in _daftar if k.jenis != jenis]


@contextmanager
def sementara(kind: JenisRekap) -> Iterator[JenisRekap]:
    """Register ``kind`` for the duration of a ``with`` block."""
    daftarkan(kind)
    try:
        yield kind
    finally:
        hapus(kind.jenis)


__all__ = ["Alat", "JenisRekap", "Kerangka", "Kolom", "cari", "daftar", "daftarkan", "hapus", "sementara"]

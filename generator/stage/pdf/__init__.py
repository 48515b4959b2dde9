"""The Keputusan of each year's plan as a tagged PDF (PDF/UA-1), generated from the YAML (issue 13, item 1).

The decree in its parts and order (SALINAN, kop, KEPUTUSAN ... NOMOR ... TENTANG, jabatan, Menimbang,
Mengingat, MEMUTUSKAN/Menetapkan, diktum, Ditetapkan di / pada tanggal, jabatan, ttd., name,
"Salinan sesuai dengan aslinya"), then the lampiran on landscape pages, one table per area with its
header row repeated on every page. A note on the first page says it is a rendering of the data and
where the signed original is.

Engine: Typst (the ``typst`` wheel; no system library), chosen by measurement over WeasyPrint
(tests/benchmarks/pdf_mesin.py, README "Keputusan PDF"): Typst keeps each area's table ONE ``Table``
structure element with ``TH`` header cells across page breaks; WeasyPrint 70 splits it per page.
Only the font in ``theme/zi/kartu/`` is used (system fonts ignored), the document date is the data's
date, so the same data gives the same bytes. A compiled PDF is cached by the hash of its Typst
source, the font files and the engine version (the test suite builds many sites).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import os
from importlib import metadata
from pathlib import Path

import typst

from generator import tembolok
from generator.berkas_atomik import write_bytes_atomic
from generator.pages import alamat
from generator.site import Site
from generator.stage import huruf
from generator.stage.pdf import konteks, sumber
from generator.tema import theme_dir

TEMPLATE = "pdf/keputusan.typ"  # under theme/zi/
CACHE_ENV = "ZI_PDF_CACHE"  # folder of compiled PDFs; default $XDG_CACHE_HOME/laman-zi/pdf
ENGINE = f"typst {metadata.version('typst')}"


def cache_dir() -> Path:
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    return tembolok.folder("pdf")


@functools.cache
def _huruf(folder: Path) -> typst.Fonts:
    """Only the shipped font: not the machine's fonts, nor those built into the wheel (slow to load)."""
    return typst.Fonts(include_system_fonts=False, include_embedded_fonts=False, font_paths=[str(folder)])


def sumber_typst(site: Site, tahun: int, site_url: str | None, templates: Path | None = None) -> str:
    """The Typst source of the Keputusan of ``tahun`` (for the maker and the benchmark)."""
    templates = templates or theme_dir() / "zi"
    plan = next(p for p in site.plans if p.tahun == tahun)
    k = konteks.konteks(site, plan, site_url)
    env = sumber.environment(templates)
    return env.get_template(TEMPLATE).render({f: getattr(k, f) for f in k.__dataclass_fields__})


def susun(source: str, tanggal: dt.date, templates: Path | None = None, cache: Path | None = None) -> bytes:
    """Compile Typst ``source`` to PDF/UA-1 with only the shipped font; cached by content hash."""
    fonts = huruf.berkas(templates or theme_dir() / "zi")
    key = hashlib.sha256(f"{ENGINE}\nua-1\n{tanggal.isoformat()}\n".encode())
    for f in fonts:
        key.update(hashlib.sha256(f.read_bytes()).digest())
    key.update(source.encode("utf-8"))
    path = cache / f"{key.hexdigest()}.pdf" if cache else None
    if path is not None and path.is_file():
        with contextlib.suppress(OSError):
            return path.read_bytes()
    stamp = int(dt.datetime(tanggal.year, tanggal.month, tanggal.day, tzinfo=dt.UTC).timestamp())
    data = typst.compile(
        source.encode("utf-8"), font_paths=_huruf(fonts[0].parent), pdf_standards=["ua-1"], timestamp=stamp
    )
    if path is not None:
        with contextlib.suppress(OSError):  # no cache (read-only home): the PDF is still made
            write_bytes_atomic(path, data, durable=False)
    return data


def buat(site: Site, site_url: str | None) -> dict[str, bytes]:
    """The maker for ``generator.stage.unduhan.PEMBUAT``: one PDF per year's plan."""
    cache = cache_dir()
    files = {}
    for plan in site.plans:
        tanggal = site.tanggal_data or plan.rencana.keputusan.tanggal
        files[alamat.pdf_keputusan(plan.tahun)] = susun(sumber_typst(site, plan.tahun, site_url), tanggal, cache=cache)
    return files

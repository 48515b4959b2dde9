"""The "Data Terbuka" page: every open-data file with its format and size, and what each column means.

Built by the stage next to the pages (``generator.stage.prepared``), because it lists the files
this package makes; it carries one schema.org ``Dataset`` (JSON-LD) per table.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import jinja2
from markupsafe import Markup

from generator.pages import alamat
from generator.pages.angka import ukuran
from generator.pages.base import Page
from generator.pages.contoh import tandai_halaman
from generator.pages.jsonld import skrip
from generator.pages.render import halaman
from generator.site import Site
from generator.terbuka import dataset, katalog

PATH = alamat.DATA_TERBUKA.removesuffix("/") + ".md"
JUDUL = "Data Terbuka"
_NAIK = "../"  # the page is served one folder deep (data-terbuka/)


@dataclass(frozen=True, slots=True)
class Unduhan:
    format: str  # "CSV"
    url: str
    ukuran: str  # "4 KB"


@dataclass(frozen=True, slots=True)
class KolomData:
    nama: str
    tipe: str
    keterangan: str


@dataclass(frozen=True, slots=True)
class Tabel:
    id: str
    judul: str
    keterangan: str
    tahun: int
    contoh: bool
    berkas: tuple[Unduhan, ...]
    kolom: tuple[KolomData, ...]


@dataclass(frozen=True, slots=True)
class Katalog:
    kunci: str  # which file: theme/zi/data-terbuka.md names and describes it
    berkas: Unduhan


@dataclass(frozen=True, slots=True)
class DataTerbuka:
    satker: str
    tabel: tuple[Tabel, ...]
    katalog: tuple[Katalog, ...]
    jsonld: Markup


TIPE = {
    "string": "teks",
    "integer": "bilangan bulat",
    "number": "bilangan desimal",
    "boolean": "true/false",
    "date": "tanggal",
}


def _unduhan(path: str, fmt: str, unduhan: Mapping[str, int]) -> Unduhan | None:
    n = unduhan.get(path)
    return None if n is None else Unduhan(fmt, _NAIK + path, ukuran(n))


def build(site: Site, env: jinja2.Environment, unduhan: Mapping[str, int], site_url: str | None) -> Page:
    tables = []
    for d in dataset.daftar(site):
        files = tuple(
            u for fmt in ("csv", "json") for u in [_unduhan(katalog.berkas(d, fmt), fmt.upper(), unduhan)] if u
        )
        tables.append(
            Tabel(
                d.nama,
                d.judul,
                d.keterangan,
                d.tahun,
                d.contoh,
                files,
                tuple(KolomData(k.nama, TIPE[k.tipe], k.keterangan) for k in d.kolom),
            )
        )
    catalogue = [  # (key the template names and describes, path, format)
        ("xlsx", katalog.xlsx_rencana(), "XLSX"),
        ("datapackage", alamat.DATAPACKAGE, "JSON"),
        ("data_json", alamat.DATA_JSON, "JSON"),
        ("ringkasan", alamat.RINGKASAN, "JSON"),
        ("skema", alamat.RINGKASAN_SKEMA, "JSON"),
    ]
    konteks = DataTerbuka(
        satker=site.satker.singkatan,
        tabel=tuple(tables),
        katalog=tuple(Katalog(kunci, u) for kunci, path, fmt in catalogue for u in [_unduhan(path, fmt, unduhan)] if u),
        jsonld=skrip(jsonld_dataset(site, unduhan, site_url)),
    )
    s = site.satker
    page = Page(PATH, JUDUL, halaman(env, "data-terbuka.md", konteks))
    # the meta description of a page with example figures, as build_pages marks the others
    return tandai_halaman(page, s.singkatan, f"Rencana aksi dan capaian pembangunan Zona Integritas {s.nama}.")


def jsonld_dataset(site: Site, unduhan: Mapping[str, int], site_url: str | None) -> list[dict]:
    """One schema.org ``Dataset`` per table, with its CSV and JSON as ``DataDownload``s."""
    base = site_url or ""
    out = []
    for d in dataset.daftar(site):
        out.append(
            {
                "@context": "https://schema.org",
                "@type": "Dataset",
                "name": d.judul,
                "description": d.keterangan,
                "inLanguage": "id",
                "license": katalog.LISENSI["path"],
                "temporalCoverage": str(d.tahun),
                "creator": {"@type": "GovernmentOrganization", "name": site.satker.nama},
                "variableMeasured": [k.nama for k in d.kolom],
                "distribution": [
                    {
                        "@type": "DataDownload",
                        "encodingFormat": katalog.MEDIA[fmt],
                        "contentUrl": base + katalog.berkas(d, fmt) if base else _NAIK + katalog.berkas(d, fmt),
                        "contentSize": f"{unduhan[katalog.berkas(d, fmt)]} B",
                    }
                    for fmt in ("csv", "json")
                    if katalog.berkas(d, fmt) in unduhan
                ],
            }
        )
    return out

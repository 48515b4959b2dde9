"""The catalogues of the open data: a Frictionless Data Package and a DCAT-US / Project Open Data 1.1 ``data.json``.

Both list every file the maker writes (``generator.terbuka.buat``) with the same titles and
descriptions as the Data Terbuka page; neither reads the clock (dates are the data's).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json

from generator.pages import alamat
from generator.site import Site
from generator.terbuka.dataset import Dataset

# "Isi situs ini dapat digunakan ulang dengan menyebut sumbernya" (the site's footer): CC BY 4.0.
LISENSI = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0",
}

MEDIA = {
    "csv": "text/csv",
    "json": "application/json",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

_KENDALA = {"integer": {"minimum": 0}}


def berkas(d: Dataset, fmt: str) -> str:
    """Site path of a dataset's file."""
    return f"{alamat.DATA}/{d.nama}.{fmt}"


def xlsx_rencana() -> str:
    return f"{alamat.DATA}/rencana-aksi.xlsx"


def _field(k) -> dict:
    f = {"name": k.nama, "title": k.nama.replace("_", " ").capitalize(), "description": k.keterangan, "type": k.tipe}
    constraints = dict(_KENDALA.get(k.tipe, {}))
    if k.nama in ("id", "periode"):
        constraints["required"] = True
    if constraints:
        f["constraints"] = constraints
    return f


def _sumber(site: Site) -> list[dict]:
    return [
        {
            "title": f"Keputusan Nomor {p.rencana.keputusan.nomor} Tahun {p.rencana.keputusan.tahun} tentang "
            f"{p.rencana.keputusan.tentang}",
        }
        for p in reversed(site.plans)
    ] + [{"title": f"Data rekap dan realisasi {site.satker.nama}"}]


def datapackage(site: Site, datasets: list[Dataset], files: dict[str, bytes]) -> bytes:
    """``files``: the data files already made (site path -> bytes), for their size and hash."""
    s = site.satker
    resources = []
    for d in datasets:
        path = berkas(d, "csv")
        data = files[path]
        resources.append(
            {
                "name": d.nama,
                "path": path.removeprefix(f"{alamat.DATA}/"),
                "profile": "tabular-data-resource",
                "title": d.judul,
                "description": d.keterangan
                + f" Berkas JSON dengan baris yang sama: {d.nama}.json (kunci 'baris': satu objek per baris).",
                "format": "csv",
                "mediatype": MEDIA["csv"],
                "encoding": "utf-8",
                "bytes": len(data),
                "hash": "sha256:" + hashlib.sha256(data).hexdigest(),
                "schema": {
                    "fields": [_field(k) for k in d.kolom],
                    **({"primaryKey": ["id"]} if d.kolom[0].nama == "id" else {}),
                },
            }
        )
    tanggal = site.tanggal_data
    doc = {
        "profile": "tabular-data-package",
        "name": "zona-integritas-" + _slug(s.singkatan),
        "title": f"Data terbuka Zona Integritas {s.singkatan}",
        "description": f"Rencana aksi, realisasi, rekap dan hasil survei pembangunan Zona Integritas {s.nama}. "
        "Angka kecil disembunyikan seperti di halaman situs (sel kosong).",
        "licenses": [LISENSI],
        "sources": _sumber(site),
        **({"created": f"{tanggal.isoformat()}T00:00:00Z"} if tanggal else {}),
        "resources": resources,
    }
    return _json(doc)


def _slug(text: str) -> str:
    out = "".join(c if c.isalnum() else "-" for c in text.lower())
    return "-".join(x for x in out.split("-") if x)


def data_json(site: Site, datasets: list[Dataset], site_url: str | None) -> bytes:
    """The DCAT-US / Project Open Data 1.1 catalogue (what CKAN's data.json harvester reads)."""
    s = site.satker
    base = site_url or ""
    modified = (site.tanggal_data or dt.date(2000, 1, 1)).isoformat()
    publisher: dict[str, object] = {"@type": "org:Organization", "name": s.nama}
    if s.induk:
        publisher["subOrganizationOf"] = {"@type": "org:Organization", "name": s.induk}
    contact: dict = {"@type": "vcard:Contact", "fn": s.nama}
    if s.kontak.surel:
        contact["hasEmail"] = f"mailto:{s.kontak.surel}"
    common = {
        "keyword": ["zona integritas", "WBK", "WBBM", "reformasi birokrasi"],
        "modified": modified,
        "publisher": publisher,
        "contactPoint": contact,
        "accessLevel": "public",
        "license": LISENSI["path"],
        "language": ["id"],
        "landingPage": base + alamat.DATA_TERBUKA,
    }
    entries = []
    for d in datasets:
        dist = [
            {
                "@type": "dcat:Distribution",
                "downloadURL": base + berkas(d, fmt),
                "mediaType": MEDIA[fmt],
                "format": fmt.upper(),
                "title": f"{d.judul} ({fmt.upper()})",
                **({"describedBy": base + alamat.DATAPACKAGE, "describedByType": "application/json"}),
            }
            for fmt in ("csv", "json")
        ]
        entries.append(
            {
                "@type": "dcat:Dataset",
                "title": d.judul,
                "description": d.keterangan,
                "identifier": base + berkas(d, "csv").removesuffix(".csv"),
                "temporal": f"{d.tahun}-01-01/{d.tahun}-12-31",
                "distribution": dist,
                **common,
                "keyword": [*common["keyword"], d.jenis.replace("-", " ")],
            }
        )
    if site.plans:
        entries.append(
            {
                "@type": "dcat:Dataset",
                "title": "Rencana aksi (buku kerja)",
                "description": "Seluruh rencana aksi dalam satu buku kerja XLSX, satu lembar per tahun, "
                "disusun seperti lampiran keputusan.",
                "identifier": base + xlsx_rencana().removesuffix(".xlsx"),
                "distribution": [
                    {
                        "@type": "dcat:Distribution",
                        "downloadURL": base + xlsx_rencana(),
                        "mediaType": MEDIA["xlsx"],
                        "format": "XLSX",
                        "title": "Rencana aksi (XLSX)",
                    }
                ],
                **common,
            }
        )
    entries.append(
        {
            "@type": "dcat:Dataset",
            "title": "Ringkasan capaian Zona Integritas",
            "description": "Satu berkas kecil untuk kantor provinsi: capaian per area, angka rekap terbaru, "
            "tanda keterlambatan dan tautan (versi 1, dengan JSON Schema).",
            "identifier": base + alamat.RINGKASAN.removesuffix(".json"),
            "distribution": [
                {
                    "@type": "dcat:Distribution",
                    "downloadURL": base + alamat.RINGKASAN,
                    "mediaType": MEDIA["json"],
                    "format": "JSON",
                    "title": "ringkasan.json",
                    "conformsTo": base + alamat.RINGKASAN_SKEMA,
                    "describedBy": base + alamat.RINGKASAN_SKEMA,
                    "describedByType": "application/schema+json",
                },
                {
                    "@type": "dcat:Distribution",
                    "downloadURL": base + alamat.RINGKASAN_SKEMA,
                    "mediaType": "application/schema+json",
                    "format": "JSON Schema",
                    "title": "JSON Schema ringkasan.json versi 1",
                },
            ],
            **common,
        }
    )
    doc = {
        "@context": "https://project-open-data.cio.gov/v1.1/schema/catalog.jsonld",
        "@id": base + alamat.DATA_JSON,
        "@type": "dcat:Catalog",
        "conformsTo": "https://project-open-data.cio.gov/v1.1/schema",
        "describedBy": "https://project-open-data.cio.gov/v1.1/schema/catalog.json",
        "dataset": entries,
    }
    return _json(doc)


def _json(doc: dict) -> bytes:
    return (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")

"""Open data of a unit site: CSV, JSON and XLSX of every published table, their catalogues, ``ringkasan.json``.

Makers for ``generator.stage.unduhan.PEMBUAT`` (site, site_url) -> {site path: bytes}, and the
"Data Terbuka" page that lists the files (``halaman``). Every number comes from the published
tables (``generator.rules.terbit``, through each recap kind's ``tabel``), so a count hidden on
a page is empty in every file.
"""

from __future__ import annotations

from generator.pages import alamat
from generator.site import Site
from generator.terbuka import dataset, halaman, katalog, ringkasan, tulis


def buat(site: Site, site_url: str | None) -> dict[str, bytes]:
    """Every open-data file: per dataset CSV and JSON, the plan workbook, datapackage.json and data.json."""
    datasets = dataset.daftar(site)
    files: dict[str, bytes] = {}
    for d in datasets:
        files[katalog.berkas(d, "csv")] = tulis.csv_bytes(d)
        files[katalog.berkas(d, "json")] = tulis.json_bytes(d)
    plans = [d for d in datasets if d.jenis == "rencana-aksi"]
    tanggal = site.tanggal_data
    if plans and tanggal:
        titles = {p.tahun: p.rencana.lampiran.kolom for p in site.plans}
        files[katalog.xlsx_rencana()] = tulis.xlsx_bytes(
            [(d, titles[d.tahun], f"Rencana aksi {d.tahun}") for d in plans], tanggal
        )
    files[alamat.DATAPACKAGE] = katalog.datapackage(site, datasets, files)
    files[alamat.DATA_JSON] = katalog.data_json(site, datasets, site_url)
    return files


buat_ringkasan = ringkasan.buat

__all__ = ["buat", "buat_ringkasan", "dataset", "halaman", "katalog", "ringkasan", "tulis"]

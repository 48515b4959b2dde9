"""Open data (issue 13 items 4 and 5): the files read back equal the model, hide what the pages hide, validate.

Reads the two example sites built once per session (``built_sites``); the few checks that need the
files made again call the maker on the loaded site (a second or so, no site build).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import shutil
import zipfile
from decimal import Decimal
from pathlib import Path

import frictionless
import jsonschema
import openpyxl
import pytest

from generator.domain.jadwal import BULAN
from generator.load import load_site
from generator.model.rekap import NAMA_KANAL
from generator.pages import alamat
from generator.pages.angka import persen, ukuran
from generator.pages.jsonld import skrip
from generator.rampung.padat import COPIES
from generator.rules import terbit
from generator.terbuka import buat, dataset, katalog, ringkasan
from tests.conftest import DATA, page_text
from tests.site.suppression_checker import _Tables, baca_sel

SITES = ["gunungkidul", "wonosobo"]
POD = Path(__file__).with_name("pod-1.1-catalog.schema.json")


def _published(folder: Path) -> list[Path]:
    """The files of an open-data folder, without the .gz/.br copies the finishing step writes for servers."""
    return [p for p in folder.iterdir() if not p.name.endswith(COPIES)]


@pytest.fixture(scope="module")
def sites() -> dict:
    return {name: load_site(DATA[name]) for name in SITES}


def _csv(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))


def _sel(v) -> str:
    return "" if v is None else ("true" if v is True else "false" if v is False else str(v))


@pytest.mark.parametrize("name", SITES)
def test_csv_and_json_read_back_equal_the_published_tables(built_sites, sites, name):
    site_dir = built_sites[name]
    tables = dataset.daftar(sites[name])
    kinds = {d.jenis for d in tables}
    present = {r.info.jenis for t in sites[name].tahunan.values() for r in t.rekap}
    assert {"rencana-aksi", "realisasi", "survei-unsur", *present} == kinds and len(present) >= 2
    written = {p.name for p in _published(site_dir / alamat.DATA)}
    assert written == {f"{d.nama}.{f}" for d in tables for f in ("csv", "json")} | {
        "datapackage.json",
        "rencana-aksi.xlsx",
    }
    for d in tables:
        rows = _csv(site_dir / katalog.berkas(d, "csv"))
        assert rows[0] == [k.nama for k in d.kolom]
        assert all(re.fullmatch(r"[a-z][a-z0-9_]*", k) for k in rows[0])  # stable snake_case
        assert rows[1:] == [[_sel(v) for v in b] for b in d.baris], d.nama
        doc = json.loads((site_dir / katalog.berkas(d, "json")).read_text(encoding="utf-8"))
        assert [k["nama"] for k in doc["kolom"]] == rows[0]
        tipe = {k["nama"]: k["tipe"] for k in doc["kolom"]}
        back = [[_sel(r[k]) for k in rows[0]] for r in doc["baris"]]
        assert len(back) == len(rows) - 1
        for b, row in zip(back, rows[1:]):
            for k, x, y in zip(rows[0], b, row):
                # a JSON number is the same decimal as the CSV's ("81.6" and "81.60")
                assert (Decimal(x) == Decimal(y)) if tipe[k] == "number" and y else x == y, (d.nama, k)
    plan = sites[name].latest
    rencana = next(d for d in tables if d.nama == f"rencana-aksi-{plan.tahun}")
    # one row per lampiran row of the model, in the decree's order
    assert [r[0] for r in rencana.baris] == [x.id for a in plan.areas for x in a.aksi]


@pytest.mark.parametrize("name", SITES)
def test_the_workbook_holds_every_plan_row_under_its_area(built_sites, sites, name):
    wb = openpyxl.load_workbook(built_sites[name] / katalog.xlsx_rencana())
    site = sites[name]
    assert wb.sheetnames == [f"Rencana aksi {p.tahun}" for p in reversed(site.plans)]  # plans only: no counts
    for p in site.plans:
        ws = wb[f"Rencana aksi {p.tahun}"]
        rows = list(ws.iter_rows(values_only=True))
        kolom = p.rencana.lampiran.kolom
        assert rows[0][:2] == (kolom.nomor, kolom.kegiatan) and rows[0][-1] == "ID"
        assert ws.freeze_panes == "A2"
        ids = [r[-1] for r in rows[1:] if r[-1]]
        assert ids == [x.id for a in p.areas for x in a.aksi]
        groups = [r[0] for r in rows[1:] if not r[-1]]
        assert groups == [" ".join(x for x in (a.nomor, a.judul) if x) for a in p.areas]
        assert ws.column_dimensions["D"].width > ws.column_dimensions["A"].width


def _tables(site_dir: Path, tahun: int, kind: str) -> dict:
    page = site_dir / str(tahun) / kind / "index.html"
    p = _Tables()
    p.feed(page.read_text(encoding="utf-8") if page.is_file() else "")
    return p.tables


@pytest.mark.parametrize("name", SITES)
def test_a_cell_hidden_on_the_page_is_empty_in_csv_and_json(built_sites, sites, name):
    site_dir = built_sites[name]
    tahun = sites[name].latest.tahun
    hidden = 0
    # pengaduan per channel: the page's table, cell by cell, against the CSV and the JSON
    tables = _tables(site_dir, tahun, "pengaduan")
    if "cap-pengaduan-kanal" in tables:
        t = tables["cap-pengaduan-kanal"]
        by_label = {v: k for k, v in NAMA_KANAL.items()}
        cols = [by_label[c] for c in t["head"][0][1:]]
        rows = {r["periode"]: r for r in csv.DictReader(io.StringIO(_text(site_dir, f"pengaduan-{tahun}.csv")))}
        doc = {r["periode"]: r for r in json.loads(_text(site_dir, f"pengaduan-{tahun}.json"))["baris"]}
        for r in t["body"]:
            if len(r) != len(cols) + 1:
                continue
            periode = f"{tahun}-{BULAN.index(r[0].split()[0]) + 1:02d}"
            for k, text in zip(cols, r[1:]):
                shown = baca_sel(text)
                if shown.nilai is None:
                    hidden += 1
                    assert rows[periode][f"kanal_{k}"] == "" and doc[periode][f"kanal_{k}"] is None, (periode, k)
                else:
                    assert int(rows[periode][f"kanal_{k}"]) == doc[periode][f"kanal_{k}"] == shown.nilai
    # survey answers per unsur: the newest quarter's answer table on the survey page
    survei = _tables(site_dir, tahun, "survei")
    if "cap-jawaban" in survei:
        rows = list(csv.DictReader(io.StringIO(_text(site_dir, f"survei-unsur-{tahun}.csv"))))
        newest = max(r["periode"] for r in rows)
        by_unsur = {r["unsur"]: r for r in rows if r["periode"] == newest}
        for r in survei["cap-jawaban"]["body"]:
            for i, text in enumerate(r[1:5], start=1):
                shown = baca_sel(text)
                cell = by_unsur[r[0]][f"jawaban_{i}"]
                if shown.nilai is None:
                    hidden += 1
                    assert cell == "", (r[0], i)
                else:
                    assert int(cell) == shown.nilai
    assert hidden > 0  # the example pages do hide cells, and this test read them


def _text(site_dir: Path, name: str) -> str:
    return (site_dir / alamat.DATA / name).read_text(encoding="utf-8")


def test_secondary_suppression_reaches_the_files(sites, monkeypatch):
    """The files follow rules/terbit: switched off, secondary suppression no longer empties any cell."""
    site = sites["wonosobo"]
    tahun = site.latest.tahun
    path = f"{alamat.DATA}/survei-unsur-{tahun}.csv"
    with_secondary = buat(site, None)[path]
    monkeypatch.setattr(terbit, "SEKUNDER", False)
    monkeypatch.setattr(dataset, "_terakhir", None)  # the tables are made again, not read from the last build
    without = buat(site, None)[path]
    empty = [r.count(",,") + r.endswith(",") for r in with_secondary.decode().splitlines()]
    empty_without = [r.count(",,") + r.endswith(",") for r in without.decode().splitlines()]
    assert sum(empty) > sum(empty_without)  # the cells only secondary suppression hides


def test_same_data_same_bytes_and_the_workbook_carries_the_data_date(sites):
    site = sites["gunungkidul"]
    first, second = buat(site, None), buat(site, None)
    assert first == second
    xlsx = zipfile.ZipFile(io.BytesIO(first[katalog.xlsx_rencana()]))
    day = site.tanggal_data
    assert {i.date_time[:3] for i in xlsx.infolist()} == {(day.year, day.month, day.day)}
    core = xlsx.read("docProps/core.xml").decode()
    stamp = f"{day.isoformat()}T00:00:00Z"  # the data's date, never the clock (openpyxl stamps "modified")
    assert re.findall(r"<dcterms:(created|modified)[^>]*>([^<]*)<", core) == [("created", stamp), ("modified", stamp)]


def test_frictionless_validates_the_package_and_catches_a_corrupted_csv(built_sites, tmp_path):
    src = built_sites["gunungkidul"] / alamat.DATA
    good = frictionless.validate(str(src / "datapackage.json"))
    assert good.valid, good.flatten(["rowNumber", "fieldName", "type", "note"])
    pkg = json.loads((src / "datapackage.json").read_text(encoding="utf-8"))
    names = {r["name"] for r in pkg["resources"]}
    assert {f"rencana-aksi-{y}" for y in (2024,)} <= names
    for r in pkg["resources"]:
        assert r["licenses"] if "licenses" in r else pkg["licenses"]
        assert all(f["description"] and f["type"] for f in r["schema"]["fields"])
    # a corrupted file: a count replaced by text (sizes and hashes dropped, so the column type is what fails)
    bad = tmp_path / "data"
    shutil.copytree(src, bad)
    for r in pkg["resources"]:
        r.pop("bytes"), r.pop("hash")
    (bad / "datapackage.json").write_text(json.dumps(pkg), encoding="utf-8")
    assert frictionless.validate(str(bad / "datapackage.json")).valid
    csv_path = bad / "wbs-2024.csv"
    lines = csv_path.read_text(encoding="utf-8").splitlines()
    cells = lines[1].split(",")
    cells[1] = "banyak"
    csv_path.write_text("\n".join([lines[0], ",".join(cells), *lines[2:]]) + "\n", encoding="utf-8")
    report = frictionless.validate(str(bad / "datapackage.json"))
    assert not report.valid
    assert "type-error" in {e[0] for e in report.flatten(["type"])}
    # and with the published hashes, a changed byte anywhere is caught
    shutil.copy(src / "datapackage.json", bad / "datapackage.json")
    assert not frictionless.validate(str(bad / "datapackage.json")).valid


def _base(site) -> str:
    """The site's address as its catalogue links start with it ("" when satker.yaml gives none)."""
    url = str(site.satker.alamat_situs or "")
    return url if not url or url.endswith("/") else url + "/"


@pytest.mark.parametrize("name", SITES)
def test_data_json_is_a_project_open_data_catalogue(built_sites, sites, name):
    doc = json.loads((built_sites[name] / alamat.DATA_JSON).read_text(encoding="utf-8"))
    errors = [e.message for e in jsonschema.Draft4Validator(json.loads(POD.read_text())).iter_errors(doc)]
    if sites[name].satker.kontak.surel is None:  # POD requires an e-mail; this unit's data gives none
        assert set(errors) == {"'hasEmail' is a required property"}
    else:
        assert errors == []
    base = _base(sites[name])
    urls = {d["downloadURL"].removeprefix(base) for x in doc["dataset"] for d in x["distribution"]}
    files = {f"{alamat.DATA}/{p.name}" for p in _published(built_sites[name] / alamat.DATA)} - {alamat.DATAPACKAGE}
    assert files | {alamat.RINGKASAN, alamat.RINGKASAN_SKEMA} == urls
    assert all((built_sites[name] / u).is_file() for u in urls)


def test_catalogue_links_are_absolute_when_the_site_knows_its_address(sites):
    made = buat(sites["gunungkidul"], "https://zi.example.go.id/")
    doc = json.loads(made[alamat.DATA_JSON])
    assert all(
        d["downloadURL"].startswith("https://zi.example.go.id/") for x in doc["dataset"] for d in x["distribution"]
    )
    r = ringkasan.model(sites["gunungkidul"], "https://zi.example.go.id/")
    assert r.tautan.skema == "https://zi.example.go.id/" + alamat.RINGKASAN_SKEMA
    assert r.rencana[0].area[0].tautan.startswith("https://zi.example.go.id/2024/")


@pytest.mark.parametrize("name", SITES)
def test_ringkasan_validates_against_its_published_schema_and_equals_the_home_page(built_sites, sites, name):
    site_dir, site = built_sites[name], sites[name]
    doc = json.loads((site_dir / alamat.RINGKASAN).read_text(encoding="utf-8"))
    schema = json.loads((site_dir / alamat.RINGKASAN_SKEMA).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(doc)
    assert doc == ringkasan.model(site, _base(site) or None).model_dump(mode="json")
    assert doc["versi"] == 1 and doc["tanggal_data"] == site.tanggal_data.isoformat()
    home = page_text(site_dir / "index.html")
    newest = doc["rencana"][0]
    c = site.tahun(newest["tahun"]).capaian
    if c:
        assert (newest["selesai"], newest["langkah"]) == (c.total.selesai, c.total.jumlah)
        assert f"{newest['selesai']} dari {newest['langkah']}" in home
        shown = persen(c.total.persen_selesai)  # as the home page prints it: "28,1 %"
        assert shown.replace("\u00a0", " ") in home
        assert f"{newest['persen_selesai']:.1f}".replace(".", ",").removesuffix(",0") + "\u00a0%" == shown
        for a in newest["area"]:
            assert (a["selesai"], a["langkah"]) == (c.per_area[a["kode"]].selesai, c.per_area[a["kode"]].jumlah)
    assert doc["rekap"], "the example sites have recaps"
    for r in doc["rekap"]:
        assert f": {r['angka_terakhir']}" in home, r["angka_terakhir"]  # the home page's own phrase, after its title
        kes = site.tahun(r["tahun"]).kesegaran[r["jenis"]]
        assert r["terlambat"] == kes.terlambat
    for link in (doc["tautan"]["data_terbuka"], doc["tautan"]["katalog"], doc["tautan"]["skema"]):
        assert link.startswith(_base(site))
        target = site_dir / link.removeprefix(_base(site))
        assert target.is_file() or (target / "index.html").is_file(), link


@pytest.mark.parametrize("name", SITES)
def test_data_terbuka_page_lists_every_file_with_format_and_size(built_sites, name):
    site_dir = built_sites[name]
    html = (site_dir / "data-terbuka" / "index.html").read_text(encoding="utf-8")
    text = page_text(site_dir / "data-terbuka" / "index.html")
    for p in _published(site_dir / alamat.DATA):
        assert f'href="../{alamat.DATA}/{p.name}"' in html, p.name
    for d in json.loads((site_dir / alamat.DATAPACKAGE).read_text(encoding="utf-8"))["resources"]:
        assert f"(CSV, {ukuran(d['bytes'])})" in text.replace("\u00a0", " ")
        for f in d["schema"]["fields"]:
            assert f["name"] in text and f["description"] in text
    ld = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(ld) == 1 and {x["@type"] for x in json.loads(ld[0])} == {"Dataset"}
    assert 'href="../data-terbuka/"' in (site_dir / "dokumen" / "index.html").read_text(encoding="utf-8")


def test_plan_page_carries_the_keputusan_as_legislation(built_sites, sites):
    html = (built_sites["gunungkidul"] / "2024" / "index.html").read_text(encoding="utf-8")
    ld = [json.loads(x) for x in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]
    (law,) = [x for x in ld if x["@type"] == "Legislation"]
    k = sites["gunungkidul"].latest.rencana.keputusan
    assert law["legislationIdentifier"] == f"Nomor {k.nomor} Tahun {k.tahun}"
    assert law["legislationDate"] == law["datePublished"] == k.tanggal.isoformat()
    pdf = alamat.pdf_keputusan(2024)
    assert law["encoding"]["contentUrl"] == "../" + pdf  # the PDF this build made, with its size
    assert law["encoding"]["contentSize"] == f"{(built_sites['gunungkidul'] / pdf).stat().st_size} B"


def test_plan_page_links_the_generated_pdf_when_there_is_one(sites):
    from generator.pages import plan as plan_page

    site = sites["gunungkidul"]
    law = plan_page.legislation(site, site.latest, {alamat.pdf_keputusan(2024): 245_760})
    assert law["encoding"]["contentUrl"] == "../" + alamat.pdf_keputusan(2024)
    assert law["encoding"]["encodingFormat"] == "application/pdf"


def test_json_ld_cannot_be_closed_by_staff_text():
    hostile = {"name": "</script><script>alert(1)</script> <!-- & -->"}
    out = str(skrip(hostile))
    assert out.count("</script") == 1 and out.endswith("</script>") and "<!--" not in out
    body = out.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert json.loads(body) == hostile


def test_json_shape_is_documented_and_dates_come_from_the_data(sites):
    site = sites["gunungkidul"]
    made = buat(site, None)
    doc = json.loads(made[f"{alamat.DATA}/realisasi-2024.json"])
    assert set(doc) == {"dataset", "judul", "keterangan", "tahun", "contoh", "kolom", "baris"}
    pkg = json.loads(made[alamat.DATAPACKAGE])
    assert pkg["created"].startswith(site.tanggal_data.isoformat())
    assert isinstance(dt.date.fromisoformat(json.loads(made[alamat.DATA_JSON])["dataset"][0]["modified"]), dt.date)

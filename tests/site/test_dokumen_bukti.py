"""The Dokumen page is the evidence index (issue 13, item 3): every bukti of the data, by year and
area, with its type and size and a link to the row it proves, which exists on its area page."""

from __future__ import annotations

import html.parser
import shutil
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from generator.load import load_site
from generator.pages.angka import ukuran
from tests.conftest import DATA, REPO, zi
from tests.load.pdf_uji import buat_pdf
from tests.site.salinan_repo import repo  # noqa: F401 (a fixture)


class _Bukti(html.parser.HTMLParser):
    """Rows of the evidence tables: (caption, area link, bukti href, cells' text, row link)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[dict] = []
        self._table: dict | None = None
        self._row: dict | None = None
        self._cell: list[str] | None = None
        self._in_caption = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table" and "zi-bukti" in (a.get("class") or "").split():
            self._table = {"caption": "", "area": None}
        elif self._table is None:
            return
        elif tag == "caption":
            self._in_caption = True
        elif tag == "a" and self._in_caption:
            self._table["area"] = a["href"]
        elif tag == "tr" and self._table["caption"]:
            self._row = {"table": dict(self._table), "links": [], "cells": []}
        elif tag in ("th", "td") and self._row is not None:
            self._cell = []
        elif tag == "a" and self._row is not None:
            self._row["links"].append(a["href"])

    def handle_endtag(self, tag):
        if tag == "caption":
            self._in_caption = False
        elif tag in ("th", "td") and self._row is not None and self._cell is not None:
            self._row["cells"].append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            if self._row["cells"] and self._row["cells"][0] != "Bukti":  # not the header row
                self.rows.append(self._row)
            self._row = None
        elif tag == "table":
            self._table = None

    def handle_data(self, data):
        if self._in_caption and self._table is not None:
            self._table["caption"] += data
        if self._cell is not None:
            self._cell.append(data)


def _expected(name: str) -> Counter:
    """(bukti href, type and size, row link, year) of every bukti in the data, from the data and the files."""
    site = load_site(DATA[name], content_dir=REPO / "content")
    out: Counter = Counter()
    for plan in site.plans:
        c = site.tahun(plan.tahun).capaian
        for area in plan.areas:
            for a in area.aksi:
                for b in c.baris[a.id].bukti if c else ():
                    if b.tautan.startswith("https://"):
                        href, jenis = b.tautan, f"tautan ke situs lain: {urlsplit(b.tautan).hostname}"
                    else:
                        href = "../" + b.tautan
                        jenis = f"PDF, {ukuran((REPO / 'content' / b.tautan).stat().st_size)}"
                    out[(href, jenis, f"../{plan.tahun}/{area.slug}/#{a.id}", plan.tahun)] += 1
    return out


@pytest.mark.parametrize("name", sorted(DATA))
def test_every_bukti_is_listed_with_size_and_row(built_sites, name):
    site = built_sites[name]
    parser = _Bukti()
    parser.feed((site / "dokumen" / "index.html").read_text(encoding="utf-8"))
    found: Counter = Counter()
    for r in parser.rows:
        bukti_href, row_href = r["links"][0], r["links"][-1]
        tahun = int(r["table"]["caption"].split()[1].rstrip(","))
        # grouped by year and area: the row's table is that year's, of the row's own area
        assert r["table"]["area"] == row_href.split("#")[0], r
        found[(bukti_href, r["cells"][1], row_href, tahun)] += 1
    expected = _expected(name)
    assert expected and found == expected
    assert any(k[1].startswith("tautan ke situs lain: ") for k in expected) == (name == "gunungkidul")


@pytest.mark.parametrize("name", sorted(DATA))
def test_each_row_link_reaches_its_anchor(built_sites, name):
    site: Path = built_sites[name]
    parser = _Bukti()
    parser.feed((site / "dokumen" / "index.html").read_text(encoding="utf-8"))
    assert parser.rows
    for r in parser.rows:
        page, anchor = r["links"][-1].removeprefix("../").split("#")
        assert f'<tr id="{anchor}"' in (site / page / "index.html").read_text(encoding="utf-8"), r
        for href in r["links"][:1]:
            if not href.startswith("https://"):
                assert (site / href.removeprefix("../")).is_file(), href  # the file is published


def test_a_scanned_pdf_warns_and_the_build_still_publishes_it(repo, tmp_path):  # noqa: F811 (fixture)
    """The real `zi build`: a scan without a text layer is a warning with its file and fix, the site is
    built, the file is published, and the Dokumen page says so with the HTML version and another format."""
    shutil.copytree(DATA["wonosobo"], repo / "data")
    lokasi = "unggahan/contoh/sk-tim-kerja-zi-2024.pdf"
    buat_pdf(repo / "content" / lokasi, teks=False)
    out = tmp_path / "site"
    result = zi("build", "--plans", str(repo / "data"), "--site-dir", str(out), cwd=repo)
    assert result.returncode == 0, result.stderr
    assert f"Peringatan: content/{lokasi}:1:1: berkas PDF tidak memiliki lapisan teks" in result.stderr
    assert "Perbaikan: jalankan OCR" in result.stderr
    assert "WARNING" not in result.stderr and "Traceback" not in result.stderr
    assert (out / lokasi).read_bytes() == (repo / "content" / lokasi).read_bytes()
    parser = _Bukti()
    parser.feed((out / "dokumen" / "index.html").read_text(encoding="utf-8"))
    [row] = [r for r in parser.rows if r["links"][0] == f"../{lokasi}"]
    assert "hasil pindaian tanpa lapisan teks" in row["cells"][0]
    assert row["links"][1] == row["links"][-1]  # "Isinya dalam HTML": the row it proves
    assert row["links"][2] == "../kanal-pengaduan/"  # Wonosobo's satker.yaml has no e-mail address

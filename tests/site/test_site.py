"""The built example sites: stable URLs, accessible tables, identity from the data, no third parties."""

from __future__ import annotations

import html.parser

import pytest

from tests.conftest import SITE_URLS, html_pages, page_text
from tests.site.third_party import css_remote_urls, remote_loads

AREA_SLUGS_2024 = [
    "manajemen-perubahan",
    "penataan-tatalaksana",
    "penataan-sistem-manajemen-sdm",
    "penguatan-akuntabilitas-kinerja",
    "penguatan-pengawasan",
    "peningkatan-kualitas-pelayanan-publik",
    "inovasi-pelayanan",
]


def test_stable_urls(gunungkidul_site):
    for path in [
        "index.html",
        "2024/index.html",
        "dokumen/index.html",
        "tentang-zona-integritas/index.html",
        "kanal-pengaduan/index.html",
        *(f"2024/{s}/index.html" for s in AREA_SLUGS_2024),
    ]:
        assert (gunungkidul_site / path).is_file(), path


def test_row_anchors(gunungkidul_site):
    area = (gunungkidul_site / "2024" / "penguatan-pengawasan" / "index.html").read_text(encoding="utf-8")
    assert 'id="r-v-2-1-1-2"' in area and 'href="#r-v-2-1-1-2"' in area
    plan = (gunungkidul_site / "2024" / "index.html").read_text(encoding="utf-8")
    assert 'id="lampiran-r-v-2-1-1-2"' in plan


class _Tables(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.tables: list[dict] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table":
            self.tables.append({"caption": False, "th": 0, "th_scoped": 0})
        elif tag == "caption" and self.tables:
            self.tables[-1]["caption"] = True
        elif tag == "th" and self.tables:
            self.tables[-1]["th"] += 1
            if a.get("scope") in ("col", "row", "colgroup", "rowgroup"):
                self.tables[-1]["th_scoped"] += 1


@pytest.mark.parametrize("name", ["gunungkidul", "wonosobo"])
def test_every_table_has_caption_and_scoped_headers(name, built_sites):
    count = 0
    for page in html_pages(built_sites[name]):
        parser = _Tables()
        parser.feed(page.read_text(encoding="utf-8"))
        for t in parser.tables:
            count += 1
            assert t["caption"], f"{page}: tabel tanpa caption"
            assert t["th"] and t["th"] == t["th_scoped"], f"{page}: th tanpa scope"
    assert count > 20


@pytest.mark.parametrize("name", ["gunungkidul", "wonosobo"])
def test_language_and_no_english_credit(name, built_sites):
    for page in html_pages(built_sites[name]):
        text = page.read_text(encoding="utf-8")
        assert '<html lang="id"' in text, page
        assert "Made with" not in text and "Permanent link" not in text, page


@pytest.mark.parametrize("name", ["gunungkidul", "wonosobo"])
def test_no_resource_from_a_third_party_host(name, built_sites):
    site = built_sites[name]
    for page in html_pages(site):
        own = SITE_URLS.get(name, "\0")  # the site's own address (alamat_situs: og:url, og:image) is not a third party
        assert [
            u for u in remote_loads(page.read_text(encoding="utf-8")) if not u.split(": ", 1)[-1].startswith(own)
        ] == [], page
    for css in site.rglob("*.css"):
        assert css_remote_urls(css.read_text(encoding="utf-8")) == [], css


def test_the_third_party_check_sees_every_quoting_and_every_way_to_load():
    hostile = """<img src='https://evil.example/a.png'><script src=//evil.example/b.js></script>
<link rel=stylesheet href="HTTPS://evil.example/c.css"><img srcset="a.png 1x, https://evil.example/d.png 2x">
<div style="background:url( 'https://evil.example/e.png' )"></div><video poster="https://evil.example/f.jpg">
<style>@import "https://evil.example/g.css"; p { background: url(//evil.example/h.png) }</style>
<iframe src="  ht\ttps://evil.example/i"></iframe><meta http-equiv="refresh" content="0; url=https://evil.example/j">
<object data="https://evil.example/k"></object><link rel="preconnect" href="https://evil.example/l">"""
    assert [f.rsplit("/", 1)[1][0] for f in remote_loads(hostile)] == list("abcdefghijkl")
    harmless = """<a href='https://www.lapor.go.id'>LAPOR!</a><svg xmlns="http://www.w3.org/2000/svg"></svg>
<link rel="canonical" href="https://zi.example/"><img src="data:image/png;base64,AA" srcset="a.png 2x">
<rect fill="url(#arsir)"/><style>p { background: url("data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg'/>") }</style>
<link rel=stylesheet href=assets/zi.css><script src="../assets/x.js"></script><p>https://evil.example/ in text</p>"""
    assert remote_loads(harmless) == []


def test_identity_comes_from_data(gunungkidul_site, wonosobo_site):
    g = (gunungkidul_site / "index.html").read_text(encoding="utf-8")
    w = (wonosobo_site / "index.html").read_text(encoding="utf-8")
    # The browser title is the page's h1, then the site name (tests/site/test_titles.py checks every page).
    assert "<title>Zona Integritas KPU Kabupaten Gunungkidul</title>" in g
    assert "<title>Zona Integritas KPU Kabupaten Wonosobo</title>" in w
    area = (wonosobo_site / "2026" / "penguatan-pengawasan" / "index.html").read_text(encoding="utf-8")
    assert "<title>5. Penguatan Pengawasan - Zona Integritas KPU Kabupaten Wonosobo</title>" in area
    assert "Gunungkidul" not in w


def test_home_commitment_and_counts(gunungkidul_site):
    text = page_text(gunungkidul_site / "index.html")
    assert (
        "Melalui Keputusan Komisi Pemilihan Umum Kabupaten Gunungkidul Nomor 478 Tahun 2024, yang ditetapkan "
        "pada 31 Januari 2024, KPU Kabupaten Gunungkidul berkomitmen melaksanakan 57 langkah aksi dalam "
        "6 area perubahan PermenPANRB 90/2021 ditambah 1 area tambahan (Inovasi Pelayanan)."
    ) in text
    assert "V. Penguatan Pengawasan 19,2 % 1 5 19 26 Penguatan Pengawasan" in text


def test_documents_page(gunungkidul_site):
    text = page_text(gunungkidul_site / "dokumen" / "index.html")
    assert "Nomor 478 Tahun 2024" in text and "31 Januari 2024" in text
    assert "Pindaian belum tersedia" in text  # no signed scan given for 2024


def test_kanal_page_lists_channels_from_satker(gunungkidul_site, wonosobo_site):
    g = page_text(gunungkidul_site / "kanal-pengaduan" / "index.html")
    assert "kpugk@gmail.com" in g and "SP4N-LAPOR!" in g and "Gratifikasi Online" in g
    w = page_text(wonosobo_site / "kanal-pengaduan" / "index.html")
    assert "JDIH KPU Kabupaten Wonosobo" in w and "kpugk@gmail.com" not in w


def test_tentang_lists_six_areas(gunungkidul_site):
    text = page_text(gunungkidul_site / "tentang-zona-integritas" / "index.html")
    assert "Penataan Sistem Manajemen SDM Aparatur" in text and "Peningkatan Kualitas Pelayanan Publik" in text

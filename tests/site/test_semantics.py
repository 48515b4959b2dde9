"""Every built page passes our own semantic lint (tests/site/semantics.py), and the lint
itself catches each kind of mistake it is meant to catch."""

from __future__ import annotations

import pytest

from tests.site.semantics import check_page

GOOD = """<!doctype html><html lang="id"><head><title>Beranda</title></head><body>
<header><nav aria-label="Kepala halaman"><a href="/">Beranda</a>
  <button aria-label="Cari"><svg aria-hidden="true" viewBox="0 0 1 1"><path d="M0 0"/></svg></button></nav></header>
<main><h1>Rencana Aksi</h1><h2>Area</h2><h3>Kegiatan</h3><h2>Rekap</h2>
<table><caption>Capaian per area</caption><thead><tr><th scope="col">Area</th><th scope="col">%</th></tr></thead>
<tbody><tr><th scope="row">I</th><td>50</td></tr></tbody></table>
<svg role="img" aria-labelledby="t d" viewBox="0 0 10 10"><title id="t">Capaian</title><desc id="d">50 persen</desc>
<rect width="5" height="10"/></svg>
<p><a href="/2024/">Rencana aksi 2024</a> <img src="a.png" alt=""></p></main>
<footer><a href="/pernyataan-aksesibilitas/">Pernyataan Aksesibilitas</a></footer></body></html>"""


def test_a_good_page_passes():
    assert check_page(GOOD) == []


@pytest.mark.parametrize(
    "old,new,expected",
    [
        ('lang="id"', 'lang="en"', 'lang="id"'),
        ("<main>", "<div>", "<main>"),
        ("<h2>Area</h2>", "<h1>Area</h1>", "2 <h1>"),
        ("<h3>Kegiatan</h3>", "<h4>Kegiatan</h4>", '<h4> "Kegiatan" melompati'),
        ("<caption>Capaian per area</caption>", "", "tanpa <caption>"),
        ('<th scope="row">I</th>', "<th>I</th>", '<th> "I" tanpa scope'),
        ('<svg role="img" aria-labelledby="t d"', "<svg", "svg tanpa role"),
        ('<desc id="d">50 persen</desc>', "", "svg tanpa role"),
        ('aria-labelledby="t d"', 'aria-labelledby="x"', "aria-labelledby tidak menunjuk"),
        ('<svg aria-hidden="true" viewBox="0 0 1 1">', '<svg viewBox="0 0 1 1">', "svg tanpa role"),
        ('alt=""', "", "gambar tanpa alt"),
        (">Rencana aksi 2024</a>", ">di sini</a>", 'tautan "di sini"'),
        (">Rencana aksi 2024</a>", "></a>", "tautan tanpa nama"),
        ('aria-label="Kepala halaman"', 'aria-label="Header"', 'teks Inggris tersisa: "Header"'),
        ("<h2>Rekap</h2>", "<h2>Made with Material</h2>", 'teks Inggris tersisa: "Made with"'),
    ],
)
def test_the_lint_catches(old, new, expected):
    assert old in GOOD
    problems = check_page(GOOD.replace(old, new, 1))
    assert any(expected in p for p in problems), problems


@pytest.mark.parametrize("name", ["gunungkidul", "wonosobo"])
def test_every_built_page(name, built_sites):
    site = built_sites[name]
    pages = sorted(p for p in site.rglob("*.html") if p.parent.name != "embed")  # the card: tests/site/test_sebar.py
    assert len(pages) >= 12
    problems = [
        f"/{p.relative_to(site).as_posix()}: {msg}" for p in pages for msg in check_page(p.read_text(encoding="utf-8"))
    ]
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("name", ["gunungkidul", "wonosobo"])
def test_statement_names_standard_tests_limits_and_contact(name, built_sites):
    """The accessibility statement exists on every site, linked from every page's footer,
    with the unit's own contact for reporting a barrier or asking for another format."""
    from generator.load import load_site
    from tests.conftest import DATA, page_text

    site = built_sites[name]
    statement = site / "pernyataan-aksesibilitas" / "index.html"
    text = page_text(statement)
    for needed in (
        "WCAG) 2.2",
        "tingkat AA",
        "axe-core",
        "Keterbatasan yang kami ketahui",
        "Melaporkan hambatan atau meminta format lain",
        "format lain",
    ):
        assert needed in text, needed
    satker = load_site(DATA[name]).satker
    contacts = [c for c in (satker.kontak.surel, satker.kontak.whatsapp, satker.kontak.telepon) if c]
    if contacts:
        assert all(c in text for c in contacts), contacts
    else:  # a unit without its own contact details points to its reporting channels
        assert f"Hubungi {satker.singkatan} melalui kanal pengaduan" in text
    for page in (p for p in site.rglob("*.html") if p.parent.name != "embed"):  # not the standalone card
        assert 'href="' in page.read_text() and "Pernyataan Aksesibilitas</a>" in page.read_text(), page

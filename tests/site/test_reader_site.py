"""Wayfinding in the built sites: the unit's mark as logo and favicon, breadcrumbs in the HTML,
and search snippets that keep table cells apart (Pagefind's index, under either engine)."""

from __future__ import annotations

import re

import pytest

from generator.html.cells import separate_cells
from generator.pages.tanda import GENERATED
from tests.benchmarks.indeks_cari import fragments
from tests.conftest import html_pages

SITES = ["gunungkidul", "wonosobo"]


def test_separate_cells_puts_a_space_before_each_cell_only():
    html = '<table><tr><th scope="col">A</th><td>1</td></tr></table><p>td</p><pre>&lt;td&gt;</pre>'
    assert (
        separate_cells(html)
        == '<table><tr> <th scope="col">A</th> <td>1</td></tr></table><p>td</p><pre>&lt;td&gt;</pre>'
    )


@pytest.mark.parametrize("engine", ["built_sites", "zensical_sites"])
@pytest.mark.parametrize("name", SITES)
def test_search_index_keeps_cell_boundaries(name, engine, request):
    """Pagefind's indexed text (generator/rampung/cari.py), under either engine, keeps table cells apart."""
    texts = {f["url"]: f["content"] for f in fragments(request.getfixturevalue(engine)[name])}
    assert re.search(r"Nomor\s+Tanggal\s+Tentang\s+Berkas", texts["/dokumen/"]), texts["/dokumen/"][:300]
    # A figure never sticks to the text of the cell before it (as "Penguatan Akuntabilitas10 dari 12" did).
    glued = [t for t in texts.values() if re.search(r"(Tanggal)(Tentang)|Berkas(Nomor)", t)]
    assert not glued, glued[0][:300]


@pytest.mark.parametrize("name", SITES)
def test_every_page_has_the_units_mark_as_logo_and_favicon(name, built_sites):
    site = built_sites[name]
    mark = (site / GENERATED).read_text(encoding="utf-8")
    assert mark.startswith("<svg") and ">KPU<" in mark
    for page in [*html_pages(site), site / "404.html"]:
        text = page.read_text(encoding="utf-8")
        assert re.search(r'<link rel="icon" href="[^"]*assets/zi/tanda-satker\.svg">', text), page
        assert re.search(r'<img src="[^"]*assets/zi/tanda-satker\.svg" alt="">', text), page
        assert "material/library" not in text and 'alt="logo"' not in text, page


@pytest.mark.parametrize("name", SITES)
def test_breadcrumbs_on_every_page_below_the_home(name, built_sites):
    site = built_sites[name]
    for page in html_pages(site):
        text = page.read_text(encoding="utf-8")
        has = '<nav class="md-path zi-remah" aria-label="Remah roti">' in text
        assert has == (page != site / "index.html"), page
        if has:
            assert text.count('aria-current="page"') >= 1, page

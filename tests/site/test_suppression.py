"""No hidden count can be worked out from a built page (secondary suppression, issue 10 item 5).

The checker (suppression_checker.py) reads each page as a reader would and solves its published
tables; it must pass on every built page of both sites, and must fail on the same pages built
with secondary suppression switched off.
"""

from __future__ import annotations

import re

import pytest

from generator.load import load_site
from generator.pages import build_pages
from generator.rules import terbit
from tests.conftest import DATA, html_pages
from tests.site.suppression_checker import periksa, tersembunyi

pytestmark = pytest.mark.slow  # heavy: left out of `make test-fast`


@pytest.mark.parametrize("name", ["gunungkidul", "wonosobo"])
def test_no_hidden_count_can_be_recovered_on_any_page(built_sites, name):
    checked = 0
    for page in html_pages(built_sites[name]):
        text = page.read_text(encoding="utf-8")
        assert periksa(text) == [], page
        checked += tersembunyi(text)
    assert checked > 0  # the pages do have hidden cells, and the checker read them


def _pages(name: str) -> dict[str, str]:
    return {p.path: p.markdown for p in build_pages(load_site(DATA[name]))}


def test_checker_fails_without_secondary_suppression(monkeypatch):
    monkeypatch.setattr(terbit, "SEKUNDER", False)
    found = periksa(_pages("gunungkidul")["2024/pengaduan.md"])
    # the months the issue names, each recovered by subtraction from the month's total
    for month in ("April", "Juni", "Juli", "September", "November"):
        assert any(f.startswith(f"kanal[{month},") for f in found), (month, found)
    found = periksa(_pages("wonosobo")["2026/survei.md"])
    assert sorted(f.split(":")[0] for f in found) == [
        "jawaban[Kompetensi Pelaksana, 2]",
        "jawaban[Penanganan Pengaduan, Saran dan Masukan, 1]",
        "jawaban[Perilaku Pelaksana, 2]",
        "jawaban[Persyaratan, 2]",
        "jawaban[Produk Spesifikasi Jenis Pelayanan, 2]",
    ]


_HAND = """
<table><caption id="cap-pengaduan">x</caption><tbody>
<tr><th>Mei</th><td>3</td><td>2</td></tr><tr><th>April</th><td>6</td><td>6</td></tr></tbody>
<tfoot><tr><th>Jumlah</th><td>9</td><td>8</td></tr></tfoot></table>
<table><caption id="cap-pengaduan-kanal">y</caption>
<thead><tr><th>Bulan</th><th>A</th><th>B</th></tr></thead><tbody>
<tr><th>Mei</th><td>{mei_a}</td><td>{mei_b}</td></tr><tr><th>April</th><td>{apr_a}</td><td>{apr_b}</td></tr></tbody>
<tfoot><tr><th>Jumlah</th><td>{tot_a}</td><td>{tot_b}</td></tr></tfoot></table>
"""
SMALL = '<span aria-hidden="true">&lt; 3</span><span class="zi-sr">kurang dari 3</span>'
HIDDEN = '<span aria-hidden="true">×</span><span class="zi-sr">disembunyikan</span>'


def test_checker_on_hand_built_tables():
    # Mei: A 1, B 2 (total 3); April: A 3, B 3 (total 6). Year: A 4, B 5.
    # Only Mei's cells hidden: 1..2 each, summing to 3 — but A's column (4 − 3) gives A = 1.
    found = periksa(_HAND.format(mei_a=SMALL, mei_b=SMALL, apr_a=3, apr_b=3, tot_a=4, tot_b=5))
    assert [f.split(":")[0] for f in found] == ["kanal[Mei, A]", "kanal[Mei, B]"]
    # With April's cells hidden too, the 2 × 2 cycle leaves Mei (1, 2) or (2, 1): safe.
    assert periksa(_HAND.format(mei_a=SMALL, mei_b=SMALL, apr_a=HIDDEN, apr_b=HIDDEN, tot_a=4, tot_b=5)) == []
    # Two "< 3" marks that must sum to 2 are 1 + 1, however much else is hidden.
    two = _HAND.replace("<td>3</td><td>2</td>", "<td>2</td><td>2</td>").replace(
        "<td>9</td><td>8</td>", "<td>8</td><td>8</td>"
    )
    found = periksa(two.format(mei_a=SMALL, mei_b=SMALL, apr_a=HIDDEN, apr_b=HIDDEN, tot_a=HIDDEN, tot_b=HIDDEN))
    assert [f.split(":")[0] for f in found] == ["kanal[Mei, A]", "kanal[Mei, B]"]


def test_chart_and_sentence_read_the_same_cells_as_the_table():
    page = _pages("gunungkidul")["2024/pengaduan.md"]
    chart = page[page.index('id="grafik-pengaduan-kanal-2024"') :]
    chart = chart[: chart.index("</figure>")]
    table = page[page.index('id="cap-pengaduan-kanal"') :]
    foot = re.search(r"<tfoot>(.*?)</tfoot>", table, re.S).group(1)
    foot_cells = re.findall(r'<td class="zi-angka">(.*?)</td>', foot)
    marks = {"&lt; 3": "&lt; 3", "×": "×"}
    shown_in_table = [next((m for m in marks if m in c), c) for c in foot_cells]
    drawings = re.findall(r"<svg .*?</svg>", chart, re.S)
    assert len(drawings) == 2  # wide and narrow: both must read the table's cells
    for drawing in drawings:
        bars = re.findall(r'<g class="zi-grafik__baris">(.*?)</g>', drawing)
        values = [re.search(r'class="zi-grafik__nilai"[^>]*>(.*?)</text>', b).group(1) for b in bars]
        assert [v for v in values if v != "0"] == [v for v in shown_in_table if v != "0"]
        assert "×" in values  # some yearly channel totals are hidden on this page
        for bar, value in zip(bars, values):
            if value in marks:  # no bar length either: it would give the number away
                assert 'class="zi-grafik__batang"' not in bar
    caption = re.search(r"<figcaption[^>]*>(.*?)</figcaption>", chart).group(1)
    named = re.search(r"\((\d+) pengaduan\)", caption)
    assert named is None or named.group(1) in shown_in_table
    assert 'id="catatan-disembunyikan"' in page


def test_survey_page_explains_the_secondary_mark():
    page = _pages("wonosobo")["2026/survei.md"]
    table = page[page.index('id="cap-jawaban"') :]
    table = table[: table.index("</table>")]
    assert table.count('<span class="zi-sr">disembunyikan</span>') >= 5  # each small cell has partners
    assert "dapat dihitung dari jumlah responden dan NRR unsur itu" in page
    # a page without hidden partners says nothing about them
    assert "dapat dihitung dari jumlah responden" not in _pages("gunungkidul")["2024/survei.md"]

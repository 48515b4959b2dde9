"""Issue 10: the site says no more than the data. Schedule readings, verdicts, caveats, example-data marks."""

from __future__ import annotations

import re

import pytest

from tests.conftest import html_pages, page_text

READING = "Cara membaca jadwal: rentang bulan"


def _cells(page) -> list[str]:
    """The screen-reader sentence of every month grid on a page."""
    src = page.read_text(encoding="utf-8")
    return re.findall(r'<span class="zi-sr">(Rencana: [^<]*)</span>', src)


def test_wonosobo_rows_without_month_ticks_show_unknown_schedule(wonosobo_site):
    pages = sorted((wonosobo_site / "2026").glob("*/index.html"))
    area_pages = [p for p in pages if p.parent.name not in ("gratifikasi", "survei")]
    assert len(area_pages) == 6
    seen = 0
    for page in [*area_pages, wonosobo_site / "2026" / "index.html"]:
        src = page.read_text(encoding="utf-8")
        grid = "".join(re.findall(r'<span class="zi-kc" aria-hidden="true">(.*?)</span><span class="zi-sr">',
                                  src))
        # No month of a row whose ticks are lost may read "not planned" or "done outside the schedule".
        assert "zi-kc--kosong" not in grid and "zi-kc--tambahan" not in grid, page
        for sentence in _cells(page):
            seen += 1
            assert sentence.startswith("Rencana: jadwal tidak diketahui;"), (page, sentence)
        if _cells(page):
            assert "? jadwal tidak diketahui" in page_text(page), page  # the legend explains the mark
    assert seen >= 90


def test_gunungkidul_grids_keep_their_months(gunungkidul_site):
    sentences = [s for p in sorted((gunungkidul_site / "2024").glob("*/index.html")) for s in _cells(p)]
    assert sentences and not [s for s in sentences if "tidak diketahui" in s and "Rencana: Januari" in s]
    assert any(s.startswith("Rencana: Januari–Desember;") for s in sentences)


@pytest.mark.parametrize("name", ["gunungkidul", "wonosobo"])
def test_every_page_with_late_counts_states_its_reading(name, built_sites):
    with_counts = 0
    for page in html_pages(built_sites[name]):
        text = page_text(page)
        if re.search(r"\bTerlambat\b(?! diperbarui)", text) or re.search(r"\d+ terlambat\b", text):
            with_counts += 1
            assert READING in text, page
    assert with_counts >= 8


def test_gunungkidul_late_rows_under_the_window_reading(gunungkidul_site):
    # Hand count in tests/rules/test_capaian.py: 2 rows late as of 20 December 2024, 1 not reported.
    text = page_text(gunungkidul_site / "index.html")
    assert "1 belum dilaporkan; 2 terlambat." in text
    assert "Jumlah 45 57 14 2 24,6 %" in text

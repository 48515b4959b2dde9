"""Material's search, running in Chromium, finds the decree's own words."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    "name,query,expected",
    [
        ("gunungkidul", "Diagnosis", "Penguatan Pengawasan"),
        ("wonosobo", "E-Perjadin", "Manajemen Perubahan"),
    ],
)
def test_search_finds_plan_text(name, query, expected, built_sites, serve, browser):
    base = serve(built_sites[name])
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="id-ID")
    page = context.new_page()
    try:
        page.goto(base, wait_until="load")
        page.locator(".zi-tombol-cari").click()  # the search button in the header opens the dialog
        # Type only once the search worker has loaded the index (Material's own status line).
        page.locator(".md-search-result__meta", has_text="Ketik untuk mulai pencarian").wait_for(timeout=15000)
        page.locator(".md-search__input").press_sequentially(query)
        page.locator(".md-search-result__meta", has_text="ditemukan").wait_for(timeout=15000)
        results = page.locator(".md-search-result__item")
        results.first.wait_for(timeout=15000)
        text = " ".join(results.all_inner_texts())
        assert expected in text, text
    finally:
        context.close()

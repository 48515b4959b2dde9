"""On a 360 px phone no page scrolls sideways; wide tables scroll inside their own region."""

from __future__ import annotations

import pytest

from tests.conftest import ARTIFACTS, html_pages

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("name", ["gunungkidul", "wonosobo"])
def test_no_horizontal_page_scroll_at_360(name, built_sites, serve, browser):
    site = built_sites[name]
    base = serve(site)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 360, "height": 780}, locale="id-ID")
    page = context.new_page()
    outside: list[str] = []
    page.route(
        "**/*",
        lambda route: (
            (outside.append(route.request.url), route.abort())
            if not route.request.url.startswith(base)
            else route.continue_()
        ),
    )
    checked = 0
    try:
        for path in html_pages(site):
            rel = path.relative_to(site).as_posix().removesuffix("index.html")
            page.goto(base + rel, wait_until="load")
            widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
            assert widths[0] <= widths[1], f"{rel}: halaman bergulir ke samping ({widths[0]} > {widths[1]} px)"
            checked += 1
            if rel.count("/") == 1 and rel[:4].isdigit():  # the plan page of a year, e.g. "2024/"
                page.screenshot(path=str(ARTIFACTS / f"{name}-rencana-{rel.strip('/')}-360.png"), full_page=True)
                # The wide lampiran scrolls inside a labelled, keyboard-focusable region.
                region = page.locator(".zi-gulir").first
                assert region.get_attribute("role") == "region" and region.get_attribute("tabindex") == "0"
                assert page.evaluate("(e) => e.scrollWidth > e.clientWidth", region.element_handle())
        area = next(p for p in html_pages(site) if "penguatan-pengawasan" in p.as_posix())
        page.goto(base + area.relative_to(site).as_posix().removesuffix("index.html"))
        page.screenshot(path=str(ARTIFACTS / f"{name}-area-penguatan-pengawasan-360.png"))
        # Rows are stacked cards: the decree's column heading is shown before each cell.
        label = page.evaluate("getComputedStyle(document.querySelector('.zi-aksi td[data-label]'), '::before').content")
        assert label.strip('"') in {"BUKTI FISIK", "TARGET WAKTU", "TARGET CAPAIAN", "PELAKSANAAN (BULAN)", "KET"}
    finally:
        context.close()
    assert checked >= 10
    assert outside == [], f"permintaan ke host lain: {outside}"

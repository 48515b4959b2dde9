"""axe-core finds no WCAG 2.2 A/AA violation on any page, in any state a visitor meets.

Every page of both example sites (the list comes from the built files), at 360 px and
1280 px, in Material's light and dark schemes; then with search open and showing
results, with the mobile navigation open, with the accessibility panel open, and in the
toolbar's high-contrast mode. Each test also proves that no request left 127.0.0.1.
"""

from __future__ import annotations

import pytest

from tests.browser.audit import SCHEMES, WIDTHS, audit_every_page, axe_source, local_page, page_paths, run_axe
from tests.browser.waits import wait_drawer, wait_settled

pytestmark = pytest.mark.browser
SITES = ["gunungkidul", "wonosobo"]


@pytest.fixture(scope="module")
def axe() -> str:
    return axe_source()


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", SITES)
def test_every_page(name, width, scheme, built_sites, serve, browser, axe):
    site = built_sites[name]
    problems = audit_every_page(site, serve(site), browser, axe, width=width, scheme=scheme)
    assert problems == [], "\n".join(problems)


def open_search(page, query: str) -> None:
    """Open the search dialog with the header button, type, and wait for Pagefind's results."""
    page.click(".zi-tombol-cari")
    page.locator("#zi-cari-masukan").press_sequentially(query)
    page.wait_for_selector(".zi-cari__halaman", state="visible", timeout=15000)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", SITES)
def test_search_open_with_results(name, width, scheme, built_sites, serve, browser, axe):
    base = serve(built_sites[name])
    with local_page(browser, base, width=width, scheme=scheme) as page:
        page.goto(base, wait_until="load")
        open_search(page, "integritas")
        assert page.locator(".zi-cari__halaman").count() > 0
        problems = run_axe(page, axe)
        assert page.outside == []
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("name", SITES)
def test_mobile_navigation_open(name, scheme, built_sites, serve, browser, axe):
    base = serve(built_sites[name])
    with local_page(browser, base, width=360, scheme=scheme) as page:
        for path in ("", page_paths(built_sites[name])[1]):
            page.goto(base + path, wait_until="load")
            page.click(".zi-tombol-menu")
            wait_drawer(page, open=True)
            assert page.locator(".md-sidebar--primary .md-nav__link").first.is_visible()
            problems = run_axe(page, axe)
            assert problems == [], f"/{path}:\n" + "\n".join(problems)
        assert page.outside == []


@pytest.mark.parametrize(("name", "width"), [("gunungkidul", 360), ("wonosobo", 1280), ("gunungkidul", 1280)])
def test_accessibility_panel_open_and_contrast_mode(name, width, built_sites, serve, browser, axe):
    """The toolbar itself passes, and its high-contrast mode passes on every page: the phone and the
    desktop width each on one site, plus Gunungkidul (the longer pages) at both widths."""
    site = built_sites[name]
    base = serve(site)
    problems = []
    with local_page(browser, base, width=width) as page:
        page.goto(base, wait_until="load")
        page.click(".zi-akses__buka")
        assert page.locator("#zi-akses-panel").is_visible()
        problems += [f"panel terbuka: {line}" for line in run_axe(page, axe)]
        page.click("[data-zi-opsi=kontras]")
        assert page.evaluate("document.documentElement.classList.contains('zi-kontras')")
        wait_settled(page)  # Material fades link colours over 125 ms; judge the settled page
        problems += [f"panel terbuka, kontras tinggi: {line}" for line in run_axe(page, axe)]
        for path in page_paths(site):
            page.goto(base + path, wait_until="load")
            assert page.evaluate("document.documentElement.classList.contains('zi-kontras')"), path
            problems += [f"/{path}, kontras tinggi: {line}" for line in run_axe(page, axe)]
        assert page.outside == []
    assert problems == [], "\n".join(problems)

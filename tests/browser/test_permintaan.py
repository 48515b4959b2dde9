"""What a first view asks the server for (issue 15, generator/rampung/aset.py): one stylesheet, one script
of the page, no sitemap.xml (Material's language switch fetched it once per feed link), and the assets
really load (the page is styled, aksesibilitas.js ran)."""

from __future__ import annotations

import pytest

from tests.browser.audit import local_page

pytestmark = pytest.mark.browser

PAGES = ["", "2024/", "2024/gratifikasi/", "dokumen/"]


def _is_search(url: str) -> bool:
    return "/search/" in url or "/pagefind/" in url or "/workers/search" in url


@pytest.mark.parametrize("path", PAGES)
def test_first_view_requests(path, built_sites, serve, browser):
    base = serve(built_sites["gunungkidul"])
    seen: list[tuple[str, str]] = []
    with local_page(browser, base, width=360) as page:
        page.on("request", lambda r: seen.append((r.resource_type, r.url)))
        page.goto(base + path, wait_until="networkidle")
        urls = [u for _, u in seen if not _is_search(u)]
        assert not [u for u in urls if u.endswith("sitemap.xml")], urls
        css = [u for t, u in seen if t == "stylesheet"]
        js = [u for t, u in seen if t == "script" and not _is_search(u)]
        assert len(css) == 1 and "/assets/zi/zi." in css[0], css
        assert len(js) == 1 and "/assets/zi/zi." in js[0], js
        assert len(urls) <= 6, urls  # page, CSS, JS, the unit's mark (img + favicon); budget 8
        assert page.outside == []
        # Styled by Material's CSS (inside the bundle) and our own; our script ran (its buttons replace labels).
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
        assert page.evaluate("document.documentElement.classList.contains('js')") is True
        assert page.evaluate("document.querySelector('[data-zi-akses]').hidden") is False  # aksesibilitas.js

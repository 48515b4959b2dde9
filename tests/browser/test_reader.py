"""Wayfinding without JavaScript: breadcrumbs on the pages below the home, and the phone menu by keyboard."""

from __future__ import annotations

import re

import pytest

from tests.browser.audit import axe_source, local_page, run_axe
from tests.browser.waits import wait_settled

pytestmark = pytest.mark.browser

_CRUMBS = """() => {
  const nav = document.querySelector('nav[aria-label="Remah roti"]');
  if (!nav) return null;
  const r = nav.getBoundingClientRect();
  return {
    list: nav.firstElementChild.tagName,
    items: [...nav.querySelectorAll('ol > li')].map(li => li.textContent.trim()),
    current: [...nav.querySelectorAll('[aria-current="page"]')].map(a => a.textContent.trim()),
    links: [...nav.querySelectorAll('a')].map(a => a.getAttribute('href')),
    shown: r.width > 0 && r.height > 0, right: r.right, scroll: nav.scrollWidth - nav.clientWidth,
    width: document.documentElement.clientWidth,
  };
}"""


@pytest.mark.parametrize("width", [360, 1280])
def test_breadcrumbs_without_javascript(width, gunungkidul_site, serve, browser):
    base = serve(gunungkidul_site)
    with local_page(browser, base, width=width, java_script_enabled=False) as page:
        page.goto(base, wait_until="load")
        assert page.locator("html").evaluate(f"(_) => ({_CRUMBS})()") is None  # none on the home page
        page.goto(base + "2024/penataan-sistem-manajemen-sdm/", wait_until="load")
        crumbs = page.locator("html").evaluate(f"(_) => ({_CRUMBS})()")
        assert crumbs["list"] == "OL"
        assert crumbs["items"] == ["Beranda", "Rencana Aksi 2024", "III. PENATAAN SISTEM MANAJEMEN SUMBER DAYA MANUSIA"]
        assert crumbs["current"] == [crumbs["items"][-1]]
        assert crumbs["links"] == ["../..", "../", "./"]
        # Shown at every width, wrapped rather than scrolled sideways.
        assert crumbs["shown"] and crumbs["scroll"] == 0 and crumbs["right"] <= crumbs["width"], crumbs
        page.goto(base + "2024/wbs/", wait_until="load")
        crumbs = page.locator("html").evaluate(f"(_) => ({_CRUMBS})()")
        # "Rekap 2024" has no page of its own: named, not linked to its first recap.
        assert crumbs["items"] == ["Beranda", "Rekap 2024", "Whistle Blowing System"]
        assert crumbs["links"] == ["../..", "./"]


_FOCUS = """() => {
  const e = document.activeElement, r = e.getBoundingClientRect();
  return {cls: e.className || '', tag: e.tagName, text: e.textContent.trim(), href: e.getAttribute('href'),
          inDrawer: !!e.closest('.md-sidebar--primary'), visible: r.width > 0 && r.left >= 0 && r.right <= innerWidth
            && getComputedStyle(e).visibility === 'visible'};
}"""


def _open_menu_by_keyboard(page) -> dict:
    """Tab to the header's menu link, open it with Enter, Tab into the drawer; the focus at each step."""
    root = page.locator("html")
    for _ in range(6):
        page.keyboard.press("Tab")
        focus = root.evaluate(f"(_) => ({_FOCUS})()")
        if "zi-tautan-menu" in focus["cls"]:
            break
    assert "zi-tautan-menu" in focus["cls"], f"tombol menu tidak tercapai dengan Tab tanpa JavaScript: {focus}"
    assert focus["visible"], focus
    page.keyboard.press("Enter")
    wait_settled(page)
    page.keyboard.press("Tab")
    return root.evaluate(f"(_) => ({_FOCUS})()")


_SCRIPT = re.compile(r"<script\b[^>]*>.*?</script>", re.DOTALL | re.IGNORECASE)


def _without_scripts(route):
    """The page as a browser without JavaScript has it: every script removed (the <html> keeps class no-js)."""
    response = route.fetch()
    if "text/html" not in response.headers.get("content-type", ""):
        return route.fulfill(response=response)
    return route.fulfill(response=response, body=_SCRIPT.sub("", response.text()))


@pytest.mark.parametrize("name", ["gunungkidul", "wonosobo"])
def test_phone_menu_without_javascript_opens_by_keyboard(name, built_sites, serve, browser):
    base = serve(built_sites[name])
    with local_page(browser, base, width=360, java_script_enabled=False) as page:
        page.goto(base + "dokumen/", wait_until="load")
        focus = _open_menu_by_keyboard(page)
        assert focus["inDrawer"] and focus["tag"] == "A" and focus["visible"], focus
        root = page.locator("html")
        for _ in range(3):  # on to the menu's page links
            page.keyboard.press("Tab")
            focus = root.evaluate(f"(_) => ({_FOCUS})()")
            assert focus["inDrawer"] and focus["visible"], focus
        assert focus["href"] and not focus["href"].startswith("#"), focus
        with page.expect_navigation(wait_until="load"):
            page.keyboard.press("Enter")  # a menu link opens its page
        assert page.url == base + focus["href"].removeprefix("../"), (page.url, focus)


def test_open_phone_menu_without_javascript_passes_axe(built_sites, serve, browser):
    # axe needs a script of its own, which a JavaScript-disabled page never runs: the page is served with its
    # scripts removed instead, the same markup and CSS a browser without JavaScript shows.
    base = serve(built_sites["gunungkidul"])
    with local_page(browser, base, width=360) as page:
        page.route(base + "**", _without_scripts)
        page.goto(base + "dokumen/", wait_until="load")
        assert page.evaluate("document.documentElement.classList.contains('no-js')")
        focus = _open_menu_by_keyboard(page)
        assert focus["inDrawer"] and focus["visible"], focus
        problems = run_axe(page, axe_source())
        assert problems == [], "\n".join(problems)

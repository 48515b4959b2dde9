"""The page in the modes a visitor's device may impose: no JavaScript, forced colours
(Windows high contrast), reduced motion, and text at 200 %."""

from __future__ import annotations

import pytest

from tests.browser.audit import local_page, page_paths
from tests.browser.waits import wait_settled
from tests.conftest import ARTIFACTS

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [360, 1280])
def test_without_javascript_nothing_is_broken(width, built_sites, serve, browser):
    site = built_sites["gunungkidul"]
    base = serve(site)
    with local_page(browser, base, width=width, java_script_enabled=False) as page:
        for path in page_paths(site):
            page.goto(base + path, wait_until="load")
            # The content is all there ...
            assert page.locator("article h1").is_visible(), path
            # ... and no control that needs a script is offered.
            for needs_script in (
                "[data-zi-akses]",
                ".zi-tombol-menu",
                ".zi-tombol-cari",
                ".zi-palet__tombol",
                "#zi-cari-masukan",
            ):
                assert page.locator(needs_script).evaluate_all("els => els.every(e => !e.getClientRects().length)"), (
                    f"/{path}: {needs_script} tampil tanpa JS"
                )
        page.goto(base + "2024/", wait_until="load")
        assert page.locator("table.zi-lampiran").first.is_visible()
        if width == 360:
            # Without a script the drawer still opens by mouse or touch, through the header's menu link (:target).
            page.locator("a.zi-tautan-menu").click()
            wait_settled(page)
            assert page.locator(".md-sidebar--primary .md-nav__link").first.is_visible()
            page.goto(base + "2024/", wait_until="load")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.classList.contains('md-skip')")
        assert page.outside == []


# Elements Material draws with a CSS mask on a background colour; in forced-colors mode
# the browser would paint that background with the page colour and the icon would vanish.
MASK_ICONS = """() => [...document.querySelectorAll('.md-nav__icon, .md-typeset .admonition-title')]
  .filter(e => e.getClientRects().length)
  .map(e => { const s = getComputedStyle(e, e.matches('.md-nav__icon') ? '::after' : '::before');
              return {cls: e.className, bg: s.backgroundColor, adjust: s.forcedColorAdjust, mask: s.maskImage}; })
  .filter(s => s.mask && s.mask !== 'none')"""
SVG_SHAPES = """(canvas) => [...document.querySelectorAll('svg')]
  .filter(s => s.getClientRects().length)
  .map(s => { const shapes = [...s.querySelectorAll('path, rect, circle, line, polyline, polygon, text')]
                .filter(e => e.getClientRects().length);
              const seen = shapes.filter(e => { const c = getComputedStyle(e);
                const fill = c.fill !== 'none' && c.fillOpacity !== '0' && c.fill !== canvas;
                const stroke = c.stroke !== 'none' && c.strokeOpacity !== '0' && c.stroke !== canvas;
                return fill || stroke; });
              const owner = s.closest('[id]');
              return {where: owner ? owner.id : s.outerHTML.slice(0, 60), shapes: shapes.length, seen: seen.length}; })
  .filter(s => s.shapes)"""


def test_forced_colors_keep_icons_and_charts_visible(built_sites, serve, browser):
    site = built_sites["gunungkidul"]
    base = serve(site)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with local_page(browser, base, width=1280, forced_colors="active") as page:
        checked_masks = checked_svgs = 0
        for path in page_paths(site):
            page.goto(base + path, wait_until="load")
            assert page.evaluate("matchMedia('(forced-colors: active)').matches")
            canvas = page.evaluate("getComputedStyle(document.body).backgroundColor")
            for icon in page.evaluate(MASK_ICONS):
                assert icon["adjust"] == "none" and icon["bg"] != canvas, f"/{path}: ikon hilang {icon}"
                checked_masks += 1
            for svg in page.evaluate(SVG_SHAPES, canvas):
                assert svg["seen"] > 0, f"/{path}: SVG tidak terlihat dalam mode warna paksa: {svg}"
                checked_svgs += 1
        page.goto(base, wait_until="load")
        page.screenshot(path=str(ARTIFACTS / "gunungkidul-beranda-forced-colors.png"), full_page=True)
    assert checked_masks > 0 and checked_svgs > 0


def test_reduced_motion_stops_everything(built_sites, serve, browser):
    site = built_sites["gunungkidul"]
    base = serve(site)
    moving = """() => [...document.querySelectorAll('*')].flatMap(e => [e, '::before', '::after'].map(p => {
        const s = p === e ? getComputedStyle(e) : getComputedStyle(e, p);
        const t = s.transitionDuration.split(',').some(d => parseFloat(d) > 0);
        const a = s.animationName !== 'none' && s.animationDuration.split(',').some(d => parseFloat(d) > 0);
        return (t || a) ? `${e.tagName.toLowerCase()}.${String(e.className).slice(0, 40)}${p === e ? '' : p}` : null;
      })).filter(Boolean)"""
    with local_page(browser, base, width=360, reduced_motion="reduce") as page:
        for path in ("", "2024/"):
            page.goto(base + path, wait_until="load")
            assert page.evaluate(moving) == [], path
            assert page.evaluate("getComputedStyle(document.documentElement).scrollBehavior") == "auto"
    # Control: without the preference Material does animate, so the check above can fail.
    with local_page(browser, base, width=360) as page:
        page.goto(base, wait_until="load")
        assert page.evaluate(moving)


@pytest.mark.parametrize("width", [360, 1280])
def test_text_at_200_percent_does_not_scroll_sideways(width, built_sites, serve, browser):
    """WCAG 1.4.4/1.4.10: the toolbar's largest step (200 %) on a phone and at a desktop width loses
    nothing and scrolls only down (issue 12: at 360 px the header pushed the search button 32 px off)."""
    site = built_sites["gunungkidul"]
    base = serve(site)
    with local_page(browser, base, width=width) as page:
        page.goto(base, wait_until="load")
        page.evaluate("localStorage.setItem('zi-aksesibilitas', JSON.stringify({teks: 6}))")
        for path in page_paths(site):
            page.goto(base + path, wait_until="load")
            assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "40px"
            widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
            assert widths[0] <= widths[1], f"/{path}: bergulir ke samping pada teks 200 % ({widths})"
            assert page.locator(".zi-akses__buka").is_visible(), path
            search = page.locator(".zi-tombol-cari").bounding_box()
            assert search and search["x"] + search["width"] <= widths[1], f"/{path}: tombol cari terpotong ({search})"

"""The overview page in Chromium: axe (WCAG 2.2 AA and best practices) in two widths and schemes, keyboard use."""

from __future__ import annotations

import pytest

from tests.browser.audit import axe_source, local_page, run_axe

pytestmark = pytest.mark.browser

FOCUS = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const r = e.getBoundingClientRect(), cs = getComputedStyle(e);
  const shown = r.width > 0 && r.height > 0 && r.top < innerHeight && r.bottom > 0 && r.left < innerWidth;
  return {tag: e.tagName.toLowerCase(), cls: String(e.className), id: e.id, href: e.getAttribute('href'),
          text: (e.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 60), shown,
          ring: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2};
}"""


@pytest.mark.parametrize("width,scheme", [(360, "light"), (1280, "dark")])
def test_overview_passes_axe_and_fits(width, scheme, provinsi, serve, browser):
    base = serve(provinsi.site)
    with local_page(browser, base, width=width, scheme=scheme) as page:
        page.goto(base + "urut-progres.html", wait_until="load")
        assert run_axe(page, axe_source()) == []
        assert page.evaluate("document.documentElement.scrollWidth") <= width  # the table scrolls in its region
        assert page.outside == []


def test_overview_by_keyboard(provinsi, serve, browser):
    base = serve(provinsi.site)
    with local_page(browser, base, width=360) as page:
        page.goto(base, wait_until="load")
        page.keyboard.press("Tab")
        skip = page.evaluate(FOCUS)
        assert skip["cls"] == "lewati" and skip["shown"] and skip["ring"], skip
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "isi"
        stops = []
        for _ in range(60):
            page.keyboard.press("Tab")
            stop = page.evaluate(FOCUS)
            if stop is None or stop["href"] == "urut-progres.html":
                break
            stops.append(stop)
        assert stop is not None and stop["href"] == "urut-progres.html", stops
        assert all(s["shown"] and s["ring"] for s in [*stops, stop]), [
            s for s in stops if not (s["shown"] and s["ring"])
        ]
        assert any(s["cls"] == "gulir" for s in stops)  # the table's scroll region is reachable, to scroll by keys
        page.keyboard.press("Enter")
        page.wait_for_url(base + "urut-progres.html")
        assert page.locator("th[aria-sort=descending] a").inner_text().startswith("Progres")

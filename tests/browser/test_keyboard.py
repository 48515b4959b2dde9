"""Keyboard-only use, in Chromium: Tab order, visible focus, drawer, search and toolbar.

The journeys press real keys (Tab, Enter, Space, Escape) and read what the visitor
would see: where focus is, whether it is on screen with an outline, computed font
sizes and colours, and whether a choice survives going to another page.
"""

from __future__ import annotations

import re

import pytest

from generator.domain.areas import CATALOGUE
from tests.browser.audit import local_page, page_paths
from tests.browser.waits import wait_drawer, wait_settled

pytestmark = pytest.mark.browser

FOCUS = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const r = e.getBoundingClientRect(), cs = getComputedStyle(e);
  const shown = r.width > 0 && r.height > 0 && cs.visibility !== 'hidden' && cs.opacity !== '0'
    && r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight;
  const ring = (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2) || cs.boxShadow !== 'none';
  return {tag: e.tagName.toLowerCase(), cls: String(e.className), href: e.href || null,
          name: (e.getAttribute('aria-label') || e.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 60),
          shown, ring, inDrawer: !!e.closest('.md-sidebar--primary')};
}"""


def tab_through(page, limit: int = 400) -> list[dict]:
    """Press Tab from the top of the page until focus wraps back to the skip link."""
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUS)
        if stop is None or (stops and "md-skip" in stop["cls"]):
            break
        stops.append(stop)
    return stops


def area_urls(site, base: str, year: str) -> set[str]:
    """URLs of the year's area pages: built pages whose slug is a catalogued area."""
    slugs = {a.kode for a in CATALOGUE}
    return {base + p for p in page_paths(site) if re.fullmatch(rf"{year}/[a-z0-9-]+/", p) and p.split("/")[1] in slugs}


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("name,year", [("gunungkidul", "2024"), ("wonosobo", "2026")])
def test_tab_journey_from_the_top(name, year, width, built_sites, serve, browser):
    site = built_sites[name]
    base = serve(site)
    with local_page(browser, base, width=width) as page:
        page.goto(base, wait_until="load")
        stops = tab_through(page)
        assert stops, "Tab tidak memindahkan fokus sama sekali"
        assert "md-skip" in stops[0]["cls"], f"Tab pertama bukan tautan 'Lewati ke isi': {stops[0]}"
        hidden = [s for s in stops if not s["shown"]]
        assert hidden == [], f"fokus jatuh pada elemen tak terlihat: {hidden}"
        no_ring = [s for s in stops if not s["ring"]]
        assert no_ring == [], f"fokus tanpa tanda yang terlihat: {no_ring}"
        names = [s["name"] for s in stops[:8]]
        assert "Aksesibilitas" in names, names
        hrefs = {s["href"] for s in stops}
        missing = area_urls(site, base, year) - hrefs
        assert not missing, f"halaman area tidak tercapai dengan Tab: {sorted(missing)}"
        if width == 1280:
            assert any(s["inDrawer"] for s in stops), "navigasi samping tidak tercapai"
        else:
            assert not any(s["inDrawer"] for s in stops), "menu tertutup tetap menerima fokus"
            assert stops[1]["name"] == "Menu navigasi", stops[:3]
        assert page.outside == []


def test_mobile_menu_by_keyboard(built_sites, serve, browser):
    site = built_sites["gunungkidul"]
    base = serve(site)
    with local_page(browser, base, width=360) as page:
        page.goto(base + "2024/", wait_until="load")
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")
        button = page.locator(".zi-tombol-menu")
        assert page.evaluate(FOCUS)["name"] == "Menu navigasi"
        assert button.get_attribute("aria-expanded") == "false"
        page.keyboard.press("Enter")
        wait_drawer(page, open=True)
        assert button.get_attribute("aria-expanded") == "true"
        first = page.evaluate(FOCUS)
        assert first["inDrawer"] and first["shown"], first
        # Every link in the open drawer is reachable and on screen; the area pages are there.
        inside = []
        for _ in range(40):
            page.keyboard.press("Tab")
            stop = page.evaluate(FOCUS)
            if not stop or not stop["inDrawer"]:
                break
            inside.append(stop)
        assert all(s["shown"] and s["ring"] for s in inside), inside
        assert area_urls(site, base, "2024") <= {s["href"] for s in inside}
        # Tabbing out of the drawer closed it: focus never hides behind the overlay.
        assert button.get_attribute("aria-expanded") == "false"
        # Escape closes it and gives focus back to the menu button.
        page.locator(".zi-tombol-menu").focus()
        page.keyboard.press("Enter")
        wait_drawer(page, open=True)
        assert button.get_attribute("aria-expanded") == "true"
        page.keyboard.press("Escape")
        assert button.get_attribute("aria-expanded") == "false"
        assert page.evaluate("document.activeElement.classList.contains('zi-tombol-menu')")
        wait_drawer(page, open=False)
        assert not page.locator(".md-sidebar--primary .md-nav__link").first.is_visible()


@pytest.mark.parametrize("width", [360, 1280])
def test_search_opens_by_keyboard_and_escape_returns_focus(width, built_sites, serve, browser):
    base = serve(built_sites["gunungkidul"])
    with local_page(browser, base, width=width) as page:
        page.goto(base, wait_until="load")
        page.locator(".zi-tombol-cari").focus()
        page.keyboard.press("Enter")
        assert page.evaluate("document.getElementById('zi-cari').open")
        assert page.evaluate("document.activeElement.id === 'zi-cari-masukan'")
        page.keyboard.type("Keputusan")
        page.locator(".zi-cari__halaman").first.wait_for(timeout=15000)
        page.keyboard.press("Escape")
        page.wait_for_function("!document.getElementById('zi-cari').open")
        page.wait_for_function("document.activeElement.classList.contains('zi-tombol-cari')")
        stop = page.evaluate(FOCUS)
        assert stop["shown"] and stop["ring"], stop


SPEECH_RECORDER = """
window.__ucapan = []; window.__batal = 0;
if (window.speechSynthesis) {
  speechSynthesis.speak = (u) => window.__ucapan.push({text: u.text, lang: u.lang});
  speechSynthesis.cancel = () => { window.__batal += 1; };
}
"""


def _focus_by_tab(page, selector: str, limit: int = 30) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} tidak tercapai dengan Tab")


def _px(page, selector: str, prop: str) -> str:
    return page.evaluate("([s, p]) => getComputedStyle(document.querySelector(s))[p]", [selector, prop])


@pytest.mark.parametrize("key", ["Enter", " "])
def test_toolbar_by_keyboard_and_choices_persist(key, built_sites, serve, browser):
    """Each toolbar control works with Enter and with Space; its effect is visible and persists."""
    site = built_sites["gunungkidul"]
    base = serve(site)
    fonts = []
    with local_page(browser, base, width=1280) as page:
        page.add_init_script(SPEECH_RECORDER)
        page.on("request", lambda r: fonts.append(r.url) if r.url.endswith(".woff2") else None)
        page.goto(base + "2024/", wait_until="load")
        text = ".md-content__inner p"
        size_before = float(_px(page, text, "fontSize").removesuffix("px"))

        _focus_by_tab(page, ".zi-akses__buka")
        page.keyboard.press(key)
        assert page.locator(".zi-akses__buka").get_attribute("aria-expanded") == "true"
        assert page.locator("#zi-akses-panel").is_visible()
        assert page.evaluate("document.activeElement.closest('#zi-akses-panel') !== null")

        # Text size: two steps up (100 % → 110 % → 125 %), read from the page itself.
        _focus_by_tab(page, "[data-zi-teks='1']")
        page.keyboard.press(key)
        page.keyboard.press(key)
        size_after = float(_px(page, text, "fontSize").removesuffix("px"))
        assert size_after / size_before == pytest.approx(1.25, rel=0.02), (size_before, size_after)
        assert page.locator("[data-zi-teks-nilai]").inner_text() == "125 %"

        # High contrast: white on black.
        _focus_by_tab(page, "[data-zi-opsi=kontras]")
        page.keyboard.press(key)
        assert page.locator("[data-zi-opsi=kontras]").get_attribute("aria-pressed") == "true"
        wait_settled(page)
        assert _px(page, "body", "backgroundColor") == "rgb(0, 0, 0)"
        assert _px(page, text, "color") == "rgb(255, 255, 255)"

        # Readable font: OpenDyslexic, served by this site, actually loaded.
        _focus_by_tab(page, "[data-zi-opsi=huruf]")
        page.keyboard.press(key)
        assert _px(page, text, "fontFamily").strip('"').startswith("OpenDyslexic")
        page.wait_for_function("document.fonts.check('16px OpenDyslexic')")
        assert any(u.startswith(base) and "opendyslexic" in u for u in fonts), fonts

        # Underlined links, navigation included.
        _focus_by_tab(page, "[data-zi-opsi=garis]")
        page.keyboard.press(key)
        assert "underline" in _px(page, ".md-sidebar--primary .md-nav__link[href]", "textDecorationLine")

        # Stop animations: Material's colour transitions drop to zero.
        assert _px(page, ".md-nav__link[href]", "transitionDuration") != "0s"
        _focus_by_tab(page, "[data-zi-opsi=diam]")
        page.keyboard.press(key)
        assert _px(page, ".md-nav__link[href]", "transitionDuration") == "0s"

        # Read aloud: the page's blocks go to speech synthesis in Indonesian, from the h1 on.
        _focus_by_tab(page, "[data-zi-baca]")
        page.keyboard.press(key)
        spoken = page.evaluate("window.__ucapan")
        h1 = page.locator("article h1").inner_text().strip().rstrip("¶").strip()  # without its permalink
        assert spoken and spoken[0]["text"] == h1 and {u["lang"] for u in spoken} == {"id-ID"}
        assert len(spoken) > 20  # the whole page, block by block
        assert page.evaluate("document.activeElement.matches('[data-zi-henti]')")
        page.keyboard.press(key)
        assert page.evaluate("window.__batal") >= 2  # once before speaking, once to stop
        assert page.evaluate("document.activeElement.matches('[data-zi-baca]')")

        # Escape closes the panel and returns focus to its button.
        page.keyboard.press("Escape")
        assert not page.locator("#zi-akses-panel").is_visible()
        assert page.evaluate("document.activeElement.matches('.zi-akses__buka')")

        # Another page: every choice is still in force, and the panel shows it.
        area = sorted(area_urls(site, base, "2024"))[0]
        page.goto(area, wait_until="load")
        assert float(_px(page, text, "fontSize").removesuffix("px")) == pytest.approx(size_after, rel=0.01)
        classes = page.evaluate("document.documentElement.className")
        for mode in ("zi-kontras", "zi-huruf", "zi-garis", "zi-diam"):
            assert mode in classes, classes
        page.locator(".zi-akses__buka").click()
        assert page.locator("[data-zi-opsi=kontras]").get_attribute("aria-pressed") == "true"

        # Reset brings everything back.
        page.locator("[data-zi-reset]").click()
        assert float(_px(page, text, "fontSize").removesuffix("px")) == pytest.approx(size_before, rel=0.01)
        assert "zi-kontras" not in page.evaluate("document.documentElement.className")
        assert page.outside == []

"""Wayfinding on a phone: the header names the site in full view, at 100 % and 200 % text."""

from __future__ import annotations

import pytest

from tests.conftest import ARTIFACTS

pytestmark = pytest.mark.browser

# The header's first topic (the site name); the second shows the page title once the visitor scrolls.
_JUDUL = """() => {
  const e = document.querySelector('.md-header__topic:first-child .md-ellipsis');
  return {teks: e.textContent.trim(), scroll: e.scrollWidth, client: e.clientWidth,
          tampak: e.getBoundingClientRect().width > 0};
}"""


@pytest.mark.parametrize("name", ["gunungkidul", "wonosobo"])
@pytest.mark.parametrize("teks", [None, 6], ids=["100", "200"])
def test_site_name_fits_the_phone_header(name, teks, built_sites, serve, browser):
    base = serve(built_sites[name])
    context = browser.new_context(viewport={"width": 360, "height": 780}, locale="id-ID")
    page = context.new_page()
    try:
        page.goto(base, wait_until="load")
        if teks is not None:
            page.evaluate(f"localStorage.setItem('zi-aksesibilitas', JSON.stringify({{teks: {teks}}}))")
            page.goto(base, wait_until="load")
            assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "40px"
        judul = page.evaluate(_JUDUL)
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{name}-kepala-360-{teks or 0}.png"))
        # From 125 % text the header title gives way to the page's h1 (aksesibilitas.css); at 100 % it shows.
        assert judul["tampak"] or teks is not None, judul
        assert judul["scroll"] <= judul["client"], f"nama situs terpotong di kepala halaman: {judul}"
        assert judul["teks"] == "ZI KPU " + name.capitalize(), judul
        # The full name stays in the page's <title>.
        assert page.title() == "Zona Integritas KPU Kabupaten " + name.capitalize(), page.title()
    finally:
        context.close()

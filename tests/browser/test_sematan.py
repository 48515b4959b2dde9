"""The embeddable card and the "Tautkan situs ini" page in Chromium: axe in both colour schemes,
the card's size, no script and no request to another host, and the card readable inside an iframe."""

from __future__ import annotations

import pytest

from generator.pages import alamat
from generator.pages.sebar import TINGGI_SEMATAN
from tests.browser.audit import axe_source, local_page, run_axe

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def axe() -> str:
    return axe_source()


@pytest.mark.parametrize(("name", "scheme"), [("gunungkidul", "light"), ("wonosobo", "dark")])
def test_embed_card_passes_axe_in_both_schemes(name, scheme, built_sites, serve, browser, axe):
    site = built_sites[name]
    assert (site / alamat.EMBED / "index.html").stat().st_size < 15 * 1024
    base = serve(site)
    with local_page(browser, base, width=360, scheme=scheme) as page:
        scripts = []
        page.on("request", lambda r: scripts.append(r.url) if r.resource_type == "script" else None)
        page.goto(base + alamat.EMBED, wait_until="load")
        assert page.evaluate("document.documentElement.lang") == "id"
        assert page.locator("h1").count() == 1
        background = page.evaluate("getComputedStyle(document.documentElement).backgroundColor")
        assert background == ("rgb(22, 23, 28)" if scheme == "dark" else "rgb(255, 255, 255)")
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "card wider than 360 px"
        # The iframe the snippets and oEmbed give (360 x TINGGI_SEMATAN) shows the whole card.
        height = page.evaluate("document.querySelector('main').getBoundingClientRect().bottom")
        assert height <= TINGGI_SEMATAN, f"card {height} px tall, iframe {TINGGI_SEMATAN} px"
        problems = run_axe(page, axe)
        assert scripts == [] and page.outside == []
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize(("name", "width", "scheme"), [("wonosobo", 1280, "light"), ("gunungkidul", 360, "dark")])
def test_tautkan_page_passes_axe_with_its_previews(name, width, scheme, built_sites, serve, browser, axe):
    base = serve(built_sites[name])
    with local_page(browser, base, width=width, scheme=scheme) as page:
        page.goto(base + alamat.TAUTKAN, wait_until="load")
        frame = page.frame_locator("iframe[title='Pratinjau kartu ringkasan situs ini']")
        frame.locator("h1").wait_for()
        assert page.locator("img[src$='lencana.svg']").evaluate("i => i.complete && i.naturalWidth > 0")
        assert page.locator("pre code").count() == 3
        problems = run_axe(page, axe)
        assert page.outside == []
    assert problems == [], "\n".join(problems)

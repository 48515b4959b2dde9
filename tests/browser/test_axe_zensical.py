"""axe-core finds no WCAG 2.2 A/AA violation on any page of the Zensical builds.

Every page of both example sites built with `zi build --mesin zensical` (the list comes from
the built files, 404 page included), at 360 px and 1280 px, in the light and dark schemes;
each test also proves that no request left 127.0.0.1.
"""

from __future__ import annotations

import pytest

from tests.browser.audit import SCHEMES, WIDTHS, audit_every_page, axe_source

pytestmark = pytest.mark.browser
SITES = ["gunungkidul", "wonosobo"]


@pytest.fixture(scope="module")
def axe() -> str:
    return axe_source()


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", SITES)
def test_every_zensical_page(name, width, scheme, zensical_sites, serve, browser, axe):
    site = zensical_sites[name]
    problems = audit_every_page(site, serve(site), browser, axe, width=width, scheme=scheme)
    assert problems == [], "\n".join(problems)

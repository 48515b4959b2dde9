"""axe-core finds no WCAG 2.2 A/AA violation on any page of the Zensical builds.

Every page of both example sites built with `zi build --mesin zensical` (the list comes from
the built files, 404 page included), once on a 360 px phone in the light scheme and once at
1280 px in the dark scheme: both widths and both schemes, every page, in two passes rather than
four (the Material build, whose templates Zensical reuses, gets all four in test_axe.py; the
suite must fit CI's 25 minutes). Each test also proves that no request left 127.0.0.1.
"""

from __future__ import annotations

import pytest

from tests.browser.audit import audit_every_page, axe_source

pytestmark = pytest.mark.browser
SITES = ["gunungkidul", "wonosobo"]


@pytest.fixture(scope="module")
def axe() -> str:
    return axe_source()


@pytest.mark.parametrize(("width", "scheme"), [(360, "light"), (1280, "dark")])
@pytest.mark.parametrize("name", SITES)
def test_every_zensical_page(name, width, scheme, zensical_sites, serve, browser, axe):
    site = zensical_sites[name]
    problems = audit_every_page(site, serve(site), browser, axe, width=width, scheme=scheme)
    assert problems == [], "\n".join(problems)

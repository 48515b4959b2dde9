"""axe-core in Debian's Chromium: the helpers the accessibility tests share.

axe-core comes from npm, pinned in package.json/package-lock.json (`make test` runs
`npm ci`); it is injected into the page under test, never loaded from a CDN.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.conftest import REPO

AXE_JS = REPO / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.0, 2.1 and 2.2, levels A and AA (issue 3), plus axe's best practices, which
# catch things such as an unnamed dialog that the WCAG tags leave out.
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]
WIDTHS = (360, 1280)
SCHEMES = ("light", "dark")


def axe_source() -> str:
    if not AXE_JS.exists():
        pytest.fail("axe-core belum terpasang: jalankan `make test` (menjalankan npm ci) atau `npm ci`")
    return AXE_JS.read_text(encoding="utf-8")


def run_axe(page, source: str, context: str = "document") -> list[str]:
    """Run axe on the page as it is now; return one line per violating node."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(source)
    result = page.evaluate(
        f"(tags) => axe.run({context}, {{runOnly: {{type: 'tag', values: tags}}, resultTypes: ['violations']}})", TAGS
    )
    return [f"{v['id']} ({v['impact']}): {n['target']} — {v['help']}" for v in result["violations"] for n in v["nodes"]]


def page_paths(site: Path) -> list[str]:
    """Every built page as a URL path, read from the built files (404 page included).

    Not the standalone embed card (``embed/``, no theme): tests/browser/test_sematan.py audits it.
    """
    paths = []
    for p in sorted(site.rglob("*.html")):
        rel = p.relative_to(site).as_posix()
        if rel.startswith("embed/"):
            continue
        paths.append(rel.removesuffix("index.html"))
    return paths


@contextmanager
def local_page(browser, base: str, *, width: int = 1280, scheme: str = "light", **options):
    """A fresh context whose page may only talk to the local test server.

    Requests to any other host are aborted and listed in `page.outside`.
    """
    context = browser.new_context(
        viewport={"width": width, "height": 800}, locale="id-ID", color_scheme=scheme, **options
    )
    page = context.new_page()
    page.outside = []

    def guard(route):
        if route.request.url.startswith(base):
            route.continue_()
        else:
            page.outside.append(route.request.url)
            route.abort()

    page.route("**/*", guard)
    try:
        yield page
    finally:
        context.close()


def audit_every_page(site: Path, base: str, browser, axe: str, *, width: int, scheme: str) -> list[str]:
    """axe on every built page of ``site`` served at ``base``, in one width and colour scheme.

    Returns one line per violation; also checks that each page shows the scheme asked for and
    that no request left 127.0.0.1. Shared by the Material and the Zensical audits.
    """
    paths = page_paths(site)
    assert len(paths) >= 12, paths
    problems = []
    with local_page(browser, base, width=width, scheme=scheme) as page:
        for path in paths:
            page.goto(base + path, wait_until="load")
            body_scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
            assert body_scheme == ("slate" if scheme == "dark" else "default"), path
            problems += [f"/{path}: {line}" for line in run_axe(page, axe)]
        assert page.outside == [], f"permintaan ke host lain: {page.outside}"
    return problems

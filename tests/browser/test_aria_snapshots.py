"""What a screen reader hears: the accessibility tree Chromium exposes, kept as reviewed golden files.

One ARIA snapshot (Playwright's ``locator.aria_snapshot()``) of the whole page for each page type
(tests/browser/page_types.py) of both example sites, at 1280 px, light. Any change in what assistive
technology reads shows up as a diff in review. After a deliberate change, refresh and READ the diff:

    ZI_PERBARUI_GOLDEN=1 pytest tests/browser/test_aria_snapshots.py

The pages hold no clock date (every date comes from the data), so the snapshots are stable.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

from tests.browser.audit import local_page
from tests.browser.page_types import page_types
from tests.browser.waits import wait_settled

pytestmark = pytest.mark.browser

GOLDEN = Path(__file__).parent / "golden_aria"
REFRESH = os.environ.get("ZI_PERBARUI_GOLDEN") == "1"


@pytest.mark.parametrize("name", ["gunungkidul", "wonosobo"])
def test_aria_snapshot_of_every_page_type_equals_golden(name, built_sites, serve, browser):
    site = built_sites[name]
    base = serve(site)
    types = page_types(site)
    assert {"beranda", "rencana", "area", "survei", "dokumen", "perlu-perhatian", "404"} <= set(types), types
    differences, written = [], []
    with local_page(browser, base, width=1280, scheme="light", reduced_motion="reduce") as page:
        for kind, path in types.items():
            page.goto(base + path, wait_until="load")
            wait_settled(page)
            snapshot = page.locator("body").aria_snapshot() + "\n"
            golden = GOLDEN / f"{name}-{kind}.yaml"
            if REFRESH:
                GOLDEN.mkdir(exist_ok=True)
                golden.write_text(snapshot, encoding="utf-8")
                written.append(golden.name)
                continue
            assert golden.exists(), f"{golden} belum ada; buat dengan ZI_PERBARUI_GOLDEN=1 pytest {Path(__file__).name}"
            expected = golden.read_text(encoding="utf-8")
            if snapshot != expected:
                diff = difflib.unified_diff(
                    expected.splitlines(), snapshot.splitlines(), f"golden/{golden.name}", f"/{path}", lineterm=""
                )
                differences.append("\n".join(diff))
        assert page.outside == []
    if REFRESH:
        pytest.skip(f"ditulis ulang: {', '.join(written)}")
    assert not differences, "pohon aksesibilitas berubah (periksa, lalu perbarui golden):\n" + "\n\n".join(differences)


def test_every_golden_file_belongs_to_a_page_type(built_sites):
    expected = {f"{name}-{kind}.yaml" for name, site in built_sites.items() for kind in page_types(site)}
    assert {p.name for p in GOLDEN.glob("*.yaml")} == expected

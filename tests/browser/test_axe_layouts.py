"""axe-core on the plan and area pages of the other decree layouts (quarterly + PJ; semester, no indikator)."""

from __future__ import annotations

import pytest

from tests.browser.audit import axe_source, local_page, run_axe
from tests.importer.decree_table import write_xlsx
from tests.importer.test_import_layouts import ROWS_A, ROWS_B, build, import_cli, sheet_a, sheet_b

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("layout", ["triwulan-pj", "semester-tanpa-indikator"])
def test_other_layout_pages_pass_axe(tmp_path, layout, serve, browser):
    sheet = sheet_a(ROWS_A) if layout == "triwulan-pj" else sheet_b(ROWS_B)
    result, _ = import_cli(write_xlsx(sheet, tmp_path / "ra.xlsx"), tmp_path / "kerja")
    assert result.returncode == 0, result.stderr
    site = build(tmp_path / "kerja")
    base = serve(site)
    paths = sorted(str(p.parent.relative_to(site)) + "/" for p in (site / "2025").rglob("index.html"))
    assert len(paths) >= 4, paths  # the plan page and one page per area
    axe = axe_source()
    problems = []
    for width in (360, 1280):
        with local_page(browser, base, width=width) as page:
            for path in paths:
                page.goto(base + path, wait_until="load")
                problems += [f"/{path} ({width} px): {line}" for line in run_axe(page, axe)]
            assert page.outside == []
    assert problems == [], "\n".join(problems)

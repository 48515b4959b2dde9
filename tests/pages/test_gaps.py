"""A lost area heading reads as a gap in the lampiran table, never as a stray "None"."""

from __future__ import annotations

import dataclasses

from generator.load import load_site
from generator.pages import build_pages
from tests.conftest import DATA


def test_area_cell_without_heading_or_source_note_says_the_row_is_not_legible():
    site = load_site(DATA["wonosobo"])  # its decree has an area column
    plan = site.latest
    assert plan.rencana.lampiran.kolom.area
    first = dataclasses.replace(plan.areas[0], judul=None, celah=None)
    plan = dataclasses.replace(plan, areas=(first, *plan.areas[1:]))
    site = dataclasses.replace(site, plans=(*site.plans[:-1], plan))
    page = next(p for p in build_pages(site) if p.path == f"{plan.tahun}/index.md")
    row = page.markdown[page.markdown.index('<table class="zi-lampiran">') :]
    row = row[row.index("<tbody>") : row.index("</tr>", row.index('<th scope="row"'))]
    assert '<span class="zi-celah__label">Baris ini tidak terbaca pada salinan sumber.</span>' in row
    assert ">None<" not in page.markdown

"""Python-Markdown extension: a space between table cells, so search snippets keep cell boundaries.

Search indexers read a page's text and drop its tags: Material's search plugin (and Zensical's
``search.json``) join ``<td>Penguatan Akuntabilitas</td><td>10 dari 12</td>`` into
"Penguatan Akuntabilitas10 dari 12". The tables of this site are written as raw HTML with no
whitespace between cells. This extension puts one space before each ``<td>``/``<th>`` start
tag of the page's HTML (whitespace between cells is ignored by the HTML table model, so the
page looks and reads the same), which both indexers keep as a word boundary. It runs on the
finished HTML of the content as a postprocessor (after raw HTML has been put back), with the
standard library's HTML parser (``generator.html.parse``), so no engine hook is needed.

Load it as ``generator.html.cells`` in ``markdown_extensions``.
"""

from __future__ import annotations

from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor

from generator.html.parse import Attrs, TagPatch, rewrite_start_tags

_CELLS = frozenset({"td", "th"})
# After Python-Markdown's raw-HTML postprocessor (30), which puts the templates' tables back.
_PRIORITY = 5


class _SpaceBeforeCells(TagPatch):
    TAGS = _CELLS

    def start(self, tag: str, attrs: Attrs, raw: str) -> str | None:
        return " " + raw if tag in _CELLS else None


def separate_cells(html: str) -> str:
    """``html`` with one space before every table cell's start tag; nothing else changes."""
    return rewrite_start_tags(html, _SpaceBeforeCells()) if "<t" in html else html


class CellSeparator(Postprocessor):
    def run(self, text: str) -> str:
        return separate_cells(text)


class CellsExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.postprocessors.register(CellSeparator(md), "zi_cells", _PRIORITY)


def makeExtension(**kwargs: Any) -> CellsExtension:
    return CellsExtension(**kwargs)

"""Python-Markdown extension: each heading's permalink gets an accessible name.

The ``toc`` extension ends every heading with ``<a class="headerlink" title="…">&para;</a>``.
Most screen readers do not read ``title``, so the link would be announced as "pilcrow".
This extension gives each such link ``aria-label="<title>: <heading text>"`` (WCAG 2.4.4,
link purpose). It works on the element tree, after ``toc`` has added the links, so no
HTML is parsed with regexes and any engine that runs Python-Markdown with the
``markdown_extensions`` of ``mkdocs.yml`` (MkDocs, Zensical) gets the same names.

Load it as ``generator.html.permalink`` after ``toc`` in ``markdown_extensions``.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as etree
from copy import deepcopy
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.extensions.toc import render_inner_html
from markdown.treeprocessors import Treeprocessor

from generator.html.parse import text_of

_HEADINGS = frozenset(f"h{n}" for n in range(1, 7))
# After ``toc`` (priority 5) and before ``unescape`` (0), which ``render_inner_html`` repeats.
_PRIORITY = 4


def _permalink(heading: etree.Element, css_class: str) -> etree.Element | None:
    for child in heading:
        if child.tag == "a" and css_class in (child.get("class") or "").split():
            return child
    return None


class PermalinkLabels(Treeprocessor):
    """Adds ``aria-label`` to every permalink ``toc`` put in a heading."""

    def __init__(self, md: Markdown, css_class: str) -> None:
        super().__init__(md)
        self.css_class = css_class

    def run(self, root: etree.Element) -> None:
        for heading in root.iter():
            if heading.tag not in _HEADINGS:
                continue
            link = _permalink(heading, self.css_class)
            if link is None or link.get("title") is None or link.get("aria-label") is not None:
                continue
            bare = deepcopy(heading)
            del bare[list(heading).index(link)]
            # The heading as the page will show it (inline code, entities and raw HTML
            # restored by Python-Markdown's own postprocessors), reduced to its text.
            text = " ".join(text_of(render_inner_html(bare, self.md)).split())
            if not text:
                continue
            # Python-Markdown's serializer keeps an existing character reference and does not
            # escape "'": escaping here, as html.escape does, keeps a literal "&lt;" in a heading
            # a literal and writes the value exactly as before (byte-identical pages).
            link.set("aria-label", html.escape(f"{link.get('title')}: {text}", quote=True))


class PermalinkExtension(Extension):
    def __init__(self, **kwargs: Any) -> None:
        self.config = {"permalink_class": ["headerlink", "CSS class of the toc permalinks"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(PermalinkLabels(md, self.getConfig("permalink_class")), "zi_permalink", _PRIORITY)


def makeExtension(**kwargs: Any) -> PermalinkExtension:
    return PermalinkExtension(**kwargs)

"""Accessible hiding for markup the theme generates, patched after the engine.

Permalinks get their names in the content itself (``generator.html.permalink``, a
Python-Markdown extension). What no template setting or Markdown extension reaches is
Material's chrome: it includes its icons as inline ``<svg>`` inside buttons and links that
already carry a name. Outside the article they are decoration and are hidden from assistive
technology (``aria-hidden="true" focusable="false"``). Inside the article nothing is changed:
a content SVG must say what it is (``role="img"`` with a title) or be hidden by its author,
and the test suite checks it. The 404 page has no permalinks, so nothing else is patched.

The page is read with the standard library's HTML parser and written back unchanged except
the start tags of those icons.
"""

from __future__ import annotations

from generator.html.parse import Attrs, TagPatch, rewrite_start_tags

_HIDDEN = ' aria-hidden="true" focusable="false"'
_CONTENT_CLASS = "md-content__inner"


class _HideChromeIcons(TagPatch):
    TAGS = frozenset({"article", "svg"})

    def __init__(self) -> None:
        self.article_depth = 0  # > 0 inside Material's content <article>
        self.open_articles: list[bool] = []  # for each open <article>: is it the content one?

    def start(self, tag: str, attrs: Attrs, raw: str) -> str | None:
        if tag == "article":
            content = _CONTENT_CLASS in (dict(attrs).get("class") or "").split()
            self.open_articles.append(content)
            self.article_depth += content
            return None
        if tag != "svg" or self.article_depth:
            return None
        if any(name in ("aria-hidden", "role") for name, _ in attrs):
            return None
        return raw[:4] + _HIDDEN + raw[4:]  # raw starts with "<svg"

    def end(self, tag: str) -> None:
        if tag == "article" and self.open_articles:
            self.article_depth -= self.open_articles.pop()


def finish_page(page: str) -> str:
    """Hide decorative icons outside the article; everything else is left as it is."""
    return rewrite_start_tags(page, _HideChromeIcons())

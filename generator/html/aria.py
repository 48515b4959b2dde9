"""Accessible names and hiding for markup the theme and Python-Markdown generate.

Two things no template setting reaches:

* Python-Markdown's permalink after each heading is a bare "¶". Its ``title`` is not
  read by most screen readers, so the link is announced as "pilcrow". Each one gets an
  ``aria-label`` naming its heading (WCAG 2.4.4, link purpose).
* Material includes its icons as inline ``<svg>`` inside buttons and links that already
  carry a name. Outside the article they are decoration and are hidden from assistive
  technology. Inside the article nothing is changed: a content SVG must say what it is
  (``role="img"`` with a title) or be hidden by its author, and the test suite checks it.
"""

from __future__ import annotations

import html
import re

_HEADING = re.compile(r"<h([1-6])(\s[^>]*)?>(.*?)</h\1>", re.DOTALL)
_HEADERLINK = re.compile(r'<a class="headerlink" href="(#[^"]*)" title="([^"]*)">')
_TAG = re.compile(r"<[^>]+>")
_ARTICLE = re.compile(r'(<article class="md-content__inner[^"]*">)(.*?)(</article>)', re.DOTALL)
_BARE_SVG = re.compile(r"<svg\b(?![^>]*\b(?:aria-hidden|role)=)")


def _heading_text(inner: str) -> str:
    without_link = re.sub(r'<a class="headerlink".*?</a>', "", inner, flags=re.DOTALL)
    return " ".join(html.unescape(_TAG.sub("", without_link)).split())


def _label_permalinks(page: str) -> str:
    def heading(m: re.Match[str]) -> str:
        text = _heading_text(m.group(3))
        if not text:
            return m.group(0)

        def link(a: re.Match[str]) -> str:
            label = html.escape(f"{a.group(2)}: {text}", quote=True)
            return f'<a class="headerlink" href="{a.group(1)}" title="{a.group(2)}" aria-label="{label}">'

        return _HEADERLINK.sub(link, m.group(0))

    return _HEADING.sub(heading, page)


def _hide_icons(chrome: str) -> str:
    return _BARE_SVG.sub('<svg aria-hidden="true" focusable="false"', chrome)


def finish_page(page: str) -> str:
    """Label permalinks everywhere; hide decorative icons outside the article."""
    page = _label_permalinks(page)
    m = _ARTICLE.search(page)
    if not m:
        return _hide_icons(page)
    return _hide_icons(page[: m.start()]) + m.group(0) + _hide_icons(page[m.end():])

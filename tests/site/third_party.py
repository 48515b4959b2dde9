"""What a built page would fetch from another host, found with an HTML parser (any quoting).

Every attribute of every tag is read; an absolute URL (``https:``, ``http:`` or
protocol-relative ``//``) is reported unless the attribute only names or links to
something (a link a visitor must click, a namespace, a canonical address). CSS is
searched in ``style`` attributes, ``<style>`` elements and stylesheet files; ``srcset``
candidates and a ``<meta http-equiv="refresh">`` target are read too.
"""

from __future__ import annotations

import html.parser
import re

# A link the visitor follows, not a fetch the page makes.
_NAVIGATION = {("a", "href"), ("area", "href")}
# <link rel=…> values that only name another address; everything else (stylesheet, icon,
# preload, preconnect, dns-prefetch, manifest, …) makes the browser contact the host.
_NAMING_RELS = {"canonical", "alternate", "author", "license", "help", "next", "prev", "search"}
_CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')""", re.I)


def is_remote(url: str) -> bool:
    # Browsers drop tabs and newlines anywhere in a URL and spaces around it.
    url = re.sub(r"[\t\n\r]", "", url).strip().lower()
    return url.startswith(("http:", "https:", "//", "\\\\", "/\\", "\\/"))


def css_remote_urls(css: str) -> list[str]:
    return [u for m in _CSS_URL.finditer(css) for u in m.groups() if u is not None and is_remote(u)]


def _srcset(value: str) -> list[str]:
    return [c.split()[0] for c in value.split(",") if c.split()]


class _Finder(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_style = tag == "style"
        values = dict(attrs)
        rels = set((values.get("rel") or "").lower().split())
        for name, value in attrs:
            if value is None or name.startswith("xmlns") or (tag, name) in _NAVIGATION:
                continue
            if tag == "link" and name == "href" and rels and rels <= _NAMING_RELS:
                continue
            if name == "style":
                urls = css_remote_urls(value)
            elif name in ("srcset", "imagesrcset"):
                urls = [u for u in _srcset(value) if is_remote(u)]
            elif tag == "meta" and name == "content" and "url=" in value.lower():
                urls = [u for u in [value[value.lower().index("url=") + 4 :].strip("'\" ")] if is_remote(u)]
            else:
                urls = [value] if is_remote(value) else []
            self.found += [f"<{tag} {name}>: {u}" for u in urls]

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.found += [f"<style>: {u}" for u in css_remote_urls(data)]


def remote_loads(page: str) -> list[str]:
    """Each resource ``page`` would load from another host, as "<tag attr>: url"."""
    finder = _Finder()
    finder.feed(page)
    finder.close()
    return finder.found

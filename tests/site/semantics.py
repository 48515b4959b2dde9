"""Our own accessibility lint over built HTML: what axe-core does not check, or not strictly.

axe passes an inline <svg> with no role and no name, a heading that skips a level
inside a long page only when it is visible, and a link that reads "di sini". Each check
returns a list of problems (empty when the page is fine), so the tests can show every
problem of every page at once.
"""

from __future__ import annotations

import html.parser
import re
from dataclasses import dataclass, field

# Link texts that mean nothing out of context (WCAG 2.4.4), in Indonesian and English.
VAGUE_LINKS = {
    "di sini",
    "disini",
    "klik",
    "klik di sini",
    "klik disini",
    "selengkapnya",
    "baca selengkapnya",
    "lihat",
    "lihat di sini",
    "tautan",
    "link",
    "ini",
    "unduh",
    "here",
    "click here",
    "more",
    "read more",
}
# Theme strings that stay English when a translation is missing (WCAG 3.1.2 on lang="id" pages).
ENGLISH = (
    "Permanent link",
    "Header",
    "Footer",
    "Made with",
    "Skip to content",
    "Back to top",
    "Table of contents",
    "Copy to clipboard",
    "Not found",
    "Navigation",
    "Search",
    "Share",
    "Clear",
    "Initializing search",
    "Type to start searching",
    "Previous",
    "Next",
)
HEADING = re.compile(r"h([1-6])")
SCOPES = {"col", "row", "colgroup", "rowgroup"}
VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
    "path",
    "circle",
    "rect",
    "line",
    "polyline",
    "polygon",
    "use",
    "stop",
}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    parent: Node | None = None
    children: list = field(default_factory=list)  # Node or str

    def text(self) -> str:
        return " ".join("".join(c if isinstance(c, str) else " " + c.text() + " " for c in self.children).split())

    def iter(self):
        yield self
        for c in self.children:
            if isinstance(c, Node):
                yield from c.iter()

    def ancestors(self):
        n = self.parent
        while n is not None:
            yield n
            n = n.parent


class _Builder(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.cur = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: (v or "") for k, v in attrs}, self.cur)
        self.cur.children.append(node)
        if tag not in VOID:
            self.cur = node

    def handle_startendtag(self, tag, attrs):
        self.cur.children.append(Node(tag, {k: (v or "") for k, v in attrs}, self.cur))

    def handle_endtag(self, tag):
        n = self.cur
        while n is not None and n.tag != tag:
            n = n.parent
        if n is not None and n.parent is not None:
            self.cur = n.parent

    def handle_data(self, data):
        if self.cur.tag not in ("script", "style"):
            self.cur.children.append(data)


def parse(source: str) -> Node:
    b = _Builder()
    b.feed(source)
    return b.root


def _hidden(node: Node) -> bool:
    return any("hidden" in n.attrs or n.attrs.get("aria-hidden") == "true" for n in [node, *node.ancestors()])


def _name(node: Node) -> str:
    """A link's accessible name, roughly as a screen reader computes it."""
    if node.attrs.get("aria-label"):
        return node.attrs["aria-label"].strip()
    parts = []
    for n in node.iter():
        if n is not node and n.attrs.get("aria-hidden") == "true":
            continue
        if n.tag == "img":
            parts.append(n.attrs.get("alt", ""))
    text = node.text()
    return " ".join((text + " " + " ".join(parts)).split())


def check_page(source: str) -> list[str]:
    doc = parse(source)
    nodes = list(doc.iter())
    problems: list[str] = []
    by_tag: dict[str, list[Node]] = {}
    for n in nodes:
        by_tag.setdefault(n.tag, []).append(n)

    html_el = by_tag.get("html", [None])[0]
    if html_el is None or html_el.attrs.get("lang") != "id":
        problems.append('bahasa: <html> tanpa lang="id"')

    # Landmarks: one main, and a header, navigation and footer.
    if len(by_tag.get("main", [])) != 1:
        problems.append(f"landmark: {len(by_tag.get('main', []))} <main>, harus tepat satu")
    for tag in ("header", "nav", "footer"):
        if not by_tag.get(tag):
            problems.append(f"landmark: tidak ada <{tag}>")

    # Headings: one h1; no level skipped going down.
    headings = [(int(HEADING.fullmatch(n.tag).group(1)), n) for n in nodes if HEADING.fullmatch(n.tag)]
    h1 = [n for level, n in headings if level == 1]
    if len(h1) != 1:
        problems.append(f"judul: {len(h1)} <h1>, harus tepat satu")
    previous = 0
    for level, n in headings:
        if previous and level > previous + 1:
            problems.append(f'judul: <h{level}> "{n.text()[:50]}" melompati tingkat setelah <h{previous}>')
        previous = level

    # Tables: a caption, and every header cell scoped.
    for t in by_tag.get("table", []):
        first = next((c for c in t.children if isinstance(c, Node)), None)
        if first is None or first.tag != "caption" or not first.text():
            problems.append(f'tabel tanpa <caption> (kelas "{t.attrs.get("class", "")}")')
        for th in (n for n in t.iter() if n.tag == "th"):
            if th.attrs.get("scope") not in SCOPES:
                problems.append(f'tabel: <th> "{th.text()[:40]}" tanpa scope')

    # SVG: an image with a title and description, or hidden from assistive technology.
    for svg in by_tag.get("svg", []):
        if svg.attrs.get("aria-hidden") == "true":
            continue
        ids = {n.tag: n.attrs.get("id") for n in svg.iter() if n.tag in ("title", "desc")}
        labelled = svg.attrs.get("aria-labelledby", "").split()
        if svg.attrs.get("role") != "img" or "title" not in ids or "desc" not in ids:
            problems.append(f'svg tanpa role="img" + <title> + <desc>, dan tidak aria-hidden: {svg.attrs}')
        elif not labelled or any(i not in ids.values() for i in labelled):
            problems.append(f"svg: aria-labelledby tidak menunjuk <title>/<desc> di dalamnya: {svg.attrs}")

    # Images need a text alternative (empty alt marks decoration).
    for img in by_tag.get("img", []):
        if "alt" not in img.attrs:
            problems.append(f"gambar tanpa alt: {img.attrs.get('src')}")

    # Links: a name that makes sense alone.
    for a in by_tag.get("a", []):
        if "href" not in a.attrs or _hidden(a):
            continue
        name = _name(a)
        if not name:
            problems.append(f"tautan tanpa nama: {a.attrs.get('href')}")
        elif name.lower().strip(" .:") in VAGUE_LINKS:
            problems.append(f'tautan "{name}" tidak bermakna tanpa konteks: {a.attrs.get("href")}')

    # No English left from the theme, in text or in names read by screen readers.
    said = [n.text() for n in (by_tag.get("title", []) + by_tag.get("body", []))]
    said += [v for n in nodes for k, v in n.attrs.items() if k in ("aria-label", "title", "placeholder", "alt")]
    for phrase in ENGLISH:
        pattern = re.compile(rf"\b{re.escape(phrase)}\b")
        if any(pattern.search(s) for s in said):
            problems.append(f'teks Inggris tersisa: "{phrase}"')
    return problems

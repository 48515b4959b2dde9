"""Decree text to safe HTML.

Staff text is never trusted as HTML: it is escaped first, then only the one
piece of markup the transcriptions use is honoured, ``*emphasis*`` (the
decree's italics), and line breaks inside a cell. Characters Markdown would
re-interpret are turned into entities so the text survives a trip through the
Markdown engine unchanged.
"""

from __future__ import annotations

import re

from markupsafe import Markup

_EMPHASIS = re.compile(r"\*(?=\S)(.+?)(?<=\S)\*")
# One table, applied in one pass: HTML's own specials and the characters Markdown would
# re-read. Escaping HTML first and then Markdown would turn the '#' of an entity made in
# the first pass into "&#35;", and a reader would see "Jum&#x27;at" instead of "Jum'at".
_ESCAPES = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    '"': "&quot;",
    "'": "&#39;",
    "*": "&#42;",
    "_": "&#95;",
    "[": "&#91;",
    "]": "&#93;",
    "`": "&#96;",
    "\\": "&#92;",
    "#": "&#35;",
    "|": "&#124;",
    "~": "&#126;",
    "^": "&#94;",
    "=": "&#61;",
    "{": "&#123;",
    "}": "&#125;",
    ":": "&#58;",
}
_ESCAPES_RE = re.compile("|".join(re.escape(c) for c in _ESCAPES))


def inline(text: str | None) -> Markup:
    """Escape ``text``; keep ``*emphasis*``; turn newlines into ``<br>``."""
    if not text:
        return Markup("")
    parts: list[str] = []
    last = 0
    for m in _EMPHASIS.finditer(text):
        parts.append(_escape(text[last : m.start()]))
        parts.append(f"<em>{_escape(m.group(1))}</em>")
        last = m.end()
    parts.append(_escape(text[last:]))
    out = "".join(parts)
    out = "<br>\n".join(line.strip() for line in out.split("\n"))
    return Markup(out)


def line(text: str | None) -> Markup:
    """``inline`` folded to one line: safe where Markdown itself reads the text (a heading).

    A newline in a heading would end it and let the rest be read as Markdown
    (a link, a reference definition), so whitespace is folded first.
    """
    return inline(" ".join((text or "").split()))


def plain(text: str | None) -> str:
    """The text a reader sees, without the emphasis marks (for titles and captions)."""
    if not text:
        return ""
    return " ".join(_EMPHASIS.sub(r"\1", text).split())


def _escape(text: str) -> str:
    return _ESCAPES_RE.sub(lambda m: _ESCAPES[m.group(0)], text)

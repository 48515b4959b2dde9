"""Small streaming helpers over the standard library's HTML parser (no regexes over HTML)."""

from __future__ import annotations

from html.parser import HTMLParser
from itertools import accumulate

Attrs = list[tuple[str, "str | None"]]


class TagPatch:
    """What to change while a page streams by: override ``start`` (and ``end`` to keep state)."""

    def start(self, tag: str, attrs: Attrs, raw: str) -> str | None:
        """The text to write instead of this start tag, or None to keep it.

        ``tag`` and attribute names are lower-cased, values unescaped (None for a bare
        attribute); ``raw`` is the tag exactly as it stands in the source.
        """
        return None

    def end(self, tag: str) -> None:
        """An end tag went by (nothing is written for it but the source's own text)."""


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def text_of(fragment: str) -> str:
    """The text a fragment of HTML shows: tags and comments dropped, references resolved."""
    parser = _Text()
    parser.feed(fragment)
    parser.close()
    return "".join(parser.parts)


class _StartTags(HTMLParser):
    """Collects (offset, raw text, replacement) of the start tags a patch rewrites."""

    def __init__(self, source: str, patch: TagPatch) -> None:
        super().__init__(convert_charrefs=False)
        self.patch = patch
        self.edits: list[tuple[int, str, str]] = []
        # Offsets of line starts, counted the parser's way (getpos counts "\n" only).
        self._line_starts = list(accumulate((len(line) + 1 for line in source.split("\n")), initial=0))

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: Attrs) -> None:
        self._start(tag, attrs)

    def handle_startendtag(self, tag: str, attrs: Attrs) -> None:
        self._start(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        self.patch.end(tag)

    def _start(self, tag: str, attrs: Attrs) -> None:
        raw = self.get_starttag_text() or ""
        new = self.patch.start(tag, attrs, raw)
        if new is not None and new != raw:
            self.edits.append((self._offset(), raw, new))


def rewrite_start_tags(source: str, patch: TagPatch) -> str:
    """``source`` unchanged except the start tags ``patch.start`` returns a replacement for.

    The parser only locates tags; every other character (text, comments, scripts,
    end tags, whitespace, quoting) is copied from ``source`` as it was.
    """
    parser = _StartTags(source, patch)
    parser.feed(source)
    parser.close()
    out: list[str] = []
    done = 0
    for offset, raw, new in parser.edits:
        assert source.startswith(raw, offset), (offset, raw)
        out.append(source[done:offset])
        out.append(new)
        done = offset + len(raw)
    out.append(source[done:])
    return "".join(out)

"""Small streaming helpers over the standard library's HTML parser (no regexes over HTML)."""

from __future__ import annotations

import html.parser
from html.parser import HTMLParser
from itertools import accumulate

Attrs = list[tuple[str, "str | None"]]


class TagPatch:
    """What to change while a page streams by: override ``start`` (and ``end`` to keep state)."""

    # The start tags ``start`` may change (lower case); every other start tag is located but
    # not taken apart, and ``start`` is not called for it. None: ``start`` sees every tag.
    TAGS: frozenset[str] | None = None

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


# How the standard parser reads a tag's name (html.parser.tagfind_tolerant; None if a later
# Python renames it: then every tag is parsed in full, as before).
_TAG_NAME = getattr(html.parser, "tagfind_tolerant", None)
# Elements whose content some Python version reads as raw text (CDATA_CONTENT_ELEMENTS, and the
# RCDATA/raw-text elements of later versions), and those that open foreign content (svg, math:
# later versions keep a stack of open elements from there on): always through the standard parser.
_READ_SPECIALLY = frozenset(
    {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext"}
    | {"svg", "math"}
)


class LeanParser(HTMLParser):
    """The standard parser, except that a start tag ``full_tag`` declines is only measured.

    Its end is found as the standard ``parse_starttag`` finds it (``check_for_whole_start_tag``),
    but its attributes are not taken apart and no handler is called for it. Tags whose content
    the parser reads in a special way (script, style, ...) always go through the standard
    parser. Speed only: pages are large and their readers look at few of their tags.
    """

    def full_tag(self, tag: str) -> bool:
        """Whether this start tag (lower case) goes to ``handle_starttag``/``handle_startendtag``."""
        return True

    def parse_starttag(self, i: int) -> int:
        # Inside foreign content a later Python tracks every tag (``_open_elements``): parse in full.
        if _TAG_NAME is not None and not getattr(self, "_open_elements", None):
            m = _TAG_NAME.match(self.rawdata, i + 1)
            if m is not None:
                tag = m.group(1).lower()
                if tag not in _READ_SPECIALLY and not self.full_tag(tag):
                    end = self.check_for_whole_start_tag(i)
                    if end >= 0:
                        self.lasttag = tag
                    return end
        return super().parse_starttag(i)


class _StartTags(LeanParser):
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

    def full_tag(self, tag: str) -> bool:
        return self.patch.TAGS is None or tag in self.patch.TAGS

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

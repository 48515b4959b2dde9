"""Links in the hand-written pages of content/ must reach a page or a file of the site.

MkDocs (strict mode) finds a broken link too, but says it in English and without the
line: "Doc file 'x.md' contains a link 'y.md', but the target is not found among
documentation files." Here each broken link is a ``Problem`` with the page's file, the
line and column of the link target, and what to write instead. Like MkDocs, only
relative links to a file are checked: web addresses, ``mailto:``, anchors on the same
page (``#bagian``) and folder links (``arsip/``) are left alone.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote

from generator.errors import Problem

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_INLINE = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*(<[^>\n]*>|[^\s)]+)")
_DEFINITION = re.compile(r"^ {0,3}\[([^\]]+)\]:\s*(<[^>\n]*>|\S+)")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")


def broken_links(file: Path, src_uri: str, markdown: str, known: Iterable[str]) -> list[Problem]:
    """Problems for the links of one page (``src_uri``, e.g. 'tentang.md') that reach no file in ``known``."""
    known = set(known)
    lines = _without_code(markdown.splitlines())
    text = "\n".join(lines)
    found: list[tuple[int, int, str]] = []
    for number, line in enumerate(lines, 1):
        definition = _DEFINITION.match(line)
        if definition:
            label = re.escape(definition.group(1))
            used = re.search(rf"\]\[{label}\]|\[{label}\](?![:(])", text, re.IGNORECASE)
            if used:
                found.append((number, definition.start(2) + 1, definition.group(2)))
            continue
        for m in _INLINE.finditer(line):
            found.append((number, m.start(1) + 1, m.group(1)))
    problems = []
    for number, column, raw in found:
        target = raw[1:-1] if raw.startswith("<") else raw
        path = _file_part(target)
        if path is None:
            continue
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), path))
        if resolved in known:
            continue
        problems.append(
            Problem(
                file,
                number,
                column,
                "",
                f"tautan '{target}' tidak menuju halaman atau berkas mana pun di situs",
                _fix(src_uri, path, resolved, known),
            )
        )
    return problems


def _without_code(lines: list[str]) -> list[str]:
    """The page's lines with fenced code blocks and code spans blanked (same line and column numbers)."""
    out, fence = [], None
    for line in lines:
        m = _FENCE.match(line)
        if fence is not None:
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                fence = None
            out.append("")
            continue
        if m:
            fence = m.group(1)
            out.append("")
            continue
        out.append(_CODE_SPAN.sub(lambda s: " " * len(s.group(0)), line))
    return out


def _file_part(target: str) -> str | None:
    """The file a relative link points at, or None when MkDocs would not check it either."""
    if not target or target.startswith(("#", "/")) or _SCHEME.match(target):
        return None
    path = unquote(re.split(r"[#?]", target, maxsplit=1)[0])
    if not path or path.endswith("/"):
        return None
    return path


def _fix(src_uri: str, path: str, resolved: str, known: set[str]) -> str:
    here = posixpath.dirname(src_uri)
    candidates = sorted(k for k in known if k.endswith(".md") == path.endswith(".md"))
    relative = {posixpath.relpath(k, here or "."): k for k in candidates}
    close = difflib.get_close_matches(path, list(relative), n=1, cutoff=0.6)
    if resolved.startswith("../"):
        return "tautan relatif harus tetap di dalam folder content/; tulis alamatnya dari halaman ini"
    if close:
        return f"maksud Anda '{close[0]}'? (content/{relative[close[0]]})"
    if path.endswith(".md"):
        return (
            f"buat halamannya di content/{resolved}, atau perbaiki alamatnya (relatif terhadap halaman ini, "
            "mis. 'kanal-pengaduan.md')"
        )
    return f"unggah berkasnya ke content/{resolved}, atau perbaiki alamatnya (relatif terhadap halaman ini)"

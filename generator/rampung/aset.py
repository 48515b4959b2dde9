"""One stylesheet and one script per page: combined, minified and content-hashed (issue 15).

A Material page loads its stylesheets as a run of ``<link rel="stylesheet">`` tags in the head (the
theme's ``main`` and ``palette``, then ``extra_css`` in the mkdocs.yml order) and its scripts as a run of
``<script src>`` tags at the end of the body (the theme's ``bundle``, then ``extra_javascript``). Every
such run of files of the site is replaced by one file, ``assets/zi/zi.<hash8>.css`` or ``.js``: the
parts in the page's order (so the cascade and the execution order stay what they were), ours minified,
the theme's already minified ones taken as they are (without their source-map comment: the map no
longer matches). A run is only a run if nothing but white space stands between its tags, so no inline
``<style>`` or ``<script>`` changes place. 8 render-blocking stylesheets become 1, 3 scripts 1, and the
one name carrying the content hash lets a server cache it for a year (README "Kinerja").

Minifiers. JavaScript: ``rjsmin`` (PyPI, by André Malo, used by django-compressor and webassets): small,
C-accelerated, deterministic and conservative (it only drops comments and white space, never renames or
reorders). CSS: ``minify_css`` below, which drops comments and the white space next to ``{ } ; ,``
(and after ``:``) and nothing else. Both libraries tried first changed what our CSS means: rcssmin 1.3.0 (the same
author's) deletes the descendant space before a pseudo-class inside the at-rules it does not know
(``@container x (...) { a :is(b) {} }`` became ``a:is(b)``, which broke tabel.css's narrow-screen rule
and made pages scroll sideways at 200 % text), and minify-html 0.18 (lightningcss) rewrites media
queries into range syntax that older phone browsers ignore and folds ``animation-timeline`` into the
``animation`` shorthand. Gzip makes up most of the difference a cleverer minifier would make.

Material's bundle also fetches ``sitemap.xml`` once for every ``<link rel="alternate">`` in the page
(its language switch, src/templates/assets/javascripts/integrations/alternate/index.ts in
squidfunk/mkdocs-material 9.x: ``getElements("link[rel=alternate]")`` then ``fetchSitemap`` for each):
our feeds and oEmbed links made it 2 to 3 requests per page that serve nothing, because the site has
no other languages. Zensical's bundle (same code base) asks only for ``link[rel=alternate][hreflang]``,
the links Material itself writes for ``extra.alternate`` languages (material/templates/base.html); the
same selector is put into Material's bundle here, so language alternates, if a site ever has them,
keep working.

The parts are removed afterwards unless a text file of the site still names them.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

import rjsmin

FOLDER = "assets/zi"
NAME = "zi"
_CSS_TAG = re.compile(r'<link rel="stylesheet" href="([^"]+)">')
_JS_TAG = re.compile(r'<script src="([^"]+)"></script>')
_CSS_RUN = re.compile(r'<link rel="stylesheet" href="[^"]+">(?:\s*<link rel="stylesheet" href="[^"]+">)*')
_JS_RUN = re.compile(r'<script src="[^"]+"></script>(?:\s*<script src="[^"]+"></script>)*')
_HASHED = re.compile(r"[.-][0-9a-f]{8,}(?:\.min)?\.(?:css|js)$")
_SOURCE_MAP = re.compile(r"\n?(?://# sourceMappingURL=[^\n]*|/\*# sourceMappingURL=[^*]*\*/)\s*$")
_CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")\s]+)\1\s*\)""")
_ALTERNATE = '"link[rel=alternate]"'
_ALTERNATE_LANG = '"link[rel=alternate][hreflang]"'
# Files whose text may name an asset: what is left must not point at a removed part.
TEXT_SUFFIXES = (".html", ".css", ".js", ".json", ".xml", ".webmanifest", ".txt", ".svg", ".atom")


@dataclass(frozen=True)
class _Kind:
    suffix: str
    tag: re.Pattern[str]
    run: re.Pattern[str]
    template: str
    separator: str


_CSS = _Kind(".css", _CSS_TAG, _CSS_RUN, '<link rel="stylesheet" href="{}">', "\n")
_JS = _Kind(".js", _JS_TAG, _JS_RUN, '<script src="{}"></script>', "\n;\n")


def gabungkan(site_dir: Path) -> None:
    """Replace each page's runs of stylesheets and scripts with one hashed, minified file each."""
    pages = sorted(site_dir.rglob("*.html"), key=lambda p: p.relative_to(site_dir).as_posix())
    bundles: dict[tuple[str, ...], str] = {}  # parts (site paths) -> bundle's site path
    parts_used: set[str] = set()
    for page in pages:
        html = page.read_text(encoding="utf-8")
        page_rel = page.relative_to(site_dir).as_posix()
        new = html
        for kind in (_CSS, _JS):

            def replace(m: re.Match[str], kind: _Kind = kind, page_rel: str = page_rel) -> str:
                return _replace_run(m.group(0), kind, page_rel, site_dir, bundles, parts_used)

            new = kind.run.sub(replace, new)
        if new != html:
            page.write_text(new, encoding="utf-8")
    _remove_unreferenced(site_dir, parts_used, set(bundles.values()))


def _replace_run(
    run: str, kind: _Kind, page_rel: str, site_dir: Path, bundles: dict[tuple[str, ...], str], parts_used: set[str]
) -> str:
    """The run with every stretch of local files as one tag; hrefs that name no site file stay as they are."""
    out: list[str] = []
    stretch: list[tuple[str, str]] = []  # (href, site path)

    def flush() -> None:
        if not stretch:
            return
        paths = tuple(rel for _, rel in stretch)
        if len(paths) == 1 and _HASHED.search(paths[0]):
            out.append(kind.template.format(stretch[0][0]))  # one file, already hashed: nothing to gain
        else:
            if paths not in bundles:
                bundles[paths] = _write_bundle(site_dir, paths, kind)
            parts_used.update(paths)
            href, rel = stretch[0]
            prefix = href[: len(href) - len(rel)]
            out.append(kind.template.format(prefix + bundles[paths]))
        stretch.clear()

    for href in kind.tag.findall(run):
        rel = _site_path(href, page_rel, site_dir)
        if rel is None or not rel.endswith(kind.suffix) or not href.endswith(rel):
            flush()
            out.append(kind.template.format(href))
        else:
            stretch.append((href, rel))
    flush()
    return "\n".join(out)


def _site_path(href: str, page_rel: str, site_dir: Path) -> str | None:
    """The site-relative path of the file ``href`` names from ``page_rel``, or None (external, missing)."""
    if re.match(r"^[a-z][a-z0-9+.-]*:|^//", href, re.I) or "?" in href or "#" in href:
        return None
    if href.startswith("/"):  # the 404 page: site-absolute, maybe under a sub-path ("/zi/assets/...")
        parts = href.lstrip("/").split("/")
        for i in range(len(parts)):
            candidate = "/".join(parts[i:])
            if (site_dir / candidate).is_file():
                return candidate
        return None
    rel = posixpath.normpath(posixpath.join(posixpath.dirname(page_rel), href))
    return rel if not rel.startswith("../") and (site_dir / rel).is_file() else None


def _write_bundle(site_dir: Path, paths: tuple[str, ...], kind: _Kind) -> str:
    """Write the combined file of ``paths``; its site path, ``assets/zi/zi.<hash8><suffix>``."""
    texts = [_part(site_dir, rel, kind) for rel in paths]
    body = kind.separator.join(t.strip() for t in texts) + "\n"
    digest = hashlib.sha256(body.encode("utf-8")).hexdigest()[:8]
    rel = f"{FOLDER}/{NAME}.{digest}{kind.suffix}"
    target = site_dir / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(body, encoding="utf-8")
    return rel


def _part(site_dir: Path, rel: str, kind: _Kind) -> str:
    text = (site_dir / rel).read_text(encoding="utf-8")
    if ".min." in posixpath.basename(rel):
        text = _SOURCE_MAP.sub("", text)  # already minified by its theme
    elif kind is _CSS:
        text = minify_css(text)
    else:
        text = rjsmin.jsmin(text)
    if kind is _CSS:
        return _CSS_URL.sub(lambda m: _moved_url(m, rel), text)
    # Material's language switch, limited to language links (see the module docstring).
    return text.replace(_ALTERNATE, _ALTERNATE_LANG)


_CSS_TOKEN = re.compile(r""""(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|/\*.*?\*/|\s+""", re.S)
_TIGHT = "{};,"


def minify_css(css: str) -> str:
    """``css`` without comments and without the white space no CSS parser needs: next to ``{ } ; ,`` and
    after ``:`` (a declaration's or a media feature's; a pseudo-class has none after its colon). The space
    before a ``:`` stays: ``a :is(b)`` (descendant) and ``a:is(b)`` are different selectors."""
    out: list[str] = []
    pos = 0
    pending_space = False

    def emit(text: str) -> None:
        nonlocal pending_space
        if pending_space and out and out[-1][-1] not in _TIGHT + ":" and text[0] not in _TIGHT:
            out.append(" ")
        pending_space = False
        if text == "}" and out and out[-1] == ";":
            out.pop()  # the last declaration needs no semicolon
        out.append(text)

    for m in _CSS_TOKEN.finditer(css):
        for ch in css[pos : m.start()]:
            emit(ch)
        token = m.group(0)
        if token[0] in "\"'":
            emit(token)
        else:  # white space or a comment: at most one space, and none where nothing needs it
            pending_space = True
        pos = m.end()
    for ch in css[pos:]:
        emit(ch)
    return "".join(out)


def _moved_url(m: re.Match[str], part_rel: str) -> str:
    """A relative ``url()`` of a part, made relative to the bundle's folder."""
    quote, url = m.group(1), m.group(2)
    if re.match(r"^[a-z][a-z0-9+.-]*:|^/|^#", url, re.I):
        return m.group(0)
    target = posixpath.normpath(posixpath.join(posixpath.dirname(part_rel), url))
    return f"url({quote}{posixpath.relpath(target, FOLDER)}{quote})"


def _remove_unreferenced(site_dir: Path, parts: set[str], bundles: set[str]) -> None:
    """Delete the combined parts (and their source maps) that no remaining text file names."""
    gone = parts - bundles
    maps = {rel + ".map" for rel in gone}
    texts = []
    for p in sorted(site_dir.rglob("*")):
        rel = p.relative_to(site_dir).as_posix()
        if p.is_file() and p.suffix in TEXT_SUFFIXES and rel not in gone and rel not in maps:
            texts.append(p.read_text(encoding="utf-8", errors="replace"))
    everything = "\n".join(texts)
    for rel in sorted(gone):
        if posixpath.basename(rel) not in everything:
            (site_dir / rel).unlink()
            source_map = site_dir / (rel + ".map")
            if source_map.is_file():
                source_map.unlink()
            folder = (site_dir / rel).parent
            while folder != site_dir and not any(folder.iterdir()):  # e.g. Material's assets/stylesheets/
                folder.rmdir()
                folder = folder.parent

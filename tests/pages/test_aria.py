"""Permalinks get a name (Markdown extension); theme icons are hidden (HTML parser); content SVG is left alone."""

from __future__ import annotations

from pathlib import Path

import markdown
import yaml

from generator.html.aria import finish_page
from generator.html.parse import TagPatch, rewrite_start_tags, text_of

ROOT = Path(__file__).resolve().parents[2]
HIDE = 'aria-hidden="true" focusable="false"'

PAGE = """<header><button aria-label="Cari"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M0"/></svg></button></header>
<article class="md-content__inner md-typeset">
<h2 id="area-i">Area <em>I</em><a class="headerlink" href="#area-i" title="Tautan permanen ke bagian ini">&para;</a></h2>
<svg viewBox="0 0 1 1"><rect/></svg>
<svg role="img" aria-labelledby="t"><title id="t">Grafik</title></svg>
</article>
<footer><svg aria-hidden="true" viewBox="0 0 1 1"></svg><svg viewBox="0 0 2 2"></svg></footer>"""

FINISHED = """<header><button aria-label="Cari"><svg aria-hidden="true" focusable="false" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M0"/></svg></button></header>
<article class="md-content__inner md-typeset">
<h2 id="area-i">Area <em>I</em><a class="headerlink" href="#area-i" title="Tautan permanen ke bagian ini">&para;</a></h2>
<svg viewBox="0 0 1 1"><rect/></svg>
<svg role="img" aria-labelledby="t"><title id="t">Grafik</title></svg>
</article>
<footer><svg aria-hidden="true" viewBox="0 0 1 1"></svg><svg aria-hidden="true" focusable="false" viewBox="0 0 2 2"></svg></footer>"""


def test_icons_outside_the_article_are_hidden_and_content_svg_is_left_to_its_author():
    # Inside the article an unlabelled SVG stays unlabelled, so the lint (tests/site) flags it;
    # the already-hidden footer icon is not touched twice; headings are not the parser's business.
    assert finish_page(PAGE) == FINISHED


def test_finishing_a_finished_page_changes_nothing():
    assert finish_page(FINISHED) == FINISHED


def test_tricky_markup_outside_the_article():
    page = (
        "<!-- <svg> in a comment --><svg class='a>b' viewBox=0><svg\nwidth=\"1\"/></svg>"
        "<script>const icon = '<svg viewBox=\"0 0 1 1\">';</script>"
        "<SVG Role='presentation'></SVG><svg data-role=\"x\"></svg>"
        "<a title=\"<svg>\" href='#'>&amp;</a>"
    )
    assert finish_page(page) == (
        f"<!-- <svg> in a comment --><svg {HIDE} class='a>b' viewBox=0><svg {HIDE}\nwidth=\"1\"/></svg>"
        "<script>const icon = '<svg viewBox=\"0 0 1 1\">';</script>"
        f"<SVG Role='presentation'></SVG><svg {HIDE} data-role=\"x\"></svg>"
        "<a title=\"<svg>\" href='#'>&amp;</a>"
    )


def test_the_article_is_found_by_its_class_whatever_the_quoting_and_nesting():
    page = (
        "<article class='md-typeset md-content__inner'><article><svg></svg></article><svg></svg></article>"
        "<article class=other><svg></svg></article>"
    )
    assert finish_page(page) == (
        "<article class='md-typeset md-content__inner'><article><svg></svg></article><svg></svg></article>"
        f"<article class=other><svg {HIDE}></svg></article>"
    )


def test_the_parser_copies_everything_but_the_patched_tags():
    class Upper(TagPatch):
        def start(self, tag, attrs, raw):
            return raw.upper() if tag == "b" else None

    source = "<!DOCTYPE html>\r\n<p class='x'>a &lt; b<b id=\"q\"\n>c</b><?pi?><![CDATA[<b>]]>\n<b/>"
    assert rewrite_start_tags(source, Upper()) == (
        "<!DOCTYPE html>\r\n<p class='x'>a &lt; b<B ID=\"Q\"\n>c</b><?pi?><![CDATA[<b>]]>\n<B/>"
    )
    assert rewrite_start_tags(source, TagPatch()) == source


def test_text_of_drops_tags_and_resolves_references():
    assert text_of('Kode <code>a&lt;b</code> &amp; <span title="x>y">Rp</span>&#x27;s<!-- no -->') == "Kode a<b & Rp's"


def _render(source: str, *extensions: str) -> str:
    return markdown.markdown(
        source,
        extensions=["attr_list", "toc", *extensions],
        extension_configs={"toc": {"permalink": True, "permalink_title": "Tautan"}},
    )


HEADINGS = """# Area *I* &amp; II

## Kode `a<b` &lt;x&gt; & Rp 5'000

## Gaya <span class="x">HTML</span> mentah

{EMPTY_HEADING}

#### Label {{: data-toc-label="Lain" }}
""".format(EMPTY_HEADING="### ")  # a heading with no text (its trailing space is part of the case)


def test_the_extension_names_each_permalink_after_its_heading():
    # Python-Markdown writes attributes in lexical order, so aria-label comes first.
    assert _render(HEADINGS, "generator.html.permalink") == (
        '<h1 id="area-i-ii">Area <em>I</em> &amp; II<a aria-label="Tautan: Area I &amp; II" '
        'class="headerlink" href="#area-i-ii" title="Tautan">&para;</a></h1>\n'
        '<h2 id="kode-ab-x-rp-5000">Kode <code>a&lt;b</code> &lt;x&gt; &amp; Rp 5\'000'
        '<a aria-label="Tautan: Kode a&lt;b &lt;x&gt; &amp; Rp 5&#x27;000" '
        'class="headerlink" href="#kode-ab-x-rp-5000" title="Tautan">&para;</a></h2>\n'
        '<h2 id="gaya-html-mentah">Gaya <span class="x">HTML</span> mentah<a aria-label="Tautan: Gaya HTML mentah" '
        'class="headerlink" href="#gaya-html-mentah" title="Tautan">&para;</a></h2>\n'
        # An empty heading has nothing to name its link after: left as toc wrote it.
        '<h3 id="_1"><a class="headerlink" href="#_1" title="Tautan">&para;</a></h3>\n'
        # The label reads the visible heading, as the link's neighbours do, not the toc label.
        '<h4 id="label">Label<a aria-label="Tautan: Label" class="headerlink" href="#label" '
        'title="Tautan">&para;</a></h4>'
    )


def test_without_the_extension_permalinks_have_no_name():
    assert "aria-label" not in _render(HEADINGS)


def test_a_literal_reference_in_a_heading_stays_literal():
    # "&amp;lt;" shows "&lt;" on the page, so the label must say "&lt;" too (not "<").
    out = _render("## Tulis &amp;lt; di sini", "generator.html.permalink")
    assert 'aria-label="Tautan: Tulis &amp;lt; di sini"' in out


def test_mkdocs_yml_loads_the_extension_after_toc():
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    names = [e if isinstance(e, str) else next(iter(e)) for e in config["markdown_extensions"]]
    assert names.index("generator.html.permalink") > names.index("toc")


TRICKY = [
    PAGE,
    '<div title="<svg>" data-x=\'a>b\'><svg/><SVG VIEWBOX="0 0 1 1"></SVG><td>x<TD class=a>y</div>',
    "<script>var s = '<svg><td>';</script><style>td::after{content:'<svg>'}</style><svg></svg>",
    "<!-- <svg> <td> --><![CDATA[<svg>]]><?pi <svg>?><!DOCTYPE html><svg\n  viewBox='0 0 1 1'\n/><td",
    "<textarea><svg></textarea><title><td></title><a href=x>< svg><br/><td/></a><svg a=1 b c='>'>",
    "<article class=md-content__inner><article><svg></article><svg></article><svg><td><th><tr>",
    '<p>unclosed <b class="x\n<svg> <td rowspan=2 <svg',
]


def test_tags_a_patch_does_not_name_are_skipped_with_the_same_result():
    # A patch names the start tags it may change (TAGS); the parser then leaves the others'
    # attributes unparsed. The rewritten text and the tags the patch sees are those of a full parse.
    from generator.html.aria import _HideChromeIcons
    from generator.html.cells import _SpaceBeforeCells

    class Seen(TagPatch):
        def __init__(self, inner: TagPatch, full: bool) -> None:
            self.inner, self.seen = inner, []
            self.TAGS = None if full else inner.TAGS

        def start(self, tag, attrs, raw):
            self.seen.append((tag, attrs, raw))
            return self.inner.start(tag, attrs, raw)

        def end(self, tag):
            self.inner.end(tag)

    for make in (_HideChromeIcons, _SpaceBeforeCells):
        assert make.TAGS  # without a list of tags every tag is parsed in full
        skipped = 0
        for html in TRICKY:
            lean, full = Seen(make(), full=False), Seen(make(), full=True)
            assert rewrite_start_tags(html, lean) == rewrite_start_tags(html, full), html
            named = [s for s in full.seen if s[0] in make.TAGS]
            assert [s for s in lean.seen if s[0] in make.TAGS] == named, html
            # only the named tags, and those whose content the parser reads as raw text (script, title, ...)
            assert {s[0] for s in lean.seen} - make.TAGS <= {"script", "style", "textarea", "title", "svg"}, html
            skipped += len(full.seen) - len(lean.seen)
        assert skipped > 10

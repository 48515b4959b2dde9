"""generator.html.aria: permalinks get a name; theme icons are hidden; content SVG is left alone."""

from __future__ import annotations

from generator.html.aria import finish_page

PAGE = """<header><button aria-label="Cari"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M0"/></svg></button></header>
<article class="md-content__inner md-typeset">
<h2 id="area-i">Area <em>I</em> &amp; II<a class="headerlink" href="#area-i" title="Tautan permanen ke bagian ini">&para;</a></h2>
<svg viewBox="0 0 1 1"><rect/></svg>
<svg role="img" aria-labelledby="t"><title id="t">Grafik</title></svg>
</article>
<footer><svg aria-hidden="true" viewBox="0 0 1 1"></svg><svg viewBox="0 0 2 2"></svg></footer>"""


def test_permalink_is_named_after_its_heading():
    out = finish_page(PAGE)
    assert ('<a class="headerlink" href="#area-i" title="Tautan permanen ke bagian ini" '
            'aria-label="Tautan permanen ke bagian ini: Area I &amp; II">') in out


def test_icons_outside_the_article_are_hidden_and_content_svg_is_left_to_its_author():
    out = finish_page(PAGE)
    header, rest = out.split("<article", 1)
    article, footer = rest.split("</article>", 1)
    assert '<svg aria-hidden="true" focusable="false" xmlns=' in header
    assert '<svg aria-hidden="true" focusable="false" viewBox="0 0 2 2">' in footer
    assert footer.count("aria-hidden") == 2  # the already-hidden one is not touched twice
    # Inside the article an unlabelled SVG stays unlabelled, so the lint (tests/site) flags it.
    assert '<svg viewBox="0 0 1 1"><rect/></svg>' in article
    assert '<svg role="img" aria-labelledby="t">' in article


def test_same_input_same_output():
    assert finish_page(finish_page(PAGE)) == finish_page(PAGE)

"""Decree text is escaped; only emphasis and line breaks become markup."""

from __future__ import annotations

from generator.pages.text import inline, plain


def test_html_in_data_shows_as_text():
    out = inline("<script>alert(1)</script> <img src=x onerror=alert(1)>")
    assert "<script" not in out and "<img" not in out
    assert "&lt;script&gt;" in out


def test_emphasis_and_line_breaks():
    assert inline("melalui *website*") == "melalui <em>website</em>"
    assert inline("Dokumen\n1. Apel") == "Dokumen<br>\n1. Apel"


def test_markdown_syntax_is_neutralised():
    out = inline("[klik](javascript:alert(1)) `kode` a_b_c #judul")
    assert "[" not in out and "`" not in out and "_" not in out and "#" not in out.replace("&#", "")


def test_plain_drops_emphasis_marks():
    assert plain("(*e-office/e-government*)  x") == "(e-office/e-government) x"


def test_line_is_safe_inside_a_markdown_heading():
    from generator.pages.text import line

    out = line("KPU <b>X</b>\n\n[z](javascript:alert(1))\n# bukan judul")
    assert "\n" not in out and "<b>" not in out and "[" not in out and "#" not in out.replace("&#", "")
    assert out.startswith("KPU &lt;b&gt;X&lt;/b&gt; &#91;z&#93;")

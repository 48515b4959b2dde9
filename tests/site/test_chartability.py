"""Chartability's critical checks on every chart of both example sites (issue 12, item 4).

Chartability (Frank Elavsky, https://chartability.fizz.studio/) lists the heuristics an accessible data
visualisation must pass; the critical ones and where this project tests them:

- low contrast (marks >= 3:1, text >= 4.5:1) and small text (>= 12 px as painted), in every display mode:
  tests/browser/test_chart_modes.py (colours read back from Chromium);
- user style changes respected (text size, forced colours, readable font, no motion):
  tests/browser/test_chart_modes.py (labels grow with the text size, never clip) and, below, no animation;
- content only visual, no title/summary, no table, reading level: here, from the built HTML.
"""

from __future__ import annotations

import html
import re

import pytest

from tests.conftest import html_pages

FIGURE = re.compile(r'<figure class="zi-grafik" id="([^"]+)">(.*?)</figure>', re.S)
SENTENCE_WORDS = 20  # a plain-language summary: no sentence over 20 words
# A title names the unit, area and date; an area whose heading is lost on the source says so in full
# ("[judul area tidak terbaca pada sumber] (klasifikasi situs: ...)"), which takes a few words more.
TITLE_WORDS = 25


def _text(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def charts(site):
    for page in html_pages(site):
        src = page.read_text(encoding="utf-8")
        for match in FIGURE.finditer(src):
            yield page.relative_to(site).as_posix(), match.group(1), match.group(2), src[match.end() :]


def periksa(site) -> tuple[int, list[str]]:
    """The number of charts on the site and what each fails."""
    problems, seen = [], 0
    for page, chart_id, body, after in charts(site):
        seen += 1
        where = f"{page} #{chart_id}"
        drawings = re.findall(r"<svg [^>]*>(.*?)</svg>", body, re.S)
        if len(drawings) != 2:
            problems.append(f"{where}: {len(drawings)} gambar (harus lebar dan sempit)")
        for svg in drawings:
            title = _text("".join(re.findall(r"<title[^>]*>(.*?)</title>", svg, re.S)))
            desc = _text("".join(re.findall(r"<desc[^>]*>(.*?)</desc>", svg, re.S)))
            if not title or not desc:
                problems.append(f"{where}: tanpa judul atau deskripsi")
            if len(title.split()) > TITLE_WORDS:
                problems.append(f"{where}: judul {len(title.split())} kata")
            # Not only visual: every bar has its value written beside it as text.
            for row in re.findall(r'<g class="zi-grafik__baris[^"]*">(.*?)</g>', svg, re.S):
                value = re.search(r'class="zi-grafik__nilai"[^>]*>(.*?)</text>', row, re.S)
                if not value or not _text(value.group(1)):
                    problems.append(f"{where}: batang tanpa angka tertulis")
            if re.search(r"<(animate|set|script|style)\b", svg):
                problems.append(f"{where}: animasi, skrip atau gaya di dalam grafik")
        summary = _text(re.search(r"<figcaption[^>]*>(.*?)</figcaption>", body, re.S).group(1))
        if not summary:
            problems.append(f"{where}: tanpa ringkasan kata")
        for sentence in re.split(r"(?<=[.;])\s+", summary):
            if len(sentence.split()) > SENTENCE_WORDS:
                problems.append(f"{where}: kalimat ringkasan {len(sentence.split())} kata: «{sentence}»")
        # A table with the same numbers follows the chart, before the next section heading, or the
        # section links to it on another page (the home page's chart: its table is on the plan page).
        section = re.split(r"<h[12][ >]", after, maxsplit=1)[0]
        if not ("<table" in section and "<caption" in section) and 'class="zi-tabel-grafik"' not in section:
            problems.append(f"{where}: tidak diikuti tabel berkapsi di bagian yang sama")
    return seen, problems


@pytest.mark.parametrize("name", ["gunungkidul", "wonosobo"])
def test_every_chart_passes_chartabilitys_critical_checks(name, built_sites):
    seen, problems = periksa(built_sites[name])
    assert seen >= (10 if name == "gunungkidul" else 3)
    assert problems == [], "\n".join(problems)


def test_the_check_finds_a_chart_without_a_table(tmp_path):
    """The table rule can fail: a page whose chart stands alone is reported."""
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "index.html").write_text(
        '<article><figure class="zi-grafik" id="grafik-x"><svg a="1"><title>t</title><desc>d</desc></svg>'
        '<svg a="2"><title>t</title><desc>d</desc></svg><figcaption>Ringkas.</figcaption></figure>'
        "<h2>Lain</h2><table><caption>c</caption></table></article>",
        encoding="utf-8",
    )
    assert periksa(tmp_path) == (1, ["x/index.html #grafik-x: tidak diikuti tabel berkapsi di bagian yang sama"])

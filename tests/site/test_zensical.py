"""`zi build --mesin zensical` builds the same content tree: every page of the Material build,
with its lampiran and recap tables and its charts, nothing from a third-party host, same bytes twice."""

from __future__ import annotations

import html.parser
import re
from pathlib import Path

import pytest

from tests.conftest import DATA, SITE_URLS, html_pages, zi

SITES = ["gunungkidul", "wonosobo"]
_RESOURCE_TAGS = {"script", "link", "img", "iframe", "source", "video", "audio", "embed", "object", "track"}


class _Parts(html.parser.HTMLParser):
    """Table captions, chart titles and resource addresses of a page (any quoting style)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.captions: list[str] = []
        self.charts: list[str] = []
        self.loads: list[str] = []
        self._in: list[str] = []
        self._svg_img = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in _RESOURCE_TAGS:
            for key in ("src", "href", "data", "poster", "srcset"):
                if a.get(key):
                    self.loads.append(a[key])
        if tag == "svg" and a.get("role") == "img":
            self._svg_img += 1
            self.charts.append("")
        if tag in ("caption", "title"):
            self._in.append(tag)

    def handle_endtag(self, tag):
        if self._in and tag == self._in[-1]:
            self._in.pop()
        if tag == "svg" and self._svg_img:
            self._svg_img -= 1

    def handle_data(self, data):
        if self._in and self._in[-1] == "caption":
            self.captions.append(data)
        elif self._in and self._in[-1] == "title" and self._svg_img and self.charts and not self.charts[-1]:
            self.charts[-1] = data.strip()


def parts(page: Path) -> _Parts:
    parser = _Parts()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def joined(strings: list[str]) -> list[str]:
    return [" ".join(s.split()) for s in strings]


@pytest.mark.parametrize("name", SITES)
def test_every_material_page_exists(name, built_sites, zensical_sites):
    material, zensical = built_sites[name], zensical_sites[name]
    wanted = [p.relative_to(material) for p in html_pages(material)]
    assert len(wanted) >= 12
    assert [p for p in wanted if not (zensical / p).is_file()] == []
    assert (zensical / "404.html").is_file()
    for upload in (material / "unggahan").rglob("*.pdf"):
        assert (zensical / upload.relative_to(material)).read_bytes() == upload.read_bytes()


@pytest.mark.parametrize("name", SITES)
def test_tables_and_charts_are_on_every_page(name, built_sites, zensical_sites):
    """Lampiran, recap and progress tables (by caption) and the SVG charts (by title), page by page."""
    material, zensical = built_sites[name], zensical_sites[name]
    tables = charts = 0
    for page in html_pages(material):
        ours, theirs = parts(page), parts(zensical / page.relative_to(material))
        assert joined(theirs.captions) == joined(ours.captions), page
        assert theirs.charts == ours.charts, page
        tables += len(ours.captions)
        charts += len(ours.charts)
    assert tables > 20 and charts > 5, (tables, charts)
    # The lampiran of the decree and a recap with its chart, by their own words.
    year = "2024" if name == "gunungkidul" else "2026"
    plan = parts(zensical / year / "index.html")
    assert any("lampiran" in c.lower() for c in joined(plan.captions)), plan.captions
    recap = parts(zensical / year / "gratifikasi" / "index.html")
    assert recap.charts and recap.captions


@pytest.mark.parametrize("name", SITES)
def test_no_resource_from_a_third_party_host(name, zensical_sites):
    site = zensical_sites[name]
    for page in site.rglob("*.html"):
        outside = [u for u in parts(page).loads if re.match(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", u, re.IGNORECASE)]
        outside = [u for u in outside if not u.startswith(SITE_URLS.get(name, "\0"))]  # its own address
        assert outside == [], page
    for css in site.rglob("*.css"):
        assert not re.search(
            r"@import\s+(?:url\()?\s*['\"]?(?:https?:)?//|url\(\s*['\"]?(?:https?:)?//", css.read_text(encoding="utf-8")
        ), css
    for js in site.rglob("*.js"):
        assert "fonts.googleapis" not in js.read_text(encoding="utf-8"), js


@pytest.mark.parametrize("name", SITES)
def test_theme_overrides_carry_over(name, zensical_sites):
    home = (zensical_sites[name] / "index.html").read_text(encoding="utf-8")
    assert '<html lang="id"' in home
    assert "Pernyataan Aksesibilitas" in home  # partials/copyright.html
    assert 'id="zi-aksesibilitas' in home or "zi-aksesibilitas" in home  # partials/aksesibilitas.html
    # extra_css and extra_javascript, combined with the theme's into one hashed file each (generator/rampung/aset.py).
    assert re.search(r'<link rel="stylesheet" href="\./assets/zi/zi\.[0-9a-f]{8}\.css">', home)
    assert re.search(r'<script src="\./assets/zi/zi\.[0-9a-f]{8}\.js"></script>', home)
    assert "Made with" not in home and "Permanent link" not in home
    assert 'aria-label="Tautan permanen ke bagian ini: ' in home  # the permalink extension ran
    # partials/header.html: the one search button (Pagefind, generator/rampung/cari.py), as under Material.
    assert 'class="md-header__button zi-tombol-cari"' in home


def test_two_zensical_builds_are_identical(zensical_sites, tmp_path):
    again = tmp_path / "lagi"
    result = zi("build", "--mesin", "zensical", "--plans", str(DATA["wonosobo"]), "--site-dir", str(again))
    assert result.returncode == 0, result.stderr

    def files(root: Path) -> dict[str, bytes]:
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}

    assert files(again) == files(zensical_sites["wonosobo"])

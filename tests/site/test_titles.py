"""Wayfinding in the built pages: the site's short name, and every page's <title> starting with its h1."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.model.satker import Satker
from tests.conftest import html_pages


@pytest.mark.parametrize(
    ("singkatan", "singkat", "expected"),
    [
        ("KPU Kabupaten Gunungkidul", None, "ZI KPU Gunungkidul"),
        ("KPU Kota Bogor", None, "ZI KPU Kota Bogor"),
        ("KPU Provinsi Jawa Tengah", None, "ZI KPU Jawa Tengah"),
        ("KPU Kabupaten Gunungkidul", "ZI Gunungkidul", "ZI Gunungkidul"),
    ],
)
def test_short_site_name(singkatan, singkat, expected):
    satker = Satker(nama="Komisi Pemilihan Umum", singkatan=singkatan, nama_singkat_situs=singkat)
    assert satker.nama_situs_singkat == expected


def test_header_shows_the_short_name_and_title_the_full_one(gunungkidul_site):
    html = (gunungkidul_site / "index.html").read_text(encoding="utf-8")
    assert "ZI KPU Gunungkidul" in html
    assert "<title>Zona Integritas KPU Kabupaten Gunungkidul</title>" in html


class _Titles(HTMLParser):
    """The <title> text and the first h1's text (its permalink "¶" left out)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.h1 = ""
        self._in: str | None = None
        self._h1_done = False
        self._title_done = False  # chart SVGs hold <title> elements too
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if (tag == "title" and not self._title_done) or (tag == "h1" and not self._h1_done):
            self._in = tag
        elif self._in == "h1" and tag == "a" and "headerlink" in (dict(attrs).get("class") or ""):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag == "a" and self._skip:
            self._skip -= 1
        elif tag == self._in:
            self._h1_done = self._h1_done or tag == "h1"
            self._title_done = self._title_done or tag == "title"
            self._in = None

    def handle_data(self, data):
        if self._in == "title":
            self.title += data
        elif self._in == "h1" and not self._skip:
            self.h1 += data


def titles(path: Path) -> tuple[str, str]:
    parser = _Titles()
    parser.feed(path.read_text(encoding="utf-8"))
    return " ".join(parser.title.split()), " ".join(parser.h1.split())


@pytest.mark.parametrize("name", ["gunungkidul", "wonosobo"])
def test_every_title_starts_with_the_pages_h1(name, built_sites):
    site = built_sites[name]
    pages = [*html_pages(site), site / "404.html"]
    site_name, _ = titles(site / "index.html")
    assert site_name.startswith("Zona Integritas KPU Kabupaten "), site_name
    wrong = []
    for path in pages:
        title, h1 = titles(path)
        assert h1, f"{path}: tanpa h1"
        if title != (site_name if h1 == site_name else f"{h1} - {site_name}"):
            wrong.append(f"{path.relative_to(site)}: <title> {title!r}, h1 {h1!r}")
    assert wrong == [], "\n".join(wrong)
    assert len(pages) >= 10

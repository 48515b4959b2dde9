"""The staff guide 'Cara Memperbarui Data': on the site, well structured, and honest about the tool."""

from __future__ import annotations

import datetime as dt
import html.parser
import re
import shutil

from generator.staff.zip_situs import PERIKSA, nama
from tests.conftest import DATA, REPO, page_text, zi

GUIDE = REPO / "content" / "cara-memperbarui-data.md"
VAGUE_LINKS = {"di sini", "klik di sini", "klik", "sini", "tautan", "link", "selengkapnya", "baca"}


class _Outline(html.parser.HTMLParser):
    """Headings, links and tables inside the page's article."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # > 0 inside <article>
        self.headings: list[int] = []
        self.links: list[list[str]] = []  # [href, text, class]
        self.tables = 0
        self.captions = 0
        self.in_link = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "article":
            self.depth += 1
        if not self.depth:
            return
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        elif tag == "a":
            self.links.append([a.get("href") or "", "", a.get("class") or ""])
            self.in_link = True
        elif tag == "table":
            self.tables += 1
        elif tag == "caption":
            self.captions += 1

    def handle_endtag(self, tag):
        if tag == "article":
            self.depth -= 1
        elif tag == "a":
            self.in_link = False

    def handle_data(self, data):
        if self.depth and self.in_link:
            self.links[-1][1] += data


def test_guide_is_built_out_of_the_menu_and_linked_from_the_footer(gunungkidul_site):
    page = gunungkidul_site / "cara-memperbarui-data" / "index.html"
    assert page.is_file()
    home = (gunungkidul_site / "index.html").read_text(encoding="utf-8")
    # Everything before the footer: the header, the menu (drawer and sidebar) and the article.
    before, footer = home.split('<footer class="md-footer">', 1)
    assert "cara-memperbarui-data/" not in before
    assert 'href="cara-memperbarui-data/"' in footer


def test_guide_structure_is_accessible(gunungkidul_site):
    outline = _Outline()
    outline.feed((gunungkidul_site / "cara-memperbarui-data" / "index.html").read_text(encoding="utf-8"))
    levels = outline.headings
    assert levels.count(1) == 1 and levels[0] == 1, levels
    for before, after in zip(levels, levels[1:]):
        assert after <= before + 1, f"judul melompat dari h{before} ke h{after}: {levels}"
    assert levels.count(2) >= 4
    for href, text, cls in outline.links:
        if "headerlink" in cls:
            continue
        words = " ".join(text.split()).lower()
        assert words and words not in VAGUE_LINKS, f"teks tautan {text!r} ({href}) tidak bermakna sendiri"
    assert outline.captions == outline.tables


def test_guide_covers_what_staff_need(gunungkidul_site):
    text = page_text(gunungkidul_site / "cara-memperbarui-data" / "index.html")
    for needed in (
        "plans/satker.yaml",
        "plans/<tahun>/rencana-aksi.yaml",
        "realisasi.yaml",
        "gratifikasi.yaml",
        "Actions",
        "Pipelines",
        "Commit changes",
        "main",
        "berkas:baris:kolom",
        "Perbaikan:",
        "tidak berubah",
        "kurang dari 5 menit",
        "zi deploy --rollback",
        "Revert",
    ):
        assert needed in text, needed


def test_example_error_in_the_guide_is_what_zi_check_prints(tmp_path):
    """The guide quotes a real message; the same mistake must still give the same message."""
    example = re.search(r"```text\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.S).group(1).strip()
    month = re.search(r"nama bulan '(\w+)' tidak dikenal", example).group(1)
    plans = tmp_path / "plans"
    shutil.copytree(DATA["gunungkidul"], plans)
    plan = plans / "2024" / "rencana-aksi.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace('"April 2024"', f'"{month} 2024"', 1), encoding="utf-8")
    result = zi("check", "--plans", str(plans))
    assert result.returncode == 1

    def without_position(s: str) -> str:
        return re.sub(r"\.yaml:\d+:\d+:|\[\d+\]", "#", s.strip())

    assert without_position(result.stderr) == without_position(example), result.stderr


def test_guide_for_the_hosting_panel_names_what_the_zip_and_its_check_page_show():
    """The File Manager steps (issue 14) quote the check page's button and verdict, and the zip's name."""
    guide = GUIDE.read_text(encoding="utf-8")
    section = guide.split("## Menerbitkan lewat File Manager panel hosting", 1)[1].split("\n## ", 1)[0]
    page = (REPO / "theme" / "zi" / "periksa-berkas.html").read_text(encoding="utf-8")
    for shown in ("Periksa semua berkas", "Semua cocok"):
        assert f"**{shown}**" in section and shown in page, shown
    assert re.search(r"^\d\. ", section, re.M), "langkah bernomor"
    for needed in (
        "zi build --zip",
        "periksa-berkas.html",
        "Extract",
        "Rename",
        "Document Root",
        "DirectAdmin",
        "Plesk",
    ):
        assert needed in section, needed
    assert PERIKSA in section and f"{nama(2024, dt.date(2024, 12, 20))}.zip" in section

"""The home page's first screen from the page layer: the figure, or a plain sentence when nothing is reported yet."""

from __future__ import annotations

import shutil

from generator.load import load_site
from generator.pages import build_pages, navigation
from tests.conftest import DATA


def test_no_realisasi_says_so_plainly(tmp_path):
    plans = tmp_path / "plans"
    shutil.copytree(DATA["wonosobo"], plans)
    (plans / "2026" / "realisasi.yaml").unlink()
    site = load_site(plans)
    built = {p.path: p.markdown for p in build_pages(site)}
    home = built["index.md"]
    first = home[: home.index('<p class="zi-lead">')]
    assert "Belum ada laporan capaian" in first
    assert "0 dari" not in first and "%" not in first  # no fake zero
    assert "perlu-perhatian" not in home
    assert "2026/perlu-perhatian.md" not in built
    assert all(e.path != "2026/perlu-perhatian.md" for y in navigation(site) for e in y.children)


def test_first_screen_lists_only_channels_the_data_gives():
    home = {p.path: p.markdown for p in build_pages(load_site(DATA["wonosobo"]))}["index.md"]
    first = home[home.index('id="sampaikan-pengaduan"') : home.index('<p class="zi-lead">')]
    assert "belum dicantumkan" not in home
    assert "WhatsApp" not in first and "Surel" not in first  # Wonosobo gives neither
    assert "SP4N-LAPOR!" in first and 'href="kanal-pengaduan/"' in first


def test_list_page_and_its_navigation_entry():
    site = load_site(DATA["gunungkidul"])
    built = {p.path: p.markdown for p in build_pages(site)}
    assert "2024/perlu-perhatian.md" in built
    year = next(e for e in navigation(site) if e.title == "Rencana Aksi 2024")
    assert [e.path for e in year.children][-1] == "2024/perlu-perhatian.md"
    assert 'href="2024/perlu-perhatian/"' in built["index.md"]

"""The Pagefind search index (generator/rampung/cari.py) of both engines' builds: written, Indonesian,
each action row once, nothing of Material's lunr search left, the same bytes from the same pages."""

from __future__ import annotations

import json
import shutil

import pytest

from generator.rampung import cari
from generator.rampung.padat import COPIES
from tests.benchmarks.indeks_cari import MIN_CHARS, action_rows, fragments, normalise

SITES = ["gunungkidul", "wonosobo"]


@pytest.fixture(params=["built_sites", "zensical_sites"])
def engine_sites(request):
    """Both example sites, built once with Material and once with Zensical."""
    return request.getfixturevalue(request.param)


@pytest.mark.parametrize("name", SITES)
def test_each_action_row_is_indexed_once_on_its_area_page(name, engine_sites):
    site = engine_sites[name]
    indexed = {f["url"]: normalise(f.get("content", "")) for f in fragments(site)}
    rows = action_rows(site)
    # The decree may give two rows the same words (the same survey step in two areas): each is then
    # found on each of its own area pages, and nowhere else.
    homes: dict[str, set[str]] = {}
    for area_url, text in rows.values():
        homes.setdefault(text, set()).add(area_url)
    checked = 0
    for row_id, (_area_url, text) in rows.items():
        if len(text) < MIN_CHARS:
            continue
        where = sorted(url for url, body in indexed.items() if text in body)
        assert where == sorted(homes[text]), f"{row_id}: {where}"
        checked += 1
    assert checked >= 20, checked


@pytest.mark.parametrize("name", SITES)
def test_index_is_written_for_both_engines_and_lunr_is_gone(name, engine_sites):
    site = engine_sites[name]
    folder = site / cari.FOLDER
    entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["id"], entry  # forced: every page is lang="id"
    assert (folder / "pagefind.js").is_file() and (folder / "wasm.id.pagefind").is_file()
    for unused in ("pagefind-ui.js", "pagefind-component-ui.js", "wasm.unknown.pagefind"):
        assert not (folder / unused).exists(), unused
    urls = {f["url"] for f in fragments(site)}
    assert "/" in urls and "/kanal-pengaduan/" in urls and "/404.html" not in urls and "/404/" not in urls
    pages = [p for p in site.rglob("index.html") if "pagefind" not in p.parts]
    assert len(urls) >= len(pages) - 4, sorted(urls)  # every content page (not the embed/redirect stubs)
    # Neither engine's own search: no lunr index; Zensical, its search off, writes an empty search.json
    # that no page loads (tests/browser/test_search.py); no page names either.
    assert not (site / "search" / "search_index.json").exists()
    if (site / "search.json").exists():
        assert json.loads((site / "search.json").read_text(encoding="utf-8"))["items"] == []
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "search_index.json" not in text and 'data-md-component="search"' not in text, page


@pytest.mark.parametrize("name", SITES)
def test_only_the_article_is_indexed(name, built_sites):
    """Header, navigation, table of contents and footer stay out, and so do permalink marks."""
    for f in fragments(built_sites[name]):
        assert "Panduan memperbarui data (untuk staf)" not in f["content"], f["url"]  # the footer's link
        if f["url"] != "/pernyataan-aksesibilitas/":  # which explains the skip link in its own words
            assert "Lewati ke isi" not in f["content"] and "Daftar isi" not in f["content"], f["url"]
        assert "¶" not in f["content"], f["url"]


def test_plan_text_is_found(built_sites):
    gk = " ".join(f["content"] for f in fragments(built_sites["gunungkidul"]))
    assert "Laporan Diagnosis Awal" in gk
    assert "Sosialisasi LHKPN, LHKASN dan SPT TAHUNAN" in gk
    assert "E-Perjadin" in " ".join(f["content"] for f in fragments(built_sites["wonosobo"]))


def test_index_is_the_same_bytes_twice(built_sites, tmp_path):
    site = tmp_path / "situs"
    shutil.copytree(built_sites["wonosobo"], site)
    cari.indeks(site)  # replaces the build's index with a second run over the same pages

    def files(root):  # the index, not the .gz/.br copies the last finishing step adds
        return {
            p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*"))
            if p.is_file() and not p.name.endswith(COPIES)
        }

    assert files(site / cari.FOLDER) == files(built_sites["wonosobo"] / cari.FOLDER)


def test_pagefind_failure_is_reported_in_indonesian(tmp_path, monkeypatch):
    monkeypatch.setattr(cari, "executable", lambda: shutil.which("false"))
    with pytest.raises(cari.CariError, match="Pagefind gagal membuat indeks pencarian"):
        cari.indeks(tmp_path)

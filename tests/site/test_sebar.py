"""What other sites take from a unit site (issue 13, items 6 and 7): feeds, embed card, badge, oEmbed,
"Tautkan situs ini", sitemap and robots.txt. Reads the session's builds of both engines."""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as ET

import feedparser
import pytest

from generator.domain.jadwal import BULAN
from generator.load import load_site
from generator.pages import alamat
from generator.stage.prepared import prepare
from tests.conftest import DATA, REPO, SITE_URLS, html_pages, page_text

pytestmark = pytest.mark.slow

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def _engines(built_sites, zensical_sites):
    return {"material": built_sites, "zensical": zensical_sites}


@pytest.mark.parametrize("name", sorted(DATA))
def test_both_feeds_parse_with_unique_ids_newest_first_and_the_datas_dates(built_sites, name):
    site = built_sites[name]
    atom = feedparser.parse((site / alamat.FEED_ATOM).read_bytes())
    assert not atom.bozo, atom.get("bozo_exception")
    assert atom.feed.language == "id" and atom.feed.title.startswith("Pembaruan Zona Integritas")
    entries = atom.entries
    assert 0 < len(entries) <= 50
    ids = [e.id for e in entries]
    assert len(set(ids)) == len(ids)
    dates = [e.updated for e in entries]
    assert dates == sorted(dates, reverse=True)
    feed = json.loads((site / alamat.FEED_JSON).read_text(encoding="utf-8"))
    assert feed["version"] == "https://jsonfeed.org/version/1.1" and html.unescape(feed["title"]) == atom.feed.title
    assert [i["id"] for i in feed["items"]] == ids
    for item in feed["items"]:
        assert item["id"] and (item.get("content_text") or item.get("content_html"))
        assert "<" not in item["content_html"]  # staff text escaped: readers render it as HTML
    # Dates are the data's: each realisasi entry carries its row's `diperbarui`, each Keputusan its `tanggal`.
    data = load_site(DATA[name])
    seen = {"keputusan": 0, "realisasi": 0, "rekap": 0}
    for e in entries:
        key = e.id.split(":", 2)[2].removeprefix("zi/")
        kind, tahun, *rest = key.split("/")
        seen[kind] += 1
        day = e.updated[:10]
        if kind == "realisasi":
            row = data.tahun(int(tahun)).capaian.baris[rest[0]]
            assert day == rest[1] == row.diperbarui.isoformat()
            assert e.link.endswith(f"#{rest[0]}")
        elif kind == "keputusan":
            plan = next(p for p in data.plans if p.tahun == int(tahun))
            assert day == plan.rencana.keputusan.tanggal.isoformat()
        if kind == "rekap":  # no recap count in a feed, so none can undo a suppressed cell: only its period
            months = "|".join(BULAN)
            words = re.sub(rf"({months}|Semester [IV]+|Triwulan [IV]+) \d{{4}}", "", e.title + " " + e.summary)
            assert not re.search(r"\d", words), words
    assert seen["realisasi"] and seen["rekap"]


@pytest.mark.parametrize("name", sorted(DATA))
def test_feeds_and_shared_files_are_the_same_bytes_in_two_builds(built_sites, zensical_sites, name):
    """Ids and dates come from the data, not the build: two builds (one per engine) give the same files."""
    for rel in (alamat.FEED_ATOM, alamat.FEED_JSON, alamat.EMBED + "index.html", alamat.LENCANA, alamat.OEMBED):
        assert (built_sites[name] / rel).read_bytes() == (zensical_sites[name] / rel).read_bytes(), rel


def test_feed_ids_and_links_are_absolute_with_alamat_situs(built_sites):
    url = SITE_URLS["wonosobo"]
    atom = feedparser.parse((built_sites["wonosobo"] / alamat.FEED_ATOM).read_bytes())
    host = url.split("://")[1].strip("/")
    assert all(e.id.startswith(f"tag:{host},") and e.link.startswith(url) for e in atom.entries)


@pytest.mark.parametrize("engine", ["material", "zensical"])
@pytest.mark.parametrize("name", sorted(DATA))
def test_every_page_names_both_feeds_and_the_home_page_its_oembed(built_sites, zensical_sites, engine, name):
    site = _engines(built_sites, zensical_sites)[engine][name]
    pages = html_pages(site)
    assert len(pages) > 10
    for page in [*pages, site / "404.html"]:
        text = page.read_text(encoding="utf-8")
        links = dict(re.findall(r'<link rel="alternate" type="([^"]+)" href="([^"]+)"', text))
        rel = page.relative_to(site).as_posix()
        for kind, path in (("application/atom+xml", alamat.FEED_ATOM), ("application/feed+json", alamat.FEED_JSON)):
            href = links.get(kind)
            assert href, f"{rel}: no {kind} link"
            assert "://" not in href, f"{rel}: {href}"  # relative: Material probes sitemap.xml next to it
            target = site / href.lstrip("/") if href.startswith("/") else page.parent / href
            assert target.resolve() == (site / path).resolve(), f"{rel}: {href}"
        assert ("application/json+oembed" in links) == (rel == "index.html"), rel


def test_embed_card_is_small_standalone_and_shows_the_home_pages_figure(built_sites):
    for name, site in built_sites.items():
        raw = (site / alamat.EMBED / "index.html").read_bytes()
        assert len(raw) < 15 * 1024
        text = raw.decode("utf-8")
        assert '<html lang="id">' in text and "<title>" in text and "<script" not in text.lower()
        assert "prefers-color-scheme:dark" in text and "<link" not in text  # inline CSS only
        hrefs = re.findall(r"<a [^>]*>", text)
        assert hrefs and all('target="_top"' in a for a in hrefs)
        home = (site / "index.html").read_text(encoding="utf-8")
        figure = re.search(
            r'<h2 id="angka-utama"><span class="zi-angka-utama__angka">([^<]+)</span>\s*([^<]+)</h2>', home
        )
        assert figure, name
        card = page_text(site / alamat.EMBED / "index.html")
        assert f"{figure[1]} {figure[2].strip()}" in card, name
        date = re.search(r"keadaan per ([^<·]+?)(?: ·|</p>)", home)[1]
        assert f"Keadaan per {date}" in card
        # No recap count is published here (so none can undo a suppressed cell): without the dates and
        # period names, the only numbers are the progress figures, its percentage and the plan's year.
        months = "|".join(BULAN)
        rest = re.sub(rf"(\d{{1,2}} )?({months}|Semester [IV]+|Triwulan [IV]+) \d{{4}}", "", card)
        rest = re.sub(r"\d+ periode belum dilaporkan", "", rest)  # how many periods are late, not a recap figure
        persen = re.search(r"\(([\d,]+)\s%\)", card)[1]
        allowed = {*figure[1].split(" dari "), persen, re.search(r"Rencana Aksi (\d{4})", card)[1]}
        assert set(re.findall(r"\d+(?:,\d+)?", rest)) <= allowed, rest


def test_badge_is_an_image_with_the_home_pages_percentage(built_sites):
    for name, site in built_sites.items():
        svg = (site / alamat.LENCANA).read_text(encoding="utf-8")
        root = ET.fromstring(svg)
        assert root.get("role") == "img"
        title = root.find("{http://www.w3.org/2000/svg}title").text
        assert root.get("aria-label") == title
        home = (site / "index.html").read_text(encoding="utf-8")
        persen = re.search(r'<tfoot><tr>\s*<th scope="row">Jumlah</th>\s*<td class="zi-angka">([^<]+)</td>', home)[1]
        tahun = re.search(r"Rencana Aksi (\d{4}), keadaan per", home)[1]
        assert f"Progres ZI {tahun}" in title and persen in title, (name, title)
        texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
        assert texts == [f"Progres ZI {tahun}", persen]
        assert "@font-face" not in svg and "href" not in svg


def test_oembed_is_rich_with_an_iframe_of_the_embed_page(built_sites):
    data = json.loads((built_sites["wonosobo"] / alamat.OEMBED).read_text(encoding="utf-8"))
    assert (data["version"], data["type"]) == ("1.0", "rich")
    assert data["provider_url"] == SITE_URLS["wonosobo"] and data["width"] > 0 and data["height"] > 0
    src = re.search(r'<iframe src="([^"]+)" title="[^"]+"', data["html"])[1]
    assert src == SITE_URLS["wonosobo"] + alamat.EMBED


def test_tautkan_page_gives_snippets_to_copy(built_sites):
    page = (built_sites["wonosobo"] / alamat.TAUTKAN / "index.html").read_text(encoding="utf-8")
    snippets = [html.unescape(s) for s in re.findall(r"<pre[^>]*><code>(.*?)</code></pre>", page, re.S)]
    url = SITE_URLS["wonosobo"]
    assert any(s.startswith(f'<a href="{url}">') for s in snippets)
    assert any(f'<img src="{url}{alamat.LENCANA}"' in s for s in snippets)
    assert any(f'<iframe src="{url}{alamat.EMBED}"' in s for s in snippets)
    assert "Ganti alamatnya" not in page
    other = (built_sites["gunungkidul"] / alamat.TAUTKAN / "index.html").read_text(encoding="utf-8")
    assert "Ganti alamatnya" in other and "https://alamat-situs-ini/" in other
    assert 'href="../tautkan/"' in (built_sites["wonosobo"] / "dokumen" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("engine", ["material", "zensical"])
def test_sitemap_lists_every_page_with_the_datas_date(built_sites, zensical_sites, engine):
    site = _engines(built_sites, zensical_sites)[engine]["wonosobo"]
    url = SITE_URLS["wonosobo"]
    root = ET.parse(site / "sitemap.xml").getroot()
    locs = {u.findtext(f"{SM}loc"): u.findtext(f"{SM}lastmod") for u in root.iter(f"{SM}url")}
    pages = {url + p.relative_to(site).parent.as_posix().removeprefix(".").strip("/") for p in html_pages(site)}
    expected = {p + "/" if not p.endswith("/") else p for p in pages}
    assert set(locs) == expected
    newest = load_site(DATA["wonosobo"]).tanggal_data.isoformat()
    assert set(locs.values()) == {newest}
    assert (site / "robots.txt").read_text(encoding="ascii").endswith(f"\nSitemap: {url}sitemap.xml\n")
    gk = _engines(built_sites, zensical_sites)[engine]["gunungkidul"]
    assert not (gk / "robots.txt").exists()


def test_build_without_alamat_situs_warns_with_a_fix():
    prepared = prepare(REPO / "mkdocs.yml", plans=DATA["gunungkidul"])
    warning = next(p for p in prepared.peringatan if p.field == "alamat_situs")
    text = warning.format(DATA["gunungkidul"], peringatan=True)
    assert text.startswith("Peringatan: satker.yaml:1:1: alamat_situs: alamat situs belum diisi")
    assert "sitemap.xml" in text and "Perbaikan: tambahkan alamat" in text
    assert alamat.FEED_ATOM in prepared.berkas and "robots.txt" not in prepared.berkas

"""The home page answers in five seconds: on a 360 x 800 phone the first screen shows the overall
figure with its date, the late and unreported counts linking to their list, one line per recap and
where to report; the list page lists exactly the rows the rules count. With and without JavaScript."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from generator.load import load_site
from generator.pages.angka import tanggal
from tests.browser.audit import local_page
from tests.conftest import DATA

pytestmark = pytest.mark.browser
SITES = ["gunungkidul", "wonosobo"]
FOLD = 800


def _facts(name: str):
    site = load_site(DATA[name])
    plan = site.latest
    tahun = site.tahun(plan.tahun)
    return site, plan, tahun


def _bottom(locator) -> float:
    box = locator.evaluate("(e) => e.getBoundingClientRect().bottom + window.scrollY")
    return float(box)


@pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("name", SITES)
def test_first_screen_at_360(name, js, built_sites, serve, browser):
    site, plan, tahun = _facts(name)
    c = tahun.capaian
    assert c is not None
    satuan = plan.rencana.lampiran.kolom.uraian.lower()
    base = serve(built_sites[name])
    with local_page(browser, base, width=360, java_script_enabled=js) as page:
        page.goto(base, wait_until="load")
        figure = page.locator("#angka-utama")
        assert figure.count() == 1, "no overall figure on the home page"
        assert " ".join(figure.inner_text().split()) == f"{c.total.selesai} dari {c.total.jumlah} {satuan} selesai"
        assert _bottom(figure) <= FOLD
        date = page.locator(".zi-angka-utama__tanggal")
        assert f"per {tanggal(c.per_tanggal)}" in date.inner_text()
        assert _bottom(date) <= FOLD
        link = page.locator(".zi-angka-utama__perhatian a")
        text = " ".join(link.inner_text().split())
        assert f"{c.total.terlambat} terlambat" in text and f"{c.total.belum_dilaporkan} belum dilaporkan" in text
        assert _bottom(link) <= FOLD
        lines = page.locator(".zi-beranda-rekap li")
        assert lines.count() == len(tahun.rekap) > 0
        for r in tahun.rekap:
            line = page.locator(f'.zi-beranda-rekap li:has(a[href="{r.info.tahun}/{r.info.jenis}/"])')
            assert line.count() == 1, r.info.jenis
            assert _bottom(line) <= FOLD, r.info.jenis
        channels = page.locator(".zi-beranda-kanal")
        assert channels.locator("h2").inner_text().strip() == "Sampaikan pengaduan"
        assert _bottom(channels) <= FOLD
        body = page.locator("body").inner_text()
        assert "belum dicantumkan" not in body
        assert page.locator('a[href="tentang-zona-integritas/"]').count() >= 1
        link.click()
        page.wait_for_load_state("load")
        assert page.url == base + f"{plan.tahun}/perlu-perhatian/"
        assert page.locator("h1").inner_text().startswith(f"Terlambat dan belum dilaporkan {plan.tahun}")
        assert page.outside == []


@pytest.mark.parametrize("name", SITES)
def test_list_page_lists_exactly_the_rows_the_rules_count(name, built_sites, serve, browser):
    site, plan, tahun = _facts(name)
    c = tahun.capaian
    assert c is not None
    late = {i for i, b in c.baris.items() if b.terlambat}
    unreported_any = {i for i, b in c.baris.items() if b.status is None}
    area_of = {a.id: area.slug for area in plan.areas for a in area.aksi}
    root = built_sites[name]
    base = serve(root)
    with local_page(browser, base, width=360, java_script_enabled=False) as page:
        page.goto(base + f"{plan.tahun}/perlu-perhatian/", wait_until="load")
        rows = page.evaluate(
            """() => { const split = document.getElementById('belum-dilaporkan');
              return [...document.querySelectorAll('li[id^="perhatian-"]')].map((li) => ({
                id: li.id.slice('perhatian-'.length),
                late: !!(split.compareDocumentPosition(li) & Node.DOCUMENT_POSITION_PRECEDING),
                href: li.querySelector('a').href,
                text: li.innerText }));
            }"""
        )
    shown_late = {r["id"] for r in rows if r["late"]}
    shown_unreported = {r["id"] for r in rows if not r["late"]}
    assert len(rows) == len(shown_late) + len(shown_unreported)  # each row once
    assert shown_late == late and len(late) == c.total.terlambat
    assert shown_unreported <= unreported_any and len(shown_unreported) == c.total.belum_dilaporkan
    for r in rows:
        url = urlsplit(r["href"])
        assert url.fragment == r["id"]
        assert url.path == f"/{plan.tahun}/{area_of[r['id']]}/"
        target = (root / url.path.strip("/") / "index.html").read_text(encoding="utf-8")
        assert f'id="{r["id"]}"' in target
        assert ("Terlambat" in r["text"]) is r["late"]
        assert ("Belum dilaporkan" in r["text"]) is (not r["late"])

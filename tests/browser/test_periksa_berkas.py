"""The check page inside `zi build --zip` (periksa-berkas.html) in Chromium, as staff use it: the zip
extracted into a new folder on a web server (127.0.0.1), the page opened there, "Periksa semua berkas"
pressed. axe in both colour schemes; "Semua cocok" for the intact folder, the altered file named otherwise;
without JavaScript the list and the other ways to check remain."""

from __future__ import annotations

import datetime as dt
import zipfile

import pytest

from generator.staff.zip_situs import PERIKSA, buat_zip
from tests.browser.audit import axe_source, local_page, run_axe
from tests.conftest import REPO

pytestmark = pytest.mark.browser


# A few files of the kinds a site holds, one with a space and one with a non-ASCII letter in its name
# (the page must ask the server for them correctly); the page's logic does not depend on the site's size.
BERKAS = {
    "index.html": b"<!doctype html><title>Beranda</title>",
    "404.html": b"<!doctype html><title>Tidak ada</title>",
    "feed.json": b'{"version": "https://jsonfeed.org/version/1.1"}',
    "assets/zi/tanda-satker.svg": b'<svg xmlns="http://www.w3.org/2000/svg"/>',
    "unggahan/SK tim ZI 2024.pdf": b"%PDF-1.4\n" + bytes(range(256)) * 40,
    "unggahan/catatan-r\u00e9sum\u00e9.csv": b"a,b\n1,2\n",
}


@pytest.fixture(scope="module")
def diekstrak(tmp_path_factory):
    """(server folder holding the extracted top folder, that folder's name) for a small site's zip."""
    out = tmp_path_factory.mktemp("periksa-berkas")
    site = out / "site"
    for path, data in BERKAS.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_bytes(data)
    made = buat_zip(
        site, out, tahun=2024, tanggal=dt.date(2024, 12, 20), satker="KPU Contoh", templat=REPO / "theme" / "zi"
    )
    server = out / "public_html"
    with zipfile.ZipFile(made.path) as zf:
        zf.extractall(server)
    [top] = server.iterdir()
    assert top.name == "situs-2024-2024-12-20"
    return server, top.name


def _periksa(page) -> str:
    page.get_by_role("button", name="Periksa semua berkas").click()
    status = page.get_by_role("status")
    status.filter(has_text="cocok").wait_for(timeout=30_000)
    return status.inner_text()


def test_check_page_says_all_match_then_names_an_altered_file(diekstrak, serve, browser):
    server, top = diekstrak
    base = serve(server)
    axe = axe_source()
    with local_page(browser, base, width=360) as page:
        page.goto(f"{base}{top}/{PERIKSA}", wait_until="load")
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "lebih lebar dari 360 px"
        page.evaluate("document.documentElement.style.fontSize = '200%'")  # text at 200 %: still no sideways scroll
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), (
            "200 %: lebih lebar dari 360 px"
        )
        page.evaluate("document.documentElement.style.fontSize = ''")
        rows = page.locator("li[data-berkas]").count()
        assert rows == len(BERKAS)
        text = _periksa(page)
        assert text == f"Semua cocok: {rows} berkas diperiksa, semuanya sama dengan isi zip.", text
        assert page.locator(".status", has_text="cocok").count() == rows
        problems = run_axe(page, axe)  # every row marked, in both colour schemes
        page.emulate_media(color_scheme="dark")
        problems += [f"gelap: {p}" for p in run_axe(page, axe)]
        page.emulate_media(color_scheme="light")
        altered = server / top / "assets" / "zi" / "tanda-satker.svg"
        original = altered.read_bytes()
        try:
            altered.write_bytes(original + b"\n")
            (server / top / "feed.json").rename(server / top / "feed.json.lama")
            page.reload(wait_until="load")
            text = _periksa(page)
        finally:
            altered.write_bytes(original)
            (server / top / "feed.json.lama").rename(server / top / "feed.json")
        assert text.startswith(f"Tidak cocok: 2 dari {rows} berkas berbeda atau tidak ada."), text
        assert "assets/zi/tanda-satker.svg: berbeda" in text and "feed.json: tidak ada di server (404)" in text
        assert page.locator("#daftar-beda li").all_inner_texts() == [
            "assets/zi/tanda-satker.svg: berbeda",
            "feed.json: tidak ada di server (404)",
        ]
        problems += run_axe(page, axe)
        assert page.outside == []
    assert problems == [], "\n".join(problems)


def test_check_page_without_javascript_keeps_the_list_and_the_other_ways(diekstrak, serve, browser):
    server, top = diekstrak
    base = serve(server)
    with local_page(browser, base, java_script_enabled=False) as page:
        page.goto(f"{base}{top}/{PERIKSA}", wait_until="load")
        assert not page.get_by_role("button").is_visible()
        assert "sha256sum -c SHA256SUMS" in page.locator("#tanpa-skrip").inner_text()
        assert page.locator("li[data-berkas]").count() == len(BERKAS)

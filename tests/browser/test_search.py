"""The site search (Pagefind, generator/rampung/cari.py, dialog in theme/partials/search.html), in Chromium:
Indonesian word forms are found, nothing of it loads before search is opened, results are links that
screen readers hear about and a keyboard reaches, and it works under a sub-path and in every colour mode."""

from __future__ import annotations

import json

import pytest

from tests.browser.audit import axe_source, local_page, run_axe

pytestmark = pytest.mark.browser


def search(page, query: str) -> list[str]:
    """Open the dialog, type ``query``, wait for the status line; the result pages' paths, in order."""
    page.locator(".zi-tombol-cari").click()
    page.locator("#zi-cari-masukan").fill(query)
    page.locator(".zi-cari__status", has_text="ditemukan").wait_for(timeout=20000)
    return page.eval_on_selector_all(".zi-cari__halaman > a", "els => els.map(e => new URL(e.href).pathname)")


@pytest.mark.parametrize(
    "name,query,expected",
    [
        # Stemming: lunr matched whole words only, so "adu" found neither "pengaduan" nor "diadukan".
        ("gunungkidul", "adu", "/2024/pengaduan/"),
        ("gunungkidul", "diadukan", "/2024/pengaduan/"),
        ("gunungkidul", "gratifikasi", "/2024/gratifikasi/"),
        # An action row's own words find its area page (the plan page's copy is not indexed).
        ("gunungkidul", "Diagnosis", "/2024/penguatan-pengawasan/"),
        ("wonosobo", "E-Perjadin", "/2026/manajemen-perubahan/"),
    ],
)
def test_search_finds_indonesian_words_and_their_forms(name, query, expected, built_sites, serve, browser):
    base = serve(built_sites[name])
    with local_page(browser, base) as page:
        page.goto(base, wait_until="load")
        found = search(page, query)
        assert expected in found[:5], found
        if query == "Diagnosis":
            assert "/2024/" not in found, found  # the row is indexed once, on its area page
        assert page.outside == []


def test_nothing_of_search_loads_before_it_is_opened(built_sites, serve, browser):
    base = serve(built_sites["gunungkidul"])
    with local_page(browser, base) as page:
        urls: list[str] = []
        page.on("request", lambda r: urls.append(r.url))
        page.goto(base + "2024/penguatan-pengawasan/", wait_until="load")
        page.wait_for_timeout(1000)
        assert not [u for u in urls if "pagefind" in u or "search" in u], urls
        search(page, "adu")
        assert any(u.endswith("/pagefind/pagefind.js") for u in urls)
        assert page.outside == [], page.outside  # and no request to any other host


def test_results_are_announced_links_and_keyboard_only_use_works(built_sites, serve, browser):
    base = serve(built_sites["gunungkidul"])
    with local_page(browser, base, width=360) as page:
        page.goto(base, wait_until="load")
        for _ in range(30):  # Tab to the search button, as a keyboard user would
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.classList.contains('zi-tombol-cari')"):
                break
        else:
            pytest.fail("tombol Cari tidak tercapai dengan Tab")
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "zi-cari-masukan"
        dialog = page.get_by_role("dialog", name="Cari di situs ini")
        assert dialog.is_visible()
        page.keyboard.type("pengaduan")
        status = page.locator(".zi-cari__status")
        status.filter(has_text="ditemukan").wait_for(timeout=20000)
        assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"
        assert "halaman ditemukan untuk" in status.inner_text()
        links = dialog.get_by_role("list", name="Hasil pencarian").get_by_role("link")
        assert links.count() >= 2
        page.keyboard.press("Tab")  # from the field to the first result
        first = page.evaluate("document.activeElement.getAttribute('href')")
        assert first == links.first.get_attribute("href")
        page.keyboard.press("Enter")
        page.wait_for_url(lambda url: url.split("#")[0].endswith(first.split("#")[0]), timeout=10000)


def test_five_results_at_a_time_the_next_on_request(built_sites, serve, browser):
    base = serve(built_sites["gunungkidul"])
    with local_page(browser, base) as page:
        urls: list[str] = []
        page.on("request", lambda r: urls.append(r.url))
        page.goto(base, wait_until="load")
        search(page, "adu")
        assert page.locator(".zi-cari__halaman").count() == 5
        fragments = [u for u in urls if "/pagefind/fragment/" in u]
        assert len(fragments) == 5, fragments  # only the shown results' text is fetched
        assert not [u for u in urls if "pagefind-worker" in u]  # noWorker: one copy of the code
        more = page.get_by_role("button", name="Tampilkan hasil berikutnya")
        more.click()
        page.wait_for_function("document.querySelectorAll('.zi-cari__halaman').length > 5")
        assert page.evaluate("document.activeElement === document.querySelectorAll('.zi-cari__halaman > a')[5]")
        assert "ditampilkan" in page.locator(".zi-cari__status").inner_text() or more.is_hidden()


def test_search_works_under_a_sub_path(built_sites, serve, browser, tmp_path):
    (tmp_path / "laman-zi").symlink_to(built_sites["gunungkidul"], target_is_directory=True)
    base = serve(tmp_path)
    with local_page(browser, base) as page:
        page.goto(base + "laman-zi/2024/", wait_until="load")
        found = search(page, "adu")
        assert "/laman-zi/2024/pengaduan/" in found, found
        assert all(p.startswith("/laman-zi/") for p in found), found


@pytest.mark.parametrize("mode", ["light", "dark", "kontras", "forced-colors"])
def test_open_search_is_accessible_in_every_colour_mode_at_360px_and_200_percent(mode, built_sites, serve, browser):
    base = serve(built_sites["gunungkidul"])
    options = {"forced_colors": "active"} if mode == "forced-colors" else {}
    scheme = "dark" if mode == "dark" else "light"
    with local_page(browser, base, width=360, scheme=scheme, **options) as page:
        choices = {"teks": 6, "kontras": mode == "kontras"}  # 200 % text (window.ziSkalaTeks[6] == 2)
        page.add_init_script(f"localStorage.setItem('zi-aksesibilitas', {json.dumps(json.dumps(choices))})")
        page.goto(base, wait_until="load")
        assert page.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--zi-skala')").strip() == "2"
        search(page, "gratifikasi")
        box = page.locator("#zi-cari").bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 360, box
        field = page.locator("#zi-cari-masukan").bounding_box()
        assert field and field["x"] + field["width"] <= 360, field
        overflow = page.evaluate(
            "document.getElementById('zi-cari').scrollWidth - document.getElementById('zi-cari').clientWidth"
        )
        assert overflow <= 0, overflow
        problems = run_axe(page, axe_source())
        assert page.outside == []
    assert problems == [], "\n".join(problems)


def test_search_works_in_the_zensical_build(zensical_sites, serve, browser):
    base = serve(zensical_sites["gunungkidul"])
    with local_page(browser, base) as page:
        urls: list[str] = []
        page.on("request", lambda r: urls.append(r.url))
        page.goto(base, wait_until="load")
        page.wait_for_timeout(1000)
        assert not [u for u in urls if "pagefind" in u or "search" in u], urls  # nor Zensical's search.json
        assert "/2024/pengaduan/" in search(page, "diadukan")
        assert page.outside == []

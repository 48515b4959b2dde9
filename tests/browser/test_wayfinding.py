"""Wayfinding on a phone: the header names the site in full view, at 100 % and 200 % text."""

from __future__ import annotations

import contextlib
import functools
import shutil
import threading
import urllib.error
import urllib.parse
import urllib.request
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.conftest import ARTIFACTS, DATA, html_pages, zi

pytestmark = pytest.mark.browser

# The header's first topic (the site name); the second shows the page title once the visitor scrolls.
_JUDUL = """() => {
  const e = document.querySelector('.md-header__topic:first-child .md-ellipsis');
  return {teks: e.textContent.trim(), scroll: e.scrollWidth, client: e.clientWidth,
          tampak: e.getBoundingClientRect().width > 0};
}"""


@pytest.mark.parametrize("name", ["gunungkidul", "wonosobo"])
@pytest.mark.parametrize("teks", [None, 6], ids=["100", "200"])
def test_site_name_fits_the_phone_header(name, teks, built_sites, serve, browser):
    base = serve(built_sites[name])
    context = browser.new_context(viewport={"width": 360, "height": 780}, locale="id-ID")
    page = context.new_page()
    try:
        page.goto(base, wait_until="load")
        if teks is not None:
            page.evaluate(f"localStorage.setItem('zi-aksesibilitas', JSON.stringify({{teks: {teks}}}))")
            page.goto(base, wait_until="load")
            assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "40px"
        judul = page.evaluate(_JUDUL)
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{name}-kepala-360-{teks or 0}.png"))
        # From 125 % text the header title gives way to the page's h1 (aksesibilitas.css); at 100 % it shows.
        assert judul["tampak"] or teks is not None, judul
        assert judul["scroll"] <= judul["client"], f"nama situs terpotong di kepala halaman: {judul}"
        assert judul["teks"] == "ZI KPU " + name.capitalize(), judul
        # The full name stays in the page's <title>.
        assert page.title() == "Zona Integritas KPU Kabupaten " + name.capitalize(), page.title()
    finally:
        context.close()


# --- The whole site under a sub-path (kabupaten sites often publish under /zi/) ---------------------------------

SUB = "/zi/"


class _SubPathHandler(SimpleHTTPRequestHandler):
    """Serves the built folder under /zi/ only; anything else, or a missing file, gets 404.html (as a web server's
    ErrorDocument would)."""

    site: Path

    def translate_path(self, path: str) -> str:
        clean = urllib.parse.urlsplit(path).path
        if not clean.startswith(SUB):
            return str(self.site / "_di-luar-zi_" / "tidak-ada")  # never exists: answered with 404.html
        return super().translate_path("/" + clean[len(SUB) :])

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = (self.site / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def sub_path_site(tmp_path_factory):
    plans = tmp_path_factory.mktemp("data-subfolder") / "plans"
    shutil.copytree(DATA["gunungkidul"], plans)
    with (plans / "satker.yaml").open("a", encoding="utf-8") as f:
        f.write('alamat_situs: "https://kpu-gunungkidul.go.id/zi/"\n')
    site = tmp_path_factory.mktemp("situs-subfolder") / "situs"
    result = zi("build", "--plans", str(plans), "--site-dir", str(site))
    assert result.returncode == 0, result.stdout + result.stderr
    handler = type("Handler", (_SubPathHandler,), {"site": site})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield site, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def _watch(page, *, sweeping: bool = False):
    failed: list[str] = []
    # While sweeping page after page, the next navigation cancels what is still loading (ERR_ABORTED, often
    # the favicon); every link and asset URL is fetched on its own below, so nothing goes unchecked.
    page.on(
        "requestfailed",
        lambda r: None if sweeping and r.failure == "net::ERR_ABORTED" else failed.append(f"{r.url} ({r.failure})"),
    )
    page.on("response", lambda r: failed.append(f"{r.url} ({r.status})") if r.status >= 400 else None)
    return failed


def test_open_graph_image_is_absolute_under_a_sub_path(sub_path_site):
    """With alamat_situs the shared link's picture and address are absolute (issue 12, share cards)."""
    site, _ = sub_path_site
    src = (site / "2024" / "survei" / "index.html").read_text(encoding="utf-8")
    base = "https://kpu-gunungkidul.go.id/zi/"
    assert f'<meta property="og:image" content="{base}assets/kartu/og/2024-survei.png">' in src
    assert f'<meta property="og:url" content="{base}2024/survei/">' in src
    assert (site / "assets" / "kartu" / "og" / "2024-survei.png").is_file()
    card = (site / "assets" / "kartu" / "2024-survei-grafik-ikm-2024.png").read_bytes()
    assert card[:8] == b"\x89PNG\r\n\x1a\n"


def test_404_page_keeps_its_styling_under_a_sub_path(sub_path_site, browser):
    site, origin = sub_path_site
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="id-ID")
    page = context.new_page()
    try:
        failed = _watch(page)
        response = page.goto(origin + SUB + "tidak-ada/", wait_until="load")
        assert response.status == 404
        assert page.locator("h1").inner_text() == "Halaman tidak ditemukan"
        failed.remove(f"{origin}{SUB}tidak-ada/ (404)")  # the page itself, served with its status
        assert failed == [], f"permintaan gagal di halaman 404: {failed}"
        header = page.evaluate(
            "(() => { const s = getComputedStyle(document.querySelector('.md-header')); "
            "return [s.backgroundColor, s.color, getComputedStyle(document.body).fontFamily]; })()"
        )
        # Unstyled, a header is transparent with black text in the browser's serif font.
        assert header[0] != "rgba(0, 0, 0, 0)" and header[1] != "rgb(0, 0, 0)", header
        assert header[2].split(",")[0].strip().strip('"') != "serif", header
        page.screenshot(path=str(ARTIFACTS / "subfolder-404-1280.png"))
        # Its links lead back into the site under /zi/.
        for href in page.eval_on_selector_all("article a[href]", "es => es.map(e => e.href)"):
            assert href.startswith(origin + SUB), href
    finally:
        context.close()


_LINKS = """() => [...document.querySelectorAll('a[href], link[href], script[src], img[src], source[src]')]
  .map(e => e.href || e.src).filter(u => u.startsWith(location.origin))"""


def test_every_page_and_link_resolves_under_a_sub_path(sub_path_site, browser):
    site, origin = sub_path_site
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="id-ID")
    page = context.new_page()
    checked: dict[str, int] = {}
    try:
        failed = _watch(page, sweeping=True)
        for path in html_pages(site):
            rel = path.relative_to(site).as_posix().removesuffix("index.html")
            page.goto(origin + SUB + rel, wait_until="load")
            for url in page.evaluate(_LINKS):
                url = url.split("#", 1)[0]
                if url not in checked:
                    with contextlib.suppress(urllib.error.HTTPError):
                        checked[url] = urllib.request.urlopen(url, timeout=10).status  # noqa: S310 (local server)
                    checked.setdefault(url, 404)
        assert failed == [], f"permintaan gagal di bawah {SUB}: {failed}"
    finally:
        context.close()
    broken = sorted(u for u, status in checked.items() if status != 200)
    assert broken == [], f"tautan rusak di bawah {SUB}: {broken}"
    assert len(checked) > 25  # the 20 pages and their assets

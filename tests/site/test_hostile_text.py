"""HTML, script and Markdown tricks written in YAML text show as text on the site, never run.

A copy of the example data gets a hostile tail on every text field the pages show
(unit name, channel names and notes, the decree, every row of the annex, progress
notes, recap notes), then the real `zi build` runs on it once.
"""

from __future__ import annotations

import html.parser
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from generator.load.yaml_source import ZiLoader
from tests.benchmarks.indeks_cari import fragments
from tests.conftest import DATA, html_pages, page_text, zi

pytestmark = pytest.mark.slow  # heavy: left out of `make test-fast`

FIRST_LINE = (
    '<script>alert(1)</script> <img src=x onerror=alert(1)> "><svg onload=alert(1)> '
    '[x](javascript:alert(1)) <a href="javascript:alert(2)">y</a> </title><script>alert(5)</script> '
    '![i](x" onerror="alert(6)) <javascript:alert(7)> <iframe srcdoc="<script>alert(9)</script>">'
)
# Newlines would end a Markdown heading and start new Markdown blocks, if anything let them through.
PAYLOAD = " " + FIRST_LINE + "\n\n[z](javascript:alert(3))\n<script>alert(4)</script>\n\n[r]: javascript:alert(8)\n[r]"

# Free-text fields (by key). Numbering, ids, dates, schedules, periods and choices are
# validated to their own shapes, and links are checked in tests/load/test_tautan.py.
TEXT_KEYS = {
    "nama",
    "singkatan",
    "induk",
    "alamat",
    "kota",
    "keterangan",
    "kontak",
    "judul",
    "tentang",
    "jabatan",
    "menimbang",
    "mengingat",
    "menetapkan",
    "teks",
    "ditetapkan_di",
    "ttd",
    "baris",
    "judul_tabel",
    "subjudul",
    "uraian",
    "bukti",
    "target",
    "ket",
    "catatan",
    "alasan",
    "celah",
    "tempat_tanggal",
    "label",
}
KOLOM_KEYS = {"nomor", "kegiatan", "indikator", "uraian", "bukti", "jadwal", "target", "ket"}
DANGEROUS_URL = re.compile(r"^(?:javascript|data|vbscript|file):", re.IGNORECASE)
URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "srcdoc", "data", "poster", "background"}


def poison(value, key=None, parent=None, counter=None):
    if isinstance(value, dict):
        return {
            k: (v if key == "kolom" and k not in KOLOM_KEYS else poison(v, k, key, counter)) for k, v in value.items()
        }
    if isinstance(value, list):
        return [poison(v, key, parent, counter) for v in value]
    if (
        isinstance(value, str)
        and (key in TEXT_KEYS or parent == "kolom")
        and not (key == "kontak" and parent != "kanal")
    ):
        counter[0] += 1
        return value + PAYLOAD
    return value


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("hostile")
    plans = base / "plans"
    shutil.copytree(DATA["gunungkidul"], plans)
    counter = [0]
    for file in sorted(plans.rglob("*.yaml")):
        data = yaml.load(file.read_text(encoding="utf-8"), Loader=ZiLoader)
        file.write_text(
            yaml.safe_dump(poison(data, counter=counter), allow_unicode=True, sort_keys=False, width=10_000),
            encoding="utf-8",
        )
    assert counter[0] > 300, counter  # every row of the annex, not a handful of fields
    site = base / "situs"
    result = zi("build", "--plans", str(plans), "--site-dir", str(site))
    assert result.returncode == 0, result.stderr
    return site


class _Scan(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._script = False
        self._ld = False

    def handle_starttag(self, tag, attrs):
        self._script = tag == "script"
        # JSON-LD is data, never run: it must parse as JSON whole (no staff text closed the element early)
        self._ld = self._script and dict(attrs).get("type") == "application/ld+json"
        if tag in ("iframe", "object", "embed", "base") and any("alert" in (v or "") for _, v in attrs):
            self.found.append(f"<{tag}> {attrs}")
        if tag == "meta" and any(name == "http-equiv" for name, _ in attrs):
            self.found.append(f"<meta> {attrs}")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}={value!r}>")
            if name in URL_ATTRS and value and DANGEROUS_URL.match(re.sub(r"[\x00-\x20\x7f]+", "", value)):
                self.found.append(f"<{tag} {name}={value!r}>")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        self._script = False

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = self._ld = False

    def handle_data(self, data):
        if self._ld:
            try:
                json.loads(data)
            except ValueError:
                self.found.append(f"<script type=application/ld+json> broken: {data[:60]}")
            return
        if self._script and "alert(" in data:
            self.found.append(f"<script>{data[:60]}")


def test_no_page_runs_injected_code(hostile_site):
    pages = html_pages(hostile_site) + [hostile_site / "404.html"]
    assert len(pages) > 15
    found = {}
    for page in pages:
        scan = _Scan()
        scan.feed(page.read_text(encoding="utf-8"))
        if scan.found:
            found[page.relative_to(hostile_site).as_posix()] = sorted(set(scan.found))[:5]
    assert not found, found


def test_injected_text_is_shown_as_text(hostile_site):
    shown = FIRST_LINE.replace("  ", " ")
    for rel in [
        "index.html",
        "kanal-pengaduan/index.html",
        "2024/index.html",
        "2024/manajemen-perubahan/index.html",
        "dokumen/index.html",
        "2024/gratifikasi/index.html",
    ]:
        text = page_text(hostile_site / rel)
        assert shown in text, f"{rel}: teks data tidak tampil apa adanya"
    # Headings: the h1 of the home page and the channel headings hold the text, on one line.
    home = (hostile_site / "index.html").read_text(encoding="utf-8")
    assert re.search(r"<h1[^>]*>Zona Integritas KPU Kabupaten Gunungkidul &lt;script&gt;alert\(1\)", home)
    kanal = (hostile_site / "kanal-pengaduan" / "index.html").read_text(encoding="utf-8")
    assert kanal.count("&lt;script&gt;alert(4)&lt;/script&gt;") >= 4  # the part after the newlines, still text


def test_site_name_is_escaped_in_material_templates(hostile_site):
    """Material prints site_name, description and copyright without escaping; the plugin escapes them."""
    home = (hostile_site / "index.html").read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", home, re.S)
    assert title and "&lt;/title&gt;&lt;script&gt;alert(5)" in title.group(1)
    # The home page shows example figures, so its description starts "Data contoh" (generator.pages.contoh).
    description = re.search(r'<meta name="description" content="([^"]*)"', home).group(1)
    assert description.startswith(
        "Data contoh: angka pada halaman ini bukan data resmi KPU Kabupaten Gunungkidul "
        "&lt;script&gt;alert(1)&lt;/script&gt;"
    )
    assert "Rencana aksi dan capaian" in description and "onerror=alert(1)&gt;" in description


@pytest.mark.browser
def test_search_results_hold_no_live_markup(hostile_site, serve, browser):
    """Pagefind indexes the text as text ("<img ...>" in its fragments is data); its excerpts escape it and
    the dialog writes titles as text (theme/assets/zi/aksesibilitas.js), so a result never runs markup."""
    indexed = " ".join(f["content"] for f in fragments(hostile_site))
    assert "alert(1)" in indexed  # the text is indexed
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    alerts: list[str] = []
    page.on("dialog", lambda d: (alerts.append(d.message), d.dismiss()))
    try:
        page.goto(serve(hostile_site), wait_until="load")
        page.locator(".zi-tombol-cari").click()
        page.locator("#zi-cari-masukan").fill("alert")
        page.locator(".zi-cari__status", has_text="ditemukan").wait_for(timeout=20000)
        assert page.locator(".zi-cari__halaman").count() > 0
        live = page.eval_on_selector_all(
            "#zi-cari-hasil *",
            "els => els.map(e => e.tagName).filter(t => !['LI', 'A', 'P', 'MARK', 'UL'].includes(t))",
        )
        assert live == [], live
        assert "alert(1)" in page.locator("#zi-cari-hasil").inner_text()  # shown as text
        page.wait_for_timeout(300)
        assert alerts == []
    finally:
        context.close()

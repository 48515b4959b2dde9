"""`zi build --zip`: one zip for a hosting panel's File Manager, checkable before it goes live,
and `zi build --alamat-situs` for a site published under a Pages sub-path.

One real build (Gunungkidul, with `--zip --alamat-situs` of a GitHub project page) for the whole module;
the determinism checks zip the session's ordinary build again with ``buat_zip`` (about a second).
"""

from __future__ import annotations

import hashlib
import html.parser
import re
import shutil
import subprocess
import urllib.parse
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.keluaran import MARKER
from generator.staff.zip_situs import PERIKSA, SUMS, ZipError, buat_zip, nama
from tests.conftest import DATA, REPO, html_pages, zi

pytestmark = pytest.mark.slow

PAGES_URL = "https://contoh.github.io/laman-zi/"
PATTERN = re.compile(r"^situs-(\d{4})-(\d{4}-\d{2}-\d{2})\.zip$")


@pytest.fixture(scope="module")
def dibangun(tmp_path_factory) -> tuple[Path, Path, str]:
    """(site folder, the zip `zi build --zip` wrote, its output) for Gunungkidul under PAGES_URL."""
    out = tmp_path_factory.mktemp("zip-situs")
    site, zip_dir = out / "site", out / "zip"
    result = zi(
        "build",
        "--plans",
        str(DATA["gunungkidul"]),
        "--site-dir",
        str(site),
        "--zip",
        "--zip-dir",
        str(zip_dir),
        "--alamat-situs",
        PAGES_URL,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    [made] = zip_dir.glob("*.zip")
    return site, made, result.stdout


def sums(text: str) -> dict[str, str]:
    lines = dict(reversed(line.split("  ", 1)) for line in text.splitlines())
    assert all(re.fullmatch(r"[0-9a-f]{64}", h) for h in lines.values())
    return lines


def extract(zip_path: Path, into: Path) -> Path:
    with zipfile.ZipFile(zip_path) as zf:
        zf.extractall(into)
    [top] = into.iterdir()
    return top


def test_name_follows_the_newest_plan_year_and_the_sitemap_date(dibangun):
    site, made, output = dibangun
    m = PATTERN.match(made.name)
    assert m, made.name
    years = sorted(int(p.name) for p in DATA["gunungkidul"].iterdir() if p.name.isdigit())
    assert int(m.group(1)) == years[-1]
    lastmod = set(re.findall(r"<lastmod>([^<]+)</lastmod>", (site / "sitemap.xml").read_text(encoding="utf-8")))
    assert lastmod == {m.group(2)}
    # Told to staff in Indonesian: where, how big, how many files.
    count = len(zipfile.ZipFile(made).namelist()) - sum(n.endswith("/") for n in zipfile.ZipFile(made).namelist())
    assert f"Zip untuk panel hosting: {made} (" in output and f", {count} berkas)" in output, output
    assert re.search(r"\(\d+,\d MB, ", output), output


def test_every_entry_under_one_folder_with_fixed_dates_and_permissions(dibangun):
    site, made, _ = dibangun
    stem = made.name.removesuffix(".zip")
    date = tuple(int(x) for x in stem.rsplit("-", 3)[1:]) + (0, 0, 0)
    with zipfile.ZipFile(made) as zf:
        infos = zf.infolist()
    names = [i.filename for i in infos]
    assert names == sorted(names) and names[0] == stem + "/"
    assert all(n.startswith(stem + "/") for n in names)
    for info in infos:
        assert info.date_time == date, info
        mode = info.external_attr >> 16
        assert mode == (0o040755 if info.is_dir() else 0o100644), (info.filename, oct(mode))
    files = {n.removeprefix(stem + "/") for n in names if not n.endswith("/")}
    site_files = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    # The whole site, plus the two check files; not the local build marker.
    assert files == (site_files - {MARKER}) | {SUMS, PERIKSA}
    assert MARKER in site_files


def test_every_file_matches_the_manifest_in_python(dibangun):
    _, made, _ = dibangun
    stem = made.name.removesuffix(".zip")
    with zipfile.ZipFile(made) as zf:
        data = {n.removeprefix(stem + "/"): zf.read(n) for n in zf.namelist() if not n.endswith("/")}
    listed = sums(data.pop(SUMS).decode("utf-8"))
    assert listed == {path: hashlib.sha256(body).hexdigest() for path, body in data.items()}
    # The check page lists every site file with its size and checksum.
    page = data[PERIKSA].decode("utf-8")
    rows = dict(re.findall(r'<li data-berkas="([^"]+)" data-sha256="([0-9a-f]{64})">', page))
    assert rows == {p: h for p, h in listed.items() if p != PERIKSA}
    assert f'<span class="nama">index.html</span><span class="rinci">{len(data["index.html"])} bita' in page
    assert '<meta name="robots" content="noindex">' in page and '<html lang="id">' in page


def test_sha256sum_checks_the_extracted_folder_and_catches_a_changed_file(dibangun, tmp_path):
    _, made, _ = dibangun
    top = extract(made, tmp_path)
    ok = subprocess.run(["sha256sum", "-c", "--strict", SUMS], cwd=top, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert ok.stdout.count(": OK") == len(sums((top / SUMS).read_text(encoding="utf-8")))
    with (top / "index.html").open("ab") as f:
        f.write(b"<!-- diubah -->")
    bad = subprocess.run(["sha256sum", "-c", SUMS], cwd=top, capture_output=True, text=True)
    assert bad.returncode != 0
    assert [line for line in bad.stdout.splitlines() if not line.endswith(": OK")] == ["index.html: FAILED"]


def test_same_site_same_bytes(built_sites, tmp_path):
    site = built_sites["gunungkidul"]
    args = {"tahun": 2024, "tanggal": None, "satker": "KPU Gunungkidul", "templat": REPO / "theme" / "zi"}
    first = buat_zip(site, tmp_path / "a", **args)
    second = buat_zip(site, tmp_path / "b", **args)
    assert first.path.name == nama(2024, None) + ".zip" == "situs-2024-tanpa-tanggal.zip"
    assert first.path.read_bytes() == second.path.read_bytes()
    assert first.files == second.files and first.size == first.path.stat().st_size
    # A rebuild of the same data is the same zip again, whatever the build folder is called.
    copy = tmp_path / "salinan"
    shutil.copytree(site, copy)
    assert buat_zip(copy, tmp_path / "c", **args).path.read_bytes() == first.path.read_bytes()
    (copy / "index.html").write_bytes((copy / "index.html").read_bytes() + b"\n")
    assert buat_zip(copy, tmp_path / "d", **args).path.read_bytes() != first.path.read_bytes()


def test_a_build_without_zip_adds_nothing(built_sites):
    for site in built_sites.values():
        assert not (site / PERIKSA).exists() and not (site / SUMS).exists()


def test_zip_dir_inside_a_protected_folder_is_refused_before_building(tmp_path):
    site = tmp_path / "site"
    for bad in (REPO / "plans", REPO / "content" / "zip", site / "zip"):
        args = ["build", "-f", str(REPO / "mkdocs.yml"), "--site-dir", str(site), "--zip", "--zip-dir", str(bad)]
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 1, (bad, result.output)
        assert "--zip-dir" in result.output and "Tidak ada yang diubah" in result.output, result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)
        assert not site.exists() and not bad.exists() or bad == REPO / "plans"


# --- --alamat-situs: the site works under a Pages sub-path -------------------------------------------------


class _Links(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value and (name in ("href", "src") or (name == "content" and value.startswith("http"))):
                self.urls.append(value)


def _exists(site: Path, path: str) -> bool:
    target = site / urllib.parse.unquote(path)
    return target.is_file() or (target / "index.html").is_file()


def test_every_link_resolves_under_the_pages_sub_path(dibangun):
    site, _, _ = dibangun
    base = urllib.parse.urlsplit(PAGES_URL)
    checked = 0
    for page in [*html_pages(site), site / "404.html"]:
        rel = page.relative_to(site).as_posix().removesuffix("index.html")
        url = PAGES_URL + rel if page.name != "404.html" else PAGES_URL + "tidak-ada/halaman/"
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for link in parser.urls:
            target = urllib.parse.urlsplit(urllib.parse.urljoin(url, link))
            if link.startswith("#") or target.scheme not in ("http", "https") or target.netloc != base.netloc:
                continue
            assert target.path.startswith(base.path), f"{page}: {link} keluar dari {base.path}"
            assert _exists(site, target.path.removeprefix(base.path)), f"{page}: {link} tidak ada"
            checked += 1
    assert checked > 800  # 9 stylesheet/script links per page became 2 (generator/rampung/aset.py)
    # The absolute addresses name the Pages site, not satker.yaml's (Gunungkidul's has none).
    assert f"Sitemap: {PAGES_URL}sitemap.xml" in (site / "robots.txt").read_text(encoding="utf-8")
    assert f'<meta property="og:url" content="{PAGES_URL}2024/survei/">' in (
        site / "2024" / "survei" / "index.html"
    ).read_text(encoding="utf-8")


def test_a_wrong_alamat_situs_is_refused_in_indonesian(tmp_path):
    args = ["build", "-f", str(REPO / "mkdocs.yml"), "--site-dir", str(tmp_path / "site")]
    result = CliRunner().invoke(main, args, env={"ZI_ALAMAT_SITUS": "javascript:alert(1)"})
    assert result.exit_code == 1, result.output
    assert "--alamat-situs (atau ZI_ALAMAT_SITUS): jenis tautan 'javascript:' tidak diizinkan" in result.output
    assert "Perbaikan:" in result.output and isinstance(result.exception, SystemExit)
    assert not (tmp_path / "site").exists()


def test_no_zip_of_a_site_with_unfilled_placeholders_or_without_index(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    args = {"tahun": 2024, "tanggal": None, "satker": "KPU Contoh", "templat": REPO / "theme" / "zi"}
    with pytest.raises(ZipError, match="index.html"):
        buat_zip(site, tmp_path / "zip", **args)
    (site / "index.html").write_text("<p>Tim [ISI: nama ketua]</p>", encoding="utf-8")
    with pytest.raises(ZipError, match=r"belum diganti, di index\.html\. .*Zip tidak dibuat"):
        buat_zip(site, tmp_path / "zip", **args)
    assert not (tmp_path / "zip").exists() or not any((tmp_path / "zip").iterdir())
    (site / "index.html").write_text("<p>Tim ZI</p>", encoding="utf-8")
    assert buat_zip(site, tmp_path / "zip", **args).files == 3

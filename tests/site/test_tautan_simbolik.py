"""Symlinks in plans/ and content/: nothing outside the repository is read or published, never an internal error."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DATA, zi
from tests.site.salinan_repo import repo, tree  # noqa: F401 (repo is a fixture)

pytestmark = pytest.mark.slow  # heavy: left out of `make test-fast`


def outside(repo: Path) -> Path:
    """A folder next to the repository copy (outside it) holding a valid recap and a year folder."""
    out = repo.parent / "di-luar"
    if not out.exists():
        shutil.copytree(DATA["gunungkidul"] / "2024", out / "2024")
        g = out / "2024" / "gratifikasi.yaml"
        g.write_text(g.read_text(encoding="utf-8").replace("contoh: true", "contoh: false"), encoding="utf-8")
    return out


# name -> (link path in the repository copy, target, words of the message)
BAD = {
    "berkas-server": ("content/unggahan/laporan.pdf", "/etc/passwd", "menunjuk ke luar repositori ('/etc/passwd')"),
    "folder-server": ("content/unggahan/arsip", "/etc", "menunjuk ke luar repositori ('/etc')"),
    "rusak": ("plans/2024/pengaduan.yaml", "../../hilang.yaml", "tautan simbolik rusak"),
    "rusak-folder-tahun": ("plans/2025", "{out}/2025", "tautan simbolik rusak"),
    "berputar": ("content/unggahan/a.pdf", "b.pdf", "tautan simbolik berputar"),
    "rekap-di-luar": ("plans/2024/gratifikasi.yaml", "{out}/2024/gratifikasi.yaml", "menunjuk ke luar repositori"),
    "folder-tahun-di-luar": ("plans/2023", "{out}/2024", "menunjuk ke luar repositori"),
    "dalam-folder-biasa": ("content/unggahan/contoh/lagi/sk.pdf", "/etc/hostname", "menunjuk ke luar repositori"),
    "ke-git": ("content/unggahan/konfigurasi", "../../.git/config", "menunjuk ke dalam folder .git"),
    "memuat-dirinya": ("content/unggahan/ulang", "..", "menunjuk ke folder yang memuat tautan itu sendiri"),
}


def make_link(repo: Path, case: str) -> Path:
    link, target, _ = BAD[case]
    out = outside(repo)
    path = repo / link
    path.parent.mkdir(parents=True, exist_ok=True)
    if case == "rusak":
        path.unlink()
    if case == "rekap-di-luar":
        path.unlink()
    if case == "berputar":
        (path.parent / "b.pdf").symlink_to("a.pdf")
    path.symlink_to(target.format(out=out))
    return path


@pytest.mark.parametrize("case", list(BAD))
def test_a_bad_link_stops_check_and_build_naming_the_link(repo, tmp_path, case):
    link = make_link(repo, case)
    words = BAD[case][2]
    top = repo / link.relative_to(repo).parts[0]  # plans/ or content/; reports name the link from there
    named = link.relative_to(top).as_posix()
    site = tmp_path / "situs"
    before = tree(tmp_path)
    check = zi("check", cwd=repo)
    build = zi("build", "--site-dir", str(site), cwd=repo)
    for result in (check, build):
        assert result.returncode == 1, result.stdout + result.stderr
        assert words in result.stderr, result.stderr
        assert f"{named}:1:1: tautan simbolik" in result.stderr, result.stderr  # names the link
        assert "Perbaikan:" in result.stderr
        assert "Traceback" not in result.stderr and "kesalahan internal" not in result.stderr
    assert "Pembangunan gagal; situs yang sudah ada tidak diubah." in build.stderr
    assert not site.exists() and tree(tmp_path) == before


def test_the_fix_says_to_copy_the_file_in(repo):
    make_link(repo, "berkas-server")
    result = zi("check", cwd=repo)
    assert "Perbaikan: salin berkasnya ke dalam folder content alih-alih tautan simbolik" in result.stderr
    assert "root:" not in result.stderr  # nothing of /etc/passwd is read


def test_plain_mkdocs_build_refuses_a_link_to_a_server_file(repo, tmp_path):
    make_link(repo, "berkas-server")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-d", str(tmp_path / "situs")],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 1
    assert "content/unggahan/laporan.pdf" in result.stderr and "menunjuk ke luar repositori" in result.stderr
    assert not (tmp_path / "situs" / "unggahan" / "laporan.pdf").exists()


def test_zi_new_year_reports_a_bad_link_instead_of_an_internal_error(repo):
    make_link(repo, "folder-tahun-di-luar")
    before = tree(repo)
    result = zi("new-year", "2025", cwd=repo)
    assert result.returncode == 1
    assert "2023:1:1: tautan simbolik menunjuk ke luar repositori" in result.stderr
    assert "Tidak ada berkas yang ditulis." in result.stderr and "Traceback" not in result.stderr
    assert tree(repo) == before


def test_links_inside_the_repository_are_followed_and_published_as_plain_files(repo, tmp_path):
    uploads = repo / "content" / "unggahan"
    (uploads / "salinan-sk.pdf").symlink_to("contoh/sk-tim-kerja-zi-2024.pdf")
    (uploads / "berkas-lain").mkdir()
    (uploads / "berkas-lain" / "pakta.pdf").symlink_to("../salinan-sk.pdf")  # a link to a link: fine
    (uploads / "contoh-juga").symlink_to("contoh")  # a folder
    (repo / "lampiran").mkdir()
    shutil.copy(uploads / "contoh" / "pakta-integritas-2024.pdf", repo / "lampiran" / "pakta.pdf")
    (uploads / "dari-repositori.pdf").symlink_to("../../lampiran/pakta.pdf")  # in the repository, outside content/
    plans = repo / "plans"
    (plans / "2024" / "wbs.yaml").rename(repo / "wbs.yaml")
    (plans / "2024" / "wbs.yaml").symlink_to("../../wbs.yaml")
    site = tmp_path / "situs"
    result = zi("build", "--site-dir", str(site), cwd=repo)
    assert result.returncode == 0, result.stderr
    sk = (uploads / "contoh" / "sk-tim-kerja-zi-2024.pdf").read_bytes()
    for rel, data in [
        ("unggahan/salinan-sk.pdf", sk),
        ("unggahan/berkas-lain/pakta.pdf", sk),
        ("unggahan/contoh-juga/sk-tim-kerja-zi-2024.pdf", sk),
        ("unggahan/dari-repositori.pdf", (repo / "lampiran" / "pakta.pdf").read_bytes()),
    ]:
        assert (site / rel).read_bytes() == data, rel
    assert not [p for p in site.rglob("*") if p.is_symlink()]  # copied by content, never as links
    assert (site / "2024" / "wbs" / "index.html").is_file()  # the linked recap is read


@pytest.mark.parametrize("folder", ["content", "plans"])
def test_the_repositorys_own_folder_as_a_link_out_of_it_is_refused(repo, tmp_path, folder):
    moved = tmp_path / f"{folder}-di-luar"
    (repo / folder).rename(moved)
    (repo / folder).symlink_to(moved)
    for args in (["check"], ["build", "--site-dir", str(tmp_path / "situs")]):
        result = zi(*args, cwd=repo)
        assert result.returncode == 1, result.stderr
        assert f"{folder}: tautan simbolik menunjuk ke luar repositori" in result.stderr, result.stderr
        assert "Traceback" not in result.stderr
    assert not (tmp_path / "situs").exists()
    # The same folder named explicitly with --plans is the user's choice, not a committed link.
    if folder == "plans":
        assert zi("check", "--plans", str(moved), cwd=repo).returncode == 0

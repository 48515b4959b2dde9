"""The output-folder guard: no command writes into or over the data, content/, theme/, .git, the repository or home."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.keluaran import MARKER, MARKER_TEXT
from tests.conftest import DATA, zi
from tests.site.salinan_repo import repo, tree  # noqa: F401 (repo is a fixture)

pytestmark = pytest.mark.slow  # heavy: left out of `make test-fast`


def home(tmp_path: Path) -> Path:
    h = tmp_path / "rumah"
    if not h.exists():
        h.mkdir()
        (h / ".bashrc").write_text("# milik pengguna\n")
    return h


# target as typed (cwd: the repository copy), and the words the refusal must hold
FORBIDDEN = {
    "plans": ("plans", "adalah folder data"),
    "content": ("content", "adalah folder halaman dan unggahan"),
    "theme": ("theme", "adalah folder tema"),
    "titik": (".", "adalah folder repositori (tempat mkdocs.yml)"),
    "akar-absolut": ("{repo}", "adalah folder repositori (tempat mkdocs.yml)"),
    "git": (".git", "adalah folder riwayat git"),
    "di-dalam-git": (".git/situs", "berada di dalam folder riwayat git"),
    "di-dalam-plans": ("plans/2024", "berada di dalam folder data"),
    "di-dalam-content": ("content/unggahan", "berada di dalam folder halaman dan unggahan"),
    "memuat-repositori": ("{tmp}", "memuat folder"),
    "rumah": ("{home}", "adalah folder rumah (home) pengguna"),
    "tautan-ke-plans": ("situs-tautan", "adalah folder data"),
    "tidak-kosong-tanpa-penanda": ("{tmp}/catatan", "sudah berisi berkas dan bukan hasil `zi build`"),
    "berkas": ("{tmp}/catatan/daftar.txt", "adalah berkas, bukan folder"),
}


@pytest.mark.parametrize("case", list(FORBIDDEN))
def test_zi_build_refuses_every_forbidden_target_and_changes_nothing(repo, tmp_path, case):
    typed, words = FORBIDDEN[case]
    (tmp_path / "catatan").mkdir()
    (tmp_path / "catatan" / "daftar.txt").write_text("bukan situs\n")
    (repo / "situs-tautan").symlink_to("plans")
    h = home(tmp_path)
    target = typed.format(repo=repo, tmp=tmp_path, home=h)
    before = tree(tmp_path)
    result = zi("build", "--site-dir", target, cwd=repo, env={"HOME": str(h)})
    assert result.returncode == 1, result.stdout + result.stderr
    assert words in result.stderr, result.stderr
    assert target in result.stderr  # names the folder as typed
    assert "Tidak ada yang diubah." in result.stderr
    assert "Traceback" not in result.stderr
    assert tree(tmp_path) == before  # data, content, theme, .git, home and the folder itself: byte-identical


def test_the_same_targets_are_refused_by_plain_mkdocs_build(repo):
    """`mkdocs build` empties its site_dir: the plugin applies the same guard."""
    before = tree(repo)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-d", "plans"],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 1
    assert "adalah folder data" in result.stderr and "Tidak ada yang diubah." in result.stderr
    assert tree(repo) == before


def test_rebuild_replaces_a_previous_build_and_nothing_beside_it(repo, tmp_path):
    site = tmp_path / "situs"
    first = zi("build", "--site-dir", str(site), cwd=repo)
    assert first.returncode == 0, first.stderr
    assert (site / MARKER).read_bytes() == MARKER_TEXT.encode()
    (site / "usang.html").write_text("dari pembangunan lama")
    # A sibling named like the old swap folder (".situs.lama") is someone's, not the build's.
    (tmp_path / ".situs.lama").mkdir()
    (tmp_path / ".situs.lama" / "simpan.txt").write_text("jangan dihapus")
    second = zi("build", "--site-dir", str(site), cwd=repo)
    assert second.returncode == 0, second.stderr
    assert not (site / "usang.html").exists() and (site / "index.html").is_file()
    assert (tmp_path / ".situs.lama" / "simpan.txt").read_text() == "jangan dihapus"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".situs.lama", "repo", "situs"]  # no swap leftovers


def test_an_empty_folder_may_be_built_into(repo, tmp_path):
    (tmp_path / "kosong").mkdir()
    result = zi("build", "--site-dir", str(tmp_path / "kosong"), cwd=repo)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "kosong" / MARKER).is_file()


def test_zi_import_out_never_overwrites_data_or_repository_files(repo, tmp_path):
    from tests.importer.decree_table import gunungkidul_sheet, load_plan, write_xlsx

    sheet = write_xlsx(
        gunungkidul_sheet(load_plan(DATA["gunungkidul"] / "2024" / "rencana-aksi.yaml")), tmp_path / "rencana.xlsx"
    )
    before = tree(repo)
    for out, words in [
        ("plans/satker.yaml", "bukan 2024/rencana-aksi.yaml"),
        ("plans/2024/realisasi.yaml", "bukan 2024/rencana-aksi.yaml"),
        ("plans/2025/rencana-aksi.yaml", "bukan 2024/rencana-aksi.yaml"),
        ("content/rencana.yaml", "berada di dalam folder halaman dan unggahan"),
        ("theme/rencana.yaml", "berada di dalam folder tema"),
        (".git/rencana.yaml", "berada di dalam folder riwayat git"),
        ("mkdocs.yml", "tidak menimpa berkas repositori"),
        ("content/kanal-pengaduan.md", "bukan berkas .yaml"),
    ]:
        result = zi("import", str(sheet), "--out", out, "--timpa", cwd=repo)
        assert result.returncode == 1, (out, result.stdout)
        assert words in result.stderr and out in result.stderr, (out, result.stderr)
        assert "Tidak ada yang diubah." in result.stderr and "Traceback" not in result.stderr
        assert tree(repo) == before, out
    # Its own place in the data folder, with --timpa, stays allowed.
    ok = zi("import", str(sheet), "--out", "plans/2024/rencana-aksi.yaml", "--timpa", cwd=repo)
    assert ok.returncode == 0, ok.stderr


@pytest.mark.parametrize(
    ("plans", "words"),
    [
        ("content", "adalah folder halaman dan unggahan"),
        (".", "adalah folder repositori"),
        ("theme", "adalah folder tema"),
        ("{home}", "adalah folder rumah (home) pengguna"),
    ],
)
def test_zi_new_year_writes_only_into_a_data_folder(repo, tmp_path, plans, words):
    h = home(tmp_path)
    shutil.copy(repo / "plans" / "satker.yaml", repo / "satker.yaml")  # `--plans .` would otherwise load
    shutil.copytree(repo / "plans" / "2024", repo / "2024")
    before = tree(tmp_path)
    result = zi("new-year", "2025", "--plans", plans.format(home=h), cwd=repo, env={"HOME": str(h)})
    assert result.returncode == 1, result.stdout
    assert words in result.stderr and "Tidak ada yang diubah." in result.stderr
    assert tree(tmp_path) == before


def test_zi_new_year_refuses_a_year_that_is_a_dangling_link(repo):
    (repo / "plans" / "2025").symlink_to(repo.parent / "di-luar")
    before = tree(repo)
    result = zi("new-year", "2025", cwd=repo)
    assert result.returncode == 1
    assert "plans/2025 sudah ada sebagai tautan simbolik" in result.stderr
    assert "Hapus tautan itu" in result.stderr and "Traceback" not in result.stderr
    assert tree(repo) == before and not (repo.parent / "di-luar").exists()


@pytest.mark.parametrize(
    ("out", "words"),
    [("plans", "adalah folder data"), ("content/x", "berada di dalam folder"), (".", "adalah folder repositori")],
)
def test_zi_schema_out_refuses_protected_folders(repo, out, words):
    before = tree(repo)
    result = zi("schema", "--out", out, cwd=repo)
    assert result.returncode == 1
    assert words in result.stderr and "Tidak ada yang diubah." in result.stderr
    assert tree(repo) == before

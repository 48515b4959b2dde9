"""The `zi` command: check and build on a data folder, failing safely on bad data."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from tests.conftest import DATA, zi

pytestmark = pytest.mark.slow  # heavy: left out of `make test-fast`


def digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_check_passes_on_both_data_folders():
    for plans in DATA.values():
        result = zi("check", "--plans", str(plans))
        assert result.returncode == 0, result.stderr
        assert "Data benar, tidak ada kesalahan." in result.stdout


def test_check_lists_problems_with_position(tmp_path):
    plans = tmp_path / "plans"
    shutil.copytree(DATA["gunungkidul"], plans)
    sat = plans / "satker.yaml"
    text = sat.read_text(encoding="utf-8")
    line = text[: text.index("induk:")].count("\n") + 1
    sat.write_text(text.replace("induk:", "indukk:"), encoding="utf-8")
    result = zi("check", "--plans", str(plans))
    assert result.returncode == 1
    assert f"satker.yaml:{line}:1: indukk: isian 'indukk' tidak dikenal" in result.stderr
    assert "Perbaikan: maksud Anda 'induk'?" in result.stderr
    assert "Traceback" not in result.stderr


def test_failed_build_leaves_published_site_intact(tmp_path, gunungkidul_site):
    site = tmp_path / "site"
    shutil.copytree(gunungkidul_site, site)
    before = digest(site)
    plans = tmp_path / "plans"
    shutil.copytree(DATA["gunungkidul"], plans)
    plan = plans / "2024" / "rencana-aksi.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace('"April 2024"', '"Apirl 2024"'), encoding="utf-8")
    result = zi("build", "--plans", str(plans), "--site-dir", str(site))
    assert result.returncode == 1
    assert "nama bulan 'Apirl' tidak dikenal" in result.stderr and "Perbaikan: tulis 'April'" in result.stderr
    assert "Pembangunan gagal; situs yang sudah ada tidak diubah." in result.stderr
    assert "Traceback" not in result.stderr
    assert digest(site) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".zi-build-")]  # no half-built leftovers


def test_plain_mkdocs_build_strict_works_with_the_plugin_alone(tmp_path):
    import os
    import subprocess
    import sys

    from tests.conftest import REPO

    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "out")],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    out = tmp_path / "out"
    assert (out / "2024" / "manajemen-perubahan" / "index.html").is_file()
    # The finishing steps of `zi build` ran too (the plugin's on_post_build): search index, one hashed
    # stylesheet, compressed copies.
    assert (out / "pagefind" / "pagefind.js").is_file()
    assert len(list((out / "assets" / "zi").glob("zi.*[0-9a-f].css"))) == 1
    assert (out / "index.html.gz").is_file()


def test_mkdocs_serve_has_search_and_no_compressed_copies():
    """`make serve` (plain `mkdocs serve` with the plugin): search works in the preview."""
    import os
    import socket
    import subprocess
    import sys
    import time
    import urllib.error
    import urllib.request

    from tests.conftest import REPO

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--strict", "--no-livereload", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )

    def status(path: str) -> int:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/{path}", timeout=10) as r:
                return r.status
        except urllib.error.HTTPError as exc:
            return exc.code

    try:
        deadline = time.monotonic() + 240
        while True:
            assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
            try:
                if status("") == 200:
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline, "mkdocs serve tidak siap"
            time.sleep(0.5)
        assert status("pagefind/pagefind.js") == 200
        assert status("index.html.gz") == 404
    finally:
        proc.terminate()
        proc.wait(timeout=30)

"""No traceback ever reaches staff: a data mistake is an Indonesian report (exit 1); a bug in
Laman ZI says plainly that it is one, asks for a bug report and says how to see the details.

Internal errors are simulated by replacing a function inside a child Python process
(``python -c``), so the real entry points run and nothing in the product has a test hook.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DATA, REPO

pytestmark = pytest.mark.slow  # heavy: left out of `make test-fast`

BOOM = "def boom(*a, **k):\n    raise RuntimeError('simulasi kerusakan')\n"


def python(code: str, *, env: dict | None = None, cwd: Path = REPO) -> subprocess.CompletedProcess:
    full_env = {k: v for k, v in os.environ.items() if k not in ("ZI_DEBUG", "ZI_PLANS")}
    full_env.update({"NO_MKDOCS_2_WARNING": "1", **(env or {})})
    return subprocess.run(
        [sys.executable, "-c", BOOM + code], cwd=cwd, env=full_env, capture_output=True, text=True, timeout=300
    )


def assert_internal_message(result: subprocess.CompletedProcess) -> None:
    err = result.stderr
    assert "Traceback" not in err, err
    assert "Terjadi kesalahan internal pada Laman ZI (RuntimeError: simulasi kerusakan)." in err, err
    assert "Ini bukan kesalahan pada data Anda" in err and "laporkan sebagai bug" in err, err
    assert "ZI_DEBUG=1" in err, err


def test_zi_check_internal_error_asks_for_a_bug_report():
    result = python("import generator.cli as c\nc.load_site = boom\nc.run(['check'])")
    assert result.returncode == 2, result.stderr
    assert_internal_message(result)


def test_zi_debug_shows_the_traceback():
    result = python("import generator.cli as c\nc.load_site = boom\nc.run(['check'])", env={"ZI_DEBUG": "1"})
    assert result.returncode != 0
    assert "Traceback" in result.stderr and "RuntimeError: simulasi kerusakan" in result.stderr


def test_zi_build_internal_error_in_the_plugin(tmp_path):
    site = tmp_path / "situs"
    result = python(
        f"import generator.stage.prepared as p\np.build_pages = boom\n"
        f"import generator.cli as c\nc.run(['build', '--site-dir', {str(site)!r}])"
    )
    assert result.returncode != 0
    assert_internal_message(result)
    assert "Pembangunan gagal; situs yang sudah ada tidak diubah." in result.stderr
    assert not site.exists() and not list(tmp_path.glob(".zi-build-*"))


def test_zi_build_internal_error_while_writing_pages(tmp_path):
    """A failure after the plugin's start (here: finishing each page) reaches `zi`'s last guard."""
    site = tmp_path / "situs"
    result = python(
        f"import generator.engines.material as p\np.finish_page = boom\n"
        f"import generator.cli as c\nc.run(['build', '--site-dir', {str(site)!r}])"
    )
    assert result.returncode == 2
    assert_internal_message(result)
    assert not site.exists() and not list(tmp_path.glob(".zi-build-*"))


def test_data_error_escaping_a_command_is_a_report_not_a_crash():
    code = (
        "from pathlib import Path\nfrom generator.errors import DataError, Problem\n"
        "import generator.staff.importer.command as cmd\n"
        "def bad(*a, **k):\n    raise DataError([Problem(Path('plans/satker.yaml'), 3, 1, 'nama', 'isian salah', 'tulis benar')])\n"
        "cmd.run_import = bad\nimport generator.cli as c\nc.run(['import', 'ra.csv'])"
    )
    result = python(code)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert "plans/satker.yaml:3:1: nama: isian salah\n    Perbaikan: tulis benar" in result.stderr


def test_plain_mkdocs_build_data_mistake_is_a_report(tmp_path):
    plans = tmp_path / "plans"
    shutil.copytree(DATA["gunungkidul"], plans)
    satker = plans / "satker.yaml"
    satker.write_text(satker.read_text(encoding="utf-8").replace("induk:", "indukk:"), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-d", str(tmp_path / "out")],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "ZI_PLANS": str(plans)},
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "Ditemukan 1 kesalahan pada data" in result.stderr
    assert "satker.yaml:" in result.stderr and "Perbaikan: maksud Anda 'induk'?" in result.stderr


def test_plain_mkdocs_build_internal_error_is_plain(tmp_path):
    result = python(
        "import generator.stage.prepared as p\np.build_pages = boom\nfrom mkdocs.__main__ import cli\n"
        f"cli(['build', '-d', {str(tmp_path / 'out')!r}])"
    )
    assert result.returncode == 1
    assert_internal_message(result)

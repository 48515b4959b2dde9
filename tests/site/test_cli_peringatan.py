"""Warnings through the real CLI: `zi check` lists them and passes; `zi build` and plain
`mkdocs build --strict` print them and still build (strict mode fails on logged warnings)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DATA, REPO, zi

pytestmark = pytest.mark.slow  # heavy: left out of `make test-fast`


@pytest.fixture
def plans(tmp_path) -> Path:
    target = tmp_path / "plans"
    shutil.copytree(DATA["gunungkidul"], target)
    real = target / "2024" / "realisasi.yaml"
    real.write_text(
        real.read_text(encoding="utf-8").replace("diperbarui: 2024-02-09", "diperbarui: 2023-02-09"), encoding="utf-8"
    )
    (target / "2O25").mkdir()
    return target


def _line(plans: Path) -> int:
    """The line of the planted date, found in the file (the example data moves)."""
    lines = (plans / "2024" / "realisasi.yaml").read_text(encoding="utf-8").splitlines()
    return next(i for i, t in enumerate(lines, 1) if "diperbarui: 2023-02-09" in t)


def test_check_lists_warnings_after_data_benar(plans):
    result = zi("check", "--plans", str(plans))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.index("Data benar, tidak ada kesalahan.") < out.index("2 peringatan: mungkin salah, periksa")
    assert "Peringatan: 2O25:1:1: folder '2O25' diabaikan" in out
    assert "Perbaikan: ganti namanya menjadi '2025'" in out
    assert f"Peringatan: 2024/realisasi.yaml:{_line(plans)}:5: baris[1].diperbarui: tanggal pembaruan 2023-02-09" in out


def test_check_lists_warnings_after_the_errors(plans):
    sat = plans / "satker.yaml"
    sat.write_text(sat.read_text(encoding="utf-8").replace("induk:", "indukk:"), encoding="utf-8")
    result = zi("check", "--plans", str(plans))
    assert result.returncode == 1
    err = result.stderr
    assert err.index("indukk: isian 'indukk' tidak dikenal") < err.index(
        f"Peringatan: 2024/realisasi.yaml:{_line(plans)}:5:"
    )


def test_build_prints_warnings_and_succeeds(plans, tmp_path):
    result = zi("build", "--plans", str(plans), "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr
    assert "Peringatan: 2O25:1:1: folder '2O25' diabaikan" in result.stderr
    assert "WARNING" not in result.stderr and "Traceback" not in result.stderr
    assert (tmp_path / "site" / "index.html").is_file()


def test_plain_mkdocs_build_strict_prints_warnings_and_succeeds(plans, tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "out")],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "ZI_PLANS": str(plans)},
    )
    assert result.returncode == 0, result.stderr
    assert f"Peringatan: 2024/realisasi.yaml:{_line(plans)}:5: baris[1].diperbarui" in result.stderr
    assert (tmp_path / "out" / "index.html").is_file()

"""The pre-imported `zi` of tests/zi_induk.py gives what a new `python -m generator` gives."""

from __future__ import annotations

import os
import shutil

import pytest

from tests.conftest import DATA, REPO, zi, zi_dengan, zi_proses_baru


def _both(*args: str, cwd=REPO, env: dict | None = None):
    full = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return zi(*args, cwd=cwd, env=env), zi_proses_baru(*args, cwd=cwd, env=full)


def _same(a, b) -> None:
    assert (a.returncode, a.stdout, a.stderr) == (b.returncode, b.stdout, b.stderr)


@pytest.fixture
def rusak(tmp_path):
    """A copy of the example data with a YAML mistake on a known line."""
    plans = tmp_path / "plans"
    shutil.copytree(DATA["gunungkidul"], plans)
    satker = plans / "satker.yaml"
    satker.write_text(satker.read_text(encoding="utf-8") + "nama: [tidak ditutup\n", encoding="utf-8")
    return plans


def test_a_passing_check_is_the_same(tmp_path):
    ok, baru = _both("check", "--plans", str(DATA["wonosobo"]), env={"HOME": str(tmp_path)})
    assert ok.returncode == 0, ok.stderr
    _same(ok, baru)


def test_a_data_mistake_is_the_same(rusak, tmp_path):
    ok, baru = _both("check", "--plans", str(rusak), env={"HOME": str(tmp_path)})
    assert ok.returncode == 1 and "satker.yaml" in ok.stderr and "Perbaikan" in ok.stderr, ok.stderr
    _same(ok, baru)


def test_a_usage_error_the_cwd_and_the_environment_are_the_command_s_own(tmp_path):
    ok, baru = _both("bangun", cwd=tmp_path)
    assert ok.returncode == 2
    _same(ok, baru)
    # The child runs in the requested folder with the requested environment, not the server's.
    got = zi("build", "--site-dir", "situs", cwd=tmp_path)
    assert got.returncode == 2 and f"({tmp_path})" in got.stderr, got.stderr
    got = zi("deploy", "--list", cwd=tmp_path, env={"ZI_DEPLOY_TARGET": "gopher"})
    assert got.returncode == 1 and "'gopher' (ZI_DEPLOY_TARGET)" in got.stderr, got.stderr
    assert "ZI_DEPLOY_TARGET" not in os.environ


def test_a_hung_command_times_out_and_the_server_goes_on(tmp_path):
    import subprocess

    # A data folder whose satker.yaml is a FIFO: reading it blocks until the timeout kills the child.
    plans = tmp_path / "plans"
    shutil.copytree(DATA["wonosobo"], plans)
    (plans / "satker.yaml").unlink()
    os.mkfifo(plans / "satker.yaml")
    with pytest.raises(subprocess.TimeoutExpired):
        zi_dengan(["check", "--plans", str(plans)], tmp_path, dict(os.environ), timeout=3)
    assert zi("bangun", cwd=tmp_path).returncode == 2

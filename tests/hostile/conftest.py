"""Run the selected hostile cases once, in parallel, through the real CLI."""

from __future__ import annotations

import os
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.conftest import bersama, zi
from tests.hostile.cases import CASES, CATEGORIES, Case
from tests.hostile.harness import SITE, prepare, scan_site, tree_hash

WORKERS = int(os.environ.get("ZI_HOSTILE_WORKERS") or os.cpu_count() or 2)


def _selected(session, test_name: str) -> list[Case]:
    out = []
    for item in session.items:
        params = getattr(getattr(item, "callspec", None), "params", {})
        if getattr(item, "originalname", None) == test_name and isinstance(params.get("case"), Case):
            out.append(params["case"])
    return out


@pytest.fixture(scope="session")
def site_hashes(built_sites) -> dict[str, str]:
    return {name: tree_hash(path) for name, path in built_sites.items()}


class _EachCase(dict):
    """Outcomes run when a test asks for them: under xdist each worker runs only its own cases.

    A worker's ``session.items`` holds every collected test, not just those the worker will be
    given, so running "every selected case" up front made each of CI's workers run the whole corpus.
    """

    def __init__(self, one, config) -> None:
        super().__init__()
        self.one, self.config = one, config

    def __missing__(self, name: str):
        start = time.monotonic()
        self[name] = outcome = self.one(_BY_NAME[name])
        self.config._zi_hostile_seconds = getattr(self.config, "_zi_hostile_seconds", 0) + time.monotonic() - start
        return outcome


_BY_NAME = {c.name: c for c in CASES}


@pytest.fixture(scope="session")
def outcomes(request, built_sites, tmp_path_factory) -> dict[str, object]:
    """Every selected case of test_case, run in a pool; a case whose setup breaks keeps its exception.

    Under xdist the workers are the pool: each case runs when its test does (``_EachCase``).
    """
    from tests.hostile.harness import run_case

    base = tmp_path_factory.mktemp("hostile")

    def one(case: Case):
        try:
            return run_case(case, base / case.name, built_sites)
        except Exception as exc:  # noqa: BLE001 - reported by the case's own test
            return exc

    if os.environ.get("PYTEST_XDIST_WORKER"):
        return _EachCase(one, request.config)
    wanted = _selected(request.session, "test_case")
    start = time.monotonic()
    with ThreadPoolExecutor(WORKERS) as pool:
        results = dict(zip([c.name for c in wanted], pool.map(one, wanted)))
    request.config._zi_hostile_seconds = time.monotonic() - start  # shown in the summary
    return results


@pytest.fixture(scope="session")
def injection(request, built_sites, tmp_path_factory) -> dict[str, dict]:
    """All injection payloads of one data folder put into ONE copy and built once.

    Returns per data folder: the build's exit code and output, the line of each case's
    edit, the live-markup findings per output file and the visible text per file.
    """
    import pickle

    datas = sorted({c.data for c in _selected(request.session, "test_injection")})

    def buat(base: Path) -> None:
        (base / "hasil.pickle").write_bytes(pickle.dumps(_injection(base, datas, built_sites)))

    # Built once for the session, whichever xdist worker asks first (tests.conftest.bersama).
    return pickle.loads((bersama(tmp_path_factory, "injeksi", buat) / "hasil.pickle").read_bytes())


def _injection(base: Path, datas: list[str], built_sites: dict[str, Path]) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for data in datas:
        p = prepare(base / data, data, built_sites[data])
        lines: dict[str, int | None] = {}
        for case in (c for c in CASES if c.category == "injection" and c.exit_code == 0 and c.data == data):
            line = None
            for edit in case.setup:
                got = edit.apply(p)
                line = got if line is None and isinstance(got, int) else line
            lines[case.name] = line
        r = zi("build", "--site-dir", SITE, cwd=p.ws, env={"HOME": str(p.rumah)})
        found, texts = scan_site(p.ws / SITE) if r.returncode == 0 else ({}, {})
        out[data] = {
            "returncode": r.returncode,
            "output": r.stdout + r.stderr,
            "lines": lines,
            "found": found,
            "texts": texts,
            "site": p.ws / SITE,
        }
    return out


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    seconds = getattr(config, "_zi_hostile_seconds", None)
    if seconds is None:
        return
    counts = Counter(c.category for c in CASES)
    pending = Counter(c.category for c in CASES if c.pending)
    terminalreporter.write_line(
        f"korpus masukan bermusuhan: {len(CASES)} kasus ({sum(pending.values())} menunggu perbaikan), "
        f"{seconds:.0f} detik dengan {WORKERS} proses"
    )
    terminalreporter.write_line(
        "  "
        + ", ".join(
            f"{cat} {counts[cat]}" + (f" ({pending[cat]} menunggu)" if pending[cat] else "") for cat in CATEGORIES
        )
    )

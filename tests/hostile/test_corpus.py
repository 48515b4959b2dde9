"""The hostile-input corpus: every bad input in tests/hostile/cases.py through the real `zi` command.

For each case, in a fresh copy of the example repository holding a copy of the site built
earlier in the session: the exit code; an Indonesian message at the right file and line
followed by its `Perbaikan:`; no traceback and no English library text; when the command
fails, nothing anywhere in the copy changed (the old site is byte-identical, the data is
untouched, no stray folder). Injection payloads are all built at once (`test_injection`):
the build succeeds and nothing of them is live markup in any built HTML, JSON or XML, while
the text itself is shown.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from tests.hostile.cases import CASES, CATEGORIES, Case
from tests.hostile.harness import ENGLISH, INDONESIAN, Outcome, scan_site, where_of

pytestmark = pytest.mark.slow  # heavy: left out of `make test-fast`


def _param(case: Case):
    # Only a failed assertion is the expected failure: a broken setup must fail loudly.
    marks = [pytest.mark.xfail(strict=True, raises=AssertionError, reason=case.pending)] if case.pending else []
    return pytest.param(case, id=case.name, marks=marks)


SHARED = [c for c in CASES if c.category == "injection" and c.exit_code == 0]
ALONE = [c for c in CASES if c not in SHARED]


def _at(output: str, where: str) -> list[int]:
    """Indexes of output lines that point at ``where`` (file:line, then :column or the end)."""
    rx = re.compile(re.escape(where) + r"(?::|\b|\s|$)")
    return [i for i, line in enumerate(output.splitlines()) if rx.search(line)]


def judge_output(case: Case, output: str, line: int | None, warning: bool = False) -> None:
    english = ENGLISH.search(output)
    assert english is None, f"teks pustaka berbahasa Inggris ({english and english.group(0)!r}):\n{output}"
    assert INDONESIAN.search(output), f"pesan tidak berbahasa Indonesia:\n{output}"
    for text in case.expect:
        assert text in output, f"{text!r} tidak ada dalam keluaran:\n{output}"
    where = where_of(case, line)
    if where is not None:
        hits = _at(output, where)
        assert hits, f"keluaran tidak menunjuk {where}:\n{output}"
        lines = output.splitlines()
        if warning:
            assert any(
                lines[i].lstrip().startswith("Peringatan:")
                or any(lines[j].startswith("Peringatan:") for j in range(i + 1))
                for i in hits
            ), output
        elif case.fix:
            assert any(i + 1 < len(lines) and lines[i + 1].strip().startswith("Perbaikan:") for i in hits), (
                f"tidak ada baris Perbaikan: sesudah {where}:\n{output}"
            )


@pytest.mark.parametrize("case", [_param(c) for c in ALONE])
def test_case(case: Case, outcomes, site_hashes):
    outcome = outcomes[case.name]
    if isinstance(outcome, BaseException):
        raise outcome
    assert isinstance(outcome, Outcome)
    for run in outcome.runs:
        report = f"zi {' '.join(run.args)} -> {run.returncode}\n{run.output}"
        codes = (
            (0, 1)
            if case.exit_code is None
            else (case.exit_code if isinstance(case.exit_code, tuple) else (case.exit_code,))
        )
        assert run.returncode in codes, report
        if case.shown is not None and run.returncode == 0 and run.args[0] == "build":
            _, texts = scan_site(outcome.built)
            assert any(case.shown in t for t in texts.values()), f"{case.shown!r} diterima tetapi tidak tampil"
            continue
        warning = run.returncode == 0 and "Peringatan:" in (case.expect or ())
        if run.returncode != 0 or warning:
            judge_output(case, run.output, outcome.line, warning=warning)
        else:
            english = ENGLISH.search(run.output)
            assert english is None, report
    if any(r.returncode != 0 for r in outcome.runs):
        assert outcome.after == outcome.before, (
            "perintah yang gagal mengubah isi salinan (data, situs atau folder lain)"
        )
        assert outcome.site_after == site_hashes[case.data], "situs lama tidak utuh"
    if case.same_site:
        assert outcome.site_after == site_hashes[case.data], "situs berbeda dari situs yang dibangun dari data asli"


def _marker(case: Case) -> str:
    m = re.search(r"zq\d{3}", case.shown or "")
    assert m, f"{case.name}: payload tanpa penanda zqNNN"
    return m.group(0)


@pytest.mark.parametrize("case", [_param(c) for c in SHARED])
def test_injection(case: Case, injection):
    built = injection[case.data]
    assert built["returncode"] == 0, f"pembangunan dengan semua muatan injeksi gagal:\n{built['output']}"
    assert ENGLISH.search(built["output"]) is None, built["output"]
    marker = _marker(case)
    live = {f: [h for h in hits if marker in h] for f, hits in built["found"].items()}
    live = {f: h for f, h in live.items() if h}
    assert not live, f"muatan {marker} hidup sebagai markup: {live}"
    shown = [f for f, t in built["texts"].items() if case.shown in t]
    assert shown, f"teks {case.shown!r} tidak tampil apa adanya di halaman mana pun"


def test_injection_build_has_nothing_live_at_all(injection):
    """Findings that no single payload claims still fail (e.g. a tag split across fields)."""
    for built in injection.values():
        assert built["returncode"] == 0, built["output"]
        assert not built["found"], built["found"]


def test_corpus_covers_every_category():
    counts = Counter(c.category for c in CASES)
    assert set(CATEGORIES) <= set(counts), set(CATEGORIES) - set(counts)
    assert len(CASES) >= 120, len(CASES)
    names = [c.name for c in CASES]
    assert len(names) == len(set(names)), [n for n, k in Counter(names).items() if k > 1]

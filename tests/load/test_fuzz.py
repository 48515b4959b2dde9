"""Random and mutated YAML never crashes the loader.

Every input either loads, or raises ``DataError`` whose problems each carry the
file, a line and column, and an Indonesian message; any other exception (a
traceback for staff) fails the test. Runs are derandomised so CI is
reproducible; a failing example is printed by Hypothesis and then kept as a
regression test in ``test_yaml_source.py``. To search longer, with fresh random
examples: ``ZI_FUZZ_EXAMPLES=5000 .venv/bin/python -m pytest tests/load/test_fuzz.py``.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.errors import DataError
from generator.load import load_site
from tests.conftest import DATA, REPO

pytestmark = pytest.mark.slow  # heavy: left out of `make test-fast`

CONTENT = REPO / "content"
EXAMPLE = DATA["gunungkidul"]
# Every real file of the example is mutated: the unit, the plan, progress and each recap.
MUTATED = sorted(p.relative_to(EXAMPLE).as_posix() for p in EXAMPLE.rglob("*.yaml"))
_EXPLORE = int(os.environ.get("ZI_FUZZ_EXAMPLES") or 0)
FUZZ = settings(
    deadline=None,
    derandomize=not _EXPLORE,
    database=None,
    print_blob=False,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def examples(n: int) -> settings:
    return settings(FUZZ, max_examples=_EXPLORE or n)


# Pieces of English that would mean a library message reached staff untranslated. Quoted
# values (the staff's own text) are removed before looking.
_ENGLISH = re.compile(
    r"\b(?:Input should|Field required|Extra inputs|Value error|could not|found|expected|"
    r"while|not allowed|unacceptable|object|Traceback|Error|invalid|must be|should be)\b",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"'[^'\n]*'|\"[^\"\n]*\"")
_WHERE = re.compile(r"^(?P<file>[^\s:][^:\n]*):(?P<line>\d+):(?P<col>\d+): ")


def assert_loads_or_reports(root: Path) -> str | None:
    """Load ``root``; on failure check the report staff would read, and return it."""
    try:
        load_site(root, content_dir=CONTENT)
        return None
    except DataError as exc:
        assert exc.problems, "DataError tanpa masalah"
        report = exc.report(root)
        assert report.startswith("Ditemukan "), report
        for p in exc.problems:
            text = p.format(root)
            assert p.file == root or root in p.file.parents, text
            where = _WHERE.match(text)
            assert where and int(where["line"]) >= 1 and int(where["col"]) >= 1, text
            assert p.message.strip(), text
            english = _ENGLISH.search(_QUOTED.sub("''", f"{p.message} {p.fix or ''}"))
            assert english is None, f"pesan belum berbahasa Indonesia ({english and english.group(0)}): {text}"
        return report


# --- 1. random text and bytes ------------------------------------------------------------

_TOKENS = [
    "nama",
    "tahun",
    "keputusan",
    "lampiran",
    "area",
    ":",
    ": ",
    " ",
    "  ",
    "\n",
    "\n  ",
    "- ",
    "-",
    "[",
    "]",
    "{",
    "}",
    ",",
    "'",
    '"',
    "#",
    "&a ",
    "*a",
    "&b ",
    "*b",
    "!!str ",
    "!!int ",
    "!!binary ",
    "!!python/name:x ",
    "!x ",
    "? ",
    "|",
    ">",
    "---\n",
    "...\n",
    "%YAML 1.1\n",
    "\t",
    "\\",
    "<<: ",
    "=: ",
    "~",
    "null",
    "true",
    "2024-02-30",
    "2024-01-31",
    "1" * 40,
    "9" * 5000,
    "-1",
    "1.5",
    ".nan",
    "0x1F",
    "\x00",
    "\x07",
    "\ufeff",
    "é",
    "\u2028",
    "😀",
]
yamlish = st.lists(st.sampled_from(_TOKENS), max_size=60).map("".join)
raw = st.one_of(yamlish, st.text(max_size=400), st.binary(max_size=400).map(lambda b: b.decode("latin-1")))


@examples(300)
@given(satker=st.one_of(raw.map(lambda t: t.encode("utf-8", "surrogatepass")), st.binary(max_size=400)), plan=raw)
def test_random_files_give_a_report_never_a_traceback(satker: bytes, plan: str):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "plans"
        (root / "2024").mkdir(parents=True)
        (root / "satker.yaml").write_bytes(satker)
        (root / "2024" / "rencana-aksi.yaml").write_bytes(plan.encode("utf-8", "surrogatepass"))
        assert assert_loads_or_reports(root) is not None  # random input is never a valid data folder


# --- 2. mutations of the real example files -----------------------------------------------

_VALUES = [
    "[]",
    "{}",
    "0",
    "-1",
    "1.5",
    "2024",
    "99999999999999999999",
    "true",
    "null",
    "~",
    '""',
    "''",
    '"teks"',
    "2024-13-01",
    "2024-02-30",
    "2023-12-31",
    "[1, 2]",
    "{a: 1}",
    "*tak_ada",
    "&x",
    "!!binary aGk=",
    "!!python/object:os.system",
    "!tak_dikenal x",
    '"javascript:alert(1)"',
    '"//contoh.id"',
    "|",
    ">",
    '"<script>alert(1)</script>"',
    "- a",
    ": :",
    "'belum ditutup",
    '"belum ditutup',
    "9" * 5000,
]
_CHARS = st.one_of(
    st.sampled_from(list(":-[]{}&*!|>'\"#%@`,?\t\\ \n") + ["\x00", "\ufeff", "\u2028"]), st.characters(codec="utf-8")
)


@st.composite
def mutation(draw, lines: list[str]) -> tuple:
    n = len(lines)
    kind = draw(st.sampled_from(["hapus", "ganda", "tukar", "indentasi", "sisip", "tipe", "potong"]))
    i = draw(st.integers(0, max(n - 1, 0)))
    if kind == "tukar":
        return kind, i, draw(st.integers(0, max(n - 1, 0)))
    if kind == "indentasi":
        return kind, i, draw(st.sampled_from([-4, -2, -1, 1, 2, 4, "\t"]))
    if kind == "sisip":
        return kind, i, draw(st.integers(0, 200)), draw(st.text(_CHARS, min_size=1, max_size=4))
    if kind == "tipe":
        return kind, i, draw(st.sampled_from(_VALUES))
    return kind, i


def mutate(lines: list[str], m: tuple) -> list[str]:
    lines = list(lines)
    if not lines:
        return lines
    kind, i = m[0], m[1] % len(lines)
    if kind == "hapus":
        del lines[i]
    elif kind == "ganda":
        lines.insert(i, lines[i])
    elif kind == "tukar":
        j = m[2] % len(lines)
        lines[i], lines[j] = lines[j], lines[i]
    elif kind == "indentasi":
        if m[2] == "\t":
            lines[i] = "\t" + lines[i]
        elif m[2] > 0:
            lines[i] = " " * m[2] + lines[i]
        else:
            lines[i] = lines[i][min(-m[2], len(lines[i]) - len(lines[i].lstrip(" "))) :]
    elif kind == "sisip":
        at = m[2] % (len(lines[i]) + 1)
        lines[i] = lines[i][:at] + m[3] + lines[i][at:]
    elif kind == "tipe":
        key, sep, _ = lines[i].partition(": ")
        lines[i] = f"{key}: {m[2]}" if sep else lines[i].rstrip() + " " + m[2]
    elif kind == "potong":
        del lines[i:]
    return lines


_ORIGINAL = {name: (EXAMPLE / name).read_text(encoding="utf-8").split("\n") for name in MUTATED}


@st.composite
def mutated_file(draw) -> tuple[str, list[tuple]]:
    name = draw(st.sampled_from(MUTATED))
    ops = draw(st.lists(mutation(_ORIGINAL[name]), min_size=1, max_size=4))
    return name, ops


@examples(50)
@given(change=mutated_file())
def test_mutated_example_files_give_a_report_never_a_traceback(change):
    name, ops = change
    lines = _ORIGINAL[name]
    for op in ops:
        lines = mutate(lines, op)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "plans"
        shutil.copytree(EXAMPLE, root)
        (root / name).write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
        assert_loads_or_reports(root)


def test_the_checker_itself_accepts_the_real_data_and_catches_a_mistake(tmp_path):
    """The property above is only as good as this check: it must pass and fail when it should."""
    assert assert_loads_or_reports(EXAMPLE) is None
    root = tmp_path / "plans"
    shutil.copytree(EXAMPLE, root)
    (root / "satker.yaml").write_text("nama: [\n", encoding="utf-8")
    report = assert_loads_or_reports(root)
    assert report is not None and "satker.yaml:" in report

"""libyaml's C parser is the YAML reader's fast path (generator.load.yaml_source); it must change nothing.

A clean file read through libyaml gives the same values (and types) and the same line:column of
every value as the pure-Python reader; anything else (an error, a problem, a character the two
parsers disagree on) is read by the pure-Python reader, so staff see the same messages.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml

from generator.load import yaml_source
from generator.load.yaml_source import parse_yaml
from tests.conftest import DATA

pytestmark = pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML without libyaml: pure Python only")

FILES = sorted(p for data in DATA.values() for p in data.rglob("*.yaml"))
# Pieces that break YAML in the ways staff do (and some no one does).
PIECES = [
    ":",
    ": ",
    "- ",
    "[",
    "]",
    "{",
    "}",
    ",",
    '"',
    "'",
    "#",
    " &a ",
    " *a ",
    "!!str ",
    "!x ",
    "é",
    "😀",
    "\r\n",
    "\r",
    " ",
    "\n",
    "  ",
    "|",
    ">",
    "---\n",
    "~",
    "yes",
    "2024-02-30",
    "0x1F",
    ".inf",
    "<<: *a",
    "\\",
    "\x07",
    "%",
    "@",
    "`",
    "::",
    "\n    - ",
    ",]",
    ",}",
    "\t",
    "?",
    "\ufeff",
    "\u2028",
    "\x85",
]


def _typed(value):
    if isinstance(value, dict):
        return {_typed(k): _typed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_typed(v) for v in value]
    return type(value).__name__, repr(value)


def _same(text: str) -> bool:
    """Whether the fast path took ``text``; when it did, its answer is the pure-Python one."""
    fast = yaml_source._parse_fast(Path("x.yaml"), text)
    if fast is None:
        return False
    slow = yaml_source._parse_text(Path("x.yaml"), text)
    assert slow.problems == [], text
    assert _typed(fast.data) == _typed(slow.data), text
    assert fast.source.positions == slow.source.positions, text
    return True


@pytest.mark.parametrize("file", FILES, ids=lambda p: p.relative_to(p.parents[2]).as_posix())
def test_every_example_file_reads_the_same_through_libyaml(file):
    assert _same(file.read_text(encoding="utf-8"))


def test_mutated_files_read_the_same_or_take_the_pure_python_path():
    rnd = random.Random(15)
    texts = [f.read_text(encoding="utf-8") for f in FILES]
    fast = 0
    for _ in range(400):
        lines = rnd.choice(texts).splitlines(keepends=True)
        start = rnd.randrange(len(lines))
        text = "".join(lines[start : start + rnd.randint(3, 40)])
        for _ in range(rnd.randint(1, 3)):
            at = rnd.randrange(len(text) + 1)
            if rnd.random() < 0.7:
                text = text[:at] + rnd.choice(PIECES) + text[at:]
            else:
                text = text[:at] + text[at + rnd.randint(1, 5) :]
        fast += _same(text)
    assert fast > 40  # the fast path was exercised


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("status: diter\tuskan\n", 1, 14),  # libyaml accepts a tab inside a plain value
        ("x: {a? b: 1}\n", 1, 6),  # and '?' inside a flow mapping's key
    ],
)
def test_what_libyaml_accepts_but_pure_python_refuses_is_still_reported(tmp_path, text, line, column):
    file = tmp_path / "data.yaml"
    file.write_text(text, encoding="utf-8")
    [problem] = parse_yaml(file).problems
    assert (problem.line, problem.column) == (line, column), problem


def test_a_byte_order_mark_inside_a_line_keeps_the_pure_python_column(tmp_path):
    file = tmp_path / "data.yaml"
    file.write_text("- {a: 0, b\ufeffc: 0, d: 0}\n", encoding="utf-8")  # libyaml counts the mark as no column
    assert parse_yaml(file).source.positions[(0, "d")] == (1, 17)


def test_without_libyaml_the_pure_python_reader_is_used(tmp_path, monkeypatch):
    file = tmp_path / "data.yaml"
    file.write_text("a: 1\nb: [x, 2024-01-31]\n", encoding="utf-8")
    fast = parse_yaml(file)
    monkeypatch.setattr(yaml_source, "_CZiLoader", None)
    slow = parse_yaml(file)
    assert (slow.data, slow.source.positions, slow.problems) == (fast.data, fast.source.positions, fast.problems)

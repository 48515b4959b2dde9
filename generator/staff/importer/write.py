"""Write plan data as YAML in the style staff see in the hand-written plans.

PyYAML's dumper cannot put a comment next to a value, and the imported plan
needs them ("# ISI: ..." beside every placeholder). This small emitter writes
mappings, lists and scalars only: strings double-quoted (multi-line ones as
``|-`` blocks), month lists inline. It records the line of every value so the
report can say where to fill in, and it re-reads its own output to prove the
text means exactly the data it was given.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import yaml

from generator.load.yaml_source import ZiLoader

Path_ = tuple[str | int, ...]
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")


@dataclass(frozen=True)
class Commented:
    """A value with a comment written after it on the same line."""

    value: Any
    comment: str


@dataclass(frozen=True)
class Before:
    """Comment lines ("" for an empty line) written above a list item or a key."""

    lines: tuple[str, ...]
    tag: str = ""  # keeps two equal comments apart as keys of one mapping


def plain(data: Any) -> Any:
    """The data without comments: what a YAML reader will see."""
    if isinstance(data, Commented):
        return plain(data.value)
    if isinstance(data, dict):
        return {k: plain(v) for k, v in data.items() if not isinstance(k, Before) and v is not None}
    if isinstance(data, list):
        return [plain(v) for v in data]
    return data


def dump(data: dict, header: Sequence[str] = ()) -> tuple[str, dict[Path_, int]]:
    """YAML text and the 1-based line of every key path."""
    out: list[str] = [f"# {line}" if line else "#" for line in header]
    lines: dict[Path_, int] = {}
    _mapping(data, 0, (), out, lines, first_prefix=None)
    text = "\n".join(out) + "\n"
    again = yaml.load(text, Loader=ZiLoader)  # noqa: S506 - ZiLoader is a SafeLoader
    if again != _comparable(plain(data)):
        raise RuntimeError("YAML hasil impor tidak sama dengan datanya (kesalahan internal penulis YAML)")
    return text, lines


def _comparable(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: _comparable(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_comparable(v) for v in data]
    return data


def _mapping(
    data: dict, indent: int, path: Path_, out: list[str], lines: dict[Path_, int], first_prefix: str | None
) -> None:
    pad = " " * indent
    first = True
    for key, value in data.items():
        if isinstance(key, Before):
            for line in key.lines:
                out.append(f"{pad}# {line}" if line else "")
            continue
        if value is None:
            continue
        prefix = first_prefix if (first and first_prefix is not None) else pad
        first = False
        comment = ""
        if isinstance(value, Commented):
            comment = f"  # {value.comment}"
            value = value.value
        lines[(*path, key)] = len(out) + 1
        head = f"{prefix}{key}:"
        if isinstance(value, dict):
            out.append(head + comment)
            _mapping(value, indent + 2, (*path, key), out, lines, None)
        elif (
            isinstance(value, list) and value and not all(isinstance(v, int) and not isinstance(v, bool) for v in value)
        ):
            out.append(head + comment)
            _sequence(value, indent + 2, (*path, key), out, lines)
        elif isinstance(value, str) and _block_ok(value):
            out.append(f"{head} |-{comment}")
            for line in value.split("\n"):
                out.append(f"{pad}  {line}")
        else:
            out.append(f"{head} {_scalar(value)}{comment}")


def _sequence(items: list, indent: int, path: Path_, out: list[str], lines: dict[Path_, int]) -> None:
    pad = " " * indent
    for i, item in enumerate(items):
        if isinstance(item, dict):
            befores = [k for k in item if isinstance(k, Before)]
            for b in befores:
                for line in b.lines:
                    out.append(f"{pad}# {line}" if line else "")
            rest = {k: v for k, v in item.items() if not isinstance(k, Before)}
            lines[(*path, i)] = len(out) + 1
            if not any(v is not None for v in rest.values()):
                out.append(f"{pad}- {{}}")
                continue
            _mapping(rest, indent + 2, (*path, i), out, lines, first_prefix=f"{pad}- ")
        else:
            comment = ""
            if isinstance(item, Commented):
                comment = f"  # {item.comment}"
                item = item.value
            lines[(*path, i)] = len(out) + 1
            out.append(f"{pad}- {_scalar(item)}{comment}")


def _block_ok(text: str) -> bool:
    """A literal block keeps line breaks readable; only for clean multi-line text."""
    return (
        "\n" in text
        and not _UNSAFE.search(text.replace("\n", ""))
        and all(line and line == line.strip() for line in text.split("\n"))
    )


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(_scalar(v) for v in value) + "]"
    if isinstance(value, dict) and not value:
        return "{}"
    text = json.dumps(str(value), ensure_ascii=False)
    # JSON leaves these raw; YAML would read them as line breaks or refuse them.
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)

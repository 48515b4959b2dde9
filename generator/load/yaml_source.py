"""Parse YAML keeping the source position of every value.

PyYAML's composer gives nodes with marks; we construct plain Python values
ourselves so each value's (line, column) is kept in a ``SourceMap`` keyed by
its path. Duplicate keys are reported (PyYAML would silently keep the last).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.errors import Problem

Path_ = tuple[str | int, ...]
MAX_BYTES = 2_000_000  # a plan is ~50 kB; anything this large is a mistake
MAX_NODES = 200_000  # a plan has ~3,000 values; aliases that expand past this are an alias bomb


class _TooLarge(Exception):
    pass


class ZiLoader(yaml.SafeLoader):
    """SafeLoader reading booleans the YAML 1.2 way: only true/false.

    YAML 1.1 turns NO, Ya-like words, on/off into booleans; a decree column
    heading "NO" must stay the text "NO".
    """


ZiLoader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
ZiLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


@dataclass
class SourceMap:
    file: Path
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def position(self, path: Path_) -> tuple[int | None, int | None]:
        """Position of ``path`` or of its nearest ancestor that has one."""
        path = tuple(path)
        while path:
            if path in self.positions:
                return self.positions[path]
            path = path[:-1]
        return self.positions.get((), (1, 1))


@dataclass
class Parsed:
    data: Any
    source: SourceMap
    problems: list[Problem]


def parse_yaml(file: Path) -> Parsed:
    source = SourceMap(file)
    try:
        raw = file.read_bytes()
    except OSError as exc:
        return Parsed(None, source, [Problem(file, None, None, "", f"berkas tidak dapat dibaca ({exc.strerror})")])
    if len(raw) > MAX_BYTES:
        return Parsed(None, source, [Problem(
            file, None, None, "", f"berkas terlalu besar ({len(raw)} bita; batas {MAX_BYTES} bita)",
            "pecah data menjadi beberapa berkas atau hapus isi yang tidak perlu")])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Parsed(None, source, [Problem(
            file, None, None, "", f"berkas bukan teks UTF-8 (bita ke-{exc.start})",
            "simpan ulang berkas dengan pengodean UTF-8")])
    loader = ZiLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
        return Parsed(None, source, [Problem(
            file, line, col, "", f"YAML tidak dapat dibaca: {exc.problem or exc.context}",
            "periksa indentasi (gunakan spasi, bukan tab), tanda titik dua setelah nama isian, "
            "dan tanda kutip yang belum ditutup")])
    finally:
        loader.dispose()
    problems: list[Problem] = []
    if node is None:
        return Parsed(None, source, [Problem(file, 1, 1, "", "berkas kosong")])
    try:
        data = _construct(loader, node, (), source, problems, [0])
    except _TooLarge:
        return Parsed(None, source, [Problem(
            file, None, None, "", f"isi berkas mengembang melebihi {MAX_NODES} nilai (alias YAML berulang)",
            "jangan memakai alias YAML (*nama) berlapis; tulis nilainya langsung")])
    return Parsed(data, source, problems)


def _construct(loader: ZiLoader, node: yaml.Node, path: Path_, source: SourceMap,
               problems: list[Problem], count: list[int]) -> Any:
    count[0] += 1
    if count[0] > MAX_NODES:
        raise _TooLarge
    source.positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int)):
                key = str(key)
            if key in out:
                first = source.positions.get((*path, key), (None, None))
                problems.append(Problem(
                    source.file, key_node.start_mark.line + 1, key_node.start_mark.column + 1,
                    dotted((*path, key)),
                    f"isian '{key}' ditulis dua kali (pertama di baris {first[0]})",
                    "hapus salah satu, atau gabungkan isinya"))
                continue
            out[key] = _construct(loader, value_node, (*path, key), source, problems, count)
            # A key's own line is where staff look; keep it over the value's line.
            source.positions[(*path, key)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_construct(loader, child, (*path, i), source, problems, count) for i, child in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


def dotted(path: Path_) -> str:
    """('lampiran', 'area', 0, 'judul') -> 'lampiran.area[0].judul', as staff see it."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


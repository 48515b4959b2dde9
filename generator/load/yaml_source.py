"""Parse YAML keeping the source position of every value.

PyYAML's composer gives nodes with marks; we construct plain Python values
ourselves so each value's (line, column) is kept in a ``SourceMap`` keyed by
its path. Duplicate keys are reported (PyYAML would silently keep the last).

Hostile or broken input never escapes as an exception: syntax errors, unknown
tags (``!!python/...``), impossible dates, alias bombs, self-referring aliases,
deep nesting and files over ``MAX_BYTES`` all become a ``Problem``.
"""

from __future__ import annotations

import datetime as dt
import errno
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.errors import Problem
from generator.load.yaml_errors import describe

Path_ = tuple[str | int, ...]
MAX_BYTES = 2_000_000  # a plan is ~50 kB; anything this large is a mistake
MAX_NODES = 200_000  # a plan has ~3,000 values; aliases that expand past this are an alias bomb
MAX_DEPTH = 40  # a plan nests ~12 levels deep


class _TooLarge(Exception):
    pass


class _TooDeep(Exception):
    def __init__(self, node: yaml.Node):
        self.node = node


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
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)

# libyaml's C parser composes the same node tree (same tags through our resolvers, same
# line/column marks) 13-16x faster than the pure-Python one. It is the fast path for a clean
# file only: on any error or problem the file is read again with ``ZiLoader`` so every message
# and position staff see stays exactly the pure-Python one. Without libyaml, pure Python only.
# https://pyyaml.org/wiki/PyYAMLDocumentation ("CLoader ... LibYAML based")
_CZiLoader: type | None = None
if getattr(yaml, "__with_libyaml__", False):

    class _CZiLoaderClass(yaml.CSafeLoader):
        """``ZiLoader``'s resolvers over libyaml's parser."""

    _CZiLoaderClass.yaml_implicit_resolvers = ZiLoader.yaml_implicit_resolvers
    _CZiLoader = _CZiLoaderClass


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
    # Paths of values already reported here (an impossible date, an unknown tag): model
    # validation must not report them a second time.
    reported: set[Path_] = field(default_factory=set)


def parse_yaml(file: Path) -> Parsed:
    source = SourceMap(file)
    try:
        with file.open("rb") as f:
            raw = f.read(MAX_BYTES + 1)  # never read a huge file whole
        size = max(len(raw), file.stat().st_size)
    except OSError as exc:
        reasons = {errno.EISDIR: "berupa folder, bukan berkas", errno.EACCES: "tidak ada izin membacanya"}
        reason = reasons.get(exc.errno or 0) or exc.strerror
        return Parsed(
            None,
            source,
            [
                Problem(
                    file,
                    None,
                    None,
                    "",
                    f"berkas tidak dapat dibaca ({reason})",
                    "pastikan ini berkas teks YAML biasa yang dapat dibaca",
                )
            ],
        )
    if size > MAX_BYTES:
        return Parsed(
            None,
            source,
            [
                Problem(
                    file,
                    None,
                    None,
                    "",
                    f"berkas terlalu besar ({size} bita; batas {MAX_BYTES} bita)",
                    "pecah data menjadi beberapa berkas atau hapus isi yang tidak perlu",
                )
            ],
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Parsed(None, source, [_not_utf8(file, raw, exc.start)])
    odd = _odd_indentation(file, text)
    if odd:  # YAML would read these as part of a key ("'  surel' tidak dikenal"): say what it is
        return Parsed(None, source, odd)
    if _CZiLoader is not None:
        fast = _parse_fast(file, text)
        if fast is not None:
            return fast
    return _parse_text(file, text)


# Characters on which libyaml and PyYAML's pure-Python scanner disagree: libyaml accepts a tab
# inside a plain value and '?' keys inside {...} that PyYAML refuses, and counts a byte-order
# mark inside a line differently. A file with any of them takes the pure-Python path only
# (real data files have none). tests/load/test_yaml_cepat.py compares both paths on mutated files.
_PURE_ONLY = re.compile("[\t?\ufeff\x85\u2028\u2029]")


def _parse_fast(file: Path, text: str) -> Parsed | None:
    """A clean file through libyaml; ``None`` whenever anything is wrong (then pure Python says what)."""
    assert _CZiLoader is not None
    if _PURE_ONLY.search(text):
        return None
    source = SourceMap(file)
    try:
        loader = _CZiLoader(text)
        try:
            node = loader.get_single_node()
            if node is None:
                return None
            walk = _Walk(loader, source)
            data = walk.value(node, ())
        finally:
            loader.dispose()
    except Exception:  # noqa: BLE001 - any failure is re-read and explained by the pure-Python loader
        return None
    if walk.problems or walk.reported:
        return None
    return Parsed(data, source, [], set())


def _parse_text(file: Path, text: str) -> Parsed:
    source = SourceMap(file)
    try:
        loader = ZiLoader(text)  # the reader refuses control characters here already
    except yaml.YAMLError as exc:
        line, col, message, fix = describe(exc, text)
        return Parsed(None, source, [Problem(file, line, col, "", message, fix)])
    try:
        node = loader.get_single_node()
    except yaml.YAMLError as exc:
        line, col, message, fix = describe(exc, text)
        return Parsed(None, source, [Problem(file, line, col, "", message, fix)])
    except RecursionError:
        return Parsed(None, source, [_too_deep(file, None)])
    finally:
        loader.dispose()
    if node is None:
        return Parsed(
            None,
            source,
            [Problem(file, 1, 1, "", "berkas kosong", "isi berkas ini, atau hapus berkasnya bila tidak diperlukan")],
        )
    walk = _Walk(loader, source)
    try:
        data = walk.value(node, ())
    except _TooLarge:
        return Parsed(None, source, [_alias_bomb(file, text)])
    except _TooDeep as exc:
        return Parsed(None, source, [_too_deep(file, exc.node)])
    return Parsed(data, source, walk.problems, walk.reported)


def _alias_bomb(file: Path, text: str) -> Problem:
    """Aliases that expand past MAX_NODES: point at the first alias (and its anchor), not at line 1."""
    anchors: dict[str, int] = {}
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if isinstance(token, yaml.AnchorToken):
                anchors.setdefault(token.value, token.start_mark.line + 1)
            elif isinstance(token, yaml.AliasToken):
                line, col = token.start_mark.line + 1, token.start_mark.column + 1
                where = f" (anchor &{token.value} di baris {anchors[token.value]})" if token.value in anchors else ""
                return Problem(
                    file,
                    line,
                    col,
                    "",
                    f"alias YAML *{token.value}{where} dan alias sesudahnya mengembangkan isi berkas melebihi "
                    f"{MAX_NODES} nilai (alias berlapis)",
                    "hapus tanda &nama dan *nama: tulis nilainya langsung di setiap tempat; berkas data Laman ZI "
                    "tidak memerlukan alias YAML",
                )
    except yaml.YAMLError:
        pass
    return Problem(
        file,
        None,
        None,
        "",
        f"isi berkas mengembang melebihi {MAX_NODES} nilai (alias YAML berlapis)",
        "hapus tanda &nama dan *nama: tulis nilainya langsung di setiap tempat",
    )


def _not_utf8(file: Path, raw: bytes, at: int) -> Problem:
    """Where the first byte that is not UTF-8 is, as line:column, and what it probably was."""
    line_start = raw.rfind(b"\n", 0, at) + 1
    line = raw.count(b"\n", 0, at) + 1
    column = len(raw[line_start:at].decode("utf-8", errors="replace")) + 1
    byte = raw[at]
    guess = bytes([byte]).decode("cp1252", errors="replace")  # what a Windows editor meant by it
    meant = (
        f" (mungkin huruf '{guess}' yang disimpan dengan pengodean Windows-1252/Latin-1)"
        if guess.isprintable() and guess != "\ufffd"
        else ""
    )
    return Problem(
        file,
        line,
        column,
        "",
        f"berkas bukan teks UTF-8: bita 0x{byte:02X} di sini tidak dapat dibaca{meant}",
        "simpan ulang berkas dengan pengodean UTF-8 (di VS Code: klik nama pengodean di bilah bawah, pilih 'Save with Encoding', lalu UTF-8), "
        f"atau ketik ulang huruf itu di baris {line}",
    )


_LEADING_BLANKS = re.compile(r"^[ \t\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]+")


def _odd_indentation(file: Path, text: str) -> list[Problem]:
    """Indentation with a space that is not the plain space (e.g. U+00A0 pasted from a word processor)."""
    out = []
    for number, line in enumerate(text.splitlines(), 1):
        m = _LEADING_BLANKS.match(line)
        if m is None or (number == 1 and m.group(0) == "\ufeff"):
            continue  # a byte-order mark opening the file is harmless
        odd = next((i for i, ch in enumerate(m.group(0)) if ch not in " \t"), None)
        if odd is None:
            continue
        code = f"U+{ord(m.group(0)[odd]):04X}"
        out.append(
            Problem(
                file,
                number,
                odd + 1,
                "",
                f"indentasi memuat spasi khusus yang tidak terlihat ({code}, "
                "mis. spasi tak terputus dari pengolah kata)",
                "hapus indentasi baris ini dan ketik ulang dengan tombol spasi biasa",
            )
        )
        if len(out) >= 20:
            break
    return out


def _too_deep(file: Path, node: yaml.Node | None) -> Problem:
    line, col = (node.start_mark.line + 1, node.start_mark.column + 1) if node is not None else (None, None)
    return Problem(
        file,
        line,
        col,
        "",
        f"data bersarang terlalu dalam (lebih dari {MAX_DEPTH} tingkat)",
        "periksa indentasi dan tanda kurung [ atau { yang belum ditutup",
    )


_PLAIN_TYPES = (str, int, float, bool, type(None), dt.date)  # dt.datetime is a dt.date
_SPECIAL_KEY_TAGS = {"tag:yaml.org,2002:merge": "<<", "tag:yaml.org,2002:value": "="}


class _Walk:
    """Builds plain values from the node tree, recording each value's position."""

    def __init__(self, loader: Any, source: SourceMap):  # ZiLoader or its libyaml twin
        self.loader = loader
        self.source = source
        self.problems: list[Problem] = []
        self.reported: set[Path_] = set()
        self.count = 0
        self.active: set[int] = set()  # nodes being built: an alias back to one of them refers to itself

    def value(self, node: yaml.Node, path: Path_) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise _TooLarge
        if len(self.active) >= MAX_DEPTH:
            raise _TooDeep(node)
        self.source.positions[path] = _pos(node)
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node, path)
        if id(node) in self.active:
            self.problem(
                node,
                path,
                "alias YAML merujuk ke dirinya sendiri",
                "jangan memakai alias YAML (*nama) di dalam nilai yang ditandainya; tulis nilainya langsung",
            )
            return None
        if node.tag != _DEFAULT_TAG[type(node)]:  # we never build tagged objects; say so
            self.problem(
                node,
                path,
                f"tanda jenis YAML '{_tag(node.tag)}' tidak dikenal",
                "hapus tanda yang diawali ! di depan daftar atau kumpulan isian ini",
            )
        self.active.add(id(node))
        try:
            if isinstance(node, yaml.MappingNode):
                return self.mapping(node, path)
            return [self.value(child, (*path, i)) for i, child in enumerate(node.value)]
        finally:
            self.active.discard(id(node))

    def mapping(self, node: yaml.MappingNode, path: Path_) -> dict[Any, Any]:
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = self.key(key_node, path)
            if key is None:
                continue
            if key in out:
                first = self.source.positions.get((*path, key), (None, None))
                self.problem(
                    key_node,
                    (*path, key),
                    f"isian '{key}' ditulis dua kali (pertama di baris {first[0]})",
                    "hapus salah satu, atau gabungkan isinya",
                )
                continue
            out[key] = self.value(value_node, (*path, key))
            # A key's own line is where staff look; keep it over the value's line.
            self.source.positions[(*path, key)] = _pos(key_node)
        return out

    def key(self, node: yaml.Node, path: Path_) -> str | int | None:
        if not isinstance(node, yaml.ScalarNode):
            self.problem(
                node,
                path,
                "nama isian harus berupa teks, bukan daftar atau kumpulan isian",
                "tulis 'nama: nilai'; beri tanda kutip bila nama isian diawali [ { ? atau -",
            )
            return None
        if node.tag in _SPECIAL_KEY_TAGS:
            self.problem(
                node,
                path,
                f"tanda '{_SPECIAL_KEY_TAGS[node.tag]}' (fitur khusus YAML) tidak didukung sebagai nama isian",
                "tulis setiap isian satu per satu dengan namanya sendiri",
            )
            return None
        key = self.scalar(node, path, as_key=True)
        if isinstance(key, bool) or not isinstance(key, (str, int)):
            key = node.value  # the text as written: 'true', '2024-01-31', '1.5', '~'
        return key

    def scalar(self, node: yaml.ScalarNode, path: Path_, as_key: bool = False) -> Any:
        try:
            value = self.loader.construct_object(node, deep=True)
        except yaml.YAMLError:
            return self.bad(
                node,
                path,
                as_key,
                f"tanda jenis YAML '{_tag(node.tag)}' tidak dikenal",
                'hapus tanda yang diawali ! di depan nilai, atau beri tanda kutip "..." pada nilainya',
            )
        except Exception:  # noqa: BLE001 - PyYAML's scalar constructors raise ValueError, IndexError, ...
            shown = node.value if len(node.value) <= 40 else node.value[:37] + "..."
            if node.tag == "tag:yaml.org,2002:timestamp":
                return self.bad(
                    node,
                    path,
                    as_key,
                    f"tanggal '{shown}' tidak ada",
                    "tulis tanggal yang ada sebagai TTTT-BB-HH, mis. 2024-01-31",
                )
            if node.tag == "tag:yaml.org,2002:int" and len(node.value) > 100:
                return self.bad(
                    node,
                    path,
                    as_key,
                    f"angka '{shown}' terlalu panjang",
                    'periksa angkanya; beri tanda kutip "..." bila ini teks',
                )
            return self.bad(
                node,
                path,
                as_key,
                f"nilai '{shown}' tidak dapat dibaca",
                'beri tanda kutip "..." pada nilai itu, dan hapus tanda yang diawali ! di depannya',
            )
        if not isinstance(value, _PLAIN_TYPES):  # !!binary gives bytes
            return self.bad(
                node,
                path,
                as_key,
                "data biner (!!binary) tidak didukung",
                "tulis teksnya langsung; berkas diunggah ke folder content/",
            )
        return value

    def bad(self, node: yaml.Node, path: Path_, as_key: bool, message: str, fix: str) -> str:
        """Report a value that cannot be read; keep its text so the rest of the file is still checked."""
        self.problem(node, path, message, fix)
        if not as_key:
            self.reported.add(path)
        return node.value

    def problem(self, node: yaml.Node, path: Path_, message: str, fix: str) -> None:
        line, col = _pos(node)
        self.problems.append(Problem(self.source.file, line, col, dotted(path), message, fix))


_DEFAULT_TAG: dict[type[yaml.Node], str] = {
    yaml.MappingNode: "tag:yaml.org,2002:map",
    yaml.SequenceNode: "tag:yaml.org,2002:seq",
}


def _tag(tag: str) -> str:
    """'tag:yaml.org,2002:python/name:x' -> '!!python/name:x', as staff wrote it."""
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag


def _pos(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def dotted(path: Path_) -> str:
    """('lampiran', 'area', 0, 'judul') -> 'lampiran.area[0].judul', as staff see it."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text

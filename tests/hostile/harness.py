"""Run hostile cases through the real `zi` command in throwaway copies, and judge what staff see."""

from __future__ import annotations

import hashlib
import html.parser
import json
import os
import re
import shutil
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from tests.conftest import DATA, REPO, _TextExtractor, page_text, zi
from tests.hostile.edits import Places

# The repository around the data: what `zi build` reads besides plans/.
REPO_FILES = ("mkdocs.yml", "content", "theme")
SITE = "situs"  # the previously built site, inside the copy


@dataclass(frozen=True)
class Case:
    """One bad input and what the real command must do with it.

    ``setup``: edits (tests/hostile/edits.py) applied to a fresh copy.
    ``args``: the `zi` command; ``{site}`` is the copy of the previously built site.
    ``exit_code``: expected status, or a tuple of acceptable ones; ``None`` for "shown or refused"
        cases (see ``shown``).
    ``expect``: substrings the output must hold (as staff read it: stdout and stderr).
    ``where``: "file:line" the message must point at (``{line}`` = line of the first edit);
        the next output line must then be the ``Perbaikan:`` fix, unless ``fix=False``.
    ``check``: also run `zi check` (same exit code and messages).
    ``shown``: text that must be visible on a built page if the command succeeds
        (with ``exit_code=None``, refusing it with a message at ``where`` is the other way).
    ``same_site``: the command succeeds and the new site equals the old one byte for byte.
    ``pending``: the correct behaviour is being built (issue 9); the case is xfail(strict).
    """

    name: str
    category: str
    setup: tuple = ()
    args: tuple[str, ...] = ("build", "--site-dir", "{site}")
    exit_code: int | tuple[int, ...] | None = 1
    expect: tuple[str, ...] = ()
    where: str | None = None
    fix: bool = True
    check: bool = False
    shown: str | None = None
    same_site: bool = False
    data: str = "gunungkidul"
    pending: str | None = None
    env: tuple[tuple[str, str], ...] = ()
    cwd: str = ""  # where the command runs, relative to the repository copy


# Library text that would mean English reached staff untranslated (click, pydantic, PyYAML,
# MkDocs, Python). Case-sensitive where the word is also Indonesian-safe only in that case.
ENGLISH = re.compile(
    r"Traceback|Input should|Invalid value|\bError:|Usage:|Try '|No such (?:option|command|file)|"
    r"Field required|Extra inputs|Value error|is not a valid|does not exist|Missing argument|"
    r"Aborted with|WARNING -|is not found among|mapping values|could not find|found character|"
    r"while (?:scanning|parsing)|Exception|Errno|BadZipFile|Config value|should not be|\b[A-Z][A-Za-z]*Error\b"
)
# Words that make a message Indonesian (at least one must appear).
INDONESIAN = re.compile(
    r"\b(?:tidak|harus|berkas|tulis|folder|isian|periksa|gunakan|bukan|belum|hapus|"
    r"kesalahan|ditolak|di luar|pilih|tautan|nilai)\b",
    re.IGNORECASE,
)


@dataclass
class Run:
    args: list[str]
    returncode: int
    output: str


@dataclass
class Outcome:
    case: Case
    runs: list[Run]
    line: int | None
    before: str
    after: str
    site_before: str | None = None
    site_after: str | None = None
    built: Path | None = None
    notes: list[str] = field(default_factory=list)


def tree_hash(root: Path) -> str:
    """Hash of every path, file content and symlink target under ``root`` (links not followed)."""
    h = hashlib.sha256()
    if not root.exists() and not root.is_symlink():
        return "absent"
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames.sort()
        rel = os.path.relpath(dirpath, root)
        h.update(f"D {rel}\n".encode())
        for name in sorted(filenames + [d for d in dirnames if os.path.islink(os.path.join(dirpath, d))]):
            full = os.path.join(dirpath, name)
            if os.path.islink(full):
                h.update(f"L {rel}/{name} -> {os.readlink(full)}\n".encode())
            elif os.path.isfile(full):
                h.update(f"F {rel}/{name} ".encode())
                with open(full, "rb") as fh:
                    h.update(hashlib.sha256(fh.read()).digest())
            else:
                h.update(f"O {rel}/{name}\n".encode())
    return h.hexdigest()


def prepare(root: Path, data: str, built: Path | None) -> Places:
    """A fresh copy of the repository around ``data``, with the previously built site in it."""
    p = Places(root)
    p.ws.mkdir(parents=True)
    for name in REPO_FILES:
        src = REPO / name
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, p.ws / name)
    shutil.copytree(DATA[data], p.ws / "plans")
    if built is not None:
        shutil.copytree(built, p.ws / SITE)
    p.rumah.mkdir()
    p.luar.mkdir()
    (p.luar / "rahasia.txt").write_text("kunci-rahasia-server\n", encoding="utf-8")
    shutil.copy2(DATA[data] / "satker.yaml", p.luar / "satker.yaml")
    return p


def expand_args(args: tuple[str, ...], p: Places) -> list[str]:
    return [p.expand(a.replace("{site}", SITE)) for a in args]


def run_case(case: Case, root: Path, built: dict[str, Path]) -> Outcome:
    p = prepare(root, case.data, built.get(case.data))
    line = None
    for edit in case.setup:
        got = edit.apply(p)
        if line is None and isinstance(got, int):
            line = got
    env = {"HOME": str(p.rumah), **dict(case.env)}
    commands = [expand_args(case.args, p)]
    if case.check:
        commands.insert(0, ["check"])
    before = tree_hash(p.root)
    site_before = tree_hash(p.ws / SITE)
    runs = []
    for args in commands:
        r = zi(*args, cwd=p.path(case.cwd) if case.cwd else p.ws, env=env)
        runs.append(Run(args, r.returncode, r.stdout + r.stderr))
    return Outcome(case, runs, line, before, tree_hash(p.root), site_before, tree_hash(p.ws / SITE), built=p.ws / SITE)


def where_of(case: Case, line: int | None) -> str | None:
    if case.where is None:
        return None
    return case.where.replace("{line}", str(line))


# --- live markup ---------------------------------------------------------------------------

DANGEROUS_URL = re.compile(r"^(?:javascript|data|vbscript|file):", re.IGNORECASE)
URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "srcdoc", "data", "poster", "background"}
MARK_ATTR = "zimark"  # every payload tag carries this attribute: only a tag from data can have it


class LiveScan(html.parser.HTMLParser):
    """Markup that a browser would run or render as elements: findings are raw snippets."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._script: str | None = None
        self._ld = False

    def handle_starttag(self, tag, attrs):
        raw = self.get_starttag_text() or f"<{tag}>"
        names = {n for n, _ in attrs}
        if MARK_ATTR in names:
            self.found.append(f"unescaped tag {raw}")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"event handler {raw}")
            if name in URL_ATTRS and value and DANGEROUS_URL.match(re.sub(r"[\x00-\x20\x7f]+", "", value)):
                self.found.append(f"dangerous link {raw}")
        if tag == "meta" and "http-equiv" in names and "refresh" in raw.lower():
            self.found.append(f"meta refresh {raw}")
        if tag == "script":
            self._script = ""
            # JSON-LD is data, never run: it must parse as JSON whole (no staff text closed it early).
            self._ld = dict(attrs).get("type") == "application/ld+json"

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        self._script = None

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            if self._ld:
                try:
                    json.loads(self._script)
                except ValueError:
                    self.found.append(f"JSON-LD broken by data <script>{self._script[:80]}")
            elif "zq" in self._script or "alert(" in self._script:
                self.found.append(f"script from data <script>{self._script[:80]}")
            self._script = None

    def handle_data(self, data):
        if self._script is not None:
            self._script += data


def scan_html(text: str) -> list[str]:
    s = LiveScan()
    s.feed(text)
    s.close()
    return s.found


# JSON strings that their readers render as HTML: Material's search index (every string), JSON Feed's
# ``content_html`` and oEmbed's ``html``. Every other JSON string is plain text by its format (JSON Feed
# titles, open data, ringkasan.json): "<b>" there is data, shown as written, never live markup.
HTML_JSON_KEYS = {"content_html", "html"}


def _json_strings(node, key: str | None = None, all_html: bool = False):
    """(string, is HTML) for every key and string value."""
    if isinstance(node, dict):
        for k, v in node.items():
            yield str(k), False
            yield from _json_strings(v, str(k), all_html)
    elif isinstance(node, list):
        for v in node:
            yield from _json_strings(v, key, all_html)
    elif isinstance(node, str):
        yield node, all_html or key in HTML_JSON_KEYS


def _visible(markup: str) -> str:
    parser = _TextExtractor()
    parser.feed(markup)
    return " ".join("".join(parser.parts).split())


def scan_site(site: Path) -> tuple[dict[str, list[str]], dict[str, str]]:
    """Live findings per output file, and the visible text per file (HTML text, JSON and XML strings)."""
    found: dict[str, list[str]] = {}
    texts: dict[str, str] = {}
    for f in sorted(site.rglob("*")):
        if not f.is_file() or f.suffix not in (".html", ".json", ".xml"):
            continue
        rel = f.relative_to(site).as_posix()
        raw = f.read_text(encoding="utf-8")
        hits: list[str] = []
        if f.suffix == ".html":
            hits = scan_html(raw)
            texts[rel] = page_text(f)
        elif f.suffix == ".json":
            pairs = list(_json_strings(json.loads(raw), all_html=rel.startswith("search/")))
            for s, is_html in pairs:
                if is_html:
                    hits += scan_html(s)
            texts[rel] = " ".join(_visible(s) if is_html else " ".join(s.split()) for s, is_html in pairs)
        else:
            hits = scan_html(raw)
            strings = [t for el in ET.fromstring(raw).iter() for t in (el.text, el.tail) if t]
            for s in strings:
                hits += scan_html(s)
            texts[rel] = " ".join(_visible(s) for s in strings)
        if hits:
            found[rel] = hits
    return found, texts

"""No page-building Python module writes a visitor sentence: wording lives in theme/zi/ templates.

The check reads every module under generator/pages with ``ast`` and looks at its string literals
(f-strings with their placeholders as ``{}``). A literal counts as a sentence when it has three or more
space-separated words made of letters only (punctuation at either end allowed). Not counted: docstrings;
strings inside a ``raise`` (staff-facing errors, Indonesian by rule, not page text).

Limits, honestly: a sentence glued from short pieces (``" dan ".join(...)``) or a two-word phrase passes;
so does a literal whose words carry digits or markup. It is a tripwire against whole sentences coming back
into Python, not a proof. Labels of three words or more and the places that cannot move yet are listed in
ALLOWED with the reason; an entry that no longer matches anything fails the test, so the list stays true.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PAGES = Path(__file__).resolve().parents[2] / "generator" / "pages"
WORD = re.compile(r"^[(\[\"']?[A-Za-z]+[)\]\"']?[,.;:!?]?$")

# Modules not covered yet. Drop an entry when its module is done; the test then covers it.
NOT_YET = {
    "__init__.py": "page assembly: navigation titles and the meta description handed to tandai_halaman",
    # Not page text at all: messages to staff about broken links in content/ (Indonesian by rule).
    "content_links.py": "staff messages of `zi check`, not visitor text",
}
# (module, literal) -> why it stays in Python.
ALLOWED = {
    ("plan.py", "Keputusan dan Lampiran {}"): "navigation and page title of the plan page (a label)",
    (
        "plan.py",
        "{} Nomor {} Tahun {} tentang {}",
    ): "schema.org Legislation name in the JSON-LD (metadata, not page text)",
    ("perhatian.py", "Terlambat dan belum dilaporkan"): "navigation label and page title of the list page (a label)",
    ("sebar.py", "Tautkan situs ini"): "navigation label and page title of the snippets page (a label)",
    ("home.py", "Whistle Blowing System (WBS)"): "name of a reporting channel (a label)",
    ("home.py", "Gratifikasi ke KPK"): "name of a reporting channel (a label)",
    (
        "views.py",
        "[judul area tidak terbaca pada sumber]",
    ): "the lost area heading: also the area's navigation title, which pages/__init__.py builds in Python",
    ("views.py", "{} (klasifikasi situs: {})"): "same: navigation title of an area whose heading was lost",
    (
        "contoh.py",
        "{}: angka pada halaman ini bukan data resmi {}. {}",
    ): "page meta description; tandai_halaman is called from pages/__init__.py without the template environment",
}


def modules() -> list[Path]:
    return sorted(p for p in PAGES.rglob("*.py") if p.relative_to(PAGES).as_posix() not in NOT_YET)


def literals(tree: ast.AST) -> list[str]:
    """The module's string literals (f-strings whole, placeholders as {}), less docstrings and raise messages."""
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                skip.add(id(body[0].value))
        elif isinstance(node, ast.Raise):
            skip.update(id(n) for n in ast.walk(node))
        elif isinstance(node, ast.JoinedStr):
            skip.update(id(n) for n in node.values)
    out = []
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            out.append(node.value)
        elif isinstance(node, ast.JoinedStr):
            out.append("".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values))
    return out


def is_sentence(text: str) -> bool:
    return sum(bool(WORD.match(w)) for w in text.split()) >= 3


@pytest.mark.parametrize("path", modules(), ids=lambda p: p.relative_to(PAGES).as_posix())
def test_no_visitor_sentence_in_page_code(path):
    name = path.relative_to(PAGES).as_posix()
    found = [
        t for t in literals(ast.parse(path.read_text(encoding="utf-8"))) if is_sentence(t) and (name, t) not in ALLOWED
    ]
    assert found == [], f"{name}: move these sentences into a template in theme/zi/"


def test_every_allowed_literal_still_exists():
    present = {(p.relative_to(PAGES).as_posix(), t) for p in modules() for t in literals(ast.parse(p.read_text()))}
    assert set(ALLOWED) - present == set()


def test_the_check_sees_a_sentence_in_an_f_string_but_not_labels_docstrings_or_errors():
    tree = ast.parse(
        '"""Doc string of three words."""\n'
        'x = f"Per {t}, {k} dari semua baris selesai."\n'
        'y = "Belum dilaporkan"\n'
        'z = \'class="zi-grafik" id="a"\'\n'
        'raise ValueError("penanda ini tidak dikenal")\n'
    )
    assert [t for t in literals(tree) if is_sentence(t)] == ["Per {}, {} dari semua baris selesai."]

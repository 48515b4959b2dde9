"""Data text reaches the reader exactly as written: escaped once, never dropped.

Both data folders get ' " & < > on every free-text field (and a note on the first,
not the latest, period of every recap), the real `zi build` runs once per folder, and
each page is decoded the way a browser does (html.parser with character references
converted). An entity left in the decoded text ("Jum&#x27;at", "A &amp; B") means the
text was escaped twice; a missing note means it was accepted and then dropped.
"""

from __future__ import annotations

import html.parser
import re
import shutil
from pathlib import Path

import pytest
import yaml

from generator.load.yaml_source import ZiLoader
from tests.conftest import DATA, html_pages, page_text, zi
from tests.site.test_hostile_text import KOLOM_KEYS, TEXT_KEYS

pytestmark = pytest.mark.slow  # heavy: left out of `make test-fast`

TAIL = 'Jum\'at "kutip" A & B <c> 5 > 3'
RECAPS = ("pengaduan", "wbs", "benturan-kepentingan", "survei", "gratifikasi")
ENTITY = re.compile(r"&(?:#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z]{2,8});")


TEXT = TEXT_KEYS | {"catatan_sumber", "instansi"}


def _tail(value, marks, key=None, parent=None):
    """Every free text gets the tail and its own mark (K0001Q, ...) to find it on the pages."""
    if isinstance(value, dict):
        return {k: (v if key == "kolom" and k not in KOLOM_KEYS else _tail(v, marks, k, key)) for k, v in value.items()}
    if isinstance(value, list):
        return [_tail(v, marks, key, parent) for v in value]
    if isinstance(value, str) and (key in TEXT or parent == "kolom") and not (key == "kontak" and parent != "kanal"):
        mark = f"K{len(marks):04d}Q"
        marks[mark] = key
        return f"{value} {TAIL} {mark}"
    return value


def _build(base: Path, name: str) -> tuple[Path, dict[str, str], dict[str, str]]:
    plans = base / name / "plans"
    shutil.copytree(DATA[name], plans)
    notes, marks = {}, {}
    for file in sorted(plans.rglob("*.yaml")):
        data = yaml.load(file.read_text(encoding="utf-8"), Loader=ZiLoader)
        if file.stem in RECAPS and data.get("rekap"):
            first = data["rekap"][0]
            first["catatan"] = f"Catatan {file.stem} {first['periode']}"
            notes[file.stem] = first["periode"]
        file.write_text(
            yaml.safe_dump(_tail(data, marks), allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8"
        )
    site = base / name / "situs"
    result = zi("build", "--plans", str(plans), "--site-dir", str(site))
    assert result.returncode == 0, result.stderr
    return site, notes, marks


@pytest.fixture(scope="module")
def tailed_sites(tmp_path_factory) -> dict[str, tuple[Path, dict[str, str], dict[str, str]]]:
    base = tmp_path_factory.mktemp("sekali")
    return {name: _build(base, name) for name in DATA}


class _Decoded(html.parser.HTMLParser):
    """Every text node and attribute value, as a browser would show or read it.

    Not the text of ``<pre>``: HTML source shown to be copied ("Tautkan situs ini") shows its entities on purpose.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "pre"):
            self._skip += 1
        self.texts.extend(v for _, v in attrs if v)

    def handle_endtag(self, tag):
        if tag in ("script", "style", "pre") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.texts.append(data)


@pytest.mark.parametrize("name", list(DATA))
def test_text_is_escaped_once(tailed_sites, name):
    site, _, _ = tailed_sites[name]
    pages = html_pages(site)
    twice = {}
    shown = 0
    for page in pages:
        parser = _Decoded()
        parser.feed(page.read_text(encoding="utf-8"))
        left = sorted({m.group(0) for t in parser.texts for m in ENTITY.finditer(t)})
        if left:
            twice[page.relative_to(site).as_posix()] = left
        shown += page_text(page).count(TAIL)
    assert not twice, f"teks di-escape dua kali (entitas terlihat pembaca): {twice}"
    assert shown > 50, shown  # the decree, the annex, progress notes, recaps: all carry the text
    for rel in ("index.html", f"{next(p for p in sorted(site.iterdir()) if p.name.isdigit()).name}/index.html"):
        assert TAIL in page_text(site / rel), rel


class _Rows(html.parser.HTMLParser):
    """Text of each table row and list item (the period and what is said next to it)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[str] = []
        self._open: list[list[str]] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("tr", "li", "p"):
            self._open.append([])

    def handle_endtag(self, tag):
        if tag in ("tr", "li", "p") and self._open:
            self.rows.append(" ".join("".join(self._open.pop()).split()))

    def handle_data(self, data):
        for part in self._open:
            part.append(data)


@pytest.mark.parametrize("name", list(DATA))
def test_every_recap_note_is_shown_next_to_its_period(tailed_sites, name):
    site, notes, _ = tailed_sites[name]
    assert notes
    for jenis, periode in notes.items():
        page = next(site.glob(f"*/{jenis}/index.html"))
        parser = _Rows()
        parser.feed(page.read_text(encoding="utf-8"))
        label = periode.rsplit(" ", 1)[0]  # "Januari 2024" is written "Januari" in a year's table
        note = f"Catatan {jenis} {periode} {TAIL}"
        assert any(label in row and note in row for row in parser.rows), f"{jenis}: catatan {periode} tidak tampil"


def test_unit_location_and_parent_are_shown(tailed_sites):
    for name, (site, _, _) in tailed_sites.items():
        text = page_text(site / "kanal-pengaduan" / "index.html")
        satker = yaml.safe_load((DATA[name] / "satker.yaml").read_text(encoding="utf-8"))
        assert f"Instansi induk: {satker['induk']} {TAIL}" in text, name
        assert f"{satker['kota']} {TAIL}" in text, name


@pytest.mark.parametrize("name", list(DATA))
def test_no_accepted_text_is_dropped(tailed_sites, name):
    """Each free text of the data (a mark per value) is on at least one page: accepted means shown."""
    site, _, marks = tailed_sites[name]
    shown = " ".join(page_text(p) for p in html_pages(site))
    dropped = sorted({key for mark, key in marks.items() if f"{TAIL} {mark}" not in shown})
    assert len(marks) > 100, len(marks)
    assert not dropped, f"teks diterima tetapi tidak tampil di halaman mana pun: {dropped}"

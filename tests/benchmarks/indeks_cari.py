"""What the search index of a built site holds, and how much of its text is indexed twice.

Material's lunr index (``search/search_index.json``) has one entry per page and per section
(``location`` = page path, ``#anchor``). Entries are not compared whole: the plan page indexes an area's
whole table as one section while the area page indexes each row as its own section, with cell text joined
differently. So the text of each entry is normalised (tags dropped, entities decoded, lower case, only
letters and digits kept) and cut into overlapping passages of ``K`` characters; a passage is an anchor
when its CRC-32 is divisible by ``SAMPLE`` (content-defined sampling, so the same passage is an anchor
wherever it occurs). A character counts as repeated when an anchor passage covering it occurs on another
page; as an action row indexed twice when that other page is the same year's plan page (for an area page)
or one of the year's area pages (for the plan page). Shares are of all normalised characters of the index.

Pagefind's index (``pagefind/``, generator/rampung/cari.py) is read the same way, one entry per page: each
result fragment (``fragment/*.pf_fragment``, gzip of ``pagefind_dcd`` + JSON) holds the page's indexed text.
Its ``gzip`` is every index file (meta, word chunks, fragments; not the code: pagefind.js, worker, wasm),
and ``gzip_kueri_maks`` the most one query word can fetch: the meta, the largest word chunk and the
``TAMPIL`` largest fragments (the search dialog shows that many results). For Pagefind
``aksi_lebih_persen`` is exact rather than sampled: the share of index text that is an action row's
text (its action cell, ``MIN_CHARS`` or longer) on a page other than its own area page(s), and
``baris_ganda`` the number of such rows (tests/site/test_cari.py requires 0).
"""

from __future__ import annotations

import gzip
import html
import json
import re
import zlib
from pathlib import Path

from generator.jenis import daftar

K = 40
SAMPLE = 4
INDEX = "search/search_index.json"
PAGEFIND = "pagefind"
# Shorter action texts ("Sosialisasi", "Rapat") may rightly occur in other pages' own text.
MIN_CHARS = 30
TAMPIL = 5  # results the search dialog shows at once (theme/assets/zi/aksesibilitas.js CARI_TAMPIL)
_TAG = re.compile(r"<[^>]+>")
_YEAR = re.compile(r"^(\d{4})/$")
_AREA = re.compile(r"^(\d{4})/([^/]+)/$")
_NOT_AREA = {"perlu-perhatian"}


def normalise(text: str) -> str:
    text = html.unescape(_TAG.sub(" ", text)).lower()
    return "".join(ch for ch in text if ch.isalnum())


def page_kind(page: str, site: Path, kinds: set[str]) -> tuple[str, str]:
    """('rencana', year), ('area', year) or ('lain', '') for an index location's page path."""
    if m := _YEAR.match(page):
        return "rencana", m.group(1)
    if (m := _AREA.match(page)) and m.group(2) not in kinds | _NOT_AREA and (site / page).is_dir():
        return "area", m.group(1)
    return "lain", ""


_TABLE = re.compile(r'<table class="zi-aksi">(.*?)</table>', re.S)
_ROW = re.compile(r'<tr id="([^"]+)"[^>]*>\s*<th scope="row"[^>]*>(.*?)</th>', re.S)
_ANCHOR = re.compile(r'<a class="zi-anchor".*?</a>', re.S)


def action_rows(site) -> dict[str, tuple[str, str]]:
    """Each action row of the area pages: "URL#row id" -> (area page URL, normalised text of its action cell).
    Keyed by page too: a unit's plans of different years may reuse the row ids."""
    rows = {}
    for page in sorted(site.glob("[0-9][0-9][0-9][0-9]/*/index.html")):
        text = page.read_text(encoding="utf-8")
        url = "/" + page.parent.relative_to(site).as_posix() + "/"
        for table in _TABLE.findall(text):
            for row_id, cell in _ROW.findall(table):
                rows[url + "#" + row_id] = (url, normalise(html.unescape(_TAG.sub(" ", _ANCHOR.sub("", cell)))))
    return rows


def fragments(site: Path) -> list[dict]:
    """Pagefind's result fragments of ``site``: url, content, meta, ... (one per indexed page)."""
    out = []
    for path in sorted((site / PAGEFIND / "fragment").glob("*.pf_fragment")):
        body = gzip.decompress(path.read_bytes())
        out.append(json.loads(body[body.index(b"{") :]))
    return out


def sections(fragment: dict) -> list[tuple[str, str, str]]:
    """A fragment's text cut at its headings: (heading id, heading text, text after it up to the next
    heading); any text before the first heading comes under ("", ""). Pagefind's anchor ``location``
    counts whitespace-separated words of ``content``."""
    words = fragment.get("content", "").split()
    cuts = [
        (a["location"], a["id"], a["text"])
        for a in fragment.get("anchors", [])
        if re.fullmatch(r"h[1-6]", a["element"])
    ]
    starts = cuts if cuts and cuts[0][0] == 0 else [(0, "", ""), *cuts]
    ends = [s for s, _, _ in starts[1:]] + [len(words)]
    return [
        (anchor, title, " ".join(words[s + len(title.split()) : e]))
        for (s, anchor, title), e in zip(starts, ends, strict=True)
    ]


def _wire(raw: bytes) -> int:
    return len(raw) if raw[:2] == b"\x1f\x8b" else len(gzip.compress(raw, 6, mtime=0))


def analisis(site: Path) -> dict:
    if (site / PAGEFIND / "pagefind.js").is_file():
        return _pagefind(site)
    path = site / INDEX
    if not path.is_file():
        return {"berkas": INDEX, "ada": False}
    raw = path.read_bytes()
    docs = json.loads(raw)["docs"]
    pages = [d["location"].split("#", 1)[0] for d in docs]
    texts = [normalise(d.get("title", "") + " " + d.get("text", "")) for d in docs]
    return {
        "berkas": INDEX,
        "ada": True,
        "mentah": len(raw),
        "gzip": len(gzip.compress(raw, 6, mtime=0)),
        "entri": len(docs),
        **_shares(site, pages, texts),
    }


def _pagefind(site: Path) -> dict:
    folder = site / PAGEFIND
    files = sorted(p for p in folder.rglob("*") if p.suffix in {".pf_meta", ".pf_index", ".pf_fragment"})
    sizes = {p: _wire(p.read_bytes()) for p in files}
    frags = fragments(site)
    pages = [f["url"].lstrip("/") for f in frags]
    texts = [normalise(f.get("meta", {}).get("title", "") + " " + f.get("content", "")) for f in frags]
    largest = sorted((n for p, n in sizes.items() if p.suffix == ".pf_fragment"), reverse=True)[:TAMPIL]
    return {
        "berkas": PAGEFIND + "/",
        "ada": True,
        "mentah": sum(p.stat().st_size for p in files),
        "gzip": sum(sizes.values()),
        "gzip_kueri_maks": sum(n for p, n in sizes.items() if p.suffix == ".pf_meta")
        + max((n for p, n in sizes.items() if p.suffix == ".pf_index"), default=0)
        + sum(largest),
        "entri": len(frags),
        **_shares(site, pages, texts),
        # Exact, not sampled: action-row text indexed on a page other than the row's own area page(s).
        **_rows_elsewhere(site, frags, sum(len(x) for x in texts)),
    }


def _rows_elsewhere(site: Path, frags: list[dict], total: int) -> dict:
    indexed = {f["url"]: normalise(f.get("content", "")) for f in frags}
    homes: dict[str, set[str]] = {}
    for url, text in action_rows(site).values():
        homes.setdefault(text, set()).add(url)
    extra = rows = 0
    for text, own in homes.items():
        if len(text) < MIN_CHARS:
            continue
        elsewhere = sum(1 for url, body in indexed.items() if url not in own and text in body)
        extra += elsewhere * len(text)
        rows += bool(elsewhere)
    return {"aksi_lebih_persen": round(100 * extra / total, 1) if total else 0.0, "baris_ganda": rows}


def _shares(site: Path, pages: list[str], texts: list[str]) -> dict:
    kinds = {j.jenis for j in daftar()}
    kind = {p: page_kind(p, site, kinds) for p in set(pages)}
    where: dict[int, set[str]] = {}
    anchors: list[list[tuple[int, int]]] = []
    for page, text in zip(pages, texts, strict=True):
        own = []
        for i in range(len(text) - K + 1):
            h = zlib.crc32(text[i : i + K].encode())
            if h % SAMPLE == 0:
                own.append((i, h))
                where.setdefault(h, set()).add(page)
        anchors.append(own)
    total = repeated = twice = twice_area = 0
    for page, text, own in zip(pages, texts, anchors, strict=True):
        k, year = kind[page]
        dup, act = bytearray(len(text)), bytearray(len(text))
        for i, h in own:
            others = where[h] - {page}
            if not others:
                continue
            dup[i : i + K] = b"\1" * K
            if k != "lain" and any(kind[o] == ("area" if k == "rencana" else "rencana", year) for o in others):
                act[i : i + K] = b"\1" * K
        total += len(text)
        repeated += sum(dup)
        twice += sum(act)
        if k == "area":
            twice_area += sum(act)

    def share(n: int) -> float:
        return round(100 * n / total, 1) if total else 0.0

    return {
        "halaman": len(set(pages)),
        "teks": total,
        "ganda_persen": share(repeated),
        "aksi_ganda_persen": share(twice),
        "aksi_lebih_persen": share(twice_area),
    }

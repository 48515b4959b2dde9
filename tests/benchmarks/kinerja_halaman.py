"""Page side of the performance benchmark (issue 15): page weight in Chromium, the search index, Lighthouse.

Not part of the test run (no ``test_`` in its name). Run from the repository root:

    PYTHONPATH=$PWD python tests/benchmarks/kinerja_halaman.py                      # builds plans/ first
    PYTHONPATH=$PWD python tests/benchmarks/kinerja_halaman.py --plans plans --plans tests/fixtures/wonosobo
    PYTHONPATH=$PWD python tests/benchmarks/kinerja_halaman.py --site-dir /tmp/sepuluh-tahun --hanya indeks
    ... --hanya berat,indeks,lighthouse  --ulang 3  --halaman beranda,rencana  --json laporan.json

Without ``--site-dir`` each ``--plans`` folder (default ``plans``) is built with ``python -m generator build``
into a temporary folder. Page types (``--halaman``, from the built files, tests/browser/page_types.py):
beranda, rencana, area, rekap (``gratifikasi`` if present, else the first recap kind), dokumen,
data-terbuka; or any type name page_types gives; ``semua`` = all of them but 404.

Steps:

- ``berat``: each page in Debian's Chromium (Playwright, the flags of tests/conftest.py, a fresh context per
  page, HTTP cache disabled by CDP, viewport 412×823 like Lighthouse's phone), served by the plain server of
  tests/benchmarks/pelayan.py, until network idle; every request is counted. Then the search is opened
  (the header's search button, "gratifikasi" typed) and the requests it makes are recorded.
- ``indeks``: tests/benchmarks/indeks_cari.py.
- ``lighthouse``: npm ``lighthouse@12.8.2`` (the last line that runs on Node 20; 13.x needs Node ≥ 22.19),
  installed on demand into ``~/.cache/laman-zi/bench/lighthouse`` (never into the repository), run with
  ``CHROME_PATH=/usr/bin/chromium``, mobile form factor (its default, simulated throttling), categories
  performance, accessibility, best-practices, seo; ``--ulang`` runs (default 3) per page type and server,
  alternating servers and pages (A B A B ...); the median of each figure is reported.

JSON report (``--json FILE``); ``ukur(args)`` returns the same dict:

=====================================================  =====================================================
field                                                  meaning
=====================================================  =====================================================
``versi``                                              format of this report (1)
``alat``                                               ``python``, ``playwright``, ``chromium``, ``node``,
                                                       ``lighthouse`` versions (null when not used)
``ulang``                                              Lighthouse runs per page type and server
``situs[]``                                            one per site measured
``situs[].nama`` / ``.folder``                         ``--plans`` folder or site folder name / built site
``situs[].tahun``                                      number of year folders in the site
``situs[].halaman``                                    page type -> URL path measured (relative to the root)
``situs[].berat.<jenis>.permintaan``                   requests until network idle (document included)
``.berat.<jenis>.mentah`` / ``.gzip``                  bytes of all response bodies as sent / each body
                                                       gzipped at level 6, summed
``.berat.<jenis>.per_jenis.<type>``                    ``{jumlah, mentah, gzip}`` per Chromium resource type
                                                       (document, stylesheet, script, xhr, fetch, font,
                                                       image, other)
``.berat.<jenis>.pihak_ketiga``                        list of request URLs to a host other than 127.0.0.1
``.berat.<jenis>.blokir_render``                       URLs of render-blocking resources in ``<head>``
                                                       (stylesheets not ``media=print``, scripts with ``src``
                                                       and without ``async``/``defer``/``type=module``)
``.berat.<jenis>.blokir_render_peramban``              resources Chromium itself marks
                                                       ``renderBlockingStatus == "blocking"``
``.berat.<jenis>.skrip_sinkron_body``                  parser-blocking external scripts in ``<body>``
``.berat.<jenis>.indeks_saat_buka``                    search-index requests (``search/search_index.json``
                                                       or under ``pagefind/``) before search is opened
``.berat.<jenis>.cari``                                after opening search: ``{dibuka, permintaan, gzip,
                                                       indeks}`` (``dibuka`` false: no search button found)
``.berat.<jenis>.sumber[]``                            every request: ``url``, ``jenis``, ``status``,
                                                       ``mentah``, ``gzip``
``situs[].indeks``                                     ``{berkas, ada, mentah, gzip, entri, halaman, teks,
                                                       ganda_persen, aksi_ganda_persen, aksi_lebih_persen}``:
                                                       see indeks_cari.py (``teks``: normalised characters;
                                                       ``ganda``: repeated on another page; ``aksi_ganda``:
                                                       shared by a plan page and its area pages, both copies;
                                                       ``aksi_lebih``: the area pages' copies only, what
                                                       indexing each row once would save)
``situs[].lighthouse.<pelayan>.<jenis>``               ``pelayan``: ``polos`` or ``disarankan`` (pelayan.py)
``....skor``                                           median score 0-100 per category (``performance``,
                                                       ``accessibility``, ``best-practices``, ``seo``)
``....rentang``                                        ``[min, max]`` of each score over the runs
``....metrik``                                         median ms (``cls`` unitless, ``byte`` bytes): ``fcp``,
                                                       ``lcp``, ``tbt``, ``si``, ``tti``, ``cls``, ``byte``
                                                       (Lighthouse total-byte-weight)
``....audit_gagal``                                    accessibility/best-practices/seo audits scored < 1 in
                                                       any run
``....galat``                                          error text of failed runs (empty when all ran)
``lighthouse_galat``                                   why Lighthouse could not run at all, else null
``anggaran[]``                                         ``{nama, nilai, op, batas, lulus}``: the BUDGET lines
=====================================================  =====================================================
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import html.parser
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path
from urllib.parse import urljoin, urlparse

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from generator.jenis import daftar  # noqa: E402
from tests.benchmarks import indeks_cari  # noqa: E402
from tests.benchmarks.pelayan import Pelayan  # noqa: E402
from tests.browser.page_types import page_types  # noqa: E402
from tests.conftest import CHROMIUM, CHROMIUM_FLAGS  # noqa: E402  (the same Chromium as the browser tests)

VIEWPORT = {"width": 412, "height": 823}
LIGHTHOUSE = "12.8.2"
LIGHTHOUSE_NODE = (18, 20)
LIGHTHOUSE_TIMEOUT = 300  # s per run
LIGHTHOUSE_DIR = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "laman-zi" / "bench" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = {
    "fcp": "first-contentful-paint",
    "lcp": "largest-contentful-paint",
    "tbt": "total-blocking-time",
    "si": "speed-index",
    "tti": "interactive",
    "cls": "cumulative-layout-shift",
    "byte": "total-byte-weight",
}
DEFAULT_TYPES = ("beranda", "rencana", "area", "rekap", "dokumen", "data-terbuka")
STEPS = ("berat", "indeks", "lighthouse")
SEARCH_QUERY = "gratifikasi"
# Our theme's search button (theme/partials/header.html), Material's own, any labelled search button.
SEARCH_BUTTON = '.zi-tombol-cari, label[for="__search"], button[aria-label*="cari" i]'
KB = 1024
# Budgets of issue 15.
BUDGET_GZIP_KB = 60
BUDGET_REQUESTS = 8
BUDGET_INDEX_KB = 60
BUDGET_ROWS_TWICE = 5.0  # % of index text; passages shared by chance (headings, dates) are not rows
BUDGET_LH = {"disarankan": {"performance": 95, "accessibility": 100}, "polos": {"performance": 90}}


# --- sites and page types -------------------------------------------------------------------------


def build(plans: Path, out: Path) -> Path:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(REPO)}
    cmd = [sys.executable, "-m", "generator", "build", "--plans", str(plans), "--site-dir", str(out)]
    done = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True, timeout=900)
    if done.returncode != 0:
        raise SystemExit(f"zi build {plans} gagal:\n{done.stdout}\n{done.stderr}")
    return out


def choose_types(site: Path, wanted: list[str]) -> dict[str, str]:
    every = page_types(site)
    every.pop("404", None)
    kinds = [j.jenis for j in daftar() if j.jenis in every]
    chosen: dict[str, str] = {}
    for name in wanted:
        if name == "semua":
            chosen |= every
        elif name == "rekap":
            kind = "gratifikasi" if "gratifikasi" in kinds else (kinds[0] if kinds else None)
            if kind:
                chosen["rekap"] = every[kind]
        elif name in every:
            chosen[name] = every[name]
    return chosen


def years(site: Path) -> int:
    return sum(1 for p in site.iterdir() if p.is_dir() and p.name.isdigit() and len(p.name) == 4)


# --- page weight ----------------------------------------------------------------------------------


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 6, mtime=0))


class _Head(html.parser.HTMLParser):
    """Render-blocking resources in <head> and parser-blocking external scripts in <body>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.in_body = False
        self.head: list[str] = []
        self.body_sync = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "body":
            self.in_body = True
        sync_script = tag == "script" and a.get("src") and not {"async", "defer"} & a.keys()
        sync_script = sync_script and a.get("type", "text/javascript") in (
            "",
            "text/javascript",
            "application/javascript",
        )
        sheet = tag == "link" and "stylesheet" in a.get("rel", "").split() and a.get("media", "all") != "print"
        if not self.in_body and (sheet or sync_script):
            self.head.append(a.get("href") or a.get("src") or "")
        elif self.in_body and sync_script:
            self.body_sync += 1


def is_search(url: str) -> bool:
    path = urlparse(url).path
    return path.endswith("/" + indeks_cari.INDEX) or "/pagefind/" in path


def _settle(page: object, inflight: list[int], quiet_ms: int = 500, limit_s: float = 10.0) -> None:
    """Wait until no request has been in flight for quiet_ms (at most limit_s)."""
    end, calm = time.monotonic() + limit_s, 0
    while time.monotonic() < end and calm < quiet_ms:
        page.wait_for_timeout(100)  # type: ignore[attr-defined]
        calm = calm + 100 if inflight[0] == 0 else 0


def weigh(browser: object, base: str, path: str) -> dict:
    context = browser.new_context(viewport=VIEWPORT)  # type: ignore[attr-defined]
    done: list = []
    inflight = [0]

    def started(_r: object) -> None:
        inflight[0] += 1

    def finished(r: object) -> None:
        inflight[0] -= 1
        done.append(r)

    def failed(r: object) -> None:
        inflight[0] -= 1
        done.append(r)

    context.on("request", started)
    context.on("requestfinished", finished)
    context.on("requestfailed", failed)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    url = urljoin(base, path)
    page.goto(url, wait_until="networkidle")
    _settle(page, inflight)
    blocking_browser = page.evaluate(
        "performance.getEntriesByType('resource').filter(e => e.renderBlockingStatus === 'blocking').length"
    )
    on_load = list(done)
    seen = {id(r) for r in on_load}
    opened = False
    button = page.locator(SEARCH_BUTTON).filter(visible=True).first
    if button.count():
        button.click()
        opened = True
    box = page.locator('input[name="query"], input[type="search"]').filter(visible=True).first
    if box.count():
        box.fill(SEARCH_QUERY)
        opened = True
    _settle(page, inflight)
    after = [r for r in done if id(r) not in seen]
    rows = [_row(r) for r in on_load]
    search_rows = [_row(r) for r in after]
    context.close()
    parser = _Head()
    parser.feed(next((r["body"] for r in rows if r["jenis"] == "document"), b"").decode("utf-8", "replace"))
    per_type: dict[str, dict[str, int]] = {}
    for r in rows:
        t = per_type.setdefault(r["jenis"], {"jumlah": 0, "mentah": 0, "gzip": 0})
        t["jumlah"] += 1
        t["mentah"] += r["mentah"]
        t["gzip"] += r["gzip"]
    for r in (*rows, *search_rows):
        del r["body"]
    return {
        "permintaan": len(rows),
        "mentah": sum(r["mentah"] for r in rows),
        "gzip": sum(r["gzip"] for r in rows),
        "per_jenis": dict(sorted(per_type.items())),
        "pihak_ketiga": [r["url"] for r in (*rows, *search_rows) if urlparse(r["url"]).hostname != "127.0.0.1"],
        "blokir_render": parser.head,
        "blokir_render_peramban": blocking_browser,
        "skrip_sinkron_body": parser.body_sync,
        "indeks_saat_buka": sum(1 for r in rows if is_search(r["url"])),
        "cari": {
            "dibuka": opened,
            "permintaan": len(search_rows),
            "gzip": sum(r["gzip"] for r in search_rows),
            "indeks": sum(1 for r in search_rows if is_search(r["url"])),
        },
        "sumber": rows,
    }


def _row(request: object) -> dict:
    r = request
    resp = r.response()  # type: ignore[attr-defined]
    body = b""
    if resp is not None:
        try:
            body = resp.body()
        except Exception:  # a redirect or an aborted request has no body
            body = b""
    return {
        "url": r.url,  # type: ignore[attr-defined]
        "jenis": r.resource_type,  # type: ignore[attr-defined]
        "status": resp.status if resp is not None else None,
        "mentah": len(body),
        "gzip": gz(body) if body else 0,
        "body": body,
    }


def page_weight(sites: list[dict]) -> str:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        for s in sites:
            server = Pelayan(Path(s["folder"]), "polos")
            try:
                s["berat"] = {name: weigh(browser, server.url, path) for name, path in s["halaman"].items()}
            finally:
                server.tutup()
        version = browser.version
        browser.close()
    return version


# --- Lighthouse -----------------------------------------------------------------------------------


def node_version() -> tuple[int, ...] | None:
    node = shutil.which("node")
    if not node:
        return None
    out = subprocess.run([node, "--version"], capture_output=True, text=True).stdout.strip().lstrip("v")
    return tuple(int(x) for x in out.split(".") if x.isdigit())


def lighthouse_bin() -> Path:
    """The pinned Lighthouse, installed into the cache folder on first use; RuntimeError when it cannot be."""
    node = node_version()
    if node is None:
        raise RuntimeError("node tidak ditemukan di PATH")
    if node[:2] < LIGHTHOUSE_NODE:
        raise RuntimeError(f"Lighthouse {LIGHTHOUSE} perlu Node >= 18.20, terpasang {'.'.join(map(str, node))}")
    binary = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
    pkg = LIGHTHOUSE_DIR / "node_modules" / "lighthouse" / "package.json"
    if not (binary.exists() and pkg.is_file() and json.loads(pkg.read_text())["version"] == LIGHTHOUSE):
        LIGHTHOUSE_DIR.mkdir(parents=True, exist_ok=True)
        cmd = ["npm", "install", "--prefix", str(LIGHTHOUSE_DIR), f"lighthouse@{LIGHTHOUSE}", "--no-audit", "--no-fund"]
        print("memasang:", " ".join(cmd), file=sys.stderr)
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
        if done.returncode != 0:
            raise RuntimeError(f"npm install lighthouse@{LIGHTHOUSE} gagal:\n{done.stderr[-2000:]}")
    return binary


def _end_group(pid: int) -> None:
    if pid > 0:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pid, signal.SIGKILL)


def lighthouse_once(binary: Path, url: str, out: Path) -> dict:
    """One Lighthouse run: ``{skor, metrik, gagal}`` or ``{galat}``."""
    # TMPDIR: chrome-launcher makes its profile there (mktemp -t lighthouse.XXX) and writes chrome.pid into it.
    tmp = Path(tempfile.mkdtemp(prefix="run-", dir=out.parent))
    try:
        return _lighthouse_run(binary, url, out, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _lighthouse_run(binary: Path, url: str, out: Path, tmp: Path) -> dict:
    flags = " ".join(["--headless=new", *CHROMIUM_FLAGS])
    cmd = [
        str(binary),
        url,
        "--output=json",
        f"--output-path={out}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={flags}",
        "--max-wait-for-load=60000",
        "--quiet",
    ]
    env = {**os.environ, "CHROME_PATH": CHROMIUM, "TMPDIR": str(tmp)}
    # Lighthouse in its own process group, Chromium (detached by chrome-launcher) in another: on a timeout
    # both groups are ended, found by their ids (Lighthouse's Popen pid, Chromium's chrome.pid).
    proc = subprocess.Popen(
        cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    try:
        stdout, stderr = proc.communicate(timeout=LIGHTHOUSE_TIMEOUT)
    except subprocess.TimeoutExpired:
        _end_group(proc.pid)
        for pid_file in tmp.glob("lighthouse.*/chrome.pid"):
            _end_group(int(pid_file.read_text().strip() or 0))
        proc.communicate()
        return {"galat": f"lighthouse {url}: lebih dari {LIGHTHOUSE_TIMEOUT} s, dihentikan"}
    if proc.returncode != 0 or not out.is_file():
        return {"galat": f"lighthouse {url}: exit {proc.returncode}: {(stderr or stdout)[-1500:]}"}
    lhr = json.loads(out.read_text())
    out.unlink()
    if lhr.get("runtimeError"):
        return {"galat": f"lighthouse {url}: {lhr['runtimeError'].get('code')}: {lhr['runtimeError'].get('message')}"}
    scores = {c: lhr["categories"][c]["score"] for c in CATEGORIES}
    if any(v is None for v in scores.values()):
        return {"galat": f"lighthouse {url}: skor kosong {scores}"}
    audits = lhr["audits"]
    failing = [
        ref["id"]
        for c in CATEGORIES[1:]
        for ref in lhr["categories"][c]["auditRefs"]
        if ref.get("weight", 0) > 0 and (audits[ref["id"]].get("score") is not None and audits[ref["id"]]["score"] < 1)
    ]
    return {
        "skor": {c: round(v * 100) for c, v in scores.items()},
        "metrik": {k: audits[a].get("numericValue") for k, a in METRICS.items()},
        "gagal": failing,
    }


def lighthouse(sites: list[dict], runs: int) -> str | None:
    """Fill situs[].lighthouse; return why Lighthouse could not run at all, or None."""
    try:
        binary = lighthouse_bin()
    except (RuntimeError, OSError, subprocess.TimeoutExpired) as e:
        return str(e)
    tmp = Path(tempfile.mkdtemp(prefix="zi-lh-"))
    try:
        for s in sites:
            servers = {k: Pelayan(Path(s["folder"]), k) for k in ("polos", "disarankan")}
            raw: dict[str, dict[str, list[dict]]] = {k: {t: [] for t in s["halaman"]} for k in servers}
            try:
                for n in range(runs):
                    for t, path in s["halaman"].items():
                        for k, server in servers.items():
                            print(f"lighthouse {s['nama']} {t} {k} {n + 1}/{runs}", file=sys.stderr, flush=True)
                            raw[k][t].append(lighthouse_once(binary, urljoin(server.url, path), tmp / "lhr.json"))
            finally:
                for server in servers.values():
                    server.tutup()
            s["lighthouse"] = {k: {t: _median(r) for t, r in per.items()} for k, per in raw.items()}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return None


def _median(results: list[dict]) -> dict:
    ok = [r for r in results if "skor" in r]
    out: dict = {"lari": len(ok), "galat": [r["galat"] for r in results if "galat" in r]}
    if not ok:
        return out
    out["skor"] = {c: statistics.median(r["skor"][c] for r in ok) for c in CATEGORIES}
    out["rentang"] = {c: [min(r["skor"][c] for r in ok), max(r["skor"][c] for r in ok)] for c in CATEGORIES}
    out["metrik"] = {
        k: statistics.median(v) if (v := [r["metrik"][k] for r in ok if r["metrik"][k] is not None]) else None
        for k in METRICS
    }
    out["audit_gagal"] = sorted({a for r in ok for a in r["gagal"]})
    return out


# --- budgets, table -------------------------------------------------------------------------------


def budgets(report: dict) -> list[dict]:
    lines = []

    def add(name: str, value: float, op: str, limit: float) -> None:
        ok = {"<=": value <= limit, ">=": value >= limit, "==": value == limit}[op]
        lines.append({"nama": name, "nilai": value, "op": op, "batas": limit, "lulus": ok})

    for s in report["situs"]:
        for t, w in s.get("berat", {}).items():
            add(f"berat gzip KB {s['nama']}/{t}", round(w["gzip"] / KB, 1), "<=", BUDGET_GZIP_KB)
            add(f"permintaan {s['nama']}/{t}", w["permintaan"], "<=", BUDGET_REQUESTS)
            add(f"pihak ketiga {s['nama']}/{t}", len(w["pihak_ketiga"]), "==", 0)
            add(f"indeks dimuat saat halaman dibuka {s['nama']}/{t}", w["indeks_saat_buka"], "==", 0)
        idx = s.get("indeks")
        if idx and idx.get("ada"):
            # Pagefind's index is fetched in parts: the budget is what one query can fetch (indeks_cari.py).
            size, what = (idx["gzip_kueri_maks"], "per kueri maks") if "gzip_kueri_maks" in idx else (idx["gzip"], "")
            label = f"indeks {what} gzip KB".replace("  ", " ")
            add(f"{label} {s['nama']} ({s['tahun']} tahun)", round(size / KB, 1), "<=", BUDGET_INDEX_KB)
            add(f"baris aksi terindeks dua kali % {s['nama']}", idx["aksi_lebih_persen"], "<=", BUDGET_ROWS_TWICE)
        for k, per in s.get("lighthouse", {}).items():
            for t, r in per.items():
                for c, limit in BUDGET_LH[k].items():
                    value = r["skor"][c] if "skor" in r else -1
                    add(f"lighthouse {c} {k} {s['nama']}/{t}", value, ">=", limit)
    return lines


def _table(head: tuple[str, ...], rows: list[tuple]) -> None:
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for r in rows:
        print("| " + " | ".join(str(x) for x in r) + " |")
    print()


def _kb(n: float | None) -> str:
    return "–" if n is None else f"{n / KB:.1f}"


def cetak(report: dict) -> None:
    weight_rows, index_rows, lh_rows = [], [], []
    for s in report["situs"]:
        for t, w in s.get("berat", {}).items():
            pt = w["per_jenis"]
            parts = " ".join(f"{k} {v['jumlah']}/{_kb(v['gzip'])}" for k, v in pt.items())
            c = w["cari"]
            search = f"{c['permintaan']} req, {_kb(c['gzip'])} KB" if c["dibuka"] else "no search button"
            weight_rows.append(
                (
                    s["nama"],
                    t,
                    w["permintaan"],
                    _kb(w["mentah"]),
                    _kb(w["gzip"]),
                    parts,
                    len(w["blokir_render"]),
                    w["blokir_render_peramban"],
                    w["skrip_sinkron_body"],
                    len(w["pihak_ketiga"]),
                    w["indeks_saat_buka"],
                    search,
                )
            )
        idx = s.get("indeks")
        if idx:
            if idx.get("ada"):
                index_rows.append(
                    (
                        s["nama"],
                        s["tahun"],
                        idx["entri"],
                        idx["halaman"],
                        _kb(idx["mentah"]),
                        _kb(idx["gzip"]),
                        idx["ganda_persen"],
                        idx["aksi_ganda_persen"],
                        idx["aksi_lebih_persen"],
                    )
                )
            else:
                index_rows.append((s["nama"], s["tahun"], f"no {idx['berkas']}", *("–",) * 6))
        for k, per in s.get("lighthouse", {}).items():
            for t, r in per.items():
                if "skor" not in r:
                    lh_rows.append((s["nama"], t, k, "error", *("–",) * 8))
                    continue
                sc, rg, m = r["skor"], r["rentang"], r["metrik"]

                def ms(key: str, m: dict = m) -> str:
                    return "–" if m[key] is None else f"{m[key] / 1000:.1f}"

                lh_rows.append(
                    (
                        s["nama"],
                        t,
                        k,
                        f"{sc['performance']:g} ({rg['performance'][0]}–{rg['performance'][1]})",
                        f"{sc['accessibility']:g}",
                        f"{sc['best-practices']:g}",
                        f"{sc['seo']:g}",
                        ms("fcp"),
                        ms("lcp"),
                        f"{m['tbt']:.0f}" if m["tbt"] is not None else "–",
                        ms("tti"),
                        _kb(m["byte"]),
                    )
                )
    if weight_rows:
        print("Page weight, first view in Chromium (plain server, cache off; KB = 1024 bytes; gzip level 6 per body)")
        head: tuple[str, ...] = ("site", "page", "requests", "raw KB", "gzip KB", "per type: n/gzip KB")
        head += ("blocking <head>", "blocking (Chromium)", "sync <body> scripts", "3rd party", "index on load")
        _table((*head, "on search"), weight_rows)
    if index_rows:
        print("Search index (aksi = text shared by a plan page and its area pages; lebih = the area pages' copies)")
        head = ("site", "years", "entries", "pages", "raw KB", "gzip KB", "repeated %", "aksi twice %", "aksi lebih %")
        _table(head, index_rows)
    if lh_rows:
        print(f"Lighthouse {LIGHTHOUSE} mobile, median of {report['ulang']} (min–max); FCP/LCP/TTI s, TBT ms")
        head = ("site", "page", "server", "performance", "a11y", "best pr.", "SEO", "FCP", "LCP", "TBT", "TTI", "KB")
        _table(head, lh_rows)
        for s in report["situs"]:
            for k, per in s.get("lighthouse", {}).items():
                for t, r in per.items():
                    if r.get("audit_gagal"):
                        print(f"audits < 1 {s['nama']}/{t} {k}: {', '.join(r['audit_gagal'])}")
                    for e in r.get("galat", []):
                        print(f"error {s['nama']}/{t} {k}: {e}")
    if report.get("lighthouse_galat"):
        print(f"Lighthouse did not run: {report['lighthouse_galat']}")
    for b in report["anggaran"]:
        print(f"BUDGET {b['nama']}: {b['nilai']:g} {b['op']} {b['batas']:g} {'PASS' if b['lulus'] else 'FAIL'}")


# --- entry points ---------------------------------------------------------------------------------


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--site-dir", action="append", type=Path, default=[], help="a built site (repeatable)")
    p.add_argument("--plans", action="append", type=Path, default=[], help="data folder to build (default plans)")
    p.add_argument("--hanya", default=",".join(STEPS), help=f"steps, comma-separated: {','.join(STEPS)}")
    p.add_argument("--halaman", default=",".join(DEFAULT_TYPES), help="page types, comma-separated, or semua")
    p.add_argument("--ulang", type=int, default=3, help="Lighthouse runs per page type and server")
    p.add_argument("--json", type=Path, help="write the report here")
    return p


def ukur(args: argparse.Namespace) -> dict:
    steps = [x.strip() for x in args.hanya.split(",") if x.strip()]
    unknown = set(steps) - set(STEPS)
    if unknown:
        raise SystemExit(f"--hanya: langkah tidak dikenal: {', '.join(sorted(unknown))} (pilihan: {', '.join(STEPS)})")
    wanted = [x.strip() for x in args.halaman.split(",") if x.strip()]
    plans = args.plans or ([] if args.site_dir else [Path("plans")])
    tmp = Path(tempfile.mkdtemp(prefix="zi-kinerja-halaman-"))
    report: dict = {
        "versi": 1,
        "alat": {"python": platform.python_version(), "playwright": None, "chromium": None, "node": None},
        "ulang": args.ulang,
        "situs": [],
        "lighthouse_galat": None,
    }
    try:
        folders = [(d.name, d) for d in args.site_dir]
        for i, pl in enumerate(plans):
            print(f"zi build --plans {pl}", file=sys.stderr, flush=True)
            folders.append((str(pl), build(REPO / pl if not pl.is_absolute() else pl, tmp / f"situs{i}")))
        for name, folder in folders:
            report["situs"].append(
                {"nama": name, "folder": str(folder), "tahun": years(folder), "halaman": choose_types(folder, wanted)}
            )
        if "berat" in steps:
            report["alat"]["playwright"] = metadata.version("playwright")
            report["alat"]["chromium"] = page_weight(report["situs"])
        if "indeks" in steps:
            for s in report["situs"]:
                s["indeks"] = indeks_cari.analisis(Path(s["folder"]))
        if "lighthouse" in steps:
            node = node_version()
            report["alat"]["node"] = ".".join(map(str, node)) if node else None
            report["alat"]["lighthouse"] = LIGHTHOUSE
            report["lighthouse_galat"] = lighthouse(report["situs"], args.ulang)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    report["anggaran"] = budgets(report)
    return report


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    report = ukur(args)
    cetak(report)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0 if all(b["lulus"] for b in report["anggaran"]) and not report["lighthouse_galat"] else 1


if __name__ == "__main__":
    sys.exit(main())

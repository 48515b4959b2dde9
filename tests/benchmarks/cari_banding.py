"""Site search compared: Material's lunr search against Pagefind, in Chromium, on Indonesian queries.

Run (a script, not a test; README "Pencarian")::

    PYTHONPATH=$PWD python tests/benchmarks/cari_banding.py --lunr gunungkidul=/tmp/gk-lunr \\
        --lunr wonosobo=/tmp/wo-lunr --lunr besar=/tmp/u10-lunr [--json cari.json]

Pagefind sites are built from the working tree (``zi build``; the 10-year unit from
tests/benchmarks/unit_besar.py) unless given with ``--pagefind NAME=DIR``. Lunr sites must be builds
of a commit that still has Material's ``search`` plugin (this tree has none).

For each engine and query, in a fresh browser context (cold cache): open the home page, open search,
type the query, wait for the result list, take the result pages in order. Recall is the share of the
query's expected pages among the first ``TOP`` result pages. Bytes are every search request's body as a
gzip-serving server would send it (Pagefind's index files are gzip already; other bodies are gzipped at
level 6): lunr's whole ``search_index.json`` and its worker, fetched on every page load; Pagefind's
``pagefind.js``, worker, wasm, entry, meta, and the index chunks and result fragments the query fetched,
none of it before search is opened.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import statistics
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from tests.benchmarks import indeks_cari, unit_besar  # noqa: E402
from tests.conftest import CHROMIUM, CHROMIUM_FLAGS  # noqa: E402

TOP = 10
# Query, expected page(s) (site paths). A page is expected when a person asking this would want it.
QUERIES: dict[str, list[tuple[str, list[str]]]] = {
    "gunungkidul": [
        ("adu", ["2024/pengaduan/"]),
        ("diadukan", ["2024/pengaduan/"]),
        ("pengaduan masyarakat", ["2024/pengaduan/", "kanal-pengaduan/"]),
        ("lapor", ["kanal-pengaduan/"]),
        ("gratifikasi", ["2024/gratifikasi/"]),
        ("benturan kepentingan", ["2024/benturan-kepentingan/"]),
        ("survei kepuasan", ["2024/survei/"]),
        ("penguatan pengawasan", ["2024/penguatan-pengawasan/"]),
        ("wbs", ["2024/wbs/"]),
        ("whistle blowing", ["2024/wbs/"]),
        ("pelaporan gratifikasi", ["2024/penguatan-pengawasan/"]),
        ("laporan tahunan penanganan gratifikasi", ["2024/penguatan-pengawasan/"]),
        ("Diagnosis", ["2024/penguatan-pengawasan/"]),
        ("narasumber sekretaris", ["2024/penguatan-pengawasan/"]),
        ("tim kerja", ["2024/manajemen-perubahan/"]),
        ("inovasi", ["2024/inovasi-pelayanan/"]),
        ("standar pelayanan", ["2024/peningkatan-kualitas-pelayanan-publik/"]),
        ("terlambat", ["2024/perlu-perhatian/"]),
        ("aksesibilitas", ["pernyataan-aksesibilitas/"]),
        ("unduh data", ["data-terbuka/"]),
    ],
    "wonosobo": [
        ("E-Perjadin", ["2026/manajemen-perubahan/"]),
        ("gratifikasi", ["2026/gratifikasi/"]),
        ("survei", ["2026/survei/"]),
        ("pengawasan", ["2026/penguatan-pengawasan/"]),
        ("sumber daya manusia", ["2026/penataan-sistem-manajemen-sdm/"]),
        ("adu", ["kanal-pengaduan/"]),
    ],
    "besar": [
        ("adu", ["2024/pengaduan/"]),
        ("gratifikasi", ["2024/gratifikasi/"]),
        ("Diagnosis", ["2024/penguatan-pengawasan/"]),
        ("whistle blowing", ["2024/wbs/"]),
    ],
}
DATA = {"gunungkidul": REPO / "plans", "wonosobo": REPO / "tests" / "fixtures" / "wonosobo"}
BUDGET_KUERI = 60_000  # bytes of index (not code) a query of the 10-year unit may fetch


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def serve(site: Path) -> tuple[str, ThreadingHTTPServer]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}/", server


def wire(body: bytes) -> int:
    """Bytes on the wire from a gzip-serving server (Pagefind's own files are gzip already)."""
    return len(body) if body[:2] == b"\x1f\x8b" else len(gzip.compress(body, 6, mtime=0))


def engine_of(site: Path) -> str:
    if (site / "pagefind" / "pagefind.js").is_file():
        return "pagefind"
    if (site / "search" / "search_index.json").is_file():
        return "lunr"
    raise SystemExit(f"{site}: no search index")


def _page(base: str, href: str) -> str:
    path = urlsplit(href).path
    root = urlsplit(base).path
    return path[len(root) :] if path.startswith(root) else path.lstrip("/")


def run_query(browser, base: str, engine: str, query: str) -> dict:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="id-ID")
    page = context.new_page()
    bodies: dict[str, int] = {}
    before: list[str] = []
    opened = False

    def on_response(response) -> None:
        url = response.url
        if engine == "pagefind" and "/pagefind/" not in url:
            return
        if engine == "lunr" and "search" not in urlsplit(url).path:
            return
        try:
            bodies[url] = wire(response.body())
        except Exception:  # a redirect or an aborted request has no body
            return
        if not opened:
            before.append(url)

    page.on("response", on_response)
    try:
        page.goto(base, wait_until="load")
        if engine == "lunr":
            page.locator(".zi-tombol-cari").click()
            page.locator(".md-search-result__meta", has_text="Ketik untuk mulai pencarian").wait_for(timeout=20000)
            opened = True
            page.locator(".md-search__input").press_sequentially(query)
            page.wait_for_function(
                "() => /ditemukan|Tidak ada|No matching/i.test(document.querySelector('.md-search-result__meta').textContent)",
                timeout=20000,
            )
            page.wait_for_timeout(300)
            hrefs = page.eval_on_selector_all(
                ".md-search-result__item > a.md-search-result__link", "els => els.map(e => e.href)"
            )
        else:
            opened = True
            page.locator(".zi-tombol-cari").click()
            page.locator("#zi-cari-masukan").fill(query)
            page.wait_for_function(
                "() => /ditemukan|Tidak ada/.test(document.querySelector('.zi-cari__status').textContent)",
                timeout=20000,
            )
            hrefs = page.eval_on_selector_all(".zi-cari__halaman > a", "els => els.map(e => e.href)")
        pages: list[str] = []
        for h in hrefs:
            p = _page(base, h)
            if p not in pages:
                pages.append(p)
        return {"halaman": pages, "byte": sum(bodies.values()), "permintaan": len(bodies), "sebelum_buka": before}
    finally:
        context.close()


def measure(name: str, site: Path, browser) -> dict:
    engine = engine_of(site)
    base, server = serve(site)
    try:
        rows = []
        for query, expected in QUERIES[name]:
            r = run_query(browser, base, engine, query)
            top = r["halaman"][:TOP]
            found = [e for e in expected if e in top]
            rank = min((top.index(e) + 1 for e in found), default=None)
            rows.append(
                {
                    "kueri": query,
                    "harap": expected,
                    "temu": found,
                    "peringkat": rank,
                    **r,
                    "halaman": r["halaman"][:TOP],
                }
            )
    finally:
        server.shutdown()
    recall = statistics.mean(len(r["temu"]) / len(r["harap"]) for r in rows)
    return {
        "situs": name,
        "mesin": engine,
        "folder": str(site),
        "recall": round(recall, 3),
        "byte_median": statistics.median(r["byte"] for r in rows),
        "byte_maks": max(r["byte"] for r in rows),
        "dimuat_saat_halaman_dibuka": sorted({u for r in rows for u in r["sebelum_buka"]}),
        "ukuran_indeks": index_size(site, engine),
        "baris_ganda": indeks_cari.analisis(site).get("baris_ganda"),  # Pagefind only: rows indexed elsewhere
        "kueri": rows,
    }


def index_size(site: Path, engine: str) -> dict:
    if engine == "lunr":
        raw = (site / "search" / "search_index.json").read_bytes()
        return {"berkas": 1, "gzip": wire(raw)}
    folder = site / "pagefind"
    index = [p for p in folder.rglob("*") if p.is_file() and (p.suffix in {".pf_index", ".pf_fragment", ".pf_meta"})]
    code = [folder / "pagefind.js", *folder.glob("wasm.*.pagefind")]  # the dialog runs without the worker
    return {
        "berkas": len(index),
        "gzip": sum(wire(p.read_bytes()) for p in index),
        "kode_gzip": sum(wire(p.read_bytes()) for p in code if p.is_file()),
        "potongan_terbesar": max(wire(p.read_bytes()) for p in index if p.suffix == ".pf_index"),
    }


def build_pagefind(name: str, out: Path) -> Path:
    plans = DATA.get(name) or unit_besar.buat(out / "data-besar", 10)
    site = out / name
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--plans", str(plans), "--site-dir", str(site)],
        cwd=REPO,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"zi build {name}:\n{result.stdout}{result.stderr}")
    return site


def pairs(values: list[str]) -> dict[str, Path]:
    out = {}
    for v in values:
        name, _, path = v.partition("=")
        if name not in QUERIES or not path:
            raise SystemExit(f"{v}: expected NAME=DIR, NAME one of {', '.join(QUERIES)}")
        out[name] = Path(path)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--lunr", action="append", default=[], help="NAME=DIR of a build with Material's search")
    ap.add_argument("--pagefind", action="append", default=[], help="NAME=DIR of a build of this tree")
    ap.add_argument("--json", type=Path, help="write the report here")
    args = ap.parse_args()
    lunr, pagefind = pairs(args.lunr), pairs(args.pagefind)
    from playwright.sync_api import sync_playwright

    results = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        for name in QUERIES:
            if name not in pagefind:
                pagefind[name] = build_pagefind(name, Path(tmp))
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        for name in QUERIES:
            for site in (lunr.get(name), pagefind[name]):
                if site is not None:
                    results.append(measure(name, site, browser))
        browser.close()
    report(results)
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def report(results: list[dict]) -> None:
    print(
        f"{'situs':12} {'mesin':9} {'recall':>7} {'byte/kueri':>11} {'maks':>9} {'indeks gz':>10} dimuat tanpa membuka cari"
    )
    for r in results:
        print(
            f"{r['situs']:12} {r['mesin']:9} {r['recall']:7.2f} {r['byte_median']:11.0f} {r['byte_maks']:9} "
            f"{r['ukuran_indeks']['gzip']:10} {len(r['dimuat_saat_halaman_dibuka'])} berkas"
        )
    print()
    by = {(r["situs"], r["mesin"]): r for r in results}
    for name in QUERIES:
        if (name, "lunr") in by and (name, "pagefind") in by:
            a, b = by[name, "lunr"]["kueri"], by[name, "pagefind"]["kueri"]
            for x, y in zip(a, b, strict=True):
                print(
                    f"  {name:12} {x['kueri']:40} lunr {x['peringkat'] or '-':>2}  pagefind {y['peringkat'] or '-':>2}"
                )
    print()
    for r in results:
        if r["mesin"] != "pagefind":
            continue
        none = not r["dimuat_saat_halaman_dibuka"]
        print(f"BUDGET {r['situs']}: indeks dimuat hanya saat pencarian dibuka: {'LULUS' if none else 'GAGAL'}")
        twice = r["baris_ganda"]
        print(
            f"BUDGET {r['situs']}: baris aksi terindeks di luar halaman areanya {twice} == 0: {'LULUS' if twice == 0 else 'GAGAL'}"
        )
        if r["situs"] == "besar":
            worst = max(
                x["byte"] - r["ukuran_indeks"]["kode_gzip"] for x in r["kueri"]
            )  # index bytes beyond the fixed code
            ok = worst <= BUDGET_KUERI
            print(
                f"BUDGET besar: indeks yang dimuat satu kueri {worst} B <= {BUDGET_KUERI} B: {'LULUS' if ok else 'GAGAL'}"
            )


if __name__ == "__main__":
    main()

"""Build-side performance benchmark of issue 15 (not a test; run by hand from the repository root).

    PYTHONPATH=$PWD python tests/benchmarks/kinerja_bangun.py                      # all but rollup
    PYTHONPATH=$PWD python tests/benchmarks/kinerja_bangun.py --hanya bangun --ulang 3 --json out.json
    PYTHONPATH=$PWD python tests/benchmarks/kinerja_bangun.py --rollup              # + zi rollup 35/552

Steps (``--hanya``, comma-separated; default all but ``rollup``, which ``--rollup`` adds):

* ``bangun``: ``python -m generator build`` (engine material, and ``--mesin zensical``) of both
  example sites, against a BASELINE: the docs tree our content stage writes (``prepare`` +
  ``write_tree``: the same pages, tables, SVG charts, cards, PDFs and open data, as plain Markdown
  and files) with our post-processing taken out of its mkdocs.yml: no ``hooks`` (zi_html.py:
  Markup site name, ``finish_page``, template bytecode cache) and none of our Markdown extensions
  (``generator.html.permalink``, ``generator.html.cells``). The baseline keeps theme material with the
  same palette, features, language and ``custom_dir`` (our partials, CSS and JS), the Python-Markdown
  extensions, the search plugin and the nav; it is built by ``python -m mkdocs build`` in its own
  process. Runs alternate material, baseline, zensical in one call (after one warm-up round, caches
  warm as on a staff machine's second build); the ratio ours/baseline is taken round by round.
* ``besar``: a synthetic unit (tests/benchmarks/unit_besar.py: 1..10 years of Gunungkidul-size
  plans, monthly recaps, full realisasi) built with ``zi build`` for each year count; wall, CPU,
  peak memory (ru_maxrss of the child), pages; a least-squares line s = a + b * years.
* ``serve``: ``mkdocs serve --strict`` (what ``make serve`` runs) in a temporary copy of the
  repository; one value of ``plans/2024/realisasi.yaml`` edited, time from the write until the
  new text is served over HTTP; the same for the baseline tree served by plain ``mkdocs serve``
  with the same text edited in its ``.md`` page.
* ``pembuat``: PDF (generator.stage.pdf), share cards (generator.stage.kartu) and open data
  (generator.terbuka) made in a child process on a loaded Site, caches cold (fresh ZI_TEMBOLOK,
  ZI_PDF_CACHE, ZI_KARTU_CACHE; the first call of the process) then warm.
* ``profil``: ``python -m cProfile -m generator build`` of Gunungkidul (warm caches), top 15 by
  cumulative time.
* ``rollup``: tests/benchmarks/rollup.py's ``run`` for 35 and 552 units.

JSON report (``--json FILE``); every time in seconds, every ``stat`` is ``{"min", "median", "max", "n"}``:

| field | meaning |
|---|---|
| ``mesin`` | machine: ``cores``, ``python``, ``utc`` (start time), ``ulang`` (measured runs per command), ``peak_floor_mb`` (this script's own peak: no child's peak can read below it) |
| ``bangun.<site>.<cmd>.wall`` / ``.cpu`` | stat of wall / CPU (user+sys of the child) per build; ``<site>`` is ``gunungkidul`` or ``wonosobo``, ``<cmd>`` ``material``, ``zensical``, ``baseline`` |
| ``bangun.<site>.<cmd>.peak_mb`` | stat of the child's peak resident memory (MiB) |
| ``bangun.<site>.<cmd>.halaman`` | HTML pages in the built site |
| ``bangun.<site>.rasio_<engine>.wall`` / ``.cpu`` | stat of ours/baseline, pair by pair (same round) |
| ``bangun.baseline_keeps`` / ``baseline_strips`` | what the baseline's mkdocs.yml keeps / loses |
| ``besar.tahun.<n>`` | for n years: ``wall``, ``cpu``, ``peak_mb`` (stats), ``halaman`` (pages built), ``per_halaman_cpu`` (median CPU / pages) |
| ``besar.fit_wall`` / ``fit_cpu`` | ``{"a", "b"}``: least squares of the medians, s = a + b * years |
| ``serve.<which>.detik`` | stat of edit-to-new-text over HTTP; ``<which>`` is ``ours`` or ``baseline``; ``.mulai`` seconds from start until the page was first served; ``.halaman`` the URL polled; ``.berkas`` the file edited |
| ``pembuat.<site>.<maker>.dingin`` / ``.hangat`` | cold (one value) / warm (stat) seconds; ``<maker>`` ``pdf``, ``kartu``, ``terbuka`` (open data files), ``ringkasan`` (ringkasan.json) |
| ``pembuat.<site>.<maker>.berkas`` / ``.kb`` | files made and their total size (KiB) |
| ``profil.total`` | wall seconds of the profiled build (profiler overhead included) |
| ``profil.top`` | the top entries by cumulative time, ``{"fungsi", "ncalls", "tottime", "cumtime"}``, without the frames that only pass the call on (``exec``, runpy, click, ``__main__``, ``cli.run``) |
| ``profil.top_tottime`` | the top entries by own time (all frames) |
| ``rollup.<n>`` | rollup.py's ``run`` result: ``wall``, ``exit``, ``got``, ``correct``, ``peak_mb``, ``site_mb``, ``latency`` |
| ``budget`` | list of ``{"nama", "nilai", "op", "batas", "lulus"}``, the same as the printed BUDGET lines |
"""

from __future__ import annotations

import argparse
import cProfile  # noqa: F401  (the profile step runs it as ``python -m cProfile``)
import datetime as dt
import io
import json
import os
import pstats
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from tests.benchmarks import unit_besar  # noqa: E402

PY = sys.executable
SITES = {"gunungkidul": REPO / "plans", "wonosobo": REPO / "tests" / "fixtures" / "wonosobo"}
STEPS = ("bangun", "besar", "serve", "pembuat", "profil", "rollup")
CACHE = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "laman-zi" / "bench"
OUR_EXTENSIONS = "generator."  # our Markdown extensions (generator.html.permalink, generator.html.cells)
EDIT_FILE = "2024/realisasi.yaml"
EDIT_TEXT = "Rencana aksi diunggah ke website pada awal Februari."


def log(msg: str) -> None:
    print(f"[{dt.datetime.now(dt.UTC):%H:%M:%S}] {msg}", file=sys.stderr, flush=True)


def stat(values: list[float]) -> dict[str, float]:
    if not values:
        return {"min": float("nan"), "median": float("nan"), "max": float("nan"), "n": 0}
    return {"min": min(values), "median": statistics.median(values), "max": max(values), "n": len(values)}


def env_for(cache: Path) -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "NO_MKDOCS_2_WARNING": "1",
        "ZI_TEMBOLOK": str(cache),
        "ZI_PDF_CACHE": str(cache / "pdf"),
        "ZI_KARTU_CACHE": str(cache / "kartu"),
    }


def jalankan(cmd: list[str], env: dict[str, str], cwd: Path = REPO) -> dict[str, Any]:
    """Run one command; wall (monotonic), CPU and peak memory of the child from wait4."""
    with tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=err)
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        text = err.read().decode("utf-8", "replace")
    if p.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({p.returncode}):\n{text[-3000:]}")
    return {"wall": wall, "cpu": ru.ru_utime + ru.ru_stime, "peak_mb": ru.ru_maxrss / 1024}


def anak_json(cmd: list[str], cache: Path, what: str) -> Any:
    """Run a child with its own caches; its last stdout line is JSON."""
    done = subprocess.run(cmd, capture_output=True, text=True, env=env_for(cache), cwd=REPO, check=False)
    if done.returncode:
        raise RuntimeError(f"{what} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def halaman(site: Path) -> int:
    return sum(1 for _ in site.rglob("*.html"))


# ---------------------------------------------------------------- baseline tree


def baseline_tree(plans: Path, out: Path, cache: Path) -> tuple[Path, dict[str, list[str]]]:
    """Our content stage's docs tree, with our hooks and Markdown extensions taken out of mkdocs.yml.

    Made in a child process: this process stays small, because a child's peak memory (ru_maxrss)
    can never read below the peak of the process that started it (Linux keeps it across fork and exec).
    """
    code = "import sys; from tests.benchmarks.kinerja_bangun import _pohon; _pohon(sys.argv[1], sys.argv[2])"
    return out / "mkdocs.yml", anak_json([PY, "-c", code, str(plans), str(out)], cache, "baseline tree")


def _pohon(plans_arg: str, out_arg: str) -> None:
    import yaml

    from generator.stage import prepare, write_tree
    from generator.stage.tree import HOOKS

    plans, out = Path(plans_arg), Path(out_arg)
    config_file = write_tree(prepare(REPO / "mkdocs.yml", plans), out)
    text = config_file.read_text(encoding="utf-8")
    config = yaml.safe_load(text)
    stripped = [f"hooks: {h}" for h in config.pop("hooks", [])]
    exts = []
    for e in config.get("markdown_extensions", []):
        name = e if isinstance(e, str) else next(iter(e))
        if name.startswith(OUR_EXTENSIONS):
            stripped.append(f"markdown_extensions: {name}")
        else:
            exts.append(e)
    config["markdown_extensions"] = exts
    (out / HOOKS).unlink()
    theme = config["theme"]
    keeps = [
        f"theme: {theme.get('name')} (custom_dir {theme.get('custom_dir')}, language {theme.get('language')}, "
        f"palette x{len(theme.get('palette') or [])}, features {', '.join(theme.get('features') or [])})",
        f"markdown_extensions: {', '.join(e if isinstance(e, str) else next(iter(e)) for e in exts)}",
        f"plugins: {', '.join(p if isinstance(p, str) else next(iter(p)) for p in config.get('plugins') or [])}",
        f"extra_css x{len(config.get('extra_css') or [])}, extra_javascript x{len(config.get('extra_javascript') or [])}",
        "nav, site_name, extra, every page and file of the tree",
    ]
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")
    print(json.dumps({"keeps": keeps, "strips": stripped}))


def epoch_env(tree: Path, env: dict[str, str]) -> dict[str, str]:
    epoch = tree / "SOURCE_DATE_EPOCH"
    return {**env, "SOURCE_DATE_EPOCH": epoch.read_text().strip()} if epoch.is_file() else env


# ---------------------------------------------------------------- steps


def langkah_bangun(a: argparse.Namespace, work: Path) -> dict[str, Any]:
    cache = CACHE / "bangun"
    env = env_for(cache)
    out: dict[str, Any] = {}
    for name, plans in SITES.items():
        tree = work / f"baseline-{name}"
        config_file, what = baseline_tree(plans, tree, cache)
        out["baseline_keeps"], out["baseline_strips"] = what["keeps"], what["strips"]
        benv = epoch_env(tree, env)
        cmds = {
            "material": (
                [PY, "-m", "generator", "build", "--plans", str(plans), "--site-dir", str(work / f"s-{name}-m")],
                env,
            ),
            "baseline": (
                [PY, "-m", "mkdocs", "build", "-q", "-f", str(config_file), "-d", str(work / f"s-{name}-b")],
                benv,
            ),
        }
        if not a.tanpa_zensical:
            cmds["zensical"] = (
                [
                    PY,
                    "-m",
                    "generator",
                    "build",
                    "--plans",
                    str(plans),
                    "--site-dir",
                    str(work / f"s-{name}-z"),
                    "--mesin",
                    "zensical",
                ],
                env,
            )
        runs: dict[str, list[dict[str, Any]]] = {k: [] for k in cmds}
        for round_ in range(a.ulang + 1):  # round 0 warms the caches and is not counted
            for key, (cmd, e) in cmds.items():
                r = jalankan(cmd, e)
                log(f"bangun {name} {key} #{round_}: {r['wall']:.2f} s wall, {r['cpu']:.2f} s CPU")
                if round_:
                    runs[key].append(r)
        site: dict[str, Any] = {}
        for key in cmds:
            site[key] = {f: stat([r[f] for r in runs[key]]) for f in ("wall", "cpu", "peak_mb")}
            site[key]["halaman"] = halaman(work / f"s-{name}-{key[0]}")
        for key in cmds:
            if key != "baseline":
                site[f"rasio_{key}"] = {
                    f: stat([x[f] / b[f] for x, b in zip(runs[key], runs["baseline"], strict=True)])
                    for f in ("wall", "cpu")
                }
        out[name] = site
    return out


def langkah_besar(a: argparse.Namespace, work: Path) -> dict[str, Any]:
    env = env_for(CACHE / "besar")
    years = [int(x) for x in a.tahun.split(",")]
    built = {}
    for n in years:
        built[n] = unit_besar.buat(work / f"unit-{n}", n)
    per: dict[int, list[dict[str, Any]]] = {n: [] for n in years}
    for round_ in range(a.ulang_besar + 1):  # round 0 warms the caches (cards, PDFs, templates)
        for n in years:
            site = work / f"s-besar-{n}"
            r = jalankan([PY, "-m", "generator", "build", "--plans", str(built[n]), "--site-dir", str(site)], env)
            r["halaman"] = halaman(site)
            log(f"besar {n} tahun #{round_}: {r['wall']:.2f} s wall, {r['cpu']:.2f} s CPU, {r['halaman']} pages")
            if round_:
                per[n].append(r)
    tahun = {}
    for n in years:
        t = {f: stat([r[f] for r in per[n]]) for f in ("wall", "cpu", "peak_mb")}
        t["halaman"] = per[n][-1]["halaman"]
        t["per_halaman_cpu"] = t["cpu"]["median"] / t["halaman"]
        tahun[str(n)] = t
    return {
        "tahun": tahun,
        "fit_wall": fit(years, [tahun[str(n)]["wall"]["median"] for n in years]),
        "fit_cpu": fit(years, [tahun[str(n)]["cpu"]["median"] for n in years]),
    }


def fit(xs: list[int], ys: list[float]) -> dict[str, float]:
    if len(xs) < 2:
        return {"a": ys[0] if ys else float("nan"), "b": float("nan")}
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    b = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)
    return {"a": my - b * mx, "b": b}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str) -> bytes | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.read()
    except (urllib.error.URLError, OSError):
        return None


def page_url(docs_rel: str) -> str:
    """use_directory_urls: a/b.md -> /a/b/, a/index.md -> /a/."""
    stem = docs_rel[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")]
    else:
        stem += "/"
    return "/" + stem.lstrip("/")


def serve_edits(
    label: str, cmd: list[str], cwd: Path, env: dict[str, str], edit: Path, url_path: str, n: int
) -> dict[str, Any]:
    """Start a server, edit ``edit`` n times (EDIT_TEXT -> a new marker), time each until served."""
    port = free_port()
    url = f"http://127.0.0.1:{port}{url_path}"
    with tempfile.TemporaryFile() as log_file:
        t0 = time.perf_counter()
        proc = subprocess.Popen(
            [*cmd, "--dev-addr", f"127.0.0.1:{port}"], cwd=cwd, env=env, stdout=log_file, stderr=log_file
        )
        try:
            while (body := get(url)) is None or EDIT_TEXT.encode() not in body:
                if proc.poll() is not None or time.perf_counter() - t0 > 300:
                    log_file.seek(0)
                    raise RuntimeError(f"server did not start:\n{log_file.read().decode()[-3000:]}")
                time.sleep(0.1)
            mulai = time.perf_counter() - t0
            time.sleep(1.0)
            times = []
            current = EDIT_TEXT
            for i in range(n):
                marker = f"Penanda ukur {i} {port}."
                text = edit.read_text(encoding="utf-8").replace(current, marker, 1)
                edit.write_text(text, encoding="utf-8")
                t1 = time.perf_counter()
                while (body := get(url)) is None or marker.encode() not in body:
                    if time.perf_counter() - t1 > 120:
                        raise RuntimeError(f"edit {i} never appeared at {url}")
                    time.sleep(0.01)
                times.append(time.perf_counter() - t1)
                log(f"serve {label} edit {i}: {times[-1]:.2f} s")
                current = marker
                time.sleep(1.5)  # let the watcher settle before the next edit
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
    return {"detik": stat(times), "mulai": mulai, "halaman": url_path}


def langkah_serve(a: argparse.Namespace, work: Path) -> dict[str, Any]:
    cache = CACHE / "serve"
    env = env_for(cache)
    repo = work / "serve-repo"
    for part in ("plans", "content", "theme"):
        shutil.copytree(REPO / part, repo / part)
    shutil.copyfile(REPO / "mkdocs.yml", repo / "mkdocs.yml")
    # Which page shows the edited text: found in the baseline tree (same pages as the plugin's).
    config_file, _ = baseline_tree(repo / "plans", work / "serve-baseline", cache)
    docs = config_file.parent / "docs"
    rel = next(
        str(p.relative_to(docs)) for p in sorted(docs.rglob("*.md")) if EDIT_TEXT in p.read_text(encoding="utf-8")
    )
    out = {
        "ours": serve_edits(
            "ours",
            [PY, "-m", "mkdocs", "serve", "--strict"],
            repo,
            {**env, "ZI_PLANS": ""},
            repo / "plans" / EDIT_FILE,
            page_url(rel),
            a.edit,
        )
    }
    out["ours"]["berkas"] = f"plans/{EDIT_FILE}"
    if not a.tanpa_baseline_serve:
        out["baseline"] = serve_edits(
            "baseline",
            [PY, "-m", "mkdocs", "serve", "-f", str(config_file)],
            config_file.parent,
            epoch_env(config_file.parent, env),
            docs / rel,
            page_url(rel),
            a.edit,
        )
        out["baseline"]["berkas"] = f"docs/{rel}"
    return out


ANAK_PEMBUAT = r"""
import json, os, sys, time
from pathlib import Path
plans, cache, n = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
os.environ.update({"ZI_TEMBOLOK": str(cache), "ZI_PDF_CACHE": str(cache / "pdf"), "ZI_KARTU_CACHE": str(cache / "kartu")})
from generator.load import load_site
from generator.pages import build_pages
from generator.pages.content import expand
from generator.pages.grafik import catat
from generator.pages.render import environment
from generator import terbuka
from generator.stage import kartu, pdf, sources
repo = Path.cwd()
site = load_site(plans, content_dir=repo / "content", repo_root=repo)
url = str(site.satker.alamat_situs) if site.satker.alamat_situs else None
theme = repo / "theme" / "zi"
env = environment(theme, None)


def measure(name, fn):
    times = []
    for i in range(n + 1):  # call 0 is cold: fresh cache folders, first call in this process
        t0 = time.perf_counter()
        made = fn()
        times.append(time.perf_counter() - t0)
    out[name] = {"dingin": times[0], "hangat": times[1:], "berkas": len(made), "kb": sum(map(len, made.values())) / 1024}
    return made


out = {}
made = {}
# The makers unduhan.buat runs, in its order, timed one by one.
made |= measure("pdf", lambda: pdf.buat(site, url))
made |= measure("terbuka", lambda: terbuka.buat(site, url))
made |= measure("ringkasan", lambda: terbuka.buat_ringkasan(site, url))
sizes = {p: len(d) for p, d in made.items()}
with catat() as grafik:
    pages = (*build_pages(site, env=env, unduhan=sizes), terbuka.halaman.build(site, env, sizes, url))
files = sources.content_files(repo / "content")
with catat() as g2:
    filled = {s: expand(sources.read_page(repo / "content" / s), site, env) for s in files if sources.is_page(s)}
measure("kartu", lambda: kartu.buat(site, pages, filled, grafik | g2, url, theme, env, kartu.cache_dir()).berkas)
print(json.dumps(out))
"""


def langkah_pembuat(a: argparse.Namespace, work: Path) -> dict[str, Any]:
    out = {}
    for name, plans in SITES.items():
        cache = work / f"cache-pembuat-{name}"  # fresh: cold
        r = anak_json([PY, "-c", ANAK_PEMBUAT, str(plans), str(cache), str(a.ulang)], cache, "makers")
        for v in r.values():
            v["hangat"] = stat(v["hangat"])
        out[name] = r
        log(
            f"pembuat {name}: "
            + ", ".join(f"{k} {v['dingin']:.2f}/{v['hangat']['median']:.2f} s" for k, v in r.items())
        )
    return out


def langkah_profil(a: argparse.Namespace, work: Path) -> dict[str, Any]:
    env = env_for(CACHE / "bangun")
    prof = work / "bangun.prof"
    cmd = [PY, "-m", "generator", "build", "--plans", str(SITES["gunungkidul"]), "--site-dir", str(work / "s-profil")]
    jalankan(cmd, env)  # warm the caches as in the build step
    r = jalankan([PY, "-m", "cProfile", "-o", str(prof), *cmd[1:]], env)
    s = pstats.Stats(str(prof), stream=io.StringIO())
    rows = []
    for (file, line, fn), (_cc, nc, tt, ct, _callers) in s.stats.items():  # type: ignore[attr-defined]
        rows.append({"fungsi": f"{_short(file)}:{line}({fn})", "ncalls": nc, "tottime": tt, "cumtime": ct})
    # Frames that only pass the call on (interpreter start, runpy, click's dispatch) say nothing.
    own = [x for x in rows if not any(w in x["fungsi"] for w in WRAPPERS)]
    return {
        "total": r["wall"],
        "top": sorted(own, key=lambda x: -x["cumtime"])[: a.top],
        "top_tottime": sorted(rows, key=lambda x: -x["tottime"])[: a.top],
    }


WRAPPERS = ("builtins.exec", "<frozen runpy>", "click/core.py", "generator/__main__.py", "generator/cli.py:5")


def _short(file: str) -> str:
    """A frame's file without the machine's prefix (site-packages, the repository, the stdlib folder)."""
    for marker in ("site-packages/", str(REPO) + "/"):
        if marker in file:
            return file.split(marker, 1)[1]
    return re.sub(r"^.*/lib/python3\.\d+/", "", file)


def langkah_rollup(a: argparse.Namespace, work: Path) -> dict[str, Any]:
    from tests.benchmarks import rollup

    out = {}
    for n in (35, 552):
        out[str(n)] = rollup.run(n, [])
        log(f"rollup {n}: {out[str(n)]['wall']:.1f} s")
    return out


# ---------------------------------------------------------------- report


def budgets(h: dict[str, Any]) -> list[dict[str, Any]]:
    b: list[dict[str, Any]] = []

    def add(nama: str, nilai: float, op: str, batas: float) -> None:
        lulus = nilai <= batas if op == "<=" else nilai < batas
        b.append({"nama": nama, "nilai": nilai, "op": op, "batas": batas, "lulus": lulus})

    for name in SITES:
        s = h.get("bangun", {}).get(name)
        if not s:
            continue
        for engine in ("material", "zensical"):
            if f"rasio_{engine}" in s:
                add(f"build-ratio-{name}-{engine}-cpu", s[f"rasio_{engine}"]["cpu"]["median"], "<=", 1.15)
                add(f"build-ratio-{name}-{engine}-wall", s[f"rasio_{engine}"]["wall"]["median"], "<=", 1.15)
                add(f"build-wall-{name}-{engine}", s[engine]["wall"]["median"], "<", 2.0)
    if "ours" in h.get("serve", {}):
        add("serve-rebuild-yaml-edit", h["serve"]["ours"]["detik"]["median"], "<=", 1.0)
    for n, limit in (("35", 30.0), ("552", 120.0)):
        r = h.get("rollup", {}).get(n)
        if r:
            add(f"rollup-{n}", r["wall"] if r["exit"] == 0 and r["correct"] else float("inf"), "<", limit)
    return b


def _s(x: dict[str, float], unit: str = "") -> str:
    return f"{x['median']:.2f}{unit} ({x['min']:.2f}-{x['max']:.2f})"


def tabel(h: dict[str, Any]) -> str:
    """The printed report: one table per step measured, then the BUDGET lines."""
    out = [
        f"Build benchmark (issue 15), {h['mesin']['cores']} cores, {h['mesin']['utc']}, {h['mesin']['ulang']} runs; median (min-max); "
        f"peak memory floor {h['mesin']['peak_floor_mb']:.0f} MiB"
    ]
    if "bangun" in h:
        g = h["bangun"]
        out += [
            "",
            "| site | command | wall s | CPU s | peak MiB | pages | ours/baseline wall | ours/baseline CPU |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for name in SITES:
            for key in ("material", "zensical", "baseline"):
                if key in g.get(name, {}):
                    r, ratio = g[name][key], g[name].get(f"rasio_{key}")
                    rw, rc = (_s(ratio["wall"]), _s(ratio["cpu"])) if ratio else ("-", "-")
                    out.append(
                        f"| {name} | {key} | {_s(r['wall'])} | {_s(r['cpu'])} | {r['peak_mb']['median']:.0f} | {r['halaman']} | {rw} | {rc} |"
                    )
        out.append("Baseline keeps: " + "; ".join(g["baseline_keeps"]))
        out.append("Baseline strips: " + "; ".join(g["baseline_strips"]))
    if "besar" in h:
        b = h["besar"]
        out += ["", "| years | wall s | CPU s | peak MiB | pages | CPU ms/page |", "|---|---|---|---|---|---|"]
        for n, t in b["tahun"].items():
            out.append(
                f"| {n} | {_s(t['wall'])} | {_s(t['cpu'])} | {t['peak_mb']['median']:.0f} | {t['halaman']} | {1000 * t['per_halaman_cpu']:.1f} |"
            )
        fw, fc = b["fit_wall"], b["fit_cpu"]
        out.append(
            f"Linear fit: wall s = {fw['a']:.2f} + {fw['b']:.2f} * years; CPU s = {fc['a']:.2f} + {fc['b']:.2f} * years"
        )
    if "serve" in h:
        out += ["", "| serve | edited file | page polled | start s | edit -> new text s |", "|---|---|---|---|---|"]
        for k, r in h["serve"].items():
            out.append(f"| {k} | {r['berkas']} | {r['halaman']} | {r['mulai']:.1f} | {_s(r['detik'])} |")
    if "pembuat" in h:
        out += ["", "| site | maker | files | KiB | cold s | warm s |", "|---|---|---|---|---|---|"]
        for name, makers in h["pembuat"].items():
            for k, r in makers.items():
                out.append(f"| {name} | {k} | {r['berkas']} | {r['kb']:.0f} | {r['dingin']:.3f} | {_s(r['hangat'])} |")
    if "profil" in h:
        p = h["profil"]
        out += [
            "",
            f"Profile of one Gunungkidul build (python -m cProfile, {p['total']:.2f} s wall under the profiler), top by cumulative:",
        ]
        out += ["| cumtime s | tottime s | calls | function |", "|---|---|---|---|"]
        out += [f"| {r['cumtime']:.3f} | {r['tottime']:.3f} | {r['ncalls']} | {r['fungsi']} |" for r in p["top"]]
        out += ["", "Top by own time:", "| tottime s | cumtime s | calls | function |", "|---|---|---|---|"]
        out += [
            f"| {r['tottime']:.3f} | {r['cumtime']:.3f} | {r['ncalls']} | {r['fungsi']} |" for r in p["top_tottime"]
        ]
    if "rollup" in h:
        out += ["", "| rollup units | wall s | exit | states right | peak MiB |", "|---|---|---|---|---|"]
        for n, r in h["rollup"].items():
            out.append(f"| {n} | {r['wall']:.1f} | {r['exit']} | {r['correct']} | {r['peak_mb']:.0f} |")
    out.append("")
    for x in h["budget"]:
        out.append(f"BUDGET {x['nama']}: {x['nilai']:.2f} {x['op']} {x['batas']:g} {'PASS' if x['lulus'] else 'FAIL'}")
    return "\n".join(out)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--hanya", default=",".join(s for s in STEPS if s != "rollup"), help=f"steps, of {','.join(STEPS)}")
    p.add_argument("--rollup", action="store_true", help="add the zi rollup step (minutes)")
    p.add_argument("--ulang", type=int, default=5, help="measured runs per command (after one warm-up)")
    p.add_argument("--ulang-besar", type=int, default=3, help="measured runs per year count of the large unit")
    p.add_argument("--tahun", default="1,2,3,4,5,6,7,8,9,10", help="year counts of the large unit")
    p.add_argument("--edit", type=int, default=3, help="YAML edits timed under mkdocs serve")
    p.add_argument("--top", type=int, default=15, help="profile entries")
    p.add_argument("--tanpa-zensical", action="store_true", help="skip the zensical engine")
    p.add_argument("--tanpa-baseline-serve", action="store_true", help="skip the baseline under mkdocs serve")
    p.add_argument("--json", type=Path, default=None, help="write the JSON report here")
    return p


def ukur(a: argparse.Namespace | None = None) -> dict[str, Any]:
    """Run the selected steps; the JSON report (fields: this module's docstring).

    ``a`` is this module's ``parser().parse_args([...])`` (None: the defaults)."""
    a = a or parser().parse_args([])
    steps = [s for s in a.hanya.split(",") if s] + (["rollup"] if a.rollup and "rollup" not in a.hanya else [])
    unknown = set(steps) - set(STEPS)
    if unknown:
        raise SystemExit(f"unknown step(s): {', '.join(sorted(unknown))}; steps are {','.join(STEPS)}")
    h: dict[str, Any] = {
        "mesin": {
            "cores": os.cpu_count(),
            "python": sys.version.split()[0],
            "utc": f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M}",
            "ulang": a.ulang,
        }
    }
    fns = {
        "bangun": langkah_bangun,
        "besar": langkah_besar,
        "serve": langkah_serve,
        "pembuat": langkah_pembuat,
        "profil": langkah_profil,
        "rollup": langkah_rollup,
    }
    with tempfile.TemporaryDirectory(prefix="zi-kinerja-bangun-") as tmp:
        for s in STEPS:
            if s in steps:
                log(f"step {s}")
                work = Path(tmp) / s
                work.mkdir()
                h[s] = fns[s](a, work)
    import resource

    # A child's peak memory reads at least this (its parent's peak when it was started).
    h["mesin"]["peak_floor_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    h["budget"] = budgets(h)
    return h


def main(argv: list[str] | None = None) -> int:
    a = parser().parse_args(argv)
    h = ukur(a)
    print(tabel(h))
    if a.json:
        a.json.write_text(json.dumps(h, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0 if all(x["lulus"] for x in h["budget"]) else 1


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark of ``zi rollup`` (not a test; run by hand, see README "zi rollup").

    PYTHONPATH=. python tests/benchmarks/rollup.py            # 35 and 552 units
    PYTHONPATH=. python tests/benchmarks/rollup.py 35 --paralel 32

Synthetic units are served on 127.0.0.1 by a real HTTP server in its own process, each answer
after an injected latency of 0–2 s (uniform, fixed seed); 5 % of the units fail (half HTTP 500,
half a closed port) and 2 % serve an invalid file (half not JSON, half an unknown ``versi``).
``zi rollup`` runs as a separate process with a fresh cache; the table gives its wall time, the
units it read, could not reach and found invalid (checked against what was injected), its peak
memory (ru_maxrss) and pass/fail against the budget of issue 13 (35 units < 30 s, 552 < 120 s
on a 2-core machine).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from tests.rollup.contoh import Server, json_bytes, unit  # noqa: E402

BUDGET = {35: 30.0, 552: 120.0}
SEED = 13

# Runs the real CLI and reports its own peak memory (the server's is not counted).
WRAP = """
import resource, sys
try:
    from generator.cli import run
    run(sys.argv[1:])
finally:
    print(f"ZI_PEAK_KB={resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}", file=sys.stderr)
"""


def plan(n: int) -> list[tuple[str, float]]:
    """What each unit does: 'baik', '500', 'tutup', 'json', 'versi'; and its latency."""
    rng = random.Random(SEED + n)
    kinds = ["baik"] * n
    idx = list(range(n))
    rng.shuffle(idx)
    fail, invalid = round(n * 0.05), round(n * 0.02)
    for k, i in enumerate(idx[:fail]):
        kinds[i] = "500" if k % 2 == 0 else "tutup"
    for k, i in enumerate(idx[fail : fail + invalid]):
        kinds[i] = "json" if k % 2 == 0 else "versi"
    return [(kind, rng.uniform(0, 2)) for kind in kinds]


def serve(n: int, port_queue) -> None:
    units = plan(n)
    bodies = {}
    for i, (kind, delay) in enumerate(units):
        r = unit(f"Kabupaten Uji {i:03d}", f"https://zi-{i:03d}.example/", 40 + i % 20, (i * 7) % 40, i % 4)
        body = json_bytes(r)
        if kind == "json":
            body = body[: len(body) // 2]
        elif kind == "versi":
            body = body.replace(b'"versi": 1', b'"versi": 3')
        bodies[f"/u/{i:03d}/ringkasan.json"] = (500 if kind == "500" else 200, body, delay)

    server = Server()  # the tests' server (tests/rollup/contoh.py), in its own process here
    server.routes.update(bodies)
    port_queue.put(server.httpd.server_address[1])
    threading.Event().wait()


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(n: int, extra: list[str]) -> dict:
    queue: multiprocessing.Queue = multiprocessing.Queue()
    server = multiprocessing.Process(target=serve, args=(n, queue), daemon=True)
    server.start()
    port = queue.get(timeout=60)
    try:
        with tempfile.TemporaryDirectory(prefix="zi-rollup-bench-") as tmp:
            work = Path(tmp)
            units = plan(n)
            dead = closed_port()
            lines = [
                f"http://127.0.0.1:{dead}/u/{i:03d}/" if kind == "tutup" else f"http://127.0.0.1:{port}/u/{i:03d}/"
                for i, (kind, _) in enumerate(units)
            ]
            (work / "daftar.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
            args = ["rollup", str(work / "daftar.txt"), "--site-dir", str(work / "situs"), "--cache", str(work / "c")]
            env = {**os.environ, "PYTHONPATH": str(REPO)}
            start = time.perf_counter()
            done = subprocess.run(
                [sys.executable, "-c", WRAP, *args, "--judul", "Uji", *extra],
                capture_output=True,
                text=True,
                env=env,
                cwd=work,
            )
            wall = time.perf_counter() - start
            peak = int(next(x for x in done.stderr.splitlines() if x.startswith("ZI_PEAK_KB=")).split("=")[1])
            own = json.loads((work / "situs" / "ringkasan.json").read_text(encoding="utf-8"))
            states = [a["keadaan"] for a in own["anggota"]]
            site_bytes = sum(p.stat().st_size for p in (work / "situs").rglob("*") if p.is_file())
    finally:
        server.terminate()
        server.join()
    want = {
        "baik": sum(k == "baik" for k, _ in units),
        "tidak dapat dijangkau": sum(k in ("500", "tutup") for k, _ in units),
        "data tidak valid": sum(k in ("json", "versi") for k, _ in units),
    }
    got = {s: states.count(s) for s in want}
    return {
        "n": n,
        "wall": wall,
        "exit": done.returncode,
        "got": got,
        "correct": got == want,
        "peak_mb": peak / 1024,
        "site_mb": site_bytes / 1024 / 1024,
        "latency": sum(d for _, d in units),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("units", nargs="*", type=int, default=[35, 552])
    parser.add_argument("--paralel", default=None, help="passed on to zi rollup (default: its own)")
    parser.add_argument("--batas-waktu", default=None, help="passed on to zi rollup (default: its own)")
    a = parser.parse_args()
    extra = [
        *(["--paralel", a.paralel] if a.paralel else []),
        *(["--batas-waktu", a.batas_waktu] if a.batas_waktu else []),
    ]
    print(f"zi rollup benchmark, {os.cpu_count()} cores, options: {' '.join(extra) or '(defaults)'}")
    header = f"{'units':>6} {'wall s':>7} {'ok':>5} {'unreach.':>8} {'invalid':>7} {'states':>7} {'peak MB':>8} {'site MB':>8} {'budget':>7}  result"
    print(header)
    print("-" * len(header))
    ok = True
    for n in a.units:
        r = run(n, extra)
        budget = BUDGET.get(n)
        passed = r["exit"] == 0 and r["correct"] and (budget is None or r["wall"] < budget)
        ok &= passed
        g = r["got"]
        print(
            f"{n:>6} {r['wall']:>7.1f} {g['baik']:>5} {g['tidak dapat dijangkau']:>8} {g['data tidak valid']:>7} "
            f"{'right' if r['correct'] else 'WRONG':>7} {r['peak_mb']:>8.1f} {r['site_mb']:>8.1f} "
            f"{(f'< {budget:.0f} s' if budget else '-'):>7}  {'PASS' if passed else 'FAIL'}"
        )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

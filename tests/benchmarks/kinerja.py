"""The performance benchmark of issue 15, whole (not a test; run by hand, see README "Kinerja").

    PYTHONPATH=$PWD python tests/benchmarks/kinerja.py --json kinerja.json       # everything (≈ 1 hour)
    PYTHONPATH=$PWD python tests/benchmarks/kinerja.py --cepat                   # one run each (≈ 10 min)

Two parts, each also runnable alone with its own options:

* ``kinerja_bangun.py``: build times (both example sites, Material and Zensical, against a plain
  MkDocs + Material baseline of the same pages), the synthetic 1–10-year unit, ``mkdocs serve``
  rebuild after one YAML edit, PDF/card/open-data makers, a profile, ``zi rollup`` 35 and 552 units.
* ``kinerja_halaman.py``: page weight per page type in Chromium (requests, gzip bytes,
  render-blocking, third-party requests, the search index), the search index's duplication, and
  Lighthouse (mobile) from a plain static server and from the recommended one (``pelayan.py``).
  It measures Gunungkidul's build and the synthetic 10-year unit's.

The JSON report is ``{"bangun": <kinerja_bangun's report>, "halaman": <kinerja_halaman's report>,
"budget": [every BUDGET line of both]}``; the fields of each part are documented in its module.
The exit status is 1 when any budget fails.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from tests.benchmarks import kinerja_bangun, kinerja_halaman, unit_besar  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--cepat", action="store_true", help="one measured run per figure, years 1,5,10, no rollup")
    p.add_argument("--rollup", action="store_true", help="add zi rollup 35/552 units (minutes)")
    p.add_argument("--json", type=Path, default=None, help="write the combined JSON report here")
    a = p.parse_args(argv)

    bangun_args = ["--ulang", "1", "--ulang-besar", "1", "--tahun", "1,5,10", "--edit", "2"] if a.cepat else []
    bangun = kinerja_bangun.ukur(kinerja_bangun.parser().parse_args(bangun_args + (["--rollup"] if a.rollup else [])))
    print(kinerja_bangun.tabel(bangun), flush=True)

    with tempfile.TemporaryDirectory(prefix="zi-kinerja-") as tmp:
        ten = unit_besar.buat(Path(tmp) / "unit-10-tahun", 10)
        site10 = Path(tmp) / "situs-10-tahun"
        subprocess.run(
            [sys.executable, "-m", "generator", "build", "--plans", str(ten), "--site-dir", str(site10)],
            cwd=REPO,
            check=True,
            capture_output=True,
        )
        halaman_args = ["--plans", "plans", "--site-dir", str(site10), "--ulang", "1" if a.cepat else "3"]
        halaman = kinerja_halaman.ukur(kinerja_halaman.parser().parse_args(halaman_args))
        kinerja_halaman.cetak(halaman)

    budget = [*bangun["budget"], *halaman["anggaran"]]
    report = {"bangun": bangun, "halaman": halaman, "budget": budget}
    failed = [b for b in budget if not b["lulus"]]
    print(f"\n{len(budget) - len(failed)} of {len(budget)} budgets pass.")
    if a.json:
        a.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

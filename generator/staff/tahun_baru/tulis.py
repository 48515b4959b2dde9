"""Put the new year folder in place in one step, after checking that its files load."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from generator.errors import DataError
from generator.load import load_site
from generator.staff.tahun_baru.hasil import TahunBaru


def write(plans: Path, result: TahunBaru) -> Path:
    """Check that the new files load with the unit's satker.yaml, then put the year folder in place at once."""
    year_dir = plans / str(result.tahun)
    with tempfile.TemporaryDirectory(prefix="zi-tahun-baru-") as tmp:
        root = Path(tmp)
        shutil.copyfile(plans / "satker.yaml", root / "satker.yaml")
        (root / str(result.tahun)).mkdir()
        for name, text in result.files.items():
            (root / str(result.tahun) / name).write_text(text, encoding="utf-8", newline="\n")
        try:
            load_site(root)
        except DataError as exc:  # a bug here, not the staff's data: never leave a broken year behind
            raise RuntimeError("kerangka tahun baru tidak lolos pemeriksaan:\n" + exc.report(root)) from None
    staging = Path(tempfile.mkdtemp(prefix=f".zi-tahun-baru-{result.tahun}-", dir=plans))
    try:
        for name, text in result.files.items():
            (staging / name).write_text(text, encoding="utf-8", newline="\n")
            os.chmod(staging / name, 0o644)
        os.chmod(staging, 0o755)
        staging.rename(year_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return year_dir

"""The same data gives the same bytes: no clock, time zone, folder name or hash order leaks in.

The session build (``built_sites``) is compared with a second build of the same
data made from another folder, into another folder, with a different clock
(SOURCE_DATE_EPOCH, which MkDocs would otherwise use for its dates), time zone,
hash seed and locale. The only date in the output is the data's own newest date.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import shutil
import struct
from pathlib import Path

import pytest

from generator.load import load_site
from tests.conftest import DATA, zi

pytestmark = pytest.mark.slow  # heavy: left out of `make test-fast`

OTHER_ENV = {
    "SOURCE_DATE_EPOCH": "86400",
    "TZ": "Pacific/Kiritimati",
    "PYTHONHASHSEED": "4242",
    "LC_ALL": "C.UTF-8",
    "LANG": "C.UTF-8",
}


def files_of(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


@pytest.mark.parametrize("name", list(DATA))
def test_two_builds_are_byte_identical(name, built_sites, tmp_path):
    first = built_sites[name]
    plans = tmp_path / "data-salinan" / "plans"
    shutil.copytree(DATA[name], plans)
    second = tmp_path / f"keluaran-kedua-{name}"
    result = zi("build", "--plans", str(plans), "--site-dir", str(second), env=OTHER_ENV)
    assert result.returncode == 0, result.stderr

    a, b = files_of(first), files_of(second)
    assert sorted(a) == sorted(b), (
        f"berkas berbeda: hanya di A {sorted(set(a) - set(b))}, hanya di B {sorted(set(b) - set(a))}"
    )
    differing = sorted(f for f in a if a[f] != b[f])
    assert not differing, f"{len(differing)} berkas berbeda isinya: {differing}"

    # Nothing about where or when it was built is in the output.
    leaks = [str(tmp_path), str(first.parent), ".zi-build-", "data-salinan", "keluaran-kedua"]
    for rel in a:
        content = (second / rel).read_bytes()
        found = [s for s in leaks if s.encode() in content]
        assert not found, f"{rel} memuat {found}"


@pytest.mark.parametrize("name", list(DATA))
def test_dates_in_the_output_come_from_the_data(name, built_sites):
    """sitemap.xml.gz carries a time in its header; it is the data's newest date, not the build's."""
    newest = load_site(DATA[name]).tanggal_data
    assert newest is not None
    raw = (built_sites[name] / "sitemap.xml.gz").read_bytes()
    (mtime,) = struct.unpack("<I", raw[4:8])
    assert dt.datetime.fromtimestamp(mtime, dt.UTC) == dt.datetime.combine(newest, dt.time(), dt.UTC)
    assert gzip.decompress(raw) == (built_sites[name] / "sitemap.xml").read_bytes()


@pytest.mark.parametrize("name", list(DATA))
def test_newest_date_of_the_data(name):
    """Read independently of the loader: the decrees' dates and every file's per_tanggal."""
    import yaml

    dates = []
    for file in DATA[name].glob("*/*.yaml"):
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
        dates += [d for d in (data.get("per_tanggal"), (data.get("keputusan") or {}).get("tanggal")) if d]
    assert dates
    assert load_site(DATA[name]).tanggal_data == max(dates)

"""``zi rollup`` over the two example unit sites as built (their own ``ringkasan.json``), served on
127.0.0.1, beside an unreachable address, an HTTP 500 and an invalid file."""

from __future__ import annotations

import json

from generator.ringkasan import Ringkasan
from tests.rollup.conftest import HARI_1, jalankan
from tests.rollup.contoh import Server, port_tertutup
from tests.rollup.test_rollup import _ringkasan, _rows


def name_marked(cell: str) -> bool:
    return cell.endswith(" data contoh")


def test_rollup_of_the_built_example_sites(built_sites, serve, tmp_path):
    units = {name: serve(path) for name, path in sorted(built_sites.items())}
    written = {
        name: Ringkasan.model_validate_json((built_sites[name] / "ringkasan.json").read_bytes()) for name in units
    }
    server = Server()
    server.routes["/rusak/ringkasan.json"] = (500, b"Internal Server Error", 0.0)
    server.routes["/bukan/ringkasan.json"] = (200, b'{"versi": 1, "unit": ', 0.0)
    failed = {
        f"http://127.0.0.1:{port_tertutup()}/": "tidak dapat dijangkau",
        f"{server.base}/rusak/": "tidak dapat dijangkau",
        f"{server.base}/bukan/": "data tidak valid",
    }
    daftar = tmp_path / "daftar.txt"
    daftar.write_text("\n".join([*units.values(), *failed]) + "\n", encoding="utf-8")
    try:
        code, out = jalankan(daftar, tmp_path / "situs", tmp_path / "cache", HARI_1)
    finally:
        server.close()
    assert code == 0, out
    assert sorted(w.split(": ")[1] for w in out if w.startswith("Peringatan:")) == sorted(failed), out

    own = _ringkasan(tmp_path / "situs")
    by_site = {a.situs: a for a in own.anggota}
    for name, url in units.items():
        assert by_site[url].keadaan == "baik" and by_site[url].ringkasan == written[name]
    for url, state in failed.items():
        assert by_site[url].keadaan == state and by_site[url].ringkasan is None

    page = (tmp_path / "situs" / "index.html").read_text(encoding="utf-8")
    rows = {r[0]: r for r in _rows(page)}
    for r in written.values():
        latest = r.rencana[0]
        # The name, marked "data contoh" when the unit's progress figures are example data.
        (row,) = [row for name, row in rows.items() if name.removesuffix(" data contoh") == r.unit.singkatan]
        assert name_marked(row[0]) == any(p.contoh for p in r.rencana[:1]), row[0]
        assert row[1] == "baik"
        assert f"{latest.selesai} dari {latest.langkah} langkah, {latest.tahun}" in row[2], row
    for url, state in failed.items():
        assert rows[url][1] == state
    combined = json.loads((tmp_path / "situs" / "data" / "unit.json").read_text(encoding="utf-8"))
    assert len(combined) == len(units) + len(failed)

"""A province of units for ``zi rollup``: two served over HTTP, one local folder, and every kind of failure."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.ringkasan import Ringkasan
from generator.staff import rollup
from tests.rollup.contoh import Server, json_bytes, port_tertutup, tulis, unit

HARI_1 = dt.date(2024, 12, 1)
HARI_2 = dt.date(2024, 12, 2)


@dataclass
class Provinsi:
    root: Path
    server: Server
    daftar: Path
    site: Path
    cache: Path
    units: dict[str, Ringkasan]  # address as written in DAFTAR -> the ringkasan it serves
    gagal: dict[str, str]  # address -> the state it must show
    keluaran: list[str]
    kode: int


def jalankan(daftar: Path, site: Path, cache: Path, hari: dt.date, **kw) -> tuple[int, list[str]]:
    lines: list[str] = []
    code = rollup.jalankan(
        daftar,
        site,
        kw.pop("judul", "KPU Daerah Istimewa Yogyakarta"),
        cache,
        kw.pop("paralel", 8),
        kw.pop("batas_waktu", 5.0),
        lambda text, err=False: lines.append(text),
        hari=hari,
        **kw,
    )
    return code, lines


@pytest.fixture(scope="module")
def provinsi(tmp_path_factory) -> Provinsi:
    root = tmp_path_factory.mktemp("provinsi")
    server = Server()
    sleman = unit("Kabupaten Sleman", "https://zi.kpu-sleman.example/", 30, 24, 1, gratifikasi="< 3 laporan")
    gk = unit(
        "Kabupaten Gunungkidul",
        "https://zi.kpu-gunungkidul.example/",
        40,
        12,
        3,
        gratifikasi="< 3 laporan",
        wbs="tidak ada laporan",
    )
    bantul = unit("Kabupaten Bantul", "https://zi.kpu-bantul.example/", 20, 5)
    server.routes["/sleman/ringkasan.json"] = (200, json_bytes(sleman), 0.0)
    server.routes["/gunungkidul/ringkasan.json"] = (200, json_bytes(gk), 0.05)
    server.routes["/rusak500/ringkasan.json"] = (500, b"Internal Server Error", 0.0)
    server.routes["/bukanjson/ringkasan.json"] = (200, b"<html>bukan json</html>", 0.0)
    broken = json_bytes(sleman).replace(b'"langkah": 30', b'"langkah": -30')  # versi 1, against the schema
    server.routes["/skema/ringkasan.json"] = (200, broken, 0.0)
    server.routes["/versi2/ringkasan.json"] = (200, json_bytes(sleman).replace(b'"versi": 1', b'"versi": 2'), 0.0)
    tulis(root / "bantul", bantul)
    tertutup = f"http://127.0.0.1:{port_tertutup()}/"
    units = {f"{server.base}/sleman/": sleman, f"{server.base}/gunungkidul/": gk, "bantul": bantul}
    gagal = {
        f"{server.base}/rusak500/": "tidak dapat dijangkau",
        f"{server.base}/bukanjson/": "data tidak valid",
        f"{server.base}/versi2/": "data tidak valid",
        f"{server.base}/skema/": "data tidak valid",
        tertutup: "tidak dapat dijangkau",
    }
    daftar = root / "daftar.txt"
    daftar.write_text("# KPU se-DIY\n" + "\n".join([*units, *gagal]) + "\n", encoding="utf-8")
    site, cache = root / "situs", root / "cache"
    kode, keluaran = jalankan(daftar, site, cache, HARI_1)
    yield Provinsi(root, server, daftar, site, cache, units, gagal, keluaran, kode)
    server.close()

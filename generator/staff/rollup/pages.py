"""The roll-up's pages: the table sorted six ways (one pre-rendered page per sort, so sorting
needs no JavaScript), the chart of progress and recap freshness, the downloads.

Python hands the templates (``tema/`` next to this module: not under theme/, which MkDocs would
copy into every unit site) finished values in frozen dataclasses; the sentences a visitor reads
are in the templates. The chart's geometry (bar widths, rows) is computed here, its markup is in
``tema/_grafik.html``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import jinja2

from generator.pages.angka import NBSP, angka, desimal, tanggal, ukuran
from generator.staff.rollup.data import Anggotaan, terbaru
from generator.staff.rollup.fetch import BAIK, TAK_TERJANGKAU

TEMA = Path(__file__).parent / "tema"  # templates and stylesheet, shipped as package data
CSS = "rollup.css"


@dataclass(frozen=True)
class Baris:
    """One unit as the table and the chart show it; numbers are finished text."""

    nama: str
    tautan: str | None
    sumber: str
    keadaan: str
    baik: bool  # read today
    dari_cache: str | None  # date text of the cached copy shown, when not read today
    alasan: str | None
    anggota: int  # units inside, when this member is itself a roll-up
    tahun: str | None
    persen: Decimal | None
    persen_teks: str | None
    selesai: str | None
    langkah: str | None
    terlambat: int | None
    terlambat_teks: str | None
    rekap_jumlah: int
    rekap_terlambat: int
    data_per: dt.date | None
    data_per_teks: str | None
    contoh: bool
    # chart geometry (viewBox units)
    y: int
    lebar: float


@dataclass(frozen=True)
class Kolom:
    kunci: str
    judul: str
    arah: str  # what the sort does, read by screen readers after the column name
    halaman: str
    aria_sort: str | None  # on the page sorted by this column


@dataclass(frozen=True)
class Unduh:
    path: str
    judul: str
    jenis: str
    ukuran: str


@dataclass(frozen=True)
class Halaman:
    judul: str
    tanggal: str
    urut: str
    kolom: tuple[Kolom, ...]
    baris: tuple[Baris, ...]
    jumlah: int
    baik: int
    tak_terjangkau: int
    tidak_valid: int
    dari_cache: int
    gagal: tuple[Baris, ...]
    rata_rata: str | None
    rekap_terlambat_unit: int
    unduh: tuple[Unduh, ...]
    css: str
    grafik_tinggi: int
    grafik_lebar: int
    baris_tinggi: int
    batang_x: int
    batang_lebar: int


# One row per unit: its name on one line, then the bar and its value as text beside it; 360 wide
# so the text stays about its CSS size on a 360 px phone.
GRAFIK_LEBAR = 360
BARIS_TINGGI = 44
BATANG_X = 4
BATANG_LEBAR = 150


def _baris(a: Anggotaan) -> Baris:
    m = a.anggota
    r = m.ringkasan
    p = terbaru(r) if r else None
    persen = Decimal(str(p.persen_selesai)) if p and p.persen_selesai is not None else None
    tautan = urljoin(m.situs, r.unit.situs) if r else (m.situs if m.situs.startswith("http") else None)
    if tautan is not None and not tautan.startswith(("http://", "https://")):
        tautan = None  # a local folder: no address a visitor could open
    per = (p.keadaan_per if p else None) or (r.tanggal_data if r else None)
    return Baris(
        nama=r.unit.singkatan if r else m.situs,
        tautan=tautan,
        sumber=m.situs,
        keadaan=m.keadaan,
        baik=m.keadaan == BAIK,
        dari_cache=tanggal(m.dibaca) if a.dari_cache and m.dibaca else None,
        alasan=a.alasan,
        anggota=len(r.anggota) if r else 0,
        tahun=str(p.tahun) if p else None,
        persen=persen,
        persen_teks=f"{desimal(persen, 1)}{NBSP}%" if persen is not None else None,
        selesai=angka(p.selesai) if p else None,
        langkah=angka(p.langkah) if p else None,
        terlambat=p.terlambat if p else None,
        terlambat_teks=angka(p.terlambat) if p else None,
        rekap_jumlah=len(r.rekap) if r else 0,
        rekap_terlambat=sum(k.terlambat for k in r.rekap) if r else 0,
        data_per=per,
        data_per_teks=tanggal(per) if per else None,
        contoh=bool(p and p.contoh),
        y=0,
        lebar=0.0,
    )


_PALING_AKHIR = Decimal(-1)

# (key, column title, what the sort does, page, aria-sort, sort key over rows)
_URUTAN: tuple[tuple[str, str, str, str, str, Callable[[Baris], Any]], ...] = (
    ("nama", "Unit", "urutkan menurut nama (A–Z)", "index.html", "ascending", lambda b: (b.nama.casefold(), b.sumber)),
    (
        "keadaan",
        "Keadaan",
        "urutkan yang tidak terbaca dulu",
        "urut-keadaan.html",
        "ascending",
        lambda b: (b.baik, b.keadaan != TAK_TERJANGKAU, b.nama.casefold(), b.sumber),
    ),
    (
        "progres",
        "Progres",
        "urutkan dari tertinggi",
        "urut-progres.html",
        "descending",
        lambda b: (-(b.persen if b.persen is not None else _PALING_AKHIR), b.nama.casefold(), b.sumber),
    ),
    (
        "terlambat",
        "Langkah terlambat",
        "urutkan dari terbanyak",
        "urut-terlambat.html",
        "descending",
        lambda b: (-(b.terlambat if b.terlambat is not None else -1), b.nama.casefold(), b.sumber),
    ),
    (
        "rekap",
        "Rekap terlambat",
        "urutkan dari terbanyak",
        "urut-rekap.html",
        "descending",
        lambda b: (-b.rekap_terlambat, b.nama.casefold(), b.sumber),
    ),
    (
        "data",
        "Data per",
        "urutkan dari yang terlama",
        "urut-data.html",
        "ascending",
        lambda b: (b.data_per or dt.date.max, b.nama.casefold(), b.sumber),
    ),
)
HALAMAN = tuple(u[3] for u in _URUTAN)


def _env() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMA),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def berkas_halaman(
    judul: str, hari: dt.date, anggota: Sequence[Anggotaan], data: dict[str, bytes], unduh_judul: dict[str, str]
) -> dict[str, bytes]:
    """The HTML pages and the stylesheet: site path -> bytes."""
    semua = [_baris(a) for a in anggota]
    env = _env()
    template = env.get_template("index.html")
    gagal = tuple(sorted((b for b in semua if not b.baik), key=lambda b: (b.nama.casefold(), b.sumber)))
    persen = [b.persen for b in semua if b.persen is not None]
    unduh = tuple(
        Unduh(path, unduh_judul[path], "CSV" if path.endswith(".csv") else "JSON", ukuran(len(data[path])))
        for path in unduh_judul
    )
    out: dict[str, bytes] = {}
    for kunci, _judul, _arah, halaman, _sort, key in _URUTAN:
        urut = sorted(semua, key=key)
        rows = tuple(_letak(b, i) for i, b in enumerate(urut))
        kolom = tuple(Kolom(k, j, a, h, s if k == kunci else None) for k, j, a, h, s, _ in _URUTAN)
        view = Halaman(
            judul=judul,
            tanggal=tanggal(hari),
            urut=kunci,
            kolom=kolom,
            baris=rows,
            jumlah=len(semua),
            baik=sum(b.baik for b in semua),
            tak_terjangkau=sum(b.keadaan == TAK_TERJANGKAU for b in semua),
            tidak_valid=sum(not b.baik and b.keadaan != TAK_TERJANGKAU for b in semua),
            dari_cache=sum(b.dari_cache is not None for b in semua),
            gagal=gagal,
            rata_rata=f"{desimal(sum(persen, Decimal(0)) / len(persen), 1)}{NBSP}%" if persen else None,
            rekap_terlambat_unit=sum(b.rekap_terlambat > 0 for b in semua),
            unduh=unduh,
            css=CSS,
            grafik_tinggi=max(1, len(rows)) * BARIS_TINGGI + 8,
            grafik_lebar=GRAFIK_LEBAR,
            baris_tinggi=BARIS_TINGGI,
            batang_x=BATANG_X,
            batang_lebar=BATANG_LEBAR,
        )
        out[halaman] = template.render(h=view).encode("utf-8")
    out[CSS] = (TEMA / CSS).read_bytes()
    return out


def _letak(b: Baris, i: int) -> Baris:
    lebar = float(Decimal(BATANG_LEBAR) * b.persen / 100) if b.persen is not None else 0.0
    return replace(b, y=4 + i * BARIS_TINGGI, lebar=round(lebar, 2))

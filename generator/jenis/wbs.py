"""Whistle Blowing System: per period, reports received, verified, followed up and closed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.jenis.base import Alat, JenisRekap, Kerangka, Kolom
from generator.jenis.umum import ada_catatan, seri
from generator.model import RekapWbs
from generator.rules.kesegaran import Kesegaran, batas
from generator.rules.rekap import TAHAP_WBS, Ciri, WbsFacts, derive_wbs

# Kept monthly, quarterly or per semester (the unit's choice); published by the 10th of the next month.
CIRI = Ciri("wbs", "Rekap Whistle Blowing System", ("bulan", "triwulan", "semester"), "bulan-berikutnya")


@dataclass(frozen=True)
class Baris:
    periode: str
    ada: bool
    batas: str
    hitung: tuple[str, ...] | None  # per stage, in TAHAP_WBS order
    catatan: str | None


@dataclass(frozen=True)
class Halaman:
    rows: tuple[Baris, ...]
    terakhir: Baris | None
    ada_catatan: bool
    grafik: Any
    tahap: tuple[str, ...]
    total: tuple[str, ...]


def halaman(w: WbsFacts, kes: Kesegaran | None, a: Alat) -> Halaman:
    reported = {r.periode: r for r in w.periode}
    rows = tuple(
        Baris(
            p.label_pendek,
            r is not None,
            a.tanggal(batas(w.info, p)),
            tuple(a.angka(r.hitung[k]) for k, _ in TAHAP_WBS) if r else None,
            r.catatan if r else None,
        )
        for p, r in seri(kes, reported)
    )
    tahap = tuple(label for _, label in TAHAP_WBS)
    total = tuple(a.angka(w.total[k]) for k, _ in TAHAP_WBS)
    kalimat = a.teks("ringkasan_wbs", tahun=w.info.tahun, tahap=tahap, total=total)
    bars = [a.batang(label, w.total[k], a.angka(w.total[k])) for k, label in TAHAP_WBS]
    grafik = a.grafik_batang(
        f"wbs-{w.info.tahun}",
        a.teks("judul_wbs", tahun=w.info.tahun),
        a.teks("cara_baca_wbs"),
        bars,
        max(list(w.total.values()) + [1]),
        kalimat,
    )
    return Halaman(rows, next((r for r in rows if r.ada), None), ada_catatan(rows), grafik, tahap, total)


def terbaru(w: WbsFacts, a: Alat) -> str:
    if not w.periode:
        return a.kalimat("belum_ada")
    r = w.periode[-1]
    return a.kalimat(
        "terbaru_wbs",
        label=r.periode.label,
        diterima=a.angka(r.hitung["diterima"]),
        tahun_diterima=a.angka(w.total["diterima"]),
        tahun_ditutup=a.angka(w.total["ditutup"]),
    )


@dataclass(frozen=True)
class BarisTerbit:
    periode: str
    hitung: dict[str, int]  # totals per stage, never suppressed


def tabel(w: WbsFacts, ambang: int) -> tuple[BarisTerbit, ...]:
    return tuple(BarisTerbit(r.periode.kunci, dict(r.hitung)) for r in w.periode)


def _kolom(kunci: str, label: str) -> Kolom:
    return Kolom(
        kunci, f"Laporan WBS pada tahap {label.lower()} (dihitung menurut periode masuknya)", lambda r: r.hitung[kunci]
    )


def _contoh(periode: str) -> list[str]:
    return ["rekap:", f'  - {{periode: "{periode}", diterima: 0, diverifikasi: 0, ditindaklanjuti: 0, ditutup: 0}}']


JENIS = JenisRekap(
    ciri=CIRI,
    model=RekapWbs,
    fakta=derive_wbs,
    judul_nav="Whistle Blowing System",
    halaman=halaman,
    terbaru=terbaru,
    kerangka=Kerangka("Rekap Whistle Blowing System", _contoh),
    tabel=tabel,
    kolom=(
        Kolom("periode", "Periode rekap (TTTT-BB, TTTT-TWn atau TTTT-Sn)", lambda r: r.periode, "string"),
        *(_kolom(k, label) for k, label in TAHAP_WBS),
    ),
)

"""Benturan kepentingan: declarations signed against staff bound to sign, potential conflicts found and handled."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.jenis.base import Alat, JenisRekap, Kerangka, Kolom
from generator.jenis.umum import ada_catatan, seri
from generator.model import RekapBenturan
from generator.rules.kesegaran import Kesegaran, batas
from generator.rules.rekap import BenturanFacts, Ciri, PeriodeBenturanFacts, derive_benturan

# Kept monthly, quarterly or per semester (the unit's choice); published by the 10th of the next month.
CIRI = Ciri("benturan-kepentingan", "Rekap Benturan Kepentingan", ("bulan", "triwulan", "semester"), "bulan-berikutnya")


@dataclass(frozen=True)
class Baris:
    periode: str
    ada: bool
    batas: str
    wajib: str = ""
    ditandatangani: str = ""
    persen_pernyataan: str = ""
    teridentifikasi: str = ""
    ditangani: str = ""
    persen_ditangani: str = ""
    catatan: str | None = None


@dataclass(frozen=True)
class Potensi:
    teridentifikasi: str
    ditangani: str


@dataclass(frozen=True)
class Halaman:
    rows: tuple[Baris, ...]
    terakhir: Baris | None
    ada_catatan: bool
    grafik: Any
    potensi: Potensi


def _baris(p: Any, r: PeriodeBenturanFacts | None, b: BenturanFacts, a: Alat) -> Baris:
    if r is None:
        return Baris(p.label_pendek, False, a.tanggal(batas(b.info, p)))
    return Baris(
        p.label_pendek,
        True,
        a.tanggal(batas(b.info, p)),
        a.angka(r.pegawai_wajib),
        a.angka(r.pernyataan_ditandatangani),
        a.persen(r.persen_pernyataan),
        a.angka(r.potensi_teridentifikasi),
        a.angka(r.potensi_ditangani),
        a.persen(r.persen_ditangani),
        r.catatan,
    )


def halaman(b: BenturanFacts, kes: Kesegaran | None, a: Alat) -> Halaman:
    reported = {r.periode: r for r in b.periode}
    rows = tuple(_baris(p, r, b, a) for p, r in seri(kes, reported))
    chrono = sorted(reported.items(), key=lambda kv: kv[0].mulai)
    bars = [
        a.batang(
            p.label_pendek,
            r.persen_pernyataan or 0,
            f"{a.persen(r.persen_pernyataan)} ({r.pernyataan_ditandatangani}/{r.pegawai_wajib})",
        )
        for p, r in reversed(chrono)  # newest first, like the table
    ]
    latest = chrono[-1][1] if chrono else None
    kalimat = (
        a.teks("ringkasan_benturan", label=latest.periode.label, r=_baris(latest.periode, latest, b, a))
        if latest
        else ""
    )
    grafik = a.grafik_batang(
        f"benturan-{b.info.tahun}",
        a.teks("judul_benturan", tahun=b.info.tahun),
        a.teks("cara_baca_benturan"),
        bars,
        1,
        kalimat,
    )
    return Halaman(
        rows,
        next((r for r in rows if r.ada), None),
        ada_catatan(rows),
        grafik,
        Potensi(a.angka(b.potensi_teridentifikasi), a.angka(b.potensi_ditangani)),
    )


def terbaru(b: BenturanFacts, a: Alat) -> str:
    if not b.periode:
        return a.kalimat("belum_ada")
    r = b.periode[-1]
    return a.kalimat("terbaru_benturan", label=r.periode.label, r=_baris(r.periode, r, b, a))


@dataclass(frozen=True)
class BarisTerbit:
    periode: str
    fakta: PeriodeBenturanFacts  # totals, never suppressed


def tabel(b: BenturanFacts, ambang: int) -> tuple[BarisTerbit, ...]:
    return tuple(BarisTerbit(r.periode.kunci, r) for r in b.periode)


def _contoh(periode: str) -> list[str]:
    return [
        "rekap:",
        f'  - periode: "{periode}"',
        "    pegawai_wajib: 30",
        "    pernyataan_ditandatangani: 30",
        "    potensi_teridentifikasi: 0",
        "    potensi_ditangani: 0",
    ]


JENIS = JenisRekap(
    ciri=CIRI,
    model=RekapBenturan,
    fakta=derive_benturan,
    judul_nav="Benturan Kepentingan",
    halaman=halaman,
    terbaru=terbaru,
    kerangka=Kerangka("Rekap benturan kepentingan", _contoh),
    tabel=tabel,
    kolom=(
        Kolom("periode", "Periode rekap (TTTT-BB, TTTT-TWn atau TTTT-Sn)", lambda r: r.periode, "string"),
        Kolom("pegawai_wajib", "Pegawai yang wajib menandatangani pernyataan", lambda r: r.fakta.pegawai_wajib),
        Kolom(
            "pernyataan_ditandatangani",
            "Pernyataan yang sudah ditandatangani",
            lambda r: r.fakta.pernyataan_ditandatangani,
        ),
        Kolom(
            "potensi_teridentifikasi",
            "Potensi benturan kepentingan yang teridentifikasi",
            lambda r: r.fakta.potensi_teridentifikasi,
        ),
        Kolom(
            "potensi_ditangani",
            "Potensi benturan kepentingan yang sudah ditangani",
            lambda r: r.fakta.potensi_ditangani,
        ),
    ),
)

"""Gratifikasi: per month, the reports of receipt and refusal, their value and the outcome, or nihil."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.domain.gratifikasi import aturan_berlaku
from generator.jenis.base import Alat, JenisRekap, Kerangka, Kolom
from generator.jenis.umum import belum, seri
from generator.model import RekapGratifikasi
from generator.model.rekap import JENIS_LAPORAN, STATUS_GRATIFIKASI
from generator.rules.kesegaran import Kesegaran, batas
from generator.rules.rekap import BulanGratifikasiFacts, Ciri, GratifikasiFacts, derive_gratifikasi

# Reported monthly (PermenPANRB 90/2021 LKE, area penguatan pengawasan: pengendalian gratifikasi).
CIRI = Ciri("gratifikasi", "Rekap Gratifikasi", ("bulan",), "bulan-berikutnya")


@dataclass(frozen=True)
class Laporan:
    jenis: str
    jumlah: str
    nilai: str
    objek: str
    status: str


@dataclass(frozen=True)
class Baris:
    periode: str
    kunci: str
    ada: bool
    nihil: bool
    batas: str
    catatan: str | None
    per_jenis: tuple[tuple[str, str], ...] = ()  # (count, jenis) of the kinds reported, for the state sentence
    penerimaan: str = ""
    penolakan: str = ""
    nilai_penerimaan: str = ""
    nilai_penolakan: str = ""
    laporan: tuple[Laporan, ...] = ()


@dataclass(frozen=True)
class Perubahan:
    nama: str
    berlaku: str


@dataclass(frozen=True)
class AturanBerlaku:
    dasar: str
    perubahan: tuple[Perubahan, ...]


@dataclass(frozen=True)
class Status:
    status: str
    jumlah: str


@dataclass(frozen=True)
class Total:
    penerimaan: str
    penolakan: str
    nilai_penerimaan: str
    nilai_penolakan: str


@dataclass(frozen=True)
class Halaman:
    rows: tuple[Baris, ...]
    terakhir: Baris | None
    grafik: Any
    jumlah_laporan: int
    aturan: AturanBerlaku
    status: tuple[Status, ...]
    total: Total


def _baris(p: Any, m: BulanGratifikasiFacts | None, g: GratifikasiFacts, a: Alat) -> Baris:
    common = {
        "periode": p.label_pendek,
        "kunci": p.kunci,
        "ada": m is not None,
        "nihil": bool(m and m.nihil),
        "batas": a.tanggal(batas(g.info, p)),
        "catatan": m.catatan if m else None,
    }
    if m is None:
        return Baris(**common)
    return Baris(
        **common,
        per_jenis=tuple((a.angka(m.jumlah[j]), j) for j in JENIS_LAPORAN if m.jumlah[j]),
        penerimaan=a.angka(m.jumlah["penerimaan"]),
        penolakan=a.angka(m.jumlah["penolakan"]),
        nilai_penerimaan=a.rupiah(m.nilai["penerimaan"]),
        nilai_penolakan=a.rupiah(m.nilai["penolakan"]),
        laporan=tuple(Laporan(r.jenis, a.angka(r.jumlah), a.rupiah(r.nilai), r.objek, r.status) for r in m.laporan),
    )


def _singkat(m: BulanGratifikasiFacts | None, a: Alat) -> str:
    return a.teks(
        "batang_gratifikasi",
        ada=m is not None,
        nihil=bool(m and m.nihil),
        jumlah=a.angka(sum(m.jumlah.values())) if m else "",
    )


def halaman(g: GratifikasiFacts, kes: Kesegaran | None, a: Alat) -> Halaman:
    reported = {m.periode: m for m in g.bulan}
    rows = tuple(_baris(p, m, g, a) for p, m in seri(kes, reported))
    chrono = sorted(reported.items(), key=lambda kv: kv[0].mulai)
    missing = belum(kes)
    months = sorted([*reported, *missing], key=lambda p: p.mulai)
    bars = [
        a.batang(
            p.label_pendek, sum(reported[p].jumlah.values()) if p in reported else None, _singkat(reported.get(p), a)
        )
        for p in reversed(months)  # newest first, like the table
    ]
    most = max([sum(m.jumlah.values()) for _, m in chrono] + [1])
    total = Total(
        a.angka(g.jumlah["penerimaan"]),
        a.angka(g.jumlah["penolakan"]),
        a.rupiah(g.nilai["penerimaan"]),
        a.rupiah(g.nilai["penolakan"]),
    )
    kalimat = a.teks(
        "ringkasan_gratifikasi",
        tahun=g.info.tahun,
        sampai=chrono[-1][0].label_pendek if chrono else "-",
        total=total,
        bulan_nihil=a.angka(g.bulan_nihil),
        belum=[p.label_pendek for p in missing],
    )
    grafik = a.grafik_batang(
        f"gratifikasi-{g.info.tahun}",
        a.teks("judul_gratifikasi", tahun=g.info.tahun),
        a.teks("cara_baca_gratifikasi"),
        bars,
        most,
        kalimat,
    )
    dasar, perubahan = aturan_berlaku(g.info.tahun)
    return Halaman(
        rows,
        rows[0] if rows else None,
        grafik,
        g.jumlah["penerimaan"] + g.jumlah["penolakan"],
        AturanBerlaku(dasar, tuple(Perubahan(p.nama, a.tanggal(p.berlaku)) for p in perubahan)),
        tuple(Status(s, a.angka(g.per_status[s])) for s in STATUS_GRATIFIKASI),
        total,
    )


def terbaru(g: GratifikasiFacts, a: Alat) -> str:
    if not g.bulan:
        return a.kalimat("belum_ada")
    m = g.bulan[-1]
    return a.kalimat("terbaru_gratifikasi", label=m.periode.label, r=_baris(m.periode, m, g, a))


@dataclass(frozen=True)
class BarisTerbit:
    """One month as published: gratifikasi counts are totals, never suppressed."""

    periode: str
    nihil: bool
    jumlah: dict[str, int]
    nilai: dict[str, int]


def tabel(g: GratifikasiFacts, ambang: int) -> tuple[BarisTerbit, ...]:
    return tuple(BarisTerbit(m.periode.kunci, m.nihil, dict(m.jumlah), dict(m.nilai)) for m in g.bulan)


def _contoh(periode: str) -> list[str]:
    return ["rekap:", f'  - periode: "{periode}"', "    nihil: true          # atau daftar 'laporan'"]


JENIS = JenisRekap(
    ciri=CIRI,
    model=RekapGratifikasi,
    fakta=derive_gratifikasi,
    judul_nav="Gratifikasi",
    halaman=halaman,
    terbaru=terbaru,
    kerangka=Kerangka("Rekap gratifikasi per bulan", _contoh),
    tabel=tabel,
    kolom=(
        Kolom("periode", "Bulan rekap (TTTT-BB)", lambda r: r.periode, "string"),
        Kolom("nihil", "Ya bila unit menyatakan tidak ada laporan pada bulan itu", lambda r: r.nihil, "boolean"),
        Kolom("laporan_penerimaan", "Jumlah laporan penerimaan gratifikasi", lambda r: r.jumlah["penerimaan"]),
        Kolom("nilai_penerimaan", "Nilai penerimaan yang dilaporkan, rupiah", lambda r: r.nilai["penerimaan"]),
        Kolom("laporan_penolakan", "Jumlah laporan penolakan gratifikasi", lambda r: r.jumlah["penolakan"]),
        Kolom("nilai_penolakan", "Nilai penolakan yang dilaporkan, rupiah", lambda r: r.nilai["penolakan"]),
    ),
)

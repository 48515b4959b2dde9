"""Pengaduan masyarakat (DUMAS): per month, received, to follow up, in process, finished, by channel and category."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.jenis.base import Alat, JenisRekap, Kerangka, Kolom
from generator.jenis.umum import ada_catatan, seri
from generator.model import RekapPengaduan
from generator.model.rekap import NAMA_KANAL
from generator.rules import terbit
from generator.rules.kesegaran import Kesegaran, batas
from generator.rules.rekap import Ciri, HitungPengaduan, PengaduanFacts, derive_pengaduan
from generator.rules.terbit import SelTerbit

# Reported monthly (PermenPANRB 62/2018 on public complaints; research/domain-facts.md §5).
CIRI = Ciri("pengaduan", "Rekap Pengaduan Masyarakat", ("bulan",), "bulan-berikutnya")


@dataclass(frozen=True)
class Hitung:
    diterima: str
    harus: str
    diproses: str
    selesai: str
    belum: str
    persen: str


@dataclass(frozen=True)
class Baris:
    periode: str
    ada: bool
    batas: str
    hitung: Hitung | None = None
    rata_rata: str = "–"
    kanal: tuple[Any, ...] | None = None  # Sel per shown channel; None when the month is not broken down
    catatan: str | None = None


@dataclass(frozen=True)
class Bernama:
    nama: str
    sel: Any  # Sel


@dataclass(frozen=True)
class Halaman:
    rows: tuple[Baris, ...]
    terakhir: Baris | None
    total: Hitung
    ada_catatan: bool
    grafik: Any
    grafik_kanal: Any
    rata_rata: str | None
    standar: int | None
    memenuhi: bool | None
    kanal_kolom: tuple[str, ...]
    kanal_total: tuple[Bernama, ...]
    bulan_tanpa_kanal: int
    ambang: int
    kanal_total_kolom: tuple[Any, ...]
    kategori: tuple[Bernama, ...]
    ada_sekunder: bool
    tanda_sekunder: str
    bulan_tanpa_kategori: int
    kanal_teratas: Bernama | None  # the busiest channel, named only when its own total is published


def _hitung(h: HitungPengaduan, a: Alat) -> Hitung:
    return Hitung(
        a.angka(h.diterima),
        a.angka(h.harus_ditindaklanjuti),
        a.angka(h.sedang_diproses),
        a.angka(h.selesai),
        a.angka(h.belum_diproses),
        a.persen(h.persen_selesai),
    )


def _kanal_teratas(d: PengaduanFacts, tk: terbit.TabelTerbit, a: Alat) -> Bernama | None:
    # A hidden channel total may be larger than the one named: then none is named.
    top = max(d.kanal, key=lambda k: d.kanal[k])
    if not d.kanal[top] or tk[("tahun", top)].disembunyikan:
        return None
    return Bernama(NAMA_KANAL[top], a.sel(tk[("tahun", top)]))


def halaman(d: PengaduanFacts, kes: Kesegaran | None, a: Alat) -> Halaman:
    ambang = a.ambang
    reported = {m.periode: m for m in d.bulan}
    tk = terbit.tabel_kanal(d.bulan, ambang, terbit.SEKUNDER)
    tg = terbit.tabel_kategori(d.bulan, d.kategori, ambang, terbit.SEKUNDER)
    # a column of zeros is left out, unless a cell of it is hidden (leaving it out would tell it is 0)
    kanal_cols = [
        k
        for k in NAMA_KANAL
        if d.kanal[k]
        or tk[("tahun", k)].disembunyikan
        or any(m.kanal and tk[("bulan", m.periode.kunci, k)].disembunyikan for m in d.bulan)
    ]
    rows = []
    for p, m in seri(kes, reported):
        if m is None:
            rows.append(Baris(p.label_pendek, False, a.tanggal(batas(d.info, p))))
            continue
        rows.append(
            Baris(
                p.label_pendek,
                True,
                a.tanggal(batas(d.info, p)),
                _hitung(m.hitung, a),
                a.desimal(m.rata_rata_hari_kerja, 1) if m.rata_rata_hari_kerja is not None else "–",
                tuple(a.sel(tk[("bulan", p.kunci, k)]) for k in kanal_cols) if m.kanal is not None else None,
                m.catatan,
            )
        )
    total = _hitung(d.total, a)
    avg = a.desimal(d.rata_rata_hari_kerja, 1) if d.rata_rata_hari_kerja is not None else None
    kalimat = a.teks(
        "ringkasan_pengaduan",
        tahun=d.info.tahun,
        total=total,
        rata_rata=avg,
        memenuhi=d.memenuhi_standar,
        standar=d.standar_hari_kerja,
    )
    chrono = sorted(reported.items(), key=lambda kv: kv[0].mulai)
    tumpukan = [
        a.tumpukan(
            p.label_pendek,
            (m.hitung.selesai, m.hitung.sedang_diproses, m.hitung.belum_diproses),
            a.teks(
                "batang_pengaduan",
                selesai=m.hitung.selesai,
                diproses=m.hitung.sedang_diproses,
                belum=m.hitung.belum_diproses,
            ),
        )
        for p, m in reversed(chrono)  # newest first, like the table
    ]
    grafik = a.grafik_bertumpuk(
        f"pengaduan-{d.info.tahun}",
        a.teks("judul_pengaduan", tahun=d.info.tahun),
        a.teks("cara_baca_pengaduan"),
        ("Selesai", "Sedang diproses", "Belum diproses"),
        tumpukan,
        max([m.hitung.harus_ditindaklanjuti for _, m in chrono] + [1]),
        kalimat,
    )
    kanal_total = tuple(Bernama(NAMA_KANAL[k], a.sel(tk[("tahun", k)])) for k in NAMA_KANAL)
    kanal_bars = [a.batang(NAMA_KANAL[k], tk[("tahun", k)].nilai, a.sel(tk[("tahun", k)]).teks) for k in NAMA_KANAL]
    teratas = _kanal_teratas(d, tk, a)
    grafik_kanal = a.grafik_batang(
        f"pengaduan-kanal-{d.info.tahun}",
        a.teks("judul_pengaduan_kanal", tahun=d.info.tahun),
        a.teks(
            "cara_baca_pengaduan_kanal",
            tahun=d.info.tahun,
            ambang=ambang,
            tanda_sekunder=a.tanda_sekunder if tk.ada_sekunder else None,
        ),
        kanal_bars,
        max([b.nilai for b in kanal_bars if b.nilai is not None] + [1]),
        a.teks("kanal_teratas", teratas=teratas),
    )
    return Halaman(
        tuple(rows),
        next((r for r in rows if r.ada), None),
        total,
        ada_catatan(rows),
        grafik,
        grafik_kanal,
        avg,
        d.standar_hari_kerja,
        d.memenuhi_standar,
        tuple(NAMA_KANAL[k] for k in kanal_cols),
        kanal_total,
        d.bulan_tanpa_kanal,
        ambang,
        tuple(a.sel(tk[("tahun", k)]) for k in kanal_cols),
        tuple(Bernama(k, a.sel(tg[k])) for k in d.kategori),
        tk.ada_sekunder or tg.ada_sekunder,
        a.tanda_sekunder,
        d.bulan_tanpa_kategori,
        teratas,
    )


def terbaru(d: PengaduanFacts, a: Alat) -> str:
    if not d.bulan:
        return a.kalimat("belum_ada")
    m = d.bulan[-1]
    return a.kalimat("terbaru_pengaduan", label=m.periode.label, bulan=_hitung(m.hitung, a), tahun=_hitung(d.total, a))


@dataclass(frozen=True)
class BarisTerbit:
    """One month as published: the counts in full, each channel cell as ``generator.rules.terbit`` allows it."""

    periode: str
    hitung: HitungPengaduan
    rata_rata_hari_kerja: Any
    kanal: dict[str, SelTerbit] | None


def tabel(d: PengaduanFacts, ambang: int) -> tuple[BarisTerbit, ...]:
    tk = terbit.tabel_kanal(d.bulan, ambang, terbit.SEKUNDER)
    return tuple(
        BarisTerbit(
            m.periode.kunci,
            m.hitung,
            m.rata_rata_hari_kerja,
            {k: tk[("bulan", m.periode.kunci, k)] for k in NAMA_KANAL} if m.kanal is not None else None,
        )
        for m in d.bulan
    )


def _kolom_kanal(k: str) -> Kolom:
    return Kolom(
        f"kanal_{k}",
        f"Pengaduan diterima melalui {NAMA_KANAL[k]}; kosong bila tidak dirinci atau "
        "disembunyikan agar angka kecil tidak dapat dikenali",
        lambda r: r.kanal[k].nilai if r.kanal else None,
    )


def _salin(d: PengaduanFacts) -> dict[str, Any]:
    """The unit's own service standard carries over to the new year (staff check it: # PERIKSA)."""
    return {"standar_hari_kerja": d.standar_hari_kerja} if d.standar_hari_kerja is not None else {}


def _contoh(periode: str) -> list[str]:
    return [
        "rekap:",
        f'  - periode: "{periode}"',
        "    diterima: 4",
        "    harus_ditindaklanjuti: 3",
        "    sedang_diproses: 1",
        "    selesai: 2",
        "    kanal: {website: 1, surel: 1, whatsapp: 2}",
    ]


JENIS = JenisRekap(
    ciri=CIRI,
    model=RekapPengaduan,
    fakta=derive_pengaduan,
    judul_nav="Pengaduan Masyarakat",
    halaman=halaman,
    terbaru=terbaru,
    kerangka=Kerangka("Rekap pengaduan masyarakat per bulan", _contoh, _salin),
    tabel=tabel,
    kolom=(
        Kolom("periode", "Bulan rekap (TTTT-BB)", lambda r: r.periode, "string"),
        Kolom("diterima", "Pengaduan yang diterima pada bulan itu", lambda r: r.hitung.diterima),
        Kolom(
            "harus_ditindaklanjuti",
            "Bagian yang diterima yang harus ditindaklanjuti",
            lambda r: r.hitung.harus_ditindaklanjuti,
        ),
        Kolom(
            "sedang_diproses",
            "Yang harus ditindaklanjuti dan sedang diproses per tanggal data",
            lambda r: r.hitung.sedang_diproses,
        ),
        Kolom("selesai", "Yang harus ditindaklanjuti dan sudah selesai per tanggal data", lambda r: r.hitung.selesai),
        *(_kolom_kanal(k) for k in NAMA_KANAL),
    ),
)

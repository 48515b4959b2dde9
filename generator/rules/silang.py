"""Cross-checks between progress and recaps: the example data once said both "July's gratifikasi
recap is done" (realisasi) and "July was not reported" (gratifikasi.yaml). Such a pair is a
warning, not an error: one of the two files is behind, and staff must say which.

A realisasi row names the recap it publishes (``rekap: gratifikasi``). The mapping rule from a
month of work to the recap's period is the recap's own period kind: month m is the period
"bulan m", or the quarter / half year holding m. Two contradictions are detected:

1. the row records work in month m (or is ``selesai``) while the recap's period for m is due
   and missing (``generator.rules.kesegaran``);
2. the recap holds a period that the row plans (a planned month inside it) while the row is not
   ``selesai`` and records no work in that period.
"""

from __future__ import annotations

from generator.domain.jadwal import BULAN
from generator.domain.periode import Periode
from generator.rules.capaian import BarisCapaian
from generator.rules.plan_facts import Loc
from generator.rules.tahun import TahunFacts

FILE = "realisasi.yaml"

Peringatan = tuple[str, Loc, str, str]  # (file in the year folder, data path, message, fix)


def periode_dari_bulan(tahun: int, jenis_periode: str, bulan: int) -> Periode:
    """The period of a recap that holds month ``bulan``."""
    panjang = {"bulan": 1, "triwulan": 3, "semester": 6}[jenis_periode]
    return Periode(tahun, jenis_periode, (bulan - 1) // panjang + 1)


def periksa_silang(tahun: TahunFacts) -> list[Peringatan]:
    if tahun.capaian is None:
        return []
    out: list[Peringatan] = []
    for b in sorted(tahun.capaian.baris.values(), key=lambda r: r.butir if r.butir is not None else -1):
        if b.rekap is None or b.butir is None:
            continue
        rekap = tahun.rekap_jenis(b.rekap)
        kes = tahun.kesegaran.get(b.rekap)
        if rekap is None or kes is None:
            out.append(
                (
                    FILE,
                    ("baris", b.butir, "rekap"),
                    f"baris '{b.id}' menyebut rekap '{b.rekap}', tetapi "
                    f"berkas {b.rekap}.yaml tahun {tahun.tahun} tidak ada",
                    f"buat {b.rekap}.yaml, atau hapus 'rekap' dari baris ini",
                )
            )
            continue
        out.extend(
            _dikerjakan_tanpa_rekap(b, tahun.tahun, rekap.info.jenis_periode, {p for p, _ in kes.belum_dilaporkan})
        )
        out.extend(_rekap_tanpa_pekerjaan(b, tahun.tahun, rekap.info.periode))
    return out


def _dikerjakan_tanpa_rekap(b: BarisCapaian, tahun: int, jenis_periode: str, missing: set[Periode]) -> list[Peringatan]:
    months = range(1, 13) if b.status == "selesai" else b.bulan_terlaksana
    periods = sorted({periode_dari_bulan(tahun, jenis_periode, m) for m in months} & missing, key=lambda p: p.mulai)
    out: list[Peringatan] = []
    assert b.butir is not None  # periksa_silang skips rows not in realisasi.yaml
    for p in periods:
        done = [m for m in p.bulan if m in b.bulan_terlaksana]
        said = f"mencatat {', '.join(BULAN[m - 1] for m in done)} sudah dikerjakan" if done else "berstatus selesai"
        out.append(
            (
                FILE,
                ("baris", b.butir, "bulan" if done else "status"),
                f"baris '{b.id}' {said}, tetapi rekap {b.rekap} {p.label} belum dilaporkan",
                f"tambahkan periode '{p.label}' ke {b.rekap}.yaml bila rekapnya sudah terbit; bila belum, "
                + (
                    f"hapus {', '.join(str(m) for m in done)} dari 'bulan' baris ini"
                    if done
                    else "ubah status menjadi 'berjalan'"
                ),
            )
        )
    return out


def _rekap_tanpa_pekerjaan(b: BarisCapaian, tahun: int, reported: tuple[Periode, ...]) -> list[Peringatan]:
    if b.status == "selesai":
        return []
    assert b.butir is not None  # periksa_silang skips rows not in realisasi.yaml
    out: list[Peringatan] = []
    for p in reported:
        planned = [m for m in p.bulan if m in b.bulan_rencana]
        if planned and not any(m in b.bulan_terlaksana for m in p.bulan):
            m = planned[-1]
            out.append(
                (
                    FILE,
                    ("baris", b.butir, "bulan"),
                    f"rekap {b.rekap} memuat {p.label}, tetapi baris '{b.id}' yang merencanakannya belum "
                    f"mencatat pekerjaan pada {p.label}",
                    f"tambahkan {m} ke 'bulan' baris ini (atau ubah status menjadi 'selesai' bila semuanya "
                    f"sudah dikerjakan)",
                )
            )
    return out

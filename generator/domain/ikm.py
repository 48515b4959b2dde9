"""Indeks Kepuasan Masyarakat (IKM): PermenPANRB 14/2017 tentang Pedoman Penyusunan
Survei Kepuasan Masyarakat Unit Penyelenggara Pelayanan Publik, Lampiran.

The method (verified in research/domain-facts.md §2 against data.penajamkab.go.id
and the GASPUL formula sheet):

- nine unsur (Lampiran, bagian ruang lingkup): Persyaratan; Sistem, Mekanisme, dan
  Prosedur; Waktu Penyelesaian; Biaya/Tarif; Produk Spesifikasi Jenis Pelayanan;
  Kompetensi Pelaksana; Perilaku Pelaksana; Penanganan Pengaduan, Saran dan
  Masukan; Sarana dan Prasarana;
- each answer is 1..4; the nilai rata-rata (NRR) of an unsur is the mean answer;
- every unsur weighs the same, bobot = 1 / jumlah unsur = 1/9;
- IKM = Σ (NRR × bobot), multiplied by the nilai dasar 25 (range 25..100);
- mutu pelayanan A (88,31–100, Sangat Baik), B (76,61–88,30, Baik),
  C (65,00–76,60, Kurang Baik), D (25,00–64,99, Tidak Baik).

The Lampiran's worked example writes the weight as 0,111. That rounding lowers
every IKM by 0,1 % (0,111 × 9 = 0,999) and can move a unit across a band
boundary; GASPUL documents 90,56 vs 91,48 on one data set. Here the weight is
exactly ``Fraction(1, 9)`` and nothing is rounded until the end.

Rounding (our decision, documented): the published IKM has two decimals, as
the band table is written with two decimals and leaves gaps between bands
(88,30 | 88,31). The exact IKM is therefore rounded once, half away from zero, to
two decimals, and the band is read from that rounded figure, so the number a
visitor sees and its band always agree. NRR is shown with two decimals too but
never rounded before use.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from generator.domain.bulat import bulat

# (key used in the data, name as written in PermenPANRB 14/2017)
UNSUR: tuple[tuple[str, str], ...] = (
    ("persyaratan", "Persyaratan"),
    ("prosedur", "Sistem, Mekanisme, dan Prosedur"),
    ("waktu", "Waktu Penyelesaian"),
    ("biaya", "Biaya/Tarif"),
    ("produk", "Produk Spesifikasi Jenis Pelayanan"),
    ("kompetensi", "Kompetensi Pelaksana"),
    ("perilaku", "Perilaku Pelaksana"),
    ("pengaduan", "Penanganan Pengaduan, Saran dan Masukan"),
    ("sarana", "Sarana dan Prasarana"),
)
NAMA_UNSUR = dict(UNSUR)
BOBOT = Fraction(1, len(UNSUR))  # exactly 1/9, never 0.111
NILAI_DASAR = 25
SKALA = (1, 2, 3, 4)  # answer values; the data gives how many respondents chose each
DESIMAL = 2


@dataclass(frozen=True)
class Mutu:
    huruf: str
    kinerja: str
    batas_bawah: Decimal  # lowest IKM (two decimals) in this band


MUTU: tuple[Mutu, ...] = (
    Mutu("A", "Sangat Baik", Decimal("88.31")),
    Mutu("B", "Baik", Decimal("76.61")),
    Mutu("C", "Kurang Baik", Decimal("65.00")),
    Mutu("D", "Tidak Baik", Decimal("25.00")),
)


@dataclass(frozen=True)
class HasilUnsur:
    kode: str
    nama: str
    jawaban: tuple[int, ...]  # respondents per answer 1..4
    nrr: Fraction
    nilai_konversi: Decimal  # NRR × 25, two decimals (the per-unsur figure in IKM reports)
    mutu: Mutu


@dataclass(frozen=True)
class HasilIKM:
    unsur: tuple[HasilUnsur, ...]
    tepat: Fraction  # the exact IKM
    nilai: Decimal  # rounded to two decimals: the published figure
    mutu: Mutu


def nrr(jawaban: Sequence[int]) -> Fraction:
    """Mean answer of one unsur from the number of respondents per answer 1..4."""
    if len(jawaban) != len(SKALA):
        raise ValueError("jawaban harus berisi empat bilangan (jawaban 1, 2, 3, 4)")
    total = sum(jawaban)
    if total == 0:
        raise ValueError("tidak ada jawaban")
    return Fraction(sum(v * n for v, n in zip(SKALA, jawaban)), total)


def ikm_tepat(nilai_rata_rata: Sequence[Fraction], bobot: Fraction = BOBOT) -> Fraction:
    """IKM = Σ(NRR × bobot) × 25. ``bobot`` is a parameter only so tests can show what 0.111 does."""
    return sum((Fraction(n) * bobot for n in nilai_rata_rata), Fraction(0)) * NILAI_DASAR


def mutu(nilai: Decimal) -> Mutu:
    """Band of a two-decimal IKM (or of an unsur's NRR × 25)."""
    for m in MUTU:
        if nilai >= m.batas_bawah:
            return m
    return MUTU[-1]


def hitung_ikm(jawaban: Mapping[str, Sequence[int]], bobot: Fraction = BOBOT) -> HasilIKM:
    """IKM from raw answer counts of the nine unsur (keys of ``UNSUR``)."""
    hasil = []
    for kode, nama in UNSUR:
        counts = tuple(jawaban[kode])
        value = nrr(counts)
        konversi = bulat(value * NILAI_DASAR, DESIMAL)
        hasil.append(HasilUnsur(kode, nama, counts, value, konversi, mutu(konversi)))
    tepat = ikm_tepat([h.nrr for h in hasil], bobot)
    nilai = bulat(tepat, DESIMAL)
    return HasilIKM(tuple(hasil), tepat, nilai, mutu(nilai))

"""Surveys per quarter: IKM with its nine unsur (PermenPANRB 14/2017), the Indeks Persepsi Anti Korupsi and
the Indeks Persepsi Kualitas Pelayanan (IPKP) on the 0–4 index of ZI evaluation, each against its thresholds.
The arithmetic is in ``generator.domain.ikm``, ``generator.domain.survei`` and ``generator.rules.survei``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from generator.domain.bulat import bulat
from generator.domain.ikm import MUTU, UNSUR
from generator.domain.survei import AMBANG_ANTI_KORUPSI, AMBANG_KUALITAS_PELAYANAN, Ambang
from generator.jenis.base import Alat, JenisRekap, Kerangka, Kolom
from generator.model import RekapSurvei
from generator.rules import terbit
from generator.rules.kesegaran import Kesegaran
from generator.rules.rekap import Ciri
from generator.rules.survei import DESIMAL_INDEKS, IkmFacts, IndeksFacts, SurveiFacts, TriwulanFacts, derive_survei

# The IKM chart's axis runs over the range an IKM can take, 25..100 (PermenPANRB 14/2017, Lampiran:
# answers 1..4 times the nilai dasar 25; band D starts at 25,00), not 0..100: a 0 start would squeeze
# the A/B/C bands, where real results differ, into the right quarter of the bar.
IKM_TERENDAH = MUTU[-1].batas_bawah

# Quarterly, published by the end of the quarter (PermenPANRB 14/2017: IKM at least once a period).
CIRI = Ciri("survei", "Hasil Survei", ("triwulan",), "akhir-periode")

NAMA_INDEKS = {
    "anti_korupsi": "Indeks Persepsi Anti Korupsi",
    "kualitas_pelayanan": "Indeks Persepsi Kualitas Pelayanan (IPKP)",
}
METODE = {
    "sebanding": "sebanding (hasil × 4 ÷ nilai tertinggi skala survei)",
    "linear": "linear (hasil − nilai terendah) ÷ (nilai tertinggi − nilai terendah) × 4",
}


@dataclass(frozen=True)
class AmbangNilai:
    predikat: str
    nilai: str
    memenuhi: bool = False
    skor: str = ""


@dataclass(frozen=True)
class Indeks:
    nilai_asli: str
    skala: str
    dikonversi: bool
    indeks: str
    dinilai: bool
    metode: str | None
    sumber: str | None
    responden: str
    ambang: tuple[AmbangNilai, ...]
    periode: str = ""  # in a section's table rows


@dataclass(frozen=True)
class Unsur:
    nama: str
    nrr: str
    konversi: str
    mutu: str
    jawaban: tuple[Any, ...]  # Sel per answer 1..4


@dataclass(frozen=True)
class Ikm:
    nilai: str
    mutu: str
    kinerja: str
    responden: str
    populasi: str | None
    minimal: str | None
    cukup: bool | None
    ada_sekunder: bool
    unsur: tuple[Unsur, ...]


@dataclass(frozen=True)
class Triwulan:
    periode: str
    label: str
    ikm: Ikm | None
    anti_korupsi: Indeks | None
    kualitas_pelayanan: Indeks | None
    catatan: str | None


@dataclass(frozen=True)
class Catatan:
    periode: str
    teks: str


@dataclass(frozen=True)
class BarisNrr:
    nama: str  # the unsur
    nilai: tuple[str, ...]  # its NRR per quarter


@dataclass(frozen=True)
class TabelNrr:
    kolom: tuple[str, ...]
    baris: tuple[BarisNrr, ...]


@dataclass(frozen=True)
class BagianIndeks:
    kunci: str
    nama: str
    grafik: Any
    ringkasan: Any  # Markup: shown when there is no chart
    ambang: tuple[AmbangNilai, ...]
    baris: tuple[Indeks, ...]


@dataclass(frozen=True)
class Mutu:
    huruf: str
    kinerja: str
    dari: str


@dataclass(frozen=True)
class Halaman:
    triwulan: tuple[Triwulan, ...]  # newest first
    terakhir: Triwulan | None
    grafik_ikm: Any
    catatan: tuple[Catatan, ...]
    grafik_nrr: Any
    ambang_sel: int
    tanda_sekunder: str
    nrr_tabel: TabelNrr
    indeks: tuple[BagianIndeks | None, ...]
    mutu: tuple[Mutu, ...]


def _nilai(d: Decimal, a: Alat) -> str:
    """A survey figure, with the two decimals of every index figure on the page: 5,10, not 5,1."""
    return a.desimal(d, DESIMAL_INDEKS)


def _angka_skala(d: Decimal) -> str:
    """A scale end as written, with a decimal comma: 1, 4, 6."""
    text = format(d.normalize(), "f") if d == d.to_integral_value() else format(d, "f")
    return text.replace(".", ",")


def _ambang_groups(ambang: tuple[Ambang, ...]) -> list[tuple[Decimal, str]]:
    """Thresholds merged when two predicates share a value: [(3.60, 'Menuju WBK dan Menuju WBBM')]."""
    groups: dict[Decimal, list[str]] = {}
    for x in ambang:
        groups.setdefault(bulat(x.indeks, 2), []).append(x.predikat)
    return [(v, " dan ".join(names)) for v, names in sorted(groups.items())]


def _skala(x: IndeksFacts) -> str:
    return f"{_angka_skala(x.skala_terendah)}–{_angka_skala(x.skala_tertinggi)}"


def indeks_view(x: IndeksFacts | None, a: Alat) -> Indeks | None:
    return None if x is None else _indeks(x, a)


def _indeks(x: IndeksFacts, a: Alat, periode: str = "") -> Indeks:
    return Indeks(
        _nilai(x.nilai_asli, a),
        _skala(x),
        x.dikonversi,
        a.desimal(x.indeks, 2) if x.indeks is not None else "–",
        x.indeks is not None,
        METODE.get(x.metode or ""),
        x.sumber,
        a.angka(x.responden) if x.responden is not None else "–",
        tuple(AmbangNilai(t.predikat, a.desimal(t.indeks, 2), ok) for t, ok in x.ambang),
        periode,
    )


def _ikm(t: TriwulanFacts, a: Alat) -> Ikm | None:
    if t.ikm is None:
        return None
    h = t.ikm.hasil
    jawaban = [terbit.tabel_jawaban(u.jawaban, a.ambang, terbit.SEKUNDER) for u in h.unsur]
    return Ikm(
        a.desimal(h.nilai, 2),
        h.mutu.huruf,
        h.mutu.kinerja,
        a.angka(t.ikm.responden),
        a.angka(t.ikm.populasi) if t.ikm.populasi is not None else None,
        a.angka(t.ikm.sampel_minimal) if t.ikm.sampel_minimal is not None else None,
        t.ikm.sampel_cukup,
        any(j.ada_sekunder for j in jawaban),
        tuple(
            Unsur(
                u.nama,
                a.desimal(u.nrr, 2),
                a.desimal(u.nilai_konversi, 2),
                u.mutu.huruf,
                tuple(a.sel(j[i + 1]) for i in range(len(u.jawaban))),
            )
            for u, j in zip(h.unsur, jawaban)
        ),
    )


def _dengan_ikm(s: SurveiFacts) -> list[tuple[TriwulanFacts, IkmFacts]]:
    """The quarters that have an IKM, oldest first, each with it."""
    return [(t, t.ikm) for t in s.triwulan if t.ikm is not None]


def halaman(s: SurveiFacts, kes: Kesegaran | None, a: Alat) -> Halaman:
    quarters = tuple(
        Triwulan(
            t.periode.label_pendek,
            t.periode.label,
            _ikm(t, a),
            indeks_view(t.anti_korupsi, a),
            indeks_view(t.kualitas_pelayanan, a),
            t.catatan,
        )
        for t in reversed(s.triwulan)
    )
    with_ikm = _dengan_ikm(s)
    grafik_ikm = None
    if with_ikm:
        bars = [
            a.batang(
                t.periode.label_pendek,
                ikm.hasil.nilai - IKM_TERENDAH,
                f"{a.desimal(ikm.hasil.nilai, 2)} ({ikm.hasil.mutu.huruf})",
            )
            for t, ikm in reversed(with_ikm)  # newest first, like the table
        ]
        last_t, _ = with_ikm[-1]
        grafik_ikm = a.grafik_batang(
            f"ikm-{s.info.tahun}",
            a.teks("judul_ikm", tahun=s.info.tahun),
            a.teks("cara_baca_ikm"),
            bars,
            100 - IKM_TERENDAH,
            a.teks("ringkasan_ikm", label=last_t.periode.label, ikm=_ikm(last_t, a)),
            tuple(
                a.garis(m.batas_bawah - IKM_TERENDAH, f"{m.huruf} ≥ {a.desimal(m.batas_bawah, 2)}") for m in MUTU[:3]
            ),
        )
    return Halaman(
        quarters,
        quarters[0] if quarters else None,
        grafik_ikm,
        tuple(Catatan(q.label, q.catatan) for q in quarters if q.catatan),
        _nrr_chart(s, a),
        a.ambang,
        a.tanda_sekunder,
        _nrr_table(s, a),
        tuple(_indeks_section(s, k, a) for k in NAMA_INDEKS),
        tuple(Mutu(m.huruf, m.kinerja, a.desimal(m.batas_bawah, 2)) for m in MUTU),
    )


def _nrr_chart(s: SurveiFacts, a: Alat) -> Any:
    with_ikm = _dengan_ikm(s)
    if not with_ikm:
        return None
    last, ikm = with_ikm[-1]
    units = ikm.hasil.unsur
    low = min(units, key=lambda u: u.nrr)
    high = max(units, key=lambda u: u.nrr)
    return a.grafik_batang(
        f"nrr-{s.info.tahun}",
        a.teks("judul_nrr", periode=last.periode.label),
        a.teks("cara_baca_nrr"),
        [a.batang(u.nama, u.nrr, a.desimal(u.nrr, 2)) for u in units],
        4,
        a.teks(
            "ringkasan_nrr",
            label=last.periode.label,
            tinggi=high.nama,
            nilai_tinggi=a.desimal(high.nrr, 2),
            rendah=low.nama,
            nilai_rendah=a.desimal(low.nrr, 2),
        ),
    )


def _nrr_table(s: SurveiFacts, a: Alat) -> TabelNrr:
    with_ikm = _dengan_ikm(s)
    return TabelNrr(
        tuple(t.periode.label_pendek for t, _ in with_ikm),
        tuple(
            BarisNrr(nama, tuple(a.desimal(ikm.hasil.unsur[i].nrr, 2) for _, ikm in with_ikm))
            for i, (_, nama) in enumerate(UNSUR)
        ),
    )


def _indeks_section(s: SurveiFacts, kunci: str, a: Alat) -> BagianIndeks | None:
    items = [(t, getattr(t, kunci)) for t in s.triwulan if getattr(t, kunci) is not None]
    if not items:
        return None
    ambang = AMBANG_ANTI_KORUPSI if kunci == "anti_korupsi" else AMBANG_KUALITAS_PELAYANAN
    groups = _ambang_groups(ambang)
    nama = NAMA_INDEKS[kunci]
    last_t, last = items[-1]
    judul, key = a.teks("judul_indeks", nama=nama, tahun=s.info.tahun), f"{kunci.replace('_', '-')}-{s.info.tahun}"
    scales = {(x.skala_terendah, x.skala_tertinggi) for _, x in items}
    dinilai = all(x.indeks is not None for _, x in items)
    ringkasan = a.kalimat(
        "ringkasan_indeks",
        label=last_t.periode.label,
        x=_indeks(last, a),
        memenuhi=[t.predikat for t, ok in last.ambang if ok],
        dinilai=dinilai,
        satu_skala=len(scales) == 1,
    )
    if dinilai:
        grafik = a.grafik_batang(
            key,
            judul,
            a.teks("cara_baca_indeks", skala=None),
            [a.batang(t.periode.label_pendek, x.indeks, a.desimal(x.indeks, 2)) for t, x in reversed(items)],
            4,
            ringkasan.unescape(),
            tuple(a.garis(v, f"{label} ≥ {a.desimal(v, 2)}") for v, label in groups),
        )
    elif len(scales) == 1:  # on the survey's own scale, with no verdict: the data declares no conversion
        skala = _skala(last)
        grafik = a.grafik_batang(
            key,
            judul,
            a.teks("cara_baca_indeks", skala=skala),
            [a.batang(t.periode.label_pendek, x.nilai_asli, _nilai(x.nilai_asli, a)) for t, x in reversed(items)],
            last.skala_tertinggi,
            ringkasan.unescape(),
        )
    else:
        grafik = None  # mixed scales and no common index: the table says it all
    return BagianIndeks(
        kunci.replace("_", "-"),
        nama,
        grafik,
        ringkasan,
        tuple(AmbangNilai(t.predikat, a.desimal(t.indeks, 2), skor=a.desimal(t.skor, 2)) for t in ambang),
        tuple(_indeks(x, a, t.periode.label_pendek) for t, x in reversed(items)),
    )


def terbaru(s: SurveiFacts, a: Alat) -> str:
    if not s.triwulan:
        return a.kalimat("belum_ada_survei")
    t = s.triwulan[-1]
    return a.kalimat(
        "terbaru_survei",
        label=t.periode.label,
        ikm=_ikm(t, a),
        indeks=(
            (indeks_view(t.anti_korupsi, a), "Indeks Persepsi Anti Korupsi"),
            (indeks_view(t.kualitas_pelayanan, a), "IPKP"),
        ),
    )


@dataclass(frozen=True)
class BarisTerbit:
    """One quarter as published: the index figures (answer counts per unsur are suppressed like on the page)."""

    periode: str
    fakta: TriwulanFacts


def tabel(s: SurveiFacts, ambang: int) -> tuple[BarisTerbit, ...]:
    return tuple(BarisTerbit(t.periode.kunci, t) for t in s.triwulan)


def _contoh(periode: str) -> list[str]:
    return [
        "rekap:",
        f'  - periode: "{periode}"',
        "    ikm:",
        "      responden: 100",
        "      unsur:",
        *(f"        {kode}: [0, 5, 60, 35]" for kode, _ in UNSUR),
        "    persepsi_anti_korupsi: {skala: {terendah: 1, tertinggi: 4}, nilai: 3.5, responden: 100}",
    ]


JENIS = JenisRekap(
    ciri=CIRI,
    model=RekapSurvei,
    fakta=derive_survei,
    judul_nav="Survei",
    halaman=halaman,
    terbaru=terbaru,
    kerangka=Kerangka("Hasil survei per triwulan", _contoh),
    tabel=tabel,
    kolom=(
        Kolom("periode", "Triwulan (TTTT-TWn)", lambda r: r.periode, "string"),
        Kolom(
            "ikm",
            "Indeks Kepuasan Masyarakat, 0–100, dua desimal",
            lambda r: str(r.fakta.ikm.hasil.nilai) if r.fakta.ikm else None,
            "number",
        ),
        Kolom("ikm_responden", "Responden survei IKM", lambda r: r.fakta.ikm.responden if r.fakta.ikm else None),
        Kolom(
            "anti_korupsi",
            "Indeks Persepsi Anti Korupsi, 0–4 (kosong bila tidak dikonversi)",
            lambda r: (
                str(r.fakta.anti_korupsi.indeks)
                if r.fakta.anti_korupsi and r.fakta.anti_korupsi.indeks is not None
                else None
            ),
            "number",
        ),
        Kolom(
            "kualitas_pelayanan",
            "Indeks Persepsi Kualitas Pelayanan, 0–4 (kosong bila tidak dikonversi)",
            lambda r: (
                str(r.fakta.kualitas_pelayanan.indeks)
                if r.fakta.kualitas_pelayanan and r.fakta.kualitas_pelayanan.indeks is not None
                else None
            ),
            "number",
        ),
    ),
)

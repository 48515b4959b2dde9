"""Survey facts per quarter: IKM (PermenPANRB 14/2017), sample size (Krejcie–Morgan),
and the Indeks Persepsi Anti Korupsi / Indeks Persepsi Kualitas Pelayanan on the 0–4
index of ZI evaluation. The formulas, and their sources, are in ``generator.domain``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from generator.domain.bulat import bulat
from generator.domain.ikm import NAMA_UNSUR, UNSUR, HasilIKM, hitung_ikm
from generator.domain.periode import Periode
from generator.domain.survei import (
    AMBANG_ANTI_KORUPSI,
    AMBANG_KUALITAS_PELAYANAN,
    SKALA_ZI,
    Ambang,
    ke_indeks_linear,
    ke_indeks_zi,
    krejcie_morgan,
)
from generator.model import RekapSurvei
from generator.model.survei import IndeksPersepsi
from generator.rules.plan_facts import Loc, RuleError
from generator.rules.rekap import Ciri, RekapInfo, Temuan, entri_sah, periode_berkas

DESIMAL_INDEKS = 2


@dataclass(frozen=True)
class IkmFacts:
    hasil: HasilIKM
    responden: int
    populasi: int | None
    sampel_minimal: int | None  # Krejcie–Morgan for populasi

    @property
    def sampel_cukup(self) -> bool | None:
        return None if self.sampel_minimal is None else self.responden >= self.sampel_minimal


@dataclass(frozen=True)
class IndeksFacts:
    nilai_asli: Decimal
    skala_terendah: Decimal
    skala_tertinggi: Decimal
    indeks_tepat: Fraction | None  # on the 0–4 index of ZI evaluation; None: another scale, no declared method
    indeks: Decimal | None  # two decimals: the published figure, compared with the thresholds
    responden: int | None
    ambang: tuple[tuple[Ambang, bool], ...]  # threshold, met; empty when there is no index to judge
    metode: str | None = None  # the declared conversion (Konversi.metode); None: none declared or none needed
    sumber: str | None = None  # where the data says the method comes from

    @property
    def dikonversi(self) -> bool:
        return self.skala_tertinggi != SKALA_ZI


@dataclass(frozen=True)
class TriwulanFacts:
    periode: Periode
    ikm: IkmFacts | None
    anti_korupsi: IndeksFacts | None
    kualitas_pelayanan: IndeksFacts | None
    catatan: str | None


@dataclass(frozen=True)
class SurveiFacts:
    info: RekapInfo
    triwulan: tuple[TriwulanFacts, ...]  # oldest first


def indeks(data: IndeksPersepsi, ambang: tuple[Ambang, ...]) -> IndeksFacts:
    """The 0–4 index and its verdicts, only where the scale is the index's or the data declares the conversion."""
    sk, k = data.skala, data.konversi
    if sk.tertinggi == SKALA_ZI:
        exact: Fraction | None = Fraction(data.nilai)
    elif k is None:
        exact = None
    elif k.metode == "linear":
        exact = ke_indeks_linear(data.nilai, sk.terendah, sk.tertinggi)
    else:
        exact = ke_indeks_zi(data.nilai, sk.tertinggi)
    shown = bulat(exact, DESIMAL_INDEKS) if exact is not None else None
    verdicts = () if shown is None else tuple((a, shown >= bulat(a.indeks, DESIMAL_INDEKS)) for a in ambang)
    return IndeksFacts(
        data.nilai,
        sk.terendah,
        sk.tertinggi,
        exact,
        shown,
        data.responden,
        verdicts,
        k.metode if k else None,
        k.sumber if k else None,
    )


def derive_survei(berkas: RekapSurvei, ciri: Ciri) -> SurveiFacts:
    problems: list[Temuan] = []
    info = periode_berkas(ciri, berkas, problems)
    quarters = []
    for i, p, e in entri_sah(berkas, info):
        ikm = None
        if e.ikm is not None:
            ikm = _ikm(e.ikm, ("rekap", i, "ikm"), problems)
        ak = indeks(e.persepsi_anti_korupsi, AMBANG_ANTI_KORUPSI) if e.persepsi_anti_korupsi else None
        kp = indeks(e.persepsi_kualitas_pelayanan, AMBANG_KUALITAS_PELAYANAN) if e.persepsi_kualitas_pelayanan else None
        quarters.append(TriwulanFacts(p, ikm, ak, kp, e.catatan))
    if problems:
        raise RuleError(problems)
    return SurveiFacts(info, tuple(quarters))


def _ikm(data, loc: Loc, problems: list[Temuan]) -> IkmFacts | None:
    if data.responden == 0:
        problems.append(((*loc, "responden"), "jumlah responden 0", "tulis jumlah responden survei"))
        return None
    answers = {kode: getattr(data.unsur, kode) for kode, _ in UNSUR}
    bad = False
    for kode, counts in answers.items():
        if sum(counts) != data.responden:
            bad = True
            problems.append(
                (
                    (*loc, "unsur", kode),
                    f"jawaban unsur '{NAMA_UNSUR[kode]}' berjumlah {sum(counts)}, "
                    f"tidak sama dengan jumlah responden ({data.responden})",
                    "setiap responden menjawab setiap unsur sekali; periksa angka jawaban atau responden",
                )
            )
    if data.populasi is not None and data.populasi < data.responden:
        bad = True
        problems.append(
            (
                (*loc, "populasi"),
                f"populasi ({data.populasi}) lebih kecil dari jumlah responden ({data.responden})",
                "populasi adalah jumlah penerima layanan pada periode survei",
            )
        )
    if bad:
        return None
    minimal = krejcie_morgan(data.populasi) if data.populasi else None
    return IkmFacts(hitung_ikm(answers), data.responden, data.populasi, minimal)

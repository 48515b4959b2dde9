"""Derived facts: what the pages show, computed from the model (never typed in)."""

from generator.rules.capaian import BarisCapaian, CapaianFacts, Ringkasan, derive_capaian, perlu_perhatian
from generator.rules.kesegaran import Kesegaran
from generator.rules.plan_facts import (
    AksiFacts,
    AreaFacts,
    IndikatorFacts,
    KegiatanFacts,
    KelompokFacts,
    PlanFacts,
    RuleError,
    derive_plan,
)
from generator.rules.rekap import (
    BenturanFacts,
    Ciri,
    GratifikasiFacts,
    PengaduanFacts,
    RekapInfo,
    WbsFacts,
    derive_benturan,
    derive_gratifikasi,
    derive_pengaduan,
    derive_wbs,
)
from generator.rules.survei import SurveiFacts, derive_survei
from generator.rules.tahun import TahunFacts, susun_tahun

__all__ = [
    "AksiFacts",
    "AreaFacts",
    "BarisCapaian",
    "BenturanFacts",
    "CapaianFacts",
    "Ciri",
    "GratifikasiFacts",
    "IndikatorFacts",
    "KegiatanFacts",
    "KelompokFacts",
    "Kesegaran",
    "PengaduanFacts",
    "PlanFacts",
    "RekapInfo",
    "Ringkasan",
    "RuleError",
    "SurveiFacts",
    "TahunFacts",
    "WbsFacts",
    "derive_benturan",
    "derive_capaian",
    "perlu_perhatian",
    "derive_gratifikasi",
    "derive_pengaduan",
    "derive_plan",
    "derive_survei",
    "derive_wbs",
    "susun_tahun",
]

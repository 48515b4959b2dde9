"""Recap facts against the example YAML, recomputed here independently with plain PyYAML."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
import yaml

from generator.load import load_site
from tests.conftest import DATA

YEAR = DATA["gunungkidul"] / "2024"


def raw(name: str) -> dict:
    return yaml.safe_load((YEAR / name).read_text(encoding="utf-8"))


def test_pengaduan_totals_share_finished_and_weighted_days():
    months = raw("pengaduan.yaml")["rekap"]
    d = load_site(DATA["gunungkidul"]).tahun(2024).rekap_jenis("pengaduan")
    harus = sum(m["harus_ditindaklanjuti"] for m in months)
    selesai = sum(m["selesai"] for m in months)
    assert (d.total.diterima, d.total.harus_ditindaklanjuti, d.total.selesai) == (
        sum(m["diterima"] for m in months),
        harus,
        selesai,
    )
    assert d.total.persen_selesai == Fraction(selesai, harus) == Fraction(47, 57)
    # Average working days over the year, weighted by how many finished each month (worked by hand):
    # (3·5 + 8·6.5 + 5·7 + 2·4 + 2·5.5 + 4·8 + 4·6 + 5·9 + 5·7.5 + 5·10 + 4·6) / 47 = 333.5 / 47.
    # The plain mean of the monthly averages would be 74.5 / 11.
    assert d.rata_rata_hari_kerja == Fraction(667, 94)
    assert d.memenuhi_standar is True  # 7.1 days within the 14-working-day standard
    assert d.kanal["whatsapp"] == sum(m["kanal"].get("whatsapp", 0) for m in months)
    assert d.total.belum_diproses == harus - selesai - sum(m["sedang_diproses"] for m in months) == 1


def test_gratifikasi_totals_and_missing_month():
    months = raw("gratifikasi.yaml")["rekap"]
    year = load_site(DATA["gunungkidul"]).tahun(2024)
    g = year.rekap_jenis("gratifikasi")
    reports = [r for m in months for r in m.get("laporan", [])]
    assert g.jumlah["penolakan"] == sum(r["jumlah"] for r in reports if r["jenis"] == "penolakan") == 3
    assert g.nilai["penolakan"] == 1_350_000
    assert g.bulan_nihil == sum(1 for m in months if m.get("nihil")) == 7
    assert [p.label for p, _ in year.kesegaran["gratifikasi"].belum_dilaporkan] == ["Juli 2024"]


def test_wbs_is_late_against_the_other_files():
    year = load_site(DATA["gunungkidul"]).tahun(2024)
    assert str(year.acuan) == "2024-12-20"  # wbs.yaml itself stops at 2024-10-15
    assert [p.label for p, _ in year.kesegaran["wbs"].belum_dilaporkan] == ["Oktober 2024", "November 2024"]
    assert not year.kesegaran["pengaduan"].terlambat


def test_ikm_of_each_quarter_recomputed_here():
    quarters = raw("survei.yaml")["rekap"]
    s = load_site(DATA["gunungkidul"]).tahun(2024).rekap_jenis("survei")
    for q, facts in zip(quarters, s.triwulan):
        # NRR = Σ(answer × count) / respondents; IKM = Σ NRR × 25 / 9.
        nrrs = [
            Fraction(sum(v * n for v, n in zip((1, 2, 3, 4), counts)), q["ikm"]["responden"])
            for counts in q["ikm"]["unsur"].values()
        ]
        assert facts.ikm.hasil.tepat == sum(nrrs) * 25 / 9
    assert [str(t.ikm.hasil.nilai) for t in s.triwulan] == ["81.60", "83.55", "86.95", "88.94"]
    assert [t.ikm.hasil.mutu.huruf for t in s.triwulan] == ["B", "B", "B", "A"]
    # Krejcie–Morgan for the stated populations: 150 → 108, 220 → 140, 190 → 127, 260 → 155.
    assert [(t.ikm.sampel_minimal, t.ikm.sampel_cukup) for t in s.triwulan] == [
        (108, True),
        (140, False),
        (127, True),
        (155, False),
    ]
    # IPKP surveyed on 1–6 stars, no conversion method declared: no index, no verdict.
    ipkp = s.triwulan[-1].kualitas_pelayanan
    assert ipkp.nilai_asli == Decimal("5.46") and ipkp.indeks is None and ipkp.ambang == ()
    # The 1–4 Indeks Persepsi Anti Korupsi keeps its figure and is judged.
    ak = s.triwulan[-1].anti_korupsi
    assert ak.indeks == Decimal("3.68") and [ok for _, ok in ak.ambang] == [True, True]


@pytest.mark.parametrize(
    "konversi, index, wbbm",
    [
        ({"metode": "sebanding", "sumber": "Pedoman survei X"}, Fraction("5.46") * 4 / 6, True),  # 3,64
        ({"metode": "linear", "sumber": "Pedoman survei X"}, (Fraction("5.46") - 1) * 4 / 5, False),  # 3,57
    ],
)
def test_other_scale_is_converted_only_by_the_declared_method(konversi, index, wbbm):
    from generator.domain.survei import AMBANG_KUALITAS_PELAYANAN
    from generator.model.survei import IndeksPersepsi
    from generator.rules.survei import indeks

    x = indeks(
        IndeksPersepsi.model_validate(
            {"skala": {"terendah": 1, "tertinggi": 6}, "nilai": "5.46", "konversi": konversi}
        ),
        AMBANG_KUALITAS_PELAYANAN,
    )
    assert x.indeks_tepat == index and x.metode == konversi["metode"] and x.sumber == "Pedoman survei X"
    assert [(a.predikat, ok) for a, ok in x.ambang] == [("Menuju WBK", True), ("Menuju WBBM", wbbm)]

"""Issue 10: the site says no more than the data. Schedule readings, verdicts, caveats, example-data marks."""

from __future__ import annotations

import re

import pytest

from tests.conftest import html_pages, page_text

READING = "Cara membaca jadwal: rentang bulan"


def _cells(page) -> list[str]:
    """The screen-reader sentence of every month grid on a page."""
    src = page.read_text(encoding="utf-8")
    return re.findall(r'<span class="zi-sr">(Rencana: [^<]*)</span>', src)


def test_wonosobo_rows_without_month_ticks_show_unknown_schedule(wonosobo_site):
    pages = sorted((wonosobo_site / "2026").glob("*/index.html"))
    area_pages = [p for p in pages if p.parent.name not in ("gratifikasi", "survei")]
    assert len(area_pages) == 6
    seen = 0
    for page in [*area_pages, wonosobo_site / "2026" / "index.html"]:
        src = page.read_text(encoding="utf-8")
        grid = "".join(re.findall(r'<span class="zi-kc" aria-hidden="true">(.*?)</span><span class="zi-sr">',
                                  src))
        # No month of a row whose ticks are lost may read "not planned" or "done outside the schedule".
        assert "zi-kc--kosong" not in grid and "zi-kc--tambahan" not in grid, page
        for sentence in _cells(page):
            seen += 1
            assert sentence.startswith("Rencana: jadwal tidak diketahui;"), (page, sentence)
        if _cells(page):
            assert "? jadwal tidak diketahui" in page_text(page), page  # the legend explains the mark
    assert seen >= 90


def test_gunungkidul_grids_keep_their_months(gunungkidul_site):
    sentences = [s for p in sorted((gunungkidul_site / "2024").glob("*/index.html")) for s in _cells(p)]
    assert sentences and not [s for s in sentences if "tidak diketahui" in s and "Rencana: Januari" in s]
    assert any(s.startswith("Rencana: Januari–Desember;") for s in sentences)


@pytest.mark.parametrize("name", ["gunungkidul", "wonosobo"])
def test_every_page_with_late_counts_states_its_reading(name, built_sites):
    with_counts = 0
    for page in html_pages(built_sites[name]):
        text = page_text(page)
        if re.search(r"\bTerlambat\b(?! diperbarui)", text) or re.search(r"\d+ terlambat\b", text):
            with_counts += 1
            assert READING in text, page
    assert with_counts >= 8


def test_gunungkidul_late_rows_under_the_window_reading(gunungkidul_site):
    # Hand count in tests/rules/test_capaian.py: 2 rows late as of 20 December 2024, 1 not reported.
    text = page_text(gunungkidul_site / "index.html")
    assert "1 belum dilaporkan; 2 terlambat." in text
    assert "Jumlah 45 57 14 2 24,6 %" in text


def test_no_verdict_for_an_index_converted_without_a_declared_method(gunungkidul_site):
    text = page_text(gunungkidul_site / "2024" / "survei" / "index.html")
    ipkp = text.split("Indeks Persepsi Kualitas Pelayanan (IPKP) per triwulan, 2024, dari triwulan terbaru")[1]
    ipkp = ipkp.split("Cara menghitung")[0]
    # plans/2024/survei.yaml: IPKP on 1–6 stars, no `konversi`: figures on their own scale, no verdict.
    assert "Triwulan IV 5,46 1–6 – 124 tidak dinilai" in ipkp and "terpenuhi" not in ipkp and "belum" not in ipkp
    assert "Triwulan II 5,10 1–6" in ipkp  # two decimals like every index figure, not "5,1"
    latest = text.split("Triwulan terakhir: Triwulan IV 2024")[-1].split("Indeks Kepuasan Masyarakat per triwulan")[0]
    assert "IPKP) 5,46 pada skala survei 1–6" in latest and "tidak dinilai" in latest
    assert "3,64" not in text  # the site's own conversion (5,46 × 4 ÷ 6) is not published
    # The 1–4 Indeks Persepsi Anti Korupsi keeps its figure and its verdict.
    assert "Indeks Persepsi Anti Korupsi 3,68 dari 4: Menuju WBK (≥ 3,60) terpenuhi" in latest


def test_home_page_ikm_carries_the_sample_warning(gunungkidul_site):
    text = page_text(gunungkidul_site / "index.html")
    # Triwulan IV 2024: 150 respondents, population 260 -> Krejcie–Morgan minimum 155.
    assert "IKM 88,94 (mutu A, Sangat Baik; sampel 150 responden, di bawah minimal Krejcie–Morgan 155)" in text
    assert "IPKP 5,46 pada skala 1–6 (tidak dikonversi ke indeks 0–4)" in text

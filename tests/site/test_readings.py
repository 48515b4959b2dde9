"""Issue 10: the site says no more than the data. Schedule readings, verdicts, caveats, example-data marks."""

from __future__ import annotations

import re

import pytest

from tests.conftest import html_pages, page_text

pytestmark = pytest.mark.slow  # heavy: left out of `make test-fast`

READING = "Cara membaca jadwal: rentang bulan"


def _cells(page) -> list[str]:
    """The screen-reader sentence of every month grid on a page."""
    src = page.read_text(encoding="utf-8")
    return re.findall(r'<span class="zi-sr">(Rencana: [^<]*)</span>', src)


def test_wonosobo_rows_without_month_ticks_show_unknown_schedule(wonosobo_site):
    pages = sorted((wonosobo_site / "2026").glob("*/index.html"))
    area_pages = [p for p in pages if p.parent.name not in ("gratifikasi", "survei", "perlu-perhatian")]
    assert len(area_pages) == 6
    seen = 0
    for page in [*area_pages, wonosobo_site / "2026" / "index.html"]:
        src = page.read_text(encoding="utf-8")
        grid = "".join(re.findall(r'<span class="zi-kc" aria-hidden="true">(.*?)</span><span class="zi-sr">', src))
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
    assert "Jumlah 28,1 % 2 16 45 57" in text  # persen selesai, terlambat, selesai first (issue 12)


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


def _notice_pages(site):
    return [p for p in html_pages(site) if "zi-data-contoh" in p.read_text(encoding="utf-8")]


@pytest.mark.parametrize("name", ["gunungkidul", "wonosobo"])
def test_data_contoh_in_every_chart_title_description_and_caption(name, built_sites):
    charts = 0
    for page in _notice_pages(built_sites[name]):
        src = page.read_text(encoding="utf-8")
        for fig in re.findall(r'<figure class="zi-grafik".*?</figure>', src, re.S):
            charts += 1
            for part in ("title", "desc", "figcaption"):
                inner = re.search(rf"<{part}[^>]*>(.*?)</{part}>", fig, re.S).group(1)
                assert inner.startswith("Data contoh: "), (page, part, inner[:60])
    assert charts >= (10 if name == "gunungkidul" else 3)


@pytest.mark.parametrize("name", ["gunungkidul", "wonosobo"])
def test_data_contoh_in_meta_description_not_in_title(name, built_sites):
    pages = _notice_pages(built_sites[name])
    assert len(pages) >= (13 if name == "gunungkidul" else 8)
    for page in pages:
        src = page.read_text(encoding="utf-8")
        # The browser title is the page's h1 (tests/site/test_titles.py); the notice opens the page.
        assert not re.search(r"<title>[^<]*(Data contoh|data contoh)", src), page
        assert re.search(r'<meta name="description" content="Data contoh: ', src), page
    # A page without example figures keeps its plain title.
    plain = (built_sites[name] / "dokumen" / "index.html").read_text(encoding="utf-8")
    assert "(data contoh)" not in plain.split("</title>")[0] and 'content="Data contoh' not in plain


# Sections of example pages that hold no example figure: decree text, explanations, channels.
NO_FIGURES = {
    "komitmen-tahun-2024",
    "komitmen-tahun-2026",
    "sampaikan-pengaduan",
    "keputusan",
    "menimbang",
    "mengingat",
    "memutuskan",
    "lampiran",
    "tentang",
    "cara-menghitung",
    "catatan-transkripsi",
}


@pytest.mark.parametrize("name", ["gunungkidul", "wonosobo"])
def test_search_entries_of_example_sections_say_data_contoh(name, built_sites):
    """Each section of a page with example figures says so in its own indexed text, so the search result
    that links to that section (Pagefind's sub-result, generator/rampung/cari.py) shows "Data contoh"."""
    from tests.benchmarks.indeks_cari import fragments, sections

    example = {f["url"].lstrip("/"): f for f in fragments(built_sites[name]) if "Data contoh" in f["content"][:400]}
    assert len(example) >= 8
    checked = 0
    for page, fragment in example.items():
        for anchor, _title, body in sections(fragment):
            if not anchor or anchor in NO_FIGURES or not body.strip():
                continue
            if page == "data-terbuka/" and anchor.startswith("rencana-aksi-"):
                continue  # the decree's own rows as files: transcribed from the Keputusan, never example figures
            if re.fullmatch(r"(Catatan transkripsi:.*)", body.strip()) and "Data contoh" not in body:
                continue  # a heading whose section holds only a transcription note: no figure
            checked += 1
            assert "data contoh" in body.lower(), (page, anchor, body[:200])
    assert checked >= 20


def test_gratifikasi_cites_the_rules_in_force_in_the_recaps_year(gunungkidul_site, wonosobo_site):
    g2024 = page_text(gunungkidul_site / "2024" / "gratifikasi" / "index.html")
    assert (
        "Pada tahun 2024 gratifikasi diatur dalam Peraturan KPK Nomor 2 Tahun 2019 tentang Pelaporan Gratifikasi."
        in g2024
    )
    assert "Nomor 1 Tahun 2026" not in g2024
    w2026 = page_text(wonosobo_site / "2026" / "gratifikasi" / "index.html")
    assert (
        "Pelaporan Gratifikasi, sebagaimana diubah dengan Peraturan KPK Nomor 1 Tahun 2026 (berlaku sejak "
        "20 Januari 2026)"
    ) in w2026


def test_deadlines_and_small_cell_rule_are_the_offices_settings(gunungkidul_site):
    home = page_text(gunungkidul_site / "index.html")
    assert (
        "rekap bulanan paling lambat tanggal 10 bulan berikutnya; batas ini jadwal terbit yang ditetapkan KPU "
        "Kabupaten Gunungkidul sendiri, bukan ketentuan peraturan"
    ) in home
    pengaduan = page_text(gunungkidul_site / "2024" / "pengaduan" / "index.html")
    assert (
        "batas 3 adalah pengaturan KPU Kabupaten Gunungkidul untuk melindungi data pribadi sesuai UU 27/2022 "
        "tentang Pelindungan Data Pribadi; undang-undang itu tidak menetapkan angkanya"
    ) in pengaduan


def test_seven_areas_read_as_six_plus_one_and_the_total_says_what_it_covers(gunungkidul_site, wonosobo_site):
    home = page_text(gunungkidul_site / "index.html")
    assert (
        "57 langkah aksi dalam 6 area perubahan PermenPANRB 90/2021 ditambah 1 area tambahan (Inovasi Pelayanan)"
        in home
    )
    assert "7 area perubahan" not in home
    # Hand count: areas I-VI hold 5 + 3 + 4 + 2 + 26 + 3 = 43 rows, 2 + 1 + 1 + 0 + 5 + 1 = 10 selesai.
    assert (
        "termasuk 14 baris area tambahan (Inovasi Pelayanan); tanpa area tambahan, 10 dari 43 baris 6 area "
        "PermenPANRB 90/2021 selesai (23,3 %)"
    ) in home
    assert "dalam 6 area perubahan PermenPANRB 90/2021." in page_text(wonosobo_site / "index.html")

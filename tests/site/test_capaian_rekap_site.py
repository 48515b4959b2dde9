"""Built example sites: progress and recap pages show the figures of the data, marked as example data."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

import pytest
import yaml

from tests.conftest import DATA, html_pages, page_text

pytestmark = pytest.mark.slow  # heavy: left out of `make test-fast`

RECAPS = ["gratifikasi", "pengaduan", "wbs", "benturan-kepentingan", "survei"]
NOTICE = "Data contoh"


def raw(name: str, site: str = "gunungkidul", year: str = "2024") -> dict:
    return yaml.safe_load((DATA[site] / year / name).read_text(encoding="utf-8"))


def pct(part: int, whole: int) -> str:
    """Percent the Indonesian way, computed here independently: one decimal, half up, ',0' dropped."""
    d = (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), ROUND_HALF_UP)
    return (str(d).rstrip("0").rstrip(".") if d == d.to_integral_value() else str(d)).replace(".", ",") + " %"


def test_stable_urls(gunungkidul_site, wonosobo_site):
    for kind in RECAPS:
        assert (gunungkidul_site / "2024" / kind / "index.html").is_file(), kind
    assert (wonosobo_site / "2026" / "gratifikasi" / "index.html").is_file()
    assert (wonosobo_site / "2026" / "survei" / "index.html").is_file()
    assert not (wonosobo_site / "2026" / "pengaduan").exists()  # no file, no page


def test_notice_on_pages_with_example_numbers_only(gunungkidul_site):
    for page in html_pages(gunungkidul_site):
        rel = page.relative_to(gunungkidul_site).as_posix()
        # the Data Terbuka page lists the files that hold them
        shows_numbers = rel in ("index.html", "data-terbuka/index.html") or rel.startswith("2024/")
        assert (NOTICE in page_text(page)) is shows_numbers, rel
    src = (gunungkidul_site / "2024" / "pengaduan" / "index.html").read_text(encoding="utf-8")
    article = src[src.index("<article") :]
    assert article.index("zi-data-contoh") < article.index('class="zi-lead"')  # at the top, under the title


def test_home_progress_recaps_and_channels(gunungkidul_site):
    text = page_text(gunungkidul_site / "index.html")
    statuses = [r["status"] for r in raw("realisasi.yaml")["baris"]]
    done = statuses.count("selesai")
    assert f"Per 20 Desember 2024, {done} dari 57 langkah aksi selesai ({pct(done, 57)})" in text
    # The row: area, then the key figures (persen selesai, terlambat, selesai), counts, classification.
    assert "V. Penguatan Pengawasan 19,2 % 1 5 19 26 Penguatan Pengawasan" in text
    # The recap row: its name, its state (the key column on a phone, issue 12), then the figure.
    assert re.search(
        r"Rekap Whistle Blowing System ! Terlambat diperbarui: [^|]*? September 2024: 1 laporan diterima", text
    )
    assert "Terlambat diperbarui: Oktober 2024 belum dilaporkan (batas 10 November 2024)" in text
    assert "Terlambat diperbarui: Juli 2024 belum dilaporkan (batas 10 Agustus 2024)" in text
    assert "belum dicantumkan" not in text  # a channel the data does not give is not listed
    assert "WhatsApp" not in text[: text.index("Semua kanal pengaduan")]
    for channel in (
        "Surel: kpugk@gmail.com",
        "Whistle Blowing System (WBS): kpugk@gmail.com",
        "Gratifikasi ke KPK: pelaporan.gratifikasi@kpk.go.id",
        "SP4N-LAPOR!: SMS 1708, www.lapor.go.id",
    ):
        assert channel in text, channel


def test_pengaduan_page_figures(gunungkidul_site):
    months = raw("pengaduan.yaml")["rekap"]
    text = page_text(gunungkidul_site / "2024" / "pengaduan" / "index.html")
    received = sum(m["diterima"] for m in months)
    must = sum(m["harus_ditindaklanjuti"] for m in months)
    done = sum(m["selesai"] for m in months)
    assert f"{received} pengaduan diterima, {must} harus ditindaklanjuti; {done} selesai ({pct(done, must)})" in text
    last = months[-1]
    assert (
        f"Bulan terakhir: November 2024 Data contoh: angka pada bagian ini bukan data resmi. "
        f"{last['diterima']} pengaduan diterima, {last['harus_ditindaklanjuti']} "
        f"harus ditindaklanjuti."
    ) in text
    matrix = text[text.index("Matriks pengaduan masyarakat per bulan") :]
    assert matrix.index("November") < matrix.index("Oktober") < matrix.index("Januari")  # latest first


def test_survei_page_figures(gunungkidul_site):
    text = page_text(gunungkidul_site / "2024" / "survei" / "index.html")
    # IKM = mean of the nine elements' NRR x 25 (PermenPANRB 14/2017), worked by hand from survei.yaml:
    # Triwulan I: NRR sum 3290/112 -> 3290/112 / 9 x 25 = 81.597; Triwulan IV: 4803/150 -> 88.944.
    # Minimum samples from the Krejcie-Morgan table: 150 -> 108, 220 -> 140, 190 -> 127, 260 -> 155.
    assert (
        "Triwulan IV 88,94 A (Sangat Baik) 150 260 155 belum mencukupi "
        "Triwulan III 86,95 B (Baik) 135 190 127 mencukupi "
        "Triwulan II 83,55 B (Baik) 118 220 140 belum mencukupi "
        "Triwulan I 81,60 B (Baik) 112 150 108 mencukupi"
    ) in text
    assert "Indeks Kepuasan Masyarakat 88,94 , mutu pelayanan A (Sangat Baik)" in text.replace("88,94,", "88,94 ,")
    assert "sampel belum mencukupi" in text  # 150 respondents of 260: Krejcie–Morgan asks 155
    assert "Indeks Persepsi Anti Korupsi 3,68 dari 4" in text
    assert "Indeks Persepsi Kualitas Pelayanan (IPKP) 5,46 pada skala survei 1–6" in text  # no declared conversion
    assert "bukan dari teks resmi" in text
    assert " IPAK" not in text  # always written out (BPS's IPAK is another index)


def test_gratifikasi_page(gunungkidul_site):
    text = page_text(gunungkidul_site / "2024" / "gratifikasi" / "index.html")
    assert (
        "Bulan terakhir: November 2024 Data contoh: angka pada bagian ini bukan data resmi. Nihil: tidak ada laporan"
        in text
    )
    assert "Juli belum dilaporkan (batas 10 Agustus 2024)" in text
    assert "Rp1.350.000" in text and "Rp750.000" in text


@pytest.mark.parametrize("name", ["gunungkidul", "wonosobo"])
def test_every_chart_is_labelled_and_has_a_table(name, built_sites):
    charts = 0
    for page in html_pages(built_sites[name]):
        src = page.read_text(encoding="utf-8")
        start = src.find("<article")
        body = src[start:]
        n = body.count('<figure class="zi-grafik"')
        charts += n
        assert body.count('role="img" aria-labelledby="grafik-') == 2 * n, page  # wide and narrow drawing
        if n:
            assert "<table" in body and "<caption" in body, page
    assert charts >= (10 if name == "gunungkidul" else 3)


def test_wonosobo_progress_without_month_ticks(wonosobo_site):
    text = page_text(wonosobo_site / "2026" / "index.html")
    done = [r["status"] for r in raw("realisasi.yaml", "wonosobo", "2026")["baris"]].count("selesai")
    assert f"Per 15 April 2026, {done} dari 96 indikator keberhasilan selesai ({pct(done, 96)})" in text
    section = text.split("Capaian per 15 April 2026")[1].split("Keputusan")[0]
    assert "terlambat" not in section.split("Cara membaca jadwal")[0].lower()
    assert NOTICE in text

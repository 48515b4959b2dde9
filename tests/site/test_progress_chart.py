"""The progress chart of the home and plan pages tells unreported rows apart from 0 % (issue 12)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

pytestmark = pytest.mark.slow

SVG = "{http://www.w3.org/2000/svg}"


def chart(page, kunci: str) -> ET.Element:
    html = page.read_text(encoding="utf-8")
    figure = re.search(rf'<figure class="zi-grafik" id="grafik-{kunci}">.*?</figure>', html, re.S)
    assert figure, kunci
    return ET.fromstring(figure.group(0))


def widths(svg: ET.Element, cls: str) -> float:
    """Total width of the bar parts drawn with one pattern (legend swatches excluded: they sit above y 40)."""
    rects = [r for r in svg.iter(f"{SVG}rect") if r.get("class") == cls and float(r.get("y")) > 40]
    return sum(float(r.get("width")) for r in rects)


@pytest.mark.parametrize("page, kunci", [("index.html", "beranda-capaian-2026"), ("2026/index.html", "capaian-2026")])
def test_unreported_rows_are_drawn_as_unreported(wonosobo_site, page, kunci):
    # Wonosobo: 96 rows, 4 selesai, 87 without a realisasi entry. The bars are mostly dashed outline.
    svg = chart(wonosobo_site / page, kunci).find(f"{SVG}svg")
    names = [t.text for t in svg.iter(f"{SVG}text")]
    for series in ("Selesai", "Berjalan", "Belum mulai", "Belum dilaporkan"):
        assert series in names, series
    unreported, done = widths(svg, "zi-grafik__bagian-putus"), widths(svg, "zi-grafik__batang")
    assert unreported > 10 * done > 0, (unreported, done)
    assert svg.get("role") == "img" and svg.find(f"{SVG}title").text and svg.find(f"{SVG}desc").text


def test_ikm_axis_runs_over_the_possible_range_25_to_100(gunungkidul_site):
    """PermenPANRB 14/2017: an IKM lies in 25..100, so the bar starts at 25 (not 0) and the band lines
    sit where their limits fall on that scale; the bar of 81,60 is (81,60 − 25) / 75 of the track."""
    svg = chart(gunungkidul_site / "2024" / "survei" / "index.html", "ikm-2024").find(f"{SVG}svg")
    track = next(r for r in svg.iter(f"{SVG}rect") if r.get("class") == "zi-grafik__jalur")
    full, x0 = float(track.get("width")), float(track.get("x"))
    for g in svg.iter(f"{SVG}g"):
        value = next(t.text for t in g.iter(f"{SVG}text") if t.get("class") == "zi-grafik__nilai")
        ikm = float(value.split()[0].replace(",", "."))
        bar = next(r for r in g.iter(f"{SVG}rect") if r.get("class") == "zi-grafik__batang")
        assert abs(float(bar.get("width")) - (ikm - 25) / 75 * full) < 0.2, value
    lines = {t.text: float(t.get("x")) for t in svg.iter(f"{SVG}text") if t.get("class") == "zi-grafik__teks-acuan"}
    assert set(lines) == {"A ≥ 88,31", "B ≥ 76,61", "C ≥ 65,00"}
    c_line = next(
        float(ln.get("x1")) for ln in svg.iter(f"{SVG}line") if abs(float(ln.get("x1")) - lines["C ≥ 65,00"]) < 4
    )
    assert abs(c_line - (x0 + (65 - 25) / 75 * full)) < 0.2


@pytest.mark.parametrize(
    "page, kunci",
    [
        ("2024/gratifikasi/index.html", "gratifikasi-2024"),
        ("2024/pengaduan/index.html", "pengaduan-2024"),
        ("2024/survei/index.html", "ikm-2024"),
        ("2024/benturan-kepentingan/index.html", "benturan-2024"),
    ],
)
def test_charts_run_in_the_tables_time_order(gunungkidul_site, page, kunci):
    """One time order: newest first in the chart, as in the table after it."""
    html = (gunungkidul_site / page).read_text(encoding="utf-8")
    svg = chart(gunungkidul_site / page, kunci).find(f"{SVG}svg")
    labels = [t.text.split(":")[0] for t in svg.iter(f"{SVG}text") if t.get("class") == "zi-grafik__label"]
    labels = [x for x in labels if x not in ("Selesai", "Sedang diproses", "Belum diproses")]
    table = html[html.index(f'id="grafik-{kunci}"') :]
    table = table[table.index("<table") :]
    found = [re.search(rf"{re.escape(label)}(?!\w)", table) for label in labels]
    where = [m.start() if m else -1 for m in found]
    assert len(labels) > 1 and -1 not in where, (labels, where)
    assert where == sorted(where), list(zip(labels, where))

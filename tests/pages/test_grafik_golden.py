"""The SVG charts, byte for byte, and the scale/layout helper behind them.

Each chart kind is rendered from a fixed fixture below (``CHARTS``) through the public wrappers
``grafik_batang``/``grafik_bertumpuk`` and compared byte for byte with ``tests/pages/golden/<name>.svg``.
A golden file is the chart's complete output as a page gets it: the ``<figure>`` with its inline
``<svg>`` and ``<figcaption>`` (well-formed XML).

After an intended change of the charts, refresh the golden files, review their diff, and commit them:

    ZI_PERBARUI_GOLDEN=1 pytest tests/pages/test_grafik_golden.py

(the golden tests then report "skipped: ... ditulis ulang"; run again without the variable to check).
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import jinja2
import pytest
from markupsafe import Markup

from generator.pages import skala
from generator.pages.grafik import Batang, Garis, Tumpukan, grafik_batang, grafik_bertumpuk
from generator.pages.render import DEFAULT_TEMPLATES, environment

GOLDEN = Path(__file__).parent / "golden"
REFRESH = os.environ.get("ZI_PERBARUI_GOLDEN") == "1"
SVG = "{http://www.w3.org/2000/svg}"

LONG = "Pembangunan Zona Integritas menuju Wilayah Bebas dari Korupsi dan Wilayah Birokrasi Bersih"
NASTY = "Skor <b>\"A\"</b> & 'B' < 3"

CHARTS: dict[str, tuple[Callable[..., Markup], tuple, dict]] = {
    "batang": (
        grafik_batang,
        (
            "batang",
            "Persentase langkah aksi selesai per area",
            "Tiga area; angkanya tertulis di ujung batang.",
            [
                Batang("Manajemen Perubahan", 10, "100 %"),
                Batang("Penataan Tata Laksana", 7, "70 %"),
                Batang("Penguatan Akuntabilitas", 3, "30 %"),
            ],
            10,
            "Manajemen Perubahan sudah selesai semua.",
        ),
        {},
    ),
    "batang-garis": (
        grafik_batang,
        (
            "batang-garis",
            "IKM per triwulan",
            "Nilai IKM dengan batas mutu B dan A.",
            [Batang("Triwulan I", Decimal("76.61"), "76,61"), Batang("Triwulan II", Fraction(8825, 100), "88,25")],
            100,
            "IKM naik dari mutu C ke mutu B.",
        ),
        {"garis": (Garis(Decimal(26), "batas D"), Garis(Decimal("88.31"), "batas A"))},
    ),
    "batang-kosong-tebal": (
        grafik_batang,
        (
            "batang-kosong-tebal",
            "Laporan per kanal",
            "Satu kanal belum melapor, satu nol.",
            [
                Batang("Jumlah", 12, "12", tebal=True),
                Batang("Surel", None, "tidak dilaporkan"),
                Batang("Kotak saran", 0, "0"),
                Batang("Telepon", Fraction(12, 7), "< 3"),
            ],
            12,
            "Sebagian besar lewat laman.",
        ),
        {},
    ),
    "bertumpuk": (
        grafik_bertumpuk,
        (
            "bertumpuk",
            "Status tindak lanjut pengaduan",
            "Selesai, diproses, belum diproses per triwulan.",
            ("selesai ditindaklanjuti", "sedang diproses oleh unit", "belum diproses"),
            [
                Tumpukan("Triwulan I", (4, 5, 1), "4 selesai, 5 diproses, 1 belum diproses"),
                Tumpukan("Triwulan II", (0, 2, 3), "0 selesai, 2 diproses, 3 belum diproses"),
                Tumpukan("Triwulan III", (0, 0, 0), "belum ada laporan"),
            ],
            10,
            "Triwulan I paling banyak selesai.",
        ),
        {},
    ),
    # Progress per area (issue 12): five statuses, five patterns; 87 of 96 unreported reads as such, not 0 %.
    "bertumpuk-status": (
        grafik_bertumpuk,
        (
            "bertumpuk-status",
            "Status indikator per area perubahan",
            "Selesai, berjalan, belum mulai, belum dilaporkan, tidak dilaksanakan.",
            ("Selesai", "Berjalan", "Belum mulai", "Belum dilaporkan", "Tidak dilaksanakan"),
            [
                Tumpukan("Manajemen Perubahan", (3, 1, 0, 21, 0), "12 %"),
                Tumpukan("Penguatan Pengawasan", (1, 2, 1, 15, 1), "5 %"),
                Tumpukan("Penataan Tatalaksana", (0, 0, 0, 17, 0), "0 %"),
            ],
            25,
            "4 dari 62 selesai; 53 belum dilaporkan.",
        ),
        {},
    ),
    "label-panjang": (
        grafik_batang,
        (
            "label-panjang",
            "Label panjang",
            "Label lebih dari 48 huruf dipendekkan.",
            [Batang(LONG, 1, "1"), Batang("x" * 48, 1, "1")],
            2,
            "Label dipendekkan dengan elipsis.",
        ),
        {},
    ),
    "teks-khusus": (
        grafik_bertumpuk,
        ("teks-khusus", NASTY, NASTY, (NASTY, "<dua>", "&tiga"), [Tumpukan(NASTY, (1, 1, 1), NASTY)], 3, NASTY),
        {},
    ),
}


def _rendered(name: str, env: jinja2.Environment | None = None) -> str:
    fn, args, kwargs = CHARTS[name]
    return str(fn(*args, **kwargs, env=env))


@pytest.mark.parametrize("name", sorted(CHARTS))
def test_chart_equals_golden_file(name):
    out = _rendered(name)
    path = GOLDEN / f"{name}.svg"
    if REFRESH:
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(out.encode("utf-8"))
        pytest.skip(f"{path.name} ditulis ulang")
    assert path.exists(), f"{path} is missing; create it with ZI_PERBARUI_GOLDEN=1 pytest {Path(__file__).name}"
    assert out.encode("utf-8") == path.read_bytes()


@pytest.mark.parametrize("path", sorted(GOLDEN.glob("*.svg")), ids=lambda p: p.name)
def test_golden_file_is_xml_with_an_accessible_name(path):
    figure = ET.fromstring(path.read_bytes())
    assert figure.tag == "figure" and figure.get("id", "").startswith("grafik-")
    svg = figure.find(f"{SVG}svg")
    assert svg is not None and svg.get("role") == "img" and svg.get("focusable") == "false"
    ids = {el.get("id"): el.tag for el in svg.iter() if el.get("id")}
    named = svg.get("aria-labelledby", "").split()
    assert [ids.get(i) for i in named] == [f"{SVG}title", f"{SVG}desc"]
    assert all((svg.find(f"{SVG}{tag}").text or "").strip() for tag in ("title", "desc"))
    assert (figure.findtext("figcaption") or "").strip()
    # fill="url(#...)" points at a pattern of this chart
    for el in svg.iter():
        if (fill := el.get("fill", "")).startswith("url(#"):
            assert ids.get(fill[5:-1]) == f"{SVG}pattern"


def test_every_chart_has_a_golden_file():
    assert sorted(p.stem for p in GOLDEN.glob("*.svg")) == sorted(CHARTS)


def test_text_is_escaped_and_reads_back_unchanged():
    out = _rendered("teks-khusus")
    assert "<b>" not in out and "<dua>" not in out and "&tiga" not in out
    figure = ET.fromstring(out)
    svg = figure.find(f"{SVG}svg")
    assert svg.findtext(f"{SVG}title") == NASTY and svg.findtext(f"{SVG}desc") == NASTY
    assert figure.findtext("figcaption") == NASTY
    texts = [t.text for t in svg.iter(f"{SVG}text")]
    assert texts == [NASTY, "<dua>", "&tiga", skala.pendek(f"{NASTY}: {NASTY}"), "3"]


def test_long_label_is_shortened_to_48_characters():
    wide = ET.fromstring(_rendered("label-panjang")).find(f"{SVG}svg")
    assert "zi-grafik__svg--lebar" in wide.get("class")
    labels = [t.text for t in wide.iter(f"{SVG}text") if t.get("class") == "zi-grafik__label"]
    assert labels == ["Pembangunan Zona Integritas menuju Wilayah Beba…", "x" * 48]
    assert [len(label) for label in labels] == [48, 48]


def test_macros_render_the_same_from_a_page_template():
    _, args, _ = CHARTS["batang"]
    page = environment().from_string('{% import "_grafik.html" as grafik %}<div>{{ grafik.batang(view) }}</div>')
    assert page.render(view=skala.grafik_batang(*args)) == f"<div>{_rendered('batang')}</div>"


@pytest.mark.parametrize("name", ["batang-garis", "batang-kosong-tebal", "bertumpuk"])
def test_output_does_not_depend_on_whitespace_settings(name):
    plain = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(DEFAULT_TEMPLATES)), autoescape=True, undefined=jinja2.StrictUndefined
    )
    assert _rendered(name, plain) == _rendered(name)


# --- the scale and layout helper, with literal numbers -----------------------------------------------


def test_scale_ends_and_exact_inputs():
    assert skala.x(0, 10) == 0.0
    assert skala.x(10, 10) == 196.0
    assert skala.x(5, 0) == 0.0  # an empty scale draws nothing
    assert skala.x(Decimal("0.5"), 1) == 98.0
    assert skala.satu_desimal(skala.x(Fraction(1, 3), 1)) == "65.3"
    assert skala.satu_desimal(skala.x(Decimal("88.31"), 100)) == "173.1"
    assert skala.bulat(62.0) == "62"


def test_label_shortening():
    assert skala.pendek("a" * 48) == "a" * 48
    assert skala.pendek("a" * 49) == "a" * 47 + "…"
    assert skala.pendek("a" * 46 + " bc") == "a" * 46 + "…"  # cut at a space: no space before the ellipsis


def test_bar_rows_below_reference_lines():
    v = skala.tata_batang(
        "k",
        "j",
        "d",
        [Batang("a", 0, "0"), Batang("b", 10, "10"), Batang("c", None, "-")],
        10,
        garis=(Garis(5, "tengah"), Garis(9, "tinggi")),
    )
    assert v.bingkai.tinggi == "166"  # 2 label rows of 16 + 4, 3 rows of 42, 4 below
    assert [(b.y_label, b.y_batang, b.y_nilai, b.lebar) for b in v.baris] == [
        ("50", "56", "67", None),
        ("92", "98", "109", "196.0"),
        ("134", "140", "151", None),
    ]
    assert [(g.x, g.y1, g.y2, g.x_label, g.y_label, g.anchor) for g in v.garis] == [
        ("102.0", "2.0", "162.0", "105.0", "12.0", "start"),
        ("180.4", "18.0", "162.0", "177.4", "28.0", "end"),
    ]


def test_legend_wraps_and_stacked_parts_follow_each_other():
    v = skala.tata_bertumpuk("k", "j", "d", ("a" * 20, "b" * 10, "c" * 10), [Tumpukan("T", (1, 2, 1), "t")], 4)
    assert [(e.kotak.pola, e.kotak.x, e.kotak.y, e.x, e.y) for e in v.legenda] == [
        ("padat", "4.0", "6", "22", "16"),
        ("arsir", "172.0", "6", "190", "16"),
        ("kosong", "4.5", "24.5", "22", "34"),
    ]
    (row,) = v.baris
    assert row.y_label == "60" and v.bingkai.tinggi == "92"
    assert [(k.pola, k.x, k.y, k.lebar, k.tinggi) for k in row.bagian] == [
        ("padat", "4.0", "66", "49.0", "14"),
        ("arsir", "53.0", "66", "98.0", "14"),
        ("kosong", "151.5", "66.5", "48.0", "13"),
    ]
    assert (row.x_jumlah, row.jumlah) == ("206.0", "4")


@pytest.mark.parametrize(("nilai", "maks"), [(3.6, 4), (0.4, 4), (2, 4), (92, 100), (8, 100)])
def test_threshold_label_stays_inside_the_plot(nilai, maks):
    """A long threshold label near either edge is moved along its row, never past the viewBox (issue 12:
    the IPAK threshold "Menuju WBK dan Menuju WBBM ≥ 3,60" was cut at the phone's left edge)."""
    label = "Menuju WBK dan Menuju WBBM ≥ 3,60"
    ((view,), rows) = skala.tata_garis([Garis(nilai, label)], maks, 100)
    assert rows == 1
    width = len(label) * skala.ACUAN_HURUF
    start = float(view.x_label) - (width if view.anchor == "end" else 0)
    assert start >= skala.KIRI and start + width <= skala.LEBAR - skala.KIRI, view


@pytest.mark.parametrize(("nilai", "maks"), [(3.6, 4), (0.4, 4), (2, 4), (92, 100), (8, 100)])
def test_narrow_drawing_wraps_threshold_labels_inside_the_plot(nilai, maks):
    """In the narrow drawing a long label is wrapped into lines, each inside the plot at 9 units a letter."""
    label = "Menuju WBK dan Menuju WBBM ≥ 3,60"
    ((view,), rows) = skala.tata_garis([Garis(nilai, label)], maks, 100, skala.TATA_SEMPIT)
    lines = [view.label, *(t.isi for t in view.lanjutan)]
    assert " ".join(lines) == label and rows == len(lines) > 1
    for line in lines:
        width = len(line) * skala.TATA_SEMPIT.huruf
        start = float(view.x_label) - (width if view.anchor == "end" else 0)
        assert start >= skala.KIRI and start + width <= skala.TATA_SEMPIT.lebar - skala.KIRI, (line, view)


def test_narrow_drawing_wraps_labels_and_puts_the_value_on_its_own_line():
    v = skala.tata_batang(
        "k", "j", "d", [Batang("Penguatan Akuntabilitas Kinerja", 5, "50 % dari 10")], 10, tata=skala.TATA_SEMPIT
    )
    (row,) = v.baris
    assert v.bingkai.id_judul == "grafik-k-sempit-judul" and v.bingkai.lebar == "164"
    assert [row.label, *(t.isi for t in row.lanjutan)] == ["Penguatan", "Akuntabilitas", "Kinerja"]
    assert [t.y for t in row.lanjutan] == ["35", "50"]  # 6 units lower than the wide drawing's first row
    # value line under the last label line, then the bar, full bar = 156 units
    assert (row.x_nilai, row.y_nilai, row.y_batang, row.lebar, row.lebar_jalur) == ("4", "65", "71", "78.0", "156")
    assert v.bingkai.tinggi == str(6 + 42 + 3 * 15 + 4)


def test_lipat_breaks_between_words():
    assert skala.lipat("satu dua tiga", 8) == ("satu dua", "tiga")
    assert skala.lipat("panjangsekali x", 4) == ("panjangsekali", "x")
    assert skala.lipat("", 5) == ("",)

"""The unit's mark: the generated SVG with its initials, used as header logo and favicon."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from generator.load import load_site
from generator.pages.tanda import GENERATED, initials, mark_svg, tanda
from tests.conftest import DATA


def contrast_ratio(a: str, b: str) -> float:
    """WCAG 2.2 contrast ratio of two #rrggbb colours."""

    def luminance(colour: str) -> float:
        rgb = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize(
    ("singkatan", "expected"),
    [
        ("KPU Kabupaten Gunungkidul", ("KPU", "G")),
        ("KPU Kota Bogor", ("KPU", "KB")),
        ("BPS Provinsi Daerah Istimewa Yogyakarta", ("BPS", "DIY")),
        ("Dinas Kesehatan", ("DK", "")),
        ("Bawaslu & KPU Jawa Tengah", ("KPU", "BJT")),
    ],
)
def test_initials(singkatan, expected):
    assert initials(singkatan) == expected


def test_generated_mark_is_svg_with_the_initials_and_readable_colours():
    svg = mark_svg("KPU Kabupaten Gunungkidul")
    assert svg == mark_svg("KPU Kabupaten Gunungkidul")  # same data, same bytes
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    assert root.tag == f"{ns}svg" and root.get("viewBox") == "0 0 64 64"
    assert [t.text for t in root.iter(f"{ns}text")] == ["KPU", "G"]
    rect = root.find(f"{ns}rect")
    text_fill = root.find(f"{ns}g").get("fill")
    assert contrast_ratio(text_fill, rect.get("fill")) >= 4.5
    # The white square stands out from Material's indigo header (#3f51b5), WCAG 1.4.11.
    assert contrast_ratio(rect.get("fill"), "#3f51b5") >= 3


def test_hostile_abbreviation_is_escaped():
    svg = mark_svg("<script> & Co")
    ET.fromstring(svg)
    assert "<script>" not in svg


def test_mark_of_the_example_data_is_generated_and_a_logo_wins():
    satker = load_site(DATA["gunungkidul"]).satker
    assert tanda(satker).path == GENERATED and tanda(satker).svg
    own = tanda(satker.model_copy(update={"logo": "unggahan/logo.png"}))
    assert own.path == "unggahan/logo.png" and own.svg is None

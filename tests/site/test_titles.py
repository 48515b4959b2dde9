"""Wayfinding in the built pages: the site's short name, and every page's <title> starting with its h1."""

from __future__ import annotations

import pytest

from generator.model.satker import Satker


@pytest.mark.parametrize(
    ("singkatan", "singkat", "expected"),
    [
        ("KPU Kabupaten Gunungkidul", None, "ZI KPU Gunungkidul"),
        ("KPU Kota Bogor", None, "ZI KPU Kota Bogor"),
        ("KPU Provinsi Jawa Tengah", None, "ZI KPU Jawa Tengah"),
        ("KPU Kabupaten Gunungkidul", "ZI Gunungkidul", "ZI Gunungkidul"),
    ],
)
def test_short_site_name(singkatan, singkat, expected):
    satker = Satker(nama="Komisi Pemilihan Umum", singkatan=singkatan, nama_singkat_situs=singkat)
    assert satker.nama_situs_singkat == expected


def test_header_shows_the_short_name_and_title_the_full_one(gunungkidul_site):
    html = (gunungkidul_site / "index.html").read_text(encoding="utf-8")
    assert "ZI KPU Gunungkidul" in html
    assert "- Zona Integritas KPU Kabupaten Gunungkidul</title>" in html

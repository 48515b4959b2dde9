"""Every lampiran cell of each seed decree appears in the built site, in the decree's words."""

from __future__ import annotations

import re

import pytest

from tests.conftest import GUNUNGKIDUL_SEED, WONOSOBO_SEED, html_pages, normalise, page_text

TARGET = {"gunungkidul": 1.00, "wonosobo": 0.98}
SEED = {"gunungkidul": GUNUNGKIDUL_SEED, "wonosobo": WONOSOBO_SEED}


def seed_cells(path) -> list[str]:
    """Tab-separated fields after "LAMPIRAN", normalised, 12 characters or longer."""
    text = path.read_text(encoding="utf-8")
    lampiran = text[re.search(r"^LAMPIRAN", text, re.MULTILINE).start():]
    cells = []
    for line in lampiran.splitlines():
        for field in line.split("\t"):
            cell = normalise(field)
            if len(cell) >= 12:
                cells.append(cell)
    return cells


@pytest.mark.parametrize("name", ["gunungkidul", "wonosobo"])
def test_lampiran_cells_appear_in_site(name, built_sites):
    site_text = normalise(" ".join(page_text(p) for p in html_pages(built_sites[name])))
    cells = seed_cells(SEED[name])
    assert len(cells) > 200, "seed extraction broken"
    missing = [c for c in cells if c not in site_text]
    ratio = 1 - len(missing) / len(cells)
    print(f"\n{name}: {len(cells) - len(missing)}/{len(cells)} sel ditemukan ({ratio:.1%})")
    for cell in missing:
        print(f"  TIDAK DITEMUKAN: {cell}")
    assert ratio >= TARGET[name], f"{len(missing)} sel tidak ditemukan: {missing}"


def test_gap_is_shown_not_invented(wonosobo_site):
    text = page_text(wonosobo_site / "2026" / "index.html")
    assert "Baris ini tidak terbaca pada salinan sumber." in text
    assert "Tanda bulan pada kolom PELAKSANAAN (BULAN) tidak terbaca" in text


def test_keputusan_text_is_complete(gunungkidul_site, wonosobo_site):
    g = page_text(gunungkidul_site / "2024" / "index.html")
    for phrase in ["Menimbang", "Mengingat", "Memutuskan", "KESATU", "KEDUA", "KETIGA",
                   "Ditetapkan di Wonosari", "pada tanggal 31 Januari 2024", "ASIH NURYANTI",
                   "KEPUTUSAN KOMISI PEMILIHAN UMUM KABUPATEN GUNUNGGKIDUL TENTANG",  # the decree's typo, kept
                   "Undang-Undang Nomor 28 Tahun 1999", "Nomor 9 Tahun 2023 tentang Evaluasi Reformasi Birokrasi"]:
        assert phrase in g, phrase
    w = page_text(wonosobo_site / "2026" / "index.html")
    for phrase in ["SALINAN", "NOMOR 23 TAHUN 2026", "RULIAWAN NUGROHO", "pada tanggal 11 Februari 2026",
                   "Nomor 14 Tahun 2026 Tentang Pembentukan Tim Kerja", "Muhson"]:
        assert phrase in w, phrase

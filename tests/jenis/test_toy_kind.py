"""Adding a recap kind is one module and one template: a toy kind from tests/fixtures, registered through
the registry's API, gets its file loaded, its page (with its chart and table), its navigation entry, its
home-page line and its new-year scaffold, with no other change to the code."""

from __future__ import annotations

import shutil

import pytest

from generator import jenis
from generator.errors import DataError
from generator.load import load_site
from generator.pages import build_pages, navigation
from generator.staff.tahun_baru import scaffold, write
from tests.conftest import DATA
from tests.fixtures.jenis_mainan import JENIS as MAINAN

BAWAAN = ["gratifikasi", "pengaduan", "wbs", "benturan-kepentingan", "survei"]
BERKAS = """tahun: 2026
per_tanggal: 2026-03-20
contoh: true
rekap:
  - {periode: "Januari 2026", kegiatan: 2, peserta: 41}
  - {periode: "Februari 2026", kegiatan: 1, peserta: 17}
"""


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "plans"
    shutil.copytree(DATA["wonosobo"], root)
    (root / "2026" / "sosialisasi.yaml").write_text(BERKAS, encoding="utf-8")
    return root


@pytest.fixture
def mainan():
    with jenis.sementara(MAINAN) as kind:
        yield kind
    assert [k.jenis for k in jenis.daftar()] == BAWAAN  # cleaned up


def test_the_built_in_kinds_are_registered_once_in_page_order():
    assert [k.jenis for k in jenis.daftar()] == BAWAAN
    assert [k.berkas for k in jenis.daftar()] == [f"{k}.yaml" for k in BAWAAN]


def test_a_kind_cannot_be_registered_twice(mainan):
    with pytest.raises(ValueError):
        jenis.daftarkan(MAINAN)


def test_unregistered_the_file_is_unknown(folder):
    with pytest.raises(DataError) as err:
        load_site(folder)
    assert "nama berkas 'sosialisasi.yaml' tidak dikenal" in err.value.report(folder)


def test_registered_kind_is_loaded_and_derived(folder, mainan):
    site = load_site(folder)
    facts = site.tahun(2026).rekap_jenis("sosialisasi")
    assert facts is not None
    assert [(p.label, k, n) for p, k, n in facts.bulan] == [("Januari 2026", 2, 41), ("Februari 2026", 1, 17)]
    # the kind's publication rule: as of the year's data (15 April), March was due by 10 April and is missing
    kes = site.tahun(2026).kesegaran["sosialisasi"]
    assert [(p.label, d.isoformat()) for p, d in kes.belum_dilaporkan] == [("Maret 2026", "2026-04-10")]


def test_registered_kind_has_its_page_with_its_chart_and_table(folder, mainan):
    pages = {p.path: p for p in build_pages(load_site(folder))}
    page = pages["2026/sosialisasi.md"]
    assert page.title == "Sosialisasi Antikorupsi"
    md = page.markdown
    assert "# Rekap Sosialisasi Antikorupsi 2026" in md  # the shared head, with the kind's title
    assert "Terlambat diperbarui</span>: Maret 2026 belum dilaporkan (batas 10 April 2026)" in md
    assert "<svg" in md and 'id="grafik-sosialisasi-2026' in md  # its chart
    assert "Data contoh: Peserta sosialisasi per bulan" in md  # example data marks the chart too
    assert (
        '<tr id="mainan-1"><th scope="row">Februari</th><td class="zi-angka">1</td><td class="zi-angka">17</td></tr>'
        in md
    )
    assert (
        '<tr id="mainan-2"><th scope="row">Januari</th><td class="zi-angka">2</td><td class="zi-angka">41</td></tr>'
        in md
    )
    # the home page lists it with the kind's own latest figure
    assert "17 peserta" in pages["index.md"].markdown


def test_registered_kind_has_its_navigation_entry_after_the_built_in_ones(folder, mainan):
    nav = navigation(load_site(folder))
    rekap = next(e for e in nav if e.title == "Rekap 2026")
    assert [(c.title, c.path) for c in rekap.children][-1] == ("Sosialisasi Antikorupsi", "2026/sosialisasi.md")


def test_registered_kind_has_its_new_year_scaffold(folder, mainan):
    site = load_site(folder)
    result = scaffold(site, 2027, folder / "2027")
    text = result.files["sosialisasi.yaml"]
    assert "# Rekap sosialisasi antikorupsi per bulan, tahun 2027: dibuat dengan `zi new-year 2027`" in text
    assert '#     - {periode: "Januari 2027", kegiatan: 1, peserta: 25}' in text
    assert "\nrekap: []\n" in text
    assert list(result.files)[-1] == "sosialisasi.yaml"  # registry order: after the built-in kinds
    write(folder, result)  # it loads (zi check) with the kind registered, and is put in place
    assert (folder / "2027" / "sosialisasi.yaml").read_text(encoding="utf-8") == text

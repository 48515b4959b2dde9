"""Row counts per area against counts made by hand from the seed text, and stable row ids."""

from __future__ import annotations

from generator.load import load_site
from generator.model import RencanaAksi
from generator.rules import derive_plan
from tests.conftest import DATA
from tests.rules.minimal import minimal_plan

# Counted by hand from 000_f5acbc97baaaf9b9.txt: one LANGKAH AKSI row per line of the
# lampiran that carries an action (a row continued across a page break counts once).
GUNUNGKIDUL_ROWS = {
    "manajemen-perubahan": 5,
    "penataan-tatalaksana": 3,
    "penataan-sistem-manajemen-sdm": 4,
    "penguatan-akuntabilitas-kinerja": 2,
    "penguatan-pengawasan": 26,
    "peningkatan-kualitas-pelayanan-publik": 3,
    "inovasi-pelayanan": 14,
}
# Area V by sub-programme: gratifikasi 6, WBS 2, benturan kepentingan 5, SPIP 6, pengaduan 7.
GUNUNGKIDUL_V_GROUPS = [6, 2, 5, 6, 7]
# Counted by hand from 002_ce6799d4d6e31164.txt: legible INDIKATOR KEBERHASILAN rows
# (rows lost with missing pages are not counted; they are shown as gaps).
WONOSOBO_ROWS = {
    "manajemen-perubahan": 25,
    "penataan-tatalaksana": 17,
    "penataan-sistem-manajemen-sdm": 15,
    "penguatan-akuntabilitas-kinerja": 10,
    "penguatan-pengawasan": 20,
    "peningkatan-kualitas-pelayanan-publik": 9,
}


def test_gunungkidul_rows_per_area():
    plan = load_site(DATA["gunungkidul"]).latest
    assert {a.slug: a.jumlah_aksi for a in plan.areas} == GUNUNGKIDUL_ROWS
    assert plan.jumlah_aksi == 57
    pengawasan = next(a for a in plan.areas if a.slug == "penguatan-pengawasan")
    assert [sum(len(k.aksi) for k in g.kegiatan) for g in pengawasan.kelompok] == GUNUNGKIDUL_V_GROUPS
    assert not plan.ada_celah  # the Gunungkidul copy is complete


def test_wonosobo_rows_per_area():
    plan = load_site(DATA["wonosobo"]).latest
    assert {a.slug: a.jumlah_aksi for a in plan.areas} == WONOSOBO_ROWS
    assert plan.jumlah_aksi == 96
    assert plan.ada_celah  # lost pages are recorded as gaps


def test_ids_follow_decree_numbering():
    plan = load_site(DATA["gunungkidul"]).latest
    ids = list(plan.rows_by_id)
    assert ids[0] == "r-i-1-1-1"
    # Area V, sub-programme 2 (WBS), komponen 1, indikator 1, second action.
    wbs = plan.rows_by_id["r-v-2-1-1-2"]
    assert wbs.bukti == "Sosialisasi *Whistle Blowing System* oleh Inspektorat"
    assert len(ids) == len(set(ids)) == 57
    wonosobo = load_site(DATA["wonosobo"]).latest
    assert wonosobo.rows_by_id["r-1-a-1-1"].uraian == "SK Tim Kerja Pembangunan Zona Integritas"
    assert "r-1-b-3-d" in wonosobo.rows_by_id


def test_mixed_numbering_cannot_collide():
    """An unnumbered item among numbered siblings gets an x-token, never a bare number."""
    plan = RencanaAksi.model_validate(
        minimal_plan(
            [
                {"nomor": "1)", "teks": "satu", "aksi": [{"uraian": "a"}]},
                {"celah": "hilang"},
                {"nomor": "2)", "teks": "dua", "aksi": [{"uraian": "b"}]},
            ]
        )
    )
    facts = derive_plan(plan)
    assert list(facts.rows_by_id) == ["r-1-a-1-1", "r-1-a-2-1"]
    assert [i.id for i in facts.areas[0].kegiatan[0].indikator] == ["r-1-a-1", "r-1-a-x2", "r-1-a-2"]


def test_months_are_parsed_into_facts():
    plan = load_site(DATA["gunungkidul"]).latest
    row = plan.rows_by_id["r-i-3-1-1"]
    assert row.jadwal_teks == "Maret, Juni, September dan Desember 2024"
    assert row.bulan == (3, 6, 9, 12)

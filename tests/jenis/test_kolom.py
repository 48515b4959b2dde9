"""The download columns each kind declares read its PUBLISHED table: a hidden cell stays hidden."""

from __future__ import annotations

import pytest

from generator import jenis
from generator.load import load_site
from tests.conftest import DATA


@pytest.fixture(scope="module")
def site():
    return load_site(DATA["gunungkidul"])


@pytest.mark.parametrize("kind", jenis.daftar(), ids=lambda k: k.jenis)
def test_every_column_has_a_unique_name_a_description_and_a_value_per_row(site, kind):
    names = [k.nama for k in kind.kolom]
    assert len(names) == len(set(names)) and names[0] == "periode"
    assert all(k.keterangan.strip() for k in kind.kolom)
    facts = site.tahun(2024).rekap_jenis(kind.jenis)
    rows = kind.tabel(facts, site.satker.privasi.ambang_sel_kecil)
    assert len(rows) == len(facts.info.periode)
    assert [kind.kolom[0].nilai(r) for r in rows] == [p.kunci for p in facts.info.periode]
    for r in rows:
        for k in kind.kolom:
            assert k.nilai(r) is None or isinstance(k.nilai(r), (int, str, bool))


def test_a_small_channel_count_is_not_in_the_download(site):
    kind = jenis.cari("pengaduan")
    facts = site.tahun(2024).rekap_jenis("pengaduan")
    ambang = site.satker.privasi.ambang_sel_kecil
    cells = [(m.periode.kunci, k, n) for m in facts.bulan if m.kanal for k, n in m.kanal.items()]
    small = [(p, k) for p, k, n in cells if 0 < n < ambang]
    assert small, "the example data should hold a small channel count"
    rows = {r.periode: r for r in kind.tabel(facts, ambang)}
    kolom = {k.nama: k for k in kind.kolom}
    for p, k in small:
        assert kolom[f"kanal_{k}"].nilai(rows[p]) is None  # suppressed, as on the page
    shown = [(p, k, n) for p, k, n in cells if n >= ambang and kolom[f"kanal_{k}"].nilai(rows[p]) is not None]
    assert shown and all(kolom[f"kanal_{k}"].nilai(rows[p]) == n for p, k, n in shown)

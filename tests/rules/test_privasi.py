"""Personal data in recap files, and small-cell suppression (UU 27/2022)."""

from __future__ import annotations

import pytest

from generator.rules.privasi import periksa_data_pribadi, sel


@pytest.mark.parametrize("value,kind", [
    ("3402123456780001", "NIK"),
    ("NIK pelapor 3402 1234 5678 0001", "NIK"),
    ("３４０２１２３４５６７８０００１", "NIK"),  # full-width digits
    ("3402\u200b1234\u200b5678\u200b0001", "NIK"),  # zero-width spaces between groups
    ("٣٤٠٢١٢٣٤٥٦٧٨٠٠٠١", "NIK"),  # Arabic-Indic digits
    ("hubungi 0812-3456-7890", "nomor telepon"),
    ("+62 812 3456 7890", "nomor telepon"),
    ("(0274) 391234", "nomor telepon"),
    ("6281234567890", "nomor telepon"),
    ("budi.santoso@gmail.com", "alamat surel"),
    ("budi＠gmail.com", "alamat surel"),  # full-width at sign
    ("budi [at] gmail [dot] com", "alamat surel"),
])
def test_values_that_look_personal(value, kind):
    [t] = periksa_data_pribadi({"rekap": [{"catatan": value}]})
    assert t.loc == ("rekap", 0, "catatan")
    assert f"tampak memuat {kind}" in t.message
    assert "UU 27/2022 tentang Pelindungan Data Pribadi" in t.message
    assert value not in t.message and value not in t.fix  # never repeated into build logs


@pytest.mark.parametrize("number,kind", [(3402123456780001, "NIK"), (6281234567890, "nomor telepon")])
def test_numbers_yaml_reads_as_integers(number, kind):
    [t] = periksa_data_pribadi({"x": number})
    assert f"tampak memuat {kind}" in t.message


@pytest.mark.parametrize("key", ["nama_pelapor", "nama", "alamat_pengadu", "NIK", "ｎａｍａ_terlapor", "no-hp"])
def test_fields_meant_for_a_person(key):
    [t] = periksa_data_pribadi({"rekap": [{key: "x"}]})
    assert "dimaksudkan untuk" in t.message and "UU 27/2022" in t.message


def test_counts_dates_channels_and_own_contacts_pass():
    data = {"tahun": 2024, "per_tanggal": "2024-12-20", "rekap": [
        {"periode": "Maret 2024", "diterima": 12, "nilai": 1_350_000, "catatan": "Rp1.500.000 pada 2024-03-01",
         "kanal": {"whatsapp": 3, "surel": 2}, "kategori": {"Perubahan alamat pemilih": 3}},
        {"periode": "April 2024", "catatan": "diteruskan melalui kpugk@gmail.com"}]}
    assert periksa_data_pribadi(data, izinkan=["kpugk@gmail.com"]) == []


def test_category_may_not_name_a_person():
    [t] = periksa_data_pribadi({"kategori": {"nama: Budi": 1}})
    assert t.loc == ("kategori", "nama: Budi")


def test_small_cells():
    assert [sel(n, 3).publik for n in (0, 1, 2, 3, 10)] == [0, None, None, 3, 10]
    assert [sel(n, 5).disembunyikan for n in (0, 4, 5)] == [False, True, False]

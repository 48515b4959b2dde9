"""Personal data in recap files, and small-cell suppression (UU 27/2022)."""

from __future__ import annotations

import pytest

from generator.rules.privasi import Kebijakan, periksa_data_pribadi, sel


@pytest.mark.parametrize(
    "value,kind",
    [
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
    ],
)
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
    data = {
        "tahun": 2024,
        "per_tanggal": "2024-12-20",
        "rekap": [
            {
                "periode": "Maret 2024",
                "diterima": 12,
                "nilai": 1_350_000,
                "catatan": "Rp1.500.000 pada 2024-03-01",
                "kanal": {"whatsapp": 3, "surel": 2},
                "kategori": {"Perubahan alamat pemilih": 3},
            },
            {"periode": "April 2024", "catatan": "diteruskan melalui kpugk@gmail.com"},
        ],
    }
    assert periksa_data_pribadi(data, izinkan=["kpugk@gmail.com"]) == []


def test_category_may_not_name_a_person():
    [t] = periksa_data_pribadi({"kategori": {"nama: Budi": 1}})
    assert t.loc == ("kategori", "nama: Budi")


def test_small_cells():
    assert [sel(n, 3).publik for n in (0, 1, 2, 3, 10)] == [0, None, None, 3, 10]
    assert [sel(n, 5).disembunyikan for n in (0, 4, 5)] == [False, True, False]


# --- Normalisation: the tricks a careless or hostile contributor uses (issue 9) ------------

TEXT = Kebijakan(nama_kunci=False, rekap=False)  # a published text file that is not a recap


@pytest.mark.parametrize(
    "value,kind",
    [
        ("NIK 3O71234567890001", "NIK"),  # letter O for zero
        ("3o7l 2345 6789 OOO1", "NIK"),  # o, l and O typed for 0 and 1, in groups
        ("NIK: 3402.1234.5678.0001", "NIK"),  # dotted groups
        ("3 4 0 2 1 2 3 4 5 6 7 8 0 0 0 1", "NIK"),  # every digit spaced
        ("3402\u20091234\u00a05678\u202f0001", "NIK"),  # thin, no-break and narrow spaces
        ("3402\u00ad1234\u200d5678\ufeff0001", "NIK"),  # soft hyphen, zero-width joiner, BOM
        ("۳۴۰۲۱۲۳۴۵۶۷۸۰۰۰۱", "NIK"),  # Persian digits
        ("NIP 19720315 199803 1 005", "NIP"),
        ("O812 3456 789O", "nomor telepon"),
        ("0812 3456 7890", "nomor telepon"),
        ("0812.3456.7890", "nomor telepon"),
        ("０８１２－３４５６－７８９０", "nomor telepon"),  # full-width digits and hyphen
        ("nama at domain dot go dot id", "alamat surel"),
        ("nama [at] domain [dot] id", "alamat surel"),
        ("nama (at) kpu.go.id", "alamat surel"),
        ("nama {et} domain {titik} id", "alamat surel"),
        ("nama @ domain.go.id", "alamat surel"),
        ("nama\u200b@\u200bdomain.id", "alamat surel"),
    ],
)
def test_disguised_values_are_found(value, kind):
    [t] = periksa_data_pribadi({"baris": [{"catatan": value}]}, kebijakan=TEXT)
    assert f"tampak memuat {kind}" in t.message and not t.peringatan
    assert "Teks ini diterbitkan di situs" in t.message and "UU 27/2022" in t.message
    assert value not in t.message + t.fix


@pytest.mark.parametrize(
    "value",
    [
        "Keputusan Nomor 478/HK.03.1-Kpt/3403/2024 tanggal 31 Januari 2024",
        "Nomor 012/3403/2024",  # a letter number starting with 0 is not a phone
        "dilaksanakan 01/03/2024 - 31/12/2024",
        "2024-03-01 sampai 2024-12-31",
        "2024-03-01 2024-12-31",
        "01-03-2024 - 31-12-2024",
        "periode 2024 2025 2026 2027",
        "Rp1.350.000.000 dan Rp 25.000.000",
        "Workshop at Hotel Santika",  # 'at' without a domain
        "ikuti @kpu_gunungkidul",  # a social media handle names the office
        "Oleh Il lO",  # letters alone are not digits
        "Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi",
        "Januari – Desember 2024, 12 dokumen, 100%",
        "SMS ke 1708",
    ],
)
def test_numbers_that_are_not_a_person_pass(value):
    assert periksa_data_pribadi({"catatan": value}, kebijakan=TEXT) == []


def test_own_contact_spelled_out_is_allowed():
    k = Kebijakan(izinkan=("kpugk@gmail.com", "0812-3456-7890"), nama_kunci=False, rekap=False)
    assert (
        periksa_data_pribadi({"catatan": "kirim ke kpugk [at] gmail [dot] com atau O812 3456 789O"}, kebijakan=k) == []
    )


# --- Names and home addresses: warnings, not blocks ---------------------------------------


@pytest.mark.parametrize(
    "value,kind",
    [
        ("gratifikasi dari Bapak Sutrisno berupa parsel", "nama seseorang"),
        ("diterima Ibu Sri, dikembalikan", "nama seseorang"),
        ("pelapor Sdr. Joko", "nama seseorang"),
        ("a.n. Budi Santoso", "nama seseorang"),
        ("atas nama Suparmi", "nama seseorang"),
        ("Ny. Wulan hadir", "nama seseorang"),
        ("rumah di Jl. Merdeka No. 12 Wonosari", "alamat rumah"),
        ("Jalan Brigjen Katamso No 5", "alamat rumah"),
        ("RT 03/RW 05 Kepek", "alamat rumah"),
        ("rt.003 rw.005", "alamat rumah"),
        ("Dusun Karangmojo No. 3", "alamat rumah"),
    ],
)
def test_names_and_addresses_warn(value, kind):
    [t] = periksa_data_pribadi({"catatan": value}, kebijakan=TEXT)
    assert t.peringatan and f"mungkin memuat {kind}" in t.message and "UU 27/2022" in t.message
    assert value not in t.message + t.fix


@pytest.mark.parametrize(
    "value",
    [
        "Ibu Kota Nusantara",
        "Bapak/Ibu pegawai",
        "Bapak Ibu sekalian",
        "Bapak Ketua KPU",
        "Ibu Pertiwi",
        "atas nama Ketua KPU Kabupaten Gunungkidul",
        "Pak Camat Wonosari",
        "a.n. Sekretaris",
        "Peraturan Desa Sukamaju Nomor 3 Tahun 2024",
        "Desa Wisata Nglanggeran",
        "Jalan Tol Nomor 2 Tahun 2023",
        "Dharma Wanita",
        "ibu hamil dan menyusui",
        "Kantor di Jalan Brigjen Katamso",
        "kegiatan masih berjalan, menunggu lampiran no. 2",
        "jalan sehat bersama, peserta nomor 5",
    ],
)
def test_roles_places_and_regulations_do_not_warn(value):
    assert periksa_data_pribadi({"catatan": value}, kebijakan=TEXT) == []


def test_excluded_paths_and_their_values():
    data = {
        "keputusan": {"penandatangan": {"nama": "Bapak Sutrisno", "nip": "NIP 19720315 199803 1 005"}},
        "kontak": {"telepon": "0274-391234"},
        "kanal": [{"kontak": "0812 3456 7890", "keterangan": "x"}],
        "catatan": "hubungi 0812-3456-7890",
    }
    k = Kebijakan(
        kecuali=(("keputusan", "penandatangan"), ("kontak",), ("kanal", "*", "kontak")), nama_kunci=False, rekap=False
    )
    assert periksa_data_pribadi(data, kebijakan=k) == []  # the channel's own number may be quoted
    [t] = periksa_data_pribadi({**data, "lain": "atau 0813 1111 2222"}, kebijakan=k)
    assert t.loc == ("lain",)


def test_text_files_do_not_judge_field_names():
    # A plan's or satker's keys are the model's ('nama' of a channel); unknown keys are refused by the model.
    assert periksa_data_pribadi({"kanal": [{"nama": "Surel"}]}, kebijakan=TEXT) == []
    assert periksa_data_pribadi({"kanal_x": [{"nama": "Surel"}]})  # a recap does


def test_a_recap_category_may_not_name_a_person_either():
    [t] = periksa_data_pribadi({"rekap": [{"kategori": {"Pelayanan Ibu Sri": 1, "Daftar pemilih": 2}}]})
    assert t.peringatan and t.loc == ("rekap", 0, "kategori", "Pelayanan Ibu Sri")


@pytest.mark.parametrize("text", ["a." * 100_000, "7" * 200_000, "O1" * 100_000, "a" * 200_000])
def test_long_hostile_text_is_checked_in_linear_time(text):
    # An unbounded "[\w.]+@" took 20 s on 40,000 characters of "a.a.a." (quadratic); a
    # 1 MB text (under the 2 MB file limit) would have hung the build.
    import time

    start = time.monotonic()
    periksa_data_pribadi({"uraian": text}, kebijakan=TEXT)
    assert time.monotonic() - start < 15

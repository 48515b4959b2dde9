"""Mistakes in realisasi and recap files: one message each, with file, line and a fix."""

from __future__ import annotations

import pytest

from generator.load import load_site
from tests.load.breaking import problems, replace

UU = "UU 27/2022 tentang Pelindungan Data Pribadi"


def test_year_with_only_the_plan_still_builds(plans):
    for f in (plans / "2024").iterdir():
        if f.name != "rencana-aksi.yaml":
            f.unlink()
    site = load_site(plans)
    assert site.tahun(2024).capaian is None and site.tahun(2024).rekap == ()


def test_negative_count(plans):
    line = replace(plans / "2024" / "pengaduan.yaml", "    selesai: 5\n", "    selesai: -5\n")
    assert problems(plans) == [
        f"2024/pengaduan.yaml:{line}:5: rekap[2].selesai: jumlah tidak boleh negatif"
        "\n    Perbaikan: tulis 0 bila tidak ada"
    ]


@pytest.mark.parametrize("value", ['"5"', "5.0", "true", "lima"])
def test_count_must_be_a_whole_number(plans, value):
    line = replace(plans / "2024" / "pengaduan.yaml", "    selesai: 5\n", f"    selesai: {value}\n")
    assert problems(plans) == [
        f"2024/pengaduan.yaml:{line}:5: rekap[2].selesai: harus berupa jumlah: bilangan bulat 0 atau lebih"
        "\n    Perbaikan: tulis angka tanpa tanda kutip, tanpa titik ribuan dan tanpa koma, mis. 0 atau 12"
    ]


def test_in_process_plus_finished_over_must_follow_up(plans):
    # October: harus_ditindaklanjuti 7, sedang_diproses 2; selesai 5 -> 6 gives 8 > 7.
    line = replace(plans / "2024" / "pengaduan.yaml", "    selesai: 5\n", "    selesai: 6\n", nth=4)
    assert problems(plans) == [
        f"2024/pengaduan.yaml:{line}:5: rekap[9].selesai: sedang diproses + selesai (8) melebihi harus "
        "ditindaklanjuti (7)\n    Perbaikan: sedang diproses dan selesai adalah bagian dari yang harus "
        "ditindaklanjuti; periksa ketiga angka"
    ]


def test_channels_must_add_up(plans):
    line = replace(
        plans / "2024" / "pengaduan.yaml",
        "kanal: {website: 1, surel: 1, whatsapp: 2}",
        "kanal: {website: 1, surel: 1, whatsapp: 1}",
    )
    assert problems(plans) == [
        f"2024/pengaduan.yaml:{line}:5: rekap[0].kanal: jumlah per kanal (3) tidak sama dengan diterima (4)"
        "\n    Perbaikan: setiap pengaduan yang diterima dihitung pada satu kanal"
    ]


def test_period_listed_twice(plans):
    line = replace(plans / "2024" / "gratifikasi.yaml", 'periode: "April 2024"', 'periode: "Maret 2024"')
    assert problems(plans) == [
        f"2024/gratifikasi.yaml:{line}:5: rekap[3].periode: periode 'Maret 2024' ditulis dua kali (pertama pada "
        "butir ke-3)\n    Perbaikan: gabungkan kedua butir menjadi satu"
    ]


def test_period_outside_the_files_year(plans):
    line = replace(plans / "2024" / "wbs.yaml", '"Maret 2024"', '"Maret 2023"')
    assert problems(plans) == [
        f"2024/wbs.yaml:{line}:6: rekap[2].periode: periode 'Maret 2023' di luar tahun berkas ini (2024)"
        "\n    Perbaikan: perbaiki tahunnya, atau pindahkan butir ini ke 2023/wbs.yaml"
    ]


def test_period_not_yet_begun(plans):
    line = replace(plans / "2024" / "wbs.yaml", '"September 2024"', '"November 2024"')
    [msg] = problems(plans)
    assert msg.startswith(
        f"2024/wbs.yaml:{line}:6: rekap[8].periode: periode 'November 2024' belum dimulai per tanggal 2024-10-15"
    )


def test_monthly_recap_given_a_quarter(plans):
    line = replace(plans / "2024" / "gratifikasi.yaml", '"Januari 2024"', '"Triwulan I 2024"')
    assert problems(plans) == [
        f"2024/gratifikasi.yaml:{line}:5: rekap[0].periode: rekap gratifikasi disusun per bulan, bukan per "
        "triwulan\n    Perbaikan: tulis periode seperti 'Maret 2024'"
    ]


def test_survey_answers_must_add_up_to_respondents(plans):
    line = replace(plans / "2024" / "survei.yaml", "waktu: [1, 7, 78, 26]", "waktu: [1, 7, 77, 26]")
    assert problems(plans) == [
        f"2024/survei.yaml:{line}:9: rekap[0].ikm.unsur.waktu: jawaban unsur 'Waktu Penyelesaian' berjumlah 111, "
        "tidak sama dengan jumlah responden (112)\n    Perbaikan: setiap responden menjawab setiap unsur sekali; "
        "periksa angka jawaban atau responden"
    ]


def test_survey_answers_need_four_counts(plans):
    line = replace(plans / "2024" / "survei.yaml", "waktu: [1, 7, 78, 26]", "waktu: [8, 78, 26]")
    [msg] = problems(plans)
    assert msg.startswith(
        f"2024/survei.yaml:{line}:9: rekap[0].ikm.unsur.waktu: jawaban unsur harus berisi 4 bilangan, bukan 3"
    )


def test_unknown_row_id_names_closest_ids(plans):
    line = replace(plans / "2024" / "realisasi.yaml", "- id: r-v-2-1-1-2\n", "- id: r-v-2-1-1-3\n")
    [msg] = problems(plans)
    head, fix = msg.split("\n    Perbaikan: ")
    assert (
        head == f"2024/realisasi.yaml:{line}:5: baris[21].id: id baris 'r-v-2-1-1-3' tidak ada dalam rencana aksi 2024"
    )
    assert fix.startswith("id yang paling mirip: ") and fix.count("'r-") == 3
    assert "'r-v-2-1-1-1'" in fix and "'r-v-2-1-1-2'" in fix


def test_reason_required_when_not_carried_out(plans):
    f = plans / "2024" / "realisasi.yaml"
    text = f.read_text(encoding="utf-8")
    start = text.index("    alasan:")
    f.write_text(text[:start] + text[text.index("\n", start) + 1 :], encoding="utf-8")
    [msg] = problems(plans)
    assert "baris[21]: status 'tidak dilaksanakan' memerlukan alasan" in msg


def test_unknown_field_gets_did_you_mean(plans):
    f = plans / "2024" / "wbs.yaml"
    line = replace(f, "diverifikasi: 0", "diverifkasi: 0")
    column = f.read_text(encoding="utf-8").splitlines()[line - 1].index("diverifkasi") + 1
    msgs = problems(plans)
    assert msgs == [
        f"2024/wbs.yaml:{line}:{column}: rekap[0].diverifkasi: isian 'diverifkasi' tidak dikenal, dan isian "
        "wajib 'diverifikasi' belum ada\n    Perbaikan: ganti nama isian 'diverifkasi' menjadi 'diverifikasi'"
    ]


def test_misspelt_file_name(plans):
    (plans / "2024" / "gratifikasi.yaml").rename(plans / "2024" / "gratifkasi.yaml")
    [msg] = problems(plans)
    assert msg == (
        "2024/gratifkasi.yaml:1:1: nama berkas 'gratifkasi.yaml' tidak dikenal"
        "\n    Perbaikan: maksud Anda 'gratifikasi.yaml'?"
    )


def test_missing_evidence_upload(plans, tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    msgs = problems(plans, content)
    assert msgs and all("tidak ada di folder content/" in m for m in msgs)
    assert any(m.startswith("2024/realisasi.yaml:") and "unggahan/contoh/sk-tim-kerja-zi-2024.pdf" in m for m in msgs)


def test_evidence_link_with_another_scheme_is_refused(plans):
    line = replace(plans / "2024" / "realisasi.yaml", '"https://elhkpn.kpk.go.id"', '"javascript:alert(1)"')
    [msg] = problems(plans)
    assert msg.startswith(f"2024/realisasi.yaml:{line}:")
    assert "bukti[0].tautan: jenis tautan 'javascript:' tidak diizinkan" in msg


# --- Privacy guard, through the loader: hostile values in real files ------------------------


@pytest.mark.parametrize(
    "note,kind",
    [
        ("Pelapor NIK 3403011203880004", "NIK"),
        ("hubungi pelapor di 0812 2733 4411", "nomor telepon"),
        ("WA +62 812-2733-4411", "nomor telepon"),
        ("balasan ke warga.pelapor@yahoo.co.id", "alamat surel"),
        ("NIK \u200b3403\u200b0112\u200b0388\u200b0004", "NIK"),
        ("ktp ３４０３０１１２０３８８０００４", "NIK"),
    ],
)
def test_privacy_guard_stops_the_build(plans, note, kind):
    f = plans / "2024" / "pengaduan.yaml"
    line = replace(
        f,
        '    kategori: {"Daftar pemilih": 2, "Rekrutmen',
        f'    catatan: "{note}"\n    kategori: {{"Daftar pemilih": 2, "Rekrutmen',
    )
    [msg] = problems(plans)
    assert msg.startswith(f"2024/pengaduan.yaml:{line}:5: rekap[0].catatan: isian ini tampak memuat {kind}. ")
    assert UU in msg and "Perbaikan: hapus" in msg
    assert note.split()[-1] not in msg  # the value itself is not repeated


def test_field_for_a_complainants_name(plans):
    f = plans / "2024" / "wbs.yaml"
    line = replace(
        f, '{periode: "Mei 2024", diterima: 1,', '{periode: "Mei 2024", nama_pelapor: "Sutrisno", diterima: 1,'
    )
    column = f.read_text(encoding="utf-8").splitlines()[line - 1].index("nama_pelapor") + 1
    msgs = problems(plans)
    assert msgs == [
        f"2024/wbs.yaml:{line}:{column}: rekap[4].nama_pelapor: isian 'nama_pelapor' dimaksudkan untuk "
        f"identitas seseorang. Rekap hanya boleh memuat jumlah, bukan data pribadi ({UU})\n"
        "    Perbaikan: hapus isian ini; tulis hanya jumlah, mis. 'diterima: 3', tanpa nama, alamat atau "
        "kontak pelapor, terlapor maupun pegawai"
    ]  # and no second "tidak dikenal" for the same field
    assert all("Sutrisno" not in m for m in msgs)


def _gratifikasi_notes(plans) -> list[str]:
    [facts] = [r for r in load_site(plans).tahunan[2024].rekap if r.info.jenis == "gratifikasi"]
    return [b.catatan for b in facts.bulan if b.catatan]


def test_unit_contacts_are_not_personal_data(plans):
    # kpugk@gmail.com is the unit's own published address (satker.yaml kontak.surel).
    replace(
        plans / "2024" / "gratifikasi.yaml", '    catatan: "Bingkisan', '    catatan: "Lewat kpugk@gmail.com. Bingkisan'
    )
    assert _gratifikasi_notes(plans) == [
        "Lewat kpugk@gmail.com. Bingkisan diserahkan kepada Unit Pengendali Gratifikasi dan dilaporkan kepada KPK."
    ]


def test_another_address_in_the_same_note_is_personal_data(plans):
    # The same place with an address that is not the unit's: the exemption above is not a blind spot.
    line = replace(
        plans / "2024" / "gratifikasi.yaml", '    catatan: "Bingkisan', '    catatan: "Lewat kpugx@gmail.com. Bingkisan'
    )
    [msg] = problems(plans)
    assert msg.startswith(f"2024/gratifikasi.yaml:{line}:5: rekap[")
    assert ".catatan: isian ini tampak memuat alamat surel" in msg and "kpugx" not in msg

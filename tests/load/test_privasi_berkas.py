"""The privacy guard on every published data file, not only the recaps (issue 9, UU 27/2022).

The four "personal data published" cases of issue 9 each fail on the code before it:
a NIK and a phone number in realisasi.yaml ``catatan``; a gratifikasi giver's name in
``catatan``; an e-mail written "nama at domain dot go dot id"; a NIK typed with the letter O.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.load import load_site
from tests.conftest import DATA
from tests.load.breaking import problems, replace

pytestmark = pytest.mark.slow  # heavy: left out of `make test-fast`

CATATAN = '    catatan: "Rencana aksi diunggah ke website pada awal Februari."'


def warnings(root: Path) -> list[str]:
    return [p.format(root, peringatan=True) for p in load_site(root).peringatan]


def _note(plans: Path, text: str) -> int:
    return replace(plans / "2024" / "realisasi.yaml", CATATAN, f'    catatan: "{text}"')


@pytest.mark.parametrize(
    "text,kind",
    [
        ("dikonfirmasi pelapor NIK 3402123456780001", "NIK"),  # case 1: NIK in realisasi catatan
        ("hubungi pelapor di 0812-3456-7890", "nomor telepon"),  # case 1: phone in realisasi catatan
        ("tanya ke budi at kpu dot go dot id", "alamat surel"),  # case 3: e-mail spelled out
        ("NIK pelapor 34O2123456789OO1", "NIK"),  # case 4: letter O for zero
    ],
)
def test_personal_data_in_realisasi_stops_the_build(plans, text, kind):
    line = _note(plans, text)
    [msg] = problems(plans)
    assert msg.startswith(f"2024/realisasi.yaml:{line}:5: baris[1].catatan: isian ini tampak memuat {kind}.")
    assert "UU 27/2022" in msg and "Perbaikan: hapus" in msg
    assert text.split(maxsplit=2)[-1] not in msg  # the value itself is never repeated


def test_spelled_out_email_in_a_recap_stops_the_build(plans):
    grat = plans / "2024" / "gratifikasi.yaml"
    line = replace(grat, "dilaporkan kepada KPK.", "dilaporkan oleh sri at gmail dot com.")
    [msg] = problems(plans)
    assert msg.startswith(f"2024/gratifikasi.yaml:{line}:") and "tampak memuat alamat surel. Rekap hanya" in msg


def test_giver_name_in_a_recap_note_warns_with_its_line(plans):
    # case 2: a gratifikasi giver's name (a guess, so a warning with the line, not a block)
    grat = plans / "2024" / "gratifikasi.yaml"
    line = replace(grat, "Bingkisan diserahkan", "Bingkisan dari Bapak Sutrisno diserahkan")
    [msg] = warnings(plans)
    assert msg.startswith(f"Peringatan: 2024/gratifikasi.yaml:{line}:")
    assert "mungkin memuat nama seseorang" in msg and "Sutrisno" not in msg
    assert "Perbaikan: bila benar, ganti dengan keterangan tanpa nama orang" in msg


def test_home_address_in_realisasi_warns(plans):
    line = _note(plans, "diantar ke rumah pelapor, Dusun Karangmojo RT 03/RW 05")
    [msg] = warnings(plans)
    assert msg.startswith(
        f"Peringatan: 2024/realisasi.yaml:{line}:5: baris[1].catatan: isian ini mungkin memuat alamat rumah"
    )


def test_evidence_title_and_reason_are_checked(plans):
    real = plans / "2024" / "realisasi.yaml"
    line = replace(real, '"SK Tim Kerja Zona Integritas 2024 (berkas contoh)"', '"KTP 3402123456780001"')
    [msg] = problems(plans)
    assert msg.startswith(f"2024/realisasi.yaml:{line}:") and "bukti[0].judul" in msg and "NIK" in msg


def test_plan_text_is_checked_but_the_signature_block_is_not(plans):
    plan = plans / "2024" / "rencana-aksi.yaml"
    # The decree's signatory (name, and a NIP under the name) is the decree's own published text.
    replace(plan, '    nama: "ASIH NURYANTI"', '    nama: "ASIH NURYANTI, NIP 19720315 199803 2 005"')
    assert warnings(plans) == []
    line = replace(plan, "anggotanya berasal dari", "hubungi 0813-1111-2222, anggotanya berasal dari")
    [msg] = problems(plans)
    assert msg.startswith(f"2024/rencana-aksi.yaml:{line}:") and "nomor telepon" in msg


def test_the_units_own_contact_may_be_quoted_in_the_plan(plans):
    # Lampiran V.5 names the office's e-mail (kpugk@gmail.com, in satker.yaml): allowed; another is not.
    plan = plans / "2024" / "rencana-aksi.yaml"
    line = replace(plan, "melalui alamat kpugk@gmail.com", "melalui alamat kpugk@gmail.com atau pak.budi@gmail.com")
    [msg] = problems(plans)
    assert msg.startswith(f"2024/rencana-aksi.yaml:{line}:") and "alamat surel" in msg


def test_satker_non_contact_fields_are_checked(plans):
    sat = plans / "satker.yaml"
    line = replace(sat, "Identitas pelapor dirahasiakan.", "Atau WA pribadi 0857 1234 5678.")
    [msg] = problems(plans)
    assert msg.startswith(f"satker.yaml:{line}:") and "kanal[1].keterangan" in msg and "nomor telepon" in msg


def test_satker_contact_fields_are_the_units_own(plans):
    sat = plans / "satker.yaml"
    replace(sat, '  surel: "kpugk@gmail.com"', '  surel: "kpugk@gmail.com"\n  whatsapp: "0812-3456-7890"')
    replace(sat, "Identitas pelapor dirahasiakan.", "Call center WA 0812 3456 7890.")  # quoting it is fine
    replace(sat, 'kota: "Wonosari"', 'kota: "Wonosari"\nalamat: "Jl. Kolonel Sugiyono No. 10, Wonosari"')
    assert load_site(plans).peringatan == ()


@pytest.mark.parametrize("name", DATA)
def test_real_data_has_no_privacy_finding(name):
    site = load_site(DATA[name])
    assert site.peringatan == ()  # measured: 0 name/address guesses and 0 plausibility warnings in both

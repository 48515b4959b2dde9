"""Bad data gives one clear Indonesian message per mistake, with file, line and fix."""

from __future__ import annotations

import shutil

import yaml

from generator.load import load_site
from generator.load.yaml_source import ZiLoader
from tests.conftest import DATA, REPO
from tests.load.breaking import problems, replace


def test_real_data_loads():
    site = load_site(DATA["gunungkidul"])
    assert site.satker.singkatan == "KPU Kabupaten Gunungkidul"
    assert [p.tahun for p in site.plans] == [2024]


def test_unknown_month_names_file_line_and_fix(plans):
    plan = plans / "2024" / "rencana-aksi.yaml"
    line = replace(plan, '"April 2024"', '"Apirl 2024"')
    [msg] = problems(plans)
    assert msg.startswith(f"2024/rencana-aksi.yaml:{line}:")
    assert "nama bulan 'Apirl' tidak dikenal" in msg
    assert "Perbaikan: tulis 'April'" in msg


def test_misspelt_field_suggests_known_one(plans):
    plan = plans / "2024" / "rencana-aksi.yaml"
    line = replace(plan, "  ditetapkan_di:", "  ditetapkan_dii:")
    # One mistake, one message, at the typo's line: not also "add the required 'ditetapkan_di'"
    # listed first (following that left the typo for a second and a third round).
    assert problems(plans) == [
        f"2024/rencana-aksi.yaml:{line}:3: keputusan.ditetapkan_dii: isian 'ditetapkan_dii' tidak dikenal, "
        "dan isian wajib 'ditetapkan_di' belum ada\n    Perbaikan: ganti nama isian 'ditetapkan_dii' menjadi 'ditetapkan_di'"
    ]


def test_misspelt_optional_field_suggests_known_one(plans):
    real = plans / "2024" / "realisasi.yaml"
    line = replace(real, "    catatan:", "    catatn:")
    assert problems(plans) == [
        f"2024/realisasi.yaml:{line}:5: baris[1].catatn: isian 'catatn' tidak dikenal\n    Perbaikan: maksud Anda 'catatan'?"
    ]


def test_misspelt_required_field_in_a_list_row_is_one_message(plans):
    real = plans / "2024" / "realisasi.yaml"
    line = replace(real, "    status:", "    statsu:", nth=3)
    [msg] = problems(plans)
    assert msg.startswith(f"2024/realisasi.yaml:{line}:5: baris[2].statsu: isian 'statsu' tidak dikenal")
    assert msg.endswith("Perbaikan: ganti nama isian 'statsu' menjadi 'status'")


def test_duplicate_key_is_an_error_not_silently_dropped(plans):
    sat = plans / "satker.yaml"
    text = sat.read_text(encoding="utf-8")
    first = text[: text.index("singkatan:")].count("\n") + 1
    sat.write_text(text + 'singkatan: "KPU Lain"\n', encoding="utf-8")
    last = text.count("\n") + 1
    [msg] = problems(plans)
    assert msg.startswith(f"satker.yaml:{last}:1: singkatan: ")
    assert f"isian 'singkatan' ditulis dua kali (pertama di baris {first})" in msg


def test_every_problem_is_listed_at_once(plans):
    plan = plans / "2024" / "rencana-aksi.yaml"
    replace(plan, '"April 2024"', '"Apirl 2024"')
    replace(plan, "  ditetapkan_di:", "  ditetapkan_dii:")
    replace(plans / "satker.yaml", "singkatan:", "singkatn:")
    msgs = problems(plans)
    assert len(msgs) == 3  # month, misspelt plan field, misspelt satker field: one message each
    assert any("Apirl" in m for m in msgs) and any("singkatn" in m for m in msgs)


def test_no_stays_text_not_boolean(plans):
    """YAML 1.1 would read the decree heading NO, written without quotes, as false."""
    replace(plans / "2024" / "rencana-aksi.yaml", 'nomor: "NO"', "nomor: NO")
    site = load_site(plans)
    assert site.latest.rencana.lampiran.kolom.nomor == "NO"


def test_only_true_and_false_are_booleans():
    text = "a: NO\nb: yes\nc: on\nd: Off\ne: y\nf: true\ng: False\nh: TRUE\n"
    assert yaml.load(text, Loader=ZiLoader) == {
        "a": "NO",
        "b": "yes",
        "c": "on",
        "d": "Off",
        "e": "y",
        "f": True,
        "g": False,
        "h": True,
    }


def test_unknown_area_title(plans):
    plan = plans / "2024" / "rencana-aksi.yaml"
    line = replace(plan, 'judul: "Penguatan Pengawasan"', 'judul: "Penguatan Kapasitas"')
    [msg] = problems(plans)
    assert "judul area 'Penguatan Kapasitas' tidak cocok" in msg
    assert f":{line - 1}:" in msg or f":{line}:" in msg


def test_duplicate_explicit_row_id(plans):
    plan = plans / "2024" / "rencana-aksi.yaml"
    text = plan.read_text(encoding="utf-8")
    text = text.replace(
        '- uraian: "Membentuk Tim Kerja', '- id: "r-i-2-1-1"\n                  uraian: "Membentuk Tim Kerja', 1
    )
    plan.write_text(text, encoding="utf-8")
    msgs = problems(plans)
    assert any("id baris 'r-i-2-1-1' sudah dipakai" in m for m in msgs), msgs


def test_yaml_syntax_error_has_position(plans):
    plan = plans / "2024" / "rencana-aksi.yaml"
    plan.write_text('tahun: 2024\nkeputusan:\n  nomor: "478\n', encoding="utf-8")
    [msg] = problems(plans)
    assert msg.startswith("2024/rencana-aksi.yaml:")
    assert "YAML tidak dapat dibaca" in msg and "Perbaikan:" in msg


def test_year_folder_must_match(plans):
    (plans / "2024").rename(plans / "2025")
    [msg] = problems(plans)
    assert "tidak sama dengan nama folder 2025" in msg


def test_missing_upload_is_reported(plans, tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    shutil.copytree(REPO / "content" / "unggahan", content / "unggahan")  # the example evidence files
    plan = plans / "2024" / "rencana-aksi.yaml"
    replace(plan, "  ditetapkan_di:", '  berkas: "unggahan/kep-478.pdf"\n  ditetapkan_di:')
    [msg] = problems(plans, content)
    assert "berkas 'unggahan/kep-478.pdf' tidak ada di folder content/" in msg
    (content / "unggahan").mkdir(exist_ok=True)
    (content / "unggahan" / "kep-478.pdf").write_bytes(b"%PDF-1.4\n")
    assert load_site(plans, content_dir=content).latest.rencana.keputusan.berkas == "unggahan/kep-478.pdf"


def test_upload_outside_content_is_refused(plans, tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    shutil.copytree(REPO / "content" / "unggahan", content / "unggahan")  # the example evidence files
    replace(plans / "2024" / "rencana-aksi.yaml", "  ditetapkan_di:", '  berkas: "../rahasia.pdf"\n  ditetapkan_di:')
    [msg] = problems(plans, content)
    assert "harus di dalam folder content/" in msg


def test_empty_action_row(plans):
    plan = plans / "2024" / "rencana-aksi.yaml"
    line = replace(
        plan,
        '                - uraian: "Membentuk Tim Kerja',
        '                - {}\n                - uraian: "Membentuk Tim Kerja',
    )
    [msg] = problems(plans)
    assert msg.startswith(f"2024/rencana-aksi.yaml:{line}:")
    assert "baris aksi kosong" in msg


def test_row_marked_empty_cannot_hold_text(plans):
    plan = plans / "2024" / "rencana-aksi.yaml"
    line = replace(
        plan,
        '                - uraian: "Membentuk Tim Kerja',
        '                - kosong: true\n                  uraian: "Membentuk Tim Kerja',
    )
    [msg] = problems(plans)
    assert msg.startswith(f"2024/rencana-aksi.yaml:{line}:")
    assert "baris bertanda 'kosong: true' tetapi memuat uraian" in msg and "Perbaikan: hapus 'kosong: true'" in msg


def test_alias_bomb_is_refused(plans):
    bomb = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for i in range(1, 8):
        bomb.append(f"{chr(97 + i)}: &{chr(97 + i)} [" + ", ".join([f"*{chr(96 + i)}"] * 10) + "]")
    (plans / "satker.yaml").write_text("\n".join(bomb) + "\n", encoding="utf-8")
    [msg] = problems(plans)
    assert msg.startswith("satker.yaml:2:8: alias YAML *a (anchor &a di baris 1)")  # the first alias, not line 1
    assert "Perbaikan: hapus tanda &nama dan *nama" in msg

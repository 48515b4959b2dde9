"""The YAML reader turns hostile or broken input into problems, never into an exception.

Each case here was a traceback before (most found by ``test_fuzz.py``): PyYAML
raises ValueError, IndexError, RecursionError, ReaderError or ConstructorError
for them, none of which staff should ever see.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import DataError
from generator.load import load_site
from generator.load.yaml_source import MAX_BYTES, MAX_DEPTH, parse_yaml
from tests.conftest import DATA


def problems_of(tmp_path: Path, data: bytes | str) -> list[str]:
    file = tmp_path / "data.yaml"
    file.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    parsed = parse_yaml(file)
    assert parsed.problems, "a problem was expected"
    out = [p.format(tmp_path) for p in parsed.problems]
    for text in out:
        assert text.startswith("data.yaml:") and "Perbaikan: " in text, text
    return out


@pytest.mark.parametrize(
    ("data", "line", "expected"),
    [
        ("tanggal: 2024-02-30\n", 1, "tanggal '2024-02-30' tidak ada"),
        ("x: 2024-01-01T25:00:00Z\n", 1, "tanggal '2024-01-01T25:00:00Z' tidak ada"),
        ("a: 1\nx: " + "1" * 5000 + "\n", 2, "terlalu panjang"),
        ("x: !!int \n", 1, "tidak dapat dibaca"),  # IndexError inside PyYAML
        ("x: !!python/name:os.system\n", 1, "tanda jenis YAML '!!python/name:os.system' tidak dikenal"),
        ("x: !!python/object/apply:os.system ['true']\n", 1, "tidak dikenal"),
        ("x: !rahasia teks\n", 1, "tanda jenis YAML '!rahasia' tidak dikenal"),
        ("x: !!binary aGVsbG8=\n", 1, "data biner (!!binary) tidak didukung"),
        ("a: 1\nb: \x01\n", 2, "karakter kendali yang tidak terlihat (kode 0001)"),
        ("a: '\x00'\n", 1, "karakter kendali"),
        ("a: &a [*a]\n", 1, "alias YAML merujuk ke dirinya sendiri"),
        ("a: &a {b: *a}\n", 1, "alias YAML merujuk ke dirinya sendiri"),
        ("? {a: 1}\n: 2\n", 1, "nama isian harus berupa teks"),
        ("? {[1]: 1}\n: 2\n", 1, "nama isian harus berupa teks"),
        ("a: &a {x: 1}\nb:\n  <<: *a\n", 3, "tanda '<<' (fitur khusus YAML) tidak didukung"),
        ("=: 1\n", 1, "tanda '='"),
        ("a: 1\n---\nb: 2\n", 2, "lebih dari satu dokumen YAML"),
        ("a:\n\tb: 1\n", 2, "karakter tab"),
        ('a: "\\q"\n', 1, "garis miring terbalik sebelum 'q'"),
        ("a: b: c\n", 1, "tanda titik dua ':' tidak boleh di sini"),
        ('a: "belum ditutup\nb: 1\n', 1, "tanda kutip tidak ditutup"),
        ("a: [1, 2\nb: 3\n", None, "YAML tidak dapat dibaca"),
    ],
)
def test_broken_yaml_is_a_problem_with_position(tmp_path, data, line, expected):
    found = problems_of(tmp_path, data)
    assert any(expected in p for p in found), found
    if line is not None:
        assert any(p.startswith(f"data.yaml:{line}:") and expected in p for p in found), found


def test_english_reader_messages_never_reach_staff(tmp_path):
    for data in ("a: b: c\n", '"x', "a:\n\tb: 1\n", "[1, 2", "{a: 1", "a: 1\n---\nb: 2\n", "- a\nb: c\n", "*x\n"):
        for text in problems_of(tmp_path, data):
            for english in ("found", "expected", "while", "not allowed", "could not"):
                assert english not in text, text


def test_deep_nesting_is_refused(tmp_path):
    [msg] = problems_of(tmp_path, "[" * 5000 + "]" * 5000)
    assert "data bersarang terlalu dalam" in msg
    [msg] = problems_of(tmp_path, "a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n")
    assert "data bersarang terlalu dalam" in msg


def test_file_over_size_limit_is_refused(tmp_path):
    [msg] = problems_of(tmp_path, "a: " + "x" * MAX_BYTES + "\n")
    assert "berkas terlalu besar" in msg and f"batas {MAX_BYTES} bita" in msg


def test_alias_bomb_in_values_and_in_keys(tmp_path):
    bomb = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for i in range(1, 9):
        bomb.append(f"{chr(97 + i)}: &{chr(97 + i)} [" + ", ".join([f"*{chr(96 + i)}"] * 10) + "]")
    [msg] = problems_of(tmp_path, "\n".join(bomb) + "\n")
    assert "alias YAML" in msg
    # A key may not be a collection at all, so an alias bomb cannot hide in a key.
    found = problems_of(tmp_path, "\n".join(bomb[:3]) + "\n? *c\n: 1\n")
    assert any("nama isian harus berupa teks" in p for p in found), found


def test_keys_keep_the_text_as_written(tmp_path):
    file = tmp_path / "data.yaml"
    file.write_text("true: 1\n2024-01-31: 2\n1.5: 3\n~: 4\n2024: 5\n", encoding="utf-8")
    parsed = parse_yaml(file)
    assert not parsed.problems
    assert parsed.data == {"true": 1, "2024-01-31": 2, "1.5": 3, "~": 4, 2024: 5}


def test_bad_value_is_reported_once_and_the_rest_still_checked(tmp_path):
    """An impossible date is one problem; the model does not add 'harus berupa tanggal' on top."""
    import shutil

    root = tmp_path / "plans"
    shutil.copytree(DATA["gunungkidul"], root)
    plan = root / "2024" / "rencana-aksi.yaml"
    text = plan.read_text(encoding="utf-8")
    date_line = text[: text.index("  tanggal: 2024-01-31")].count("\n") + 1
    text = text.replace("  tanggal: 2024-01-31", "  tanggal: 2024-02-30").replace('  nomor: "478"', '  nomorr: "478"')
    plan.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as exc:
        load_site(root)
    msgs = [p.format(root) for p in exc.value.problems]
    assert [m for m in msgs if "tanggal" in m.split("\n")[0]] == [
        f"2024/rencana-aksi.yaml:{date_line}:12: keputusan.tanggal: tanggal '2024-02-30' tidak ada"
        "\n    Perbaikan: tulis tanggal yang ada sebagai TTTT-BB-HH, mis. 2024-01-31"
    ], msgs
    assert any("isian 'nomorr' tidak dikenal" in m for m in msgs), msgs


def test_folder_in_place_of_a_file(tmp_path):
    (tmp_path / "data.yaml").mkdir()
    [problem] = parse_yaml(tmp_path / "data.yaml").problems
    assert problem.message == "berkas tidak dapat dibaca (berupa folder, bukan berkas)" and problem.fix

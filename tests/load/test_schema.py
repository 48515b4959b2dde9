"""JSON Schema for editors: committed schemas equal the model's, every data file points
at its schema on the first line, and the schemas accept the real data and reject typos."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import jsonschema
import pytest
import yaml

from generator import schema
from generator.load.yaml_source import ZiLoader
from tests.conftest import DATA, zi

DATA_FILES = sorted(p for root in DATA.values() for p in root.rglob("*.yaml"))


def _as_editor_sees(value):
    """yaml-language-server reads YAML 1.2: an unquoted date is a string there."""
    if isinstance(value, dict):
        return {k: _as_editor_sees(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_editor_sees(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


@pytest.mark.parametrize("kind", list(schema.KINDS))
def test_committed_schema_equals_the_model(kind):
    committed = schema.SCHEMA_DIR / schema.schema_name(kind)
    assert committed.exists(), f"{committed} belum ada: jalankan `zi schema`"
    assert committed.read_text(encoding="utf-8") == schema.render(kind), \
        f"{committed.name} berbeda dari model: jalankan `zi schema` lalu commit hasilnya"


def test_zi_schema_writes_every_kind(tmp_path):
    result = zi("schema", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(schema.schema_name(k) for k in schema.KINDS)
    for kind in schema.KINDS:
        assert (tmp_path / schema.schema_name(kind)).read_text(encoding="utf-8") == schema.render(kind)


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: p.relative_to(p.parents[2]).as_posix())
def test_every_data_file_names_its_schema_on_line_one(path: Path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith(schema.MODELINE), f"{path}: baris pertama bukan {schema.MODELINE}…"
    target = (path.parent / first.removeprefix(schema.MODELINE)).resolve()
    assert target == (schema.SCHEMA_DIR / schema.schema_name(path.name)).resolve(), first
    assert target.exists()


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: p.relative_to(p.parents[2]).as_posix())
def test_schema_accepts_the_real_data(path: Path):
    data = _as_editor_sees(yaml.load(path.read_text(encoding="utf-8"), Loader=ZiLoader))  # noqa: S506
    jsonschema.validate(data, schema.schema_for(path.name))


def test_schema_flags_a_misspelt_field_as_the_editor_would():
    path = DATA["gunungkidul"] / "2024" / "rencana-aksi.yaml"
    data = _as_editor_sees(yaml.load(path.read_text(encoding="utf-8"), Loader=ZiLoader))  # noqa: S506
    data["keputusan"]["nomer"] = data["keputusan"].pop("nomor")
    checker = jsonschema.Draft202012Validator(schema.schema_for("rencana-aksi.yaml"))
    found = sorted((e.validator, list(e.absolute_path), e.message) for e in checker.iter_errors(data))
    # The unknown name is flagged where it stands, and the missing one as missing: nothing else.
    assert found == [
        ("additionalProperties", ["keputusan"], "Additional properties are not allowed ('nomer' was unexpected)"),
        ("required", ["keputusan"], "'nomor' is a required property"),
    ]


def test_modeline_is_relative_to_the_file(tmp_path):
    data_file = tmp_path / "plans" / "2030" / "survei.yaml"
    line = schema.modeline(data_file, schema_dir=tmp_path / "skema")
    assert line == "# yaml-language-server: $schema=../../skema/survei.schema.json"
    assert schema.with_modeline("# lama\ntahun: 2030\n", data_file, tmp_path / "skema") == line + "\n# lama\ntahun: 2030\n"
    assert schema.with_modeline(line + "\ntahun: 2030\n", data_file, tmp_path / "skema") == line + "\ntahun: 2030\n"

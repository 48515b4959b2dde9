"""JSON Schema for editors: committed schemas equal the model's, every data file points
at its schema on the first line, and the schemas accept the real data and reject typos."""

from __future__ import annotations

import datetime as dt
import enum
import typing
from pathlib import Path

import jsonschema
import pytest
import yaml
from pydantic import BaseModel

from generator.load.yaml_source import ZiLoader
from generator.staff import schema
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
    assert committed.read_text(encoding="utf-8") == schema.render(kind), (
        f"{committed.name} berbeda dari model: jalankan `zi schema` lalu commit hasilnya"
    )


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
    assert (
        schema.with_modeline("# lama\ntahun: 2030\n", data_file, tmp_path / "skema") == line + "\n# lama\ntahun: 2030\n"
    )
    assert schema.with_modeline(line + "\ntahun: 2030\n", data_file, tmp_path / "skema") == line + "\ntahun: 2030\n"


# --- The schema helps the editor: every field described, every choice listed, every count >= 0 ---


def _properties(node, where=""):
    """(where, property schema) for every property of every object in a schema, however deep."""
    if isinstance(node, dict):
        for name, prop in node.get("properties", {}).items():
            yield f"{where}.{name}", prop
        for key, sub in node.items():
            yield from _properties(sub, f"{where}/{key}" if key not in ("properties",) else where)
    elif isinstance(node, list):
        for i, sub in enumerate(node):
            yield from _properties(sub, f"{where}[{i}]")


def _nodes(node):
    if isinstance(node, dict):
        yield node
        for sub in node.values():
            yield from _nodes(sub)
    elif isinstance(node, list):
        for sub in node:
            yield from _nodes(sub)


def _has_enum(prop, defs) -> bool:
    for node in _nodes(prop):
        if "enum" in node or "const" in node:
            return True
        ref = node.get("$ref", "")
        if ref.startswith("#/$defs/") and _has_enum(defs[ref.removeprefix("#/$defs/")], defs):
            return True
    return False


def _is_choice(annotation, metadata) -> bool:
    """A Literal (or Enum) anywhere in the type, or the lenient ``pilihan`` validator."""
    if any(getattr(getattr(m, "func", None), "__qualname__", "").startswith("pilihan.") for m in metadata):
        return True
    if typing.get_origin(annotation) is typing.Literal:
        return True
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return True
    args = typing.get_args(annotation)
    if typing.get_origin(annotation) is typing.Annotated:
        return _is_choice(args[0], annotation.__metadata__)
    return any(_is_choice(a, ()) for a in args)


def _models(model, seen=None):
    seen = {} if seen is None else seen
    if model.__name__ not in seen:
        seen[model.__name__] = model
        for f in model.model_fields.values():
            for node in [f.annotation, *_type_args(f.annotation)]:
                if isinstance(node, type) and issubclass(node, BaseModel):
                    _models(node, seen)
    return seen


def _type_args(annotation):
    for a in typing.get_args(annotation):
        yield a
        yield from _type_args(a)


# Plain-text fields whose allowed values come from a catalogue rather than a Literal.
CATALOGUE_CHOICES = {("Area", "area")}


@pytest.mark.parametrize("kind", list(schema.KINDS))
def test_every_field_has_a_description_for_the_editor(kind):
    missing = [where for where, prop in _properties(schema.schema_for(kind)) if not prop.get("description")]
    assert not missing, f"{kind}: isian tanpa description: {missing}"


@pytest.mark.parametrize("kind", list(schema.KINDS))
def test_every_choice_field_lists_its_values(kind):
    full = schema.schema_for(kind)
    defs = full.get("$defs", {})
    checked, missing = 0, []
    for name, model in _models(schema.KINDS[kind]).items():
        props = (full if model is schema.KINDS[kind] else defs[name])["properties"]
        for field, info in model.model_fields.items():
            if _is_choice(info.annotation, info.metadata) or (name, field) in CATALOGUE_CHOICES:
                checked += 1
                if not _has_enum(props[field], defs):
                    missing.append(f"{name}.{field}")
    assert not missing, f"{kind}: isian pilihan tanpa enum: {missing}"
    if kind in ("realisasi.yaml", "gratifikasi.yaml", "satker.yaml", "rencana-aksi.yaml", "survei.yaml"):
        assert checked, "the walk found no choice field where the model has some"


@pytest.mark.parametrize("kind", list(schema.KINDS))
def test_every_count_has_a_minimum(kind):
    ints = [node for node in _nodes(schema.schema_for(kind)) if node.get("type") == "integer"]
    assert ints, kind
    bare = [node for node in ints if "minimum" not in node and "exclusiveMinimum" not in node]
    assert not bare, f"{kind}: bilangan bulat tanpa minimum: {bare}"


def test_choice_enums_are_the_canonical_values():
    """The editor suggests exactly what the loader writes back (the loader also accepts other cases)."""
    from generator.domain.areas import BY_CODE
    from generator.model.realisasi import STATUS

    real = schema.schema_for("realisasi.yaml")
    assert real["$defs"]["BarisRealisasi"]["properties"]["status"]["enum"] == list(STATUS)
    area = schema.schema_for("rencana-aksi.yaml")["$defs"]["Area"]["properties"]["area"]
    assert [n["enum"] for n in _nodes(area) if "enum" in n] == [list(BY_CODE)]
    jumlah = schema.schema_for("pengaduan.yaml")["$defs"]["BulanPengaduan"]["properties"]["diterima"]
    assert jumlah["minimum"] == 0

"""JSON Schema for each kind of data file, generated from the pydantic model.

Editors use it while staff type: the YAML extension of VS Code (and other editors
built on yaml-language-server) validates and autocompletes a file whose first line is

    # yaml-language-server: $schema=<relative path to the schema>

The schemas are committed in ``generator/schemas/`` so that line works in a plain
checkout; ``zi schema`` rewrites them and a test keeps them equal to the model. The
model stays the single source of truth: the loader, not the schema, decides what is
valid (the schema cannot check row ids, month names or totals).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from pydantic import BaseModel

from generator import jenis
from generator.berkas_atomik import write_text_atomic
from generator.load.tahun import PLAN_FILE, REALISASI_FILE
from generator.model import Realisasi, Satker
from generator.model.plan import RencanaAksi

SCHEMA_DIR = Path(__file__).parents[1] / "schemas"
DRAFT = "https://json-schema.org/draft/2020-12/schema"
MODELINE = "# yaml-language-server: $schema="

# File name → model. Year files live in plans/<tahun>/, satker.yaml in plans/.
KINDS: dict[str, type[BaseModel]] = {
    "satker.yaml": Satker,
    PLAN_FILE: RencanaAksi,
    REALISASI_FILE: Realisasi,
    **{k.berkas: k.model for k in jenis.daftar()},
}


def schema_name(data_file: str) -> str:
    return data_file.removesuffix(".yaml") + ".schema.json"


def schema_for(data_file: str) -> dict:
    model = KINDS[data_file]
    schema = model.model_json_schema()
    return {"$schema": DRAFT, "$id": schema_name(data_file), **schema}


def render(data_file: str) -> str:
    """The schema as committed: stable key order, two-space indent, final newline."""
    return json.dumps(schema_for(data_file), ensure_ascii=False, indent=2) + "\n"


def write_all(out_dir: Path = SCHEMA_DIR) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for data_file in KINDS:
        path = out_dir / schema_name(data_file)
        write_text_atomic(path, render(data_file))
        written.append(path)
    return written


def modeline(data_path: Path, schema_dir: Path = SCHEMA_DIR) -> str:
    """The first line for a data file: its schema, as a path relative to the file."""
    target = schema_dir / schema_name(data_path.name)
    rel = os.path.relpath(target.resolve(), data_path.resolve().parent)
    return MODELINE + Path(rel).as_posix()


def with_modeline(text: str, data_path: Path, schema_dir: Path = SCHEMA_DIR) -> str:
    """The file's text with its schema line first (replacing an older one)."""
    lines = text.splitlines(keepends=True)
    if lines and lines[0].startswith(MODELINE):
        lines = lines[1:]
    return modeline(data_path, schema_dir) + "\n" + "".join(lines)

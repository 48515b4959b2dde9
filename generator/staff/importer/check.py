"""Check the written plan exactly as ``zi check`` would, before staff meet the problems there.

Each problem is also traced back to the spreadsheet cell it came from, so the
fix can be made in the sheet and the import run again.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from generator.errors import Problem
from generator.load.messages import validation_problems
from generator.load.yaml_source import dotted, parse_yaml
from generator.model import RencanaAksi
from generator.rules import RuleError, derive_plan


@dataclass(frozen=True)
class Finding:
    problem: Problem
    sheet_where: str | None  # the cell or row in the spreadsheet, when the problem comes from the table


def check_text(text: str, out_name: Path, origins: dict[tuple, str]) -> list[Finding]:
    """Problems the loader would report for ``text`` (written as ``out_name``)."""
    with tempfile.TemporaryDirectory(prefix="zi-impor-") as tmp:
        file = Path(tmp) / "rencana-aksi.yaml"
        file.write_text(text, encoding="utf-8")
        parsed = parse_yaml(file)
        found: list[tuple[tuple, Problem]] = [((), p) for p in parsed.problems]
        if parsed.data is not None:
            try:
                plan = RencanaAksi.model_validate(parsed.data)
            except ValidationError as exc:
                found.extend(validation_problems(exc, RencanaAksi, file, parsed.source))
            else:
                try:
                    derive_plan(plan)
                except RuleError as exc:
                    for loc, message, fix in exc.problems:
                        line, col = parsed.source.position(loc)
                        found.append((loc, Problem(file, line, col, dotted(loc), message, fix)))
    out = []
    for loc, p in found:
        p = Problem(out_name, p.line, p.column, p.field, p.message, p.fix)
        out.append(Finding(p, _origin(loc, origins)))
    return out


def _origin(loc: tuple, origins: dict[tuple, str]) -> str | None:
    clean = tuple(
        p for p in loc if isinstance(p, int) or p in ("lampiran", "area", "kelompok", "kegiatan", "indikator", "aksi")
    )
    while clean:
        if clean in origins:
            return origins[clean]
        clean = clean[:-1]
    return None

"""Read a data folder into ``SiteData``.

Layout of a data folder::

    satker.yaml                 the unit
    <tahun>/rencana-aksi.yaml   one per year

Every problem in every file is collected before failing, so staff fix all of
them in one go.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from generator.errors import DataError, Problem
from generator.load.messages import translate
from generator.load.yaml_source import Parsed, SourceMap, dotted, parse_yaml
from generator.model import RencanaAksi, Satker
from generator.rules import PlanFacts, RuleError, derive_plan
from generator.site import Site

PLAN_FILE = "rencana-aksi.yaml"
_YEAR_DIR = re.compile(r"^\d{4}$")
M = TypeVar("M", bound=BaseModel)


def load_site(root: Path, content_dir: Path | None = None) -> Site:
    """Load and validate ``root``; with ``content_dir``, also check that uploaded files exist."""
    root = Path(root)
    problems: list[Problem] = []
    if not root.is_dir():
        raise DataError([Problem(root, None, None, "", "folder data tidak ditemukan",
                                 "periksa pilihan --plans atau isian 'plans' plugin zi di mkdocs.yml")])
    satker, _ = _load(root / "satker.yaml", Satker, problems)
    plans: list[PlanFacts] = []
    year_dirs = sorted(p for p in root.iterdir() if p.is_dir() and _YEAR_DIR.match(p.name))
    for year_dir in year_dirs:
        file = year_dir / PLAN_FILE
        if not file.exists():
            problems.append(Problem(year_dir, None, None, "", f"folder tahun tanpa berkas {PLAN_FILE}",
                                    f"buat {year_dir.name}/{PLAN_FILE} atau hapus folder ini"))
            continue
        plan, source = _load(file, RencanaAksi, problems)
        if plan is not None and plan.tahun != int(year_dir.name):
            problems.append(Problem(file, 1, 1, "tahun",
                                    f"tahun {plan.tahun} tidak sama dengan nama folder {year_dir.name}",
                                    f"tulis 'tahun: {year_dir.name}' atau pindahkan berkas ke folder {plan.tahun}/"))
        if plan is not None and content_dir is not None:
            problems.extend(_check_upload(file, source, ("keputusan", "berkas"), plan.keputusan.berkas, content_dir))
        if plan is not None:
            try:
                plans.append(derive_plan(plan))
            except RuleError as exc:
                for loc, message, fix in exc.problems:
                    line, col = source.position(loc)
                    problems.append(Problem(file, line, col, dotted(loc), message, fix))
    if not year_dirs:
        problems.append(Problem(root, None, None, "", "belum ada rencana aksi",
                                f"buat folder tahun, mis. 2024/{PLAN_FILE}"))
    if problems:
        raise DataError(problems)
    assert satker is not None
    return Site(root=root, satker=satker, plans=tuple(sorted(plans, key=lambda p: p.tahun)))


def _load(file: Path, model: type[M], problems: list[Problem]) -> tuple[M | None, SourceMap]:
    """Parse and validate one file; problems go to ``problems``, positions come back for later checks."""
    if not file.exists():
        problems.append(Problem(file, None, None, "", "berkas wajib tidak ditemukan",
                                f"buat berkas {file.name}"))
        return None, SourceMap(file)
    parsed: Parsed = parse_yaml(file)
    problems.extend(parsed.problems)
    if parsed.data is None:
        return None, parsed.source
    if not isinstance(parsed.data, dict):
        problems.append(Problem(file, 1, 1, "", "isi berkas harus berupa pasangan 'nama: nilai'",
                                "lihat contoh berkas lain di folder data"))
        return None, parsed.source
    try:
        return model.model_validate(parsed.data), parsed.source
    except ValidationError as exc:
        for err in exc.errors():
            loc = tuple(err["loc"])
            line, col = parsed.source.position(loc)
            message, fix = translate(err, model)
            problems.append(Problem(file, line, col, dotted(loc), message, fix))
        return None, parsed.source


def _check_upload(file: Path, source: SourceMap, loc: tuple[str, ...], value: str | None,
                  content_dir: Path) -> list[Problem]:
    """An uploaded file must be inside content/ and exist, or the download link would be broken."""
    if not value:
        return []
    line, col = source.position(loc)
    target = (content_dir / value).resolve()
    if value.startswith(("/", "\\")) or ".." in Path(value).parts or not target.is_relative_to(content_dir.resolve()):
        return [Problem(file, line, col, dotted(loc), f"lokasi berkas '{value}' harus di dalam folder content/",
                        "tulis lokasi relatif terhadap content/, mis. 'unggahan/keputusan-478-2024.pdf'")]
    if not target.is_file():
        return [Problem(file, line, col, dotted(loc), f"berkas '{value}' tidak ada di folder content/",
                        f"unggah berkasnya ke content/{value} atau perbaiki nama berkasnya")]
    return []

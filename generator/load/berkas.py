"""Read one YAML file into a model, collecting problems with file, line and fix."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from generator.errors import Problem
from generator.load.messages import clean_loc, validation_problems
from generator.load.yaml_source import Parsed, SourceMap, dotted, parse_yaml
from generator.rules import kewajaran
from generator.rules.privasi import Kebijakan, periksa_data_pribadi

M = TypeVar("M", bound=BaseModel)


def load_file(
    file: Path,
    model: type[M],
    problems: list[Problem],
    privasi: Kebijakan | Iterable[str] | None = None,
    peringatan: list[Problem] | None = None,
) -> tuple[M | None, SourceMap]:
    """Parse and validate one file; problems go to ``problems``, positions come back for later checks.

    With ``privasi`` (a ``Kebijakan``, or for a recap file just the unit's own
    published contacts, which are allowed), the parsed data is first searched for
    personal data (``generator.rules.privasi``); guesses (names, addresses) go to
    ``peringatan`` and do not stop the build, as do the plausibility checks of a
    valid file (``generator.rules.kewajaran``).
    """
    if not file.exists():
        problems.append(Problem(file, None, None, "", "berkas wajib tidak ditemukan", f"buat berkas {file.name}"))
        return None, SourceMap(file)
    parsed: Parsed = parse_yaml(file)
    problems.extend(parsed.problems)
    if parsed.data is None and parsed.problems:
        return None, parsed.source
    if not isinstance(parsed.data, dict):  # also a file holding only '~' or 'null'
        problems.append(
            Problem(
                file,
                1,
                1,
                "",
                "isi berkas harus berupa pasangan 'nama: nilai'",
                "lihat contoh berkas lain di folder data",
            )
        )
        return None, parsed.source
    flagged: set[tuple] = set(parsed.reported)  # already reported by the YAML reader
    if privasi is not None:
        kebijakan = privasi if isinstance(privasi, Kebijakan) else Kebijakan(izinkan=tuple(privasi))
        for t in periksa_data_pribadi(parsed.data, kebijakan=kebijakan):
            line, col = parsed.source.position(t.loc)
            problem = Problem(file, line, col, dotted(t.loc), t.message, t.fix)
            if t.peringatan:
                if peringatan is not None:
                    peringatan.append(problem)
                continue
            problems.append(problem)
            flagged.add(tuple(t.loc))
    try:
        valid = model.model_validate(parsed.data)
    except ValidationError as exc:
        for loc, problem in validation_problems(exc, model, file, parsed.source):
            if clean_loc(loc) in flagged:
                continue  # already reported as personal data; do not repeat the field
            problems.append(problem)
        return None, parsed.source
    if peringatan is not None:
        for loc, message, fix in kewajaran.periksa(valid):
            line, col = parsed.source.position(loc)
            peringatan.append(Problem(file, line, col, dotted(loc), message, fix))
    return valid, parsed.source


def check_upload(
    file: Path, source: SourceMap, loc: tuple[str | int, ...], value: str | None, content_dir: Path
) -> list[Problem]:
    """An uploaded file must be inside content/ and exist, or the download link would be broken."""
    if not value:
        return []
    line, col = source.position(loc)
    target = (content_dir / value).resolve()
    if value.startswith(("/", "\\")) or ".." in Path(value).parts or not target.is_relative_to(content_dir.resolve()):
        return [
            Problem(
                file,
                line,
                col,
                dotted(loc),
                f"lokasi berkas '{value}' harus di dalam folder content/",
                "tulis lokasi relatif terhadap content/, mis. 'unggahan/keputusan-478-2024.pdf'",
            )
        ]
    if not target.is_file():
        return [
            Problem(
                file,
                line,
                col,
                dotted(loc),
                f"berkas '{value}' tidak ada di folder content/",
                f"unggah berkasnya ke content/{value} atau perbaiki nama berkasnya",
            )
        ]
    return []

"""Pydantic's validation errors, said in Indonesian with a fix staff can apply."""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from generator.errors import Problem
from generator.load.yaml_source import SourceMap, dotted

_TYPE_WORDS = {
    "string_type": ("harus berupa teks", 'tulis teksnya; beri tanda kutip "..." bila memuat titik dua'),
    "int_type": ("harus berupa bilangan bulat", "tulis angka tanpa tanda kutip, mis. 2024"),
    "int_parsing": ("harus berupa bilangan bulat", "tulis angka tanpa tanda kutip, mis. 2024"),
    "int_from_float": ("harus berupa bilangan bulat", "hapus angka di belakang koma"),
    "bool_type": ("harus bernilai true atau false", "tulis true atau false"),
    "bool_parsing": ("harus bernilai true atau false", "tulis true atau false"),
    "date_type": ("harus berupa tanggal", "tulis tanggal sebagai TTTT-BB-HH, mis. 2024-01-31"),
    "date_parsing": ("harus berupa tanggal", "tulis tanggal sebagai TTTT-BB-HH, mis. 2024-01-31"),
    "date_from_datetime_parsing": ("harus berupa tanggal", "tulis tanggal sebagai TTTT-BB-HH, mis. 2024-01-31"),
    "date_from_datetime_inexact": ("harus berupa tanggal tanpa jam", "tulis tanggal sebagai TTTT-BB-HH"),
    "decimal_type": ("harus berupa angka", "tulis angka tanpa tanda kutip; pakai titik untuk desimal, mis. 3.62"),
    "decimal_parsing": ("harus berupa angka", "tulis angka tanpa tanda kutip; pakai titik untuk desimal, mis. 3.62"),
    "float_type": ("harus berupa angka", "tulis angka tanpa tanda kutip; pakai titik untuk desimal, mis. 3.62"),
    "float_parsing": ("harus berupa angka", "tulis angka tanpa tanda kutip; pakai titik untuk desimal, mis. 3.62"),
    "list_type": ("harus berupa daftar", "tulis tiap butir di baris baru yang diawali '- '"),
    "model_type": ("harus berupa kumpulan isian 'nama: nilai'", "lihat contoh di berkas lain"),
    "dict_type": ("harus berupa kumpulan isian 'nama: nilai'", "lihat contoh di berkas lain"),
    # YAML reads .nan, .inf and -.inf as numbers; a count, a mean or an index never is one.
    "finite_number": (
        "harus berupa angka biasa; .nan (bukan angka) dan .inf (tak hingga) tidak diterima",
        "tulis angkanya, mis. 3.62; bila angkanya tidak ada, hapus baris isian ini",
    ),
    "string_too_short": ("teks terlalu pendek", "lengkapi teksnya"),
    "string_too_long": ("teks terlalu panjang", "persingkat teksnya"),
    "string_pattern_mismatch": ("bentuk teks tidak sesuai", "lihat contoh di berkas lain"),
    "too_long": ("daftar terlalu panjang", "hapus butir yang berlebih"),
    "decimal_max_digits": ("angka terlalu panjang", "persingkat angkanya"),
    "decimal_max_places": ("terlalu banyak angka di belakang titik desimal", "bulatkan angkanya, mis. 3.62"),
    "decimal_whole_digits": ("angka terlalu besar", "periksa angkanya"),
    "int_parsing_size": ("angka terlalu besar", "periksa angkanya"),
    "datetime_type": ("harus berupa tanggal dan jam", "tulis mis. 2024-01-31"),
    "tuple_type": ("harus berupa daftar", "tulis tiap butir di baris baru yang diawali '- '"),
    "set_type": ("harus berupa daftar", "tulis tiap butir di baris baru yang diawali '- '"),
    "enum": ("nilai tidak dikenal", "lihat pilihan yang dikenal di berkas contoh"),
}


def clean_loc(loc: tuple[Any, ...]) -> tuple[str | int, ...]:
    """Drop pydantic's union/validator markers ('str', 'list[int]', 'function-after[...]')."""
    return tuple(p for p in loc if isinstance(p, int) or ("[" not in p and p not in {"str", "int", "bool"}))


def validation_problems(
    exc: ValidationError, model: type[BaseModel], file: Path, source: SourceMap
) -> list[tuple[tuple[Any, ...], Problem]]:
    """The one conversion of a pydantic ``ValidationError`` into staff ``Problem``s (one per mistake).

    Each comes with pydantic's own path, so a caller can skip a field already reported
    (personal data) or trace it back to a spreadsheet cell (the importer).
    """
    out = []
    for loc, message, fix in staff_errors(exc.errors(), model):
        line, col = source.position(loc)
        out.append((loc, Problem(file, line, col, dotted(loc), message, fix)))
    return out


def staff_errors(
    errors: Sequence[Mapping[str, Any]], model: type[BaseModel]
) -> list[tuple[tuple[Any, ...], str, str | None]]:
    """(loc, message, fix) for each mistake: a misspelt key is one mistake, not two.

    Pydantic reports ``statsu: berjalan`` twice: the required 'status' is missing and
    'statsu' is unknown. Listed by line, the "add 'status'" advice came first, and
    following it left the typo behind for another round; the one message is at the
    typo's own line and says to rename it.
    """
    missing: dict[tuple[str | int, ...], dict[str, int]] = {}
    for i, err in enumerate(errors):
        if err["type"] == "missing":
            loc = clean_loc(tuple(err["loc"]))
            if loc and isinstance(loc[-1], str):
                missing.setdefault(loc[:-1], {})[loc[-1]] = i
    renamed: dict[int, str] = {}  # index of an extra_forbidden error -> the missing key it was meant to be
    used: set[int] = set()
    for i, err in enumerate(errors):
        loc = clean_loc(tuple(err["loc"]))
        if err["type"] != "extra_forbidden" or not loc or not isinstance(loc[-1], str):
            continue
        candidates = {k: j for k, j in missing.get(loc[:-1], {}).items() if j not in used}
        close = difflib.get_close_matches(loc[-1], list(candidates), n=1, cutoff=0.6)
        if close:
            renamed[i] = close[0]
            used.add(candidates[close[0]])
    out: list[tuple[tuple[Any, ...], str, str | None]] = []
    for i, err in enumerate(errors):
        if i in used:
            continue
        if i in renamed:
            name = clean_loc(tuple(err["loc"]))[-1]
            out.append(
                (
                    tuple(err["loc"]),
                    f"isian '{name}' tidak dikenal, dan isian wajib '{renamed[i]}' belum ada",
                    f"ganti nama isian '{name}' menjadi '{renamed[i]}'",
                )
            )
        else:
            out.append((tuple(err["loc"]), *translate(err, model)))
    return out


def translate(err: Mapping[str, Any], model: type[BaseModel]) -> tuple[str, str | None]:
    kind = err["type"]
    loc = clean_loc(tuple(err["loc"]))
    name = next((p for p in reversed(loc) if isinstance(p, str)), "")
    ctx = err.get("ctx") or {}
    if kind == "zi":
        return ctx["message"], ctx.get("fix")
    if kind == "missing":
        return f"isian wajib '{name}' belum diisi", f"tambahkan '{name}: ...'"
    if kind == "extra_forbidden":
        known = fields_at(model, loc[:-1])
        close = difflib.get_close_matches(str(name), known, n=1, cutoff=0.6)
        if close:
            return f"isian '{name}' tidak dikenal", f"maksud Anda '{close[0]}'?"
        return f"isian '{name}' tidak dikenal", "isian yang dikenal di sini: " + ", ".join(known)
    if kind == "literal_error":
        return "nilai tidak dikenal", f"pilih salah satu: {str(ctx.get('expected', '')).replace(' or ', ' atau ')}"
    if kind == "too_short":
        return "tidak boleh kosong", "isi minimal satu butir"
    if kind in _BOUNDS:
        word, key, fix = _BOUNDS[kind]
        return f"nilai harus {word} {ctx.get(key)}", fix.format(ctx.get(key))
    if kind in _TYPE_WORDS:
        return _TYPE_WORDS[kind]
    if kind == "value_error":
        msg = str(err["msg"]).removeprefix("Value error, ")
        return msg, "lihat contoh di berkas lain"
    # Not reached by today's models (tests/load/test_clear_messages.py tries every field with odd
    # values); a new constraint gets its own words above. Pydantic's English never reaches staff.
    return (
        f"nilai tidak sah (kode pemeriksaan: {kind})",
        "bandingkan dengan isian yang sama di berkas contoh; bila nilainya sudah benar, laporkan pesan ini "
        "kepada pengelola Laman ZI",
    )


_BOUNDS = {
    "greater_than_equal": ("paling kecil", "ge", "tulis angka {} atau lebih"),
    "less_than_equal": ("paling besar", "le", "tulis angka {} atau kurang"),
    "greater_than": ("lebih dari", "gt", "tulis angka yang lebih dari {}"),
    "less_than": ("kurang dari", "lt", "tulis angka yang kurang dari {}"),
}


def fields_at(model: type[BaseModel], loc: tuple[str | int, ...]) -> list[str]:
    """Names of the fields allowed at ``loc`` (to suggest a close one for a typo)."""
    current: Any = model
    for part in loc:
        current = _unwrap(current)
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)) or part not in current.model_fields:
            return []
        current = current.model_fields[part].annotation
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _unwrap(tp: Any) -> Any:
    """list[X] -> X, X | None -> X (the first model type found)."""
    for _ in range(5):
        origin = typing.get_origin(tp)
        if origin in (list, tuple):
            tp = typing.get_args(tp)[0]
        elif origin in (typing.Union, types.UnionType):
            models = [a for a in typing.get_args(tp) if isinstance(a, type) and issubclass(a, BaseModel)]
            if not models:
                return tp
            tp = models[0]
        else:
            return tp
    return tp

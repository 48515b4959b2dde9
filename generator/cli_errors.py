"""click's usage errors (a missing argument, an unknown option, a year out of range, ...)
said in Indonesian with what to type instead.

click writes "Error: Invalid value for '--tahun': 1999 is not in the range 2000<=x<=2100."
Staff read Indonesian, so ``generator.cli.run`` lets click raise instead and prints
``message`` of the exception: the reason, a Perbaikan line, and the command's usage.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any

import click
from click.exceptions import BadOptionUsage, BadParameter, ClickException, MissingParameter, NoSuchOption, UsageError

TAHUN_MIN, TAHUN_MAX = 2000, 2100


class Tahun(click.IntRange):
    """A plan year, 2000–2100, refused in Indonesian."""

    name = "tahun"

    def __init__(self) -> None:
        super().__init__(TAHUN_MIN, TAHUN_MAX)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int) and not isinstance(value, bool):
            year = value
        else:
            text = str(value).strip()
            if not re.fullmatch(r"[0-9]+", text):
                self.fail(f"'{value}' bukan tahun", param, ctx)
            year = int(text)
        if not TAHUN_MIN <= year <= TAHUN_MAX:
            self.fail(f"tahun {year} di luar rentang {TAHUN_MIN}–{TAHUN_MAX}", param, ctx)
        return year


# click's own wording of a bad value (click/types.py), as (pattern, Indonesian).
_VALUE_WORDS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^'?(.*?)'? is not a valid integer\.?$"), "'{0}' bukan bilangan bulat"),
    (re.compile(r"^'?(.*?)'? is not a valid (?:float|decimal|number)\.?$"), "'{0}' bukan angka"),
    (re.compile(r"^(.*) is not in the range (.*)\.$"), "{0} di luar rentang {1}"),
    (re.compile(r"^'(.*)' is not one of (.*)\.$"), "'{0}' bukan pilihan yang dikenal; pilihannya: {1}"),
    (re.compile(r"^'(.*)' is not (.*)\.$"), "'{0}' bukan pilihan yang dikenal; pilihannya: {1}"),
    (re.compile(r"^(?:File|Directory|Path) '(.*)' does not exist\.$"), "'{0}' tidak ada"),
    (re.compile(r"^(?:File|Directory|Path) '(.*)' is a directory\.$"), "'{0}' adalah folder, bukan berkas"),
    (re.compile(r"^(?:File|Directory|Path) '(.*)' is a file\.$"), "'{0}' adalah berkas, bukan folder"),
    (re.compile(r"^(?:File|Directory|Path) '(.*)' is not readable\.$"), "'{0}' tidak dapat dibaca (izin)"),
    (re.compile(r"^(?:File|Directory|Path) '(.*)' is not writable\.$"), "'{0}' tidak dapat ditulis (izin)"),
]
_EXTRA = re.compile(r"^Got unexpected extra arguments? \((.*)\)$")
_NO_COMMAND = re.compile(r"^No such command '(.*)'\.$")
_NEEDS_VALUE = re.compile(r"^Option '(.*)' requires (?:an argument|\d+ arguments)\.$")
_TAKES_NO_VALUE = re.compile(r"^Option '(.*)' does not take a value\.$")


def message(exc: ClickException) -> str:
    """The whole text staff see for a usage error: reason, fix, usage line."""
    ctx = getattr(exc, "ctx", None)
    command = ctx.command_path if ctx is not None else "zi"
    reason, fix = _reason(exc, command)
    lines = [f"Perintah tidak dapat dijalankan: {reason}.", f"    Perbaikan: {fix}"]
    if ctx is not None:
        usage = ctx.command.get_usage(ctx).replace("Usage:", "Cara pakai:").replace("[OPTIONS]", "[PILIHAN]")
        lines.append(usage.replace("COMMAND [ARGS]...", "PERINTAH [ARGUMEN]..."))
    lines.append(f"Lihat `{command} --help` untuk semua pilihan.")
    return "\n".join(lines)


def outside_repository(what: str, command: str) -> tuple[str, str]:
    """`zi build`/`zi check` run where there is no mkdocs.yml (or no plans/): say where to run them."""
    here = Path.cwd()
    return (
        f"{what} tidak ada di folder ini ({here})",
        f"jalankan `{command}` di folder utama repositori Laman ZI (yang memuat mkdocs.yml, plans/ dan content/), "
        f"mis. `cd /lokasi/repositori && {command}`, atau beri letaknya dengan "
        + ("-f /lokasi/repositori/mkdocs.yml" if "mkdocs.yml" in what else "--plans /lokasi/repositori/plans"),
    )


def missing_data_folder(plans: Path, command: str) -> str:
    """The text `zi check` prints when its data folder does not exist."""
    if plans == Path("plans") and not Path("mkdocs.yml").is_file():
        reason, fix = outside_repository("folder data 'plans'", command)
    else:
        reason, fix = (
            f"folder data '{plans}' tidak ditemukan",
            "periksa pilihan --plans (folder yang memuat satker.yaml)",
        )
    return f"{reason}.\n    Perbaikan: {fix}"


def _reason(exc: ClickException, command: str) -> tuple[str, str]:
    if isinstance(exc, BadParameter) and exc.param is not None and exc.param.name == "config_file":
        named = re.search(r"'(.*)' does not exist", exc.message)
        if named and named.group(1) == "mkdocs.yml":  # the default: run outside the repository
            return outside_repository("berkas konfigurasi situs 'mkdocs.yml'", command)
    if isinstance(exc, MissingParameter):
        name = _param_name(exc.param)
        if exc.param is not None and exc.param.param_type_name == "argument":
            return (
                f"argumen {name} belum ditulis",
                f"tulis {name} sesudah `{command}`, mis. {_example(exc.param, command)}",
            )
        return f"pilihan {name} wajib diisi", f"tambahkan {name} <nilai>"
    if isinstance(exc, NoSuchOption):
        close = difflib.get_close_matches(exc.option_name, list(exc.possibilities or ()), n=1, cutoff=0.5)
        fix = f"maksud Anda {close[0]}?" if close else "hapus pilihan itu, atau periksa ejaannya"
        return f"pilihan {exc.option_name} tidak dikenal oleh `{command}`", fix
    if isinstance(exc, BadParameter):
        hint = exc.param_hint if isinstance(exc.param_hint, str) else None
        name = hint or _param_name(exc.param)
        return f"nilai untuk {name} tidak sah: {_value_words(exc.message)}", _bad_value_fix(exc)
    if isinstance(exc, BadOptionUsage):
        m = _NEEDS_VALUE.match(exc.message)
        if m:
            return (
                f"pilihan {m.group(1)} memerlukan nilai",
                f"tulis nilainya sesudah {m.group(1)}, mis. {m.group(1)} <nilai>",
            )
        m = _TAKES_NO_VALUE.match(exc.message)
        if m:
            return f"pilihan {m.group(1)} tidak memakai nilai", f"tulis {m.group(1)} saja, tanpa '=...'"
    if isinstance(exc, UsageError):
        text = exc.message
        m = _EXTRA.match(text)
        if m:
            return (
                f"argumen berlebih: {m.group(1)}",
                'hapus argumen itu; nama berkas atau folder yang memuat spasi diberi tanda kutip "..."',
            )
        m = _NO_COMMAND.match(text)
        if m:
            known = sorted(getattr(getattr(exc.ctx, "command", None), "commands", {}) or ())
            close = difflib.get_close_matches(m.group(1), known, n=1, cutoff=0.5)
            return (
                f"perintah '{m.group(1)}' tidak dikenal",
                f"maksud Anda `zi {close[0]}`?" if close else "perintah yang ada: " + ", ".join(known),
            )
        if text.startswith("Missing command"):
            return "perintah belum ditulis", "tulis salah satu perintah, mis. `zi check` atau `zi build`"
    return "susunan perintah tidak dapat dibaca", f"periksa kembali perintahnya dengan `{command} --help`"


def _param_name(param: click.Parameter | None) -> str:
    if param is None:
        return "nilai"
    if param.param_type_name == "argument":
        return (param.name or "nilai").upper()
    opts = getattr(param, "opts", None) or [param.name or "nilai"]
    return max(opts, key=len)


def _example(param: click.Parameter, command: str) -> str:
    if isinstance(param.type, Tahun):
        return f"`{command} 2025`"
    return f"`{command} {(param.name or 'nilai').upper()}`"


def _value_words(text: str) -> str:
    text = text.strip()
    for pattern, words in _VALUE_WORDS:
        m = pattern.match(text)
        if m:
            return words.format(*m.groups())
    if re.search(r"[A-Za-z]+ (?:is|are|not|must|should|does) ", text):
        return "nilainya tidak dapat dipakai"  # click's English we have no words for yet
    return text  # ours (Tahun), already Indonesian


def _bad_value_fix(exc: BadParameter) -> str:
    param = exc.param
    if param is not None and isinstance(param.type, Tahun):
        return f"tulis tahun rencana aksi dengan empat angka, dari {TAHUN_MIN} sampai {TAHUN_MAX}, mis. 2025"
    if param is not None and isinstance(param.type, click.Choice):
        return "pilih salah satu: " + ", ".join(str(c) for c in param.type.choices)
    if param is not None and isinstance(param.type, click.Path):
        return "periksa nama dan lokasi berkas atau folder itu (dari folder tempat perintah dijalankan)"
    return "periksa nilainya; lihat contoh di `--help`"

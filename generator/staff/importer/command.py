"""What ``zi import`` does, kept out of cli.py so the command there stays a few lines."""

from __future__ import annotations

import errno
from collections.abc import Callable
from pathlib import Path

from generator import keluaran
from generator.berkas_atomik import write_text_atomic
from generator.load.yaml_source import parse_yaml
from generator.staff.importer import ImportFailed, import_spreadsheet
from generator.staff.importer.compare import differences
from generator.staff.importer.layout import MAPPING_HINT
from generator.staff.importer.peta import column_mapping
from generator.staff.importer.report import format_differences, format_failure, format_report

PLAN_FILE = "rencana-aksi.yaml"


def run_import(
    source: Path,
    tahun: int | None,
    out: Path | None,
    sheet: str | None,
    timpa: bool,
    banding: Path | None,
    echo: Callable[..., None],
    kolom: tuple[str, ...] = (),
    peta_kolom: Path | None = None,
) -> int:
    """Import, write (never over an existing file unless ``timpa``), report; return the exit status."""
    try:
        peta = column_mapping(kolom, peta_kolom)
    except ValueError as exc:
        echo(f"Pemetaan kolom tidak dapat dipakai: {exc}\nPerbaikan: {MAPPING_HINT}.", err=True)
        return 1
    try:
        result = import_spreadsheet(source, tahun=tahun, sheet=sheet, peta=peta)
    except ImportFailed as exc:
        echo(format_failure(exc), err=True)
        return 1
    out = out or Path("plans") / str(result.tahun) / PLAN_FILE
    try:
        keluaran.check_import_file(out, keluaran.Repo.from_config_file(), result.tahun)
    except keluaran.KeluaranError as exc:
        echo(str(exc), err=True)
        return 1
    exists = out.exists()
    if exists and not timpa:
        echo(format_report(result, out, written=False))
        if banding:
            echo("\n" + _compare(result, banding))
        echo(
            f"\nBerkas {out} sudah ada dan tidak ditimpa. Gunakan --timpa untuk menimpanya, --out untuk menulis "
            f"ke berkas lain, atau --banding {out} untuk melihat perbedaannya.",
            err=True,
        )
        return 1
    try:
        write_text_atomic(out, result.text)  # a half-written plan would break the next build
    except OSError as exc:
        echo(
            f"Impor gagal: berkas {out} tidak dapat ditulis ({_os_reason(exc)}).\n"
            "Pilih berkas hasil lain dengan --out, mis. --out plans/<tahun>/rencana-aksi.yaml. "
            "Tidak ada berkas yang ditulis.",
            err=True,
        )
        return 1
    echo(format_report(result, out, written=True))
    if banding:
        echo("\n" + _compare(result, banding))
    plans = out.parent.parent
    echo("")
    echo(f"Berkas {'ditimpa' if exists else 'ditulis'}: {out}")
    if out.parent.name == str(result.tahun) and not (plans / "satker.yaml").exists():
        echo(f"Folder {plans} belum memuat satker.yaml; buat berkas itu agar zi check dan zi build dapat berjalan.")
    echo(f"Langkah berikutnya: lengkapi isian [ISI: ...], lalu jalankan: zi check --plans {plans}")
    return 1 if result.findings else 0


def _os_reason(exc: OSError) -> str:
    """An operating-system error in Indonesian, without Python's exception name."""
    return {
        errno.EEXIST: "ada berkas biasa di tempat folder tujuannya",
        errno.ENOTDIR: "ada berkas biasa di tempat folder tujuannya",
        errno.EISDIR: "tujuannya berupa folder, bukan berkas",
        errno.EACCES: "tidak ada izin menulis di sana",
        errno.EPERM: "tidak ada izin menulis di sana",
        errno.EROFS: "disknya hanya dapat dibaca",
        errno.ENOSPC: "disk penuh",
    }.get(exc.errno or 0, "kesalahan sistem berkas")


def _compare(result, other: Path) -> str:
    parsed = parse_yaml(other)
    if parsed.problems or not isinstance(parsed.data, dict) or not isinstance(parsed.data.get("lampiran"), dict):
        return f"Tidak dapat membandingkan: {other} tidak dapat dibaca sebagai rencana aksi."
    return format_differences(differences(parsed.data["lampiran"], result.lampiran), other)

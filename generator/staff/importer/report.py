"""The Indonesian report of an import: what was read, where, and what staff must still do."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from generator.domain.areas import BY_CODE
from generator.staff.importer import ImportFailed, ImportResult
from generator.staff.importer.read import column_letter

FIELD_WORDS = {
    "nomor": "nomor",
    "area": "area",
    "kegiatan": "kegiatan",
    "indikator": "indikator",
    "uraian": "uraian baris aksi",
    "bukti": "bukti",
    "jadwal": "jadwal",
    "target": "target",
    "penanggung_jawab": "penanggung jawab",
    "ket": "ket",
}


def columns_line(result: ImportResult) -> str:
    parts = []
    for span in result.layout.spans:
        cols = column_letter(span.cols[0]) + (f"–{column_letter(span.cols[-1])}" if len(span.cols) > 1 else "")
        what = FIELD_WORDS.get(span.field, "tidak diimpor") if span.field else "tidak dikenal, tidak diimpor"
        if span.field == "jadwal" and result.layout.periods:
            what = "jadwal (kolom triwulan/semester, ditulis sebagai teksnya)"
        elif span.field == "jadwal" and result.layout.months:
            what = "jadwal (kisi bulan)"
        parts.append(f"{cols} {span.heading} → {what}")
    return " · ".join(parts)


def format_report(result: ImportResult, out: Path, written: bool) -> str:
    grid, layout = result.grid, result.layout
    source = f"{result.source.name}" + (f", lembar '{grid.name}'" if grid.kind == "xlsx" else "")
    lines = [
        f"Impor rencana aksi {result.tahun} dari {source}.",
        f"Judul kolom di baris {layout.header_row}: {columns_line(result)}.",
    ]
    lines.append("")
    lines.append("Baris aksi yang diimpor per area:")
    for a in result.areas:
        name = BY_CODE[a.kode].nama if a.kode else "TIDAK COCOK dengan area perubahan mana pun"
        parts = [f"{a.kelompok} sub-program"] if a.kelompok else []
        parts += [f"{a.kegiatan} kegiatan", f"{a.aksi} baris aksi"]
        lines.append(
            f"  {a.nomor or '–'} {a.judul or ''} ({name}): {', '.join(parts)} (baris {a.rows[0]}–{a.rows[1]})".replace(
                "  (", " ("
            )
        )
    lines.append(
        f"  Jumlah: {len(result.areas)} area, {sum(a.kegiatan for a in result.areas)} kegiatan, "
        f"{result.jumlah_aksi} baris aksi."
    )
    if result.table.month_fills:
        lines.append(
            f"  {result.table.month_fills} tanda bulan dibaca dari warna sel (bukan tulisan v); periksa jadwalnya."
        )
    lines.append("")
    if result.notes:
        lines.append(f"Tidak dapat dipetakan atau perlu diperiksa ({len(result.notes)}):")
        lines.extend(f"  {n.where}: {n.message}" for n in result.notes)
    else:
        lines.append("Semua sel tabel terpetakan.")
    lines.append("")
    todo = [f for f in result.fill_in if f[2].startswith("ISI")]
    check = [f for f in result.fill_in if f[2].startswith("PERIKSA")]
    verb = "ditulis ke" if written else "akan ditulis ke"
    lines.append(
        f"Keputusan tidak ada di spreadsheet; isiannya {verb} {out} sebagai pengisi bertanda "
        "[ISI: ...] agar berkas langsung dapat diperiksa (zi check) dan dipratinjau (zi build)."
    )
    lines.append(f"Lengkapi {len(todo)} isian ini sebelum diterbitkan:")
    lines.extend(f"  {out}:{line}: {field} — {comment.removeprefix('ISI: ')}" for field, line, comment in todo)
    if check:
        lines.append("Diambil dari judul lampiran pada spreadsheet; samakan dengan keputusan:")
        lines.extend(f"  {out}:{line}: {field}" for field, line, _ in check)
    lines.append("")
    if result.findings:
        lines.append(
            f"Berkas hasil belum lolos pemeriksaan ({len(result.findings)} kesalahan); "
            "perbaiki di spreadsheet lalu impor ulang, atau perbaiki berkasnya:"
        )
        for f in result.findings:
            text = dataclasses.replace(f.problem, file=out).format()
            if f.sheet_where:
                first, _, rest = text.partition("\n")
                text = f"{first} (dari {f.sheet_where})" + (f"\n{rest}" if rest else "")
            lines.extend("  " + t for t in text.split("\n"))
    else:
        lines.append("Berkas hasil lolos pemeriksaan data (seperti zi check).")
    return "\n".join(lines)


def format_failure(exc: ImportFailed) -> str:
    lines = [f"Impor gagal: {exc.message}"]
    if exc.notes:
        lines.append("Yang terbaca:")
        lines.extend(f"  {n.where}: {n.message}" for n in exc.notes[:50])
        if len(exc.notes) > 50:
            lines.append(f"  ... dan {len(exc.notes) - 50} lagi")
    lines.append("Tidak ada berkas yang ditulis.")
    return "\n".join(lines)


def format_differences(diff: list[str], other: Path) -> str:
    if not diff:
        return f"Sama dengan lampiran {other}: tidak ada perbedaan."
    removed = sum(1 for d in diff if d.startswith("-"))
    added = sum(1 for d in diff if d.startswith("+"))
    lines = [
        f"Perbedaan dengan lampiran {other} ({removed} baris hanya di {other.name}, "
        f"{added} baris hanya di hasil impor; '-' = hanya di {other.name}, '+' = hanya di hasil impor):"
    ]
    lines.extend(f"  {d}" for d in diff)
    return "\n".join(lines)

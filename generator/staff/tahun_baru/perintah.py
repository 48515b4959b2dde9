"""The ``zi new-year`` command: refuse what must be refused, scaffold, write, report."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

from generator import keluaran
from generator.errors import DataError
from generator.load import load_site
from generator.load.tahun import PLAN_FILE
from generator.staff.tahun_baru.hasil import TahunBaru, TahunBaruError
from generator.staff.tahun_baru.kerangka import scaffold
from generator.staff.tahun_baru.tulis import write

_YEAR_DIR = re.compile(r"^\d{4}$")


def _years(plans: Path) -> list[int]:
    return sorted(
        int(p.name) for p in plans.iterdir() if p.is_dir() and _YEAR_DIR.match(p.name) and (p / PLAN_FILE).is_file()
    )


def check_year(plans: Path, tahun: int) -> int:
    """The latest plan year to scaffold from; TahunBaruError when ``tahun`` must be refused."""
    if not plans.is_dir():
        raise TahunBaruError(f"Folder data {plans} tidak ditemukan. Periksa pilihan --plans.")
    if (plans / str(tahun)).is_symlink():
        raise TahunBaruError(
            f"{plans / str(tahun)} sudah ada sebagai tautan simbolik (ke '{os.readlink(plans / str(tahun))}'); "
            "zi new-year tidak menulis lewat tautan. Hapus tautan itu, lalu jalankan lagi perintah ini."
        )
    if (plans / str(tahun)).exists():
        raise TahunBaruError(
            f"Folder {plans / str(tahun)} sudah ada; zi new-year tidak menimpa data yang sudah ada. "
            f"Hapus folder itu bila memang ingin membuat ulang kerangkanya, atau pilih tahun lain."
        )
    years = _years(plans)
    if not years:
        raise TahunBaruError(
            f"Belum ada rencana aksi di {plans}: zi new-year membuat kerangka dari rencana aksi tahun terakhir. "
            f"Buat dulu {plans}/<tahun>/{PLAN_FILE} (mis. dengan zi import)."
        )
    if tahun <= years[-1]:
        raise TahunBaruError(
            f"Tahun {tahun} tidak sesudah rencana aksi terakhir ({years[-1]}); zi new-year hanya membuat kerangka "
            f"tahun sesudahnya, mis. zi new-year {years[-1] + 1}. Rencana aksi tahun yang sudah lewat ditulis dari "
            "keputusannya sendiri (zi import atau disalin dari keputusan)."
        )
    return years[-1]


def run_new_year(plans: Path, tahun: int, echo: Callable[..., None]) -> int:
    """Refuse, or scaffold, write and report; return the exit status."""
    repo = keluaran.Repo.from_config_file(plans=plans)
    try:
        keluaran.check_data_dir(plans, repo)
        check_year(plans, tahun)
    except (TahunBaruError, keluaran.KeluaranError) as exc:
        echo(str(exc), err=True)
        return 1
    try:
        site = load_site(plans, repo_root=repo.root)
    except DataError as exc:
        echo(exc.report(plans), err=True)
        echo(
            "Perbaiki dulu kesalahan di atas: zi new-year hanya menyalin data yang lolos zi check. "
            "Tidak ada berkas yang ditulis.",
            err=True,
        )
        return 1
    year_dir = plans / str(tahun)
    result = scaffold(site, tahun, year_dir)
    write(plans, result)
    echo(format_report(result, plans))
    return 0


def format_report(r: TahunBaru, plans: Path) -> str:
    year_dir = plans / str(r.tahun)
    lama = r.sumber.tahun
    lines = [f"Kerangka tahun {r.tahun} dibuat dari rencana aksi {lama} (Keputusan {r.keputusan_sumber})."]
    if r.tahun > lama + 1:
        lines.append(
            f"Catatan: tidak ada rencana aksi {lama + 1}–{r.tahun - 1}; tahun pada jadwal digeser "
            f"{r.tahun - lama} tahun."
        )
    lines.append("Berkas ditulis:")
    for name in r.files:
        if name == PLAN_FILE:
            what = f"{len(r.sumber.areas)} area, {r.jumlah_aksi} baris aksi, id baris sama dengan {lama}"
            if r.jadwal_diganti:
                what += f"; {r.jadwal_diganti} teks jadwal memakai tahun {r.tahun}"
        else:
            what = "kosong, contoh pengisian ada di komentarnya"
        lines.append(f"  {year_dir / name} ({what})")
    todo = [i for i in r.isian if i.wajib]
    check = [i for i in r.isian if not i.wajib]
    lines += ["", f"Lengkapi {len(todo)} isian ini sebelum diterbitkan (bertanda # ISI):"]
    lines += [f"  {year_dir / i.berkas}:{i.baris}: {i.field} — {i.komentar.removeprefix('ISI: ')}" for i in todo]
    if check:
        lines += ["", f"Periksa {len(check)} nilai yang disalin dari tahun {lama} (bertanda # PERIKSA):"]
        lines += [
            f"  {year_dir / i.berkas}:{i.baris}: {i.field} — {i.komentar.removeprefix('PERIKSA: ')}" for i in check
        ]
    if r.celah_diisi or r.celah_dihapus or r.celah_ditandai:
        lines += [
            "",
            f"Celah (bagian yang tidak terbaca pada salinan Keputusan {r.keputusan_sumber}) tidak disalin: "
            f"{r.celah_diisi} baris menjadi isian [ISI: ...], {r.celah_dihapus} butir lain yang hanya "
            f"berisi celah dihapus, {r.celah_ditandai} butir yang berisi teks ditandai # PERIKSA.",
        ]
    if r.id_dipatok:
        lines.append(
            f"Id {len(r.id_dipatok)} butir dipatok dengan 'id:' agar sama dengan tahun {lama}: "
            + ", ".join(r.id_dipatok)
            + "."
        )
    lines += [
        "",
        "Berkas-berkas ini sudah lolos pemeriksaan data (seperti zi check).",
        f"Langkah berikutnya: lengkapi isian [ISI: ...] dan per_tanggal, lalu jalankan: zi check --plans {plans}",
    ]
    return "\n".join(lines)

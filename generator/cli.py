"""The ``zi`` command. It imports no engine itself: ``zi build`` runs generator.stage, then generator.engines.

Messages are Indonesian (staff read them). Data mistakes never show a
traceback; an internal error says so and asks for a bug report.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import click

from generator import keluaran
from generator.cli_errors import Tahun
from generator.cli_help import ZiGroup
from generator.errors import DEBUG_ENV, DataError, Problem, internal_error_message, laporan_peringatan
from generator.load import load_site

if TYPE_CHECKING:
    from generator.stage import Prepared


@click.group(cls=ZiGroup, help="Laman ZI: situs transparansi Zona Integritas dari data YAML.")
def main() -> None:
    pass


@main.command(help="Periksa semua berkas data dan tampilkan setiap kesalahan.")
@click.option(
    "--plans",
    "plans",
    default="plans",
    show_default=True,
    type=click.Path(path_type=Path),
    help="Folder data (satker.yaml dan <tahun>/rencana-aksi.yaml).",
)
@click.option(
    "--content",
    "content",
    default="content",
    show_default=True,
    type=click.Path(path_type=Path),
    help="Folder halaman dan unggahan.",
)
def check(plans: Path, content: Path) -> None:
    if not plans.is_dir():
        from generator.cli_errors import missing_data_folder

        click.echo(missing_data_folder(plans, "zi check"), err=True)
        sys.exit(1)
    try:
        site = load_site(
            plans, content_dir=content if content.is_dir() else None, repo_root=keluaran.Repo.from_config_file().root
        )
    except DataError as exc:
        click.echo(exc.report(plans), err=True)
        _echo_warnings(exc.peringatan, plans, err=True)
        sys.exit(1)
    for p in site.plans:
        click.echo(f"{plans}/{p.tahun}/rencana-aksi.yaml: {len(p.areas)} area, {p.jumlah_aksi} baris aksi")
        year = site.tahun(p.tahun)
        if year.capaian:
            t = year.capaian.total
            click.echo(
                f"{plans}/{p.tahun}/realisasi.yaml: {t.selesai} dari {t.jumlah} baris selesai, "
                f"{t.terlambat} terlambat (per {year.capaian.per_tanggal.isoformat()})"
            )
        for r in year.rekap:
            late = year.kesegaran[r.info.jenis].terlambat
            click.echo(
                f"{plans}/{p.tahun}/{r.info.jenis}.yaml: {len(r.info.periode)} periode"
                + (", terlambat diperbarui" if late else "")
            )
    click.echo("Data benar, tidak ada kesalahan.")
    _echo_warnings(site.peringatan, plans)
    unfilled = _unfilled_placeholders(plans)
    if unfilled:
        click.echo(
            f"Peringatan: {len(unfilled)} isian [ISI: ...] belum diganti. Situs dapat dibangun untuk "
            "pratinjau, tetapi `zi deploy` menolak menerbitkannya sampai semuanya diganti:"
        )
        for where in unfilled:
            click.echo(f"  {where}")


def _echo_warnings(peringatan: tuple[Problem, ...], root: Path, err: bool = False) -> None:
    """Warnings after the errors or after "Data benar": shown, never a failure."""
    if peringatan:
        click.echo(f"{len(peringatan)} peringatan: mungkin salah, periksa; situs tetap dapat dibangun.", err=err)
        click.echo(laporan_peringatan(peringatan, root), err=err)


def _unfilled_placeholders(plans: Path) -> list[str]:
    """Where `zi import`/`zi new-year` left "[ISI: ...]" for staff to fill (file:line)."""
    from generator.staff.importer.plan import PLACEHOLDER

    found = []
    for path in sorted(plans.rglob("*.yaml")):
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            if PLACEHOLDER in line.split("#", 1)[0]:
                found.append(f"{path}:{number}")
    return found


@main.command(help="Bangun situs dari folder data tertentu dengan mkdocs.yml yang sama.")
@click.option(
    "--plans",
    "plans",
    default=None,
    type=click.Path(path_type=Path),
    help="Folder data; bawaan: isian 'plans' plugin zi di mkdocs.yml.",
)
@click.option(
    "--site-dir", "site_dir", default="site", show_default=True, type=click.Path(path_type=Path), help="Folder hasil."
)
@click.option(
    "-f",
    "--config-file",
    "config_file",
    default="mkdocs.yml",
    show_default=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
)
@click.option(
    "--mesin",
    "mesin",
    default="material",
    show_default=True,
    type=click.Choice(["material", "zensical"]),
    help="Mesin pembangun situs: material (MkDocs dengan tema Material) atau zensical.",
)
@click.option(
    "--alamat-situs",
    "alamat_situs",
    default=None,
    envvar="ZI_ALAMAT_SITUS",
    help="Alamat tempat situs diterbitkan (https://…/), menggantikan alamat_situs di satker.yaml untuk "
    "pembangunan ini, mis. alamat GitHub Pages https://pemilik.github.io/repo/. Juga dari ZI_ALAMAT_SITUS.",
)
@click.option(
    "--zip",
    "buat_zip",
    is_flag=True,
    help="Setelah berhasil, tulis juga situs-<tahun>-<tanggal data>.zip (dengan daftar sidik SHA-256) "
    "untuk diunggah lewat File Manager panel hosting.",
)
@click.option(
    "--zip-dir",
    "zip_dir",
    default=".",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder tempat zip ditulis.",
)
def build(
    plans: Path | None,
    site_dir: Path,
    config_file: Path,
    mesin: str,
    alamat_situs: str | None,
    buat_zip: bool,
    zip_dir: Path,
) -> None:
    # (a) the content stage writes a complete docs tree, (b) the engine builds it; the finished
    # site replaces site_dir only when both succeeded (generator.stage, generator.engines).
    from generator import engines
    from generator.stage import StageError, prepare, write_tree

    try:
        repo = keluaran.Repo.from_config_file(config_file, plans)
        site_dir = keluaran.check_site_dir(site_dir, repo)
        if buat_zip:
            zip_dir = _check_zip_dir(zip_dir, site_dir, repo)
    except keluaran.KeluaranError as exc:
        click.echo(str(exc), err=True)
        sys.exit(1)
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".zi-build-", dir=site_dir.parent))
    try:
        prepared = prepare(config_file, plans, alamat_situs=alamat_situs)
        if prepared.peringatan:
            click.echo(laporan_peringatan(prepared.peringatan, prepared.plans), err=True)
        built = engines.build(mesin, write_tree(prepared, staging / "pohon").parent)
        keluaran.write_marker(built)
    except (StageError, engines.EngineError) as exc:
        shutil.rmtree(staging, ignore_errors=True)
        for text in (str(exc), getattr(exc, "peringatan", "")):
            if text:
                click.echo(text, err=True)
        click.echo("Pembangunan gagal; situs yang sudah ada tidak diubah.", err=True)
        sys.exit(1)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        click.echo("Pembangunan gagal; situs yang sudah ada tidak diubah.", err=True)
        raise
    try:
        _replace(site_dir, built)
    except keluaran.KeluaranError as exc:
        click.echo(str(exc), err=True)
        sys.exit(1)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    click.echo(f"Situs selesai dibangun di {site_dir}")
    if buat_zip:
        _write_zip(site_dir, zip_dir, prepared)


def _check_zip_dir(zip_dir: Path, site_dir: Path, repo: keluaran.Repo) -> Path:
    """The zip may go into the repository's own folder (the default, ``.``), not into a protected one."""
    real = keluaran.check_write_dir(zip_dir, dataclasses.replace(repo, root=None), "--zip-dir")
    if real == site_dir or site_dir in real.parents:
        raise keluaran.KeluaranError(
            f"Folder zip {zip_dir} berada di dalam folder situs {site_dir}, yang diganti setiap pembangunan. "
            "Pilih folder lain dengan --zip-dir. Tidak ada yang diubah."
        )
    return real


def _write_zip(site_dir: Path, zip_dir: Path, prepared: Prepared) -> None:
    from generator.pages.angka import ukuran
    from generator.staff.zip_situs import ZipError, buat_zip

    site = prepared.site
    try:
        hasil = buat_zip(
            site_dir,
            zip_dir,
            tahun=site.latest.tahun,
            tanggal=site.tanggal_data,
            satker=site.satker.singkatan,
            templat=prepared.theme_dir / "zi",
        )
    except (ZipError, OSError) as exc:
        click.echo(f"Zip tidak dibuat: {exc}" if isinstance(exc, OSError) else str(exc), err=True)
        sys.exit(1)
    click.echo(f"Zip untuk panel hosting: {hasil.path} ({ukuran(hasil.size)}, {hasil.files} berkas)")


def _replace(site_dir: Path, staging: Path) -> None:
    """Swap the finished build in; the old site is removed only after the swap.

    The old site moves into a fresh folder of its own (never a fixed name such as
    ``.site.lama`` that might already hold something else), and only that folder is
    deleted. The folder is checked again right before: it may have changed during the build.
    """
    if os.path.lexists(site_dir):
        if site_dir.is_dir() and any(site_dir.iterdir()) and not keluaran.is_previous_build(site_dir):
            raise keluaran.KeluaranError(
                f"Folder {site_dir} berubah selama pembangunan dan bukan lagi hasil "
                "`zi build`; folder itu tidak diganti. Tidak ada yang diubah."
            )
        old = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.lama-", dir=site_dir.parent))
        site_dir.rename(old / site_dir.name)
        staging.rename(site_dir)
        shutil.rmtree(old, ignore_errors=True)
    else:
        staging.rename(site_dir)
    site_dir.chmod(0o755)


@main.command(
    "deploy",
    help=(
        "Terbitkan situs yang sudah dibangun ke server. Target (isian 'target'): ssh (rsync, symlink "
        "'current'), sftp (akun SFTP tanpa shell), ftps (FTP dengan TLS), ftp (tanpa enkripsi, hanya dengan "
        "--izinkan-ftp-tanpa-enkripsi). Mode 'rilis' mengunggah ke folder baru lalu mengganti 'current' "
        "dengan penggantian nama; mode 'langsung' memperbarui folder web panel hosting (public_html) "
        "dengan berkas yang berubah saja. Konfigurasi dari zi-deploy.toml atau variabel lingkungan "
        "ZI_DEPLOY_TARGET, ZI_DEPLOY_HOST, ZI_DEPLOY_USER, ZI_DEPLOY_PATH, ZI_DEPLOY_KEY, ZI_DEPLOY_PORT, "
        "ZI_DEPLOY_KNOWN_HOSTS, ZI_DEPLOY_SIDIK_JARI, ZI_DEPLOY_MODE, ZI_DEPLOY_KEEP, ZI_DEPLOY_PASSWORD "
        "(lingkungan mengalahkan berkas)."
    ),
)
@click.option(
    "--site-dir",
    "site_dir",
    default="site",
    show_default=True,
    type=click.Path(path_type=Path),
    help="Folder hasil `zi build` yang diterbitkan.",
)
@click.option(
    "--config",
    "config_file",
    default=None,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Berkas konfigurasi TOML; bawaan: zi-deploy.toml bila ada.",
)
@click.option("--rollback", is_flag=True, help="Kembalikan 'current' ke rilis sebelum rilis aktif.")
@click.option("--list", "list_only", is_flag=True, help="Tampilkan rilis di server, tandai yang aktif.")
@click.option(
    "--sidik-jari",
    "sidik_jari",
    default=None,
    help=(
        "Sidik jari yang dipercaya: kunci host SSH/SFTP (SHA256:...) atau sertifikat TLS FTPS (SHA-256 heksadesimal), "
        "untuk server dengan sertifikat buatan sendiri. Cocokkan dulu dengan pengelola hosting."
    ),
)
@click.option(
    "--izinkan-ftp-tanpa-enkripsi",
    "izinkan_ftp",
    is_flag=True,
    help="Izinkan target ftp, yang mengirim kata sandi dan isi situs tanpa enkripsi.",
)
def deploy_command(
    site_dir: Path, config_file: Path | None, rollback: bool, list_only: bool, sidik_jari: str | None, izinkan_ftp: bool
) -> None:
    from generator.staff import deploy as zi_deploy

    if rollback and list_only:
        click.echo("Pilih salah satu: --rollback atau --list.", err=True)
        sys.exit(1)
    try:
        # Never from the data or content folders (committed, partly published), nor the site.
        env = dict(os.environ, ZI_DEPLOY_SIDIK_JARI=sidik_jari) if sidik_jari else None
        config = zi_deploy.load_config(config_file, env=env, forbidden_dirs=(Path("plans"), Path("content"), site_dir))
        if list_only:
            state = zi_deploy.list_releases(config, izinkan_ftp=izinkan_ftp)
            if not state.releases:
                click.echo(f"Belum ada rilis di {config.alamat}.")
            for name in reversed(state.releases):
                click.echo(
                    f"{'*' if name == state.current else ' '} {name}" + ("  (aktif)" if name == state.current else "")
                )
        elif rollback:
            zi_deploy.rollback(config, echo=click.echo, izinkan_ftp=izinkan_ftp)
        else:
            zi_deploy.deploy(config, site_dir, echo=click.echo, izinkan_ftp=izinkan_ftp)
    except zi_deploy.DeployError as exc:
        click.echo(str(exc), err=True)
        if list_only:
            pass
        elif exc.live_unchanged:
            click.echo("Situs yang aktif di server tidak berubah.", err=True)
        else:
            click.echo("Periksa rilis yang aktif dengan `zi deploy --list`.", err=True)
        sys.exit(1)


@main.command(
    "import",
    help=(
        "Impor rencana aksi dari spreadsheet (.xlsx atau .csv) berisi tabel lampiran keputusan (tata letak "
        "Gunungkidul, Wonosobo, jadwal per triwulan/semester, kolom penanggung jawab, tanpa indikator) menjadi "
        "YAML, dengan laporan sel yang tidak dapat dipetakan."
    ),
)
@click.argument("berkas", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--tahun", type=Tahun(), default=None, help="Tahun rencana aksi; bawaan: dibaca dari judul tabel atau kolom jadwal."
)
@click.option(
    "--out",
    "out",
    default=None,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Berkas YAML hasil; bawaan: plans/<tahun>/rencana-aksi.yaml.",
)
@click.option("--sheet", default=None, help="Nama lembar (xlsx); bawaan: lembar pertama yang memuat tabel.")
@click.option("--timpa", is_flag=True, help="Timpa berkas hasil bila sudah ada.")
@click.option(
    "--banding",
    default=None,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Bandingkan lampiran hasil impor dengan rencana-aksi.yaml yang sudah ada.",
)
@click.option(
    "--kolom",
    "kolom",
    multiple=True,
    metavar='"JUDUL=bidang"',
    help="Petakan judul kolom yang tidak dikenal ke bidang (boleh diulang), "
    "mis. --kolom \"NAMA KEGIATAN=kegiatan\"; bidang '-' berarti kolom tidak diimpor.",
)
@click.option(
    "--peta-kolom",
    "peta_kolom",
    default=None,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Berkas YAML berisi baris 'JUDUL KOLOM: bidang' (seperti --kolom, untuk banyak judul).",
)
def import_cmd(
    berkas: Path,
    tahun: int | None,
    out: Path | None,
    sheet: str | None,
    timpa: bool,
    banding: Path | None,
    kolom: tuple[str, ...],
    peta_kolom: Path | None,
) -> None:
    from generator.staff.importer.command import run_import

    sys.exit(run_import(berkas, tahun, out, sheet, timpa, banding, click.echo, kolom, peta_kolom))


@main.command(
    "schema",
    help=(
        "Tulis JSON Schema setiap jenis berkas data (dibuat dari model) agar editor seperti VS Code "
        "memeriksa dan melengkapi YAML saat diketik."
    ),
)
@click.option(
    "--out",
    "out",
    default=None,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder tujuan; bawaan: generator/schemas (yang dirujuk baris yaml-language-server).",
)
def schema_command(out: Path | None) -> None:
    from generator.staff import schema

    if out is not None:
        try:
            out = keluaran.check_write_dir(out, keluaran.Repo.from_config_file(), "--out")
        except keluaran.KeluaranError as exc:
            click.echo(str(exc), err=True)
            sys.exit(1)
    for path in schema.write_all(out or schema.SCHEMA_DIR):
        click.echo(f"ditulis: {path}")


@main.command(
    "new-year",
    help=(
        "Buat kerangka berkas tahun baru dari rencana aksi tahun terakhir: susunan lampiran yang sama, "
        "isian Keputusan baru bertanda [ISI: ...], serta realisasi dan rekap yang masih kosong."
    ),
)
@click.argument("tahun", type=Tahun())
@click.option(
    "--plans",
    "plans",
    default="plans",
    show_default=True,
    type=click.Path(path_type=Path),
    help="Folder data (satker.yaml dan <tahun>/rencana-aksi.yaml).",
)
def new_year_command(tahun: int, plans: Path) -> None:
    from generator.staff.tahun_baru import run_new_year

    sys.exit(run_new_year(plans, tahun, click.echo))


@main.command(
    "rollup",
    help=(
        "Bangun situs rangkuman (mis. tingkat provinsi) dari daftar situs unit: membaca ringkasan.json "
        "setiap unit, menampilkan tabel dan grafik progres serta kesegaran rekap, dan menerbitkan data "
        "gabungan (CSV, JSON) serta ringkasan.json sendiri untuk rangkuman tingkat di atasnya."
    ),
)
@click.argument("daftar", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--site-dir", "site_dir", required=True, type=click.Path(path_type=Path), help="Folder hasil situs rangkuman."
)
@click.option("--judul", default=None, help='Nama satuan kerja rangkuman, mis. "KPU Daerah Istimewa Yogyakarta".')
@click.option(
    "--cache",
    "cache_dir",
    default=None,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder salinan terakhir tiap unit; bawaan: ~/.cache/laman-zi/rollup.",
)
@click.option(
    "--paralel", default=32, show_default=True, type=click.IntRange(1, 256), help="Unit yang dibaca bersamaan."
)
@click.option(
    "--batas-waktu",
    "batas_waktu",
    default=10.0,
    show_default=True,
    type=click.FloatRange(0.1, 600),
    help="Detik paling lama untuk membaca satu unit.",
)
@click.option("--alamat", default=None, help="Alamat situs rangkuman ini (https://…/), untuk tautan absolut.")
def rollup_command(
    daftar: Path,
    site_dir: Path,
    judul: str | None,
    cache_dir: Path | None,
    paralel: int,
    batas_waktu: float,
    alamat: str | None,
) -> None:
    from generator.staff import rollup
    from generator.staff.rollup.cache import folder_bawaan

    if alamat is not None and not alamat.endswith("/"):
        alamat += "/"
    sys.exit(
        rollup.jalankan(daftar, site_dir, judul, cache_dir or folder_bawaan(), paralel, batas_waktu, click.echo, alamat)
    )


def run(args: list[str] | None = None) -> None:
    """Entry point guard: no traceback reaches staff.

    A data mistake that escapes a command is reported like `zi check` does (exit 1);
    anything else is a bug in Laman ZI: a plain request for a bug report (exit 2),
    or the full traceback when ZI_DEBUG=1.
    """
    try:
        # click's own error texts are English: it raises them to us (standalone_mode off)
        # and generator.cli_errors says them in Indonesian.
        code = main.main(args=args, prog_name="zi", standalone_mode=False)
        sys.exit(code if isinstance(code, int) else 0)
    except SystemExit:
        raise
    except click.exceptions.NoArgsIsHelpError as exc:
        click.echo(exc.ctx.get_help(), err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.ClickException as exc:
        from generator.cli_errors import message

        click.echo(message(exc), err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("Dibatalkan.", err=True)
        sys.exit(1)
    except DataError as exc:
        click.echo(exc.report(), err=True)
        sys.exit(1)
    except Exception as exc:
        if os.environ.get(DEBUG_ENV, "").strip() not in ("", "0"):
            raise
        click.echo(internal_error_message(exc), err=True)
        sys.exit(2)

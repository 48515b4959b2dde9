"""One ``zi deploy`` for every kind of hosting: picks the protocol and the layout from the config.

``ssh`` keeps today's rsync + ``current`` symlink (``remote.py``). ``sftp``, ``ftps`` and
``ftp`` go through a ``Saluran`` into release folders switched by renames
(``ganti_nama.py``, mode ``rilis``) or straight into a panel's web root (``langsung.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from generator.staff.deploy import ganti_nama, langsung, remote
from generator.staff.deploy.config import DeployConfig, DeployError
from generator.staff.deploy.release import check_site
from generator.staff.deploy.saluran import Saluran

PERINGATAN_FTP = (
    "Peringatan: target ftp TANPA ENKRIPSI. Nama pengguna, kata sandi dan seluruh isi situs terkirim "
    "terbuka; siapa pun di jaringan yang sama dapat membacanya dan mengubah situs. Pakai ftps atau sftp "
    "bila server mendukungnya, dan ganti kata sandi FTP bila pernah dipakai lewat jaringan publik."
)


def periksa_izin(config: DeployConfig, izinkan_ftp: bool) -> None:
    if config.target == "ftp" and not izinkan_ftp:
        raise DeployError(
            "Target ftp mengirim kata sandi dan isi situs tanpa enkripsi, jadi tidak dipakai tanpa izin tegas. "
            "Pakai target ftps (FTP dengan TLS) atau sftp bila server mendukungnya; bila benar-benar tidak ada "
            "pilihan lain, jalankan `zi deploy --izinkan-ftp-tanpa-enkripsi`."
        )


@contextmanager
def buka(config: DeployConfig) -> Iterator[Saluran]:
    if config.target == "sftp":
        from generator.staff.deploy.sftp import SaluranSftp

        s: Saluran = SaluranSftp(config).connect()
    else:
        from generator.staff.deploy.ftp import SaluranFtp

        s = SaluranFtp(config).connect()
    try:
        yield s
    finally:
        s.close()


def deploy(
    config: DeployConfig,
    site_dir: Path,
    echo: Callable[[str], None] = print,
    now: datetime | None = None,
    izinkan_ftp: bool = False,
) -> str:
    """Upload ``site_dir`` and make it live; return the release name."""
    periksa_izin(config, izinkan_ftp)
    now = now or datetime.now(UTC)
    if config.target == "ssh":
        return remote.deploy(config, site_dir, echo, now)  # checks the site itself
    check_site(site_dir)
    if config.target == "ftp":
        echo(PERINGATAN_FTP)
    layout = ganti_nama if config.mode == "rilis" else langsung
    with buka(config) as s:
        return layout.deploy(s, config, site_dir, echo, now)


def rollback(config: DeployConfig, echo: Callable[[str], None] = print, izinkan_ftp: bool = False) -> str:
    periksa_izin(config, izinkan_ftp)
    if config.target == "ssh":
        return remote.rollback(config, echo)
    if config.mode == "langsung":
        langsung.rollback(config)
    with buka(config) as s:
        return ganti_nama.rollback(s, config, echo)


def list_releases(config: DeployConfig, izinkan_ftp: bool = False) -> remote.State:
    periksa_izin(config, izinkan_ftp)
    if config.target == "ssh":
        return remote.list_releases(config)
    layout = ganti_nama if config.mode == "rilis" else langsung
    with buka(config) as s:
        releases, current = layout.daftar(s, config)
    return remote.State(releases, current)

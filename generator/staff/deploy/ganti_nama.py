"""Releases switched by renaming folders, for SFTP and FTPS accounts without a shell or symlinks.

Layout under the configured ``path`` (the web root is ``<path>/current``)::

    current/                          the live site, with .zi-rilis.json naming its release
    sebelumnya-20261121T101500Z-1a2b/ earlier releases, newest ``keep - 1`` kept
    .zi-unggah/                       an upload in progress (resumed by the next run)

A deploy fills ``.zi-unggah`` (unchanged files hard-linked from ``current`` where the
server can, SFTP; sent otherwise), checks every file's size, then switches with two
renames: ``current`` -> ``sebelumnya-<id>``, ``.zi-unggah`` -> ``current``. Between the two,
for the time of one round trip, ``current`` does not exist (a visitor may get one "not
found"); a visitor never sees a mix of two releases or a half-uploaded one. A failure of
the second rename renames the first back. Rollback is the same pair of renames.
"""

from __future__ import annotations

import contextlib
import posixpath
from datetime import datetime
from pathlib import Path

from generator.staff.deploy.config import DeployConfig, DeployError
from generator.staff.deploy.release import RELEASE, release_name, to_prune
from generator.staff.deploy.saluran import Saluran, makedirs, rmtree
from generator.staff.deploy.unggah import (
    JURNAL,
    META,
    Daftar,
    Echo,
    Hitungan,
    Jurnal,
    Pengirim,
    baca_jurnal,
    baca_meta,
    daftar_lokal,
    digest,
    meta_bytes,
    periksa_folder,
    periksa_ukuran,
)

CURRENT = "current"
UNGGAH = ".zi-unggah"
PREFIX = "sebelumnya-"


class Keadaan:
    """What is on the server: the live release (from its .zi-rilis.json) and the earlier ones."""

    def __init__(self, s: Saluran, config: DeployConfig, create: bool):
        self.base = config.path
        if create:
            makedirs(s, self.base)
        entries = s.listdir(self.base)
        dirs = {e.name for e in entries or [] if e.is_dir}
        self.unggah = UNGGAH in dirs
        self.current: str | None = None
        self.files: Daftar = {}
        if CURRENT in dirs:
            meta = baca_meta(s, self.folder(CURRENT))
            if meta is None:
                raise DeployError(
                    f"{self.folder(CURRENT)} di server sudah ada tetapi bukan buatan zi deploy (tidak ada "
                    f"{META}). Pindahkan atau ganti nama folder itu dulu lewat panel hosting, lalu terbitkan "
                    "lagi; zi deploy tidak akan menimpanya."
                )
            self.current, self.files = meta
        self.old = sorted(d[len(PREFIX) :] for d in dirs if d.startswith(PREFIX) and RELEASE.match(d[len(PREFIX) :]))

    def folder(self, name: str) -> str:
        return posixpath.join(self.base, name)

    @property
    def releases(self) -> list[str]:
        return sorted(self.old + ([self.current] if self.current else []))


def deploy(s: Saluran, config: DeployConfig, site_dir: Path, echo: Echo, now: datetime) -> str:
    state = Keadaan(s, config, create=True)
    local = daftar_lokal(site_dir)
    name = release_name(now, digest(local), state.releases)
    up = state.folder(UNGGAH)
    done: dict[str, str] = {}
    if state.unggah:
        done = baca_jurnal(s, posixpath.join(up, JURNAL))
        echo(f"Melanjutkan unggahan yang terputus di {up} ({len(done)} berkas sudah terkirim).")
    else:
        s.mkdir(up)
    echo(f"Mengunggah {site_dir} ({len(local)} berkas) ke {config.alamat}/{UNGGAH} ...")
    hit = Hitungan()
    jurnal = Jurnal(s, posixpath.join(up, JURNAL))
    pengirim = Pengirim(s, site_dir, up, jurnal, hit, resumed=state.unggah)
    live = state.folder(CURRENT)
    for rel, f in local.items():
        if done.get(rel) == f.sha256:
            hit.dilanjutkan += 1
            continue
        old = state.files.get(rel)
        if old == f and s.can_link and pengirim.tautkan(live, rel, f):
            continue
        pengirim.kirim(rel, f, via_temp=False)
    jurnal.flush()

    wrong, extra = periksa_folder(s, up, local)
    for rel in extra:
        s.remove(posixpath.join(up, rel))
    for rel in wrong:  # one more try, then give up with the list
        pengirim.kirim(rel, local[rel], via_temp=False)
    jurnal.flush()
    wrong = periksa_ukuran(s, up, local, only=wrong)
    if wrong:
        raise DeployError(
            f"Ukuran {len(wrong)} berkas di server tidak sama dengan di komputer ini setelah diunggah ulang: "
            + ", ".join(wrong[:5])
            + ". Periksa kuota disk akun hosting. Situs yang aktif tidak berubah; jalankan zi deploy lagi untuk "
            "melanjutkan."
        )
    s.put_bytes(meta_bytes(name, local), posixpath.join(up, META))
    with contextlib.suppress(DeployError):
        s.remove(posixpath.join(up, JURNAL))
    echo(f"Semua {len(local)} berkas diperiksa ukurannya: {hit.ringkas()}.")

    _switch(s, state, UNGGAH, name, echo)
    echo(f"Rilis {name} aktif: {live}" + (f" (sebelumnya {state.current})" if state.current else ""))
    _prune(s, state, [*state.old, *([state.current] if state.current else []), name], name, config.keep, echo)
    return name


def _switch(s: Saluran, state: Keadaan, incoming: str, name: str, echo: Echo) -> None:
    """``current`` -> ``sebelumnya-<live>``, then ``incoming`` -> ``current``; undo the first on failure."""
    live = state.folder(CURRENT)
    aside = state.folder(PREFIX + state.current) if state.current else None
    if aside is not None:
        s.rename(live, aside)
    try:
        s.rename(state.folder(incoming), live)
    except DeployError as exc:
        if aside is None:
            raise
        try:
            s.rename(aside, live)
        except DeployError:
            raise DeployError(
                f"{exc}\nMengembalikan rilis {state.current} juga gagal: folder {live} saat ini TIDAK ADA. "
                f"Ganti nama {aside} menjadi {live} lewat panel hosting, atau jalankan `zi deploy --rollback`.",
                live_unchanged=False,
            ) from None
        raise DeployError(f"{exc}\nRilis {state.current} dikembalikan dan tetap aktif.") from None


def _prune(s: Saluran, state: Keadaan, releases: list[str], live: str, keep: int, echo: Echo) -> None:
    gone, kept = [], []
    for r in to_prune(releases, live, keep):
        try:
            hapus_rilis(s, state.folder(PREFIX + r))
            gone.append(r)
        except DeployError:
            kept.append(r)
    if gone:
        echo(f"Rilis lama dihapus ({len(gone)}): {', '.join(gone)}")
    if kept:
        echo(f"Peringatan: rilis lama gagal dihapus, hapus manual bila perlu: {', '.join(kept)}")


def hapus_rilis(s: Saluran, folder: str) -> None:
    """Delete a release folder: first the files its manifest names (a listing may hide dot
    files), then whatever the listing shows."""
    meta = baca_meta(s, folder)
    for rel in [*(meta[1] if meta else ()), META]:
        with contextlib.suppress(DeployError):
            s.remove(posixpath.join(folder, rel))
    rmtree(s, folder)


def rollback(s: Saluran, config: DeployConfig, echo: Echo) -> str:
    state = Keadaan(s, config, create=False)
    if state.current is None:
        if not state.old:
            raise DeployError(f"Belum ada rilis di {config.alamat}; tidak ada yang bisa dikembalikan.")
        # A switch was interrupted between its two renames: bring the newest earlier release back.
        previous = state.old[-1]
        s.rename(state.folder(PREFIX + previous), state.folder(CURRENT))
        echo(f"Dikembalikan: {state.folder(CURRENT)} = rilis {previous} (tidak ada rilis aktif sebelumnya)")
        return previous
    older = [r for r in state.old if r < state.current]
    if not older:
        raise DeployError(
            f"Rilis aktif {state.current} adalah rilis tertua di server; tidak ada rilis sebelumnya untuk dikembalikan."
        )
    previous = older[-1]
    _switch(s, state, PREFIX + previous, previous, echo)
    echo(f"Dikembalikan: {state.folder(CURRENT)} = rilis {previous} (sebelumnya {state.current})")
    return previous


def daftar(s: Saluran, config: DeployConfig) -> tuple[list[str], str | None]:
    state = Keadaan(s, config, create=False) if s.listdir(config.path) is not None else None
    return (state.releases, state.current) if state else ([], None)

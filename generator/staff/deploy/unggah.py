"""Sending files over a ``Saluran``: what is local, what the server already has, a resumable journal.

Every folder ``zi deploy`` fills holds ``.zi-rilis.json``: the release name and each file's
size and SHA-256. The next deploy reads it to send only what changed. While files are being
sent, a journal (``.zi-jurnal``, one line per finished file) is appended in small batches,
so a deploy killed half-way resumes without sending those files again. Neither file holds
anything that is not already public (paths and checksums of the published files).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import posixpath
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from generator.staff.deploy.config import DeployError
from generator.staff.deploy.saluran import Saluran, walk

META = ".zi-rilis.json"
JURNAL = ".zi-jurnal"
TEMP_SUFFIX = ".zi-baru"
OURS = (META, JURNAL)


@dataclass(frozen=True)
class Berkas:
    size: int
    sha256: str


Daftar = dict[str, Berkas]  # relative POSIX path -> what it holds


def daftar_lokal(site_dir: Path) -> Daftar:
    files: Daftar = {}
    for p in sorted(site_dir.rglob("*")):
        if p.is_file():
            data = p.read_bytes()
            files[p.relative_to(site_dir).as_posix()] = Berkas(len(data), hashlib.sha256(data).hexdigest())
    return files


def digest(files: Daftar) -> str:
    """A short hash of the site's content for the release name (like ``release.site_digest``, from
    the hashes already computed; the two need not agree, each only names its own releases)."""
    h = hashlib.sha256()
    for path in sorted(files):
        h.update(path.encode() + b"\0")
        h.update(bytes.fromhex(files[path].sha256))
    return h.hexdigest()[:8]


def meta_bytes(name: str, files: Daftar) -> bytes:
    body = {"rilis": name, "berkas": {p: [f.size, f.sha256] for p, f in sorted(files.items())}}
    return json.dumps(body, ensure_ascii=False, indent=0, sort_keys=True).encode() + b"\n"


def baca_meta(s: Saluran, folder: str) -> tuple[str, Daftar] | None:
    """The release name and file list a folder was published with, or None if it has none."""
    raw = s.get_bytes(posixpath.join(folder, META))
    if raw is None:
        return None
    try:
        body = json.loads(raw)
        files = {str(p): Berkas(int(v[0]), str(v[1])) for p, v in body["berkas"].items()}
        return str(body["rilis"]), files
    except (ValueError, KeyError, TypeError, IndexError):
        raise DeployError(
            f"{posixpath.join(folder, META)} di server rusak. Berkas itu ditulis zi deploy; hapus berkas itu "
            "agar semua berkas dikirim ulang, lalu terbitkan lagi."
        ) from None


def baca_jurnal(s: Saluran, path: str) -> dict[str, str]:
    """Files an interrupted deploy finished sending (path -> SHA-256); a torn last line is ignored."""
    raw = s.get_bytes(path)
    done: dict[str, str] = {}
    for line in (raw or b"").decode("utf-8", errors="replace").split("\n"):
        parts = line.split(" ", 1)
        if len(parts) == 2 and len(parts[0]) == 64 and parts[1]:
            done[parts[1]] = parts[0]
    return done


class Jurnal:
    """Appends finished files to the server's journal every 50 files or 2 seconds."""

    def __init__(self, s: Saluran, path: str):
        self.s, self.path = s, path
        self._lines: list[str] = []
        self._last = time.monotonic()

    def catat(self, rel: str, f: Berkas) -> None:
        self._lines.append(f"{f.sha256} {rel}\n")
        if len(self._lines) >= 50 or time.monotonic() - self._last > 2:
            self.flush()

    def flush(self) -> None:
        if self._lines:
            self.s.append_bytes("".join(self._lines).encode(), self.path)
            self._lines = []
        self._last = time.monotonic()


@dataclass
class Hitungan:
    dikirim: int = 0
    ukuran: int = 0
    ditautkan: int = 0
    dilanjutkan: int = 0
    tetap: int = 0  # unchanged in the web root (langsung): nothing to do

    def ringkas(self) -> str:
        parts = [f"{self.dikirim} berkas dikirim ({_kb(self.ukuran)})"]
        if self.ditautkan:
            parts.append(f"{self.ditautkan} tidak berubah, ditautkan dari rilis aktif tanpa dikirim ulang")
        if self.tetap:
            parts.append(f"{self.tetap} tidak berubah, tidak dikirim")
        if self.dilanjutkan:
            parts.append(f"{self.dilanjutkan} sudah terkirim pada unggahan yang terputus, tidak dikirim ulang")
        return "; ".join(parts)


def _kb(n: int) -> str:
    return f"{n / 1024:.0f} KB" if n >= 1024 else f"{n} B"


class Pengirim:
    """Sends files into one folder on the server, creating subfolders once each."""

    def __init__(self, s: Saluran, site_dir: Path, root: str, jurnal: Jurnal, hit: Hitungan, resumed: bool = False):
        self.s, self.site_dir, self.root, self.jurnal, self.hit = s, site_dir, root, jurnal, hit
        self.resumed = resumed  # the folder may hold files of an interrupted attempt
        self._dirs: set[str] = {""}

    def _parent(self, rel: str) -> None:
        """Create the file's missing folders, one request each: a folder that already exists
        makes mkdir fail, which is fine (a real problem shows when the file is sent)."""
        missing = []
        parent = posixpath.dirname(rel)
        while parent not in self._dirs:
            missing.append(parent)
            parent = posixpath.dirname(parent)
        for d in reversed(missing):
            with contextlib.suppress(DeployError):
                self.s.mkdir(posixpath.join(self.root, d))
            self._dirs.add(d)

    def kirim(self, rel: str, f: Berkas, via_temp: bool) -> None:
        """Upload one file; ``via_temp``: write beside it and rename over it, so a visitor
        reading the live file sees the old version or the new one, never half of it."""
        self._parent(rel)
        remote = posixpath.join(self.root, rel)
        if via_temp:
            self.s.put(self.site_dir / rel, remote + TEMP_SUFFIX)
            self.s.replace(remote + TEMP_SUFFIX, remote)
        else:
            self.s.put(self.site_dir / rel, remote)
        self.hit.dikirim += 1
        self.hit.ukuran += f.size
        self.jurnal.catat(rel, f)

    def tautkan(self, src_root: str, rel: str, f: Berkas) -> bool:
        self._parent(rel)
        remote = posixpath.join(self.root, rel)
        if self.resumed and self.s.size(remote) is not None:  # left by an earlier attempt
            self.s.remove(remote)
        if not self.s.link(posixpath.join(src_root, rel), remote):
            return False
        self.hit.ditautkan += 1
        self.jurnal.catat(rel, f)
        return True


def periksa_ukuran(s: Saluran, root: str, files: Daftar, only: Iterable[str] | None = None) -> list[str]:
    """Files whose size on the server differs from the local one (missing ones included), asked
    one by one: for a few files, or a web root that may hold far more than the site."""
    wanted = files if only is None else only
    return sorted(p for p in wanted if s.size(posixpath.join(root, p)) != files[p].size)


def periksa_folder(s: Saluran, root: str, files: Daftar) -> tuple[list[str], list[str]]:
    """One listing of a release folder: (files whose size is wrong or missing, files the site does
    not have). A file the listing lacks is asked for directly: many FTP servers (vsftpd, pure-ftpd
    by default) hide dot files from listings."""
    found = walk(s, root)
    wrong = sorted(
        p
        for p, f in files.items()
        if found.get(p) != f.size and (p in found or s.size(posixpath.join(root, p)) != f.size)
    )
    extra = sorted(p for p in found if p not in files and p not in OURS)
    return wrong, extra


Echo = Callable[[str], None]

"""SFTP for hosting accounts without a shell (cPanel/DirectAdmin "SFTP only", chrooted).

asyncssh does the protocol; we drive it from synchronous code through a private event
loop, because the release logic is a plain sequence of steps. The host key is checked
during the key exchange, before any password or key is offered: against ``known_hosts``,
or against the pinned ``sidik_jari`` (``SHA256:...``); an unknown key stops the deploy
with the fingerprint the server offered, for staff to compare with what the hosting
provider gave them. Host key checking can never be switched off.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import threading
from collections.abc import Awaitable
from pathlib import Path
from typing import Any, TypeVar

import asyncssh

from generator.staff.deploy.config import DeployConfig, DeployError
from generator.staff.deploy.saluran import Entri

T = TypeVar("T")
_TIMEOUT = 30


class _Client(asyncssh.SSHClient):
    """Pins one host key fingerprint, and remembers what the server offered for the error message."""

    def __init__(self, pinned: str | None, offered: list[str]):
        self._pinned = pinned
        self._offered = offered

    def validate_host_public_key(self, host: str, addr: str, port: int, key: asyncssh.SSHKey) -> bool:
        fingerprint = key.get_fingerprint("sha256")
        self._offered.append(fingerprint)
        return self._pinned is not None and fingerprint == self._pinned


class SaluranSftp:
    can_link = False

    def __init__(self, config: DeployConfig):
        self.config = config
        # The loop runs in a thread of its own, so the synchronous calls below work whatever the
        # calling thread is doing (a test process driving Chromium already runs an asyncio loop).
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="zi-sftp", daemon=True)
        self._thread.start()
        self._conn: asyncssh.SSHClientConnection | None = None
        self._sftp: asyncssh.SFTPClient | None = None

    def _run(self, coro: Awaitable[T]) -> T:
        async def bounded() -> T:
            return await asyncio.wait_for(coro, _TIMEOUT * 4)

        return asyncio.run_coroutine_threadsafe(bounded(), self._loop).result()

    def connect(self) -> SaluranSftp:
        c = self.config
        offered: list[str] = []
        # known_hosts: the configured file; with only a pinned fingerprint, an empty list so that
        # every key goes through _Client.validate_host_public_key (None would switch checking off).
        known: Any = str(c.known_hosts) if c.known_hosts else ([] if c.sidik_jari else ())
        options: dict[str, Any] = {
            "port": c.port,
            "username": c.user,
            "known_hosts": known,
            "client_factory": lambda: _Client(c.sidik_jari, offered),
            "config": None,  # never the developer's ~/.ssh/config
            "agent_path": None,
            "connect_timeout": _TIMEOUT,
            "login_timeout": _TIMEOUT,
            "client_keys": [str(c.key)] if c.key else None,
            "password": c.password,
            "preferred_auth": ("publickey", "password") if c.key else ("password", "keyboard-interactive"),
        }
        try:
            self._conn = self._run(asyncssh.connect(c.host, **options))
            self._sftp = self._run(self._conn.start_sftp_client())
        except asyncssh.HostKeyNotVerifiable:
            self.close()
            shown = offered[0] if offered else "(tidak diketahui)"
            where = (
                f"tidak cocok dengan sidik jari yang dikonfigurasi {c.sidik_jari}"
                if c.sidik_jari
                else f"tidak tercatat di {c.known_hosts or '~/.ssh/known_hosts'}"
            )
            raise DeployError(
                f"Kunci host server {c.host} port {c.port} {where}; server memberi {shown}. "
                "Tidak ada data atau kata sandi yang dikirim. Bila kunci itu memang benar (cocokkan dengan sidik "
                "jari dari pengelola hosting, bukan dari pesan ini saja), isi sidik_jari di zi-deploy.toml atau "
                "pakai --sidik-jari; bila tidak, server itu mungkin palsu: jangan lanjutkan."
            ) from None
        except asyncssh.PermissionDenied:
            self.close()
            how = "kunci SSH" if c.key else "kata sandi"
            raise DeployError(
                f"Login SFTP ditolak untuk pengguna {c.user} di {c.host} port {c.port}: {how} tidak diterima. "
                "Periksa nama pengguna dan "
                + ("kunci (ZI_DEPLOY_KEY)" if c.key else f"kata sandi ({c.sources.get('password', 'kata sandi')})")
                + " di panel hosting. Tidak ada yang diubah di server."
            ) from None
        except (OSError, asyncssh.Error, TimeoutError) as exc:
            self.close()
            raise DeployError(f"Menghubungi server SFTP {c.host} port {c.port} gagal: {_reason(exc)}.") from None
        # What the server announced (OpenSSH's sftp-server has both); asyncssh keeps it on its handler.
        handler = getattr(self._sftp, "_handler", None)
        self.can_link = bool(getattr(handler, "_supports_hardlink", False))
        self._posix_rename = bool(getattr(handler, "_supports_posix_rename", False))
        return self

    @property
    def sftp(self) -> asyncssh.SFTPClient:
        assert self._sftp is not None
        return self._sftp

    def _call(self, what: str, path: str, coro: Awaitable[T]) -> T:
        try:
            return self._run(coro)
        except (OSError, asyncssh.Error, TimeoutError) as exc:
            raise DeployError(f"{what} {path} di server gagal: {_reason(exc)}.") from None

    def listdir(self, path: str) -> list[Entri] | None:
        try:
            names = self._run(self.sftp.readdir(path))
        except asyncssh.SFTPNoSuchFile:
            return None
        except (OSError, asyncssh.Error, TimeoutError) as exc:
            raise DeployError(f"Membaca folder {path} di server gagal: {_reason(exc)}.") from None
        return [
            Entri(str(n.filename), n.attrs.type == asyncssh.FILEXFER_TYPE_DIRECTORY, n.attrs.size or 0)
            for n in names
            if n.filename not in (".", "..")
        ]

    def size(self, path: str) -> int | None:
        try:
            return self._run(self.sftp.stat(path)).size
        except asyncssh.SFTPNoSuchFile:
            return None
        except (OSError, asyncssh.Error, TimeoutError) as exc:
            raise DeployError(f"Membaca ukuran {path} di server gagal: {_reason(exc)}.") from None

    def mkdir(self, path: str) -> None:
        self._call("Membuat folder", path, self.sftp.mkdir(path))

    def put(self, local: Path, remote: str) -> None:
        self._call("Mengunggah", remote, self.sftp.put(str(local), remote))

    def put_bytes(self, data: bytes, remote: str) -> None:
        self._call("Menulis", remote, self._write(remote, data, "wb"))

    def append_bytes(self, data: bytes, remote: str) -> None:
        self._call("Menambah", remote, self._write(remote, data, "ab"))

    async def _write(self, remote: str, data: bytes, mode: str) -> None:
        async with self.sftp.open(remote, mode) as f:
            await f.write(data)

    def get_bytes(self, remote: str) -> bytes | None:
        try:
            return self._run(self._read(remote))
        except asyncssh.SFTPNoSuchFile:
            return None
        except (OSError, asyncssh.Error, TimeoutError) as exc:
            raise DeployError(f"Membaca {remote} di server gagal: {_reason(exc)}.") from None

    async def _read(self, remote: str) -> bytes:
        async with self.sftp.open(remote, "rb") as f:
            data = await f.read()
        return data if isinstance(data, bytes) else data.encode()

    def rename(self, src: str, dst: str) -> None:
        self._call("Mengganti nama", f"{src} -> {dst}", self.sftp.rename(src, dst))

    def replace(self, src: str, dst: str) -> None:
        if self._posix_rename:  # rename(2) on the server: the old file stays readable until the new one is in place
            self._call("Mengganti", f"{src} -> {dst}", self.sftp.posix_rename(src, dst))
            return
        if self.size(dst) is not None:
            self.remove(dst)
        self.rename(src, dst)

    def link(self, src: str, dst: str) -> bool:
        if not self.can_link:
            return False
        try:
            self._run(self.sftp.link(src, dst))
        except (OSError, asyncssh.Error, TimeoutError):
            return False
        return True

    def remove(self, path: str) -> None:
        self._call("Menghapus", path, self.sftp.remove(path))

    def rmdir(self, path: str) -> None:
        self._call("Menghapus folder", path, self.sftp.rmdir(path))

    def close(self) -> None:
        sftp, conn = self._sftp, self._conn
        self._sftp = self._conn = None

        async def shut() -> None:  # on the loop's own thread: asyncssh objects are not thread-safe
            if sftp is not None:
                sftp.exit()
                await sftp.wait_closed()
            if conn is not None:
                conn.close()
                await conn.wait_closed()

        if not self._loop.is_closed():
            with contextlib.suppress(Exception):
                self._run(shut())
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout=10)
            self._loop.close()


def _reason(exc: BaseException) -> str:
    if isinstance(exc, ConnectionRefusedError):
        return "koneksi ditolak (server mati, port salah, atau layanan SFTP belum aktif)"
    if isinstance(exc, TimeoutError | asyncio.TimeoutError):
        return "waktu habis menunggu server"
    if isinstance(exc, asyncssh.SFTPPermissionDenied):
        return "izin ditolak oleh server (folder tidak boleh ditulis akun ini?)"
    if isinstance(exc, asyncssh.SFTPFailure) and getattr(exc, "code", None) == errno.ENOSPC:
        return "ruang disk server penuh"
    text = getattr(exc, "reason", "") or str(exc) or type(exc).__name__
    return str(text).strip()

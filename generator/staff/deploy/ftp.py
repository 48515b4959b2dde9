"""FTP with explicit TLS (FTPS) for hosting panels, and plain FTP only when staff insist.

The standard library's ``ftplib.FTP_TLS`` does the protocol. The certificate is checked
during ``AUTH TLS``, before the password is sent: against the system CAs (or ``ca_file``)
with the host name, or, for the self-signed certificates many panels use, against the
pinned SHA-256 ``sidik_jari``. The data connections are protected too (``PROT P``) and
reuse the control connection's TLS session, which vsftpd and ProFTPD require by default.
"""

from __future__ import annotations

import ftplib
import hashlib
import io
import socket
import ssl
from pathlib import Path
from typing import Any

from generator.staff.deploy.config import DeployConfig, DeployError
from generator.staff.deploy.saluran import Entri

_TIMEOUT = 30


def _nodelay(conn: socket.socket) -> socket.socket:
    # Small files over TLS otherwise wait on Nagle's algorithm: ~48 ms per file instead of ~4 ms.
    conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return conn


class _Ftp(ftplib.FTP):
    def ntransfercmd(self, cmd: str, rest: int | str | None = None) -> tuple[socket.socket, int | None]:
        conn, size = super().ntransfercmd(cmd, rest)
        return _nodelay(conn), size


class _FtpTls(ftplib.FTP_TLS):
    def ntransfercmd(self, cmd: str, rest: int | str | None = None) -> tuple[socket.socket, int | None]:
        conn, size = ftplib.FTP.ntransfercmd(self, cmd, rest)
        _nodelay(conn)
        if self._prot_p:  # type: ignore[attr-defined]
            conn = self.context.wrap_socket(
                conn,
                server_hostname=self.host,
                session=self.sock.session,  # type: ignore[union-attr]
            )
        return conn, size


class SaluranFtp:
    can_link = False  # FTP has no server-side copy or link: every file of a release is sent

    def __init__(self, config: DeployConfig):
        self.config = config
        self.ftp: ftplib.FTP | None = None
        self._mlsd = True

    def connect(self) -> SaluranFtp:
        c = self.config
        tls = c.target == "ftps"
        try:
            if tls:
                ftp: ftplib.FTP = _FtpTls(context=self._context(), timeout=_TIMEOUT, encoding="utf-8")
            else:
                ftp = _Ftp(timeout=_TIMEOUT, encoding="utf-8")
            self.ftp = ftp
            ftp.connect(c.host, c.port)
            if ftp.sock is not None:
                _nodelay(ftp.sock)
            if isinstance(ftp, ftplib.FTP_TLS):
                ftp.auth()
                self._check_pin(ftp)
            ftp.login(c.user, c.password or "")
            if isinstance(ftp, ftplib.FTP_TLS):
                ftp.prot_p()
            ftp.voidcmd("TYPE I")
        except ssl.SSLCertVerificationError as exc:
            self.close()
            raise DeployError(
                f"Sertifikat TLS server {c.host} port {c.port} tidak dapat diverifikasi ({exc.verify_message}). "
                "Kata sandi tidak dikirim. Bila server memakai sertifikat buatan sendiri (self-signed), minta sidik "
                "jari SHA-256 sertifikatnya dari pengelola hosting lalu isi sidik_jari di zi-deploy.toml atau pakai "
                "--sidik-jari."
            ) from None
        except ftplib.error_perm as exc:
            self.close()
            text = str(exc)
            if text.startswith("530"):
                raise DeployError(
                    f"Login FTP ditolak untuk pengguna {c.user} di {c.host} port {c.port}: nama pengguna atau kata "
                    f"sandi salah ({c.sources.get('password', 'kata sandi')}). Periksa akun FTP di panel hosting. "
                    "Tidak ada yang diubah di server."
                ) from None
            if tls and text[:3] in ("500", "502", "504", "534"):
                raise DeployError(
                    f"Server {c.host} port {c.port} tidak mendukung FTP dengan TLS (AUTH TLS ditolak: {text}). "
                    "Minta pengelola hosting mengaktifkan FTPS, atau pakai target sftp."
                ) from None
            raise DeployError(f"Server FTP {c.host} port {c.port} menolak: {text}.") from None
        except DeployError:
            self.close()
            raise
        except (OSError, EOFError, ftplib.Error) as exc:
            self.close()
            raise DeployError(f"Menghubungi server FTP {c.host} port {c.port} gagal: {_reason(exc)}.") from None
        return self

    def _context(self) -> ssl.SSLContext:
        c = self.config
        if c.sidik_jari:
            # The pin replaces the CA check: a self-signed certificate has no CA, and the pin is
            # stricter than any CA (exactly one certificate is accepted).
            context = ssl.create_default_context()
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
            return context
        return ssl.create_default_context(cafile=str(c.ca_file) if c.ca_file else None)

    def _check_pin(self, ftp: ftplib.FTP_TLS) -> None:
        c = self.config
        if not c.sidik_jari:
            return
        sock: Any = ftp.sock
        der = sock.getpeercert(binary_form=True)
        offered = hashlib.sha256(der).hexdigest()
        if offered != c.sidik_jari:
            raise DeployError(
                f"Sidik jari sertifikat TLS server {c.host} port {c.port} tidak cocok: server memberi "
                f"{_colons(offered)}, konfigurasi {_colons(c.sidik_jari)} ({c.sources.get('sidik_jari', '')}). "
                "Kata sandi tidak dikirim dan tidak ada yang diubah. Bila sertifikat server memang baru diganti, "
                "cocokkan sidik jari barunya dengan pengelola hosting; bila tidak, server itu mungkin palsu."
            )

    @property
    def _f(self) -> ftplib.FTP:
        assert self.ftp is not None
        return self.ftp

    def _call(self, what: str, path: str, fn: Any, *args: Any) -> Any:
        try:
            return fn(*args)
        except (OSError, EOFError, ftplib.Error) as exc:
            raise DeployError(f"{what} {path} di server gagal: {_reason(exc)}.") from None

    def listdir(self, path: str) -> list[Entri] | None:
        if self._mlsd:
            try:
                rows = list(self._f.mlsd(path, facts=["type", "size"]))
            except ftplib.error_perm as exc:
                if str(exc).startswith(("500", "502")):  # no MLSD on this server
                    self._mlsd = False
                    return self.listdir(path)
                return None  # 550: no such folder
            except (OSError, EOFError, ftplib.Error) as exc:
                raise DeployError(f"Membaca folder {path} di server gagal: {_reason(exc)}.") from None
            return [
                Entri(name, facts.get("type") == "dir", int(facts.get("size", 0) or 0))
                for name, facts in rows
                if facts.get("type") in ("file", "dir")
            ]
        # Without MLSD: names from NLST, a folder is what SIZE refuses and CWD accepts.
        try:
            names = self._f.nlst(path)
        except ftplib.error_perm:
            return None
        except (OSError, EOFError, ftplib.Error) as exc:
            raise DeployError(f"Membaca folder {path} di server gagal: {_reason(exc)}.") from None
        out = []
        for raw in names:
            name = raw.rstrip("/").rsplit("/", 1)[-1]
            if name in (".", ".."):
                continue
            size = self.size(f"{path.rstrip('/')}/{name}")
            out.append(Entri(name, size is None, size or 0))
        return out

    def size(self, path: str) -> int | None:
        try:
            return self._f.size(path)
        except ftplib.error_perm:
            return None
        except (OSError, EOFError, ftplib.Error) as exc:
            raise DeployError(f"Membaca ukuran {path} di server gagal: {_reason(exc)}.") from None

    def mkdir(self, path: str) -> None:
        self._call("Membuat folder", path, self._f.mkd, path)

    def put(self, local: Path, remote: str) -> None:
        with local.open("rb") as fp:
            self._call("Mengunggah", remote, self._f.storbinary, f"STOR {remote}", fp)

    def put_bytes(self, data: bytes, remote: str) -> None:
        self._call("Menulis", remote, self._f.storbinary, f"STOR {remote}", io.BytesIO(data))

    def append_bytes(self, data: bytes, remote: str) -> None:
        self._call("Menambah", remote, self._f.storbinary, f"APPE {remote}", io.BytesIO(data))

    def get_bytes(self, remote: str) -> bytes | None:
        if self.size(remote) is None:
            return None
        out = io.BytesIO()
        self._call("Membaca", remote, self._f.retrbinary, f"RETR {remote}", out.write)
        return out.getvalue()

    def rename(self, src: str, dst: str) -> None:
        self._call("Mengganti nama", f"{src} -> {dst}", self._f.rename, src, dst)

    def replace(self, src: str, dst: str) -> None:
        try:
            self._f.rename(src, dst)  # most servers rename(2) over the old file
            return
        except ftplib.error_perm:
            pass
        except (OSError, EOFError, ftplib.Error) as exc:
            raise DeployError(f"Mengganti {dst} di server gagal: {_reason(exc)}.") from None
        self.remove(dst)
        self.rename(src, dst)

    def link(self, src: str, dst: str) -> bool:
        return False

    def remove(self, path: str) -> None:
        self._call("Menghapus", path, self._f.delete, path)

    def rmdir(self, path: str) -> None:
        self._call("Menghapus folder", path, self._f.rmd, path)

    def close(self) -> None:
        if self.ftp is not None:
            try:
                self.ftp.quit()
            except (OSError, EOFError, ftplib.Error):
                self.ftp.close()
            self.ftp = None


def _colons(hexdigits: str) -> str:
    return ":".join(hexdigits[i : i + 2] for i in range(0, len(hexdigits), 2)).upper()


def _reason(exc: BaseException) -> str:
    if isinstance(exc, ConnectionRefusedError):
        return "koneksi ditolak (server mati, port salah, atau layanan FTP belum aktif)"
    if isinstance(exc, TimeoutError | socket.timeout):
        return "waktu habis menunggu server"
    if isinstance(exc, EOFError):
        return "koneksi diputus server"
    text = str(exc).strip() or type(exc).__name__
    if text.startswith("552") or "quota" in text.lower():
        return f"kuota atau ruang disk server penuh ({text})"
    return text

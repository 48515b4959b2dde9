"""Real hosting-like servers on 127.0.0.1 for the `zi deploy` targets sftp, ftps and ftp.

- `sftp_server`: a second OpenSSH sshd set up as a hosting panel's SFTP-only account:
  chrooted (`ChrootDirectory`), `ForceCommand internal-sftp`, no shell, no forwarding, key auth only.
- `ftps_server`: Debian's pure-ftpd with one virtual user (puredb, no system account) chrooted to
  its home, explicit TLS with a throwaway self-signed certificate for 127.0.0.1, TLS optional
  (`-Y 1`) so the same server serves the plain-FTP target too.

Debian's openssh-server, pure-ftpd and openssl are installed by `make test` (target deploy-tools).
Without them the tests are skipped locally, but fail under CI (env CI set), so CI can never pass
by skipping. Session fixtures: every pytest(-xdist) worker starts its own servers on free ports,
in its own folders, and stops and removes them at the end.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import random
import secrets
import shutil
import signal
import socket
import ssl
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

SSHD = "/usr/sbin/sshd"
PURE_FTPD = "/usr/sbin/pure-ftpd"

# ChrootDirectory wants every component of the path root-owned and not group/other-writable,
# so the chroot cannot live under /tmp (1777): a root-owned 0755 folder of its own instead.
CHROOT_PARENT = Path("/var/lib/laman-zi-uji")

# pure-ftpd refuses to log a (virtual) user in as uid 0, so its files belong to nobody:nogroup.
FTP_UID = FTP_GID = 65534


def _need(tools: list[str], as_root: bool = False) -> None:
    """Skip (fail under CI) when a tool is missing or the servers cannot run as root."""
    missing = [t for t in tools if not (Path(t).is_file() if t.startswith("/") else shutil.which(t))]
    reasons = []
    if missing:
        reasons.append(f"alat untuk uji deploy tidak terpasang: {', '.join(missing)} (jalankan `make deploy-tools`)")
    if as_root and os.geteuid() != 0:
        reasons.append("server uji ini (chroot) harus dijalankan sebagai root")
    if reasons:
        reason = "; ".join(reasons)
        if os.environ.get("CI"):
            pytest.fail(reason + "; di CI uji ini tidak boleh dilewati")
        pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _free_port_range(size: int = 32) -> tuple[int, int]:
    """A run of `size` free ports below Linux's ephemeral range (32768-60999), so outgoing
    connections never take them; random, so pytest-xdist workers do not pick the same run."""
    for _ in range(200):
        low = random.randrange(20000, 32768 - size)
        socks = []
        try:
            for port in range(low, low + size):
                s = socket.socket()
                socks.append(s)
                s.bind(("127.0.0.1", port))
            return low, low + size - 1
        except OSError:
            continue
        finally:
            for s in socks:
                s.close()
    raise RuntimeError("no free run of passive ports")


def _run(*args: str, stdin: str | None = None) -> str:
    return subprocess.run(args, input=stdin, check=True, capture_output=True, text=True).stdout


def _keygen(path: Path) -> Path:
    _run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "zi-test", "-f", str(path))
    return path


def _start(args: list[str], log: Path, port: int, banner: bytes, name: str) -> subprocess.Popen:
    """Start a server in its own process group and wait (at most 10 s) for its banner."""
    with log.open("wb") as out:
        proc = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"{name} berhenti (status {proc.returncode}):\n{log.read_text(errors='replace')}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
                if s.recv(64).startswith(banner):
                    return proc
        except OSError:
            time.sleep(0.05)
    _stop(proc)
    pytest.fail(f"{name} tidak menjawab di port {port}:\n{log.read_text(errors='replace')}")


def _stop(proc: subprocess.Popen) -> None:
    """Stop the server and the per-connection children it forked (its own process group)."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            break
        try:
            proc.wait(timeout=5)
            break
        except subprocess.TimeoutExpired:
            continue
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)  # a connection child still alive after its parent


def sshd_base(port: int, host_key: Path, authorized: Path, pid: Path) -> list[str]:
    """The sshd_config lines both test servers share: loopback, throwaway keys, key login only."""
    return [
        f"ListenAddress 127.0.0.1:{port}",
        f"HostKey {host_key}",
        f"AuthorizedKeysFile {authorized}",
        f"PidFile {pid}",
        "PubkeyAuthentication yes",
        "PasswordAuthentication no",
        "KbdInteractiveAuthentication no",
        "UsePAM no",
        "StrictModes no",
        "PermitRootLogin prohibit-password",
        "PrintMotd no",
    ]


def _local(root: Path, path: str) -> Path:
    if not path.startswith("/"):
        raise ValueError(f"not an absolute server path: {path!r}")
    return root / path.lstrip("/")


# --- SFTP-only, chrooted (OpenSSH) ---------------------------------------------------------


@dataclass
class SftpServer:
    port: int
    user: str
    key: Path  # authorised client key
    other_key: Path  # a key the server does not know
    known_hosts: Path  # "[127.0.0.1]:port ssh-ed25519 ..."
    fingerprint: str  # host key, "SHA256:..." as `ssh-keygen -lf` prints it
    root: Path  # the chroot on this machine: "/" as the account sees it
    log: Path

    @property
    def web(self) -> Path:
        """The writable folder the account sees as /web."""
        return self.root / "web"

    def env(self, path: str, **extra: str) -> dict[str, str]:
        """ZI_DEPLOY_* for a deploy into `path` (as the account sees it, e.g. "/web/laman-zi")."""
        return {
            "ZI_DEPLOY_TARGET": "sftp",
            "ZI_DEPLOY_HOST": "127.0.0.1",
            "ZI_DEPLOY_PORT": str(self.port),
            "ZI_DEPLOY_USER": self.user,
            "ZI_DEPLOY_PATH": path,
            "ZI_DEPLOY_KEY": str(self.key),
            "ZI_DEPLOY_KNOWN_HOSTS": str(self.known_hosts),
            **extra,
        }

    def local(self, path: str) -> Path:
        """This machine's path of the server path `path` ("/web/laman-zi" -> <root>/web/laman-zi)."""
        return _local(self.root, path)


@pytest.fixture(scope="session")
def sftp_server(tmp_path_factory) -> Iterator[SftpServer]:
    _need([SSHD, "ssh", "ssh-keygen"], as_root=True)
    d = tmp_path_factory.mktemp("sftpd")
    host_key = _keygen(d / "host_ed25519")
    user_key = _keygen(d / "user_ed25519")
    other_key = _keygen(d / "other_ed25519")
    authorized = d / "authorized_keys"
    shutil.copy(user_key.with_suffix(".pub"), authorized)
    port = _free_port()
    known_hosts = d / "known_hosts"
    known_hosts.write_text(f"[127.0.0.1]:{port} " + host_key.with_suffix(".pub").read_text())
    fingerprint = _run("ssh-keygen", "-lf", str(host_key.with_suffix(".pub"))).split()[1]
    CHROOT_PARENT.mkdir(mode=0o755, exist_ok=True)
    CHROOT_PARENT.chmod(0o755)
    root = Path(tempfile.mkdtemp(prefix="sftp-", dir=CHROOT_PARENT))
    root.chmod(0o755)
    (root / "web").mkdir(mode=0o755)
    user = "root"  # we run as root (here and in CI); the Match block below makes it a panel account
    config = d / "sshd_config"
    config.write_text(
        "\n".join(
            [
                *sshd_base(port, host_key, authorized, d / "sshd.pid"),
                "LogLevel INFO",
                "Subsystem sftp internal-sftp",
                f"Match User {user}",
                f"    ChrootDirectory {root}",
                "    ForceCommand internal-sftp",
                "    DisableForwarding yes",
                "    PermitTTY no",
                "    PermitTunnel no",
                "",
            ]
        )
    )
    Path("/run/sshd").mkdir(parents=True, exist_ok=True)  # privilege separation directory
    log = d / "sshd.log"
    proc = _start([SSHD, "-D", "-e", "-f", str(config)], log, port, b"SSH-2.0-", "sshd (sftp)")
    try:
        yield SftpServer(
            port=port,
            user=user,
            key=user_key,
            other_key=other_key,
            known_hosts=known_hosts,
            fingerprint=fingerprint,
            root=root,
            log=log,
        )
    finally:
        _stop(proc)
        shutil.rmtree(root, ignore_errors=True)


# --- FTPS / FTP (pure-ftpd, one virtual user) ----------------------------------------------


@dataclass
class FtpsServer:
    port: int
    user: str
    password: str
    cert: Path  # the server's self-signed certificate (PEM), usable as a CA file
    fingerprint: str  # SHA-256 of the certificate (DER), "AB:CD:..." as `openssl x509 -fingerprint -sha256`
    root: Path  # the user's home on this machine: "/" as the account sees it
    passive_ports: tuple[int, int]
    log: Path
    uid: int = FTP_UID  # files the account writes belong to uid:gid; chown what a test puts in root
    gid: int = FTP_GID

    def env(self, path: str, **extra: str) -> dict[str, str]:
        """ZI_DEPLOY_* for an FTPS deploy into `path` (as the account sees it); for plain FTP
        pass ZI_DEPLOY_TARGET="ftp" in `extra` (the server leaves TLS optional)."""
        return {
            "ZI_DEPLOY_TARGET": "ftps",
            "ZI_DEPLOY_HOST": "127.0.0.1",
            "ZI_DEPLOY_PORT": str(self.port),
            "ZI_DEPLOY_USER": self.user,
            "ZI_DEPLOY_PASSWORD": self.password,
            "ZI_DEPLOY_PATH": path,
            "ZI_DEPLOY_SIDIK_JARI": self.fingerprint,
            **extra,
        }

    def local(self, path: str) -> Path:
        """This machine's path of the server path `path` ("/laman-zi" -> <root>/laman-zi)."""
        return _local(self.root, path)


def self_signed_certificate(folder: Path) -> tuple[Path, Path, str]:
    """A throwaway certificate for 127.0.0.1 (IP SAN): (cert.pem, key.pem, SHA-256 fingerprint)."""
    folder.mkdir(parents=True, exist_ok=True)
    cert, key = folder / "cert.pem", folder / "key.pem"
    _run(
        "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
        "-keyout", str(key), "-out", str(cert), "-days", "2", "-subj", "/CN=127.0.0.1",
        "-addext", "subjectAltName=IP:127.0.0.1",
    )  # fmt: skip
    digest = hashlib.sha256(ssl.PEM_cert_to_DER_cert(cert.read_text())).hexdigest().upper()
    return cert, key, ":".join(digest[i : i + 2] for i in range(0, len(digest), 2))


@pytest.fixture(scope="session")
def ftps_server(tmp_path_factory) -> Iterator[FtpsServer]:
    _need([PURE_FTPD, "pure-pw", "openssl"], as_root=True)
    d = tmp_path_factory.mktemp("ftpsd")
    cert, key, fingerprint = self_signed_certificate(d / "tls")
    root = d / "home"
    root.mkdir(mode=0o755)
    os.chown(root, FTP_UID, FTP_GID)
    user, password = "zi-unggah", secrets.token_urlsafe(12)
    # The passwd line by hand: pure-pw would hash with argon2 at a cost that makes every
    # login take seconds here; a SHA-512 crypt hash (which pure-ftpd also accepts) is instant.
    hashed = _run("openssl", "passwd", "-6", "-stdin", stdin=password).strip()
    passwd = d / "pureftpd.passwd"
    passwd.write_text(f"{user}:{hashed}:{FTP_UID}:{FTP_GID}::{root}/./::::::::::::\n")  # "/./": chroot
    passwd.chmod(0o600)
    puredb = d / "pureftpd.pdb"
    _run("pure-pw", "mkdb", str(puredb), "-f", str(passwd))
    port = _free_port()
    low, high = _free_port_range()
    log = d / "pure-ftpd.log"
    args = [
        PURE_FTPD,
        f"--bind=127.0.0.1,{port}",
        f"--login=puredb:{puredb}",
        "--noanonymous",
        "--chrooteveryone",
        "--dontresolve",
        "--ipv4only",
        "--tls=1",  # TLS optional: FTPS and (for the ftp target's tests) plain FTP
        f"--certfile={cert},{key}",
        f"--passiveportrange={low}:{high}",
        "--forcepassiveip=127.0.0.1",
        "--displaydotfiles",  # as hosting panels set it: the site's .laman-zi-situs marker shows in MLSD
        "--maxclientsnumber=50",
        f"--pidfile={d / 'pure-ftpd.pid'}",
        "--syslogfacility=none",
    ]
    proc = _start(args, log, port, b"220", "pure-ftpd")
    try:
        yield FtpsServer(
            port=port,
            user=user,
            password=password,
            cert=cert,
            fingerprint=fingerprint,
            root=root,
            passive_ports=(low, high),
            log=log,
        )
    finally:
        _stop(proc)

"""A real OpenSSH server on 127.0.0.1 with throwaway keys, for the `zi deploy` tests.

Debian's openssh-server and rsync are installed by `make test` (target deploy-tools).
Without them the tests are skipped locally, but fail under CI (env CI set), so CI can
never pass by skipping.
"""

from __future__ import annotations

import getpass
import os
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import REPO, zi_dengan
from tests.deploy.servers import ftps_server, sftp_server, sshd_base  # noqa: F401  (fixtures for the sftp/ftps/ftp targets)

SSHD = "/usr/sbin/sshd"


def _missing_tools() -> list[str]:
    missing = [] if Path(SSHD).is_file() else [SSHD]
    missing += [t for t in ("ssh", "ssh-keygen", "rsync") if shutil.which(t) is None]
    return missing


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _keygen(path: Path) -> Path:
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "zi-test", "-f", str(path)],
        check=True,
        capture_output=True,
    )
    return path


@dataclass
class SshServer:
    port: int
    user: str
    key: Path  # authorised client key
    known_hosts: Path
    log: Path

    def env(self, path: Path, **extra: str) -> dict[str, str]:
        """ZI_DEPLOY_* for a deploy into `path` on this server."""
        return {
            "ZI_DEPLOY_HOST": "127.0.0.1",
            "ZI_DEPLOY_PORT": str(self.port),
            "ZI_DEPLOY_USER": self.user,
            "ZI_DEPLOY_PATH": str(path),
            "ZI_DEPLOY_KEY": str(self.key),
            "ZI_DEPLOY_KNOWN_HOSTS": str(self.known_hosts),
            **extra,
        }

    def ssh(self, command: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [
                "ssh",
                "-p",
                str(self.port),
                "-i",
                str(self.key),
                "-o",
                "IdentitiesOnly=yes",
                "-o",
                "BatchMode=yes",
                "-o",
                f"UserKnownHostsFile={self.known_hosts}",
                "-o",
                "StrictHostKeyChecking=yes",
                "-l",
                self.user,
                "127.0.0.1",
                command,
            ],
            capture_output=True,
            text=True,
            timeout=30,
        )


@pytest.fixture(scope="session")
def sshd(tmp_path_factory) -> SshServer:
    missing = _missing_tools()
    if missing:
        reason = f"alat untuk uji deploy tidak terpasang: {', '.join(missing)} (jalankan `make deploy-tools`)"
        if os.environ.get("CI"):
            pytest.fail(reason + "; di CI uji ini tidak boleh dilewati")
        pytest.skip(reason)
    d = tmp_path_factory.mktemp("sshd")
    host_key = _keygen(d / "host_ed25519")
    user_key = _keygen(d / "user_ed25519")
    authorized = d / "authorized_keys"
    shutil.copy(user_key.with_suffix(".pub"), authorized)
    port = _free_port()
    known_hosts = d / "known_hosts"
    known_hosts.write_text(f"[127.0.0.1]:{port} " + host_key.with_suffix(".pub").read_text())
    config = d / "sshd_config"
    config.write_text(
        "\n".join(
            [
                *sshd_base(port, host_key, authorized, d / "sshd.pid"),
                "X11Forwarding no",
                "LogLevel ERROR",
                "",
            ]
        )
    )
    if os.geteuid() == 0:
        Path("/run/sshd").mkdir(parents=True, exist_ok=True)  # privilege separation directory
    log = d / "sshd.log"
    with log.open("wb") as out:
        proc = subprocess.Popen([SSHD, "-D", "-e", "-f", str(config)], stdout=out, stderr=subprocess.STDOUT)
    try:
        _wait_for_banner(port, proc, log)
        yield SshServer(port=port, user=getpass.getuser(), key=user_key, known_hosts=known_hosts, log=log)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _wait_for_banner(port: int, proc: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"sshd berhenti (status {proc.returncode}):\n{log.read_text(errors='replace')}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
                if s.recv(64).startswith(b"SSH-2.0-"):
                    return
        except OSError:
            time.sleep(0.05)
    pytest.fail(f"sshd tidak menjawab di port {port}:\n{log.read_text(errors='replace')}")


def zi_deploy(*args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess:
    """Run the real `zi deploy` with only the given ZI_DEPLOY_* settings, in `cwd`
    (so a developer's own zi-deploy.toml in the repository is never read)."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("ZI_DEPLOY_")}
    return zi_dengan(["deploy", *args], cwd, {**clean, "PYTHONPATH": str(REPO), **env}, timeout=120)

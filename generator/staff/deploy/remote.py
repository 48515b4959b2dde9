"""The server side of a deploy: one SSH connection, rsync upload, the atomic ``current`` switch."""

from __future__ import annotations

import contextlib
import shlex
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from generator.staff.deploy.config import DeployConfig, DeployError
from generator.staff.deploy.release import RELEASE, check_site, release_name, site_digest, to_prune


class Remote:
    """One SSH connection to the server, shared by every command of a deploy.

    The connection is opened once as an OpenSSH control master and reused by the shell
    commands and by rsync, so a deploy pays for one handshake (and one authentication
    failure, if any) instead of four. Use as a context manager; leaving it closes the
    connection.
    """

    def __init__(self, config: DeployConfig):
        self.config = config
        self._dir: str | None = None

    def ssh_options(self) -> list[str]:
        c = self.config
        opts = [
            "-p",
            str(c.port),
            "-i",
            str(c.key),
            "-o",
            "IdentitiesOnly=yes",
            "-o",
            "BatchMode=yes",
            "-o",
            "StrictHostKeyChecking=yes",
            "-o",
            "ConnectTimeout=15",
            "-o",
            "ServerAliveInterval=15",
            "-o",
            "ServerAliveCountMax=4",
            "-o",
            "LogLevel=ERROR",
        ]
        if c.known_hosts is not None:
            opts += ["-o", f"UserKnownHostsFile={c.known_hosts}"]
        if self._dir is not None:
            opts += ["-o", f"ControlPath={self._dir}/cm"]
        return opts

    def __enter__(self) -> Remote:
        # A short private folder: the socket path has a ~100 byte limit and holds a live login.
        self._dir = tempfile.mkdtemp(prefix="zi-ssh-")
        c = self.config
        # -f: go to the background once logged in; ControlPersist ends it by itself should we die.
        cmd = [
            "ssh",
            *self.ssh_options(),
            "-o",
            "ControlMaster=yes",
            "-o",
            "ControlPersist=120",
            "-N",
            "-f",
            "-l",
            c.user,
            c.host,
        ]
        # The background master keeps our pipes open; its stderr goes to a file we read instead.
        with tempfile.TemporaryFile() as err:
            try:
                code = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err).returncode
            except FileNotFoundError:
                self._cleanup()
                raise DeployError(
                    "Program `ssh` tidak terpasang di komputer ini; pasang paket openssh-client lalu coba lagi."
                ) from None
            err.seek(0)
            detail = err.read().decode(errors="replace")
        if code != 0:
            self._cleanup()
            raise self._error("Menghubungi server", "ssh", code, detail)
        return self

    def __exit__(self, *exc: object) -> None:
        c = self.config
        subprocess.run(
            ["ssh", *self.ssh_options(), "-O", "exit", "-l", c.user, c.host],
            stdin=subprocess.DEVNULL,
            capture_output=True,
        )
        self._cleanup()

    def _cleanup(self) -> None:
        if self._dir is not None:
            shutil.rmtree(self._dir, ignore_errors=True)
            self._dir = None

    def shell(self, script: str, what: str, cd: bool = True) -> str:
        """Run a POSIX sh script on the server (fed on stdin, inside ``path`` unless
        ``cd=False``); return its stdout."""
        c = self.config
        cmd = ["ssh", *self.ssh_options(), "-l", c.user, c.host, "sh -s"]
        body = "set -eu\n" + (f"cd {shlex.quote(c.path)}\n" if cd else "") + script
        return self._run(cmd, what, input=body)

    def rsync(self, site_dir: Path, dest: str, link_dest: str | None, what: str) -> None:
        c = self.config
        # Content decides (--checksum), times are not copied: an unchanged file is then identical
        # to the one in the live release and gets hard-linked instead of sent again (--link-dest
        # is relative to the destination folder). Fixed modes so the web server can read it all
        # whatever the local umask was.
        cmd = [
            "rsync",
            "--recursive",
            "--links",
            "--perms",
            "--checksum",
            "--chmod=Du=rwx,Dgo=rx,Fu=rw,Fgo=r",
            "-e",
            shlex.join(["ssh", *self.ssh_options()]),
        ]
        if link_dest:
            cmd.append(f"--link-dest=../{link_dest}/")
        cmd += [f"{site_dir}/", f"{c.user}@{c.host}:{c.path}/releases/{dest}/"]
        self._run(cmd, what)

    def _run(self, cmd: list[str], what: str, input: str | None = None) -> str:
        try:
            result = subprocess.run(cmd, input=input, capture_output=True, text=True)
        except FileNotFoundError:
            raise DeployError(
                f"Program `{cmd[0]}` tidak terpasang di komputer ini; pasang paket "
                f"{'openssh-client' if cmd[0] == 'ssh' else 'rsync'} lalu coba lagi."
            ) from None
        if result.returncode != 0:
            raise self._error(what, cmd[0], result.returncode, result.stderr or result.stdout)
        return result.stdout

    def _error(self, what: str, program: str, code: int, detail: str) -> DeployError:
        c = self.config
        detail = detail.strip() or "(tanpa pesan)"
        return DeployError(
            f"{what} gagal ({program} keluar dengan status {code}) ke "
            f"{c.user}@{c.host} port {c.port}:\n    " + detail.replace("\n", "\n    ")
        )


@dataclass(frozen=True)
class State:
    releases: list[str]  # sorted, oldest first; only names this tool made
    current: str | None


_STATE_SCRIPT = """\
if [ -e current ] && [ ! -L current ]; then echo "zi:notlink"; exit 0; fi
if [ -L current ]; then printf 'current %s\\n' "$(readlink current)"; fi
if [ -d releases ]; then ls -1 releases; fi
"""


def remote_state(remote: Remote, create: bool) -> State:
    """Read the releases and the ``current`` link; ``create`` makes the folders first."""
    c = remote.config
    path = shlex.quote(c.path)
    script = (
        (f"mkdir -p {path}/releases\n" if create else "")
        + f"if [ ! -d {path} ]; then echo 'zi:nodir'; exit 0; fi\ncd {path}\n"
        + _STATE_SCRIPT
    )
    lines = remote.shell(script, "Membaca rilis di server", cd=False).splitlines()
    if "zi:nodir" in lines:
        return State([], None)
    if "zi:notlink" in lines:
        raise DeployError(
            f"{c.path}/current di server bukan symlink (mungkin folder lama yang dibuat "
            "manual). Pindahkan dulu, lalu terbitkan lagi; zi deploy tidak akan menimpanya."
        )
    current = None
    releases = []
    for line in lines:
        if line.startswith("current "):
            target = line[len("current ") :].rstrip("/")
            current = target.rsplit("/", 1)[-1]
        elif RELEASE.match(line):
            releases.append(line)
    return State(sorted(releases), current)


def _switch_script(name: str) -> str:
    """Point ``current`` at ``releases/name`` with one rename; the link is relative so the
    folder can be moved or mounted elsewhere."""
    tmp = shlex.quote(f".current.{name}.tmp")
    return f"ln -sfn {shlex.quote('releases/' + name)} {tmp}\nmv -T {tmp} current\n"


def deploy(
    config: DeployConfig, site_dir: Path, echo: Callable[[str], None] = print, now: datetime | None = None
) -> str:
    """Upload ``site_dir`` as a new release, switch to it, prune; return the release name."""
    check_site(site_dir)
    with Remote(config) as remote:
        return _deploy(remote, site_dir, echo, now or datetime.now(UTC))


def _deploy(remote: Remote, site_dir: Path, echo: Callable[[str], None], now: datetime) -> str:
    config = remote.config
    state = remote_state(remote, create=True)
    name = release_name(now, site_digest(site_dir), state.releases)
    partial = f".{name}.partial"
    link = state.current if state.current in state.releases else None
    echo(f"Mengunggah {site_dir} ke {config.alamat}/releases/{name} ...")
    try:
        remote.rsync(site_dir, partial, link, "Pengunggahan situs")
    except DeployError:
        # Best effort: the connection may be what failed. `current` was never touched, and a
        # leftover partial folder is not a release (its name starts with a dot).
        with contextlib.suppress(DeployError):
            remote.shell(f"rm -rf -- releases/{shlex.quote(partial)}\n", "Membersihkan unggahan gagal")
        raise
    gone = to_prune([*state.releases, name], name, config.keep)
    script = (
        f"mv -T releases/{shlex.quote(partial)} releases/{shlex.quote(name)}\n"
        + _switch_script(name)
        # The site is live from here on: a failed clean-up is reported, not fatal.
        + "".join(f"rm -rf -- releases/{shlex.quote(r)} || echo {shlex.quote('zi:keep ' + r)}\n" for r in gone)
        # Unfinished uploads of earlier failed deploys (one deploy at a time is assumed).
        + 'for d in releases/.*.partial; do if [ -d "$d" ]; then rm -rf -- "$d" || true; fi; done\n'
    )
    try:
        out = remote.shell(script, "Mengaktifkan rilis baru")
    except DeployError as exc:
        raise DeployError(str(exc), live_unchanged=False) from None
    echo(f"Rilis {name} aktif: {config.path}/current -> releases/{name}")
    kept = [line[len("zi:keep ") :] for line in out.splitlines() if line.startswith("zi:keep ")]
    gone = [r for r in gone if r not in kept]
    if gone:
        echo(f"Rilis lama dihapus ({len(gone)}): {', '.join(gone)}")
    if kept:
        echo(f"Peringatan: rilis lama gagal dihapus, hapus manual bila perlu: {', '.join(kept)}")
    return name


def rollback(config: DeployConfig, echo: Callable[[str], None] = print) -> str:
    """Point ``current`` at the release before the live one; return its name."""
    with Remote(config) as remote:
        return _rollback(remote, echo)


def _rollback(remote: Remote, echo: Callable[[str], None]) -> str:
    config = remote.config
    state = remote_state(remote, create=False)
    if state.current is None or state.current not in state.releases:
        raise DeployError(f"Belum ada rilis aktif di {config.alamat}; tidak ada yang bisa dikembalikan.")
    i = state.releases.index(state.current)
    if i == 0:
        raise DeployError(
            f"Rilis aktif {state.current} adalah rilis tertua di server; tidak ada rilis sebelumnya untuk dikembalikan."
        )
    previous = state.releases[i - 1]
    try:
        remote.shell(_switch_script(previous), "Mengembalikan rilis sebelumnya")
    except DeployError as exc:
        raise DeployError(str(exc), live_unchanged=False) from None
    echo(f"Dikembalikan: {config.path}/current -> releases/{previous} (sebelumnya {state.current})")
    return previous


def list_releases(config: DeployConfig) -> State:
    with Remote(config) as remote:
        return remote_state(remote, create=False)

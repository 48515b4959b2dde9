"""Publish a built site to the office's web server: rsync over SSH, then an atomic switch.

Remote layout under the configured ``path``::

    releases/20261121T101500Z-1a2b3c4d/   one folder per deploy, never changed after
    current -> releases/20261121T101500Z-1a2b3c4d

The web server's document root is ``<path>/current``. A deploy uploads into a hidden
``releases/.<name>.partial`` folder, renames it when complete, then points ``current`` at
it by renaming a fresh symlink over the old one (``mv -T``: one ``rename(2)``), so a
visitor sees either the old site or the new one, never a mix, and a failed upload leaves
``current`` untouched. Rollback is the same switch to the previous release.

We drive the system ``ssh`` and ``rsync`` (no SSH library): staff's servers already
speak them, their options are documented, and the same commands can be run by hand when
something has to be repaired. Remote commands go to ``sh -s`` on stdin, so the login
shell never re-parses our quoting. The server needs a POSIX shell, GNU coreutils
(``mv -T``, ``readlink``) and rsync.

Configuration (host, user, path, key) comes from ``zi-deploy.toml`` or ``ZI_DEPLOY_*``
environment variables, never from ``plans/`` or ``content/``: those folders are
committed and partly published, and a server key must never be either.

Messages are Indonesian (staff read them). Failures raise ``DeployError``; only the CLI
turns it into an exit status.
"""

from __future__ import annotations

import hashlib
import os
import re
import shlex
import shutil
import subprocess
import tempfile
import tomllib
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Mapping

from generator.importer.plan import PLACEHOLDER
from generator.keluaran import MARKER, is_previous_build

DEFAULT_CONFIG = Path("zi-deploy.toml")
DEFAULT_KEEP = 5
ENV_PREFIX = "ZI_DEPLOY_"
FIELDS = ("host", "user", "path", "key", "port", "keep", "known_hosts")
REQUIRED = ("host", "user", "path", "key")

# 20261121T101500Z-1a2b3c4d, or 20261121T101500Z.01-1a2b3c4d for a second deploy within the
# same second. Plain string order is deploy order ('-' sorts before '.').
RELEASE = re.compile(r"^(?P<ts>\d{8}T\d{6}Z)(?:\.(?P<n>\d{2}))?-(?P<hash>[0-9a-f]{8})$")


class DeployError(Exception):
    """A deploy that cannot start or did not finish.

    ``live_unchanged`` is False only when the failure came while switching ``current``,
    where we cannot know whether the server ran the switch before the connection broke.
    """

    def __init__(self, message: str, live_unchanged: bool = True):
        super().__init__(message)
        self.live_unchanged = live_unchanged


@dataclass(frozen=True)
class DeployConfig:
    host: str
    user: str
    path: str
    key: Path
    port: int = 22
    keep: int = DEFAULT_KEEP
    known_hosts: Path | None = None
    sources: dict[str, str] = field(default_factory=dict, compare=False)  # field -> where it came from

    @property
    def target(self) -> str:
        return f"{self.user}@{self.host}:{self.path}"


# --- configuration -------------------------------------------------------------------


def load_config(config_file: Path | None = None, env: Mapping[str, str] | None = None,
                forbidden_dirs: tuple[Path, ...] = ()) -> DeployConfig:
    """Merge the TOML file (if any) and the environment; the environment wins.

    ``config_file=None`` reads ``zi-deploy.toml`` in the working folder when it exists
    (an explicitly named file must exist). ``forbidden_dirs`` are folders that get
    committed or published (plans, content, the site): neither the config file nor the
    key may live there.
    """
    env = os.environ if env is None else env
    values: dict[str, object] = {}
    sources: dict[str, str] = {}

    explicit = config_file is not None
    path = config_file if explicit else DEFAULT_CONFIG
    if path.is_file():
        _refuse_inside(path, forbidden_dirs, "Berkas konfigurasi penerbitan")
        for name, value in _read_toml(path).items():
            if name == "key" or name == "known_hosts":
                value = _file_value(path, name, value)
            values[name] = value
            sources[name] = str(path)
    elif explicit:
        raise DeployError(f"Berkas konfigurasi penerbitan {path} tidak ditemukan.")

    for name in FIELDS:
        raw = env.get(ENV_PREFIX + name.upper())
        if raw is not None and raw.strip() != "":
            values[name] = raw.strip()
            sources[name] = ENV_PREFIX + name.upper()

    missing = [n for n in REQUIRED if n not in values]
    if missing:
        lines = [f"Konfigurasi penerbitan belum lengkap: {', '.join(missing)} belum diisi."]
        lines.append("Isi di zi-deploy.toml (contoh: zi-deploy.example.toml) atau lewat variabel lingkungan "
                     + ", ".join(ENV_PREFIX + n.upper() for n in missing) + ".")
        raise DeployError("\n".join(lines))

    host, user, remote = (str(values[n]).strip() for n in ("host", "user", "path"))
    for name, text in (("host", host), ("user", user)):
        if not text or text.startswith("-") or any(c.isspace() for c in text) or "@" in text:
            raise DeployError(f"Nilai '{name}' tidak sah: {text!r} ({sources[name]}).")
    if "\n" in remote or remote.startswith("-") or not remote.strip("/"):
        raise DeployError(f"Nilai 'path' tidak sah: {remote!r} ({sources['path']}); tulis folder di server, "
                          "mis. /srv/laman-zi.")
    remote = remote.rstrip("/")

    key = Path(str(values["key"])).expanduser()
    if not key.is_file():
        raise DeployError(f"Berkas kunci SSH {key} tidak ditemukan ({sources['key']}).")
    _refuse_inside(key, forbidden_dirs, "Kunci SSH")
    known = values.get("known_hosts")
    known_hosts = Path(str(known)).expanduser() if known else None
    if known_hosts is not None and not known_hosts.is_file():
        raise DeployError(f"Berkas known_hosts {known_hosts} tidak ditemukan ({sources['known_hosts']}).")

    port = _positive_int(values.get("port", 22), "port", sources)
    if port > 65535:
        raise DeployError(f"Nilai 'port' tidak sah: {port} ({sources['port']}).")
    keep = _positive_int(values.get("keep", DEFAULT_KEEP), "keep", sources)
    return DeployConfig(host=host, user=user, path=remote, key=key, port=port, keep=keep,
                        known_hosts=known_hosts, sources=sources)


def _read_toml(path: Path) -> dict[str, object]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise DeployError(f"{path}: bukan TOML yang sah ({exc}).") from None
    unknown = sorted(set(data) - set(FIELDS))
    if unknown:
        raise DeployError(f"{path}: isian tidak dikenal: {', '.join(unknown)}. "
                          f"Isian yang dikenal: {', '.join(FIELDS)}.")
    return data


def _file_value(config: Path, name: str, value: object) -> Path:
    """A file named in the config file is relative to that file, not to the working folder."""
    if not isinstance(value, str) or not value:
        raise DeployError(f"{config}: isian '{name}' harus berupa nama berkas (teks).")
    p = Path(value).expanduser()
    return p if p.is_absolute() else config.parent / p


def _positive_int(value: object, name: str, sources: dict[str, str]) -> int:
    try:
        number = int(str(value).strip())
    except ValueError:
        number = 0
    if isinstance(value, bool) or number < 1:
        raise DeployError(f"Nilai '{name}' harus bilangan bulat positif, bukan {value!r} "
                          f"({sources.get(name, 'bawaan')}).")
    return number


def _refuse_inside(path: Path, dirs: tuple[Path, ...], what: str) -> None:
    resolved = path.resolve()
    for d in dirs:
        d = d.resolve()
        if resolved == d or d in resolved.parents:
            raise DeployError(f"{what} {path} berada di dalam folder {d}, yang ikut di-commit atau diterbitkan. "
                              "Simpan di luar folder data, konten dan situs.")


# --- local site ----------------------------------------------------------------------


def check_site(site_dir: Path) -> None:
    """Refuse to publish anything that is not a finished build."""
    if not site_dir.is_dir():
        raise DeployError(f"Folder situs {site_dir} tidak ada. Bangun dulu dengan `zi build`.")
    if not any(site_dir.iterdir()):
        raise DeployError(f"Folder situs {site_dir} kosong. Bangun dulu dengan `zi build`.")
    if not (site_dir / "index.html").is_file():
        raise DeployError(f"Folder situs {site_dir} tidak berisi index.html; ini bukan hasil `zi build`. "
                          "Situs tidak diterbitkan.")
    if not is_previous_build(site_dir):
        raise DeployError(f"Folder situs {site_dir} tidak berisi penanda {MARKER} yang ditulis setiap `zi build`; "
                          "ini bukan hasil `zi build`. Bangun dulu dengan `zi build`. Situs tidak diterbitkan.")
    # `zi import` and `zi new-year` write "[ISI: ...]" where staff must still type the decree's
    # text. Such a site builds (so staff can preview it) but must never reach the public.
    unfilled = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html")
                      if PLACEHOLDER in p.read_text(encoding="utf-8", errors="replace"))
    if unfilled:
        shown = ", ".join(unfilled[:5]) + (f" dan {len(unfilled) - 5} halaman lain" if len(unfilled) > 5 else "")
        raise DeployError(f"Situs masih memuat isian {PLACEHOLDER} ...] yang belum diganti, di {shown}. "
                          "Ganti setiap isian bertanda '# ISI' di berkas data, bangun ulang dengan `zi build`, "
                          "lalu terbitkan lagi. Situs tidak diterbitkan.")


def site_digest(site_dir: Path) -> str:
    """Short content hash: names the release after what it holds, not only when it was sent."""
    h = hashlib.sha256()
    for p in sorted(site_dir.rglob("*")):
        if p.is_file():
            h.update(p.relative_to(site_dir).as_posix().encode() + b"\0")
            h.update(hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()[:8]


def release_name(now: datetime, digest: str, existing: list[str]) -> str:
    """A name that sorts after every existing release, so name order is deploy order.

    Normally the UTC second; when the newest release already has this second (two deploys
    in one second) or a later one (the other deployer's clock runs ahead), reuse its
    second with the next counter, so rollback and pruning stay right.
    """
    ts = now.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    newest = max(existing, default=None)
    if newest is None or RELEASE.match(newest)["ts"] < ts:
        return f"{ts}-{digest}"
    m = RELEASE.match(newest)
    n = int(m["n"] or 0) + 1
    if n > 99:
        raise DeployError("Terlalu banyak penerbitan dalam satu detik; coba lagi sebentar lagi.")
    return f"{m['ts']}.{n:02d}-{digest}"


def to_prune(releases: list[str], current: str | None, keep: int) -> list[str]:
    """The releases beyond the ``keep`` newest, never the live one."""
    old = sorted(releases)[:-keep] if len(releases) > keep else []
    return [r for r in old if r != current]


# --- remote --------------------------------------------------------------------------


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
        opts = ["-p", str(c.port), "-i", str(c.key),
                "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes",
                "-o", "ConnectTimeout=15", "-o", "ServerAliveInterval=15", "-o", "ServerAliveCountMax=4",
                "-o", "LogLevel=ERROR"]
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
        cmd = ["ssh", *self.ssh_options(), "-o", "ControlMaster=yes", "-o", "ControlPersist=120",
               "-N", "-f", "-l", c.user, c.host]
        # The background master keeps our pipes open; its stderr goes to a file we read instead.
        with tempfile.TemporaryFile() as err:
            try:
                code = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                      stderr=err).returncode
            except FileNotFoundError:
                self._cleanup()
                raise DeployError("Program `ssh` tidak terpasang di komputer ini; pasang paket "
                                  "openssh-client lalu coba lagi.") from None
            err.seek(0)
            detail = err.read().decode(errors="replace")
        if code != 0:
            self._cleanup()
            raise self._error("Menghubungi server", "ssh", code, detail)
        return self

    def __exit__(self, *exc: object) -> None:
        c = self.config
        subprocess.run(["ssh", *self.ssh_options(), "-O", "exit", "-l", c.user, c.host],
                       stdin=subprocess.DEVNULL, capture_output=True)
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
        cmd = ["rsync", "--recursive", "--links", "--perms", "--checksum",
               "--chmod=Du=rwx,Dgo=rx,Fu=rw,Fgo=r", "-e", shlex.join(["ssh", *self.ssh_options()])]
        if link_dest:
            cmd.append(f"--link-dest=../{link_dest}/")
        cmd += [f"{site_dir}/", f"{c.user}@{c.host}:{c.path}/releases/{dest}/"]
        self._run(cmd, what)

    def _run(self, cmd: list[str], what: str, input: str | None = None) -> str:
        try:
            result = subprocess.run(cmd, input=input, capture_output=True, text=True)
        except FileNotFoundError:
            raise DeployError(f"Program `{cmd[0]}` tidak terpasang di komputer ini; pasang paket "
                              f"{'openssh-client' if cmd[0] == 'ssh' else 'rsync'} lalu coba lagi.") from None
        if result.returncode != 0:
            raise self._error(what, cmd[0], result.returncode, result.stderr or result.stdout)
        return result.stdout

    def _error(self, what: str, program: str, code: int, detail: str) -> DeployError:
        c = self.config
        detail = detail.strip() or "(tanpa pesan)"
        return DeployError(f"{what} gagal ({program} keluar dengan status {code}) ke "
                           f"{c.user}@{c.host} port {c.port}:\n    " + detail.replace("\n", "\n    "))


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
    script = ((f"mkdir -p {path}/releases\n" if create else "")
              + f"if [ ! -d {path} ]; then echo 'zi:nodir'; exit 0; fi\ncd {path}\n" + _STATE_SCRIPT)
    lines = remote.shell(script, "Membaca rilis di server", cd=False).splitlines()
    if "zi:nodir" in lines:
        return State([], None)
    if "zi:notlink" in lines:
        raise DeployError(f"{c.path}/current di server bukan symlink (mungkin folder lama yang dibuat "
                          "manual). Pindahkan dulu, lalu terbitkan lagi; zi deploy tidak akan menimpanya.")
    current = None
    releases = []
    for line in lines:
        if line.startswith("current "):
            target = line[len("current "):].rstrip("/")
            current = target.rsplit("/", 1)[-1]
        elif RELEASE.match(line):
            releases.append(line)
    return State(sorted(releases), current)


def _switch_script(name: str) -> str:
    """Point ``current`` at ``releases/name`` with one rename; the link is relative so the
    folder can be moved or mounted elsewhere."""
    tmp = shlex.quote(f".current.{name}.tmp")
    return f"ln -sfn {shlex.quote('releases/' + name)} {tmp}\nmv -T {tmp} current\n"


def deploy(config: DeployConfig, site_dir: Path, echo: Callable[[str], None] = print,
           now: datetime | None = None) -> str:
    """Upload ``site_dir`` as a new release, switch to it, prune; return the release name."""
    check_site(site_dir)
    with Remote(config) as remote:
        return _deploy(remote, site_dir, echo, now or datetime.now(timezone.utc))


def _deploy(remote: Remote, site_dir: Path, echo: Callable[[str], None], now: datetime) -> str:
    config = remote.config
    state = remote_state(remote, create=True)
    name = release_name(now, site_digest(site_dir), state.releases)
    partial = f".{name}.partial"
    link = state.current if state.current in state.releases else None
    echo(f"Mengunggah {site_dir} ke {config.target}/releases/{name} ...")
    try:
        remote.rsync(site_dir, partial, link, "Pengunggahan situs")
    except DeployError:
        # Best effort: the connection may be what failed. `current` was never touched, and a
        # leftover partial folder is not a release (its name starts with a dot).
        try:
            remote.shell(f"rm -rf -- releases/{shlex.quote(partial)}\n", "Membersihkan unggahan gagal")
        except DeployError:
            pass
        raise
    gone = to_prune([*state.releases, name], name, config.keep)
    script = (f"mv -T releases/{shlex.quote(partial)} releases/{shlex.quote(name)}\n"
              + _switch_script(name)
              # The site is live from here on: a failed clean-up is reported, not fatal.
              + "".join(f"rm -rf -- releases/{shlex.quote(r)} || echo {shlex.quote('zi:keep ' + r)}\n"
                        for r in gone)
              # Unfinished uploads of earlier failed deploys (one deploy at a time is assumed).
              + "for d in releases/.*.partial; do if [ -d \"$d\" ]; then rm -rf -- \"$d\" || true; fi; done\n")
    try:
        out = remote.shell(script, "Mengaktifkan rilis baru")
    except DeployError as exc:
        raise DeployError(str(exc), live_unchanged=False) from None
    echo(f"Rilis {name} aktif: {config.path}/current -> releases/{name}")
    kept = [line[len("zi:keep "):] for line in out.splitlines() if line.startswith("zi:keep ")]
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
        raise DeployError(f"Belum ada rilis aktif di {config.target}; tidak ada yang bisa dikembalikan.")
    i = state.releases.index(state.current)
    if i == 0:
        raise DeployError(f"Rilis aktif {state.current} adalah rilis tertua di server; "
                          "tidak ada rilis sebelumnya untuk dikembalikan.")
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

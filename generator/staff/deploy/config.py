"""Deploy configuration: ``zi-deploy.toml`` merged with ``ZI_DEPLOY_*`` environment variables.

The server key and address never come from ``plans/`` or ``content/`` (committed, partly published).
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_CONFIG = Path("zi-deploy.toml")
DEFAULT_KEEP = 5
ENV_PREFIX = "ZI_DEPLOY_"
# ssh: rsync + a `current` symlink (needs a shell); sftp: an SFTP-only account; ftps: FTP with
# explicit TLS; ftp: plain FTP, only with the CLI's --izinkan-ftp-tanpa-enkripsi.
TARGETS = ("ssh", "sftp", "ftps", "ftp")
# rilis: release folders switched by renames, `current` is the web root; langsung: the hosting
# panel's web root itself (public_html), changed files only.
MODES = ("rilis", "langsung")
FILE_FIELDS = ("key", "known_hosts", "password_file", "ca_file")
FIELDS = (
    "target",
    "host",
    "user",
    "path",
    "key",
    "port",
    "keep",
    "known_hosts",
    "mode",
    "password_file",
    "sidik_jari",
    "ca_file",
)
# Only from the environment (a CI secret), never a file in the working folder.
PASSWORD_ENV = ENV_PREFIX + "PASSWORD"
DEFAULT_PORT = {"ssh": 22, "sftp": 22, "ftps": 21, "ftp": 21}


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
    key: Path | None
    port: int = 22
    keep: int = DEFAULT_KEEP
    known_hosts: Path | None = None
    target: str = "ssh"
    mode: str = "rilis"
    # repr=False: a config printed in a log or a traceback never shows the password.
    password: str | None = field(default=None, repr=False)
    sidik_jari: str | None = None
    ca_file: Path | None = None
    sources: dict[str, str] = field(default_factory=dict, compare=False)  # field -> where it came from

    @property
    def alamat(self) -> str:
        """Where the site goes, as staff read it in messages (never with the password)."""
        if self.target == "ssh":
            return f"{self.user}@{self.host}:{self.path}"
        return (
            f"{self.target}://{self.user}@{self.host}:{self.port}{'' if self.path.startswith('/') else '/'}{self.path}"
        )


def load_config(
    config_file: Path | None = None, env: Mapping[str, str] | None = None, forbidden_dirs: tuple[Path, ...] = ()
) -> DeployConfig:
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
    path = DEFAULT_CONFIG if config_file is None else config_file
    if path.is_file():
        _refuse_inside(path, forbidden_dirs, "Berkas konfigurasi penerbitan")
        for name, value in _read_toml(path).items():
            if name in FILE_FIELDS:
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

    target = str(values.get("target", "ssh")).strip().lower()
    if target not in TARGETS:
        raise DeployError(
            f"Nilai 'target' tidak sah: {target!r} ({sources.get('target')}); pilih salah satu: {', '.join(TARGETS)}."
        )
    password = _password(values, sources, env, forbidden_dirs)
    required = ["host", "user", "path"]
    if target == "ssh" or (target == "sftp" and password is None):
        required.append("key")
    missing = [n for n in required if n not in values]
    if target in ("ftps", "ftp") and password is None:
        missing.append("password")
    if missing:
        lines = [f"Konfigurasi penerbitan belum lengkap: {', '.join(missing)} belum diisi."]
        lines.append(
            "Isi di zi-deploy.toml (contoh: zi-deploy.example.toml) atau lewat variabel lingkungan "
            + ", ".join(ENV_PREFIX + n.upper() for n in missing)
            + "."
        )
        if "password" in missing:
            lines.append(
                f"Kata sandi hanya dibaca dari variabel lingkungan {PASSWORD_ENV} (rahasia CI) atau dari berkas "
                "yang disebut password_file, di luar repositori; tidak pernah dari zi-deploy.toml."
            )
        raise DeployError("\n".join(lines))

    host, user, remote = (str(values[n]).strip() for n in ("host", "user", "path"))
    for name, text in (("host", host), ("user", user)):
        if not text or text.startswith("-") or any(c.isspace() for c in text) or "@" in text:
            raise DeployError(f"Nilai '{name}' tidak sah: {text!r} ({sources[name]}).")
    if "\n" in remote or remote.startswith("-") or not remote.strip("/"):
        raise DeployError(
            f"Nilai 'path' tidak sah: {remote!r} ({sources['path']}); tulis folder di server, mis. /srv/laman-zi."
        )
    remote = remote.rstrip("/")

    key: Path | None = None
    if "key" in values and target in ("ssh", "sftp"):
        key = Path(str(values["key"])).expanduser()
        if not key.is_file():
            raise DeployError(f"Berkas kunci SSH {key} tidak ditemukan ({sources['key']}).")
        _refuse_inside(key, forbidden_dirs, "Kunci SSH")
    known_hosts = _existing_file(values, sources, "known_hosts", "Berkas known_hosts")
    ca_file = _existing_file(values, sources, "ca_file", "Berkas sertifikat CA")

    mode = str(values.get("mode", "rilis")).strip().lower()
    if mode not in MODES:
        raise DeployError(f"Nilai 'mode' tidak sah: {mode!r} ({sources.get('mode')}); pilih rilis atau langsung.")
    if target == "ssh" and mode != "rilis":
        raise DeployError(
            f"Mode 'langsung' tidak tersedia untuk target ssh ({sources.get('mode')}); target ssh selalu memakai "
            "rilis dengan symlink current. Untuk folder public_html panel hosting pakai target sftp atau ftps."
        )
    sidik = values.get("sidik_jari")
    if sidik and target == "ssh":
        raise DeployError(
            f"Isian 'sidik_jari' ({sources.get('sidik_jari')}) tidak dipakai target ssh, yang memeriksa kunci host "
            "lewat known_hosts. Tulis baris kunci host server di berkas known_hosts, atau pakai target sftp."
        )
    sidik_jari = normal_fingerprint(target, str(sidik), sources.get("sidik_jari", "")) if sidik else None

    port = _positive_int(values.get("port", DEFAULT_PORT[target]), "port", sources)
    if port > 65535:
        raise DeployError(f"Nilai 'port' tidak sah: {port} ({sources['port']}).")
    keep = _positive_int(values.get("keep", DEFAULT_KEEP), "keep", sources)
    return DeployConfig(
        host=host,
        user=user,
        path=remote,
        key=key,
        port=port,
        keep=keep,
        known_hosts=known_hosts,
        target=target,
        mode=mode,
        password=password,
        sidik_jari=sidik_jari,
        ca_file=ca_file,
        sources=sources,
    )


def normal_fingerprint(target: str, text: str, source: str) -> str:
    """``SHA256:<base64>`` (an SSH host key, as ``ssh-keygen -lf`` prints it) or 64 hex digits
    (a TLS certificate's SHA-256, as ``openssl x509 -fingerprint -sha256`` prints it, colons and
    case ignored)."""
    text = text.strip()
    if target in ("ssh", "sftp"):
        if not text.startswith("SHA256:") or len(text) < 20:
            raise DeployError(
                f"Nilai 'sidik_jari' tidak sah: {text!r} ({source}). Untuk server SSH/SFTP tulis sidik jari kunci "
                "host seperti yang dicetak `ssh-keygen -lf`, mis. SHA256:abc123...; mintalah dari pengelola hosting."
            )
        return text
    digits = text.replace(":", "").replace(" ", "").lower()
    if len(digits) != 64 or any(c not in "0123456789abcdef" for c in digits):
        raise DeployError(
            f"Nilai 'sidik_jari' tidak sah: {text!r} ({source}). Untuk server FTPS tulis sidik jari SHA-256 "
            "sertifikat (64 digit heksadesimal, boleh dengan titik dua), seperti yang dicetak "
            "`openssl x509 -noout -fingerprint -sha256`."
        )
    return digits


def _password(
    values: dict[str, object], sources: dict[str, str], env: Mapping[str, str], forbidden: tuple[Path, ...]
) -> str | None:
    """The password from the environment (a CI secret) or from a file outside the repository."""
    raw = env.get(PASSWORD_ENV)
    if raw:
        sources["password"] = PASSWORD_ENV
        return raw
    if "password_file" not in values:
        return None
    p = Path(str(values["password_file"])).expanduser()
    if not p.is_file():
        raise DeployError(f"Berkas kata sandi {p} tidak ditemukan ({sources['password_file']}).")
    _refuse_inside(p, forbidden, "Berkas kata sandi")
    text = p.read_text(encoding="utf-8").strip("\r\n")
    if not text:
        raise DeployError(f"Berkas kata sandi {p} kosong ({sources['password_file']}).")
    sources["password"] = str(p)
    return text


def _existing_file(values: dict[str, object], sources: dict[str, str], name: str, what: str) -> Path | None:
    raw = values.get(name)
    if not raw:
        return None
    p = Path(str(raw)).expanduser()
    if not p.is_file():
        raise DeployError(f"{what} {p} tidak ditemukan ({sources[name]}).")
    return p


def _read_toml(path: Path) -> dict[str, object]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise DeployError(f"{path}: bukan TOML yang sah ({exc}).") from None
    if "password" in data or "kata_sandi" in data:
        raise DeployError(
            f"{path}: jangan tulis kata sandi di berkas konfigurasi (berkas ini mudah ikut tersalin atau "
            f"di-commit). Hapus isian itu; pakai variabel lingkungan {PASSWORD_ENV} (rahasia CI) atau "
            'password_file = "~/.config/laman-zi/sandi" (berkas di luar repositori).'
        )
    unknown = sorted(set(data) - set(FIELDS))
    if unknown:
        raise DeployError(
            f"{path}: isian tidak dikenal: {', '.join(unknown)}. Isian yang dikenal: {', '.join(FIELDS)}."
        )
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
        raise DeployError(
            f"Nilai '{name}' harus bilangan bulat positif, bukan {value!r} ({sources.get(name, 'bawaan')})."
        )
    return number


def _refuse_inside(path: Path, dirs: tuple[Path, ...], what: str) -> None:
    resolved = path.resolve()
    for d in dirs:
        d = d.resolve()
        if resolved == d or d in resolved.parents:
            raise DeployError(
                f"{what} {path} berada di dalam folder {d}, yang ikut di-commit atau diterbitkan. "
                "Simpan di luar folder data, konten dan situs."
            )

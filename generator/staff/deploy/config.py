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
FIELDS = ("host", "user", "path", "key", "port", "keep", "known_hosts")
REQUIRED = ("host", "user", "path", "key")


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
        lines.append(
            "Isi di zi-deploy.toml (contoh: zi-deploy.example.toml) atau lewat variabel lingkungan "
            + ", ".join(ENV_PREFIX + n.upper() for n in missing)
            + "."
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
    return DeployConfig(
        host=host, user=user, path=remote, key=key, port=port, keep=keep, known_hosts=known_hosts, sources=sources
    )


def _read_toml(path: Path) -> dict[str, object]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise DeployError(f"{path}: bukan TOML yang sah ({exc}).") from None
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

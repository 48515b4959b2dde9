"""Where a command may write ("keluaran": output): the guard every writing command passes first.

No command may write into or over what staff keep in git or what the machine
holds besides: the data folder, ``content/`` (docs_dir), ``theme/``, ``.git``,
the repository root itself, or the user's home. Paths are resolved (symlinks
too) before they are compared, so ``site -> plans`` is caught like ``plans``.

The rules, per kind of target (each refusal is a ``KeluaranError`` with an
Indonesian message naming the folder and what to do instead; nothing is written):

- a folder that is replaced whole (``zi build --site-dir``, plain ``mkdocs build``):
  it must not be, hold, or sit inside the data folder, content/, theme/ or any
  ``.git``; it must not be, or hold, the repository root or the home folder (a
  site inside the repository, ``site/``, is the normal case). An existing folder
  must be empty or hold the marker ``MARKER`` that every build writes at the
  site root, so only a previous build of a site is ever replaced;
- a folder written into (``zi schema --out``): the same, without the marker
  (it only adds or rewrites its own ``*.schema.json`` files);
- the data folder written into (``zi new-year``, which adds ``<tahun>/``): it
  must not be, hold, or sit inside content/, theme/ or ``.git``, nor be or hold
  the repository root or the home folder;
- a file (``zi import --out``): a ``.yaml`` file not inside content/, theme/ or
  ``.git``; inside the data folder only ``<tahun>/rencana-aksi.yaml`` of the
  imported year; never an existing file elsewhere in the repository (mkdocs.yml).

Only this module and ``generator.cli``/``generator.plugin`` know these rules; the
commands call one function each.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import yaml

MARKER = ".laman-zi-situs"
# Fixed text: the marker is part of the build output and the same input gives the same bytes.
MARKER_TEXT = (
    "Folder ini hasil `zi build` (Laman ZI). `zi build` berikutnya boleh menggantinya seluruhnya;\n"
    "jangan simpan berkas lain di sini.\n"
)
PLAN_FILE = "rencana-aksi.yaml"  # as generator.load.tahun.PLAN_FILE (not imported: no load cycle)


class KeluaranError(Exception):
    """A refused output target (Indonesian message); nothing was written."""


@dataclass(frozen=True)
class Repo:
    """The folders a command must never write into, resolved. ``root`` is the folder of mkdocs.yml."""

    root: Path | None
    plans: Path | None
    content: Path | None
    theme: Path | None

    @classmethod
    def of(cls, root: Path | None, plans: Path | None, content: Path | None, theme: Path | None) -> Repo:
        return cls(*(None if p is None else _real(p) for p in (root, plans, content, theme)))

    @classmethod
    def from_config_file(cls, config_file: Path = Path("mkdocs.yml"), plans: Path | None = None) -> Repo:
        """Read docs_dir, theme.custom_dir and the zi plugin's ``plans`` from mkdocs.yml (when it exists).

        Without mkdocs.yml the usual folders next to the working folder are still protected.
        """
        cfg = _read_mkdocs_yml(config_file)
        if cfg is None:
            return cls.of(None, plans or Path("plans"), Path("content"), Path("theme"))
        root = config_file.parent
        theme_cfg = cfg.get("theme")
        theme: dict = theme_cfg if isinstance(theme_cfg, dict) else {}
        zi: dict = next(
            (p["zi"] for p in cfg.get("plugins") or [] if isinstance(p, dict) and isinstance(p.get("zi"), dict)), {}
        )
        env_plans = os.environ.get("ZI_PLANS")  # generator.plugin.PLANS_ENV
        return cls.of(
            root,
            plans or (Path(env_plans) if env_plans else root / str(zi.get("plans") or "plans")),
            root / str(cfg.get("docs_dir") or "docs"),
            root / str(theme.get("custom_dir") or "theme"),
        )


def check_site_dir(target: Path, repo: Repo) -> Path:
    """The resolved folder a build may replace whole; KeluaranError otherwise."""
    fix = (
        "Pilih folder hasil tersendiri, mis. --site-dir site (bawaan), di luar folder data, content/, theme/ dan .git."
    )
    real = _real(target)
    _refuse_protected(target, real, repo, fix, data_inside=False)
    if os.path.lexists(real) and not real.is_dir():
        raise KeluaranError(
            f"{_shown(target, real)} adalah berkas, bukan folder hasil `zi build`. {fix} Tidak ada yang diubah."
        )
    if real.is_dir() and any(real.iterdir()) and not is_previous_build(real):
        raise KeluaranError(
            f"Folder {_shown(target, real)} sudah berisi berkas dan bukan hasil `zi build` (tidak ada penanda "
            f"{MARKER}); `zi build` hanya mengganti folder kosong atau hasil pembangunan sebelumnya. Pilih folder "
            "lain dengan --site-dir, atau kosongkan folder itu sendiri bila isinya memang boleh dihapus. "
            "Tidak ada yang diubah."
        )
    return real


def check_write_dir(target: Path, repo: Repo, option: str) -> Path:
    """A folder a command writes its own files into (not replaced): ``zi schema --out``."""
    real = _real(target)
    _refuse_protected(
        target,
        real,
        repo,
        f"Pilih folder lain dengan {option}, di luar folder data, content/, theme/ dan .git.",
        data_inside=False,
    )
    return real


def check_data_dir(plans: Path, repo: Repo) -> Path:
    """The data folder a command adds a year folder to (``zi new-year``)."""
    real = _real(plans)
    _refuse_protected(
        plans, real, repo, "Pilih folder data yang benar dengan --plans (bawaan: plans).", data_inside=True
    )
    return real


def check_import_file(target: Path, repo: Repo, tahun: int) -> Path:
    """The file ``zi import`` may write: a plan, never over another data or repository file."""
    real = _real(target)
    fix = (
        f"Tulis ke {repo.plans.name if repo.plans else 'plans'}/{tahun}/{PLAN_FILE} (bawaan) atau ke berkas .yaml "
        "di luar repositori, mis. --out /tmp/rencana-aksi.yaml."
    )
    if real.suffix.lower() not in (".yaml", ".yml"):
        raise KeluaranError(
            f"Berkas tujuan {_shown(target, real)} bukan berkas .yaml; zi import menulis YAML. "
            f"{fix} Tidak ada yang diubah."
        )
    for folder, what in ((repo.content, "folder halaman dan unggahan"), (repo.theme, "folder tema")):
        if folder is not None and _inside(real, folder):
            raise KeluaranError(
                f"Berkas tujuan {_shown(target, real)} berada di dalam {what} {folder}. {fix} Tidak ada yang diubah."
            )
    git = _git_part(real)
    if git is not None:
        raise KeluaranError(
            f"Berkas tujuan {_shown(target, real)} berada di dalam folder riwayat git {git}. {fix} "
            "Tidak ada yang diubah."
        )
    if repo.plans is not None and _inside(real, repo.plans):
        if real.relative_to(repo.plans).parts != (str(tahun), PLAN_FILE):
            raise KeluaranError(
                f"Berkas tujuan {_shown(target, real)} berada di dalam folder data {repo.plans}, tetapi bukan "
                f"{tahun}/{PLAN_FILE}; zi import tidak menulis di atas berkas data lain (satker.yaml, realisasi, "
                f"rekap). {fix} Tidak ada yang diubah."
            )
    elif repo.root is not None and _inside(real, repo.root) and os.path.lexists(real):
        raise KeluaranError(
            f"Berkas tujuan {_shown(target, real)} sudah ada di repositori {repo.root}; zi import "
            f"tidak menimpa berkas repositori. {fix} Tidak ada yang diubah."
        )
    return real


def is_previous_build(folder: Path) -> bool:
    marker = folder / MARKER
    try:
        return marker.is_file() and not marker.is_symlink() and marker.read_bytes() == MARKER_TEXT.encode()
    except OSError:
        return False


def write_marker(site_dir: Path) -> None:
    site_dir.mkdir(parents=True, exist_ok=True)
    (site_dir / MARKER).write_bytes(MARKER_TEXT.encode())


# --- comparing ----------------------------------------------------------------------


def _refuse_protected(target: Path, real: Path, repo: Repo, fix: str, data_inside: bool) -> None:
    """Refuse ``real`` when it is, holds or (for the first group) sits inside a protected folder.

    ``data_inside``: the target is the data folder itself (zi new-year), so the data
    folder is not a protected folder for it.
    """
    git = _git_part(real)
    if git is not None:
        relation = "adalah" if real == git else "berada di dalam"
        raise KeluaranError(
            f"Folder tujuan {_shown(target, real)} {relation} folder riwayat git {git}. {fix} Tidak ada yang diubah."
        )
    candidates: list[tuple[Path | None, str, bool]] = [
        (None if data_inside else repo.plans, "folder data", True),
        (repo.content, "folder halaman dan unggahan (docs_dir)", True),
        (repo.theme, "folder tema", True),
        (repo.root / ".git" if repo.root else None, "folder riwayat git", True),
        (repo.root, "folder repositori (tempat mkdocs.yml)", False),
        (_home(), "folder rumah (home) pengguna", False),
    ]
    groups = [(f, what, no_inside) for f, what, no_inside in candidates if f is not None]
    for folder, what, _ in groups:  # "is" first: `--site-dir .` is the repository, not "holds plans/"
        if real == folder:
            raise KeluaranError(
                f"Folder tujuan {_shown(target, real)} adalah {what} {folder}. {fix} Tidak ada yang diubah."
            )
    for folder, what, no_inside in groups:
        if _inside(folder, real):
            relation = "memuat"
        elif no_inside and _inside(real, folder):
            relation = "berada di dalam"
        else:
            continue
        raise KeluaranError(
            f"Folder tujuan {_shown(target, real)} {relation} {what} {folder}. {fix} Tidak ada yang diubah."
        )


def _real(path: Path) -> Path:
    return Path(os.path.realpath(os.path.abspath(path)))


def _inside(path: Path, folder: Path) -> bool:
    """``path`` strictly inside ``folder`` (both resolved)."""
    return path != folder and path.is_relative_to(folder)


def _git_part(real: Path) -> Path | None:
    parts = real.parts
    if ".git" in parts:
        return Path(*parts[: parts.index(".git") + 1])
    return None


def _home() -> Path | None:
    try:
        return _real(Path.home())
    except (RuntimeError, KeyError, OSError):
        return None


def _shown(target: Path, real: Path) -> str:
    return str(target) if _real(target) == Path(os.path.abspath(target)) else f"{target} (= {real})"


class _AnyTagLoader(yaml.SafeLoader):
    """mkdocs.yml may hold !ENV or !!python/name tags: read them as nothing, the rest as usual."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def _read_mkdocs_yml(config_file: Path) -> dict | None:
    try:
        data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_AnyTagLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    return data if isinstance(data, dict) else None

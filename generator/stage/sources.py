"""Reading the repository's inputs for the stage: mkdocs.yml, the files of content/ and of theme/."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

# Python-Markdown page suffixes MkDocs treats as pages (mkdocs.utils.markdown_extensions).
PAGE_SUFFIXES = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")
# Template and stage-only files of theme/ that are not published as they are (MkDocs skips them too).
_THEME_SKIP_SUFFIXES = (".html", ".py", ".pyc")
STAGE_TEMPLATES = "zi"  # theme/zi/: the Jinja2 templates of the pages, used by the stage only


class _AnyTagLoader(yaml.SafeLoader):
    """mkdocs.yml may hold !ENV or !!python/name tags: read them as nothing, the rest as usual."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_config(config_file: Path) -> dict[str, Any]:
    from generator.stage.prepared import StageError

    try:
        data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_AnyTagLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise StageError(f"{config_file}: berkas konfigurasi situs tidak dapat dibaca ({exc})") from None
    if not isinstance(data, dict):
        raise StageError(f"{config_file}: berkas konfigurasi situs harus berisi pasangan 'nama: nilai'")
    return data


def zi_options(config: dict[str, Any]) -> dict[str, Any]:
    """The options written under the ``zi`` plugin in mkdocs.yml (empty when absent)."""
    for item in config.get("plugins") or []:
        if isinstance(item, dict) and "zi" in item:
            return item["zi"] if isinstance(item["zi"], dict) else {}
    return {}


def theme_dir(root: Path, config: dict[str, Any]) -> Path:
    theme = config.get("theme")
    return root / str((theme.get("custom_dir") if isinstance(theme, dict) else None) or "theme")


def _published(rel: Path) -> bool:
    """MkDocs' default ``exclude_docs``: no dot files or folders, no top-level templates/."""
    return not any(part.startswith(".") for part in rel.parts) and rel.parts[0] != "templates"


def walk(folder: Path) -> list[Path]:
    """Every file under ``folder``, relative, following symlinked folders as MkDocs does (os.walk).

    The loader has already refused any symlink that leaves the repository or loops.
    """
    found = []
    for here, _dirs, names in os.walk(folder, followlinks=True):
        found += [(Path(here) / n).relative_to(folder) for n in names if (Path(here) / n).is_file()]
    return found


def content_files(content_dir: Path) -> list[str]:
    """Every file of content/ the site publishes, as sorted site paths ('unggahan/x.pdf')."""
    if not content_dir.is_dir():
        return []
    return sorted(rel.as_posix() for rel in walk(content_dir) if _published(rel))


def theme_files(theme_dir: Path) -> list[str]:
    """Files of theme/ the engine copies into the site as they are (CSS, JS, fonts)."""
    if not theme_dir.is_dir():
        return []
    return sorted(
        rel.as_posix()
        for rel in walk(theme_dir)
        if _published(rel) and rel.parts[0] != STAGE_TEMPLATES and rel.suffix not in _THEME_SKIP_SUFFIXES
    )


def is_page(src: str) -> bool:
    return src.lower().endswith(PAGE_SUFFIXES)


def read_page(path: Path) -> str:
    """A page's text as MkDocs reads it (UTF-8, a leading byte-order mark dropped)."""
    return path.read_bytes().decode("utf-8-sig")

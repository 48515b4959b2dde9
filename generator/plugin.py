"""MkDocs adapter: the ``zi`` plugin. One of two modules allowed to import mkdocs.

It loads the data folder, hands MkDocs the generated pages as virtual files,
fills placeholders in hand-written pages, and makes ``mkdocs serve`` reload
when a YAML file changes. Everything else lives in plain-Python modules.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from generator.errors import DataError
from generator.load import load_site
from generator.pages import NavEntry, Page, build_pages, navigation
from generator.pages.content import UnknownPlaceholder, expand
from generator.pages.render import environment

PLANS_ENV = "ZI_PLANS"  # set by `zi build --plans DIR`


class ZiConfig(Config):
    plans = opt.Type(str, default="plans")


class ZiPlugin(BasePlugin[ZiConfig]):
    def on_config(self, config: Any) -> Any:
        root = Path(config.config_file_path or ".").resolve().parent
        self.plans_dir = Path(os.environ.get(PLANS_ENV) or (root / self.config.plans)).resolve()
        self.templates = Path(config.theme.custom_dir or root / "theme") / "zi"
        try:
            self.site = load_site(self.plans_dir, content_dir=Path(config.docs_dir))
        except DataError as exc:
            raise PluginError(exc.report(self.plans_dir)) from None
        satker = self.site.satker
        config.site_name = f"Zona Integritas {satker.singkatan}"
        config.site_description = (f"Rencana aksi dan capaian pembangunan Zona Integritas {satker.nama} "
                                   "menuju WBK/WBBM.")
        config.copyright = f"{satker.nama}. Isi situs ini dapat digunakan ulang dengan menyebut sumbernya."
        self.env = environment(self.templates)
        self.pages: list[Page] = build_pages(self.site, env=self.env)
        ours = [_nav_item(e) for e in navigation(self.site)]
        config.nav = ours + list(config.nav or _content_nav(Path(config.docs_dir)))
        return config

    def on_files(self, files: Files, config: Any) -> Files:
        for page in self.pages:
            if files.get_file_from_path(page.path) is not None:
                raise PluginError(f"content/{page.path} bertabrakan dengan halaman yang dibuat dari data; "
                                  "ganti nama berkas tersebut")
            files.append(File.generated(config, page.path, content=page.markdown))
        return files

    def on_page_markdown(self, markdown: str, page: Any, config: Any, files: Files) -> str:
        if page.file.generated_by:
            return markdown
        try:
            return expand(markdown, self.site, self.env)
        except UnknownPlaceholder as exc:
            raise PluginError(f"content/{page.file.src_uri}: {exc}") from None

    def on_serve(self, server: Any, config: Any, builder: Any) -> Any:
        server.watch(str(self.plans_dir))
        server.watch(str(self.templates))
        return server


def _nav_item(entry: NavEntry) -> dict[str, Any]:
    if entry.children:
        return {entry.title: [_nav_item(c) for c in entry.children]}
    return {entry.title: entry.path}


def _content_nav(docs_dir: Path) -> list[Any]:
    """Hand-written pages in content/, in file-name order, titled by MkDocs itself."""
    return sorted(str(p.relative_to(docs_dir).as_posix()) for p in docs_dir.rglob("*.md"))

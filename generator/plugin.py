"""MkDocs adapter: the ``zi`` plugin. One of two modules allowed to import mkdocs.

It loads the data folder, hands MkDocs the generated pages as virtual files,
fills placeholders in hand-written pages, and makes ``mkdocs serve`` reload
when a YAML file changes. Everything else lives in plain-Python modules.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path
from typing import Any, NoReturn

from markupsafe import escape
from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from generator import keluaran
from generator.errors import DEBUG_ENV, DataError, internal_error_message, laporan_peringatan
from generator.html.aria import finish_page
from generator.load import load_site
from generator.pages import NavEntry, Page, build_pages, navigation
from generator.pages.content import UnknownPlaceholder, expand
from generator.pages.content_links import broken_links
from generator.pages.render import environment

PLANS_ENV = "ZI_PLANS"  # set by `zi build --plans DIR`


class ZiConfig(Config):
    plans = opt.Type(str, default="plans")


class ZiPlugin(BasePlugin[ZiConfig]):
    def on_config(self, config: Any) -> Any:
        root = Path(config.config_file_path or ".").resolve().parent
        # Not resolved for loading: a data folder that is itself a symlink out of the repository is refused.
        plans = Path(os.path.abspath(os.environ.get(PLANS_ENV) or (root / self.config.plans)))
        self.plans_dir = plans.resolve()
        self.templates = Path(config.theme.custom_dir or root / "theme") / "zi"
        # Plain `mkdocs build` empties its site_dir: the same output-folder guard as `zi build`.
        repo = keluaran.Repo.of(root, self.plans_dir, Path(config.docs_dir), Path(self.templates).parent)
        try:
            keluaran.check_site_dir(Path(config.site_dir), repo)
        except keluaran.KeluaranError as exc:
            raise PluginError(str(exc)) from None
        try:
            self.site = load_site(plans, content_dir=Path(config.docs_dir), repo_root=root)
        except DataError as exc:
            warnings = laporan_peringatan(exc.peringatan, plans)
            raise PluginError(exc.report(plans) + (f"\n{warnings}" if warnings else "")) from None
        except Exception as exc:
            _internal(exc)
        if self.site.peringatan:
            # Printed, not logged: MkDocs' strict mode (on in mkdocs.yml) fails a build on any
            # logged warning, and these must not stop it.
            print(laporan_peringatan(self.site.peringatan, plans), file=sys.stderr)
        satker = self.site.satker
        # Material's templates print these unescaped (MkDocs' theme environment has no
        # autoescape), so they are escaped here; Markup keeps its own `| e` from doubling it.
        config.site_name = escape(f"Zona Integritas {satker.singkatan}")
        config.site_description = escape(f"Rencana aksi dan capaian pembangunan Zona Integritas {satker.nama} "
                                         "menuju WBK/WBBM.")
        config.copyright = escape(f"{satker.nama}. Isi situs ini dapat digunakan ulang dengan menyebut sumbernya.")
        date = self.site.tanggal_data
        self.build_date = dt.datetime.combine(date, dt.time(), dt.timezone.utc) if date else None
        self.env = environment(self.templates)
        try:
            self.pages: list[Page] = build_pages(self.site, env=self.env)
        except Exception as exc:
            _internal(exc)
        ours = [_nav_item(e) for e in navigation(self.site)]
        config.nav = ours + list(config.nav or _content_nav(Path(config.docs_dir)))
        return config

    def on_pre_build(self, config: Any) -> None:
        # Before MkDocs empties and fills site_dir (it keeps dot files): a later build may replace this folder.
        keluaran.write_marker(Path(config.site_dir))

    def on_files(self, files: Files, config: Any) -> Files:
        for page in self.pages:
            if files.get_file_from_path(page.path) is not None:
                raise PluginError(f"content/{page.path} bertabrakan dengan halaman yang dibuat dari data; "
                                  "ganti nama berkas tersebut")
            files.append(File.generated(config, page.path, content=page.markdown))
        # Broken links in content/ pages: our message with file and line, before MkDocs' English warning.
        docs = Path(config.docs_dir)
        known = {f.src_uri for f in files}
        problems = [p for f in files.documentation_pages() if not f.generated_by
                    for p in broken_links(docs / f.src_uri, f.src_uri, f.content_string, known)]
        if problems:
            raise PluginError(DataError(problems).report(docs.parent))
        return files

    def on_page_markdown(self, markdown: str, page: Any, config: Any, files: Files) -> str:
        if page.file.generated_by:
            return markdown
        try:
            return expand(markdown, self.site, self.env)
        except UnknownPlaceholder as exc:
            raise PluginError(f"content/{page.file.src_uri}: {exc}") from None

    # Deterministic output: MkDocs dates pages with the clock (or SOURCE_DATE_EPOCH) when it
    # creates them; that date becomes the sitemap's <lastmod>, the mtime in the header of
    # sitemap.xml.gz (the newest page date) and the templates' build_date_utc. The three
    # hooks below replace it with the data's own newest date (Site.tanggal_data), so the
    # same data gives the same bytes whatever the day, time zone or environment, with
    # `zi build` and with plain `mkdocs build` alike. Nothing global (os.environ) is touched.
    def on_pre_page(self, page: Any, config: Any, files: Files) -> Any:
        if self.build_date is not None:
            page.update_date = self.build_date.strftime("%Y-%m-%d")
        return page

    def on_page_context(self, context: Any, page: Any, config: Any, nav: Any) -> Any:
        return self._dated(context)

    def on_template_context(self, context: Any, template_name: str, config: Any) -> Any:
        return self._dated(context)

    def _dated(self, context: Any) -> Any:
        if self.build_date is not None:
            context["build_date_utc"] = self.build_date
        return context

    def on_post_page(self, output: str, page: Any, config: Any) -> str:
        return finish_page(output)

    def on_post_template(self, output_content: str, template_name: str, config: Any) -> str:
        # The only hook that sees 404.html.
        return finish_page(output_content) if template_name.endswith(".html") else output_content

    def on_serve(self, server: Any, config: Any, builder: Any) -> Any:
        server.watch(str(self.plans_dir))
        server.watch(str(self.templates))
        return server


def _internal(exc: Exception) -> NoReturn:
    """A bug in Laman ZI (not in the data): a plain message under `mkdocs build` too, unless ZI_DEBUG=1."""
    if os.environ.get(DEBUG_ENV, "").strip() not in ("", "0"):
        raise exc
    raise PluginError(internal_error_message(exc)) from exc


def _nav_item(entry: NavEntry) -> dict[str, Any]:
    if entry.children:
        return {entry.title: [_nav_item(c) for c in entry.children]}
    return {entry.title: entry.path}


def _content_nav(docs_dir: Path) -> list[Any]:
    """Hand-written pages in content/, in file-name order, titled by MkDocs itself."""
    return sorted(str(p.relative_to(docs_dir).as_posix()) for p in docs_dir.rglob("*.md"))

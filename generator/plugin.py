"""MkDocs adapter: the ``zi`` plugin, a thin layer over the content stage (generator.stage).

Plain ``mkdocs build`` and ``mkdocs serve`` (which reloads when a YAML file changes) run the
same ``prepare`` as ``zi build``; the hooks only hand its result to MkDocs: the generated pages
as virtual files, the filled hand-written pages, site name and navigation. No data logic here.

Post-processing and dates (the hooks below the first three):

* ``on_post_page``/``on_post_template``: ``generator.html.aria.finish_page``, as in
  ``generator.engines.material`` (markup the engine writes after the content is rendered).
* ``on_post_build``: the finishing steps ``zi build`` runs after either engine (``generator.rampung``).
* ``on_pre_page``/``on_page_context``/``on_template_context``: every page date and the templates'
  ``build_date_utc`` are the data's newest date (``Prepared.build_date``). ``zi build`` sets
  ``SOURCE_DATE_EPOCH`` in the engine's environment instead; under plain ``mkdocs build`` the
  environment is the user's and is read before any plugin runs, and a plugin must not change
  os.environ for the rest of the process (``mkdocs serve`` lives on), so hooks are the only way.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any, NoReturn

from markupsafe import Markup
from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from generator import keluaran
from generator.errors import DEBUG_ENV, internal_error_message, laporan_peringatan
from generator.html.aria import finish_page
from generator.stage import StageError, prepare
from generator.stage.prepared import PLANS_ENV, Prepared, engine_extra, engine_nav, engine_theme, plans_dir  # noqa: F401  (PLANS_ENV re-exported)
from generator.stage.sources import read_config


class ZiConfig(Config):
    plans = opt.Type(str, default="plans")


class ZiPlugin(BasePlugin[ZiConfig]):
    def on_config(self, config: Any) -> Any:
        config_file = Path(os.path.abspath(config.config_file_path or "mkdocs.yml"))
        root = config_file.parent
        raw = read_config(config_file)
        raw.setdefault("docs_dir", os.path.relpath(config.docs_dir, root))
        theme = raw.get("theme")
        raw["theme"] = {
            **(theme if isinstance(theme, dict) else {}),
            "custom_dir": config.theme.custom_dir or str(root / "theme"),
        }
        raw["plugins"] = [{"zi": {"plans": self.config.plans}}]
        self.plans_dir = plans_dir(root, raw).resolve()
        self.templates = Path(raw["theme"]["custom_dir"]) / "zi"
        # Plain `mkdocs build` empties its site_dir: the same output-folder guard as `zi build`.
        repo = keluaran.Repo.of(root, self.plans_dir, Path(config.docs_dir), self.templates.parent)
        try:
            keluaran.check_site_dir(Path(config.site_dir), repo)
        except keluaran.KeluaranError as exc:
            raise PluginError(str(exc)) from None
        try:
            self.prepared: Prepared = prepare(config_file, config=raw)
        except StageError as exc:
            raise PluginError(str(exc) + (f"\n{exc.peringatan}" if exc.peringatan else "")) from None
        except Exception as exc:  # noqa: BLE001  (a bug: a plain message, see _internal)
            _internal(exc)
        if self.prepared.peringatan:
            # Printed, not logged: MkDocs' strict mode (on in mkdocs.yml) fails a build on any
            # logged warning, and these must not stop it.
            print(laporan_peringatan(self.prepared.peringatan, self.prepared.plans), file=sys.stderr)
        # Escaped by the stage; marked as markup so Material's own `| e` does not escape them again.
        config.site_name = Markup(self.prepared.site_name)
        config.site_description = Markup(self.prepared.site_description)
        config.copyright = Markup(self.prepared.copyright)
        self.build_date = self.prepared.build_date
        config.nav = engine_nav(self.prepared)
        config.extra.update(engine_extra(self.prepared))
        for key, value in engine_theme(
            self.prepared, {k: config.theme[k] for k in ("logo", "favicon") if config.theme.get(k)}
        ).items():
            config.theme[key] = value
        if self.prepared.site_url:
            config.site_url = self.prepared.site_url
        return config

    def on_pre_build(self, config: Any) -> None:
        # Before MkDocs empties and fills site_dir (it keeps dot files): a later build may replace this folder.
        keluaran.write_marker(Path(config.site_dir))

    def on_files(self, files: Files, config: Any) -> Files:
        for page in self.prepared.pages:
            files.append(File.generated(config, page.path, content=page.markdown))
        for path, data in sorted(self.prepared.berkas.items()):  # share cards, chart CSVs, the generated mark
            files.append(File.generated(config, path, content=data))
        # In the order MkDocs finds the files of a folder (as `zi build` finds them in the staged
        # tree), so the search index lists the pages in the same order under both.
        return Files(sorted(files, key=lambda f: _walk_order(f.src_uri)))

    def on_page_markdown(self, markdown: str, page: Any, config: Any, files: Files) -> str:
        return self.prepared.content_pages.get(page.file.src_uri, markdown)

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

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.pratinjau = command == "serve"

    def on_post_build(self, config: Any) -> None:
        # The finishing steps of `zi build` (generator.rampung): the search index, one hashed stylesheet and
        # script, compressed copies. Without them search would not work in a preview (`mkdocs serve`),
        # which skips only the compressed copies.
        from generator import rampung
        from generator.rampung.cari import CariError

        try:
            rampung.selesaikan(Path(config.site_dir), padatkan=not getattr(self, "pratinjau", False))
        except CariError as exc:
            raise PluginError(str(exc)) from None

    def on_serve(self, server: Any, config: Any, builder: Any) -> Any:
        server.watch(str(self.plans_dir))
        server.watch(str(self.templates))
        return server


def _walk_order(src_uri: str) -> tuple[Any, ...]:
    """os.walk order of mkdocs.structure.files.get_files: a folder's files (index first), then its folders."""
    *folders, name = src_uri.split("/")
    return (*((1, f) for f in folders), (0, os.path.splitext(name)[0] not in ("index", "README"), name))


def _internal(exc: Exception) -> NoReturn:
    """A bug in Laman ZI (not in the data): a plain message under `mkdocs build` too, unless ZI_DEBUG=1."""
    if os.environ.get(DEBUG_ENV, "").strip() not in ("", "0"):
        raise exc
    raise PluginError(internal_error_message(exc)) from exc

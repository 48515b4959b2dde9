"""MkDocs + Material for MkDocs adapter: builds a staged tree in this process.

The tree's ``SOURCE_DATE_EPOCH`` is set in the environment while MkDocs runs (and put back after):
MkDocs takes every page's date (sitemap ``<lastmod>``, the mtime in the header of
``sitemap.xml.gz``) and the templates' ``build_date_utc`` from it, so they are the data's
newest date, not the clock. No hook is needed for dates.

Post-processing, as MkDocs hooks (the tree's ``zi_html.py`` imports the functions below, so plain
``mkdocs build -f <tree>/mkdocs.yml`` gives the same bytes as ``zi build``):

1. ``on_config``: ``site_name``, ``site_description`` and ``copyright`` are marked as markup.
   The stage writes them HTML-escaped because Material prints them unescaped (its Jinja2
   environment has no autoescape); where it does escape (``title="{{ config.site_name | e }}"``
   in the header and menu) the mark stops a second escaping. A YAML file cannot carry that
   mark, so it cannot be done in the content.
2. ``on_post_page`` and ``on_post_template`` (the only hook that sees ``404.html``):
   ``generator.html.aria.finish_page`` names each heading's permalink (the toc extension writes
   a bare "¶") and hides Material's decorative icons outside the article. Both are markup the
   engine and theme write after the content is rendered, so they cannot be done in the content.
3. ``on_env``: a bytecode cache for the theme's templates (``generator.tembolok``). Speed only:
   without it the pages are the same bytes.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

from markupsafe import Markup

from generator import tembolok
from generator.engines import EngineError, engine_env, environment
from generator.html.aria import finish_page


def build(tree: Path) -> Path:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError, PluginError

    _quiet()
    site_dir = tree / "site"
    with environment(engine_env(tree)):
        try:
            config = load_config(str(tree / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
            mkdocs_build(config)
        except (PluginError, ConfigurationError, Abort) as exc:
            # MkDocs has already logged the reason; its own "Aborted with ..." line adds nothing.
            raise EngineError("" if isinstance(exc, Abort) else str(exc)) from None
    return site_dir


def on_config(config: Any) -> Any:
    for key in ("site_name", "site_description", "copyright"):
        if isinstance(config[key], str):
            config[key] = Markup(config[key])
    return config


def on_env(env: Any, config: Any, files: Any) -> Any:
    """Keep the theme's compiled templates between builds (a speed-up only: see generator.tembolok)."""
    env.bytecode_cache = env.bytecode_cache or tembolok.templat()
    return env


def on_post_page(output: str, page: Any, config: Any) -> str:
    return finish_page(output)


def on_post_template(output_content: str, template_name: str, config: Any) -> str:
    return finish_page(output_content) if template_name.endswith(".html") else output_content


def _quiet() -> None:
    """Show MkDocs' warnings and errors, nothing chattier (Material 9.8's end-of-life banner is off)."""
    log = logging.getLogger("mkdocs")
    log.setLevel(logging.WARNING)
    if not any(getattr(h, "_zi", False) for h in log.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
        handler._zi = True  # type: ignore[attr-defined]
        log.addHandler(handler)

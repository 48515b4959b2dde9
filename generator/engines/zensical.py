"""Zensical adapter: builds a staged tree with Zensical (pinned in pyproject.toml) in a child process.

Zensical reads the tree's mkdocs.yml (theme, custom_dir overrides, Markdown extensions,
navigation) and ignores MkDocs plugins and hooks, which is why the stage leaves nothing for
them. It runs as ``python -m zensical build`` so its Rust runtime and its own copy of the
Markdown configuration stay out of this process. ``SOURCE_DATE_EPOCH`` (the data's newest date)
is set in its environment; Zensical 0.0.73 writes no date into the pages or the (empty, no
``site_url``) sitemap, so two builds of the same data give the same bytes.

Post-processing, over the written files (Zensical has no hook for it):

1. every ``*.html`` file goes through ``generator.html.aria.finish_page``: it names each
   heading's permalink (the toc extension writes a bare "¶") and hides the theme's decorative
   icons outside the article. Both are markup the engine and theme write after the content is
   rendered, so they cannot be done in the content.

``site_name``, ``site_description`` and ``copyright`` are written HTML-escaped by the stage (the
templates print them unescaped). Zensical cannot be told they are markup, so where its
templates escape (``title="{{ config.site_name | e }}"`` on the logo) a unit name holding
``&``, ``<``, ``>`` or ``"`` shows its entity in that tooltip; the text stays safe.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from generator.engines import EngineError, engine_env
from generator.html.aria import finish_page
from generator.stage.tree import read_epoch


def build(tree: Path) -> Path:
    import zensical  # noqa: F401  (fails early, with an ImportError, when Zensical is not installed)

    site_dir = tree / "site"
    result = subprocess.run(
        [sys.executable, "-m", "zensical", "build", "--strict", "--config-file", str(tree / "mkdocs.yml")],
        cwd=tree,
        env={**os.environ, **engine_env(tree)},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if result.returncode != 0 or not (site_dir / "index.html").is_file():
        raise EngineError(f"Zensical gagal membangun situs:\n{result.stdout}{result.stderr}".rstrip())
    for page in sorted(site_dir.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        finished = finish_page(text)
        if finished != text:
            page.write_text(finished, encoding="utf-8")
    _sitemap_lastmod(site_dir / "sitemap.xml", read_epoch(tree))
    return site_dir


def _sitemap_lastmod(sitemap: Path, epoch: int | None) -> None:
    if epoch is None or not sitemap.is_file():
        return
    text = sitemap.read_text(encoding="utf-8")
    if "<lastmod>" in text:
        return
    day = dt.datetime.fromtimestamp(epoch, dt.UTC).date().isoformat()
    sitemap.write_text(text.replace("</loc>", f"</loc>\n        <lastmod>{day}</lastmod>"), encoding="utf-8")

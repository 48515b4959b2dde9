"""The site search index: Pagefind over the built HTML, written to ``site/pagefind/``.

Pagefind (https://pagefind.app, pinned in pyproject.toml with its binary from the ``pagefind_bin``
wheel) reads the finished pages, so one index serves either engine. Why it replaces Material's lunr
search (tests/benchmarks/cari_banding.py measures both):

- it stems Indonesian (the binary carries the Snowball Indonesian stemmer, ``pagefind_stem``), so
  "adu" finds "pengaduan" and "diadukan"; lunr has no Indonesian stemmer and matched whole words only;
- the index is split into chunks a query fetches on demand, and nothing is fetched before the
  visitor opens search (theme/assets/zi/aksesibilitas.js); lunr's whole index came with every page.

What is indexed (https://pagefind.app/docs/indexing/ and /docs/config-options/):

- only the article (``root_selector``): header, navigation, table of contents and footer stay out;
- heading permalinks ("¶") and row anchors ("#") are left out (``exclude_selectors``);
- each action row once: the plan page's appendix tables carry ``data-pagefind-ignore``
  (theme/zi/plan.md), so a row is found on its area page, where its activity heading has an id and
  Pagefind's sub-result links straight to it;
- the 404 page is all ``data-pagefind-ignore="all"`` (theme/404.html), so it is not a result.

The language is forced to ``id`` (every page is ``lang="id"``). Pagefind writes its bundle in a fixed
order and names files by content hash: two runs over the same pages give the same bytes (checked by
tests/site/test_cari.py). The bundle's ready-made UIs (pagefind-ui, modular and component UI, highlight)
and the fallback "unknown" language are deleted: the site has its own search dialog and one language.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

FOLDER = "pagefind"
ROOT = "article.md-content__inner"
EXCLUDE = (".headerlink", ".zi-anchor")
# Files of the bundle the site never loads: its own dialog imports pagefind.js with ``noWorker``.
_UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
    "pagefind-worker.js",
    "wasm.unknown.pagefind",
)


class CariError(RuntimeError):
    """Pagefind failed; the message is for staff (Indonesian)."""


def executable() -> Path:
    from pagefind_bin import get_executable

    return Path(get_executable())


def indeks(site_dir: Path) -> None:
    """Write the Pagefind index of ``site_dir`` into ``site_dir/pagefind/`` (replacing an old one)."""
    out = site_dir / FOLDER
    if out.exists():
        shutil.rmtree(out)
    args = [str(executable()), "--site", str(site_dir), "--output-subdir", FOLDER, "--force-language", "id"]
    args += ["--root-selector", ROOT]
    for selector in EXCLUDE:
        args += ["--exclude-selectors", selector]
    result = subprocess.run([*args, "--silent"], capture_output=True, text=True, timeout=600, check=False)
    if result.returncode != 0 or not (out / "pagefind.js").is_file():
        raise CariError(f"Pagefind gagal membuat indeks pencarian:\n{result.stdout}{result.stderr}".rstrip())
    for name in _UNUSED:
        (out / name).unlink(missing_ok=True)

"""Everything the site is made of, computed once: load -> rules -> pages, and the hand-written pages filled.

The result (``Prepared``) is handed to ``generator.stage.tree.write_tree`` (``zi build``) or to the
MkDocs plugin (plain ``mkdocs build``/``mkdocs serve``); both show the same pages.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import escape
from pydantic_core import PydanticCustomError

from generator import tembolok, terbuka
from generator.errors import DataError, Problem
from generator.load import load_site
from generator.model.tautan import periksa_tautan
from generator.pages import NavEntry, Page, build_pages, navigation
from generator.pages.content import UnknownPlaceholder, expand
from generator.pages.content_links import broken_links
from generator.pages.grafik import catat
from generator.pages.render import environment
from generator.pages.tanda import tanda
from generator.site import Site
from generator.stage import kartu, sebar, sources, unduhan

SHORT_NAME = "zi_nama_singkat"  # config.extra key read by theme/partials/header.html
PLANS_ENV = "ZI_PLANS"  # set by `zi build --plans DIR` for the plugin (plain `mkdocs build` reads it too)


class StageError(Exception):
    """A mistake in the data or in content/ (an Indonesian report); nothing was written.

    ``peringatan`` holds the warnings found alongside, to be shown after the report.
    """

    def __init__(self, message: str, peringatan: str = "") -> None:
        super().__init__(message)
        self.peringatan = peringatan


@dataclass(frozen=True)
class Prepared:
    """The finished content of one site, engine-independent."""

    root: Path  # folder of the repository's mkdocs.yml
    plans: Path
    content_dir: Path
    theme_dir: Path
    config: dict[str, Any]  # the repository's mkdocs.yml as written
    site: Site
    pages: tuple[Page, ...]  # generated from the data
    nav: tuple[NavEntry, ...]  # navigation of the generated pages (the content/ pages follow)
    content_pages: dict[str, str] = field(default_factory=dict)  # content/ page -> Markdown, placeholders filled
    content_files: tuple[str, ...] = ()  # every other file of content/ (uploads), as site paths
    site_name: str = ""  # HTML-escaped (Material prints these unescaped)
    site_url: str | None = None  # satker.yaml alamat_situs, ending in "/" (the 404 page's links are absolute)
    site_short_name: str = ""  # HTML-escaped: the name in the phone header (config.extra.zi_nama_singkat)
    site_description: str = ""
    copyright: str = ""
    logo: str = ""  # site path of the header logo and favicon (satker.yaml logo, or the generated mark)
    # Files the stage makes, site path -> bytes: share cards and chart CSVs, the generated mark.
    berkas: dict[str, bytes] = field(default_factory=dict)

    @property
    def build_date(self) -> dt.datetime | None:
        """The data's newest date at midnight UTC: the date stamped wherever the engine needs one."""
        date = self.site.tanggal_data
        return dt.datetime.combine(date, dt.time(), dt.UTC) if date else None

    @property
    def source_date_epoch(self) -> int | None:
        """``SOURCE_DATE_EPOCH`` for the engine (reproducible-builds.org), from ``build_date``."""
        return int(self.build_date.timestamp()) if self.build_date else None

    @property
    def peringatan(self) -> tuple[Problem, ...]:
        return self.site.peringatan


def plans_dir(root: Path, config: dict[str, Any], plans: Path | None = None) -> Path:
    """``--plans``, else ``ZI_PLANS``, else the zi plugin's ``plans`` in mkdocs.yml, else ``plans``.

    Not resolved: a data folder that is itself a symlink out of the repository is refused by the loader.
    """
    chosen = plans or os.environ.get(PLANS_ENV) or root / str(sources.zi_options(config).get("plans") or "plans")
    return Path(os.path.abspath(chosen))


def prepare(
    config_file: Path,
    plans: Path | None = None,
    config: dict[str, Any] | None = None,
    env: jinja2.Environment | None = None,
    alamat_situs: str | None = None,
) -> Prepared:
    """Load, check and build every page of the site described by ``config_file`` (mkdocs.yml).

    ``alamat_situs`` (``zi build --alamat-situs``) replaces satker.yaml's for this build: where the
    site is published (a Pages sub-path such as ``https://pemilik.github.io/repo/``).
    Raises ``StageError`` for a mistake staff can fix; any other exception is a bug.
    """
    config_file = Path(os.path.abspath(config_file))
    root = config_file.parent
    config = sources.read_config(config_file) if config is None else config
    plans = plans_dir(root, config, plans)
    content_dir = root / str(config.get("docs_dir") or "docs")
    theme_dir = sources.theme_dir(root, config)
    try:
        site = load_site(plans, content_dir=content_dir, repo_root=root)
    except DataError as exc:
        from generator.errors import laporan_peringatan

        raise StageError(exc.report(plans), laporan_peringatan(exc.peringatan, plans)) from None
    if alamat_situs:
        site = dataclasses.replace(site, satker=site.satker.model_copy(update={"alamat_situs": _alamat(alamat_situs)}))
    env = env or environment(theme_dir / "zi", tembolok.templat())
    s = site.satker
    site_url = _with_slash(str(s.alamat_situs)) if s.alamat_situs else config.get("site_url")
    made = unduhan.buat(site, site_url)  # PDFs, open data: the pages link them with their size
    with catat() as grafik:  # every chart's figures, for its CSV (generator/stage/kartu.py)
        sizes = {path: len(data) for path, data in made.items()}
        pages = (*build_pages(site, env=env, unduhan=sizes), terbuka.halaman.build(site, env, sizes, site_url))
    files = sources.content_files(content_dir)
    generated = {p.path for p in pages}
    for src in files:
        if src in generated:
            raise StageError(
                f"content/{src} bertabrakan dengan halaman yang dibuat dari data; ganti nama berkas tersebut"
            )
    known = set(files) | generated | set(sources.theme_files(theme_dir))
    raw = {src: sources.read_page(content_dir / src) for src in files if sources.is_page(src)}
    # Broken links in content/ pages: our message with file and line, before the engine's English warning.
    problems = [p for src, text in raw.items() for p in broken_links(content_dir / src, src, text, known)]
    if problems:
        raise StageError(DataError(problems).report(content_dir.parent))
    filled = {}
    with catat() as grafik_konten:
        for src, text in raw.items():
            try:
                filled[src] = expand(text, site, env)
            except UnknownPlaceholder as exc:
                raise StageError(f"content/{src}: {exc}") from None
    cards = kartu.buat(site, pages, filled, grafik | grafik_konten, site_url, theme_dir / "zi", env, kartu.cache_dir())
    shared = sebar.buat(site, site_url, env)  # feeds, embed card, badge, oEmbed, robots.txt
    if not site_url:
        site = dataclasses.replace(site, peringatan=(*site.peringatan, sebar.tanpa_alamat(plans)))
    mark = tanda(s)
    # Material's templates print these unescaped (MkDocs' theme environment has no
    # autoescape), so they are escaped here; the engine adapters mark them as markup.
    return Prepared(
        root=root,
        plans=plans,
        content_dir=content_dir,
        theme_dir=theme_dir,
        config=config,
        site=site,
        pages=cards.pages,
        nav=tuple(navigation(site)),
        content_pages=cards.content_pages,
        content_files=tuple(f for f in files if not sources.is_page(f)),
        site_name=str(escape(f"Zona Integritas {s.singkatan}")),
        site_short_name=str(escape(s.nama_situs_singkat)),
        site_url=site_url,
        site_description=str(escape(f"Rencana aksi dan capaian pembangunan Zona Integritas {s.nama} menuju WBK/WBBM.")),
        copyright=str(escape(f"{s.nama}. Isi situs ini dapat digunakan ulang dengan menyebut sumbernya.")),
        logo=mark.path,
        berkas=made | cards.berkas | shared | ({mark.path: mark.svg.encode("utf-8")} if mark.svg else {}),
    )


def _alamat(value: str) -> str:
    """The address given on the command line, checked as satker.yaml's ``alamat_situs`` is."""
    try:
        return periksa_tautan(value, ("http", "https"), relatif=False)
    except PydanticCustomError as exc:
        context = exc.context or {}
        raise StageError(
            f"--alamat-situs (atau ZI_ALAMAT_SITUS): {context.get('message', exc)}\n"
            f"    Perbaikan: {context.get('fix', 'tulis alamat lengkap yang diawali https://')}"
        ) from None


def _with_slash(url: str) -> str:
    return url if url.endswith("/") else url + "/"


def engine_extra(prepared: Prepared) -> dict[str, Any]:
    """mkdocs.yml's ``extra`` with what the theme needs from the data (both engines, and the plugin)."""
    extra = dict(prepared.config.get("extra") or {})
    extra[SHORT_NAME] = prepared.site_short_name
    return extra


def engine_theme(prepared: Prepared, theme: dict[str, Any]) -> dict[str, Any]:
    """mkdocs.yml's ``theme`` with the unit's logo and favicon (unless the repository's mkdocs.yml sets them)."""
    theme = dict(theme)
    if prepared.logo:
        theme.setdefault("logo", prepared.logo)
        theme.setdefault("favicon", prepared.logo)
    return theme


def engine_nav(prepared: Prepared) -> list[Any]:
    """The whole navigation in mkdocs.yml's form: the generated pages, then the content/ pages."""
    ours = [_nav_item(e) for e in prepared.nav]
    theirs = prepared.config.get("nav") or sorted(prepared.content_pages)
    return ours + list(theirs)


def _nav_item(entry: NavEntry) -> dict[str, Any]:
    if entry.children:
        return {entry.title: [_nav_item(c) for c in entry.children]}
    return {entry.title: entry.path}

"""Page building: facts -> Markdown pages (plain strings), and the navigation.

Each module builds one kind of page. Nothing here imports MkDocs, so the same
pages could be written to disk and built by another engine.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import jinja2

from generator import jenis
from generator.pages import area, documents, home, perhatian, plan, rekap, sebar
from generator.pages.base import NavEntry, Page
from generator.pages.contoh import tandai_halaman
from generator.pages.render import environment
from generator.pages.text import plain
from generator.pages.views import area_judul
from generator.site import Site


def build_pages(
    site: Site,
    templates: Path | None = None,
    env: jinja2.Environment | None = None,
    unduhan: Mapping[str, int] | None = None,
) -> list[Page]:
    """Every page made from the data. ``unduhan``: files made before the pages (site path -> size in bytes)."""
    env = env or environment(templates)
    unduhan = unduhan or {}
    pages = [home.build(site, env)]
    for p in reversed(site.plans):
        pages.append(plan.build(site, p, env, unduhan))
        pages.extend(area.build(site, p, a, env) for a in p.areas)
        pages.extend(x for x in [perhatian.build(site, p, env)] if x)
        pages.extend(rekap.build_all(site, site.tahun(p.tahun), env))
    pages.append(documents.build(site, env, unduhan))
    pages.append(sebar.tautkan(site, env))
    s = site.satker
    return [
        tandai_halaman(p, s.singkatan, f"Rencana aksi dan capaian pembangunan Zona Integritas {s.nama}.") for p in pages
    ]


def navigation(site: Site) -> list[NavEntry]:
    """Beranda, then each year (newest first) with its area pages and its recaps (registry order), then Dokumen.

    An area is titled by the decree's own heading (staff text), made safe by ``_nav_title``.
    """
    nav = [NavEntry("Beranda", "index.md")]
    for p in reversed(site.plans):
        children = [NavEntry("Keputusan dan Lampiran", f"{p.tahun}/index.md")]
        children += [
            NavEntry(_nav_title(f"{a.nomor} {plain(area_judul(a))}"), f"{p.tahun}/{a.slug}.md") for a in p.areas
        ]
        tahun = site.tahun(p.tahun)
        if tahun.capaian:
            children.append(NavEntry(perhatian.JUDUL, perhatian.path(p.tahun)))
        nav.append(NavEntry(f"Rencana Aksi {p.tahun}", None, tuple(children)))
        recaps = [
            NavEntry(k.judul_nav, f"{p.tahun}/{k.jenis}.md") for k in jenis.daftar() if tahun.rekap_jenis(k.jenis)
        ]
        if recaps:
            nav.append(NavEntry(f"Rekap {p.tahun}", None, tuple(recaps)))
    nav.append(NavEntry("Dokumen", "dokumen.md"))
    nav.append(NavEntry("Data Terbuka", "data-terbuka.md"))  # built by the stage (generator.terbuka.halaman)
    nav.append(NavEntry(sebar.JUDUL_TAUTKAN, sebar.PATH_TAUTKAN))
    return nav


# Material prints a navigation title unescaped in the menu and through `striptags` (which
# unescapes entities) in <title>, so no escaping survives both: staff text in a title has
# its markup characters swapped for look-alikes instead (never seen in real decree headings).
_NAV_SAFE = str.maketrans({"<": "‹", ">": "›", "&": "＆"})


def _nav_title(text: str) -> str:
    return text.translate(_NAV_SAFE)


__all__ = ["NavEntry", "Page", "build_pages", "navigation"]

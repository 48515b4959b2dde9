"""One page of each type of a built site (home, plan, area, each recap kind, survei, dokumen, lists, 404).

Read from the built files: the newest year folder, its first area page (in file order), the recap
kinds present. Shared by the ARIA snapshots and the screenshot review.
"""

from __future__ import annotations

from pathlib import Path

from generator.jenis import daftar

_YEAR_PAGES = ("perlu-perhatian",)


def page_types(site: Path) -> dict[str, str]:
    """Page type -> URL path (relative to the site root)."""
    years = sorted(p.name for p in site.iterdir() if p.is_dir() and p.name.isdigit() and len(p.name) == 4)
    year = years[-1]
    kinds = [j.jenis for j in daftar() if (site / year / j.jenis / "index.html").is_file()]
    skip = {*kinds, *_YEAR_PAGES}
    areas = sorted(p.name for p in (site / year).iterdir() if p.is_dir() and p.name not in skip)
    types = {"beranda": "", "rencana": f"{year}/", "area": f"{year}/{areas[0]}/"}
    types |= {kind: f"{year}/{kind}/" for kind in kinds}
    types |= {"perlu-perhatian": f"{year}/perlu-perhatian/", "dokumen": "dokumen/", "404": "404.html"}
    if (site / "data-terbuka" / "index.html").is_file():
        types["data-terbuka"] = "data-terbuka/"
    return types

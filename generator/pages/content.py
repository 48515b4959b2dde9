"""Hand-written pages in content/ may hold placeholders filled from the data.

A placeholder is an HTML comment on a line of its own, so a page still reads
sensibly if the plugin is off:

    <!-- zi:kanal-pengaduan -->   the reporting channels from satker.yaml
    <!-- zi:area-perubahan -->    the six official areas from the catalogue
    <!-- zi:kontak -->             the unit's own contact details (accessibility statement)
"""

from __future__ import annotations

import html
import re

import jinja2

from generator.domain.areas import OFFICIAL
from generator.model.satker import Satker
from generator.pages.kanal import halaman_kanal
from generator.site import Site

_PLACEHOLDER = re.compile(r"^<!--\s*zi:([a-z-]+)\s*-->\s*$", re.MULTILINE)


class UnknownPlaceholder(ValueError):
    pass


def expand(markdown: str, site: Site, env: jinja2.Environment) -> str:
    def fill(m: re.Match[str]) -> str:
        name = m.group(1)
        if name == "kanal-pengaduan":
            h = halaman_kanal(site.satker)
            return env.get_template("_kanal.md").render({f: getattr(h, f) for f in h.__dataclass_fields__})
        if name == "kontak":
            s = site.satker
            if not (s.kontak.whatsapp or s.kontak.surel or s.kontak.telepon or s.alamat):
                return (f"<p>Hubungi {html.escape(s.singkatan)} melalui "
                        '<a href="../kanal-pengaduan/">kanal pengaduan</a>.</p>')
            return env.get_template("_kontak.md").render(kontak=s.kontak.model_dump(), **_kantor(s))
        if name == "area-perubahan":
            return env.get_template("_area_perubahan.md").render(areas=[{"nama": a.nama} for a in OFFICIAL])
        raise UnknownPlaceholder(f"penanda '<!-- zi:{name} -->' tidak dikenal; yang dikenal: "
                                 "zi:kanal-pengaduan, zi:area-perubahan, zi:kontak")

    return _PLACEHOLDER.sub(fill, markdown)


def _kantor(s: Satker) -> dict[str, str | None]:
    """Where the office is and whom it answers to (satker.yaml alamat, kota, induk)."""
    return {"alamat": s.alamat, "kota": s.kota, "induk": s.induk}

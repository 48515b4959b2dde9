"""Hand-written pages in content/ may hold placeholders filled from the data.

A placeholder is an HTML comment on a line of its own, so a page still reads
sensibly if the plugin is off:

    <!-- zi:kanal-pengaduan -->   the reporting channels from satker.yaml
    <!-- zi:area-perubahan -->    the six official areas from the catalogue
    <!-- zi:kontak -->             the unit's own contact details (accessibility statement)
"""

from __future__ import annotations

import re

import jinja2

from generator.domain.areas import OFFICIAL
from generator.model.satker import Satker
from generator.pages.kanal import halaman_kanal
from generator.pages.konteks import konten as t
from generator.pages.render import halaman
from generator.site import Site

_PLACEHOLDER = re.compile(r"^<!--\s*zi:([a-z-]+)\s*-->\s*$", re.MULTILINE)


class UnknownPlaceholder(ValueError):
    pass


def expand(markdown: str, site: Site, env: jinja2.Environment) -> str:
    def fill(m: re.Match[str]) -> str:
        name = m.group(1)
        s = site.satker
        if name == "kanal-pengaduan":
            return halaman(env, "_kanal.md", halaman_kanal(s))
        if name == "kontak":
            if not (s.kontak.whatsapp or s.kontak.surel or s.kontak.telepon or s.alamat):
                return halaman(env, "_kontak_kanal.md", t.RujukanKanal(s.singkatan))
            return halaman(
                env, "_kontak.md", t.KontakKantor(kontak=_kontak(s), alamat=s.alamat, kota=s.kota, induk=s.induk)
            )
        if name == "area-perubahan":
            return halaman(env, "_area_perubahan.md", t.DaftarArea(tuple(t.AreaResmi(a.nama) for a in OFFICIAL)))
        raise UnknownPlaceholder(
            f"penanda '<!-- zi:{name} -->' tidak dikenal; yang dikenal: "
            "zi:kanal-pengaduan, zi:area-perubahan, zi:kontak"
        )

    return _PLACEHOLDER.sub(fill, markdown)


def _kontak(s: Satker) -> t.Kontak:
    k = s.kontak
    return t.Kontak(
        whatsapp=k.whatsapp,
        surel=k.surel,
        telepon=k.telepon,
        telepon_url=(k.telepon or "").replace(" ", "").replace("-", ""),
    )

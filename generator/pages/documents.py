"""Documents page: every Keputusan with nomor, tanggal, tentang and the signed scan if given."""

from __future__ import annotations

from collections.abc import Mapping

import jinja2

from generator.pages.base import Page
from generator.pages.konteks import dokumen as t
from generator.pages.plan import berkas, pdf_keputusan
from generator.pages.render import halaman
from generator.pages.views import satker_view
from generator.site import Site


def build(site: Site, env: jinja2.Environment, unduhan: Mapping[str, int] | None = None) -> Page:
    dokumen = tuple(
        t.DokumenBaris(
            tahun=plan.tahun,
            nomor=k.nomor,
            tahun_keputusan=k.tahun,
            tanggal=k.tanggal,
            tentang=k.tentang,
            berkas=berkas(k.berkas, depth=1),
            pdf=pdf_keputusan(unduhan or {}, plan.tahun, depth=1),
        )
        for plan in reversed(site.plans)
        for k in (plan.rencana.keputusan,)
    )
    konteks = t.Dokumen(satker=satker_view(site.satker), dokumen=dokumen)
    return Page("dokumen.md", "Dokumen", halaman(env, "dokumen.md", konteks))

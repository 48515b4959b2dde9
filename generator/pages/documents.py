"""Documents page: every Keputusan with nomor, tanggal, tentang and the signed scan if given."""

from __future__ import annotations

import jinja2

from generator.pages.base import Page
from generator.pages.plan import berkas_jenis, berkas_url
from generator.site import Site


def build(site: Site, env: jinja2.Environment) -> Page:
    dokumen = []
    for plan in reversed(site.plans):
        k = plan.rencana.keputusan
        dokumen.append({"tahun": plan.tahun, "nomor": k.nomor, "tahun_keputusan": k.tahun, "tanggal": k.tanggal,
                        "tentang": k.tentang, "berkas_url": berkas_url(k.berkas, depth=1),
                        "berkas_jenis": berkas_jenis(k.berkas)})
    context = {"satker": site.satker.model_dump(), "dokumen": dokumen}
    return Page("dokumen.md", "Dokumen", env.get_template("dokumen.md").render(context))

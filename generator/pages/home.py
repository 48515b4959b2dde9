"""Home page: the unit, this year's commitment in one sentence, areas with counts, channels."""

from __future__ import annotations

import jinja2

from generator.pages.base import Page
from generator.pages.plan import heading, judul_kalimat
from generator.pages.views import area_summary
from generator.site import Site


def build(site: Site, env: jinja2.Environment) -> Page:
    plan = site.latest
    r = plan.rencana
    context = {
        "satker": site.satker.model_dump(),
        "plan": {"tahun": plan.tahun, "jumlah_aksi": plan.jumlah_aksi, "jumlah_kegiatan": plan.jumlah_kegiatan,
                 "ada_celah": plan.ada_celah},
        "k": {**r.keputusan.model_dump(), "judul_kalimat": judul_kalimat(r.keputusan.judul)},
        "kolom": r.lampiran.kolom.model_dump(),
        "areas": [{**area_summary(plan, a, ""), "judul_html": heading(a.judul or a.info.nama)} for a in plan.areas],
        "older": [{"tahun": p.tahun, "nomor": p.rencana.keputusan.nomor, "tahun_keputusan": p.rencana.keputusan.tahun}
                  for p in reversed(site.plans[:-1])],
        "kanal": kanal_views(site),
    }
    return Page("index.md", "Beranda", env.get_template("home.md").render(context))


def kanal_views(site: Site) -> list[dict]:
    return [{**c.model_dump(), "tautan_teks": (c.tautan or "").removeprefix("https://").removeprefix("mailto:")}
            for c in site.satker.kanal]

"""One page per area perubahan of a year's plan, with a stable anchor per row."""

from __future__ import annotations

import jinja2

from generator.pages.base import Page
from generator.pages.plan import heading
from generator.pages.text import plain
from generator.pages.views import aksi_columns, area_summary, kegiatan_view, label
from generator.rules import AreaFacts, PlanFacts
from generator.site import Site


def build(site: Site, plan: PlanFacts, area: AreaFacts, env: jinja2.Environment) -> Page:
    kolom = plan.rencana.lampiran.kolom
    has_groups = any(not g.implisit for g in area.kelompok)
    groups = []
    for g in area.kelompok:
        kegiatan = []
        for k in g.kegiatan:
            view = kegiatan_view(k, kolom.jadwal_bulanan)
            view["heading_html"] = heading(label(k.nomor, k.judul) or "Bagian yang tidak terbaca")
            kegiatan.append(view)
        groups.append({"id": g.id, "judul": None if g.implisit else label(g.nomor, g.judul),
                       "judul_html": heading(label(g.nomor, g.judul)), "celah": g.celah,
                       "level": "###" if has_groups else "##", "kegiatan": kegiatan})
    summary = area_summary(plan, area, "")
    context = {
        "satker": site.satker.model_dump(),
        "plan": {"tahun": plan.tahun},
        "kolom": kolom.model_dump(),
        "columns": aksi_columns(kolom),
        "area": {**summary, "judul_html": heading(area.judul or area.info.nama), "subjudul": area.subjudul,
                 "celah": area.celah},
        "groups": groups,
    }
    title = f"{area.nomor} {plain(area.judul) or area.info.nama}"
    return Page(f"{plan.tahun}/{area.slug}.md", title, env.get_template("area.md").render(context))

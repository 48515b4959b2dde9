"""One page per area perubahan of a year's plan, with a stable anchor per row and its progress."""

from __future__ import annotations

from typing import Any

import jinja2

from generator.pages.angka import tanggal
from generator.pages.base import Page
from generator.pages.contoh import tandai_grafik
from generator.pages.capaian import baris_view, ringkasan_view
from generator.pages.grafik import Batang, grafik_batang
from generator.pages.plan import heading
from generator.pages.text import plain
from generator.pages.views import aksi_columns, area_judul, area_summary, kegiatan_view, label
from generator.rules import AreaFacts, CapaianFacts, PlanFacts
from generator.site import Site

DEPTH = 2  # 2024/<area>/


def build(site: Site, plan: PlanFacts, area: AreaFacts, env: jinja2.Environment) -> Page:
    kolom = plan.rencana.lampiran.kolom
    capaian = site.tahun(plan.tahun).capaian
    has_groups = any(not g.implisit for g in area.kelompok)
    groups = []
    for g in area.kelompok:
        kegiatan = []
        for k in g.kegiatan:
            view = kegiatan_view(k, kolom.jadwal_bulanan)
            view["heading_html"] = heading(label(k.nomor, k.judul) or "Bagian yang tidak terbaca")
            view["capaian"] = None
            if capaian:
                view["capaian"] = ringkasan_view(capaian.per_kegiatan[k.id], "baris")
                for ind in view["indikator"]:
                    for a in ind["aksi"]:
                        a["capaian"] = baris_view(capaian.baris[a["id"]], DEPTH)
            kegiatan.append(view)
        groups.append({"id": g.id, "judul": None if g.implisit else label(g.nomor, g.judul),
                       "judul_html": heading(label(g.nomor, g.judul)), "celah": g.celah,
                       "catatan": g.catatan, "level": "###" if has_groups else "##", "kegiatan": kegiatan})
    summary = area_summary(plan, area, "")
    context = {
        "satker": site.satker.model_dump(),
        "plan": {"tahun": plan.tahun},
        "kolom": kolom.model_dump(),
        "columns": aksi_columns(kolom),
        "area": {**summary, "judul_html": heading(area_judul(area)), "judul_plain": plain(area_judul(area)),
                 "subjudul": area.subjudul,
                 "celah": area.celah},
        "groups": groups,
        "capaian": _capaian(area, capaian, kolom.uraian.lower()) if capaian else None,
    }
    title = f"{area.nomor} {plain(area_judul(area))}"
    return Page(f"{plan.tahun}/{area.slug}.md", title, env.get_template("area.md").render(context))


def _capaian(area: AreaFacts, c: CapaianFacts, satuan: str) -> dict[str, Any]:
    rows = []
    for k in area.kegiatan:
        r = c.per_kegiatan[k.id]
        if r.jumlah:
            rows.append({"id": k.id, "label": label(k.nomor, k.judul) or "Bagian yang tidak terbaca",
                         **ringkasan_view(r, "baris")})
    total = ringkasan_view(c.per_area[area.slug], satuan)
    grafik = grafik_batang(
        f"capaian-{area.slug}",
        f"Persentase {satuan} selesai, area {area.nomor} {plain(area_judul(area))}, per {tanggal(c.per_tanggal)}",
        f"Batang menunjukkan bagian {satuan} yang berstatus selesai; angkanya tertulis di ujung batang.",
        # The bar says only the decree's number: the full heading (a lost one included) is in the title.
        [Batang(f"Area {area.nomor}", c.per_area[area.slug].persen_selesai or 0, total["persen"])], 1,
        f"Per {tanggal(c.per_tanggal)}, {total['kalimat']}")
    return {"per_tanggal": tanggal(c.per_tanggal), "contoh": c.contoh, "area": total, "kegiatan": rows,
            "grafik": tandai_grafik(grafik) if c.contoh else grafik, "tak_diketahui": any(not c.baris[a.id].bulan_rencana for a in area.aksi)}

"""One page per area perubahan of a year's plan, with a stable anchor per row and its progress."""

from __future__ import annotations

import jinja2

from generator.pages.angka import tanggal
from generator.pages.base import Page
from generator.pages.capaian import baris_view, kegiatan_chart, ringkasan_view
from generator.pages.contoh import tandai_grafik
from generator.pages.konteks import area as t
from generator.pages.konteks.lampiran import KelompokArea
from generator.pages.konteks.rencana import RencanaInfo
from generator.pages.render import halaman
from generator.pages.text import line
from generator.pages.unggahan import masalah
from generator.pages.views import (
    aksi_columns,
    area_ringkas,
    kegiatan_view,
    kolom_view,
    label,
    satker_view,
)
from generator.rules import AreaFacts, CapaianFacts, PlanFacts
from generator.site import Site

DEPTH = 2  # 2024/<area>/


def build(site: Site, plan: PlanFacts, area: AreaFacts, env: jinja2.Environment) -> Page:
    kolom = plan.rencana.lampiran.kolom
    c = site.tahun(plan.tahun).capaian
    has_groups = any(not g.implisit for g in area.kelompok)
    per_baris = (lambda id_: baris_view(c.baris[id_], DEPTH, lambda x: masalah(site, x, DEPTH))) if c else None
    groups = tuple(
        KelompokArea(
            id=g.id,
            judul=None if g.implisit else label(g.nomor, g.judul),
            judul_html=line(label(g.nomor, g.judul)),
            celah=g.celah,
            catatan=g.catatan,
            level="###" if has_groups else "##",
            kegiatan=tuple(
                kegiatan_view(
                    k, kolom.jadwal_bulanan, per_baris, ringkasan_view(c.per_kegiatan[k.id], "baris") if c else None
                )
                for k in g.kegiatan
            ),
        )
        for g in area.kelompok
    )
    ringkas = area_ringkas(area)
    konteks = t.Area(
        satker=satker_view(site.satker),
        plan=RencanaInfo(tahun=plan.tahun, jumlah_aksi=plan.jumlah_aksi),
        kolom=kolom_view(kolom),
        columns=aksi_columns(kolom),
        area=ringkas,
        groups=groups,
        capaian=_capaian(area, c, kolom.uraian.lower(), ringkas.judul_plain, env) if c else None,
    )
    title = f"{area.nomor} {ringkas.judul_plain}"
    return Page(f"{plan.tahun}/{area.slug}.md", title, halaman(env, "area.md", konteks))


def _capaian(area: AreaFacts, c: CapaianFacts, satuan: str, judul: str, env: jinja2.Environment) -> t.CapaianArea:
    rows = tuple(
        t.KegiatanCapaian(k.id, label(k.nomor, k.judul), ringkasan_view(c.per_kegiatan[k.id], "baris"))
        for k in area.kegiatan
        if c.per_kegiatan[k.id].jumlah
    )
    total = ringkasan_view(c.per_area[area.slug], satuan)
    per_tanggal = tanggal(c.per_tanggal)
    grafik = kegiatan_chart(area, c, f"capaian-{area.slug}", satuan, judul, env)
    return t.CapaianArea(
        per_tanggal=per_tanggal,
        contoh=c.contoh,
        area=total,
        kegiatan=rows,
        grafik=tandai_grafik(grafik) if c.contoh else grafik,
        tak_diketahui=any(not c.baris[a.id].bulan_rencana for a in area.aksi),
    )

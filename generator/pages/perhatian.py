"""A year's late and unreported actions, across areas, each linked to its row on the area page."""

from __future__ import annotations

import jinja2

from generator.pages.angka import tanggal
from generator.pages.base import Page
from generator.pages.capaian import kisi, ringkasan_view, status_view
from generator.pages.konteks import perhatian as t
from generator.pages.render import halaman
from generator.pages.views import area_ringkas, kolom_view, satker_view
from generator.rules import AksiFacts, BarisCapaian, PlanFacts, perlu_perhatian
from generator.site import Site

SLUG = "perlu-perhatian"
JUDUL = "Terlambat dan belum dilaporkan"  # navigation label; the page title adds the year


def path(tahun: int) -> str:
    """The list page of ``tahun``, as a source path (the home page links to its directory URL)."""
    return f"{tahun}/{SLUG}.md"


def build(site: Site, plan: PlanFacts, env: jinja2.Environment) -> Page | None:
    """The list page of ``plan``'s year; None when the year has no realisasi yet."""
    c = site.tahun(plan.tahun).capaian
    if c is None:
        return None
    areas = tuple(
        t.AreaPerhatian(
            ringkas=area_ringkas(area),
            terlambat=tuple(_baris(a, c.baris[a.id], area.slug) for a in late),
            belum=tuple(_baris(a, c.baris[a.id], area.slug) for a in unreported),
        )
        for area, late, unreported in perlu_perhatian(plan, c)
    )
    konteks = t.Perhatian(
        satker=satker_view(site.satker),
        tahun=plan.tahun,
        kolom=kolom_view(plan.rencana.lampiran.kolom),
        per_tanggal=tanggal(c.per_tanggal),
        contoh=c.contoh,
        total=ringkasan_view(c.total, plan.rencana.lampiran.kolom.uraian.lower()),
        areas=areas,
    )
    return Page(path(plan.tahun), f"{JUDUL} {plan.tahun}", halaman(env, "perlu-perhatian.md", konteks))


def _baris(a: AksiFacts, b: BarisCapaian, slug: str) -> t.BarisPerhatian:
    k = kisi(b)
    return t.BarisPerhatian(
        id=a.id,
        url=f"../{slug}/#{a.id}",
        uraian=a.uraian,
        status=status_view(b),
        jadwal=k.rencana or (a.jadwal_teks or ""),
        terlewat=k.terlewat,
    )

"""Documents page, the evidence index: every Keputusan (signed scan, generated PDF) and every bukti by year and area.

Sizes and PDF checks of uploaded files come from ``Site.unggahan`` (load), sizes of generated
files from ``unduhan`` (the stage): the page never reads the disk.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlsplit

import jinja2

from generator.pages import alamat
from generator.pages.angka import ukuran
from generator.pages.base import Page
from generator.pages.konteks import dokumen as t
from generator.pages.plan import berkas
from generator.pages.render import halaman
from generator.pages.text import plain
from generator.pages.unggahan import masalah
from generator.pages.views import area_ringkas, label, satker_view
from generator.rules import AksiFacts, PlanFacts
from generator.site import Site, lokasi_unggahan

DEPTH = 1  # dokumen/
PANJANG = 90  # characters of a row's text shown before it is cut at a word


def build(site: Site, env: jinja2.Environment, unduhan: Mapping[str, int] | None = None) -> Page:
    unduhan = unduhan or {}
    dokumen = tuple(
        t.DokumenBaris(
            tahun=plan.tahun,
            nomor=k.nomor,
            tahun_keputusan=k.tahun,
            tanggal=k.tanggal,
            tentang=k.tentang,
            berkas=berkas(k.berkas, depth=DEPTH),
            pindaian=berkas_view(site, k.berkas) if k.berkas else None,
            pdf=_dibuat(alamat.pdf_keputusan(plan.tahun), unduhan),
        )
        for plan in reversed(site.plans)
        for k in (plan.rencana.keputusan,)
    )
    konteks = t.Dokumen(
        satker=satker_view(site.satker),
        dokumen=dokumen,
        bukti=tuple(x for x in (_tahun(site, plan) for plan in reversed(site.plans)) if x.jumlah),
    )
    return Page("dokumen.md", "Dokumen", halaman(env, "dokumen.md", konteks))


def berkas_view(site: Site, tautan: str, depth: int = DEPTH) -> t.Unduhan:
    """A file in content/ with its size and checks, or a link to another site with its host."""
    if tautan.lower().startswith(("https://", "http://")):
        return t.Unduhan(url=tautan, jenis="", ukuran=None, host=urlsplit(tautan).hostname or tautan)
    u = site.unggahan.get(lokasi_unggahan(tautan))
    url = "../" * depth + lokasi_unggahan(tautan)
    if u is None:  # a site loaded without content/ (pages built alone, in tests)
        return t.Unduhan(url=url, jenis=tautan.rsplit(".", 1)[-1].upper() if "." in tautan else "", ukuran=None)
    return t.Unduhan(url=url, jenis=u.jenis, ukuran=ukuran(u.ukuran), masalah=masalah(site, tautan, depth))


def _dibuat(path: str, unduhan: Mapping[str, int]) -> t.Unduhan | None:
    size = unduhan.get(path)
    return None if size is None else t.Unduhan(url="../" * DEPTH + path, jenis="PDF", ukuran=ukuran(size))


def _tahun(site: Site, plan: PlanFacts) -> t.TahunBukti:
    c = site.tahun(plan.tahun).capaian
    areas = []
    for area in plan.areas:
        rows = []
        for k in area.kegiatan:
            for a in k.aksi:
                row = c.baris.get(a.id) if c else None
                for b in row.bukti if row else ():
                    rows.append(
                        t.BuktiBaris(
                            judul=b.judul,
                            berkas=berkas_view(site, b.tautan),
                            baris_id=a.id,
                            baris_url=f"{'../' * DEPTH}{plan.tahun}/{area.slug}/#{a.id}",
                            baris_teks=singkat(_teks_baris(a) or plain(label(k.nomor, k.judul))),
                            kegiatan=singkat(plain(label(k.nomor, k.judul))),
                        )
                    )
        if rows:
            areas.append(
                t.AreaBukti(
                    id=f"cap-bukti-{plan.tahun}-{area.slug}",
                    area=area_ringkas(area),
                    url=f"{'../' * DEPTH}{plan.tahun}/{area.slug}/",
                    bukti=tuple(rows),
                )
            )
    kolom = plan.rencana.lampiran.kolom.kegiatan
    return t.TahunBukti(plan.tahun, tuple(areas), sum(len(a.bukti) for a in areas), kolom)


def _teks_baris(a: AksiFacts) -> str:
    text = plain(a.uraian or a.bukti or a.target)
    return f"{a.nomor} {text}" if a.nomor and text else text


def singkat(text: str, panjang: int = PANJANG) -> str:
    """``text`` cut at the last word that fits in ``panjang`` characters, with an ellipsis."""
    if len(text) <= panjang:
        return text
    cut = text[: panjang + 1].rsplit(" ", 1)[0].rstrip(" ,;:.-–")
    return (cut or text[:panjang]) + "…"

"""Recap pages, one per registered kind per year: /<tahun>/<jenis>/ (``generator.jenis``).

Each page: the example-data notice when the file says ``contoh: true``, the
latest period first, then the whole series as a chart and a table (newest
first), with the same numbers in both. Breakdown cells below the unit's
threshold are shown as "< 3" (``generator.rules.privasi``); totals never are.

What a page shows is the kind's own business (its module in ``generator.jenis``
builds a frozen context); here the page layer hands each kind its tools
(``Alat``: number formatting, charts, the sentence macros of
``theme/zi/_rekap_kalimat.md``) and renders the kind's template.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import partial
from typing import Any

import jinja2
from markupsafe import Markup

from generator import jenis as registry
from generator.jenis import Alat, JenisRekap
from generator.pages.angka import angka, desimal, persen, rupiah, tanggal
from generator.pages.base import Page
from generator.pages.contoh import tandai_grafik
from generator.pages.grafik import Batang, Garis, Tumpukan, grafik_batang, grafik_bertumpuk
from generator.rules import Kesegaran, TahunFacts
from generator.rules.terbit import SelTerbit
from generator.site import Site

KALIMAT = "_rekap_kalimat.md"
TANDA_SEKUNDER = "×"


@dataclass(frozen=True)
class Sel:
    """A published count: the number, "< ambang" (primary) or "×" (secondary suppression)."""

    teks: str
    disembunyikan: bool
    sekunder: bool
    ambang: int


def sel_view(c: SelTerbit) -> Sel:
    teks = {"primer": f"< {c.ambang}", "sekunder": TANDA_SEKUNDER}.get(c.tanda or "", angka(c.nilai or 0))
    return Sel(teks, c.disembunyikan, c.tanda == "sekunder", c.ambang)


@dataclass(frozen=True)
class InfoRekap:
    """What every recap page and the home page say about a recap: dates, freshness, example flag."""

    jenis: str
    judul: str
    tahun: int
    per_tanggal: str
    acuan: str | None
    contoh: bool
    terakhir: str | None  # the latest period reported
    terlambat: bool
    belum: tuple[tuple[str, str], ...]  # due periods not reported: (label, deadline)
    terbit_bulanan: bool  # published by a day of the next month (not by the end of the period)
    url: str
    angka: Any = None  # the latest figure in one phrase (home page), Markup from theme/zi/_rekap_kalimat.md


def info_view(rekap: Any, kes: Kesegaran | None, env: jinja2.Environment | None = None) -> InfoRekap:
    """A recap's common facts; with ``env``, also its latest figure in one phrase (``angka``)."""
    info = rekap.info
    missing = kes.belum_dilaporkan if kes else ()
    return InfoRekap(
        info.jenis,
        info.judul,
        info.tahun,
        tanggal(info.per_tanggal),
        tanggal(kes.acuan) if kes else None,
        info.contoh,
        kes.terakhir.label if kes and kes.terakhir else None,
        bool(missing),
        tuple((p.label, tanggal(d)) for p, d in missing),
        info.aturan == "bulan-berikutnya",
        f"{info.tahun}/{info.jenis}/",
        angka_terbaru(rekap, env) if env is not None else None,
    )


def angka_terbaru(rekap: Any, env: jinja2.Environment) -> Any:
    """The latest figure of a recap, in one phrase, for the home page (the kind's ``terbaru``)."""
    kind = registry.cari(rekap.info.jenis)
    assert kind is not None, rekap.info.jenis
    return kind.terbaru(rekap, alat(env, 0, contoh=False))


def alat(env: jinja2.Environment, ambang: int, contoh: bool) -> Alat:
    """The page layer's tools for one recap page; charts of example data are marked as such."""

    def mark(draw: Any) -> Any:
        return (lambda *a, **k: tandai_grafik(draw(*a, **k))) if contoh else draw

    sentences = env.get_template(KALIMAT).module
    return Alat(
        angka=angka,
        rupiah=rupiah,
        desimal=desimal,
        persen=persen,
        tanggal=tanggal,
        batang=Batang,
        tumpukan=Tumpukan,
        garis=Garis,
        grafik_batang=mark(grafik_batang),
        grafik_bertumpuk=mark(grafik_bertumpuk),
        sel=sel_view,
        tanda_sekunder=TANDA_SEKUNDER,
        kalimat=partial(_kalimat, sentences),
        teks=partial(_teks, sentences),
        ambang=ambang,
    )


def _kalimat(module: Any, name: str, **values: Any) -> Markup:
    return Markup(getattr(module, name)(**values))


def _teks(module: Any, name: str, **values: Any) -> str:
    return _kalimat(module, name, **values).unescape()


def _environment(env: jinja2.Environment, kind: JenisRekap) -> jinja2.Environment:
    """A kind shipped outside theme/zi (a test fixture) finds its template in its own folder first."""
    if kind.folder_template is None:
        return env
    assert env.loader is not None
    return env.overlay(loader=jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(kind.folder_template)), env.loader]))


def build_all(site: Site, tahun: TahunFacts, env: jinja2.Environment) -> list[Page]:
    pages = []
    for kind in registry.daftar():
        rekap = tahun.rekap_jenis(kind.jenis)
        if rekap is None:
            continue
        info = info_view(rekap, tahun.kesegaran.get(kind.jenis))
        page_env = _environment(env, kind)
        if info.terakhir is None:
            # A new year's empty file (zi new-year): one honest sentence, not charts of zeros.
            markdown = page_env.get_template("_rekap_kosong.md").render(satker=site.satker, info=info)
        else:
            context = kind.halaman(
                rekap,
                tahun.kesegaran.get(kind.jenis),
                alat(page_env, site.satker.privasi.ambang_sel_kecil, rekap.info.contoh),
            )
            fields = {f.name: getattr(context, f.name) for f in dataclasses.fields(context)}
            markdown = page_env.get_template(kind.nama_template).render(
                satker=site.satker, info=info, kanal_url="../../kanal-pengaduan/", **fields
            )
        pages.append(Page(f"{rekap.info.tahun}/{kind.jenis}.md", kind.judul_nav, markdown))
    return pages

"""Home page: first the overall figure, what is late, the latest recaps and where to report; then the details."""

from __future__ import annotations

from typing import Any

import jinja2

from generator.model.satker import Kanal as KanalSatker
from generator.pages import perhatian
from generator.pages.angka import tanggal
from generator.pages.base import Page
from generator.pages.cakupan import cakupan
from generator.pages.capaian import area_chart, ringkasan_view
from generator.pages.contoh import tandai_grafik
from generator.pages.konteks import beranda as t
from generator.pages.plan import keputusan_view
from generator.pages.rekap import info_view
from generator.pages.render import halaman
from generator.pages.views import area_ringkas, kolom_view, satker_view
from generator.rules import Kesegaran
from generator.site import Site

KANAL_PAGE = "kanal-pengaduan/"


def build(site: Site, env: jinja2.Environment) -> Page:
    plan = site.latest
    r = plan.rencana
    tahun = site.tahun(plan.tahun)
    c = tahun.capaian
    satuan = r.lampiran.kolom.uraian.lower()
    capaian = None
    if c:
        grafik = area_chart(plan, c, f"beranda-capaian-{plan.tahun}", satuan, env)
        capaian = t.CapaianBeranda(
            per_tanggal=tanggal(c.per_tanggal),
            total=ringkasan_view(c.total, satuan),
            grafik=tandai_grafik(grafik) if c.contoh else grafik,
            daftar_url=perhatian.path(plan.tahun).removesuffix(".md") + "/",
        )
    contoh = t.Contoh(capaian=c is not None and c.contoh, rekap=any(x.info.contoh for x in tahun.rekap))
    konteks = t.Beranda(
        satker=satker_view(site.satker),
        plan=t.RencanaBeranda(
            tahun=plan.tahun,
            jumlah_aksi=plan.jumlah_aksi,
            jumlah_kegiatan=plan.jumlah_kegiatan,
            ada_celah=plan.ada_celah,
        ),
        k=keputusan_view(r.keputusan),
        kolom=kolom_view(r.lampiran.kolom),
        areas=tuple(
            t.AreaBeranda(area_ringkas(a), ringkasan_view(c.per_area[a.slug], "baris") if c else None)
            for a in plan.areas
        ),
        older=tuple(
            t.TahunLalu(p.tahun, p.rencana.keputusan.nomor, p.rencana.keputusan.tahun)
            for p in reversed(site.plans[:-1])
        ),
        kanal_utama=tuple(k for k in kanal_utama(site) if k.ada),
        capaian=capaian,
        rekap=tuple(_rekap(x, tahun.kesegaran.get(x.info.jenis), env) for x in tahun.rekap),
        contoh=contoh if contoh.capaian or contoh.rekap else None,
        acuan=tanggal(tahun.acuan) if tahun.acuan else None,
        cakupan=cakupan(plan, c),
    )
    return Page("index.md", "Beranda", halaman(env, "home.md", konteks))


def _rekap(rekap: Any, kesegaran: Kesegaran | None, env: jinja2.Environment) -> t.RekapTerbaru:
    v = info_view(rekap, kesegaran, env)
    return t.RekapTerbaru(
        url=v.url,
        judul=v.judul,
        angka=v.angka,
        contoh=v.contoh,
        per_tanggal=v.per_tanggal,
        terlambat=v.terlambat,
        belum=v.belum,
    )


# The channels named on the home page after WhatsApp and Surel: (kind in satker.yaml, label).
KANAL_UTAMA = (("wbs", "Whistle Blowing System (WBS)"), ("gratifikasi", "Gratifikasi ke KPK"), ("lapor", "SP4N-LAPOR!"))


def kanal_utama(site: Site) -> tuple[t.KanalUtama, ...]:
    """The five ways to report, each with its contact and web address (``ada`` False: none given)."""
    s = site.satker
    by_kind: dict[str, KanalSatker] = {c.jenis: c for c in s.kanal}
    out = [
        _slot("WhatsApp", s.kontak.whatsapp, _wa(s.kontak.whatsapp) if s.kontak.whatsapp else None, None),
        _slot("Surel", s.kontak.surel, f"mailto:{s.kontak.surel}" if s.kontak.surel else None, None),
    ]
    for kind, name in KANAL_UTAMA:
        k = by_kind.get(kind)
        if k is None:
            out.append(_slot(name, None, None, None))
            continue
        web = k.tautan if k.tautan and k.tautan.startswith(("https://", "http://")) else None
        contact_url = (
            k.tautan if k.tautan and not web else (f"mailto:{k.kontak}" if k.kontak and "@" in k.kontak else None)
        )
        out.append(_slot(name, k.kontak, contact_url, web, k.contoh))
    return tuple(out)


def _slot(nama: str, kontak: str | None, kontak_url: str | None, web: str | None, contoh: bool = False) -> t.KanalUtama:
    return t.KanalUtama(
        nama=nama,
        kontak=kontak,
        kontak_url=kontak_url,
        web=web,
        web_teks=(web or "").removeprefix("https://").removeprefix("http://").rstrip("/"),
        contoh=contoh,
        ada=bool(kontak or web),
    )


def _wa(number: str) -> str:
    digits = "".join(ch for ch in number if ch.isdigit())
    return "https://wa.me/" + ("62" + digits[1:] if digits.startswith("0") else digits)

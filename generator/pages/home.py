"""Home page: the unit, this year's commitment, progress per area, the latest recaps, channels."""

from __future__ import annotations

from typing import Any

import jinja2

from generator.pages.angka import tanggal
from generator.pages.base import Page
from generator.pages.cakupan import cakupan
from generator.pages.contoh import tandai_grafik
from generator.pages.capaian import area_chart, ringkasan_view
from generator.pages.plan import heading, judul_kalimat
from generator.pages.rekap import info_view
from generator.pages.views import area_judul, area_summary
from generator.site import Site

KANAL_PAGE = "kanal-pengaduan/"


def build(site: Site, env: jinja2.Environment) -> Page:
    plan = site.latest
    r = plan.rencana
    tahun = site.tahun(plan.tahun)
    c = tahun.capaian
    satuan = r.lampiran.kolom.uraian.lower()
    areas = []
    for a in plan.areas:
        view = {**area_summary(plan, a, ""), "judul_html": heading(area_judul(a))}
        view["capaian"] = ringkasan_view(c.per_area[a.slug], "baris") if c else None
        areas.append(view)
    rekap = [info_view(x, tahun.kesegaran.get(x.info.jenis), env) for x in tahun.rekap]
    context = {
        "satker": site.satker.model_dump(),
        "plan": {"tahun": plan.tahun, "jumlah_aksi": plan.jumlah_aksi, "jumlah_kegiatan": plan.jumlah_kegiatan,
                 "ada_celah": plan.ada_celah},
        "k": {**r.keputusan.model_dump(), "judul_kalimat": judul_kalimat(r.keputusan.judul)},
        "kolom": r.lampiran.kolom.model_dump(),
        "areas": areas,
        "older": [{"tahun": p.tahun, "nomor": p.rencana.keputusan.nomor, "tahun_keputusan": p.rencana.keputusan.tahun}
                  for p in reversed(site.plans[:-1])],
        "kanal_utama": kanal_utama(site),
        "capaian": {"per_tanggal": tanggal(c.per_tanggal), "total": ringkasan_view(c.total, satuan),
                    "grafik": _grafik(area_chart(plan, c, f"beranda-capaian-{plan.tahun}", satuan), c.contoh)}
        if c else None,
        "rekap": rekap,
        "contoh": _contoh(c, tahun.rekap),
        "acuan": tanggal(tahun.acuan) if tahun.acuan else None,
        "cakupan": cakupan(plan, c),
    }
    return Page("index.md", "Beranda", env.get_template("home.md").render(context))


def _grafik(grafik: Any, contoh: bool) -> Any:
    return tandai_grafik(grafik) if contoh else grafik


def _contoh(capaian: Any, rekap: Any) -> str | None:
    """What on the home page is example data, in words; None when nothing is."""
    parts = []
    if capaian is not None and capaian.contoh:
        parts.append("capaian")
    if any(x.info.contoh for x in rekap):
        parts.append("rekap")
    return " dan ".join(parts) if parts else None


def kanal_views(site: Site) -> list[dict]:
    return [{**c.model_dump(), "tautan_teks": (c.tautan or "").removeprefix("https://").removeprefix("mailto:")}
            for c in site.satker.kanal]


def kanal_utama(site: Site) -> list[dict[str, Any]]:
    """The five ways to report, each with its contact and web address, or a pointer to the channel page."""
    s = site.satker
    by_kind = {c.jenis: c for c in s.kanal}
    out = [_slot("WhatsApp", s.kontak.whatsapp, _wa(s.kontak.whatsapp) if s.kontak.whatsapp else None, None),
           _slot("Surel", s.kontak.surel, f"mailto:{s.kontak.surel}" if s.kontak.surel else None, None)]
    for kind, name in (("wbs", "Whistle Blowing System (WBS)"), ("gratifikasi", "Gratifikasi ke KPK"),
                       ("lapor", "SP4N-LAPOR!")):
        k = by_kind.get(kind)
        if k is None:
            out.append(_slot(name, None, None, None))
            continue
        web = k.tautan if k.tautan and k.tautan.startswith(("https://", "http://")) else None
        contact_url = k.tautan if k.tautan and not web else (f"mailto:{k.kontak}" if k.kontak and "@" in k.kontak
                                                            else None)
        out.append(_slot(name, k.kontak, contact_url, web, k.contoh))
    return out


def _slot(nama: str, kontak: str | None, kontak_url: str | None, web: str | None, contoh: bool = False) -> dict:
    return {"nama": nama, "kontak": kontak, "kontak_url": kontak_url, "web": web,
            "web_teks": (web or "").removeprefix("https://").removeprefix("http://").rstrip("/"), "contoh": contoh,
            "ada": bool(kontak or web)}


def _wa(number: str) -> str:
    digits = "".join(ch for ch in number if ch.isdigit())
    return "https://wa.me/" + ("62" + digits[1:] if digits.startswith("0") else digits)

"""The page of one year's plan: the Keputusan as text and the full lampiran table."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import PurePosixPath

import jinja2

from generator.domain.jadwal import BULAN
from generator.model.keputusan import Keputusan, SalinanSesuai
from generator.model.lampiran import Lampiran, SalinanSesuaiLampiran
from generator.pages import alamat
from generator.pages.angka import tanggal, ukuran
from generator.pages.base import Page
from generator.pages.cakupan import cakupan
from generator.pages.capaian import area_chart, baris_view, ringkasan_view
from generator.pages.contoh import tandai_grafik
from generator.pages.jsonld import skrip
from generator.pages.konteks import rencana as t
from generator.pages.konteks import umum as u
from generator.pages.konteks.lampiran import AreaLampiran
from generator.pages.render import halaman
from generator.pages.text import plain
from generator.pages.unggahan import masalah
from generator.pages.views import (
    aksi_columns,
    area_ringkas,
    catatan_list,
    kolom_view,
    lampiran_rows,
    lead_columns,
    satker_view,
)
from generator.rules import PlanFacts
from generator.site import Site


def build(site: Site, plan: PlanFacts, env: jinja2.Environment, unduhan: Mapping[str, int] | None = None) -> Page:
    r = plan.rencana
    kolom = r.lampiran.kolom
    columns = aksi_columns(kolom)
    lead = lead_columns(kolom)
    c = site.tahun(plan.tahun).capaian
    span_aksi = sum(12 if (col.key == "jadwal" and kolom.jadwal_bulanan) else 1 for col in columns)
    span_aksi += 1 if c else 0
    per_baris = (lambda id_: baris_view(c.baris[id_], 1, lambda x: masalah(site, x, 1))) if c else None
    areas = tuple(AreaLampiran(area_ringkas(a), lampiran_rows(a, kolom, per_baris)) for a in plan.areas)
    capaian = None
    if c:
        satuan = kolom.uraian.lower()
        grafik = area_chart(plan, c, f"capaian-{plan.tahun}", satuan, env)
        capaian = t.CapaianRencana(
            per_tanggal=tanggal(c.per_tanggal),
            contoh=c.contoh,
            total=ringkasan_view(c.total, satuan),
            areas=tuple(
                t.AreaCapaian(area_ringkas(a), ringkasan_view(c.per_area[a.slug], "baris")) for a in plan.areas
            ),
            grafik=tandai_grafik(grafik) if c.contoh else grafik,
            tak_diketahui=any(not b.bulan_rencana for b in c.baris.values()),
        )
    konteks = t.Rencana(
        satker=satker_view(site.satker),
        plan=t.RencanaInfo(tahun=plan.tahun, jumlah_aksi=plan.jumlah_aksi),
        k=keputusan_view(r.keputusan),
        lampiran=lampiran_view(r.lampiran),
        kolom=kolom_view(kolom),
        columns=columns,
        lead_columns=lead,
        has_area_column=bool(kolom.area),
        bulanan=kolom.jadwal_bulanan,
        bulan_kolom=tuple(t.BulanKolom(i + 1, nama) for i, nama in enumerate(BULAN)),
        nomor_kolom=tuple(range(1, len(lead) + len(columns) + 1)),
        span_aksi=span_aksi,
        span_all=len(lead) + span_aksi,
        areas=areas,
        berkas=berkas(r.keputusan.berkas, depth=1, masalah=masalah(site, r.keputusan.berkas, 1)),
        pdf=pdf_keputusan(unduhan or {}, plan.tahun, depth=1),
        capaian=capaian,
        catatan_transkripsi=tuple(n for a in plan.areas for n in catatan_list(a, kolom)),
        cakupan=cakupan(plan, c),
        jsonld=skrip(legislation(site, plan, unduhan or {})),
    )
    return Page(f"{plan.tahun}/index.md", f"Keputusan dan Lampiran {plan.tahun}", halaman(env, "plan.md", konteks))


def keputusan_view(k: Keputusan) -> u.Keputusan:
    lb = k.label
    return u.Keputusan(
        instansi=tuple(k.instansi),
        salinan=k.salinan,
        judul=k.judul,
        judul_kalimat=judul_kalimat(k.judul),
        nomor=k.nomor,
        tahun=k.tahun,
        tentang=k.tentang,
        jabatan=k.jabatan,
        menimbang=tuple(k.menimbang),
        mengingat=tuple(k.mengingat),
        menetapkan=k.menetapkan,
        diktum=tuple(u.Diktum(lb.diktum.replace("{label}", d.label), d.teks) for d in k.diktum),
        ditetapkan_di=k.ditetapkan_di,
        tanggal=k.tanggal,
        penandatangan=u.Penandatangan(tuple(k.penandatangan.jabatan), k.penandatangan.nama, k.penandatangan.ttd),
        label=u.LabelKeputusan(
            menimbang=lb.menimbang,
            mengingat=lb.mengingat,
            memutuskan=lb.memutuskan,
            menetapkan=lb.menetapkan,
            ditetapkan_di=lb.ditetapkan_di,
            pada_tanggal=lb.pada_tanggal,
        ),
        salinan_sesuai=_salinan(k.salinan_sesuai),
        berkas=str(k.berkas) if k.berkas else None,
    )


def lampiran_view(lam: Lampiran) -> u.Lampiran:
    p = lam.penandatangan
    return u.Lampiran(
        judul=tuple(lam.judul),
        judul_tabel=lam.judul_tabel,
        catatan_sumber=tuple(lam.catatan_sumber),
        salinan_sesuai=_salinan(lam.salinan_sesuai),
        penandatangan=u.TandaTanganLampiran(p.tempat_tanggal, tuple(p.jabatan), p.ttd, p.nama) if p else None,
    )


def _salinan(s: SalinanSesuai | SalinanSesuaiLampiran | None) -> u.SalinanSesuai | None:
    return u.SalinanSesuai(tuple(s.baris), s.nama) if s else None


_KEEP_UPPER = {"KPU", "RI", "ZI", "WBK", "WBBM", "DIY", "SDM", "SPIP", "WBS", "DUMAS"}
_SMALL = {"dan", "di", "dari", "tentang", "untuk", "yang", "ke", "pada", "atas", "dalam"}


def judul_kalimat(text: str) -> str:
    """'KEPUTUSAN KOMISI PEMILIHAN UMUM' -> 'Keputusan Komisi Pemilihan Umum' for running text."""
    words = []
    for i, w in enumerate(text.split()):
        if w in _KEEP_UPPER:
            words.append(w)
        elif i and w.lower() in _SMALL:
            words.append(w.lower())
        else:
            words.append(w.capitalize())
    return " ".join(words)


def berkas(path: str | None, depth: int, masalah: u.MasalahBerkas | None = None) -> u.Berkas | None:
    """The signed scan as a link from a page ``depth`` folders below the site root."""
    if not path:
        return None
    p = PurePosixPath(path)
    return u.Berkas(url="../" * depth + str(p), jenis=p.suffix.lstrip(".").upper() or "berkas", masalah=masalah)


def legislation(site: Site, plan: PlanFacts, unduhan: Mapping[str, int]) -> dict:
    """schema.org ``Legislation`` of a year's Keputusan; its generated PDF as ``encoding`` when there is one."""
    k = plan.rencana.keputusan
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Legislation",
        "name": f"{k.judul} Nomor {k.nomor} Tahun {k.tahun} tentang {plain(k.tentang)}",
        "legislationIdentifier": f"Nomor {k.nomor} Tahun {k.tahun}",
        "legislationDate": k.tanggal.isoformat(),
        "datePublished": k.tanggal.isoformat(),
        "inLanguage": "id",
        "about": plain(k.tentang),
        "legislationPassedBy": {"@type": "GovernmentOrganization", "name": site.satker.nama},
    }
    pdf = alamat.pdf_keputusan(plan.tahun)
    if pdf in unduhan:
        data["encoding"] = {
            "@type": "MediaObject",
            "encodingFormat": "application/pdf",
            "contentUrl": "../" + pdf,
            "contentSize": f"{unduhan[pdf]} B",
        }
    return data


def pdf_keputusan(unduhan: Mapping[str, int], tahun: int, depth: int) -> u.Unduhan | None:
    """The Keputusan PDF generated from the data, as a link from a page ``depth`` folders below the root."""
    path = alamat.pdf_keputusan(tahun)
    if path not in unduhan:
        return None
    return u.Unduhan(url="../" * depth + path, jenis="PDF", ukuran=ukuran(unduhan[path]))

"""What the Keputusan PDF shows: the same views as the year's plan page (generator.pages.plan).

The decree text comes from ``keputusan_view``/``lampiran_view`` and the table rows from
``lampiran_rows`` (rowspans, gaps, transcription notes), so the PDF and the page cannot disagree.
The PDF has no Capaian column: it is the decree, not the progress, so it carries no example figures
(the site marks "Data contoh" only on figures from realisasi and recaps).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.domain.jadwal import BULAN
from generator.pages.konteks import lampiran as t
from generator.pages.konteks import rencana
from generator.pages.konteks import umum as u
from generator.pages.konteks.lampiran import AreaLampiran
from generator.pages.plan import keputusan_view, lampiran_view
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


@dataclass(frozen=True, slots=True)
class KonteksPdf:
    satker: u.Satker
    tahun: int
    tanggal_data: dt.date  # the document's date (metadata): from the data, never the clock
    k: u.Keputusan
    lampiran: u.Lampiran
    kolom: u.Kolom
    lead_columns: tuple[u.KolomTabel, ...]
    columns: tuple[u.KolomTabel, ...]
    lebar: tuple[str, ...]  # Typst column widths, one per column of the table
    has_area_column: bool
    bulanan: bool
    bulan_kolom: tuple[rencana.BulanKolom, ...]
    nomor_kolom: tuple[int, ...]
    span_aksi: int
    span_all: int
    areas: tuple[AreaLampiran, ...]
    catatan_transkripsi: tuple[t.CatatanTranskripsi, ...]
    asli_url: str | None  # the signed scan, when the data names one
    dokumen_url: str  # the Dokumen page, where the signed original is listed
    halaman_url: str  # the year's plan page


# Relative widths of the decree's columns (Typst fractions): text columns share the landscape page.
_LEBAR = {
    "nomor": "auto",
    "area": "0.9fr",
    "kegiatan": "1.1fr",
    "indikator": "1.1fr",
    "uraian": "1.6fr",
    "bukti": "1fr",
    "jadwal": "0.8fr",
    "target": "0.8fr",
    "penanggung_jawab": "0.8fr",
    "ket": "0.6fr",
}


def konteks(site: Site, plan: PlanFacts, site_url: str | None) -> KonteksPdf:
    r = plan.rencana
    kolom = r.lampiran.kolom
    columns = aksi_columns(kolom)
    lead = lead_columns(kolom)
    lebar: list[str] = [_LEBAR[c.key] for c in lead]
    for c in columns:
        lebar += ["0.62cm"] * 12 if (c.key == "jadwal" and kolom.jadwal_bulanan) else [_LEBAR.get(c.key, "1fr")]
    span_aksi = sum(12 if (col.key == "jadwal" and kolom.jadwal_bulanan) else 1 for col in columns)
    k = r.keputusan
    base = site_url or ""
    return KonteksPdf(
        satker=satker_view(site.satker),
        tahun=plan.tahun,
        tanggal_data=site.tanggal_data or k.tanggal,
        k=keputusan_view(k),
        lampiran=lampiran_view(r.lampiran),
        kolom=kolom_view(kolom),
        lead_columns=lead,
        columns=columns,
        lebar=tuple(lebar),
        has_area_column=bool(kolom.area),
        bulanan=kolom.jadwal_bulanan,
        bulan_kolom=tuple(rencana.BulanKolom(i + 1, nama) for i, nama in enumerate(BULAN)),
        nomor_kolom=tuple(range(1, len(lead) + len(columns) + 1)),
        span_aksi=span_aksi,
        span_all=len(lead) + span_aksi,
        areas=tuple(AreaLampiran(area_ringkas(a), lampiran_rows(a, kolom, None)) for a in plan.areas),
        catatan_transkripsi=tuple(n for a in plan.areas for n in catatan_list(a, kolom)),
        asli_url=(base + str(k.berkas)) if k.berkas else None,
        dokumen_url=base + "dokumen/",
        halaman_url=f"{base}{plan.tahun}/",
    )

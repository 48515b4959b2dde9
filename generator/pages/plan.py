"""The page of one year's plan: the Keputusan as text and the full lampiran table."""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any

import jinja2

from generator.pages.angka import tanggal
from generator.pages.base import Page
from generator.pages.cakupan import cakupan
from generator.pages.contoh import tandai_grafik
from generator.pages.capaian import area_chart, area_rows, baris_view, ringkasan_view
from generator.pages.text import inline, plain
from generator.pages.views import aksi_columns, area_judul, area_summary, catatan_list, lampiran_rows
from generator.rules import PlanFacts
from generator.site import Site


def build(site: Site, plan: PlanFacts, env: jinja2.Environment) -> Page:
    r = plan.rencana
    kolom = r.lampiran.kolom
    columns = aksi_columns(kolom)
    lead = [{"key": "nomor", "label": kolom.nomor}]
    if kolom.area:
        lead.append({"key": "area", "label": kolom.area})
    lead.append({"key": "kegiatan", "label": kolom.kegiatan})
    if kolom.indikator:  # absent when the decree has no indikator level
        lead.append({"key": "indikator", "label": kolom.indikator})
    capaian = site.tahun(plan.tahun).capaian
    span_aksi = sum(12 if (c["key"] == "jadwal" and kolom.jadwal_bulanan) else 1 for c in columns)
    span_aksi += 1 if capaian else 0
    areas = []
    for a in plan.areas:
        groups = lampiran_rows(a, kolom)
        for g in groups:
            g["judul_html"] = inline(g["judul"]) if g["judul"] else ""
            if capaian:
                for row in g["rows"]:
                    if row["aksi"] is not None:
                        row["aksi"]["capaian"] = baris_view(capaian.baris[row["aksi"]["id"]], 1)
        areas.append({**area_summary(plan, a, ""), "judul_html": heading(area_judul(a)),
                      "judul_plain": plain(area_judul(a)), "subjudul": a.subjudul, "groups": groups})
    context: dict[str, Any] = {
        "satker": site.satker.model_dump(),
        "plan": {"tahun": plan.tahun, "jumlah_aksi": plan.jumlah_aksi},
        "k": {**r.keputusan.model_dump(), "judul_kalimat": judul_kalimat(r.keputusan.judul)},
        "lampiran": r.lampiran.model_dump(),
        "kolom": kolom.model_dump(),
        "columns": columns,
        "lead_columns": lead,
        "has_area_column": bool(kolom.area),
        "bulanan": kolom.jadwal_bulanan,
        "nomor_kolom": list(range(1, len(lead) + len(columns) + 1)),
        "span_aksi": span_aksi,
        "span_all": len(lead) + span_aksi,
        "areas": areas,
        "berkas_url": berkas_url(r.keputusan.berkas, depth=1),
        "berkas_jenis": berkas_jenis(r.keputusan.berkas),
        "capaian": None,
        "catatan_transkripsi": [c for a in plan.areas for c in catatan_list(a, kolom)],
        "cakupan": cakupan(plan, capaian),
    }
    if capaian:
        satuan = kolom.uraian.lower()
        context["capaian"] = {
            "per_tanggal": tanggal(capaian.per_tanggal), "contoh": capaian.contoh,
            "total": ringkasan_view(capaian.total, satuan), "areas": area_rows(plan, capaian, ""),
            "grafik": area_chart(plan, capaian, f"capaian-{plan.tahun}", satuan),
            "tak_diketahui": any(not b.bulan_rencana for b in capaian.baris.values()),
        }
        if capaian.contoh:
            context["capaian"]["grafik"] = tandai_grafik(context["capaian"]["grafik"])
    return Page(f"{plan.tahun}/index.md", f"Keputusan dan Lampiran {plan.tahun}",
                env.get_template("plan.md").render(context))


def heading(text: str | None) -> str:
    """Single-line safe HTML for a Markdown heading."""
    return inline(" ".join((text or "").split()))


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


def berkas_url(path: str | None, depth: int) -> str | None:
    if not path:
        return None
    return "../" * depth + str(PurePosixPath(path))


def berkas_jenis(path: str | None) -> str:
    if not path:
        return ""
    return PurePosixPath(path).suffix.lstrip(".").upper() or "berkas"


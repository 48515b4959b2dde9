"""Progress (capaian) as template data: per row, per kegiatan, per area, overall."""

from __future__ import annotations

from typing import Any

from generator.domain.jadwal import BULAN_SINGKAT
from generator.pages.angka import angka, persen, rentang_bulan, tanggal
from generator.pages.grafik import Batang, grafik_batang
from generator.pages.views import area_judul
from generator.rules import BarisCapaian, CapaianFacts, PlanFacts, Ringkasan

STATUS = {
    "selesai": ("✓", "Selesai"),
    "berjalan": ("◐", "Berjalan"),
    "belum mulai": ("○", "Belum mulai"),
    "tidak dilaksanakan": ("✕", "Tidak dilaksanakan"),
    None: ("?", "Belum dilaporkan"),
}
# Month cells of the grid "rencana vs terlaksana": symbol and meaning, never colour alone.
KISI = {
    "terlaksana": ("✓", "direncanakan dan terlaksana"),
    "terlewat": ("!", "direncanakan, sudah lewat, belum terlaksana"),
    "rencana": (None, "direncanakan, belum terlaksana"),
    "tambahan": ("+", "terlaksana di luar jadwal"),
    "kosong": ("", "tidak direncanakan"),
    # A row whose schedule is not months (lost month ticks, "Sesuai kebutuhan"): the site cannot say a
    # month was or was not planned, so it does not.
    "tak-diketahui": ("?", "jadwal tidak diketahui"),
    "dikerjakan": ("•", "terlaksana (jadwal tidak diketahui)"),
}


def status_view(b: BarisCapaian) -> dict[str, Any]:
    ikon, label = STATUS[b.status]
    return {"kode": (b.status or "belum dilaporkan").replace(" ", "-"), "ikon": ikon, "label": label,
            "terlambat": b.terlambat}


def kisi(b: BarisCapaian) -> dict[str, Any]:
    cells = []
    known = bool(b.bulan_rencana)
    for m in range(1, 13):
        planned, done = m in b.bulan_rencana, m in b.bulan_terlaksana
        if not known:
            kind = "dikerjakan" if done else "tak-diketahui"
        else:
            kind = ("terlaksana" if planned and done else "terlewat" if m in b.bulan_terlewat
                    else "rencana" if planned else "tambahan" if done else "kosong")
        symbol = KISI[kind][0]
        cells.append({"kelas": kind, "simbol": BULAN_SINGKAT[m - 1][0] if symbol is None else symbol})
    rencana = (rentang_bulan(b.bulan_rencana) if known else "jadwal tidak diketahui" if b.bacaan == "kosong"
               else "jadwal tidak berupa bulan, jadi tidak diketahui")
    parts = [f"Rencana: {rencana}",
             f"terlaksana: {rentang_bulan(b.bulan_terlaksana) if b.bulan_terlaksana else 'belum ada'}"]
    if b.bulan_terlewat:
        parts.append(f"terlewat: {rentang_bulan(b.bulan_terlewat)}")
    return {"sel": cells, "teks": "; ".join(parts) + "."}


def bukti_url(tautan: str, depth: int) -> tuple[str, bool]:
    """(href, external) for an evidence link from a page ``depth`` folders below the site root."""
    if tautan.lower().startswith(("https://", "http://")):
        return tautan, True
    return "../" * depth + tautan, False


def baris_view(b: BarisCapaian, depth: int) -> dict[str, Any]:
    bukti = []
    for item in b.bukti:
        href, external = bukti_url(item.tautan, depth)
        bukti.append({"judul": item.judul, "url": href, "luar": external})
    return {
        "status": status_view(b),
        "kisi": kisi(b),
        "bukti": bukti,
        "diperbarui": tanggal(b.diperbarui) if b.diperbarui else None,
        "catatan": b.catatan,
        "alasan": b.alasan,
    }


def ringkasan_view(r: Ringkasan, satuan: str) -> dict[str, Any]:
    """Counts, the percentage and one sentence, e.g. '14 dari 57 langkah aksi selesai (24,6 %)'."""
    detail = [f"{angka(n)} {label}" for n, label in (
        (r.berjalan, "berjalan"), (r.belum_mulai, "belum mulai"), (r.tidak_dilaksanakan, "tidak dilaksanakan"),
        (r.belum_dilaporkan, "belum dilaporkan")) if n]
    kalimat = f"{angka(r.selesai)} dari {angka(r.jumlah)} {satuan} selesai ({persen(r.persen_selesai)})"
    if detail:
        kalimat += "; " + ", ".join(detail)
    if r.terlambat:
        kalimat += f"; {angka(r.terlambat)} terlambat"
    return {"jumlah": r.jumlah, "selesai": r.selesai, "berjalan": r.berjalan, "belum_mulai": r.belum_mulai,
            "tidak_dilaksanakan": r.tidak_dilaksanakan, "belum_dilaporkan": r.belum_dilaporkan,
            "terlambat": r.terlambat, "persen": persen(r.persen_selesai), "kalimat": kalimat + "."}


def area_chart(plan: PlanFacts, c: CapaianFacts, kunci: str, satuan: str) -> Any:
    """Bars of % selesai per area and for the whole plan."""
    # Bars carry the site's classification only (no decree number): the chart is titled "per area perubahan".
    bars = [Batang(a.info.nama, c.per_area[a.slug].persen_selesai or 0,
                   persen(c.per_area[a.slug].persen_selesai)) for a in plan.areas]
    bars.append(Batang(f"Seluruh rencana aksi {plan.tahun}", c.total.persen_selesai or 0,
                       persen(c.total.persen_selesai), tebal=True))
    best = max(plan.areas, key=lambda a: (c.per_area[a.slug].persen_selesai or 0))
    ringkasan = f"Per {tanggal(c.per_tanggal)}, {ringkasan_view(c.total, satuan)['kalimat']}"
    if c.per_area[best.slug].persen_selesai:  # "highest" means nothing while every area is at 0 %
        ringkasan += (f" Capaian tertinggi di area perubahan {best.info.nama} "
                      f"({persen(c.per_area[best.slug].persen_selesai)}).")
    return grafik_batang(kunci, f"Persentase {satuan} selesai per area perubahan (klasifikasi situs), "
                                f"per {tanggal(c.per_tanggal)}",
                         "Batang menunjukkan bagian " + satuan + " yang berstatus selesai pada setiap area; "
                         "angkanya tertulis di ujung batang dan pada tabel di bawah grafik.", bars, 1, ringkasan)


def area_rows(plan: PlanFacts, c: CapaianFacts, base: str) -> list[dict[str, Any]]:
    return [{"nomor": a.nomor, "judul_keputusan": area_judul(a), "nama": a.info.nama, "url": f"{base}{a.slug}/",
             **ringkasan_view(c.per_area[a.slug], "baris")} for a in plan.areas]

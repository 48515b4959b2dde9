"""Progress (capaian) as template data: per row, per kegiatan, per area, overall."""

from __future__ import annotations

from collections.abc import Callable

import jinja2
from markupsafe import Markup

from generator.domain.jadwal import BULAN_SINGKAT
from generator.pages.angka import angka, persen, rentang_bulan, tanggal
from generator.pages.grafik import Tumpukan, grafik_bertumpuk
from generator.pages.konteks import capaian as t
from generator.pages.konteks.umum import MasalahBerkas
from generator.pages.render import kalimat
from generator.pages.text import plain
from generator.pages.views import label
from generator.rules import AreaFacts, BarisCapaian, CapaianFacts, PlanFacts
from generator.rules import Ringkasan as RingkasanFacts

# Status labels, each with a symbol so that colour never carries the meaning alone.
STATUS = {
    "selesai": ("✓", "Selesai"),
    "berjalan": ("◐", "Berjalan"),
    "belum mulai": ("○", "Belum mulai"),
    "tidak dilaksanakan": ("✕", "Tidak dilaksanakan"),
    None: ("?", "Belum dilaporkan"),
}
# Symbols of the month cells of the grid "rencana vs terlaksana" (their meaning: legenda_kisi in _data.html).
# None: the month's initial. "tak-diketahui"/"dikerjakan": a row whose schedule is not months (lost month ticks,
# "Sesuai kebutuhan"): the site cannot say a month was or was not planned, so it does not.
KISI = {
    "terlaksana": "✓",
    "terlewat": "!",
    "rencana": None,
    "tambahan": "+",
    "kosong": "",
    "tak-diketahui": "?",
    "dikerjakan": "•",
}


def status_view(b: BarisCapaian) -> t.Status:
    ikon, label = STATUS[b.status]
    return t.Status(
        kode=(b.status or "belum dilaporkan").replace(" ", "-"), ikon=ikon, label=label, terlambat=b.terlambat
    )


def kisi(b: BarisCapaian) -> t.Kisi:
    cells = []
    known = bool(b.bulan_rencana)
    for m in range(1, 13):
        planned, done = m in b.bulan_rencana, m in b.bulan_terlaksana
        if not known:
            kind = "dikerjakan" if done else "tak-diketahui"
        else:
            kind = (
                "terlaksana"
                if planned and done
                else "terlewat"
                if m in b.bulan_terlewat
                else "rencana"
                if planned
                else "tambahan"
                if done
                else "kosong"
            )
        symbol = KISI[kind]
        cells.append(t.SelKisi(kelas=kind, simbol=BULAN_SINGKAT[m - 1][0] if symbol is None else symbol))
    return t.Kisi(
        sel=tuple(cells),
        rencana=rentang_bulan(b.bulan_rencana) if known else "",
        jadwal_kosong=b.bacaan == "kosong",
        terlaksana=rentang_bulan(b.bulan_terlaksana),
        terlewat=rentang_bulan(b.bulan_terlewat),
    )


def bukti_url(tautan: str, depth: int) -> tuple[str, bool]:
    """(href, external) for an evidence link from a page ``depth`` folders below the site root."""
    if tautan.lower().startswith(("https://", "http://")):
        return tautan, True
    return "../" * depth + tautan, False


def baris_view(b: BarisCapaian, depth: int, masalah: Callable[[str], MasalahBerkas | None] | None = None) -> t.Baris:
    """``masalah``: what the build found missing in an uploaded file, by its ``tautan`` (pages/unggahan)."""
    bukti = []
    for item in b.bukti:
        href, external = bukti_url(item.tautan, depth)
        bukti.append(
            t.Bukti(judul=item.judul, url=href, luar=external, masalah=masalah(item.tautan) if masalah else None)
        )
    return t.Baris(
        status=status_view(b),
        kisi=kisi(b),
        bukti=tuple(bukti),
        diperbarui=tanggal(b.diperbarui) if b.diperbarui else None,
        catatan=b.catatan,
        alasan=b.alasan,
    )


def ringkasan_view(r: RingkasanFacts, satuan: str) -> t.Ringkasan:
    """Counts, the percentage and the figures of the sentence '14 dari 57 langkah aksi selesai (24,6 %); …'."""
    rincian = tuple(
        t.Rincian(angka(n), status)
        for n, status in (
            (r.berjalan, "berjalan"),
            (r.belum_mulai, "belum mulai"),
            (r.tidak_dilaksanakan, "tidak dilaksanakan"),
            (r.belum_dilaporkan, "belum dilaporkan"),
        )
        if n
    )
    return t.Ringkasan(
        jumlah=r.jumlah,
        selesai=r.selesai,
        berjalan=r.berjalan,
        belum_mulai=r.belum_mulai,
        tidak_dilaksanakan=r.tidak_dilaksanakan,
        belum_dilaporkan=r.belum_dilaporkan,
        terlambat=r.terlambat,
        persen=persen(r.persen_selesai),
        satuan=satuan,
        angka_jumlah=angka(r.jumlah),
        angka_selesai=angka(r.selesai),
        angka_terlambat=angka(r.terlambat),
        rincian=rincian,
    )


# The parts of a stacked progress bar, in the order of skala.POLA (solid, hatched, outline, dashed outline,
# thick outline): "tidak dilaksanakan" comes last and is drawn only when some row has it.
STATUS_GRAFIK = ("selesai", "berjalan", "belum_mulai", "belum_dilaporkan", "tidak_dilaksanakan")


def area_chart(plan: PlanFacts, c: CapaianFacts, kunci: str, satuan: str, env: jinja2.Environment) -> Markup:
    """A stacked bar per area: selesai / berjalan / belum mulai / belum dilaporkan (/ tidak dilaksanakan).

    The counts are the rules' (CapaianFacts.per_area); a plan where 87 of 96 rows are unreported shows
    a bar that is mostly "belum dilaporkan", not an empty one that reads as 0 %. All areas share one
    scale (the largest area), so a longer bar is an area with more rows.
    """
    keys = [k for k in STATUS_GRAFIK if k != "tidak_dilaksanakan" or c.total.tidak_dilaksanakan]
    stacks = [
        Tumpukan(
            a.info.nama,
            tuple(getattr(c.per_area[a.slug], k) for k in keys),
            "",
            kalimat(
                env,
                "batang_status_area",
                persen=persen(c.per_area[a.slug].persen_selesai),
                jumlah=angka(c.per_area[a.slug].jumlah),
            ),
        )
        for a in plan.areas
    ]
    best = max(plan.areas, key=lambda a: c.per_area[a.slug].persen_selesai or 0)
    per_tanggal = tanggal(c.per_tanggal)
    # "highest" means nothing while every area is at 0 %
    tertinggi = best.info.nama if c.per_area[best.slug].persen_selesai else None
    return grafik_bertumpuk(
        kunci,
        kalimat(env, "judul_grafik_status_area", satuan=satuan, per_tanggal=per_tanggal),
        kalimat(env, "deskripsi_grafik_status_area", satuan=satuan),
        [kalimat(env, "seri_status", kunci=k) for k in keys],
        stacks,
        max([c.per_area[a.slug].jumlah for a in plan.areas] + [1]),
        kalimat(
            env,
            "ringkasan_grafik_area",
            per_tanggal=per_tanggal,
            total=ringkasan_view(c.total, satuan),
            tertinggi=tertinggi,
            persen_tertinggi=persen(c.per_area[best.slug].persen_selesai),
        ),
    )


def kegiatan_chart(
    area: AreaFacts, c: CapaianFacts, kunci: str, satuan: str, judul: str, env: jinja2.Environment
) -> Markup:
    """One area's stacked bars, a bar per kegiatan with rows and the whole area last, in the order of
    the table beneath (issue 12: a single "selesai" bar hid the rows in progress and unreported)."""
    keys = [k for k in STATUS_GRAFIK if k != "tidak_dilaksanakan" or c.per_area[area.slug].tidak_dilaksanakan]
    parts = [
        (plain(label(k.nomor, k.judul)), c.per_kegiatan[k.id]) for k in area.kegiatan if c.per_kegiatan[k.id].jumlah
    ]
    parts.append((kalimat(env, "batang_area", nomor=area.nomor), c.per_area[area.slug]))
    stacks = [
        Tumpukan(
            nama,
            tuple(getattr(r, k) for k in keys),
            "",
            kalimat(env, "batang_status_area", persen=persen(r.persen_selesai), jumlah=angka(r.jumlah)),
        )
        for nama, r in parts
    ]
    per_tanggal = tanggal(c.per_tanggal)
    return grafik_bertumpuk(
        kunci,
        kalimat(env, "judul_grafik_satu_area", satuan=satuan, nomor=area.nomor, judul=judul, per_tanggal=per_tanggal),
        kalimat(env, "deskripsi_grafik_status_area", satuan=satuan),
        [kalimat(env, "seri_status", kunci=k) for k in keys],
        stacks,
        max(c.per_area[area.slug].jumlah, 1),
        kalimat(env, "ringkasan_grafik", per_tanggal=per_tanggal, total=ringkasan_view(c.per_area[area.slug], satuan)),
    )

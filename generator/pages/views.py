"""Facts -> plain dicts for templates (finished values: spans, labels, counts)."""

from __future__ import annotations

from typing import Any

from generator.domain.jadwal import BULAN
from generator.model import Kolom
from generator.rules import AksiFacts, AreaFacts, KegiatanFacts, PlanFacts

TIDAK_TERBACA = "Baris ini tidak terbaca pada salinan sumber."
AKSI_FIELDS = ("uraian", "bukti", "jadwal", "target", "ket")


def aksi_columns(kolom: Kolom) -> list[dict[str, str]]:
    """The decree's columns at row level, in its own order and words."""
    return [{"key": key, "label": getattr(kolom, key)} for key in AKSI_FIELDS if getattr(kolom, key)]


def label(nomor: str | None, teks: str | None) -> str:
    return " ".join(x for x in (nomor, teks) if x)


def aksi_view(a: AksiFacts, bulanan: bool) -> dict[str, Any]:
    return {
        "id": a.id,
        "nomor": a.nomor or "",
        "uraian": a.uraian,
        "bukti": a.bukti,
        "jadwal": a.jadwal_teks,
        "target": a.target,
        "ket": a.ket,
        "celah": a.celah,
        "tidak_terbaca": TIDAK_TERBACA if a.celah and not (a.uraian or a.bukti or a.target) else None,
        "bulan": [BULAN[m - 1] for m in a.bulan],
        "kisi": [{"nama": BULAN[i], "ada": (i + 1) in a.bulan} for i in range(12)],
        "jadwal_hilang": bulanan and not a.bulan and not a.jadwal_teks,
    }


def kegiatan_view(k: KegiatanFacts, bulanan: bool) -> dict[str, Any]:
    inds = []
    for ind in k.indikator:
        inds.append({
            "id": ind.id, "nomor": ind.nomor or "", "teks": ind.teks, "celah": ind.celah,
            "tidak_terbaca": TIDAK_TERBACA if ind.celah and not ind.teks else None,
            "aksi": [aksi_view(a, bulanan) for a in ind.aksi],
        })
    return {"id": k.id, "nomor": k.nomor or "", "judul": k.judul, "celah": k.celah,
            "tidak_terbaca": TIDAK_TERBACA if k.celah and not k.judul else None,
            "indikator": inds}


def lampiran_rows(area: AreaFacts, kolom: Kolom) -> list[dict[str, Any]]:
    """Row groups of one area's lampiran table with the rowspans of the decree's layout.

    Each group is a kelompok (or the whole area); each row carries which merged
    cells start on it and how many rows they span.
    """
    bulanan = kolom.jadwal_bulanan
    groups = []
    area_rows = _area_span(area)
    first_in_area = True
    for g in area.kelompok:
        rows: list[dict[str, Any]] = []
        for k in g.kegiatan:
            k_span = _kegiatan_span(k)
            first_in_k = True
            indikator = k.indikator or ()
            if not indikator:
                rows.append(_row(area, area_rows, first_in_area, k, k_span, True, None, 0, True, None, bulanan))
                first_in_area = False
                continue
            for ind in indikator:
                i_span = max(1, len(ind.aksi))
                aksi = ind.aksi or (None,)
                for n, a in enumerate(aksi):
                    rows.append(_row(area, area_rows, first_in_area, k, k_span, first_in_k,
                                     ind, i_span, n == 0, a, bulanan))
                    first_in_area = first_in_k = False
        groups.append({"id": g.id, "judul": None if g.implisit else label(g.nomor, g.judul),
                       "celah": g.celah, "rows": rows})
    return groups


def _area_span(area: AreaFacts) -> int:
    return sum(_kegiatan_span(k) for k in area.kegiatan)


def _kegiatan_span(k: KegiatanFacts) -> int:
    return sum(max(1, len(i.aksi)) for i in k.indikator) or 1


def _row(area, area_span, first_in_area, k, k_span, first_in_k, ind, i_span, first_in_i, a, bulanan):
    return {
        # The decree's own heading only: a lost heading shows as a gap, not as our catalogue name.
        "area": {"span": area_span, "nomor": area.nomor, "judul": area.judul, "celah": area.celah,
                 "tidak_terbaca": TIDAK_TERBACA if area.celah and not area.judul else None}
        if first_in_area else None,
        "kegiatan": {"span": k_span, **kegiatan_head(k)} if first_in_k else None,
        "indikator": ({"span": i_span, "id": ind.id, "nomor": ind.nomor or "", "teks": ind.teks,
                       "celah": ind.celah,
                       "tidak_terbaca": TIDAK_TERBACA if ind.celah and not ind.teks else None}
                      if ind is not None and first_in_i else ({"span": 1, "nomor": "", "teks": None, "id": None,
                                                               "celah": None, "tidak_terbaca": None}
                                                              if ind is None else None)),
        "aksi": aksi_view(a, bulanan) if a is not None else None,
    }


def kegiatan_head(k: KegiatanFacts) -> dict[str, Any]:
    return {"id": k.id, "nomor": k.nomor or "", "judul": k.judul, "celah": k.celah,
            "tidak_terbaca": TIDAK_TERBACA if k.celah and not k.judul else None}


def area_summary(plan: PlanFacts, area: AreaFacts, base: str) -> dict[str, Any]:
    return {
        "nomor": area.nomor,
        "judul": area.judul,
        "nama": area.info.nama,
        "resmi": area.info.resmi,
        "slug": area.slug,
        "url": f"{base}{plan.tahun}/{area.slug}/",
        "jumlah_kegiatan": area.jumlah_kegiatan,
        "jumlah_aksi": area.jumlah_aksi,
        "jumlah_celah": area.jumlah_celah,
    }

"""Facts -> plain dicts for templates (finished values: spans, labels, counts)."""

from __future__ import annotations

from typing import Any

from generator.domain.jadwal import BULAN
from generator.model import Kolom
from generator.rules import AksiFacts, AreaFacts, IndikatorFacts, KegiatanFacts, PlanFacts

TIDAK_TERBACA = "Baris ini tidak terbaca pada salinan sumber."
# Where the decree's own area heading was lost, its place shows the gap; the site's
# catalogue name appears only labelled as the site's classification.
JUDUL_AREA_TIDAK_TERBACA = "[judul area tidak terbaca pada sumber]"
AKSI_FIELDS = ("uraian", "bukti", "jadwal", "target", "penanggung_jawab", "ket")


def aksi_columns(kolom: Kolom) -> list[dict[str, str]]:
    """The decree's columns at row level, in its own order and words."""
    return [{"key": key, "label": getattr(kolom, key)} for key in AKSI_FIELDS if getattr(kolom, key)]


def label(nomor: str | None, teks: str | None) -> str:
    return " ".join(x for x in (nomor, teks) if x)


def area_judul(area: AreaFacts) -> str:
    """The area's heading text as the decree has it, or the gap plus the labelled classification."""
    if area.judul:
        return area.judul
    return f"{JUDUL_AREA_TIDAK_TERBACA} (klasifikasi situs: {area.info.nama})"


def catatan_list(area: AreaFacts, kolom: Kolom) -> list[dict[str, str]]:
    """Every catatan transkripsi of one area, in document order, with the item it belongs to."""
    where = f"Area {area.nomor}"
    out = [{"id": area.slug, "letak": where, "teks": area.catatan}] if area.catatan else []
    for g in area.kelompok:
        gwhere = where if g.implisit else f"{where}, {label(g.nomor, g.judul)}"
        if g.catatan:
            out.append({"id": g.id, "letak": gwhere, "teks": g.catatan})
        for k in g.kegiatan:
            kwhere = f"{gwhere}, {kolom.kegiatan.lower()} {k.nomor or '(tanpa nomor)'}"
            if k.catatan:
                out.append({"id": k.id, "letak": kwhere, "teks": k.catatan})
            for i in k.indikator:
                iwhere = kwhere if i.implisit else f"{kwhere}, {kolom.indikator.lower()} {i.nomor or '(tanpa nomor)'}"
                if i.catatan:
                    out.append({"id": i.id, "letak": iwhere, "teks": i.catatan})
                for a in i.aksi:
                    if a.catatan:
                        awhere = f"{iwhere}, {kolom.uraian.lower()} {a.nomor or '(tanpa nomor)'}"
                        out.append({"id": a.id, "letak": awhere, "teks": a.catatan})
    return out


def aksi_view(a: AksiFacts, bulanan: bool) -> dict[str, Any]:
    return {
        "id": a.id,
        "nomor": a.nomor or "",
        "uraian": a.uraian,
        "bukti": a.bukti,
        "jadwal": a.jadwal_teks,
        "target": a.target,
        "penanggung_jawab": a.penanggung_jawab,
        "ket": a.ket,
        "celah": a.celah,
        "kosong": a.kosong,
        "catatan": a.catatan,
        "tidak_terbaca": _gap(a.celah, a.uraian or a.bukti or a.target),
        "bulan": [BULAN[m - 1] for m in a.bulan],
        "kisi": [{"nama": BULAN[i], "ada": (i + 1) in a.bulan} for i in range(12)],
        # A quarter/semester is a window, not every month of it: shown as its span of months.
        "jendela": [f"{BULAN[m1 - 1]} – {BULAN[m2 - 1]}" for m1, m2 in a.jendela],
        "jadwal_hilang": bulanan and not a.bulan and not a.jadwal_teks,
    }


def kegiatan_view(k: KegiatanFacts, bulanan: bool) -> dict[str, Any]:
    inds = []
    for ind in k.indikator:
        inds.append({
            "id": ind.id, "nomor": ind.nomor or "", "teks": ind.teks, "celah": ind.celah, "catatan": ind.catatan,
            "tidak_terbaca": _gap(ind.celah, ind.teks), "implisit": ind.implisit,
            "aksi": [aksi_view(a, bulanan) for a in ind.aksi],
        })
    return {**kegiatan_head(k), "indikator": inds}


def lampiran_rows(area: AreaFacts, kolom: Kolom) -> list[dict[str, Any]]:
    """Row groups of one area's lampiran table with the rowspans of the decree's layout.

    Each group is a kelompok (or the whole area); each row carries the merged
    cells that start on it (with how many rows they span) and its action.
    """
    # The decree's own heading only: a lost heading shows as a gap, not as our catalogue name.
    area_head = {"span": sum(len(_cells(k)) for k in area.kegiatan), "nomor": area.nomor, "judul": area.judul,
                 "celah": area.celah, "tidak_terbaca": _gap(area.celah, area.judul)}
    groups = []
    for g in area.kelompok:
        rows: list[dict[str, Any]] = []
        for k in g.kegiatan:
            cells = _cells(k)
            for n, (ind, a) in enumerate(cells):
                starts_ind = ind is not None and (n == 0 or cells[n - 1][0] is not ind)
                rows.append({
                    "area": area_head if not rows and not groups else None,
                    "kegiatan": {"span": len(cells), **kegiatan_head(k)} if n == 0 else None,
                    "indikator": _indikator_cell(kolom, ind, starts_ind),
                    "aksi": aksi_view(a, kolom.jadwal_bulanan) if a is not None else None,
                    # An empty cell of a row the source lost reads "tidak terbaca", not "kosong pada sumber".
                    "gap": a is None and bool(k.celah or (ind is not None and ind.celah)),
                })
        groups.append({"id": g.id, "judul": None if g.implisit else label(g.nomor, g.judul),
                       "celah": g.celah, "catatan": g.catatan, "rows": rows})
    return groups


_NO_INDIKATOR = {"span": 1, "id": None, "nomor": "", "teks": None, "celah": None, "catatan": None,
                 "tidak_terbaca": None}


def _indikator_cell(kolom: Kolom, ind: IndikatorFacts | None, starts: bool) -> dict[str, Any] | None:
    """The indikator cell starting on a row; none at all when the decree has no indikator column."""
    if kolom.indikator is None:
        return None
    if ind is None or ind.implisit:
        return _NO_INDIKATOR
    return _indikator_head(ind) if starts else None


def _cells(k: KegiatanFacts) -> list[tuple[IndikatorFacts | None, AksiFacts | None]]:
    """One table row per action; an indikator or kegiatan without actions still takes a row."""
    return [(ind, a) for ind in k.indikator for a in (ind.aksi or (None,))] or [(None, None)]


def _indikator_head(ind: IndikatorFacts) -> dict[str, Any]:
    return {"span": max(1, len(ind.aksi)), "id": ind.id, "nomor": ind.nomor or "", "teks": ind.teks,
            "celah": ind.celah, "catatan": ind.catatan, "tidak_terbaca": _gap(ind.celah, ind.teks)}


def _gap(celah: str | None, text: str | None) -> str | None:
    """The standard gap label, when the source lost an item's text."""
    return TIDAK_TERBACA if celah and not text else None


def kegiatan_head(k: KegiatanFacts) -> dict[str, Any]:
    return {"id": k.id, "nomor": k.nomor or "", "judul": k.judul, "celah": k.celah, "catatan": k.catatan,
            "tidak_terbaca": _gap(k.celah, k.judul)}


def area_summary(plan: PlanFacts, area: AreaFacts, base: str) -> dict[str, Any]:
    return {
        "nomor": area.nomor,
        "judul": area.judul,
        "judul_keputusan": area_judul(area),
        "catatan": area.catatan,
        "nama": area.info.nama,
        "resmi": area.info.resmi,
        "slug": area.slug,
        "url": f"{base}{plan.tahun}/{area.slug}/",
        "jumlah_kegiatan": area.jumlah_kegiatan,
        "jumlah_aksi": area.jumlah_aksi,
        "jumlah_celah": area.jumlah_celah,
    }

"""The survey page of a year (/<tahun>/survei/): IKM per quarter with its nine unsur, the
Indeks Persepsi Anti Korupsi and the Indeks Persepsi Kualitas Pelayanan (IPKP) on the 0–4
index of ZI evaluation, each against its thresholds. The arithmetic is in
``generator.domain.ikm`` and ``generator.domain.survei``; here it is only written out.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from generator.domain.bulat import bulat
from generator.domain.ikm import MUTU, UNSUR
from generator.domain.survei import AMBANG_ANTI_KORUPSI, AMBANG_KUALITAS_PELAYANAN, Ambang
from generator.pages.angka import angka, desimal
from generator.pages.grafik import Batang, Garis, grafik_batang
from generator.rules import Kesegaran, SurveiFacts
from generator.rules.survei import IndeksFacts
from generator.site import Site

NAMA_INDEKS = {"anti_korupsi": "Indeks Persepsi Anti Korupsi",
               "kualitas_pelayanan": "Indeks Persepsi Kualitas Pelayanan (IPKP)"}


def _angka_skala(d: Decimal) -> str:
    """A scale end or a survey figure as written, with a decimal comma: 1, 4, 5,46."""
    text = format(d.normalize(), "f") if d == d.to_integral_value() else format(d, "f")
    return text.replace(".", ",")


def _ambang_groups(ambang: tuple[Ambang, ...]) -> list[tuple[Decimal, str]]:
    """Thresholds merged when two predicates share a value: [(3.60, 'Menuju WBK dan Menuju WBBM')]."""
    groups: dict[Decimal, list[str]] = {}
    for a in ambang:
        groups.setdefault(bulat(a.indeks, 2), []).append(a.predikat)
    return [(v, " dan ".join(names)) for v, names in sorted(groups.items())]


def indeks_view(x: IndeksFacts | None) -> dict[str, Any] | None:
    if x is None:
        return None
    return {"nilai_asli": _angka_skala(x.nilai_asli),
            "skala": f"{_angka_skala(x.skala_terendah)}–{_angka_skala(x.skala_tertinggi)}",
            "dikonversi": x.skala_tertinggi != 4, "indeks": desimal(x.indeks, 2),
            "responden": angka(x.responden) if x.responden is not None else "–",
            "ambang": [{"predikat": a.predikat, "nilai": desimal(a.indeks, 2), "memenuhi": ok} for a, ok in x.ambang]}


def context(site: Site, s: SurveiFacts, kes: Kesegaran | None) -> dict[str, Any]:
    ambang_sel = site.satker.privasi.ambang_sel_kecil
    from generator.pages.rekap import sel_view

    quarters = []
    for t in reversed(s.triwulan):
        q: dict[str, Any] = {"periode": t.periode.label_pendek, "label": t.periode.label, "ikm": None,
                             "anti_korupsi": indeks_view(t.anti_korupsi),
                             "kualitas_pelayanan": indeks_view(t.kualitas_pelayanan), "catatan": t.catatan}
        if t.ikm is not None:
            h = t.ikm.hasil
            q["ikm"] = {
                "nilai": desimal(h.nilai, 2), "mutu": h.mutu.huruf, "kinerja": h.mutu.kinerja,
                "responden": angka(t.ikm.responden),
                "populasi": angka(t.ikm.populasi) if t.ikm.populasi is not None else None,
                "minimal": angka(t.ikm.sampel_minimal) if t.ikm.sampel_minimal is not None else None,
                "cukup": t.ikm.sampel_cukup,
                "unsur": [{"nama": u.nama, "nrr": desimal(u.nrr, 2), "konversi": desimal(u.nilai_konversi, 2),
                           "mutu": u.mutu.huruf, "jawaban": [sel_view(n, ambang_sel) for n in u.jawaban]}
                          for u in h.unsur],
            }
        quarters.append(q)
    with_ikm = [t for t in s.triwulan if t.ikm is not None]
    grafik_ikm = None
    if with_ikm:
        bars = [Batang(t.periode.label_pendek, t.ikm.hasil.nilai,
                       f"{desimal(t.ikm.hasil.nilai, 2)} ({t.ikm.hasil.mutu.huruf})") for t in with_ikm]
        last = with_ikm[-1]
        grafik_ikm = grafik_batang(
            f"ikm-{s.info.tahun}", f"Indeks Kepuasan Masyarakat per triwulan, {s.info.tahun}",
            "Panjang batang adalah nilai IKM dari 0 sampai 100; garis putus-putus menandai batas bawah mutu A, B "
            "dan C; nilai dan huruf mutunya tertulis di ujung batang.", bars, 100,
            f"{last.periode.label}: IKM {desimal(last.ikm.hasil.nilai, 2)}, mutu {last.ikm.hasil.mutu.huruf} "
            f"({last.ikm.hasil.mutu.kinerja}).",
            tuple(Garis(m.batas_bawah, f"{m.huruf} ≥ {desimal(m.batas_bawah, 2)}") for m in MUTU[:3]))
    return {"triwulan": quarters, "terakhir": quarters[0] if quarters else None, "grafik_ikm": grafik_ikm,
            "catatan": [{"periode": q["label"], "teks": q["catatan"]} for q in quarters if q["catatan"]],
            "grafik_nrr": _nrr_chart(s), "ambang_sel": ambang_sel,
            "nrr_tabel": _nrr_table(s), "indeks": [_indeks_section(s, k) for k in NAMA_INDEKS],
            "mutu": [{"huruf": m.huruf, "kinerja": m.kinerja, "dari": desimal(m.batas_bawah, 2)} for m in MUTU]}


def _nrr_chart(s: SurveiFacts) -> Any:
    with_ikm = [t for t in s.triwulan if t.ikm is not None]
    if not with_ikm:
        return None
    last = with_ikm[-1]
    units = last.ikm.hasil.unsur
    low = min(units, key=lambda u: u.nrr)
    high = max(units, key=lambda u: u.nrr)
    return grafik_batang(
        f"nrr-{s.info.tahun}", f"Nilai rata-rata per unsur, {last.periode.label}",
        "Panjang batang adalah nilai rata-rata jawaban (1 sampai 4) untuk setiap unsur pelayanan; angkanya tertulis "
        "di ujung batang.", [Batang(u.nama, u.nrr, desimal(u.nrr, 2)) for u in units], 4,
        f"{last.periode.label}: unsur tertinggi {high.nama} ({desimal(high.nrr, 2)}), terendah {low.nama} "
        f"({desimal(low.nrr, 2)}).")


def _nrr_table(s: SurveiFacts) -> dict[str, Any]:
    with_ikm = [t for t in s.triwulan if t.ikm is not None]
    return {"kolom": [t.periode.label_pendek for t in with_ikm],
            "baris": [{"nama": nama, "nilai": [desimal(t.ikm.hasil.unsur[i].nrr, 2) for t in with_ikm]}
                      for i, (_, nama) in enumerate(UNSUR)]}


def _indeks_section(s: SurveiFacts, kunci: str) -> dict[str, Any] | None:
    items = [(t, getattr(t, kunci)) for t in s.triwulan if getattr(t, kunci) is not None]
    if not items:
        return None
    ambang = AMBANG_ANTI_KORUPSI if kunci == "anti_korupsi" else AMBANG_KUALITAS_PELAYANAN
    groups = _ambang_groups(ambang)
    nama = NAMA_INDEKS[kunci]
    last_t, last = items[-1]
    met = [a.predikat for a, ok in last.ambang if ok]
    ringkasan = (f"{last_t.periode.label}: {desimal(last.indeks, 2)} dari 4; "
                 + (f"memenuhi syarat {' dan '.join(met)}." if met else "belum memenuhi syarat Menuju WBK."))
    grafik = grafik_batang(
        f"{kunci.replace('_', '-')}-{s.info.tahun}", f"{nama} per triwulan, {s.info.tahun}",
        "Panjang batang adalah indeks 0 sampai 4; garis putus-putus menandai syarat predikat; nilainya tertulis di "
        "ujung batang.", [Batang(t.periode.label_pendek, x.indeks, desimal(x.indeks, 2)) for t, x in items], 4,
        ringkasan, tuple(Garis(v, f"{label} ≥ {desimal(v, 2)}") for v, label in groups))
    return {"kunci": kunci.replace("_", "-"), "nama": nama, "grafik": grafik, "ringkasan": ringkasan,
            "ambang": [{"predikat": a.predikat, "nilai": desimal(a.indeks, 2), "skor": desimal(a.skor, 2)}
                       for a in ambang],
            "baris": [{"periode": t.periode.label_pendek, **indeks_view(x)} for t, x in reversed(items)]}


def angka_terbaru_survei(s: SurveiFacts) -> str:
    if not s.triwulan:
        return "belum ada hasil survei"
    t = s.triwulan[-1]
    parts = []
    if t.ikm is not None:
        parts.append(f"IKM {desimal(t.ikm.hasil.nilai, 2)} (mutu {t.ikm.hasil.mutu.huruf}, {t.ikm.hasil.mutu.kinerja})")
    if t.anti_korupsi is not None:
        parts.append(f"Indeks Persepsi Anti Korupsi {desimal(t.anti_korupsi.indeks, 2)}")
    if t.kualitas_pelayanan is not None:
        parts.append(f"IPKP {desimal(t.kualitas_pelayanan.indeks, 2)}")
    return f"{t.periode.label}: " + "; ".join(parts)

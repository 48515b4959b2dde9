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
from generator.rules.survei import DESIMAL_INDEKS, IndeksFacts
from generator.site import Site

NAMA_INDEKS = {"anti_korupsi": "Indeks Persepsi Anti Korupsi",
               "kualitas_pelayanan": "Indeks Persepsi Kualitas Pelayanan (IPKP)"}


def _nilai(d: Decimal) -> str:
    """A survey figure, with the two decimals of every index figure on the page: 5,10, not 5,1."""
    return desimal(d, DESIMAL_INDEKS)


def _angka_skala(d: Decimal) -> str:
    """A scale end as written, with a decimal comma: 1, 4, 6."""
    text = format(d.normalize(), "f") if d == d.to_integral_value() else format(d, "f")
    return text.replace(".", ",")


def _ambang_groups(ambang: tuple[Ambang, ...]) -> list[tuple[Decimal, str]]:
    """Thresholds merged when two predicates share a value: [(3.60, 'Menuju WBK dan Menuju WBBM')]."""
    groups: dict[Decimal, list[str]] = {}
    for a in ambang:
        groups.setdefault(bulat(a.indeks, 2), []).append(a.predikat)
    return [(v, " dan ".join(names)) for v, names in sorted(groups.items())]


METODE = {"sebanding": "sebanding (hasil × 4 ÷ nilai tertinggi skala survei)",
          "linear": "linear (hasil − nilai terendah) ÷ (nilai tertinggi − nilai terendah) × 4"}


def indeks_view(x: IndeksFacts | None) -> dict[str, Any] | None:
    if x is None:
        return None
    return {"nilai_asli": _nilai(x.nilai_asli),
            "skala": f"{_angka_skala(x.skala_terendah)}–{_angka_skala(x.skala_tertinggi)}",
            "dikonversi": x.dikonversi, "indeks": desimal(x.indeks, 2) if x.indeks is not None else "–",
            "dinilai": x.indeks is not None, "metode": METODE.get(x.metode or ""), "sumber": x.sumber,
            "responden": angka(x.responden) if x.responden is not None else "–",
            "ambang": [{"predikat": a.predikat, "nilai": desimal(a.indeks, 2), "memenuhi": ok} for a, ok in x.ambang]}


def context(site: Site, s: SurveiFacts, kes: Kesegaran | None) -> dict[str, Any]:
    ambang_sel = site.satker.privasi.ambang_sel_kecil
    from generator.pages.rekap import TANDA_SEKUNDER, sel_view
    from generator.rules import terbit

    quarters = []
    for t in reversed(s.triwulan):
        q: dict[str, Any] = {"periode": t.periode.label_pendek, "label": t.periode.label, "ikm": None,
                             "anti_korupsi": indeks_view(t.anti_korupsi),
                             "kualitas_pelayanan": indeks_view(t.kualitas_pelayanan), "catatan": t.catatan}
        if t.ikm is not None:
            h = t.ikm.hasil
            jawaban = [terbit.tabel_jawaban(u.jawaban, ambang_sel, terbit.SEKUNDER) for u in h.unsur]
            q["ikm"] = {
                "nilai": desimal(h.nilai, 2), "mutu": h.mutu.huruf, "kinerja": h.mutu.kinerja,
                "responden": angka(t.ikm.responden),
                "populasi": angka(t.ikm.populasi) if t.ikm.populasi is not None else None,
                "minimal": angka(t.ikm.sampel_minimal) if t.ikm.sampel_minimal is not None else None,
                "cukup": t.ikm.sampel_cukup, "ada_sekunder": any(j.ada_sekunder for j in jawaban),
                "unsur": [{"nama": u.nama, "nrr": desimal(u.nrr, 2), "konversi": desimal(u.nilai_konversi, 2),
                           "mutu": u.mutu.huruf, "jawaban": [sel_view(j[i + 1]) for i in range(len(u.jawaban))]}
                          for u, j in zip(h.unsur, jawaban)],
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
            f"({last.ikm.hasil.mutu.kinerja})" + (
                f"; sampel {angka(last.ikm.responden)} responden, di bawah minimal Krejcie–Morgan "
                f"{angka(last.ikm.sampel_minimal)}." if last.ikm.sampel_cukup is False else "."),
            tuple(Garis(m.batas_bawah, f"{m.huruf} ≥ {desimal(m.batas_bawah, 2)}") for m in MUTU[:3]))
    return {"triwulan": quarters, "terakhir": quarters[0] if quarters else None, "grafik_ikm": grafik_ikm,
            "catatan": [{"periode": q["label"], "teks": q["catatan"]} for q in quarters if q["catatan"]],
            "grafik_nrr": _nrr_chart(s), "ambang_sel": ambang_sel,
            "tanda_sekunder": TANDA_SEKUNDER,
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
    judul, key = f"{nama} per triwulan, {s.info.tahun}", f"{kunci.replace('_', '-')}-{s.info.tahun}"
    scales = {(x.skala_terendah, x.skala_tertinggi) for _, x in items}
    if all(x.indeks is not None for _, x in items):
        met = [a.predikat for a, ok in last.ambang if ok]
        ringkasan = (f"{last_t.periode.label}: {desimal(last.indeks, 2)} dari 4; "
                     + (f"memenuhi syarat {' dan '.join(met)}." if met else "belum memenuhi syarat Menuju WBK."))
        grafik = grafik_batang(
            key, judul, "Panjang batang adalah indeks 0 sampai 4; garis putus-putus menandai syarat predikat; "
            "nilainya tertulis di ujung batang.",
            [Batang(t.periode.label_pendek, x.indeks, desimal(x.indeks, 2)) for t, x in items], 4,
            ringkasan, tuple(Garis(v, f"{label} ≥ {desimal(v, 2)}") for v, label in groups))
    elif len(scales) == 1:  # on the survey's own scale, with no verdict: the data declares no conversion
        skala = indeks_view(last)["skala"]
        ringkasan = (f"{last_t.periode.label}: {_nilai(last.nilai_asli)} pada skala survei {skala}; tanpa "
                     "cara konversi yang dinyatakan data, hasil ini tidak dinilai terhadap syarat predikat.")
        grafik = grafik_batang(
            key, judul, f"Panjang batang adalah hasil survei pada skalanya sendiri ({skala}), bukan indeks 0–4; "
            "nilainya tertulis di ujung batang.",
            [Batang(t.periode.label_pendek, x.nilai_asli, _nilai(x.nilai_asli)) for t, x in items],
            last.skala_tertinggi, ringkasan)
    else:
        ringkasan = (f"{last_t.periode.label}: {_nilai(last.nilai_asli)} pada skala survei "
                     f"{indeks_view(last)['skala']}.")
        grafik = None  # mixed scales and no common index: the table says it all
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
        ikm = f"IKM {desimal(t.ikm.hasil.nilai, 2)} (mutu {t.ikm.hasil.mutu.huruf}, {t.ikm.hasil.mutu.kinerja}"
        if t.ikm.sampel_cukup is False:  # the figure travels with its caveat, wherever it is shown
            ikm += (f"; sampel {angka(t.ikm.responden)} responden, di bawah minimal Krejcie–Morgan "
                    f"{angka(t.ikm.sampel_minimal)}")
        parts.append(ikm + ")")
    for x, nama in ((t.anti_korupsi, "Indeks Persepsi Anti Korupsi"), (t.kualitas_pelayanan, "IPKP")):
        if x is not None and x.indeks is not None:
            parts.append(f"{nama} {desimal(x.indeks, 2)}")
        elif x is not None:
            v = indeks_view(x)
            parts.append(f"{nama} {v['nilai_asli']} pada skala {v['skala']} (tidak dikonversi ke indeks 0–4)")
    return f"{t.periode.label}: " + "; ".join(parts)

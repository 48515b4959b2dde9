"""Recap pages, one per kind per year: /<tahun>/gratifikasi/, /pengaduan/, /wbs/, /benturan-kepentingan/.

Each page: the example-data notice when the file says ``contoh: true``, the
latest period first, then the whole series as a chart and a table (newest
first), with the same numbers in both. Breakdown cells below the unit's
threshold are shown as "< 3" (``generator.rules.privasi``); totals never are.
Surveys have their own module (``survei.py``).
"""

from __future__ import annotations

from typing import Any

import jinja2

from generator.domain.gratifikasi import aturan_berlaku
from generator.domain.periode import Periode
from generator.model.rekap import NAMA_KANAL, STATUS_GRATIFIKASI
from generator.pages.angka import angka, desimal, persen, rupiah, tanggal
from generator.pages.base import Page
from generator.pages.contoh import tandai_semua
from generator.pages.grafik import Batang, Tumpukan, grafik_batang, grafik_bertumpuk
from generator.rules import BenturanFacts, GratifikasiFacts, Kesegaran, PengaduanFacts, TahunFacts, WbsFacts
from generator.rules.kesegaran import batas
from generator.rules import terbit
from generator.rules.terbit import SelTerbit
from generator.rules.rekap import TAHAP_WBS, BulanGratifikasiFacts
from generator.site import Site

URUTAN = ("gratifikasi", "pengaduan", "wbs", "benturan-kepentingan", "survei")
JUDUL_NAV = {"gratifikasi": "Gratifikasi", "pengaduan": "Pengaduan Masyarakat", "wbs": "Whistle Blowing System",
             "benturan-kepentingan": "Benturan Kepentingan", "survei": "Survei"}


def info_view(rekap: Any, kes: Kesegaran | None) -> dict[str, Any]:
    """What every recap page and the home page say about a recap: dates, freshness, example flag."""
    info = rekap.info
    missing = kes.belum_dilaporkan if kes else ()
    rincian = "; ".join(f"{p.label} belum dilaporkan (batas {tanggal(d)})" for p, d in missing)
    return {"jenis": info.jenis, "judul": info.judul, "tahun": info.tahun, "per_tanggal": tanggal(info.per_tanggal),
            "acuan": tanggal(kes.acuan) if kes else None, "contoh": info.contoh,
            "terakhir": kes.terakhir.label if kes and kes.terakhir else None,
            "terlambat": bool(missing), "rincian": rincian, "url": f"{info.tahun}/{info.jenis}/"}


def sel_view(c: SelTerbit) -> dict[str, Any]:
    """A published count: the number, "< ambang" (primary) or "×" (secondary suppression)."""
    teks = {"primer": f"< {c.ambang}", "sekunder": TANDA_SEKUNDER}.get(c.tanda or "", angka(c.nilai or 0))
    return {"teks": teks, "disembunyikan": c.disembunyikan, "sekunder": c.tanda == "sekunder", "ambang": c.ambang}


TANDA_SEKUNDER = "×"


def build_all(site: Site, tahun: TahunFacts, env: jinja2.Environment) -> list[Page]:
    from generator.pages import survei

    builders = {"gratifikasi": _gratifikasi, "pengaduan": _pengaduan, "wbs": _wbs,
                "benturan-kepentingan": _benturan, "survei": survei.context}
    pages = []
    for jenis in URUTAN:
        rekap = tahun.rekap_jenis(jenis)
        if rekap is None:
            continue
        kes = tahun.kesegaran.get(jenis)
        info = info_view(rekap, kes)
        if info["terakhir"] is None:
            # A new year's empty file (zi new-year): one honest sentence, not charts of zeros.
            markdown = env.get_template("_rekap_kosong.md").render(satker=site.satker.model_dump(), info=info)
        else:
            context = {"satker": site.satker.model_dump(), "info": info,
                       "kanal_url": "../../kanal-pengaduan/", **builders[jenis](site, rekap, kes)}
            if rekap.info.contoh:
                context = tandai_semua(context)
            markdown = env.get_template(f"{jenis}.md").render(context)
        pages.append(Page(f"{rekap.info.tahun}/{jenis}.md", JUDUL_NAV[jenis], markdown))
    return pages


def _series(kes: Kesegaran | None, reported: dict[Periode, Any]) -> list[tuple[Periode, Any]]:
    """Reported periods and due-but-missing ones (value None), newest first."""
    missing = {p: None for p, _ in (kes.belum_dilaporkan if kes else ())}
    both = {**missing, **reported}
    return sorted(both.items(), key=lambda kv: kv[0].mulai, reverse=True)


def _ada_catatan(rows: list[dict[str, Any]]) -> bool:
    """Whether the table needs a Catatan column: a period's note is shown in its own row."""
    return any(r.get("catatan") for r in rows)


# --- Gratifikasi -----------------------------------------------------------------------------

def _keadaan_gratifikasi(m: BulanGratifikasiFacts | None) -> str:
    if m is None:
        return "belum dilaporkan"
    if m.nihil:
        return "nihil"
    parts = [f"{angka(m.jumlah[j])} {j}" for j in ("penerimaan", "penolakan") if m.jumlah[j]]
    return "laporan: " + ", ".join(parts)


def _singkat_gratifikasi(m: BulanGratifikasiFacts | None) -> str:
    if m is None:
        return "belum dilaporkan"
    return "nihil" if m.nihil else f"{angka(sum(m.jumlah.values()))} laporan"


def _gratifikasi(site: Site, g: GratifikasiFacts, kes: Kesegaran | None) -> dict[str, Any]:
    reported = {m.periode: m for m in g.bulan}
    rows = []
    for p, m in _series(kes, reported):
        row: dict[str, Any] = {"periode": p.label_pendek, "kunci": p.kunci, "keadaan": _keadaan_gratifikasi(m),
                               "ada": m is not None, "nihil": bool(m and m.nihil), "laporan": [],
                               "batas": tanggal(batas(g.info, p)), "catatan": m.catatan if m else None}
        if m is not None:
            row.update({j: angka(m.jumlah[j]) for j in ("penerimaan", "penolakan")})
            row.update({f"nilai_{j}": rupiah(m.nilai[j]) for j in ("penerimaan", "penolakan")})
            row["laporan"] = [{"jenis": r.jenis, "jumlah": angka(r.jumlah), "nilai": rupiah(r.nilai),
                               "objek": r.objek, "status": r.status} for r in m.laporan]
        rows.append(row)
    chrono = sorted(reported.items(), key=lambda kv: kv[0].mulai)
    missing = [p for p, _ in (kes.belum_dilaporkan if kes else ())]
    months = sorted([*reported, *missing], key=lambda p: p.mulai)
    bars = [Batang(p.label_pendek, sum(reported[p].jumlah.values()) if p in reported else None,
                   _singkat_gratifikasi(reported.get(p))) for p in months]
    most = max([sum(m.jumlah.values()) for _, m in chrono] + [1])
    total = g.jumlah["penerimaan"] + g.jumlah["penolakan"]
    kalimat = (f"Sepanjang {g.info.tahun} sampai {chrono[-1][0].label_pendek if chrono else '-'}: "
               f"{angka(g.jumlah['penerimaan'])} laporan penerimaan senilai {rupiah(g.nilai['penerimaan'])} dan "
               f"{angka(g.jumlah['penolakan'])} laporan penolakan senilai {rupiah(g.nilai['penolakan'])}; "
               f"{angka(g.bulan_nihil)} bulan nihil")
    if missing:
        kalimat += f"; {angka(len(missing))} bulan belum dilaporkan ({', '.join(p.label_pendek for p in missing)})"
    grafik = grafik_batang(
        f"gratifikasi-{g.info.tahun}", f"Laporan gratifikasi per bulan, {g.info.tahun}",
        "Panjang batang adalah jumlah laporan penerimaan dan penolakan pada bulan itu; bulan tanpa laporan "
        "ditulis nihil, bulan yang belum direkap ditulis belum dilaporkan.", bars, most, kalimat + ".")
    latest = rows[0] if rows else None
    dasar, perubahan = aturan_berlaku(g.info.tahun)
    aturan = {"dasar": dasar, "perubahan": [{"nama": p.nama, "berlaku": tanggal(p.berlaku)} for p in perubahan]}
    return {"rows": rows, "terakhir": latest, "kalimat": kalimat + ".", "grafik": grafik, "jumlah_laporan": total,
            "aturan": aturan,
            "status": [{"status": s, "jumlah": angka(g.per_status[s])} for s in STATUS_GRATIFIKASI],
            "total": {"penerimaan": angka(g.jumlah["penerimaan"]), "penolakan": angka(g.jumlah["penolakan"]),
                      "nilai_penerimaan": rupiah(g.nilai["penerimaan"]),
                      "nilai_penolakan": rupiah(g.nilai["penolakan"])}}


# --- Pengaduan masyarakat --------------------------------------------------------------------

def _hitung(h: Any) -> dict[str, Any]:
    return {"diterima": angka(h.diterima), "harus": angka(h.harus_ditindaklanjuti),
            "diproses": angka(h.sedang_diproses), "selesai": angka(h.selesai), "belum": angka(h.belum_diproses),
            "persen": persen(h.persen_selesai)}


def _pengaduan(site: Site, d: PengaduanFacts, kes: Kesegaran | None) -> dict[str, Any]:
    ambang = site.satker.privasi.ambang_sel_kecil
    reported = {m.periode: m for m in d.bulan}
    tk = terbit.tabel_kanal(d.bulan, ambang, terbit.SEKUNDER)
    tg = terbit.tabel_kategori(d.bulan, d.kategori, ambang, terbit.SEKUNDER)
    # a column of zeros is left out, unless a cell of it is hidden (leaving it out would tell it is 0)
    kanal_cols = [k for k in NAMA_KANAL if d.kanal[k] or tk[("tahun", k)].disembunyikan
                  or any(m.kanal and tk[("bulan", m.periode.kunci, k)].disembunyikan for m in d.bulan)]
    rows = []
    for p, m in _series(kes, reported):
        row: dict[str, Any] = {"periode": p.label_pendek, "ada": m is not None, "batas": tanggal(batas(d.info, p))}
        if m is not None:
            row.update(_hitung(m.hitung))
            row["rata_rata"] = desimal(m.rata_rata_hari_kerja, 1) if m.rata_rata_hari_kerja is not None else "–"
            row["kanal"] = ([sel_view(tk[("bulan", p.kunci, k)]) for k in kanal_cols] if m.kanal is not None
                            else None)
            row["catatan"] = m.catatan
        rows.append(row)
    total = _hitung(d.total)
    avg = desimal(d.rata_rata_hari_kerja, 1) if d.rata_rata_hari_kerja is not None else None
    kalimat = (f"Sepanjang {d.info.tahun}: {total['diterima']} pengaduan diterima, {total['harus']} harus "
               f"ditindaklanjuti; {total['selesai']} selesai ({total['persen']}), {total['diproses']} sedang diproses, "
               f"{total['belum']} belum diproses")
    if avg:
        kalimat += f". Rata-rata penyelesaian {avg} hari kerja"
        if d.memenuhi_standar is not None:
            kalimat += (f", {'memenuhi' if d.memenuhi_standar else 'melebihi'} standar "
                        f"{d.standar_hari_kerja} hari kerja")
    chrono = sorted(reported.items(), key=lambda kv: kv[0].mulai)
    tumpukan = [Tumpukan(p.label_pendek, (m.hitung.selesai, m.hitung.sedang_diproses, m.hitung.belum_diproses),
                         f"{m.hitung.selesai} selesai, {m.hitung.sedang_diproses} diproses, "
                         f"{m.hitung.belum_diproses} belum")
                for p, m in chrono]
    grafik = grafik_bertumpuk(
        f"pengaduan-{d.info.tahun}", f"Pengaduan yang harus ditindaklanjuti per bulan, {d.info.tahun}",
        "Setiap batang adalah pengaduan yang harus ditindaklanjuti pada satu bulan, dibagi menjadi selesai (penuh), "
        "sedang diproses (arsir) dan belum diproses (garis tepi); rinciannya tertulis di atas batang dan jumlahnya di "
        "ujung batang.",
        ("Selesai", "Sedang diproses", "Belum diproses"), tumpukan,
        max([m.hitung.harus_ditindaklanjuti for _, m in chrono] + [1]), kalimat + ".")
    kanal_total = [{"nama": NAMA_KANAL[k], **sel_view(tk[("tahun", k)])} for k in NAMA_KANAL]
    kanal_bars = [Batang(NAMA_KANAL[k], tk[("tahun", k)].nilai, sel_view(tk[("tahun", k)])["teks"])
                  for k in NAMA_KANAL]
    grafik_kanal = grafik_batang(
        f"pengaduan-kanal-{d.info.tahun}", f"Pengaduan diterima per kanal, {d.info.tahun}",
        f"Panjang batang adalah jumlah pengaduan yang masuk melalui kanal itu sepanjang {d.info.tahun}; angka di "
        f"bawah {ambang} ditulis kurang dari {ambang} tanpa batang"
        + (f"; angka yang disembunyikan agar tidak membuka angka kecil ditulis {TANDA_SEKUNDER} tanpa batang."
           if tk.ada_sekunder else "."), kanal_bars,
        max([b.nilai for b in kanal_bars if b.nilai is not None] + [1]), _kanal_kalimat(d, tk))
    return {
        "rows": rows, "terakhir": next((r for r in rows if r["ada"]), None), "total": total, "kalimat": kalimat + ".",
        "ada_catatan": _ada_catatan(rows),
        "grafik": grafik, "grafik_kanal": grafik_kanal, "rata_rata": avg, "standar": d.standar_hari_kerja,
        "memenuhi": d.memenuhi_standar, "kanal_kolom": [NAMA_KANAL[k] for k in kanal_cols],
        "kanal_total": kanal_total, "bulan_tanpa_kanal": d.bulan_tanpa_kanal, "ambang": ambang,
        "kanal_total_kolom": [sel_view(tk[("tahun", k)]) for k in kanal_cols],
        "kategori": [{"nama": k, **sel_view(tg[k])} for k in d.kategori],
        "ada_sekunder": tk.ada_sekunder or tg.ada_sekunder, "tanda_sekunder": TANDA_SEKUNDER,
        "bulan_tanpa_kategori": d.bulan_tanpa_kategori,
    }


def _kanal_kalimat(d: PengaduanFacts, tk: terbit.TabelTerbit) -> str:
    # The busiest channel is named only when its own total is published (a hidden one may be larger).
    top = max(d.kanal, key=lambda k: d.kanal[k])
    if not d.kanal[top] or tk[("tahun", top)].disembunyikan:
        return "Rincian per kanal belum tersedia atau sebagian disembunyikan agar angka kecil tidak dapat dikenali."
    return f"Kanal yang paling banyak dipakai: {NAMA_KANAL[top]} ({angka(d.kanal[top])} pengaduan)."


# --- WBS -------------------------------------------------------------------------------------

def _wbs(site: Site, w: WbsFacts, kes: Kesegaran | None) -> dict[str, Any]:
    reported = {r.periode: r for r in w.periode}
    rows = []
    for p, r in _series(kes, reported):
        rows.append({"periode": p.label_pendek, "ada": r is not None, "batas": tanggal(batas(w.info, p)),
                     "hitung": [angka(r.hitung[k]) for k, _ in TAHAP_WBS] if r else None,
                     "catatan": r.catatan if r else None})
    kalimat = (f"Sepanjang {w.info.tahun}: " + ", ".join(f"{angka(w.total[k])} {label.lower()}"
                                                          for k, label in TAHAP_WBS))
    bars = [Batang(label, w.total[k], angka(w.total[k])) for k, label in TAHAP_WBS]
    grafik = grafik_batang(f"wbs-{w.info.tahun}", f"Laporan Whistle Blowing System menurut tahap, {w.info.tahun}",
                           "Panjang batang adalah jumlah laporan pada setiap tahap penanganan; angkanya tertulis di "
                           "ujung batang.", bars, max(list(w.total.values()) + [1]), kalimat + ".")
    return {"rows": rows, "terakhir": next((r for r in rows if r["ada"]), None), "kalimat": kalimat + ".",
            "ada_catatan": _ada_catatan(rows), "grafik": grafik, "tahap": [label for _, label in TAHAP_WBS],
            "total": [angka(w.total[k]) for k, _ in TAHAP_WBS]}


# --- Benturan kepentingan --------------------------------------------------------------------

def _benturan(site: Site, b: BenturanFacts, kes: Kesegaran | None) -> dict[str, Any]:
    reported = {r.periode: r for r in b.periode}
    rows = []
    for p, r in _series(kes, reported):
        row: dict[str, Any] = {"periode": p.label_pendek, "ada": r is not None, "batas": tanggal(batas(b.info, p))}
        if r is not None:
            row.update({"wajib": angka(r.pegawai_wajib), "ditandatangani": angka(r.pernyataan_ditandatangani),
                        "persen_pernyataan": persen(r.persen_pernyataan),
                        "teridentifikasi": angka(r.potensi_teridentifikasi), "ditangani": angka(r.potensi_ditangani),
                        "persen_ditangani": persen(r.persen_ditangani), "catatan": r.catatan})
        rows.append(row)
    chrono = sorted(reported.items(), key=lambda kv: kv[0].mulai)
    bars = [Batang(p.label_pendek, r.persen_pernyataan or 0,
                   f"{persen(r.persen_pernyataan)} ({r.pernyataan_ditandatangani}/{r.pegawai_wajib})")
            for p, r in chrono]
    latest = chrono[-1][1] if chrono else None
    kalimat = ""
    if latest:
        kalimat = (f"{latest.periode.label}: {angka(latest.pernyataan_ditandatangani)} dari "
                   f"{angka(latest.pegawai_wajib)} pegawai wajib telah menandatangani pernyataan "
                   f"({persen(latest.persen_pernyataan)}); {angka(latest.potensi_ditangani)} dari "
                   f"{angka(latest.potensi_teridentifikasi)} potensi benturan kepentingan telah ditangani.")
    grafik = grafik_batang(
        f"benturan-{b.info.tahun}", f"Pernyataan benturan kepentingan yang ditandatangani, {b.info.tahun}",
        "Panjang batang adalah bagian pegawai wajib yang telah menandatangani pernyataan pada periode itu; persen "
        "dan jumlahnya tertulis di ujung batang.", bars, 1, kalimat)
    return {"rows": rows, "terakhir": next((r for r in rows if r["ada"]), None), "kalimat": kalimat,
            "ada_catatan": _ada_catatan(rows), "grafik": grafik, "potensi": {"teridentifikasi": angka(b.potensi_teridentifikasi),
                                          "ditangani": angka(b.potensi_ditangani)}}


def angka_terbaru(rekap: Any) -> str:
    """The latest figure of a recap, in one phrase, for the home page."""
    jenis = rekap.info.jenis
    if jenis == "gratifikasi":
        m = rekap.bulan[-1] if rekap.bulan else None
        return f"{m.periode.label}: {_keadaan_gratifikasi(m)}" if m else "belum ada rekap"
    if jenis == "pengaduan":
        if not rekap.bulan:
            return "belum ada rekap"
        m = rekap.bulan[-1]
        return (f"{m.periode.label}: {angka(m.hitung.diterima)} diterima, {angka(m.hitung.selesai)} dari "
                f"{angka(m.hitung.harus_ditindaklanjuti)} selesai; sepanjang tahun "
                f"{persen(rekap.total.persen_selesai)} selesai")
    if jenis == "wbs":
        if not rekap.periode:
            return "belum ada rekap"
        r = rekap.periode[-1]
        return (f"{r.periode.label}: {angka(r.hitung['diterima'])} laporan diterima; sepanjang tahun "
                f"{angka(rekap.total['diterima'])} diterima, {angka(rekap.total['ditutup'])} ditutup")
    if jenis == "benturan-kepentingan":
        if not rekap.periode:
            return "belum ada rekap"
        r = rekap.periode[-1]
        return (f"{r.periode.label}: {angka(r.pernyataan_ditandatangani)} dari {angka(r.pegawai_wajib)} pernyataan "
                f"ditandatangani ({persen(r.persen_pernyataan)})")
    from generator.pages.survei import angka_terbaru_survei

    return angka_terbaru_survei(rekap)

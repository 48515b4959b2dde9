"""The open-data tables of a site: one ``Dataset`` per table and year, rows of published values only.

Plan rows (the decree's lampiran), realisasi, each recap kind's download table (declared by the kind
in ``generator.jenis``: its ``tabel`` applies ``generator.rules.terbit``) and the survey's answers per
unsur (suppressed with ``terbit.tabel_jawaban``, as on the survey page). ``None`` is an empty cell:
absent, or hidden so that a small count cannot be recognised. Column names are stable snake_case.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from generator import jenis
from generator.domain.bulat import bulat
from generator.rules import terbit
from generator.rules.plan_facts import PlanFacts
from generator.site import Site

Nilai = int | str | bool | None


@dataclass(frozen=True)
class Kolom:
    nama: str  # snake_case, stable across years
    keterangan: str  # Indonesian, for the data dictionary
    tipe: str = "string"  # Table Schema type: string, integer, number, boolean, date


@dataclass(frozen=True)
class Dataset:
    nama: str  # file stem, e.g. "rencana-aksi-2024"
    jenis: str  # the table kind, e.g. "rencana-aksi", "gratifikasi", "survei-unsur"
    judul: str
    keterangan: str
    tahun: int
    kolom: tuple[Kolom, ...]
    baris: tuple[tuple[Nilai, ...], ...]
    contoh: bool = False  # example figures, not the unit's real ones

    def rekaman(self) -> list[dict[str, Nilai]]:
        return [dict(zip((k.nama for k in self.kolom), b, strict=True)) for b in self.baris]


KOSONG = "kosong bila disembunyikan agar angka kecil tidak dapat dikenali (seperti di halaman)"

KOLOM_RENCANA = (
    Kolom("id", "Kode tetap baris langkah aksi (terlihat sebagai # di halaman area)"),
    Kolom("area_kode", "Kode area perubahan, mis. 'manajemen-perubahan'"),
    Kolom("area_nomor", "Penomoran area dalam keputusan, mis. 'I.'"),
    Kolom("area_judul", "Judul area seperti tertulis di keputusan"),
    Kolom("kelompok_nomor", "Penomoran sub-program, bila ada"),
    Kolom("kelompok_judul", "Judul sub-program, bila ada"),
    Kolom("kegiatan_nomor", "Penomoran kegiatan/komponen"),
    Kolom("kegiatan_judul", "Judul kegiatan/komponen seperti tertulis di keputusan"),
    Kolom("indikator_nomor", "Penomoran indikator, bila ada"),
    Kolom("indikator", "Teks indikator, bila ada"),
    Kolom("nomor", "Penomoran baris langkah aksi dalam keputusan"),
    Kolom("uraian", "Isi kolom uraian (langkah aksi / indikator keberhasilan)"),
    Kolom("bukti", "Isi kolom bukti/output"),
    Kolom("jadwal", "Isi kolom jadwal seperti tertulis (teks), bila bukan kisi bulan"),
    Kolom("bulan", "Bulan pelaksanaan menurut jadwal, angka 1–12 dipisah titik koma"),
    Kolom("target", "Isi kolom target"),
    Kolom("penanggung_jawab", "Unit atau pejabat penanggung jawab"),
    Kolom("ket", "Isi kolom keterangan"),
    Kolom("celah", "Catatan bila (sebagian) baris tidak terbaca pada salinan sumber"),
    Kolom("catatan_transkripsi", "Catatan penyalin tentang isi yang disimpulkan"),
)

KOLOM_REALISASI = (
    Kolom("id", "Kode baris langkah aksi (sama dengan kolom id rencana aksi)"),
    Kolom("area_kode", "Kode area perubahan"),
    Kolom("status", "'selesai', 'berjalan', 'belum mulai', 'tidak dilaksanakan' atau 'belum dilaporkan'"),
    Kolom("bulan_rencana", "Bulan pelaksanaan menurut jadwal, dipisah titik koma"),
    Kolom("bulan_terlaksana", "Bulan yang sudah dikerjakan, dipisah titik koma"),
    Kolom("terlambat", "true bila lewat jadwal dan belum selesai per tanggal data", "boolean"),
    Kolom("diperbarui", "Tanggal pembaruan catatan (TTTT-BB-HH)", "date"),
    Kolom("catatan", "Catatan pelaksanaan"),
    Kolom("alasan", "Alasan bila tidak dilaksanakan"),
    Kolom("jumlah_bukti", "Jumlah bukti yang ditautkan", "integer"),
    Kolom("bukti", "Judul bukti yang ditautkan, dipisah titik koma"),
)

KOLOM_UNSUR = (
    Kolom("periode", "Triwulan (TTTT-TWn)"),
    Kolom("unsur_kode", "Kode unsur pelayanan (PermenPANRB 14/2017), mis. 'u1'"),
    Kolom("unsur", "Nama unsur pelayanan"),
    Kolom("nrr", "Nilai rata-rata unsur, skala 1–4, dua desimal", "number"),
    Kolom("nilai_konversi", "NRR × 25, dua desimal", "number"),
    Kolom("mutu", "Mutu pelayanan unsur (A–D)"),
    *(Kolom(f"jawaban_{i}", f"Responden yang menjawab {i}; {KOSONG}", "integer") for i in range(1, 5)),
)


def _bulan(months: tuple[int, ...]) -> str | None:
    return ";".join(str(m) for m in months) or None


def rencana(plan: PlanFacts) -> Dataset:
    rows: list[tuple[Nilai, ...]] = []
    for a in plan.areas:
        for g in a.kelompok:
            for k in g.kegiatan:
                for i in k.indikator:
                    for x in i.aksi:
                        rows.append(
                            (
                                x.id,
                                a.info.kode,
                                a.nomor,
                                a.judul,
                                None if g.implisit else g.nomor,
                                None if g.implisit else g.judul,
                                k.nomor,
                                k.judul,
                                None if i.implisit else i.nomor,
                                None if i.implisit else i.teks,
                                x.nomor,
                                x.uraian,
                                x.bukti,
                                x.jadwal_teks,
                                _bulan(x.bulan),
                                x.target,
                                x.penanggung_jawab,
                                x.ket,
                                x.celah,
                                x.catatan,
                            )
                        )
    r = plan.rencana
    return Dataset(
        f"rencana-aksi-{plan.tahun}",
        "rencana-aksi",
        f"Rencana aksi {plan.tahun}",
        f"Baris lampiran Keputusan Nomor {r.keputusan.nomor} Tahun {r.keputusan.tahun}, satu baris per langkah aksi.",
        plan.tahun,
        KOLOM_RENCANA,
        tuple(rows),
    )


def realisasi(site: Site, plan: PlanFacts) -> Dataset | None:
    c = site.tahun(plan.tahun).capaian
    if c is None:
        return None
    area_of = {x.id: a.info.kode for a in plan.areas for x in a.aksi}
    rows = tuple(
        (
            b.id,
            area_of.get(b.id),
            b.status or "belum dilaporkan",
            _bulan(b.bulan_rencana),
            _bulan(b.bulan_terlaksana),
            b.terlambat,
            b.diperbarui.isoformat() if b.diperbarui else None,
            b.catatan,
            b.alasan,
            len(b.bukti),
            "; ".join(x.judul for x in b.bukti) or None,
        )
        for b in c.baris.values()
    )
    return Dataset(
        f"realisasi-{plan.tahun}",
        "realisasi",
        f"Realisasi rencana aksi {plan.tahun}",
        f"Status pelaksanaan tiap langkah aksi per {c.per_tanggal.isoformat()}.",
        plan.tahun,
        KOLOM_REALISASI,
        rows,
        c.contoh,
    )


def _nilai(v: Any) -> Nilai:
    if v is None or isinstance(v, (bool, int, str)):
        return v
    return str(v)


def rekap(site: Site, tahun: int) -> list[Dataset]:
    """Each recap kind's published table (the kind's ``tabel`` and ``kolom``), registry order."""
    ambang = site.satker.privasi.ambang_sel_kecil
    out = []
    for kind in jenis.daftar():
        facts = site.tahun(tahun).rekap_jenis(kind.jenis)
        if facts is None:
            continue
        rows = tuple(tuple(_nilai(k.nilai(r)) for k in kind.kolom) for r in kind.tabel(facts, ambang))
        out.append(
            Dataset(
                f"{kind.jenis}-{tahun}",
                kind.jenis,
                f"{facts.info.judul} {tahun}",
                f"{facts.info.judul} {tahun} per periode, seperti di halaman rekap (per "
                f"{facts.info.per_tanggal.isoformat()}); sel kosong: tidak ada data atau disembunyikan.",
                tahun,
                tuple(Kolom(k.nama, k.keterangan, k.tipe) for k in kind.kolom),
                rows,
                facts.info.contoh,
            )
        )
    return out


def _dua(v: Any) -> str:
    return str(bulat(v, 2))


def unsur(site: Site, tahun: int) -> Dataset | None:
    """Survey answers per unsur and quarter, each count suppressed as on the survey page."""
    s = site.tahun(tahun).rekap_jenis("survei")
    if s is None:
        return None
    ambang = site.satker.privasi.ambang_sel_kecil
    rows: list[tuple[Nilai, ...]] = []
    for t in s.triwulan:  # type: ignore[union-attr]
        if t.ikm is None:
            continue
        for u in t.ikm.hasil.unsur:
            tabel = terbit.tabel_jawaban(u.jawaban, ambang, terbit.SEKUNDER)
            sel = [tabel[i + 1].nilai for i in range(len(u.jawaban))]
            rows.append((t.periode.kunci, u.kode, u.nama, _dua(u.nrr), _dua(u.nilai_konversi), u.mutu.huruf, *sel))
    return Dataset(
        f"survei-unsur-{tahun}",
        "survei-unsur",
        f"Hasil survei kepuasan per unsur {tahun}",
        "Jawaban responden per unsur pelayanan tiap triwulan (IKM, PermenPANRB 14/2017); jumlah kecil "
        "disembunyikan seperti di halaman survei.",
        tahun,
        KOLOM_UNSUR,
        tuple(rows),
        s.info.contoh,
    )


# The last site's datasets: the files, the Data Terbuka page and its JSON-LD all read them in one build,
# and the recap tables (with their suppression) are the costly part (about 0.4 s for the example).
_terakhir: tuple[Site, list[Dataset]] | None = None


def daftar(site: Site) -> list[Dataset]:
    """Every dataset of the site: per year (newest first) plan, realisasi, each recap, survey per unsur."""
    global _terakhir
    if _terakhir is not None and _terakhir[0] is site:
        return list(_terakhir[1])
    out = _daftar(site)
    _terakhir = (site, out)
    return list(out)


def _daftar(site: Site) -> list[Dataset]:
    out: list[Dataset] = []
    for p in reversed(site.plans):
        out.append(rencana(p))
        out.extend(x for x in [realisasi(site, p)] if x)
        out.extend(rekap(site, p.tahun))
        out.extend(x for x in [unsur(site, p.tahun)] if x)
    return out


TIPE_PY: dict[str, Callable[[Any], bool]] = {
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, str) and _desimal(v),
    "boolean": lambda v: isinstance(v, bool),
    "date": lambda v: isinstance(v, str) and len(v) == 10,
}


def _desimal(v: str) -> bool:
    try:
        Decimal(v)
    except ArithmeticError:
        return False
    return True

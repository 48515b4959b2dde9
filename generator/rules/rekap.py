"""Recap facts and consistency checks: gratifikasi, pengaduan masyarakat, WBS, benturan kepentingan.

Counts refer to reports that came in during a period; their state is as of the
file's ``per_tanggal``. So, per period:

- pengaduan: harus ditindaklanjuti ≤ diterima, and sedang diproses + selesai ≤
  harus ditindaklanjuti (the rest is "belum diproses"); % selesai = selesai ÷
  harus ditindaklanjuti, the figure the LKE reads (research/domain-facts.md §5,
  170/13/157 → 92,35 %); channel and category breakdowns, when given, add up to
  diterima;
- WBS: diverifikasi ≤ diterima, ditindaklanjuti ≤ diverifikasi, ditutup ≤ diterima;
- benturan kepentingan: pernyataan ditandatangani ≤ pegawai wajib, potensi
  ditangani ≤ potensi teridentifikasi.

Every file: its periods are of the kind the recap is kept in, inside the file's
year, each listed once, and already begun at ``per_tanggal``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from generator.domain.bulat import rasio
from generator.domain.periode import Periode, parse_periode
from generator.model import RekapBenturan, RekapGratifikasi, RekapPengaduan, RekapWbs
from generator.model.rekap import JENIS_LAPORAN, NAMA_KANAL, STATUS_GRATIFIKASI, LaporanGratifikasi
from generator.rules.plan_facts import Loc, RuleError

Temuan = tuple[Loc, str, str | None]  # (where, message, fix): made a Problem with file and line by the loader


@dataclass(frozen=True)
class RekapInfo:
    """What every recap shares: which kind, which year, as of when, example or not."""

    jenis: str  # URL slug: gratifikasi, pengaduan, wbs, benturan-kepentingan, survei
    judul: str
    tahun: int
    per_tanggal: dt.date
    contoh: bool
    jenis_periode: str
    periode: tuple[Periode, ...]  # reported, oldest first
    batas_hari: int = 10  # monthly recaps due by this day of the next month (satker jadwal_terbit)
    aturan: str = "bulan-berikutnya"  # publication rule (generator.domain.periode.batas_terbit)


@dataclass(frozen=True)
class Ciri:
    """What the rules need to know of a recap kind; declared by its module in ``generator.jenis``."""

    jenis: str  # URL slug and file stem
    judul: str
    periode: tuple[str, ...]  # period kinds allowed; the first is the default for an empty file
    aturan: str  # publication rule: "bulan-berikutnya" or "akhir-periode" (generator.domain.periode)


_CONTOH_PERIODE = {"bulan": "'Maret {t}'", "triwulan": "'Triwulan I {t}'", "semester": "'Semester I {t}'"}
_KATA_PERIODE = {"bulan": "per bulan", "triwulan": "per triwulan", "semester": "per semester"}


def periode_berkas(ciri: Ciri, berkas: Any, problems: list[Temuan]) -> RekapInfo:
    """Check the periods of a recap file (kind, year, duplicates, begun) and describe the file."""
    jenis, judul, allowed = ciri.jenis, ciri.judul, ciri.periode
    tahun, per_tanggal = berkas.tahun, berkas.per_tanggal
    if per_tanggal.year not in (tahun, tahun + 1):
        problems.append(
            (
                ("per_tanggal",),
                f"per_tanggal {per_tanggal.isoformat()} bukan di tahun {tahun} atau awal tahun {tahun + 1}",
                f"tulis tanggal keadaan data, mis. {tahun}-12-20",
            )
        )
    kind: str | None = None
    seen: dict[Periode, int] = {}
    for i, entry in enumerate(berkas.rekap):
        loc: Loc = ("rekap", i, "periode")
        p = parse_periode(entry.periode)  # already validated by the model
        if p.jenis not in allowed:
            problems.append(
                (
                    loc,
                    f"{judul.lower()} disusun {_KATA_PERIODE[allowed[0]]}, bukan {_KATA_PERIODE[p.jenis]}",
                    "tulis periode seperti " + _CONTOH_PERIODE[allowed[0]].format(t=tahun),
                )
            )
            continue
        if kind is None:
            kind = p.jenis
        elif p.jenis != kind:
            problems.append(
                (
                    loc,
                    f"periode '{p.label}' tidak sejenis dengan periode pertama ({_KATA_PERIODE[kind]})",
                    "pakai satu jenis periode dalam satu berkas, mis. " + _CONTOH_PERIODE[kind].format(t=tahun),
                )
            )
            continue
        if p.tahun != tahun:
            problems.append(
                (
                    loc,
                    f"periode '{p.label}' di luar tahun berkas ini ({tahun})",
                    f"perbaiki tahunnya, atau pindahkan butir ini ke {p.tahun}/{jenis}.yaml",
                )
            )
            continue
        if p in seen:
            problems.append(
                (
                    loc,
                    f"periode '{p.label}' ditulis dua kali (pertama pada butir ke-{seen[p] + 1})",
                    "gabungkan kedua butir menjadi satu",
                )
            )
            continue
        seen[p] = i
        if p.mulai > per_tanggal:
            problems.append(
                (
                    loc,
                    f"periode '{p.label}' belum dimulai per tanggal {per_tanggal.isoformat()}",
                    "hapus butir ini, atau perbarui 'per_tanggal' di awal berkas",
                )
            )
    return RekapInfo(
        jenis,
        judul,
        tahun,
        per_tanggal,
        berkas.contoh,
        kind or allowed[0],
        tuple(sorted(seen, key=lambda p: p.mulai)),
        aturan=ciri.aturan,
    )


def _not_more(problems: list[Temuan], loc: Loc, small: tuple[str, int], big: tuple[str, int], fix: str) -> None:
    if small[1] > big[1]:
        problems.append((loc, f"{small[0]} ({small[1]}) melebihi {big[0]} ({big[1]})", fix))


def entri_sah(berkas: Any, info: RekapInfo) -> list[tuple[int, Periode, Any]]:
    """Valid entries (index, period, entry), oldest first; invalid periods were reported already."""
    by_period: dict[Periode, tuple[int, Any]] = {}
    for i, e in enumerate(berkas.rekap):
        by_period.setdefault(parse_periode(e.periode), (i, e))
    return [(by_period[p][0], p, by_period[p][1]) for p in info.periode]


# --- Gratifikasi ---------------------------------------------------------------------------


@dataclass(frozen=True)
class BulanGratifikasiFacts:
    periode: Periode
    nihil: bool
    laporan: tuple[LaporanGratifikasi, ...]
    jumlah: dict[str, int]  # per jenis (penerimaan, penolakan)
    nilai: dict[str, int]  # rupiah per jenis
    catatan: str | None


@dataclass(frozen=True)
class GratifikasiFacts:
    info: RekapInfo
    bulan: tuple[BulanGratifikasiFacts, ...]  # reported months, oldest first
    jumlah: dict[str, int]
    nilai: dict[str, int]
    per_status: dict[str, int]
    bulan_nihil: int


def derive_gratifikasi(berkas: RekapGratifikasi, ciri: Ciri) -> GratifikasiFacts:
    problems: list[Temuan] = []
    info = periode_berkas(ciri, berkas, problems)
    if problems:
        raise RuleError(problems)
    months = []
    for _, p, e in entri_sah(berkas, info):
        jumlah = {j: sum(r.jumlah for r in e.laporan if r.jenis == j) for j in JENIS_LAPORAN}
        nilai = {j: sum(r.nilai for r in e.laporan if r.jenis == j) for j in JENIS_LAPORAN}
        months.append(BulanGratifikasiFacts(p, e.nihil, tuple(e.laporan), jumlah, nilai, e.catatan))
    status: Counter[str] = Counter()
    for m in months:
        for r in m.laporan:
            status[r.status] += r.jumlah
    return GratifikasiFacts(
        info,
        tuple(months),
        {j: sum(m.jumlah[j] for m in months) for j in JENIS_LAPORAN},
        {j: sum(m.nilai[j] for m in months) for j in JENIS_LAPORAN},
        {s: status[s] for s in STATUS_GRATIFIKASI},
        sum(1 for m in months if m.nihil),
    )


# --- Pengaduan masyarakat --------------------------------------------------------------------


@dataclass(frozen=True)
class HitungPengaduan:
    diterima: int
    harus_ditindaklanjuti: int
    sedang_diproses: int
    selesai: int

    @property
    def belum_diproses(self) -> int:
        return self.harus_ditindaklanjuti - self.sedang_diproses - self.selesai

    @property
    def persen_selesai(self) -> Fraction | None:
        """% selesai = selesai ÷ harus ditindaklanjuti (LKE, research/domain-facts.md §5)."""
        return rasio(self.selesai, self.harus_ditindaklanjuti)


@dataclass(frozen=True)
class BulanPengaduanFacts:
    periode: Periode
    hitung: HitungPengaduan
    rata_rata_hari_kerja: Fraction | None
    kanal: dict[str, int] | None  # channel code -> count, every channel; None when not broken down
    kategori: dict[str, int]
    catatan: str | None


@dataclass(frozen=True)
class PengaduanFacts:
    info: RekapInfo
    bulan: tuple[BulanPengaduanFacts, ...]
    total: HitungPengaduan
    rata_rata_hari_kerja: Fraction | None  # weighted by selesai over months that give it
    standar_hari_kerja: int | None
    kanal: dict[str, int]
    bulan_tanpa_kanal: int
    kategori: dict[str, int]
    bulan_tanpa_kategori: int

    @property
    def memenuhi_standar(self) -> bool | None:
        if self.rata_rata_hari_kerja is None or self.standar_hari_kerja is None:
            return None
        return self.rata_rata_hari_kerja <= self.standar_hari_kerja


def derive_pengaduan(berkas: RekapPengaduan, ciri: Ciri) -> PengaduanFacts:
    problems: list[Temuan] = []
    info = periode_berkas(ciri, berkas, problems)
    months = []
    for i, p, e in entri_sah(berkas, info):
        loc: Loc = ("rekap", i)
        _not_more(
            problems,
            (*loc, "harus_ditindaklanjuti"),
            ("harus ditindaklanjuti", e.harus_ditindaklanjuti),
            ("diterima", e.diterima),
            "harus ditindaklanjuti adalah bagian dari pengaduan yang diterima",
        )
        _not_more(
            problems,
            (*loc, "selesai"),
            ("sedang diproses + selesai", e.sedang_diproses + e.selesai),
            ("harus ditindaklanjuti", e.harus_ditindaklanjuti),
            "sedang diproses dan selesai adalah bagian dari yang harus ditindaklanjuti; periksa ketiga angka",
        )
        kanal = None
        if e.kanal is not None:
            kanal = {k: getattr(e.kanal, k) or 0 for k in NAMA_KANAL}
            if sum(kanal.values()) != e.diterima:
                problems.append(
                    (
                        (*loc, "kanal"),
                        f"jumlah per kanal ({sum(kanal.values())}) tidak sama dengan diterima ({e.diterima})",
                        "setiap pengaduan yang diterima dihitung pada satu kanal",
                    )
                )
        if e.kategori and sum(e.kategori.values()) != e.diterima:
            problems.append(
                (
                    (*loc, "kategori"),
                    f"jumlah per kategori ({sum(e.kategori.values())}) tidak sama dengan diterima ({e.diterima})",
                    "setiap pengaduan yang diterima dihitung pada satu kategori",
                )
            )
        avg = Fraction(e.rata_rata_hari_kerja) if e.rata_rata_hari_kerja is not None else None
        if avg is not None and e.selesai == 0:
            problems.append(
                (
                    (*loc, "rata_rata_hari_kerja"),
                    "rata-rata hari kerja diisi, padahal tidak ada pengaduan yang selesai",
                    "hapus 'rata_rata_hari_kerja' untuk bulan ini",
                )
            )
        hitung = HitungPengaduan(e.diterima, e.harus_ditindaklanjuti, e.sedang_diproses, e.selesai)
        months.append(BulanPengaduanFacts(p, hitung, avg, kanal, dict(e.kategori), e.catatan))
    if problems:
        raise RuleError(problems)
    total = HitungPengaduan(
        *(
            sum(getattr(m.hitung, f) for m in months)
            for f in ("diterima", "harus_ditindaklanjuti", "sedang_diproses", "selesai")
        )
    )
    timed = [m for m in months if m.rata_rata_hari_kerja is not None]
    weight = sum(m.hitung.selesai for m in timed)
    avg = (
        sum(
            (m.rata_rata_hari_kerja * m.hitung.selesai for m in timed if m.rata_rata_hari_kerja is not None),
            Fraction(0),
        )
        / weight
        if weight
        else None
    )
    kanal = {k: sum((m.kanal or {}).get(k, 0) for m in months) for k in NAMA_KANAL}
    kategori: Counter[str] = Counter()
    for m in months:
        kategori.update(m.kategori)
    return PengaduanFacts(
        info,
        tuple(months),
        total,
        avg,
        berkas.standar_hari_kerja,
        kanal,
        sum(1 for m in months if m.kanal is None),
        dict(sorted(kategori.items())),
        sum(1 for m in months if not m.kategori),
    )


# --- WBS ------------------------------------------------------------------------------------

TAHAP_WBS = (
    ("diterima", "Diterima"),
    ("diverifikasi", "Diverifikasi"),
    ("ditindaklanjuti", "Ditindaklanjuti"),
    ("ditutup", "Ditutup"),
)


@dataclass(frozen=True)
class PeriodeWbsFacts:
    periode: Periode
    hitung: dict[str, int]
    catatan: str | None


@dataclass(frozen=True)
class WbsFacts:
    info: RekapInfo
    periode: tuple[PeriodeWbsFacts, ...]
    total: dict[str, int]


def derive_wbs(berkas: RekapWbs, ciri: Ciri) -> WbsFacts:
    problems: list[Temuan] = []
    info = periode_berkas(ciri, berkas, problems)
    rows = []
    for i, p, e in entri_sah(berkas, info):
        loc: Loc = ("rekap", i)
        _not_more(
            problems,
            (*loc, "diverifikasi"),
            ("diverifikasi", e.diverifikasi),
            ("diterima", e.diterima),
            "laporan yang diverifikasi adalah bagian dari laporan yang diterima",
        )
        _not_more(
            problems,
            (*loc, "ditindaklanjuti"),
            ("ditindaklanjuti", e.ditindaklanjuti),
            ("diverifikasi", e.diverifikasi),
            "hanya laporan yang sudah diverifikasi yang ditindaklanjuti",
        )
        _not_more(
            problems,
            (*loc, "ditutup"),
            ("ditutup", e.ditutup),
            ("diterima", e.diterima),
            "laporan yang ditutup adalah bagian dari laporan yang diterima",
        )
        rows.append(PeriodeWbsFacts(p, {k: getattr(e, k) for k, _ in TAHAP_WBS}, e.catatan))
    if problems:
        raise RuleError(problems)
    return WbsFacts(info, tuple(rows), {k: sum(r.hitung[k] for r in rows) for k, _ in TAHAP_WBS})


# --- Benturan kepentingan --------------------------------------------------------------------


@dataclass(frozen=True)
class PeriodeBenturanFacts:
    periode: Periode
    pegawai_wajib: int
    pernyataan_ditandatangani: int
    potensi_teridentifikasi: int
    potensi_ditangani: int
    catatan: str | None

    @property
    def persen_pernyataan(self) -> Fraction | None:
        return rasio(self.pernyataan_ditandatangani, self.pegawai_wajib)

    @property
    def persen_ditangani(self) -> Fraction | None:
        return rasio(self.potensi_ditangani, self.potensi_teridentifikasi)


@dataclass(frozen=True)
class BenturanFacts:
    info: RekapInfo
    periode: tuple[PeriodeBenturanFacts, ...]
    potensi_teridentifikasi: int
    potensi_ditangani: int


def derive_benturan(berkas: RekapBenturan, ciri: Ciri) -> BenturanFacts:
    problems: list[Temuan] = []
    info = periode_berkas(ciri, berkas, problems)
    rows = []
    for i, p, e in entri_sah(berkas, info):
        loc: Loc = ("rekap", i)
        _not_more(
            problems,
            (*loc, "pernyataan_ditandatangani"),
            ("pernyataan ditandatangani", e.pernyataan_ditandatangani),
            ("pegawai wajib", e.pegawai_wajib),
            "pernyataan hanya dihitung dari pegawai yang wajib menandatanganinya",
        )
        _not_more(
            problems,
            (*loc, "potensi_ditangani"),
            ("potensi ditangani", e.potensi_ditangani),
            ("potensi teridentifikasi", e.potensi_teridentifikasi),
            "potensi yang ditangani adalah bagian dari potensi yang teridentifikasi",
        )
        rows.append(
            PeriodeBenturanFacts(
                p,
                e.pegawai_wajib,
                e.pernyataan_ditandatangani,
                e.potensi_teridentifikasi,
                e.potensi_ditangani,
                e.catatan,
            )
        )
    if problems:
        raise RuleError(problems)
    return BenturanFacts(
        info, tuple(rows), sum(r.potensi_teridentifikasi for r in rows), sum(r.potensi_ditangani for r in rows)
    )

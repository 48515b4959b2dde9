"""Flatten a rencana aksi into facts: stable row ids, parsed months, counts.

Row ids are derived from the decree's own numbering ("V." > "2" > "1" > ...,
giving ``r-v-2-1-1-1``), so they survive re-typing the text and serve both as
URL anchors and as the key later progress updates refer to. An unnumbered item
takes its position among its siblings; where numbered and unnumbered siblings
mix, the unnumbered ones get an ``x`` so they cannot collide with a number.
Staff may pin any id with ``id:``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.domain.areas import AreaInfo, match_area
from generator.domain.jadwal import parse_jadwal
from generator.model import Area, RencanaAksi

Loc = tuple[str | int, ...]
_ID_OK = re.compile(r"^[a-z][a-z0-9-]*$")


class RuleError(Exception):
    """Problems found while deriving facts, each with the data path it concerns."""

    def __init__(self, problems: list[tuple[Loc, str, str | None]]):
        self.problems = problems
        super().__init__("; ".join(m for _, m, _ in problems))


@dataclass(frozen=True)
class AksiFacts:
    id: str
    loc: Loc
    nomor: str | None
    uraian: str | None
    bukti: str | None
    jadwal_teks: str | None
    bulan: tuple[int, ...]
    target: str | None
    ket: str | None
    celah: str | None
    kosong: bool = False  # the decree's own cell is empty (legible, no text)
    catatan: str | None = None  # catatan_transkripsi: what the transcription inferred
    jatuh_tempo: tuple[int, ...] = ()  # months by whose end the row is due (domain.jadwal reading)
    bacaan: str = "kosong"  # how the schedule was read: bulan | rentang | berulang | teks | kosong
    penanggung_jawab: str | None = None
    jendela: tuple[tuple[int, int], ...] = ()  # quarters/semesters of the jadwal, each a due window


@dataclass(frozen=True)
class IndikatorFacts:
    """An indikator; a kegiatan whose decree has no indikator level gets one implicit one (``implisit``)."""

    id: str
    nomor: str | None
    teks: str | None
    celah: str | None
    aksi: tuple[AksiFacts, ...]
    catatan: str | None = None
    implisit: bool = False


@dataclass(frozen=True)
class KegiatanFacts:
    id: str
    nomor: str | None
    judul: str | None
    celah: str | None
    indikator: tuple[IndikatorFacts, ...]
    catatan: str | None = None

    @property
    def aksi(self) -> tuple[AksiFacts, ...]:
        return tuple(a for i in self.indikator for a in i.aksi)


@dataclass(frozen=True)
class KelompokFacts:
    """A sub-programme; areas without one get a single implicit group (``nomor`` None)."""

    id: str
    nomor: str | None
    judul: str | None
    celah: str | None
    kegiatan: tuple[KegiatanFacts, ...]
    implisit: bool = False
    catatan: str | None = None


@dataclass(frozen=True)
class AreaFacts:
    info: AreaInfo
    nomor: str
    judul: str | None
    subjudul: str | None
    celah: str | None
    kelompok: tuple[KelompokFacts, ...]
    catatan: str | None = None

    @property
    def slug(self) -> str:
        return self.info.kode

    @property
    def kegiatan(self) -> tuple[KegiatanFacts, ...]:
        return tuple(k for g in self.kelompok for k in g.kegiatan)

    @property
    def aksi(self) -> tuple[AksiFacts, ...]:
        return tuple(a for k in self.kegiatan for a in k.aksi)

    @property
    def jumlah_kegiatan(self) -> int:
        return sum(1 for k in self.kegiatan if k.judul or k.nomor)

    @property
    def jumlah_aksi(self) -> int:
        """Rows with legible content (a pure gap row is not a commitment we can show)."""
        return sum(1 for a in self.aksi if _legible(a))

    @property
    def jumlah_celah(self) -> int:
        return (
            sum(1 for a in self.aksi if a.celah) + sum(1 for k in self.kegiatan if k.celah) + (1 if self.celah else 0)
        )


@dataclass(frozen=True)
class PlanFacts:
    rencana: RencanaAksi
    areas: tuple[AreaFacts, ...]
    rows_by_id: dict[str, AksiFacts] = field(repr=False)

    @property
    def tahun(self) -> int:
        return self.rencana.tahun

    @property
    def jumlah_aksi(self) -> int:
        return sum(a.jumlah_aksi for a in self.areas)

    @property
    def jumlah_kegiatan(self) -> int:
        return sum(a.jumlah_kegiatan for a in self.areas)

    @property
    def ada_celah(self) -> bool:
        return any(a.jumlah_celah for a in self.areas)


def _bacaan(jadwal, berulang: str | None) -> dict:
    """Due months and the name of the reading (see generator.domain.jadwal)."""
    if jadwal is None:
        return {"jatuh_tempo": (), "bacaan": "kosong"}
    if not jadwal.bulan:
        return {"jatuh_tempo": (), "bacaan": "teks"}
    ranged = any(start != end for start, end in jadwal.rentang)
    kind = ("berulang" if berulang else "rentang") if ranged else "bulan"
    return {"jatuh_tempo": jadwal.jatuh_tempo(berulang), "bacaan": kind}


def _legible(a: AksiFacts) -> bool:
    return bool(a.uraian or a.bukti or a.target)


def _token(nomor: str | None) -> str | None:
    if not nomor:
        return None
    tok = re.sub(r"[^0-9a-z]+", "", nomor.lower())
    return tok or None


def _tokens(nomors: list[str | None]) -> list[str]:
    mixed = any(nomors) and not all(nomors)
    return [_token(n) or (f"x{i}" if mixed else str(i)) for i, n in enumerate(nomors, start=1)]


class _Builder:
    def __init__(self) -> None:
        self.problems: list[tuple[Loc, str, str | None]] = []
        self.seen: dict[str, Loc] = {}

    def claim(self, item_id: str | None, derived: str, loc: Loc) -> str:
        ident = item_id or derived
        if item_id and not _ID_OK.match(item_id):
            self.problems.append(
                (
                    (*loc, "id"),
                    f"id '{item_id}' tidak sah",
                    "gunakan huruf kecil, angka dan tanda hubung, diawali huruf, mis. 'r-v-2-1-1-1'",
                )
            )
        if ident in self.seen:
            self.problems.append(
                (
                    loc,
                    f"id baris '{ident}' sudah dipakai oleh baris lain",
                    "tambahkan 'id:' yang berbeda pada salah satu baris, atau perbaiki penomorannya",
                )
            )
        self.seen[ident] = loc
        return ident


def derive_plan(plan: RencanaAksi) -> PlanFacts:
    b = _Builder()
    areas: list[AreaFacts] = []
    slugs: dict[str, int] = {}
    area_tokens = _tokens([a.nomor for a in plan.lampiran.area])
    for ai, (area, atok) in enumerate(zip(plan.lampiran.area, area_tokens)):
        loc: Loc = ("lampiran", "area", ai)
        info = match_area(area.judul, area.area)  # validated by the model already
        if info.kode in slugs:
            b.problems.append(
                (
                    loc,
                    f"area '{info.nama}' muncul dua kali (juga area ke-{slugs[info.kode] + 1})",
                    "gabungkan kedua area, atau beri 'area:' yang berbeda",
                )
            )
        slugs[info.kode] = ai
        areas.append(
            AreaFacts(
                info,
                area.nomor,
                area.judul,
                area.subjudul,
                area.celah,
                _kelompok(b, area, f"r-{atok}", loc),
                area.catatan_transkripsi,
            )
        )
    if b.problems:
        raise RuleError(b.problems)
    rows = {a.id: a for area in areas for a in area.aksi}
    return PlanFacts(plan, tuple(areas), rows)


def _kelompok(b: _Builder, area: Area, prefix: str, loc: Loc) -> tuple[KelompokFacts, ...]:
    if not area.kelompok:
        return (
            KelompokFacts(
                prefix, None, None, None, _kegiatan(b, area.kegiatan, prefix, (*loc, "kegiatan")), implisit=True
            ),
        )
    out = []
    for gi, (g, tok) in enumerate(zip(area.kelompok, _tokens([g.nomor for g in area.kelompok]))):
        gloc = (*loc, "kelompok", gi)
        gid = b.claim(g.id, f"{prefix}-{tok}", gloc)
        out.append(
            KelompokFacts(
                gid,
                g.nomor,
                g.judul,
                g.celah,
                _kegiatan(b, g.kegiatan, gid, (*gloc, "kegiatan")),
                catatan=g.catatan_transkripsi,
            )
        )
    return tuple(out)


def _kegiatan(b: _Builder, items, prefix: str, loc: Loc) -> tuple[KegiatanFacts, ...]:
    out = []
    for ki, (k, tok) in enumerate(zip(items, _tokens([k.nomor for k in items]))):
        kloc = (*loc, ki)
        kid = b.claim(k.id, f"{prefix}-{tok}", kloc)
        inds = []
        for ii, (ind, itok) in enumerate(zip(k.indikator, _tokens([i.nomor for i in k.indikator]))):
            iloc = (*kloc, "indikator", ii)
            iid = b.claim(ind.id, f"{kid}-{itok}", iloc)
            inds.append(
                IndikatorFacts(
                    iid, ind.nomor, ind.teks, ind.celah, _aksi(b, ind.aksi, iid, iloc), ind.catatan_transkripsi
                )
            )
        if k.aksi:  # no indikator level in the decree: rows hang on the kegiatan, ids skip the level
            inds.append(IndikatorFacts(kid, None, None, None, _aksi(b, k.aksi, kid, kloc), implisit=True))
        out.append(KegiatanFacts(kid, k.nomor, k.judul, k.celah, tuple(inds), k.catatan_transkripsi))
    return tuple(out)


def _aksi(b: _Builder, items, prefix: str, loc: Loc) -> tuple[AksiFacts, ...]:
    rows = []
    for ri, (a, rtok) in enumerate(zip(items, _tokens([a.nomor for a in items]))):
        rloc = (*loc, "aksi", ri)
        rid = b.claim(a.id, f"{prefix}-{rtok}", rloc)
        jadwal = parse_jadwal(a.jadwal) if a.jadwal is not None else None
        rows.append(
            AksiFacts(
                rid,
                rloc,
                a.nomor,
                a.uraian,
                a.bukti,
                jadwal.teks if jadwal else None,
                jadwal.bulan if jadwal else (),
                a.target,
                a.ket,
                a.celah,
                a.kosong,
                a.catatan_transkripsi,
                **_bacaan(jadwal, a.berulang),
                penanggung_jawab=a.penanggung_jawab,
                jendela=jadwal.jendela if jadwal else (),
            )
        )
    return tuple(rows)

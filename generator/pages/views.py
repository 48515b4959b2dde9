"""Facts -> typed template data for the lampiran (finished values: spans, labels, flags)."""

from __future__ import annotations

from collections.abc import Callable

from generator.domain.jadwal import BULAN, BULAN_SINGKAT
from generator.model import Kolom
from generator.model.satker import Satker
from generator.pages.konteks import lampiran as t
from generator.pages.konteks import umum as u
from generator.pages.konteks.capaian import Baris, Ringkasan
from generator.pages.konteks.umum import AreaRingkas, KolomTabel
from generator.pages.text import inline, line, plain
from generator.rules import AksiFacts, AreaFacts, IndikatorFacts, KegiatanFacts

# Where the decree's own area heading was lost, its place shows the gap; the site's
# catalogue name appears only labelled as the site's classification. Kept here, not in a
# template, because the navigation (generator.pages.__init__) titles an area page with it.
JUDUL_AREA_TIDAK_TERBACA = "[judul area tidak terbaca pada sumber]"
AKSI_FIELDS = ("uraian", "bukti", "jadwal", "target", "penanggung_jawab", "ket")

# The progress of one action row, by its id (None: the year has no realisasi).
CapaianBaris = Callable[[str], Baris] | None


def aksi_columns(kolom: Kolom) -> tuple[KolomTabel, ...]:
    """The decree's columns at row level, in its own order and words."""
    return tuple(KolomTabel(key, getattr(kolom, key)) for key in AKSI_FIELDS if getattr(kolom, key))


def lead_columns(kolom: Kolom) -> tuple[KolomTabel, ...]:
    """The lampiran's columns before the action columns: nomor, area, kegiatan, indikator (the last only
    when the decree has an indikator level, area only when it has its own column)."""
    return (
        KolomTabel("nomor", kolom.nomor),
        *((KolomTabel("area", kolom.area),) if kolom.area else ()),
        KolomTabel("kegiatan", kolom.kegiatan),
        *((KolomTabel("indikator", kolom.indikator),) if kolom.indikator else ()),
    )


def label(nomor: str | None, teks: str | None) -> str:
    return " ".join(x for x in (nomor, teks) if x)


def area_judul(area: AreaFacts) -> str:
    """The area's heading text as the decree has it, or the gap plus the labelled classification."""
    if area.judul:
        return area.judul
    return f"{JUDUL_AREA_TIDAK_TERBACA} (klasifikasi situs: {area.info.nama})"


def area_ringkas(area: AreaFacts) -> AreaRingkas:
    judul = area_judul(area)
    return AreaRingkas(
        nomor=area.nomor,
        judul_html=line(judul),
        judul_plain=plain(judul),
        judul_teks=judul,
        catatan=area.catatan,
        nama=area.info.nama,
        resmi=area.info.resmi,
        slug=area.slug,
        jumlah_kegiatan=area.jumlah_kegiatan,
        jumlah_aksi=area.jumlah_aksi,
        subjudul=area.subjudul,
        celah=area.celah,
    )


def catatan_list(area: AreaFacts, kolom: Kolom) -> list[t.CatatanTranskripsi]:
    """Every catatan transkripsi of one area, in document order, with where it sits in the decree."""

    def note(id_: str, kelompok: str, letak: tuple[t.Letak, ...], teks: str) -> t.CatatanTranskripsi:
        return t.CatatanTranskripsi(id=id_, area=area.nomor, kelompok=kelompok, letak=letak, teks=teks)

    out = [note(area.slug, "", (), area.catatan)] if area.catatan else []
    for g in area.kelompok:
        kelompok = "" if g.implisit else label(g.nomor, g.judul)
        if g.catatan:
            out.append(note(g.id, kelompok, (), g.catatan))
        for k in g.kegiatan:
            kletak = (t.Letak(kolom.kegiatan.lower(), k.nomor or ""),)
            if k.catatan:
                out.append(note(k.id, kelompok, kletak, k.catatan))
            for i in k.indikator:
                iletak = kletak if i.implisit else (*kletak, t.Letak((kolom.indikator or "").lower(), i.nomor or ""))
                if i.catatan:
                    out.append(note(i.id, kelompok, iletak, i.catatan))
                for a in i.aksi:
                    if a.catatan:
                        out.append(
                            note(a.id, kelompok, (*iletak, t.Letak(kolom.uraian.lower(), a.nomor or "")), a.catatan)
                        )
    return out


def aksi_view(a: AksiFacts, bulanan: bool, capaian: CapaianBaris) -> t.Aksi:
    return t.Aksi(
        id=a.id,
        nomor=a.nomor or "",
        uraian=a.uraian,
        bukti=a.bukti,
        jadwal=a.jadwal_teks,
        target=a.target,
        penanggung_jawab=a.penanggung_jawab,
        ket=a.ket,
        celah=a.celah,
        kosong=a.kosong,
        catatan=a.catatan,
        tidak_terbaca=_gap(a.celah, a.uraian or a.bukti or a.target),
        bulan=tuple(BULAN[m - 1] for m in a.bulan),
        kisi=tuple(t.BulanKisi(BULAN[i], BULAN_SINGKAT[i][0], (i + 1) in a.bulan) for i in range(12)),
        # A quarter/semester is a window, not every month of it: shown as its span of months.
        jendela=tuple(t.Jendela(BULAN[m1 - 1], BULAN[m2 - 1]) for m1, m2 in a.jendela),
        jadwal_hilang=bulanan and not a.bulan and not a.jadwal_teks,
        capaian=capaian(a.id) if capaian else None,
    )


def indikator_view(ind: IndikatorFacts, bulanan: bool, capaian: CapaianBaris) -> t.Indikator:
    return t.Indikator(
        id=ind.id,
        nomor=ind.nomor or "",
        teks=ind.teks,
        celah=ind.celah,
        catatan=ind.catatan,
        tidak_terbaca=_gap(ind.celah, ind.teks),
        implisit=ind.implisit,
        aksi=tuple(aksi_view(a, bulanan, capaian) for a in ind.aksi),
    )


def kegiatan_view(k: KegiatanFacts, bulanan: bool, capaian: CapaianBaris, ringkasan: Ringkasan | None) -> t.Kegiatan:
    return t.Kegiatan(
        id=k.id,
        nomor=k.nomor or "",
        judul=k.judul,
        label=label(k.nomor, k.judul),
        celah=k.celah,
        catatan=k.catatan,
        tidak_terbaca=_gap(k.celah, k.judul),
        capaian=ringkasan,
        indikator=tuple(indikator_view(i, bulanan, capaian) for i in k.indikator),
    )


def lampiran_rows(area: AreaFacts, kolom: Kolom, capaian: CapaianBaris) -> tuple[t.KelompokLampiran, ...]:
    """Row groups of one area's lampiran table with the rowspans of the decree's layout.

    Each group is a kelompok (or the whole area); each row carries the merged
    cells that start on it (with how many rows they span) and its action.
    """
    # The decree's own heading only: a lost heading shows as a gap, not as our catalogue name.
    area_head = t.SelArea(
        span=sum(len(_cells(k)) for k in area.kegiatan),
        nomor=area.nomor,
        judul=area.judul,
        celah=area.celah,
        tidak_terbaca=_gap(area.celah, area.judul),
    )
    groups: list[t.KelompokLampiran] = []
    for g in area.kelompok:
        rows: list[t.BarisLampiran] = []
        for k in g.kegiatan:
            cells = _cells(k)
            for n, (ind, a) in enumerate(cells):
                starts_ind = ind is not None and (n == 0 or cells[n - 1][0] is not ind)
                rows.append(
                    t.BarisLampiran(
                        area=area_head if not rows and not groups else None,
                        kegiatan=_kegiatan_cell(k, len(cells)) if n == 0 else None,
                        indikator=_indikator_cell(kolom, ind, starts_ind),
                        aksi=aksi_view(a, kolom.jadwal_bulanan, capaian) if a is not None else None,
                        gap=a is None and bool(k.celah or (ind is not None and ind.celah)),
                    )
                )
        judul = None if g.implisit else label(g.nomor, g.judul)
        groups.append(
            t.KelompokLampiran(
                id=g.id, judul=judul, judul_html=inline(judul), celah=g.celah, catatan=g.catatan, rows=tuple(rows)
            )
        )
    return tuple(groups)


_NO_INDIKATOR = t.SelIndikator(span=1, id=None, nomor="", teks=None, celah=None, catatan=None, tidak_terbaca=False)


def _indikator_cell(kolom: Kolom, ind: IndikatorFacts | None, starts: bool) -> t.SelIndikator | None:
    """The indikator cell starting on a row; none at all when the decree has no indikator column."""
    if kolom.indikator is None:
        return None
    if ind is None or ind.implisit:
        return _NO_INDIKATOR
    if not starts:
        return None
    return t.SelIndikator(
        span=max(1, len(ind.aksi)),
        id=ind.id,
        nomor=ind.nomor or "",
        teks=ind.teks,
        celah=ind.celah,
        catatan=ind.catatan,
        tidak_terbaca=_gap(ind.celah, ind.teks),
    )


def _kegiatan_cell(k: KegiatanFacts, span: int) -> t.SelKegiatan:
    return t.SelKegiatan(
        span=span,
        id=k.id,
        nomor=k.nomor or "",
        judul=k.judul,
        celah=k.celah,
        catatan=k.catatan,
        tidak_terbaca=_gap(k.celah, k.judul),
    )


def _cells(k: KegiatanFacts) -> list[tuple[IndikatorFacts | None, AksiFacts | None]]:
    """One table row per action; an indikator or kegiatan without actions still takes a row."""
    return [(ind, a) for ind in k.indikator for a in (ind.aksi or (None,))] or [(None, None)]


def _gap(celah: str | None, text: str | None) -> bool:
    """Whether the source lost an item's text (the templates then say so)."""
    return bool(celah and not text)


def satker_view(s: Satker) -> u.Satker:
    return u.Satker(nama=s.nama, singkatan=s.singkatan, jadwal_terbit=u.JadwalTerbit(s.jadwal_terbit.batas_hari_rekap))


def kolom_view(k: Kolom) -> u.Kolom:
    return u.Kolom(
        nomor=k.nomor,
        area=k.area,
        kegiatan=k.kegiatan,
        indikator=k.indikator,
        uraian=k.uraian,
        nomor_kolom=k.nomor_kolom,
    )

"""``zi new-year``: scaffold next year's data files from the latest plan.

A new year starts from a new Keputusan that usually keeps last year's structure.
So the new ``rencana-aksi.yaml`` keeps the lampiran as it was (areas, kegiatan,
indikator and aksi with their texts) so row ids, and with them URL anchors and
progress keys, stay the same; only the jadwal texts move to the new year. The
Keputusan's year-bound fields (nomor, tahun, tanggal, and every text naming the
old year) become ``[ISI: ...]`` placeholders like ``zi import`` writes: they load
and build, but cannot pass for real text. Texts that usually carry over are
copied with a ``# PERIKSA`` comment; years inside them are flagged, never
silently changed, because a decree is quoted, not guessed.

Gaps (``celah``) describe last year's PDF copy, not the new decree, so they are
not copied: an aksi row, or a numbered item, that held nothing but a gap keeps
its place with an ``[ISI: ...]`` text (the new decree has that row, and its id
must survive); any other gap-only item is dropped; an item with content loses
its gap note but gets a ``# PERIKSA`` comment. Where dropping an
item would renumber an unnumbered sibling, that sibling's id is pinned with
``id:``.

Progress and recap files start empty (``contoh: false``), with a commented
example of one entry. Only the recaps the latest year kept are scaffolded: a
unit that publishes no WBS recap should not get an empty WBS page.

``scaffold`` computes the files (pure); ``write`` checks that they load and
puts them in place in one step; ``run_new_year`` is the command.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator import keluaran
from generator.domain.periode import Periode
from generator.errors import DataError
from generator.staff.importer.write import Before, Commented, dump, plain
from generator.load import load_site
from generator.load.tahun import PLAN_FILE, REALISASI_FILE
from generator.load.yaml_source import dotted
from generator.model import Keputusan, RencanaAksi
from generator.rules import PlanFacts, derive_plan
from generator.staff.schema import with_modeline
from generator.site import Site

ISI = "[ISI:"
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_YEAR_DIR = re.compile(r"^\d{4}$")
_CHILDREN = ("kelompok", "kegiatan", "indikator", "aksi")
_TEXTS = ("judul", "subjudul", "teks", "uraian", "bukti", "target", "ket")
# Where a numbered item that was only a gap gets its [ISI: ...] text, per list it sits in.
_TEXT_OF = {"kelompok": "judul", "kegiatan": "judul", "indikator": "teks", "aksi": "uraian"}
_KIND_WORD = {"kelompok": "sub-program", "kegiatan": "kegiatan", "indikator": "indikator", "aksi": "baris aksi"}


class TahunBaruError(Exception):
    """A refusal staff can act on (Indonesian message); nothing was written."""


@dataclass(frozen=True)
class Isian:
    """One value staff must fill in (ISI) or check (PERIKSA), with its place in the written file."""

    berkas: str
    baris: int
    field: str
    komentar: str

    @property
    def wajib(self) -> bool:
        return self.komentar.startswith("ISI")


@dataclass(frozen=True)
class TahunBaru:
    tahun: int
    sumber: PlanFacts
    files: dict[str, str]  # file name in <plans>/<tahun>/ -> text, rencana-aksi.yaml first
    isian: tuple[Isian, ...]
    jadwal_diganti: int
    celah_diisi: int  # gap-only rows kept with an [ISI: ...] text
    celah_dihapus: int  # other items that held only a gap note, dropped
    celah_ditandai: int  # gap notes removed from items that stay (marked PERIKSA)
    id_dipatok: tuple[str, ...]
    jumlah_aksi: int

    @property
    def keputusan_sumber(self) -> str:
        k = self.sumber.rencana.keputusan
        return f"{k.nomor}/{k.tahun}"


# --- the plan file -------------------------------------------------------------------


@dataclass
class _Work:
    """Running state while one plan is copied: counts and the old id of every copied item."""

    lama: int
    baru: int
    keputusan: str
    jadwal: int = 0
    dihapus: int = 0
    ditandai: int = 0
    diisi: int = 0
    old_id: dict[int, str] = field(default_factory=dict)  # id(new dict) -> last year's id
    _keep: list[Any] = field(default_factory=list)  # keeps new dicts alive so id() stays unique

    def mentions(self, text: str, years: set[int]) -> list[int]:
        return sorted({int(y) for y in _YEAR.findall(text)} & years)


def plan_baru(plan: PlanFacts, tahun: int) -> tuple[dict, _Work]:
    """Next year's plan data (with comments for the writer) and what was changed on the way."""
    old = plan.rencana
    w = _Work(old.tahun, tahun, f"{old.keputusan.nomor}/{old.keputusan.tahun}")
    old_ids = _ids_of(old, plan)
    areas = [a for a in (_item(x, "area", w, old_ids) for x in old.lampiran.area) if a is not None]
    lampiran: dict = {"judul": _lampiran_judul(old, w)}
    if old.lampiran.judul_tabel:
        lampiran["judul_tabel"] = _shifted_title(old.lampiran.judul_tabel, w)
    lampiran["kolom"] = _fields(old.lampiran.kolom)
    lampiran["area"] = areas
    copied = f"PERIKSA: disalin dari Keputusan {w.keputusan}"
    if old.lampiran.salinan_sesuai:
        lampiran["salinan_sesuai"] = Commented(_fields(old.lampiran.salinan_sesuai), copied)
    if old.lampiran.penandatangan:
        ttd = _fields(old.lampiran.penandatangan)
        if "tempat_tanggal" in ttd:
            place = old.keputusan.ditetapkan_di
            ttd["tempat_tanggal"] = Commented(f"{ISI} {place}, tanggal penetapan {tahun}]",
                                              "ISI: tempat dan tanggal penetapan, mis. "
                                              f"\"{place}, 31 Januari {tahun}\"")
        lampiran["penandatangan"] = Commented(ttd, copied)
    data = {"tahun": tahun, Before(("",), "keputusan"): None, "keputusan": _keputusan(old.keputusan, w),
            Before(("",), "lampiran"): None, "lampiran": lampiran}
    _pin_ids(data, w)
    return data, w


def _keputusan(k: Keputusan, w: _Work) -> dict:
    """Year-bound fields become placeholders; the rest is copied and marked PERIKSA."""
    copied = f"PERIKSA: disalin dari Keputusan {w.keputusan}"
    lama = {w.lama}

    def text(value: str, what: str, mark: bool = True) -> Commented | str:
        # A text naming last year's year is a new text: offered as a suggestion inside the placeholder.
        if w.mentions(value, lama):
            return Commented(f"{ISI} {_swap(value, w.lama, w.baru)}]",
                             f"ISI: {what} baru; usulan dari Keputusan {w.keputusan} dengan tahun {w.lama} diganti "
                             f"{w.baru} (hapus tanda [ISI: dan ])")
        return Commented(value, copied) if mark else value

    def items(values: list[str]) -> Commented:
        return Commented([Commented(v, f"PERIKSA: menyebut tahun {w.lama}; sesuaikan untuk {w.baru} bila perlu")
                          if w.mentions(v, lama) else v for v in values], copied)

    out: dict = {"instansi": Commented(list(k.instansi), copied)}
    if k.salinan:
        out["salinan"] = Commented(True, f"{copied}; true hanya bila yang disalin berupa salinan keputusan")
    out["judul"] = text(k.judul, "judul keputusan")
    out["nomor"] = Commented(f"{ISI} nomor keputusan {w.baru}]",
                             f"ISI: nomor keputusan baru (tahun lalu: \"{k.nomor}\")")
    out["tahun"] = Commented(w.baru, f"ISI: tahun keputusan ({w.baru}, atau {w.baru - 1} bila ditetapkan "
                                     "akhir tahun sebelumnya)")
    out["tentang"] = text(k.tentang, "TENTANG")
    out["jabatan"] = Commented(k.jabatan, copied)
    out["menimbang"] = items(list(k.menimbang))
    out["mengingat"] = items(list(k.mengingat))
    out["menetapkan"] = text(k.menetapkan, "bunyi MENETAPKAN")
    out["diktum"] = Commented([{"label": d.label, "teks": text(d.teks, f"diktum {d.label}", mark=False)} for d in k.diktum],
                              copied)
    out["ditetapkan_di"] = Commented(k.ditetapkan_di, copied)
    out["tanggal"] = Commented(dt.date(w.baru, 1, 1),
                               "ISI: tanggal penetapan TTTT-BB-HH (1 Januari hanya pengisi)")
    out["penandatangan"] = Commented(_fields(k.penandatangan), copied)
    if k.salinan_sesuai:
        out["salinan_sesuai"] = Commented(_fields(k.salinan_sesuai), copied)
    return out


def _lampiran_judul(old: RencanaAksi, w: _Work) -> Commented:
    """'NOMOR 478 TAHUN 2024' and 'TENTANG ... TAHUN 2024' are the new decree's: placeholders."""
    nomor = old.keputusan.nomor
    lines: list = []
    for line in old.lampiran.judul:
        if not w.mentions(line, {w.lama}):
            lines.append(line)
            continue
        text = _swap(line, w.lama, w.baru)
        if line.upper().startswith("NOMOR"):
            text = re.sub(rf"(?<![\w/]){re.escape(nomor)}(?![\w/])", "...", text, count=1)
        lines.append(Commented(f"{ISI} {text}]", f"ISI: kepala lampiran keputusan {w.baru} (hapus tanda [ISI: dan ])"))
    return Commented(lines, f"PERIKSA: disalin dari Keputusan {w.keputusan}")


def _shifted_title(text: str, w: _Work) -> str | Commented:
    if not w.mentions(text, {w.lama}):
        return text
    return Commented(_swap(text, w.lama, w.baru), f"PERIKSA: tahun {w.lama} diganti {w.baru}")


def _item(obj: BaseModel, kind: str, w: _Work, old_ids: dict[int, str]) -> dict | None:
    """One lampiran item with its children; None when it held only a gap note."""
    out: dict = {}
    nearby = {w.lama - 1, w.lama, w.lama + 1}
    for name, info in type(obj).model_fields.items():
        value = getattr(obj, name)
        # Gap and transcription notes describe last year's copy, not the new decree.
        if name in ("celah", "catatan_transkripsi") or value is None or _is_default(info, value):
            continue
        if name in _CHILDREN:
            kids = [k for k in (_item(c, name, w, old_ids) for c in value) if k is not None]
            if kids:
                out[name] = kids
            continue
        if name == "jadwal" and isinstance(value, str):
            moved = _shift(value, w.baru - w.lama)
            w.jadwal += moved != value
            value = moved
        elif name in _TEXTS and isinstance(value, str):
            years = w.mentions(value, nearby)
            if years:
                value = Commented(value, f"PERIKSA: menyebut tahun {', '.join(map(str, years))}; "
                                         f"sesuaikan untuk {w.baru} bila perlu")
        out[name] = value
    gap = getattr(obj, "celah", None)
    if gap:
        note = " ".join(gap.split())
        if not set(out) - {"id", "nomor"}:
            if kind not in _TEXT_OF or not (out.get("nomor") or kind == "aksi"):
                w.dihapus += 1
                return None
            # A row (or numbered item) the copy lost: the new decree has it, so keep its place and id.
            label = f"{_KIND_WORD[kind]} {out['nomor']}" if out.get("nomor") else f"{_KIND_WORD[kind]} ini"
            w.diisi += 1
            out[_TEXT_OF[kind]] = Commented(
                f"{ISI} teks {label} tidak terbaca pada Keputusan {w.keputusan}; "
                "tulis dari keputusan baru, atau hapus butir ini]",
                f"ISI: {label} (celah tahun lalu: {note})")
        else:
            w.ditandai += 1
            _comment_first(out, f"PERIKSA: tidak lengkap pada Keputusan {w.keputusan} ({note}); "
                                "lengkapi dari keputusan baru")
    if id(obj) in old_ids:
        w.old_id[id(out)] = old_ids[id(obj)]
        w._keep.append(out)
    return out


def _comment_first(out: dict, comment: str) -> None:
    key = next(iter(out))
    value = out[key]
    if isinstance(value, Commented):
        out[key] = Commented(value.value, f"{comment}; {value.comment.removeprefix('PERIKSA: ')}")
    else:
        out[key] = Commented(value, comment)


def _fields(obj: BaseModel) -> dict:
    """A model's set fields in declared order (no defaults), as plain data."""
    out = {}
    for name, info in type(obj).model_fields.items():
        value = getattr(obj, name)
        if value is None or _is_default(info, value):
            continue
        out[name] = _fields(value) if isinstance(value, BaseModel) else (
            list(value) if isinstance(value, (list, tuple)) else value)
    return out


def _is_default(info, value) -> bool:
    return not info.is_required() and value == info.get_default(call_default_factory=True)


def _swap(text: str, old: int, new: int) -> str:
    return re.sub(rf"(?<!\d){old}(?!\d)", str(new), text)


def _shift(text: str, delta: int) -> str:
    """'Maret, Juni, September dan Desember 2024' -> ... 2025 (every year moves by the same step)."""
    return _YEAR.sub(lambda m: str(int(m.group(1)) + delta), text)


# --- row ids -------------------------------------------------------------------------


def _walk(areas: list, facts: tuple) -> list[tuple[dict | BaseModel, str, int]]:
    """(item, derived id, depth) for every kelompok, kegiatan, indikator and aksi, in order."""
    out = []

    def get(item, name):
        value = item.get(name) if isinstance(item, dict) else getattr(item, name)
        return (value.value if isinstance(value, Commented) else value) or []

    for area, af in zip(areas, facts):
        if get(area, "kelompok"):
            pairs = []
            for g, gf in zip(get(area, "kelompok"), af.kelompok):
                out.append((g, gf.id, 1))
                pairs += [(k, kf) for k, kf in zip(get(g, "kegiatan"), gf.kegiatan)]
        else:
            pairs = list(zip(get(area, "kegiatan"), af.kelompok[0].kegiatan))
        for k, kf in pairs:
            out.append((k, kf.id, 2))
            for i, inf in zip(get(k, "indikator"), kf.indikator):
                out.append((i, inf.id, 3))
                out.extend((a, af_.id, 4) for a, af_ in zip(get(i, "aksi"), inf.aksi))
            if get(k, "aksi"):  # no indikator level: the implicit one is last
                out.extend((a, af_.id, 4) for a, af_ in zip(get(k, "aksi"), kf.indikator[-1].aksi))
    return out


def _ids_of(plan: RencanaAksi, facts: PlanFacts) -> dict[int, str]:
    return {id(item): ident for item, ident, _ in _walk(plan.lampiran.area, facts.areas)}


def _pin_ids(data: dict, w: _Work) -> None:
    """Pin ``id:`` where a dropped gap item would renumber an unnumbered sibling.

    Top-most mismatches first: a pinned kegiatan id carries its children along, so
    they need no pin of their own.
    """
    for _ in range(5):
        facts = derive_plan(RencanaAksi.model_validate(plain(data)))
        wrong = [(item, w.old_id[id(item)], depth) for item, ident, depth in _walk(data["lampiran"]["area"],
                                                                                  facts.areas)
                 if id(item) in w.old_id and ident != w.old_id[id(item)]]
        if not wrong:
            return
        top = min(depth for _, _, depth in wrong)
        for item, ident, depth in wrong:
            if depth == top:
                rest = list(item.items())
                item.clear()
                item.update({k: v for k, v in rest if isinstance(k, Before)})
                item["id"] = Commented(ident, f"id tetap seperti tahun {w.lama}")
                item.update({k: v for k, v in rest if not isinstance(k, Before) and k != "id"})
    raise RuntimeError("id baris tahun baru tidak dapat disamakan dengan tahun sebelumnya")


# --- empty progress and recap files ----------------------------------------------------


_UNSUR = ("persyaratan", "prosedur", "waktu", "biaya", "produk", "kompetensi", "perilaku", "pengaduan", "sarana")


def _contoh_rekap(jenis: str, periode: str, tahun: int) -> list[str]:
    if jenis == "gratifikasi":
        return ["rekap:", f"  - periode: \"{periode}\"", "    nihil: true          # atau daftar 'laporan'"]
    if jenis == "pengaduan":
        return ["rekap:", f"  - periode: \"{periode}\"", "    diterima: 4", "    harus_ditindaklanjuti: 3",
                "    sedang_diproses: 1", "    selesai: 2", "    kanal: {website: 1, surel: 1, whatsapp: 2}"]
    if jenis == "wbs":
        return ["rekap:", f"  - {{periode: \"{periode}\", diterima: 0, diverifikasi: 0, ditindaklanjuti: 0, "
                "ditutup: 0}"]
    if jenis == "benturan-kepentingan":
        return ["rekap:", f"  - periode: \"{periode}\"", "    pegawai_wajib: 30", "    pernyataan_ditandatangani: 30",
                "    potensi_teridentifikasi: 0", "    potensi_ditangani: 0"]
    return ["rekap:", f"  - periode: \"{periode}\"", "    ikm:", "      responden: 100", "      unsur:",
            *(f"        {u}: [0, 5, 60, 35]" for u in _UNSUR),
            "    persepsi_anti_korupsi: {skala: {terendah: 1, tertinggi: 4}, nilai: 3.5, responden: 100}"]


_JUDUL_REKAP = {"gratifikasi": "Rekap gratifikasi per bulan", "pengaduan": "Rekap pengaduan masyarakat per bulan",
                "wbs": "Rekap Whistle Blowing System", "benturan-kepentingan": "Rekap benturan kepentingan",
                "survei": "Hasil survei per triwulan"}


def _per_tanggal(tahun: int) -> Commented:
    return Commented(dt.date(tahun, 1, 1), "ISI: tanggal keadaan data TTTT-BB-HH; perbarui setiap kali data diubah")


def _realisasi(tahun: int, first_id: str) -> tuple[dict, list[str]]:
    header = [f"Realisasi Rencana Aksi ZI {tahun}: dibuat dengan `zi new-year {tahun}`, belum berisi capaian.",
              "Satu butir per baris rencana aksi, dengan id baris dari halaman area (tautan # di ujung baris).",
              "Persentase capaian DIHITUNG oleh situs, tidak ditulis."]
    example = ("", "Cara mengisi: ganti 'baris: []' di bawah dengan butir seperti ini (tanpa tanda #):",
               "  baris:", f"    - id: {first_id}",
               "      status: berjalan      # belum mulai | berjalan | selesai | tidak dilaksanakan (wajib 'alasan')",
               "      bulan: [1]            # bulan yang sudah dikerjakan (1-12)",
               "      bukti:", "        - judul: \"Judul bukti\"",
               "          tautan: \"unggahan/nama-berkas.pdf\"   # berkas di content/ atau https://...",
               f"      diperbarui: {tahun}-01-31")
    return {"tahun": tahun, "per_tanggal": _per_tanggal(tahun), "contoh": False,
            Before(example): None, "baris": []}, header


def _rekap(jenis: str, tahun: int, site: Site, lama: int) -> tuple[dict, list[str]]:
    facts = site.tahun(lama).rekap_jenis(jenis)
    first = facts.info.periode[0] if facts and facts.info.periode else None
    periode = Periode(tahun, first.jenis, first.ke) if first else Periode(
        tahun, "triwulan" if jenis == "survei" else "bulan", 1)
    header = [f"{_JUDUL_REKAP[jenis]}, tahun {tahun}: dibuat dengan `zi new-year {tahun}`, belum berisi rekap.",
              "Tulis satu butir per periode yang sudah direkap; periode yang belum direkap JANGAN ditulis",
              "(situs menampilkannya \"belum dilaporkan\"). Hanya jumlah: jangan menulis identitas orang."]
    data: dict = {"tahun": tahun, "per_tanggal": _per_tanggal(tahun), "contoh": False}
    standar = getattr(facts, "standar_hari_kerja", None)
    if standar is not None:
        data["standar_hari_kerja"] = Commented(standar, f"PERIKSA: disalin dari rekap pengaduan {lama}")
    example = ("", "Cara mengisi: ganti 'rekap: []' di bawah dengan butir seperti ini (tanpa tanda #):",
               *(f"  {line}" for line in _contoh_rekap(jenis, periode.label, tahun)))
    data[Before(example)] = None
    data["rekap"] = []
    return data, header


# --- the whole year ---------------------------------------------------------------------


def scaffold(site: Site, tahun: int, year_dir: Path) -> TahunBaru:
    """Every file of ``year_dir`` (``<plans>/<tahun>``) as text, from the site's latest plan. Writes nothing."""
    plan = site.latest
    data, w = plan_baru(plan, tahun)
    k = plan.rencana.keputusan
    header = [f"Rencana Aksi Zona Integritas {site.satker.singkatan} Tahun {tahun}: KERANGKA yang dibuat dengan",
              f"`zi new-year {tahun}` dari rencana aksi {w.lama} (Keputusan {k.nomor}/{k.tahun}).",
              "",
              f"Sebelum diterbitkan, samakan berkas ini dengan Keputusan {tahun} yang ditandatangani:",
              "- ganti setiap isian [ISI: ...] (bertanda # ISI) dengan teks keputusan yang baru;",
              f"- periksa setiap nilai bertanda # PERIKSA: disalin dari keputusan {w.lama} dan mungkin berubah;",
              "- lampiran disalin apa adanya agar id baris (jangkar halaman dan kunci realisasi) tetap sama;",
              f"  jadwal sudah memakai tahun {tahun}. Ubah, tambah atau hapus baris sesuai keputusan baru;",
              "- setelah keputusan ditandatangani, unggah pindaiannya ke content/unggahan/ dan tulis",
              "  'berkas: unggahan/<nama-berkas>.pdf' di bawah 'keputusan'.",
              "Lalu jalankan: zi check"]
    items: list[tuple[str, dict, list[str]]] = [(PLAN_FILE, data, header)]
    facts = derive_plan(RencanaAksi.model_validate(plain(data)))
    first_id = next(iter(facts.rows_by_id), "r-i-1-1-1")
    items.append((REALISASI_FILE, *_realisasi(tahun, first_id)))
    for r in site.tahun(w.lama).rekap:
        items.append((f"{r.info.jenis}.yaml", *_rekap(r.info.jenis, tahun, site, w.lama)))
    files: dict[str, str] = {}
    isian: list[Isian] = []
    for name, body, head in items:
        text, lines = dump(body, head)
        final = with_modeline(text, year_dir / name)
        shift = final.count("\n") - text.count("\n")
        files[name] = final
        isian += [Isian(name, lines.get(path, 0) + shift, dotted(path), comment)
                  for path, comment in _marks(body)]
    pinned = tuple(sorted(v.value for v in _find_pins(data)))
    return TahunBaru(tahun, plan, files, tuple(isian), w.jadwal, w.diisi, w.dihapus, w.ditandai, pinned,
                     facts.jumlah_aksi)


def _marks(data: Any, path: tuple = ()) -> list[tuple[tuple, str]]:
    """(path, comment) of every ISI and PERIKSA comment, nested ones included, in file order."""
    out = []
    if isinstance(data, Commented):
        if data.comment.startswith(("ISI", "PERIKSA")):
            out.append((path, data.comment))
        return out + _marks(data.value, path)
    if isinstance(data, dict):
        for k, v in data.items():
            if not isinstance(k, Before):
                out.extend(_marks(v, (*path, k)))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            out.extend(_marks(v, (*path, i)))
    return out


def _find_pins(data: Any) -> list[Commented]:
    if isinstance(data, Commented):
        return _find_pins(data.value)
    if isinstance(data, dict):
        found = [v for k, v in data.items() if k == "id" and isinstance(v, Commented)]
        return found + [p for k, v in data.items() if not isinstance(k, Before) for p in _find_pins(v)]
    if isinstance(data, list):
        return [p for v in data for p in _find_pins(v)]
    return []


def write(plans: Path, result: TahunBaru) -> Path:
    """Check that the new files load with the unit's satker.yaml, then put the year folder in place at once."""
    year_dir = plans / str(result.tahun)
    with tempfile.TemporaryDirectory(prefix="zi-tahun-baru-") as tmp:
        root = Path(tmp)
        shutil.copyfile(plans / "satker.yaml", root / "satker.yaml")
        (root / str(result.tahun)).mkdir()
        for name, text in result.files.items():
            (root / str(result.tahun) / name).write_text(text, encoding="utf-8", newline="\n")
        try:
            load_site(root)
        except DataError as exc:  # a bug here, not the staff's data: never leave a broken year behind
            raise RuntimeError("kerangka tahun baru tidak lolos pemeriksaan:\n" + exc.report(root)) from None
    staging = Path(tempfile.mkdtemp(prefix=f".zi-tahun-baru-{result.tahun}-", dir=plans))
    try:
        for name, text in result.files.items():
            (staging / name).write_text(text, encoding="utf-8", newline="\n")
            os.chmod(staging / name, 0o644)
        os.chmod(staging, 0o755)
        staging.rename(year_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return year_dir


# --- the command ----------------------------------------------------------------------


def _years(plans: Path) -> list[int]:
    return sorted(int(p.name) for p in plans.iterdir()
                  if p.is_dir() and _YEAR_DIR.match(p.name) and (p / PLAN_FILE).is_file())


def check_year(plans: Path, tahun: int) -> int:
    """The latest plan year to scaffold from; TahunBaruError when ``tahun`` must be refused."""
    if not plans.is_dir():
        raise TahunBaruError(f"Folder data {plans} tidak ditemukan. Periksa pilihan --plans.")
    if (plans / str(tahun)).is_symlink():
        raise TahunBaruError(
            f"{plans / str(tahun)} sudah ada sebagai tautan simbolik (ke '{os.readlink(plans / str(tahun))}'); "
            "zi new-year tidak menulis lewat tautan. Hapus tautan itu, lalu jalankan lagi perintah ini.")
    if (plans / str(tahun)).exists():
        raise TahunBaruError(
            f"Folder {plans / str(tahun)} sudah ada; zi new-year tidak menimpa data yang sudah ada. "
            f"Hapus folder itu bila memang ingin membuat ulang kerangkanya, atau pilih tahun lain.")
    years = _years(plans)
    if not years:
        raise TahunBaruError(
            f"Belum ada rencana aksi di {plans}: zi new-year membuat kerangka dari rencana aksi tahun terakhir. "
            f"Buat dulu {plans}/<tahun>/{PLAN_FILE} (mis. dengan zi import).")
    if tahun <= years[-1]:
        raise TahunBaruError(
            f"Tahun {tahun} tidak sesudah rencana aksi terakhir ({years[-1]}); zi new-year hanya membuat kerangka "
            f"tahun sesudahnya, mis. zi new-year {years[-1] + 1}. Rencana aksi tahun yang sudah lewat ditulis dari "
            "keputusannya sendiri (zi import atau disalin dari keputusan).")
    return years[-1]


def run_new_year(plans: Path, tahun: int, echo: Callable[..., None]) -> int:
    """Refuse, or scaffold, write and report; return the exit status."""
    repo = keluaran.Repo.from_config_file(plans=plans)
    try:
        keluaran.check_data_dir(plans, repo)
        check_year(plans, tahun)
    except (TahunBaruError, keluaran.KeluaranError) as exc:
        echo(str(exc), err=True)
        return 1
    try:
        site = load_site(plans, repo_root=repo.root)
    except DataError as exc:
        echo(exc.report(plans), err=True)
        echo("Perbaiki dulu kesalahan di atas: zi new-year hanya menyalin data yang lolos zi check. "
             "Tidak ada berkas yang ditulis.", err=True)
        return 1
    year_dir = plans / str(tahun)
    result = scaffold(site, tahun, year_dir)
    write(plans, result)
    echo(format_report(result, plans))
    return 0


def format_report(r: TahunBaru, plans: Path) -> str:
    year_dir = plans / str(r.tahun)
    lama = r.sumber.tahun
    lines = [f"Kerangka tahun {r.tahun} dibuat dari rencana aksi {lama} (Keputusan {r.keputusan_sumber})."]
    if r.tahun > lama + 1:
        lines.append(f"Catatan: tidak ada rencana aksi {lama + 1}–{r.tahun - 1}; tahun pada jadwal digeser "
                     f"{r.tahun - lama} tahun.")
    lines.append("Berkas ditulis:")
    for name in r.files:
        if name == PLAN_FILE:
            what = f"{len(r.sumber.areas)} area, {r.jumlah_aksi} baris aksi, id baris sama dengan {lama}"
            if r.jadwal_diganti:
                what += f"; {r.jadwal_diganti} teks jadwal memakai tahun {r.tahun}"
        else:
            what = "kosong, contoh pengisian ada di komentarnya"
        lines.append(f"  {year_dir / name} ({what})")
    todo = [i for i in r.isian if i.wajib]
    check = [i for i in r.isian if not i.wajib]
    lines += ["", f"Lengkapi {len(todo)} isian ini sebelum diterbitkan (bertanda # ISI):"]
    lines += [f"  {year_dir / i.berkas}:{i.baris}: {i.field} — {i.komentar.removeprefix('ISI: ')}" for i in todo]
    if check:
        lines += ["", f"Periksa {len(check)} nilai yang disalin dari tahun {lama} (bertanda # PERIKSA):"]
        lines += [f"  {year_dir / i.berkas}:{i.baris}: {i.field} — {i.komentar.removeprefix('PERIKSA: ')}"
                  for i in check]
    if r.celah_diisi or r.celah_dihapus or r.celah_ditandai:
        lines += ["", f"Celah (bagian yang tidak terbaca pada salinan Keputusan {r.keputusan_sumber}) tidak disalin: "
                      f"{r.celah_diisi} baris menjadi isian [ISI: ...], {r.celah_dihapus} butir lain yang hanya "
                      f"berisi celah dihapus, {r.celah_ditandai} butir yang berisi teks ditandai # PERIKSA."]
    if r.id_dipatok:
        lines.append(f"Id {len(r.id_dipatok)} butir dipatok dengan 'id:' agar sama dengan tahun {lama}: "
                     + ", ".join(r.id_dipatok) + ".")
    lines += ["", "Berkas-berkas ini sudah lolos pemeriksaan data (seperti zi check).",
              f"Langkah berikutnya: lengkapi isian [ISI: ...] dan per_tanggal, lalu jalankan: zi check --plans {plans}"]
    return "\n".join(lines)

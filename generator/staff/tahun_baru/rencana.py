"""Next year's ``rencana-aksi.yaml`` from the latest plan: the lampiran kept, year-bound texts as placeholders.

The Keputusan's year-bound fields (nomor, tahun, tanggal, and every text naming the
old year) become ``[ISI: ...]`` placeholders; texts that usually carry over are
copied with a ``# PERIKSA`` comment; gap notes (``celah``) are not copied (see
``generator.staff.tahun_baru``). Row ids are kept by ``id_baris``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from generator.model import Keputusan, RencanaAksi
from generator.rules import PlanFacts
from generator.staff.importer.write import Before, Commented
from generator.staff.tahun_baru.id_baris import ids_of, pin_ids

ISI = "[ISI:"
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_CHILDREN = ("kelompok", "kegiatan", "indikator", "aksi")
_TEXTS = ("judul", "subjudul", "teks", "uraian", "bukti", "target", "ket")
# Where a numbered item that was only a gap gets its [ISI: ...] text, per list it sits in.
_TEXT_OF = {"kelompok": "judul", "kegiatan": "judul", "indikator": "teks", "aksi": "uraian"}
_KIND_WORD = {"kelompok": "sub-program", "kegiatan": "kegiatan", "indikator": "indikator", "aksi": "baris aksi"}


@dataclass
class Work:
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


def plan_baru(plan: PlanFacts, tahun: int) -> tuple[dict, Work]:
    """Next year's plan data (with comments for the writer) and what was changed on the way."""
    old = plan.rencana
    w = Work(old.tahun, tahun, f"{old.keputusan.nomor}/{old.keputusan.tahun}")
    old_ids = ids_of(old, plan)
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
            ttd["tempat_tanggal"] = Commented(
                f"{ISI} {place}, tanggal penetapan {tahun}]",
                f'ISI: tempat dan tanggal penetapan, mis. "{place}, 31 Januari {tahun}"',
            )
        lampiran["penandatangan"] = Commented(ttd, copied)
    data = {
        "tahun": tahun,
        Before(("",), "keputusan"): None,
        "keputusan": _keputusan(old.keputusan, w),
        Before(("",), "lampiran"): None,
        "lampiran": lampiran,
    }
    pin_ids(data, w)
    return data, w


def _keputusan(k: Keputusan, w: Work) -> dict:
    """Year-bound fields become placeholders; the rest is copied and marked PERIKSA."""
    copied = f"PERIKSA: disalin dari Keputusan {w.keputusan}"
    lama = {w.lama}

    def text(value: str, what: str, mark: bool = True) -> Commented | str:
        # A text naming last year's year is a new text: offered as a suggestion inside the placeholder.
        if w.mentions(value, lama):
            return Commented(
                f"{ISI} {_swap(value, w.lama, w.baru)}]",
                f"ISI: {what} baru; usulan dari Keputusan {w.keputusan} dengan tahun {w.lama} diganti "
                f"{w.baru} (hapus tanda [ISI: dan ])",
            )
        return Commented(value, copied) if mark else value

    def items(values: list[str]) -> Commented:
        return Commented(
            [
                Commented(v, f"PERIKSA: menyebut tahun {w.lama}; sesuaikan untuk {w.baru} bila perlu")
                if w.mentions(v, lama)
                else v
                for v in values
            ],
            copied,
        )

    out: dict = {"instansi": Commented(list(k.instansi), copied)}
    if k.salinan:
        out["salinan"] = Commented(True, f"{copied}; true hanya bila yang disalin berupa salinan keputusan")
    out["judul"] = text(k.judul, "judul keputusan")
    out["nomor"] = Commented(f"{ISI} nomor keputusan {w.baru}]", f'ISI: nomor keputusan baru (tahun lalu: "{k.nomor}")')
    out["tahun"] = Commented(
        w.baru, f"ISI: tahun keputusan ({w.baru}, atau {w.baru - 1} bila ditetapkan akhir tahun sebelumnya)"
    )
    out["tentang"] = text(k.tentang, "TENTANG")
    out["jabatan"] = Commented(k.jabatan, copied)
    out["menimbang"] = items(list(k.menimbang))
    out["mengingat"] = items(list(k.mengingat))
    out["menetapkan"] = text(k.menetapkan, "bunyi MENETAPKAN")
    out["diktum"] = Commented(
        [{"label": d.label, "teks": text(d.teks, f"diktum {d.label}", mark=False)} for d in k.diktum], copied
    )
    out["ditetapkan_di"] = Commented(k.ditetapkan_di, copied)
    out["tanggal"] = Commented(dt.date(w.baru, 1, 1), "ISI: tanggal penetapan TTTT-BB-HH (1 Januari hanya pengisi)")
    out["penandatangan"] = Commented(_fields(k.penandatangan), copied)
    if k.salinan_sesuai:
        out["salinan_sesuai"] = Commented(_fields(k.salinan_sesuai), copied)
    return out


def _lampiran_judul(old: RencanaAksi, w: Work) -> Commented:
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


def _shifted_title(text: str, w: Work) -> str | Commented:
    if not w.mentions(text, {w.lama}):
        return text
    return Commented(_swap(text, w.lama, w.baru), f"PERIKSA: tahun {w.lama} diganti {w.baru}")


def _item(obj: BaseModel, kind: str, w: Work, old_ids: dict[int, str]) -> dict | None:
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
                value = Commented(
                    value, f"PERIKSA: menyebut tahun {', '.join(map(str, years))}; sesuaikan untuk {w.baru} bila perlu"
                )
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
                f"ISI: {label} (celah tahun lalu: {note})",
            )
        else:
            w.ditandai += 1
            _comment_first(
                out, f"PERIKSA: tidak lengkap pada Keputusan {w.keputusan} ({note}); lengkapi dari keputusan baru"
            )
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
        out[name] = (
            _fields(value)
            if isinstance(value, BaseModel)
            else (list(value) if isinstance(value, (list, tuple)) else value)
        )
    return out


def _is_default(info, value) -> bool:
    return not info.is_required() and value == info.get_default(call_default_factory=True)


def _swap(text: str, old: int, new: int) -> str:
    return re.sub(rf"(?<!\d){old}(?!\d)", str(new), text)


def _shift(text: str, delta: int) -> str:
    """'Maret, Juni, September dan Desember 2024' -> ... 2025 (every year moves by the same step)."""
    return _YEAR.sub(lambda m: str(int(m.group(1)) + delta), text)

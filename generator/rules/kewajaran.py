"""Plausibility: values the model accepts but that are probably a typing mistake.

Each finding is a warning for ``zi check`` and ``zi build`` (``Site.peringatan``),
never an error: the value may be right, and the site still builds. Each names
what was probably meant. What is checked, and why the limits are where they are:

- a file's ``per_tanggal`` in the year after the file's year (an error already
  refuses any other year): a recap of 2024 is normally dated in 2024; 2025-03-01
  is more likely a slip for 2024-03-01 (a January final recap is possible, so
  this only warns);
- a realisasi row ``diperbarui`` before the file's year (after ``per_tanggal`` is
  an error already, ``generator.rules.capaian``);
- a Keputusan ``tanggal`` outside the year of its number: the year in
  "NOMOR 478 TAHUN 2024" is the year the decree was set (tata naskah dinas; both
  seed decrees), so a 2024 decree dated 2019 is a slip;
- an area with an explicit ``area:`` code whose title names no catalogue area or
  another one (``generator.domain.areas``): the page would show the title under
  the code's area;
- a count over what one unit can have. ZI is built per unit kerja (PermenPANRB
  90/2021); the largest single units (a provincial police force, a big hospital)
  have some tens of thousands of staff, so ``pegawai_wajib`` or
  ``pernyataan_ditandatangani`` over 100,000 is a slip; any other count per
  period (complaints, reports, respondents) over 1,000,000 is more than a whole
  province's complaints to SP4N-LAPOR! in a year (a survey's ``populasi``, the
  people served in a period, may be larger: only more than Indonesia's whole
  population, 300,000,000, is refused); a gratifikasi value over
  Rp100.000.000.000 per report line is an extra zero or a typing slip;
- a text over 5,000 characters in one field: the longest text in both real
  decrees is under 800 characters; 5,000 is a full typed page, not one cell
  (files over 2 MB are refused when read, ``generator.load.yaml_source``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel

from generator.domain.areas import BY_CODE, CATALOGUE, closest, normalise
from generator.model import RencanaAksi
from generator.model.realisasi import Realisasi
from generator.model.rekap import BerkasRekap

Loc = tuple[str | int, ...]
Temuan = tuple[Loc, str, str]  # (path, message, fix), positioned by the loader

TEKS_MAKS = 5_000
PEGAWAI_MAKS = 100_000
JUMLAH_MAKS = 1_000_000
RUPIAH_MAKS = 100_000_000_000
POPULASI_MAKS = 300_000_000  # Indonesia: about 280 million people (BPS, 2024)
_PEGAWAI = {"pegawai_wajib", "pernyataan_ditandatangani"}


def periksa(data: BaseModel) -> list[Temuan]:
    """Every plausibility warning for one loaded file (a plan, a realisasi, a recap, satker)."""
    out = _teks_panjang(data.model_dump())
    if isinstance(data, RencanaAksi):
        out += _keputusan(data) + _judul_area(data)
    if isinstance(data, (Realisasi, BerkasRekap)):
        out += _per_tanggal(data.tahun, data.per_tanggal)
    if isinstance(data, Realisasi):
        out += _diperbarui(data)
    if isinstance(data, BerkasRekap):
        out += _jumlah(data.model_dump(), ())
    return out


def _same_day(day: dt.date, year: int) -> str:
    try:
        return day.replace(year=year).isoformat()
    except ValueError:  # 29 February
        return day.replace(year=year, day=28).isoformat()


def _per_tanggal(tahun: int, per_tanggal: dt.date) -> list[Temuan]:
    if per_tanggal.year != tahun + 1:
        return []
    meant = _same_day(per_tanggal, tahun)
    return [
        (
            ("per_tanggal",),
            f"per_tanggal {per_tanggal.isoformat()} sudah di tahun {per_tanggal.year}, "
            f"sesudah tahun berkas ini ({tahun}); mungkin maksudnya {meant}",
            f"tulis 'per_tanggal: {meant}' bila tahunnya salah ketik; bila data ini memang dikunci pada "
            f"{per_tanggal.year}, abaikan peringatan ini",
        )
    ]


def _diperbarui(realisasi: Realisasi) -> list[Temuan]:
    out: list[Temuan] = []
    for i, row in enumerate(realisasi.baris):
        if row.diperbarui.year < realisasi.tahun:
            meant = _same_day(row.diperbarui, realisasi.tahun)
            out.append(
                (
                    ("baris", i, "diperbarui"),
                    f"tanggal pembaruan {row.diperbarui.isoformat()} sebelum tahun "
                    f"{realisasi.tahun}; mungkin maksudnya {meant}",
                    f"tulis 'diperbarui: {meant}' (tanggal catatan ini diperbarui)",
                )
            )
    return out


def _keputusan(plan: RencanaAksi) -> list[Temuan]:
    k = plan.keputusan
    if k.tanggal.year == k.tahun:
        return []
    meant = _same_day(k.tanggal, k.tahun)
    return [
        (
            ("keputusan", "tanggal"),
            f"tanggal keputusan {k.tanggal.isoformat()} tidak di tahun nomor keputusan "
            f"({k.tahun}); mungkin maksudnya {meant}",
            f"salin tanggal penetapan dari keputusan, mis. 'tanggal: {meant}', atau perbaiki 'tahun' keputusan",
        )
    ]


def _judul_area(plan: RencanaAksi) -> list[Temuan]:
    out: list[Temuan] = []
    for i, area in enumerate(plan.lampiran.area):
        if not area.area or not area.judul or area.area not in BY_CODE:
            continue
        code = BY_CODE[area.area]
        words = normalise(area.judul)
        matched = [a for a in CATALOGUE if a.kata_kunci <= words]
        if code in matched:
            continue
        close = closest(area.judul) or f"'{code.nama}'"
        if matched:
            message = (
                f"judul area '{area.judul}' menyebut area '{matched[0].nama}', padahal 'area' ditulis "
                f"'{area.area}' ({code.nama})"
            )
            fix = f"tulis 'area: {matched[0].kode}', atau perbaiki judulnya"
        else:
            message = f"judul area '{area.judul}' tidak cocok dengan area perubahan mana pun dalam katalog"
            fix = (
                f"periksa judulnya; area resmi yang paling mirip: {close}; judul ini ditampilkan sebagai area "
                f"'{code.nama}'"
            )
        out.append((("lampiran", "area", i, "judul"), message, fix))
    return out


def _jumlah(node: Any, loc: Loc) -> list[Temuan]:
    out: list[Temuan] = []
    if isinstance(node, dict):
        for key, value in node.items():
            out += _jumlah(value, (*loc, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out += _jumlah(value, (*loc, i))
    elif isinstance(node, int) and not isinstance(node, bool) and loc and loc[-1] != "tahun":
        name = next((x for x in reversed(loc) if isinstance(x, str)), "")
        if name == "nilai":
            limit, what = RUPIAH_MAKS, "nilai rupiah satu laporan"
        elif name == "populasi":
            limit, what = POPULASI_MAKS, "jumlah penerima layanan satu periode"
        elif name in _PEGAWAI:
            limit, what = PEGAWAI_MAKS, "jumlah pegawai satu unit kerja"
        else:
            limit, what = JUMLAH_MAKS, "jumlah satu periode untuk satu unit kerja"
        if node > limit:
            out.append(
                (
                    loc,
                    f"angka {_ribuan(node)} terlalu besar untuk {what} (lebih dari {_ribuan(limit)}); "
                    "kemungkinan ada angka nol berlebih atau salah ketik",
                    "periksa angkanya pada sumber rekap dan tulis jumlah yang sebenarnya",
                )
            )
    return out


def _ribuan(n: int) -> str:
    """1000000 -> '1.000.000' (Indonesian thousands separator)."""
    return f"{n:,}".replace(",", ".")


def _teks_panjang(node: Any, loc: Loc = ()) -> list[Temuan]:
    out: list[Temuan] = []
    if isinstance(node, dict):
        for key, value in node.items():
            out += _teks_panjang(value, (*loc, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out += _teks_panjang(value, (*loc, i))
    elif isinstance(node, str) and len(node) > TEKS_MAKS:
        out.append(
            (
                loc,
                f"teks ini sangat panjang ({_ribuan(len(node))} karakter, lebih dari {_ribuan(TEKS_MAKS)}); "
                "mungkin tertempel dokumen utuh atau salinan berulang",
                "ringkas menjadi satu isian keputusan atau catatan; dokumen lengkap diunggah ke content/ "
                "dan ditautkan sebagai bukti",
            )
        )
    return out

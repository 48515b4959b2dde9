"""The roll-up's own data: its members (``Anggota``), the combined CSV/JSON, and its ringkasan.json.

The combined files carry the units' published values as they came (numbers already suppressed
by each unit's ``rules/terbit``: ``angka_terakhir`` is copied verbatim, never recomputed). The
roll-up's own ``ringkasan.json`` is the v1 model with ``anggota`` filled, so a national roll-up
reads provinces the way a province reads units; its ``rencana`` per year adds up its members'
action steps (a province's progress is all its units' finished steps over all their steps).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from generator.domain.bulat import bulat
from generator.pages.alamat import DATA, RINGKASAN, RINGKASAN_SKEMA
from generator.ringkasan import Anggota, Area, Rencana, Ringkasan, Tautan, Unit, skema

UNIT_CSV = f"{DATA}/unit.csv"
UNIT_JSON = f"{DATA}/unit.json"
AREA_CSV = f"{DATA}/area.csv"
REKAP_CSV = f"{DATA}/rekap.csv"
KATALOG = "data.json"


@dataclass(frozen=True)
class Anggotaan:
    """One member as read today: the model entry, and whether its data is today's or the cache's."""

    anggota: Anggota
    alasan: str | None  # why it could not be read today
    dari_cache: bool


def terbaru(r: Ringkasan) -> Rencana | None:
    return max(r.rencana, key=lambda x: x.tahun) if r.rencana else None


def _persen(selesai: int, langkah: int) -> float | None:
    return float(bulat(Fraction(selesai * 100, langkah), 1)) if langkah else None


UNIT_KOLOM = (
    "situs",
    "keadaan",
    "dibaca",
    "dari_cache",
    "nama",
    "singkatan",
    "induk",
    "situs_unit",
    "tanggal_data",
    "jumlah_anggota",
    "tahun",
    "keputusan",
    "keadaan_per",
    "langkah",
    "selesai",
    "persen_selesai",
    "terlambat",
    "belum_dilaporkan",
    "rekap_jumlah",
    "rekap_terlambat",
    "contoh",
)


def _teks(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, dt.date):
        return v.isoformat()
    return str(v)


def _csv(kolom: Sequence[str], baris: Sequence[Sequence[object]]) -> bytes:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(kolom)
    for b in baris:
        w.writerow([_teks(v) for v in b])
    return out.getvalue().encode("utf-8")


def unit_csv(anggota: Sequence[Anggotaan]) -> bytes:
    rows = []
    for a in anggota:
        r = a.anggota.ringkasan
        p = terbaru(r) if r else None
        rows.append(
            [
                a.anggota.situs,
                a.anggota.keadaan,
                a.anggota.dibaca,
                a.dari_cache,
                r and r.unit.nama,
                r and r.unit.singkatan,
                r and r.unit.induk,
                r and r.unit.situs,
                r and r.tanggal_data,
                r and len(r.anggota),
                p and p.tahun,
                p and p.keputusan,
                p and p.keadaan_per,
                p and p.langkah,
                p and p.selesai,
                p and p.persen_selesai,
                p and p.terlambat,
                p and p.belum_dilaporkan,
                r and len(r.rekap),
                r and sum(k.terlambat for k in r.rekap),
                p and p.contoh,
            ]
        )
    return _csv(UNIT_KOLOM, rows)


AREA_KOLOM = ("situs", "tahun", "kode", "nama", "langkah", "selesai", "persen_selesai", "terlambat", "belum_dilaporkan")
REKAP_KOLOM = (
    "situs",
    "jenis",
    "judul",
    "tahun",
    "periode_terakhir",
    "angka_terakhir",
    "per_tanggal",
    "terlambat",
    "belum_dilaporkan",
    "contoh",
)


def area_csv(anggota: Sequence[Anggotaan]) -> bytes:
    rows = []
    for a in anggota:
        for p in a.anggota.ringkasan.rencana if a.anggota.ringkasan else ():
            for x in p.area:
                rows.append(
                    [a.anggota.situs, p.tahun, x.kode, x.nama, x.langkah, x.selesai, x.persen_selesai]
                    + [x.terlambat, x.belum_dilaporkan]
                )
    return _csv(AREA_KOLOM, rows)


def rekap_csv(anggota: Sequence[Anggotaan]) -> bytes:
    rows = []
    for a in anggota:
        for k in a.anggota.ringkasan.rekap if a.anggota.ringkasan else ():
            rows.append(
                [a.anggota.situs, k.jenis, k.judul, k.tahun, k.periode_terakhir, k.angka_terakhir, k.per_tanggal]
                + [k.terlambat, ";".join(k.belum_dilaporkan), k.contoh]
            )
    return _csv(REKAP_KOLOM, rows)


def _json(data: object) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def rangkuman(judul: str, situs: str, induk: str | None, anggota: Sequence[Anggotaan]) -> Ringkasan:
    """The roll-up's own ringkasan.json: totals per year over its members, and the members themselves."""
    dibaca = [a.anggota.ringkasan for a in anggota if a.anggota.ringkasan is not None]
    per_tahun: dict[int, list[Rencana]] = {}
    for r in dibaca:
        for p in r.rencana:
            per_tahun.setdefault(p.tahun, []).append(p)
    rencana = [_jumlah(tahun, per_tahun[tahun]) for tahun in sorted(per_tahun, reverse=True)]
    tanggal = [r.tanggal_data for r in dibaca if r.tanggal_data is not None]
    beranda = situs
    return Ringkasan(
        versi=1,
        unit=Unit(nama=judul, singkatan=judul, induk=induk, situs=beranda),
        tanggal_data=max(tanggal) if tanggal else None,
        tahun=sorted(per_tahun, reverse=True),
        rencana=rencana,
        rekap=[],
        tautan=Tautan(
            beranda=beranda,
            data_terbuka=f"{situs}#unduh",
            katalog=f"{situs}{KATALOG}",
            skema=f"{situs}{RINGKASAN_SKEMA}",
        ),
        anggota=[a.anggota for a in anggota],
    )


def _jumlah(tahun: int, rencana: list[Rencana]) -> Rencana:
    def total(name: str, items: Sequence[Rencana | Area]) -> int:
        return sum(getattr(x, name) for x in items)

    areas: dict[str, list[Area]] = {}
    for p in rencana:
        for a in p.area:
            areas.setdefault(a.kode, []).append(a)
    langkah, selesai = total("langkah", rencana), total("selesai", rencana)
    keadaan = [p.keadaan_per for p in rencana if p.keadaan_per is not None]
    return Rencana(
        tahun=tahun,
        keputusan=f"Rangkuman {len(rencana)} unit",
        tanggal_keputusan=max(p.tanggal_keputusan for p in rencana),
        keadaan_per=max(keadaan) if keadaan else None,
        langkah=langkah,
        selesai=selesai,
        persen_selesai=_persen(selesai, langkah),
        terlambat=total("terlambat", rencana),
        belum_dilaporkan=total("belum_dilaporkan", rencana),
        area=[
            Area(
                kode=kode,
                nama=xs[0].nama,
                langkah=total("langkah", xs),
                selesai=total("selesai", xs),
                persen_selesai=_persen(total("selesai", xs), total("langkah", xs)),
                terlambat=total("terlambat", xs),
                belum_dilaporkan=total("belum_dilaporkan", xs),
                tautan="./",
            )
            for kode, xs in areas.items()
        ],
        tautan="./",
        contoh=any(p.contoh for p in rencana),
    )


def berkas_data(judul: str, situs: str, induk: str | None, anggota: Sequence[Anggotaan]) -> dict[str, bytes]:
    """Every data file of the roll-up site: site path -> bytes."""
    sendiri = rangkuman(judul, situs, induk, anggota)
    files = {
        UNIT_CSV: unit_csv(anggota),
        AREA_CSV: area_csv(anggota),
        REKAP_CSV: rekap_csv(anggota),
        UNIT_JSON: _json([a.anggota.model_dump(mode="json") for a in anggota]),
        RINGKASAN: _json(sendiri.model_dump(mode="json")),
        RINGKASAN_SKEMA: _json(skema()),
    }
    files[KATALOG] = _json(_katalog(judul, situs, sendiri.tanggal_data))
    return files


def _katalog(judul: str, situs: str, tanggal: dt.date | None) -> dict:
    """A small Project Open Data (DCAT-US 1.1) catalogue of the roll-up's files, as unit sites publish."""
    files = (
        (UNIT_CSV, "text/csv", "Satu baris per unit: keadaan, progres rencana aksi terbaru, rekap terlambat."),
        (UNIT_JSON, "application/json", "Setiap unit seperti dibaca: keadaan, tanggal dibaca, ringkasan.json-nya."),
        (AREA_CSV, "text/csv", "Progres per area perubahan, per unit dan tahun."),
        (REKAP_CSV, "text/csv", "Rekap terbaru tiap jenis per unit (angka sudah disamarkan oleh unit)."),
        (RINGKASAN, "application/json", "Ringkasan rangkuman ini (versi 1) untuk rangkuman tingkat di atasnya."),
    )
    return {
        "conformsTo": "https://project-open-data.cio.gov/v1.1/schema",
        "@type": "dcat:Catalog",
        "dataset": [
            {
                "@type": "dcat:Dataset",
                "title": f"{judul}: {path}",
                "description": desc,
                "identifier": f"{situs}{path}",
                "modified": tanggal.isoformat() if tanggal else None,
                "accessLevel": "public",
                "keyword": ["zona integritas", "rangkuman"],
                "publisher": {"@type": "org:Organization", "name": judul},
                "distribution": [{"@type": "dcat:Distribution", "downloadURL": f"{situs}{path}", "mediaType": media}],
            }
            for path, media, desc in files
        ],
    }

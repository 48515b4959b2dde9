"""The empty progress and recap files of a new year, each with a commented example entry.

A recap file is written for each registered kind (``generator.jenis``) the latest
year kept, with the kind's own example (``JenisRekap.kerangka``).
"""

from __future__ import annotations

import datetime as dt

from generator.domain.periode import Periode
from generator.jenis import JenisRekap
from generator.site import Site
from generator.staff.importer.write import Before, Commented


def _per_tanggal(tahun: int) -> Commented:
    return Commented(dt.date(tahun, 1, 1), "ISI: tanggal keadaan data TTTT-BB-HH; perbarui setiap kali data diubah")


def realisasi(tahun: int, first_id: str) -> tuple[dict, list[str]]:
    header = [
        f"Realisasi Rencana Aksi ZI {tahun}: dibuat dengan `zi new-year {tahun}`, belum berisi capaian.",
        "Satu butir per baris rencana aksi, dengan id baris dari halaman area (tautan # di ujung baris).",
        "Persentase capaian DIHITUNG oleh situs, tidak ditulis.",
    ]
    example = (
        "",
        "Cara mengisi: ganti 'baris: []' di bawah dengan butir seperti ini (tanpa tanda #):",
        "  baris:",
        f"    - id: {first_id}",
        "      status: berjalan      # belum mulai | berjalan | selesai | tidak dilaksanakan (wajib 'alasan')",
        "      bulan: [1]            # bulan yang sudah dikerjakan (1-12)",
        "      bukti:",
        '        - judul: "Judul bukti"',
        '          tautan: "unggahan/nama-berkas.pdf"   # berkas di content/ atau https://...',
        f"      diperbarui: {tahun}-01-31",
    )
    return {
        "tahun": tahun,
        "per_tanggal": _per_tanggal(tahun),
        "contoh": False,
        Before(example): None,
        "baris": [],
    }, header


def rekap(kind: JenisRekap, tahun: int, site: Site, lama: int) -> tuple[dict, list[str]]:
    """An empty recap file of ``kind``, in the period kind last year's file used, with the kind's example."""
    facts = site.tahun(lama).rekap_jenis(kind.jenis)
    first = facts.info.periode[0] if facts and facts.info.periode else None
    periode = Periode(tahun, first.jenis, first.ke) if first else Periode(tahun, kind.ciri.periode[0], 1)
    header = [
        f"{kind.kerangka.judul}, tahun {tahun}: dibuat dengan `zi new-year {tahun}`, belum berisi rekap.",
        "Tulis satu butir per periode yang sudah direkap; periode yang belum direkap JANGAN ditulis",
        '(situs menampilkannya "belum dilaporkan"). Hanya jumlah: jangan menulis identitas orang.',
    ]
    data: dict = {"tahun": tahun, "per_tanggal": _per_tanggal(tahun), "contoh": False}
    for name, value in (kind.kerangka.salin(facts) if facts is not None else {}).items():
        data[name] = Commented(value, f"PERIKSA: disalin dari rekap {kind.jenis} {lama}")
    example = (
        "",
        "Cara mengisi: ganti 'rekap: []' di bawah dengan butir seperti ini (tanpa tanda #):",
        *(f"  {line}" for line in kind.kerangka.contoh(periode.label)),
    )
    data[Before(example)] = None
    data["rekap"] = []
    return data, header

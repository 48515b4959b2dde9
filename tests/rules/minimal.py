"""The smallest valid plan (one area, one kegiatan) for rules tests to vary."""

from __future__ import annotations


def minimal_plan(indikator: list[dict]) -> dict:
    """Plan data for 2026 whose only kegiatan holds ``indikator``."""
    return {
        "tahun": 2026,
        "keputusan": {
            "instansi": ["X"],
            "judul": "KEPUTUSAN X",
            "nomor": "1",
            "tahun": 2026,
            "tentang": "T",
            "jabatan": "KETUA,",
            "menimbang": ["bahwa"],
            "mengingat": ["UU"],
            "menetapkan": "K",
            "diktum": [{"label": "KESATU", "teks": "t"}],
            "ditetapkan_di": "Kota",
            "tanggal": "2026-01-02",
            "penandatangan": {"jabatan": ["KETUA"], "nama": "N"},
        },
        "lampiran": {
            "judul": ["LAMPIRAN"],
            "kolom": {"nomor": "No", "kegiatan": "K", "indikator": "I", "uraian": "U"},
            "area": [
                {
                    "nomor": "1.",
                    "judul": "Manajemen Perubahan",
                    "kegiatan": [{"nomor": "a.", "judul": "Tim", "indikator": indikator}],
                }
            ],
        },
    }

"""What ``zi new-year`` produces: the files of the new year, what staff must fill in or check, and its refusal."""

from __future__ import annotations

from dataclasses import dataclass

from generator.rules import PlanFacts


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

"""What a recap kind declares, in one frozen record (``JenisRekap``).

A kind module (``generator.jenis.gratifikasi`` …) imports only the model, the
domain and the rules. What its page needs from the page layer (number formatting,
chart drawing, template sentences) reaches it as an ``Alat`` handed in by
``generator.pages.rekap``, so loading the data never imports the page layer.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.model.rekap import BerkasRekap
from generator.rules.kesegaran import Kesegaran
from generator.rules.rekap import Ciri
from generator.rules.terbit import SelTerbit


@dataclass(frozen=True)
class Alat:
    """The page layer's tools, as a recap page builder may use them (see ``generator.pages.rekap.alat``)."""

    angka: Callable[[int], str]
    rupiah: Callable[[int], str]
    desimal: Callable[..., str]
    persen: Callable[..., str]
    tanggal: Callable[[Any], str]
    batang: Callable[..., Any]  # generator.pages.grafik.Batang
    tumpukan: Callable[..., Any]  # generator.pages.grafik.Tumpukan
    garis: Callable[..., Any]  # generator.pages.grafik.Garis
    grafik_batang: Callable[..., Any]  # marked "data contoh" when the recap is example data
    grafik_bertumpuk: Callable[..., Any]
    sel: Callable[[SelTerbit], Any]  # a published count as the page shows it (generator.pages.rekap.Sel)
    tanda_sekunder: str  # the mark of a count hidden by secondary suppression
    kalimat: Callable[
        ..., Any
    ]  # a sentence macro of theme/zi/_rekap_kalimat.md, rendered (Markup): kalimat("nama", **kw)
    teks: Callable[..., str]  # the same as plain text, for a chart (which escapes what it is given)
    ambang: int  # the unit's small-cell threshold (satker privasi.ambang_sel_kecil)


@dataclass(frozen=True)
class Kolom:
    """One column of a kind's open-data table: a name, what it means, its value in a published row."""

    nama: str
    keterangan: str  # Indonesian, for the data dictionary of the download
    nilai: Callable[[Any], int | str | None]  # over one row of ``JenisRekap.tabel`` (None: suppressed or absent)
    tipe: str = (
        "integer"  # Table Schema type of the column: "string", "integer", "number" (a decimal string), "boolean"
    )


@dataclass(frozen=True)
class Kerangka:
    """What ``zi new-year`` writes into an empty recap file of this kind."""

    judul: str  # first words of the file's header comment: "Rekap gratifikasi per bulan"
    contoh: Callable[[str], list[str]]  # YAML lines of one example entry for a period label ("Januari 2025")
    salin: Callable[[Any], dict[str, Any]] = lambda facts: {}  # settings carried over from last year's facts


@dataclass(frozen=True)
class JenisRekap:
    ciri: Ciri  # slug, title, period kinds, publication rule (the rules' part)
    model: type[BerkasRekap]  # the file's model: tahun, per_tanggal, contoh and its entries
    fakta: Callable[[Any, Ciri], Any]  # derived facts from the validated file (raises RuleError)
    judul_nav: str
    halaman: Callable[[Any, Kesegaran | None, Alat], Any]  # the page context (a frozen dataclass)
    terbaru: Callable[[Any, Alat], str]  # the latest figure in one phrase, for the home page
    kerangka: Kerangka
    tabel: Callable[[Any, int], Sequence[Any]]  # published rows (generator.rules.terbit applied) for downloads
    kolom: tuple[Kolom, ...]
    template: str | None = None  # default: "<slug>.md" in theme/zi
    folder_template: Path | None = None  # a kind shipped outside theme/zi (tests/fixtures) names its folder

    @property
    def jenis(self) -> str:
        return self.ciri.jenis

    @property
    def berkas(self) -> str:
        return f"{self.ciri.jenis}.yaml"

    @property
    def nama_template(self) -> str:
        return self.template or f"{self.ciri.jenis}.md"

    def turunkan(self, data: Any) -> Any:
        return self.fakta(data, self.ciri)

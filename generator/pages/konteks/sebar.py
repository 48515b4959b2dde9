"""Contexts of what other sites take from this one: feed entries, the embeddable card, the badge, "Tautkan situs ini"."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Entri:
    """One update in the feeds: a new realisasi record, a recap period, a Keputusan."""

    kunci: str  # stable key built from the data, e.g. "realisasi/2024/MP-1-1-1/2024-02-09"
    jenis: str  # "realisasi" | "rekap" | "keputusan"
    tahun: int  # the plan's year
    tanggal: dt.date  # from the data, never the build clock
    url: str  # site-relative page URL with its anchor, e.g. "2024/manajemen-perubahan/#MP-1-1-1"
    judul: str
    ringkasan: str


@dataclass(frozen=True, slots=True)
class EntriView:
    """An entry as the Atom template writes it (ids and links finished by the stage)."""

    id: str
    tautan: str
    judul: str
    ringkasan: str
    waktu: str  # RFC 3339


@dataclass(frozen=True, slots=True)
class Umpan:
    judul: str
    subjudul: str
    id: str
    beranda: str
    diri: str  # the feed's own address
    waktu: str  # RFC 3339: the newest entry's date
    penulis: str
    entri: tuple[EntriView, ...]


@dataclass(frozen=True, slots=True)
class RekapSegar:
    judul: str
    url: str
    per_tanggal: str
    terlambat: bool
    belum: tuple[tuple[str, str], ...]  # due periods not reported: (label, deadline)
    contoh: bool


@dataclass(frozen=True, slots=True)
class Progres:
    """The latest year's progress, the home page's figures (generator.pages.capaian.ringkasan_view)."""

    tahun: int
    ada: bool  # False: no realisasi report yet
    selesai: str
    jumlah: str
    satuan: str
    persen: str
    per_tanggal: str | None
    contoh: bool


@dataclass(frozen=True, slots=True)
class Sematan:
    """The embeddable card page (alamat.EMBED)."""

    nama: str
    singkatan: str
    progres: Progres
    rekap: tuple[RekapSegar, ...]
    situs: str  # link to the site: absolute with alamat_situs, else "../"
    judul_situs: str


@dataclass(frozen=True, slots=True)
class Lencana:
    """The SVG badge: label on the left, value on the right; widths in px."""

    label: str
    nilai: str
    judul: str  # the accessible name (title)
    lebar: int  # whole badge
    lebar_label: int  # left part; the right part starts here
    x_label: float  # centre of each text
    x_nilai: float
    teks_label: int  # textLength of each text
    teks_nilai: int


@dataclass(frozen=True, slots=True)
class Tautkan:
    """The "Tautkan situs ini" page: snippets to copy, previews."""

    singkatan: str
    alamat: str | None  # alamat_situs, or None: the snippets carry a placeholder to replace
    situs: str
    lencana: str
    sematan: str
    lencana_berkas: str  # site paths, for the previews on this page
    sematan_berkas: str
    umpan_atom: str
    umpan_json: str
    oembed: str
    judul_lencana: str
    tinggi: int
    lebar: int

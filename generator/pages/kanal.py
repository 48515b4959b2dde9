"""The reporting channels and the unit's own contacts, as the channel page (``_kanal.md``) shows them."""

from __future__ import annotations

from dataclasses import dataclass

from generator.model.satker import Kanal, Satker


@dataclass(frozen=True)
class KanalView:
    nama: str
    keterangan: str | None
    kontak: str | None
    tautan_kontak: str | None  # a mailto:/tel: link the contact text points to
    tautan: str | None  # a web address (https://…) of the channel
    tautan_teks: str  # that address as written for a reader, without the scheme
    contoh: bool


@dataclass(frozen=True)
class KontakView:
    whatsapp: str | None
    surel: str | None
    telepon: str | None


@dataclass(frozen=True)
class HalamanKanal:
    kanal: tuple[KanalView, ...]
    kontak: KontakView
    singkatan: str
    alamat: str | None
    kota: str | None
    induk: str | None


def _kanal(c: Kanal) -> KanalView:
    web = c.tautan is not None and c.tautan.startswith("http")
    return KanalView(
        c.nama,
        c.keterangan,
        c.kontak,
        None if web else c.tautan,
        c.tautan if web else None,
        (c.tautan or "").removeprefix("https://").removeprefix("mailto:"),
        c.contoh,
    )


def halaman_kanal(s: Satker) -> HalamanKanal:
    k = s.kontak
    return HalamanKanal(
        tuple(_kanal(c) for c in s.kanal),
        KontakView(k.whatsapp, k.surel, k.telepon),
        s.singkatan,
        s.alamat,
        s.kota,
        s.induk,
    )

"""Contexts of the pieces filled into hand-written content pages (``<!-- zi:... -->``)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Kontak:
    whatsapp: str | None
    surel: str | None
    telepon: str | None
    telepon_url: str  # the number without spaces and dashes, for tel:


@dataclass(frozen=True, slots=True)
class KontakKantor:
    """The unit's own contact details and office (the accessibility statement)."""

    kontak: Kontak
    alamat: str | None
    kota: str | None
    induk: str | None


@dataclass(frozen=True, slots=True)
class RujukanKanal:
    """No contact details at all: the page points to the channel page."""

    singkatan: str


@dataclass(frozen=True, slots=True)
class AreaResmi:
    nama: str


@dataclass(frozen=True, slots=True)
class DaftarArea:
    areas: tuple[AreaResmi, ...]

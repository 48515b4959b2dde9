"""What a page says about an uploaded file the build found hard to read (``Site.unggahan``, from load)."""

from __future__ import annotations

from generator.pages.konteks.umum import MasalahBerkas
from generator.site import Site, lokasi_unggahan

KANAL_PAGE = "kanal-pengaduan/"  # the channel page (content/kanal-pengaduan.md), when there is no e-mail address


def masalah(site: Site, tautan: str | None, depth: int) -> MasalahBerkas | None:
    """None for a link to another site, an unchecked file, or a file with nothing missing."""
    if not tautan or tautan.lower().startswith(("https://", "http://")):
        return None
    u = site.unggahan.get(lokasi_unggahan(tautan))
    if u is None or not u.masalah:
        return None
    return MasalahBerkas(u.masalah, site.satker.kontak.surel or None, "../" * depth + KANAL_PAGE)

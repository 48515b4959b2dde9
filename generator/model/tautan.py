"""Link targets written in the data: a web, mail or phone address, or a file in content/.

Every field that ends up in an ``href`` uses one of these types, so a value such as
``javascript:alert(1)`` is refused when the data is loaded, with its line and a fix,
instead of becoming a link on the site. Browsers are lenient in ways that matter
here (WHATWG URL standard): they drop tabs and newlines anywhere in a URL, skip
leading control characters and spaces, ignore the case of the scheme, and read
``//host`` or ``\\\\host`` as "same scheme, other host". So a value is refused when
it holds any control character, leading and trailing spaces are dropped, and the
scheme is judged case-insensitively.

    Tautan          http(s)://, mailto:, tel: or a relative path (kanal ``tautan``)
    TautanWeb       http(s):// only (satker ``situs``)
    TautanBukti     http(s):// or a relative path into content/ (realisasi bukti)
    LokasiBerkas    a relative path into content/ only (Keputusan ``berkas``)
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import AfterValidator

from generator.model.base import zi_error

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_NAMES = {"http": "http://", "https": "https://", "mailto": "mailto:", "tel": "tel:"}


def periksa_tautan(value: str, skema: tuple[str, ...], relatif: bool) -> str:
    """Return ``value`` if it is a link target allowed by ``skema``/``relatif``; raise otherwise."""
    allowed = [_NAMES[s] for s in skema] + (["lokasi berkas relatif (mis. unggahan/bukti.pdf)"] if relatif else [])
    fix = ("tulis " + ", ".join(allowed[:-1]) + " atau " + allowed[-1]) if len(allowed) > 1 else f"tulis {allowed[0]}"
    value = value.strip()  # browsers ignore leading and trailing spaces too
    if _CONTROL.search(value):
        raise zi_error(
            "tautan memuat karakter kendali (tab, ganti baris atau karakter tak terlihat)",
            "tulis tautan dalam satu baris tanpa tab; ketik ulang bila disalin dari dokumen lain",
        )
    if not value:
        raise zi_error("tautan kosong", fix)
    if value[:2] in ("//", "\\\\", "/\\", "\\/"):
        raise zi_error(
            f"tautan '{_short(value)}' tanpa skema (diawali //) dapat mengarah ke situs mana pun",
            "tulis alamat lengkap yang diawali https://",
        )
    m = _SCHEME.match(value)
    if m is None:
        if relatif:
            return value
        raise zi_error(f"tautan '{_short(value)}' bukan alamat lengkap", fix + ", mis. 'https://kpu.go.id'")
    scheme = m.group(1).lower()
    if scheme not in skema:
        raise zi_error(f"jenis tautan '{_short(m.group(0))}' tidak diizinkan", fix)
    rest = value[m.end() :]
    if scheme in ("http", "https") and not re.match(r"^//[^/\\\s]", rest):
        raise zi_error(f"alamat web '{_short(value)}' tidak lengkap", "tulis mis. 'https://kpu.go.id/...'")
    if scheme in ("mailto", "tel") and not rest.strip():
        raise zi_error(f"tautan '{_short(value)}' tidak memuat alamat", f"tulis mis. '{_NAMES[scheme]}...' lengkap")
    return value


def _short(value: str) -> str:
    return value if len(value) <= 60 else value[:57] + "..."


def tautan(*skema: str, relatif: bool = True) -> Any:
    """An Annotated str accepted only as a link target of the given schemes (and relative paths)."""
    unknown = set(skema) - set(_NAMES)
    if unknown:
        raise ValueError(f"unknown scheme(s): {sorted(unknown)}")
    return Annotated[str, AfterValidator(lambda v: periksa_tautan(v, tuple(skema), relatif))]


Tautan = tautan("http", "https", "mailto", "tel")
TautanWeb = tautan("http", "https", relatif=False)
TautanBukti = tautan("http", "https")
LokasiBerkas = tautan(relatif=True)

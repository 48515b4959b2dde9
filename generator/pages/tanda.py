"""The unit's mark: its logo from the data, or a neutral generated mark with its initials.

The generated mark is an SVG (64 × 64): a white rounded square with a dark indigo border and the
initials in dark indigo (#1a237e on white: 16:1, WCAG 1.4.3/1.4.11), readable on Material's indigo
header, in a browser tab, light or dark. Initials: every acronym word of ``singkatan`` whole ("KPU"),
then the first letter of every other word, "Kabupaten"/"Provinsi" left out ("KPU G"; "KPU Kota Bogor" gives "KPU KB").
Same data, same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

from generator.model import Satker

GENERATED = "assets/zi/tanda-satker.svg"  # site path of the generated mark
_DROPPED = {"kabupaten", "kab.", "provinsi", "prov.", "dan", "di"}  # "Kota" stays (Kota/Kabupaten Bogor)


@dataclass(frozen=True)
class Tanda:
    path: str  # site path of the picture used as header logo and favicon
    svg: str | None  # the generated mark's SVG text, None when the unit's own logo is used


def initials(singkatan: str) -> tuple[str, str]:
    """(acronyms, initials of the other words), e.g. ("KPU", "G") for "KPU Kabupaten Gunungkidul"."""
    acronyms, others = [], []
    for word in singkatan.split():
        letters = "".join(ch for ch in word if ch.isalnum())
        if not letters or word.lower() in _DROPPED:
            continue
        if letters.isupper() and len(letters) <= 5:
            acronyms.append(letters)
        else:
            others.append(letters[0].upper())
    first = " ".join(acronyms)[:7] or "".join(others)[:3]
    second = "".join(others)[:3] if acronyms else ""
    return first, second


def mark_svg(singkatan: str) -> str:
    first, second = initials(singkatan)
    first, second = escape(first), escape(second)
    lines = [first, second] if second else [first]
    size = min(26, int(96 / max(len(t) for t in lines)))
    if second:
        text = (
            f'<text x="32" y="29" font-size="{size}">{first}</text>'
            f'<text x="32" y="{29 + size}" font-size="{min(size, 22)}">{second}</text>'
        )
    else:
        text = f'<text x="32" y="{32 + size // 3}" font-size="{size}">{first}</text>'
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64">'
        '<rect x="2" y="2" width="60" height="60" rx="12" fill="#ffffff" stroke="#1a237e" stroke-width="3"/>'
        '<g fill="#1a237e" font-family="Arial, Helvetica, sans-serif" font-weight="700" text-anchor="middle">'
        f"{text}</g></svg>\n"
    )


def tanda(satker: Satker) -> Tanda:
    if satker.logo:
        return Tanda(path=satker.logo, svg=None)
    return Tanda(path=GENERATED, svg=mark_svg(satker.singkatan))

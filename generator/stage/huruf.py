"""The one typeface of the share cards, shipped with the site, and the width of a line set in it.

The cards are rendered with only these files (no system font lookup), so a card is the same bytes on
every machine. Widths come from the font's own advance widths (``hmtx`` through ``cmap`` format 4),
read here with ``struct``: enough to wrap a title; kerning is ignored, which only errs wide.
"""

from __future__ import annotations

import functools
import struct
from pathlib import Path

FOLDER = "kartu"  # under theme/zi/ (the stage's templates folder: not copied into the site)
FAMILY = "ZI Kartu Sans"  # a Latin subset of DejaVu Sans 2.37, renamed as its licence asks (LICENSE.txt)
BERKAS = {400: "zi-kartu-sans.ttf", 700: "zi-kartu-sans-tebal.ttf"}


def berkas(templates: Path) -> list[Path]:
    """The font files, regular then bold."""
    return [templates / FOLDER / name for name in BERKAS.values()]


def karakter(templates: Path) -> frozenset[int]:
    """The code points both font files can draw (the Keputusan PDF writes any other as its code)."""
    return frozenset.intersection(*(frozenset(_metrik(path)[1]) for path in berkas(templates)))


@functools.cache
def _metrik(path: Path) -> tuple[int, dict[int, int], int]:
    """(units per em, code point -> advance width, default advance) of a TrueType file."""
    data = path.read_bytes()
    tables = {}
    (count,) = struct.unpack_from(">H", data, 4)
    for i in range(count):
        tag, _sum, offset, _length = struct.unpack_from(">4sIII", data, 12 + 16 * i)
        tables[tag.decode("latin-1")] = offset
    (per_em,) = struct.unpack_from(">H", data, tables["head"] + 18)
    (metrics,) = struct.unpack_from(">H", data, tables["hhea"] + 34)
    advances = [struct.unpack_from(">H", data, tables["hmtx"] + 4 * i)[0] for i in range(metrics)]
    glyphs: dict[int, int] = {}
    cmap = tables["cmap"]
    (subtables,) = struct.unpack_from(">H", data, cmap + 2)
    for i in range(subtables):
        platform, encoding, offset = struct.unpack_from(">HHI", data, cmap + 4 + 8 * i)
        start = cmap + offset
        if (platform, encoding) in ((3, 1), (0, 3)) and struct.unpack_from(">H", data, start)[0] == 4:
            glyphs = _format4(data, start)
            break
    widths = {c: advances[min(g, metrics - 1)] for c, g in glyphs.items()}
    return per_em, widths, advances[0]


def _format4(data: bytes, start: int) -> dict[int, int]:
    (seg2,) = struct.unpack_from(">H", data, start + 6)
    n = seg2 // 2
    ends = struct.unpack_from(f">{n}H", data, start + 14)
    starts = struct.unpack_from(f">{n}H", data, start + 16 + seg2)
    deltas = struct.unpack_from(f">{n}h", data, start + 16 + 2 * seg2)
    ranges_at = start + 16 + 3 * seg2
    ranges = struct.unpack_from(f">{n}H", data, ranges_at)
    out = {}
    for i in range(n):
        for c in range(starts[i], ends[i] + 1):
            if c == 0xFFFF:
                continue
            if ranges[i] == 0:
                g = (c + deltas[i]) & 0xFFFF
            else:
                at = ranges_at + 2 * i + ranges[i] + 2 * (c - starts[i])
                g = struct.unpack_from(">H", data, at)[0]
                g = (g + deltas[i]) & 0xFFFF if g else 0
            if g:
                out[c] = g
    return out


def lebar(text: str, size: float, path: Path) -> float:
    """Width in pixels of ``text`` set at ``size`` px in the font file ``path``."""
    per_em, widths, default = _metrik(path)
    return sum(widths.get(ord(c), default) for c in text) * size / per_em


def bungkus(text: str, size: float, path: Path, width: float, lines: int) -> tuple[str, ...]:
    """``text`` broken between words into at most ``lines`` lines of at most ``width`` px; the last ends in "…"
    when the text does not fit (a word longer than a line is cut)."""
    out: list[str] = []
    words = text.split()
    current = ""
    for i, word in enumerate(words):
        trial = f"{current} {word}" if current else word
        if lebar(trial, size, path) <= width:
            current = trial
            continue
        if current:
            out.append(current)
        current = word
        if len(out) == lines:
            current = ""
            out[-1] = _potong(out[-1] + " " + " ".join(words[i:]), size, path, width)
            break
    if current:
        out.append(current if lebar(current, size, path) <= width else _potong(current, size, path, width))
    return tuple(out)


def _potong(text: str, size: float, path: Path, width: float) -> str:
    while text and lebar(text + "…", size, path) > width:
        text = text[:-1]
    return text.rstrip(" ,;:.") + "…"

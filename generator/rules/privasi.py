"""Personal data never reaches a recap page (UU 27/2022 tentang Pelindungan Data Pribadi).

UU 27/2022 Pasal 4 counts a person's name, and any combination of data that
identifies a person, as personal data; a complainant's or reporter's NIK,
phone number, e-mail address or home address certainly is. Recap files
therefore hold aggregates only. Two guards:

1. ``periksa_data_pribadi`` runs over every key and value of a recap file as
   parsed, before the model sees it (so even a misspelt field is checked), and
   reports anything that looks like a NIK (16 digits), a phone number, an
   e-mail address, or a field meant for a person's name or address. Values are
   normalised first (NFKC, so full-width digits and "＠" count; invisible
   format characters removed; digits of any script read as digits) so the
   usual tricks do not slip through. The message never repeats the value: build
   logs are not a place for a NIK either. The unit's own published contacts
   (satker.yaml) are allowed.
2. ``sel`` hides small breakdown counts: a cell of 1..ambang−1 is shown as
   "< ambang" on public pages (default ambang 3, ``privasi.ambang_sel_kecil`` in
   satker.yaml), because in a small office "2 complaints about X via WhatsApp
   in March" can point at a person. Zero is shown: it identifies no one.
   Totals are not hidden. This is primary suppression only: the cells a reader
   could get back by subtracting from a total are hidden too by
   ``generator.rules.sekunder`` (secondary suppression), through
   ``generator.rules.terbit``, which every page reads.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

Loc = tuple[str | int, ...]
DASAR = "UU 27/2022 tentang Pelindungan Data Pribadi"
_PESAN = "Rekap hanya boleh memuat jumlah, bukan data pribadi ({dasar})"

# Field names meant for a person's identity or whereabouts.
_IDENTITAS = {"nama", "name", "nik", "ktp", "kk", "pelapor", "terlapor", "pengadu", "pemberi", "penerima",
              "identitas"}
_ALAMAT = {"alamat", "address", "domisili", "telepon", "telp", "tlp", "hp", "ponsel", "handphone", "nohp",
           "email", "kontak", "wa", "ttl", "lahir"}
# Keys under these are data, not field names: channel names ("surel", "whatsapp") are
# never a person's contact; a complaint category may mention an address ("pindah
# alamat") but must not name anyone.
_CHANNEL_KEYS = {"kanal"}
_CATEGORY_KEYS = {"kategori"}

_DIGIT_RUN = re.compile(r"\+?\(?\d[\d\s().\-/]*\d")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+|\w\s*[\[({]\s*(?:at|et)\s*[\])}]\s*\w", re.IGNORECASE)
_PHONE = re.compile(r"^(?:62|0)\d{8,12}$")


@dataclass(frozen=True)
class Temuan:
    loc: Loc
    message: str
    fix: str


def normal(text: str) -> str:
    """NFKC, without invisible format characters, with every script's digits as ASCII digits."""
    text = unicodedata.normalize("NFKC", text)
    out = []
    for ch in text:
        if unicodedata.category(ch) == "Cf":
            continue  # zero-width space/joiner, soft hyphen, bidi marks
        if ch.isdigit() and not ch.isascii():
            d = unicodedata.digit(ch, None)
            ch = str(d) if d is not None else ch
        out.append(ch)
    return "".join(out)


def _allowed(izinkan: Iterable[str]) -> set[str]:
    out = set()
    for value in izinkan:
        v = normal(value).casefold().strip()
        out.add(v)
        digits = re.sub(r"\D", "", v)
        if len(digits) >= 8:
            out.add(digits)
            out.add("0" + digits[2:] if digits.startswith("62") else "62" + digits[1:])
    return out


def _in_text(text: str, allowed: set[str]) -> str | None:
    """What kind of personal data ``text`` seems to hold: 'NIK', 'nomor telepon', 'alamat surel', or None."""
    t = normal(text)
    for m in _EMAIL.finditer(t):
        whole = re.search(r"[\w.+-]+@[\w.-]+", t[m.start():])
        if not (whole and whole.group(0).casefold().rstrip(".") in allowed):
            return "alamat surel"
    for m in _DIGIT_RUN.finditer(t):
        digits = re.sub(r"\D", "", m.group(0))
        if len(digits) == 16:
            return "NIK"
        if _PHONE.match(digits) and (m.group(0).lstrip("(").startswith(("+", "0", "62"))) and digits not in allowed:
            return "nomor telepon"
    return None


def _number(value: int) -> str | None:
    digits = str(abs(value))
    if len(digits) == 16:
        return "NIK"
    if _PHONE.match(digits) and digits.startswith("62"):  # YAML reads +6281... as a number
        return "nomor telepon"
    return None


def _field_kind(key: str, parent: str | int | None) -> str | None:
    if parent in _CHANNEL_KEYS:
        return None
    tokens = set(re.split(r"[^a-z0-9]+", normal(key).casefold()))
    if tokens & _IDENTITAS:
        return "identitas seseorang"
    if tokens & _ALAMAT and parent not in _CATEGORY_KEYS:
        return "alamat atau kontak seseorang"
    return None


def periksa_data_pribadi(data: Any, izinkan: Iterable[str] = ()) -> list[Temuan]:
    """Every place in parsed YAML ``data`` that looks like personal data."""
    allowed = _allowed(izinkan)
    found: list[Temuan] = []
    base = _PESAN.format(dasar=DASAR)

    def value_problem(loc: Loc, kind: str) -> None:
        fixes = {
            "NIK": "hapus NIK tersebut; catat hanya jumlahnya, mis. 'diterima: 1'",
            "nomor telepon": "hapus nomor telepon tersebut; rekap hanya berisi jumlah. "
                             "Nomor layanan kantor ditulis di satker.yaml, bukan di rekap",
            "alamat surel": "hapus alamat surel tersebut; rekap hanya berisi jumlah. "
                            "Alamat surel kantor ditulis di satker.yaml, bukan di rekap",
        }
        found.append(Temuan(loc, f"isian ini tampak memuat {kind}. {base}", fixes[kind]))

    def walk(node: Any, loc: Loc) -> None:
        if isinstance(node, dict):
            parent = loc[-1] if loc else None
            for key, value in node.items():
                here = (*loc, key)
                if isinstance(key, str):
                    kind = _in_text(key, allowed)
                    if kind:
                        value_problem(here, kind)
                        continue
                    field = _field_kind(key, parent)
                    if field:
                        found.append(Temuan(here, f"isian '{normal(key)}' dimaksudkan untuk {field}. {base}",
                                            "hapus isian ini; tulis hanya jumlah, mis. 'diterima: 3', tanpa nama, "
                                            "alamat atau kontak pelapor, terlapor maupun pegawai"))
                        continue
                elif isinstance(key, int) and not isinstance(key, bool) and _number(key):
                    value_problem(here, _number(key) or "")
                    continue
                walk(value, here)
        elif isinstance(node, list):
            for i, item in enumerate(node):
                walk(item, (*loc, i))
        elif isinstance(node, str):
            kind = _in_text(node, allowed)
            if kind:
                value_problem(loc, kind)
        elif isinstance(node, int) and not isinstance(node, bool):
            kind = _number(node)
            if kind:
                value_problem(loc, kind)

    walk(data, ())
    return found


@dataclass(frozen=True)
class Sel:
    """A breakdown count as it may be published."""

    nilai: int
    ambang: int

    @property
    def disembunyikan(self) -> bool:
        return 0 < self.nilai < self.ambang

    @property
    def publik(self) -> int | None:
        """The count if it may be shown, else None."""
        return None if self.disembunyikan else self.nilai


def sel(nilai: int, ambang: int) -> Sel:
    return Sel(nilai, ambang)

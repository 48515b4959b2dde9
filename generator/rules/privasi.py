"""Personal data is never published (UU 27/2022 tentang Pelindungan Data Pribadi).

UU 27/2022 Pasal 4 counts a person's name, and any combination of data that
identifies a person, as personal data; a complainant's or reporter's NIK,
phone number, e-mail address or home address certainly is. Recap files
therefore hold aggregates only, and no other published text may hold such data
either. Two guards:

1. ``periksa_data_pribadi`` runs over every key and value of a data file as
   parsed, before the model sees it (so even a misspelt field is checked), and
   reports anything that looks like a NIK (16 digits), a NIP (18 digits that
   start with a birth date), a phone number, an e-mail address, or (recap files
   only, ``Kebijakan.nama_kunci``) a field meant for a person's name or address.
   Those block the build. A person's name or home address in free text can only
   be guessed, so it is a warning (``Temuan.peringatan``), never a block:

   - a name: a form of address followed by a capitalised word that is not a
     role ("Bapak Sutrisno", "Ibu Sri", "Sdr. Joko", "a.n. Budi", "atas nama
     Budi"; not "Ibu Kota", "Bapak Ketua", "Bapak/Ibu");
   - an address: "Jl."/"Jalan ..." or "Dusun/Desa/Gang/Perum ..." followed within
     a few words by a house number "No. 12" (not "Nomor 3 Tahun 2024", a
     regulation), or an "RT 03/RW 05" pair.

   Values are normalised first so the usual tricks do not slip through: NFKC
   (full-width digits, "＠"); invisible format characters (zero-width space,
   soft hyphen) removed; digits of any script (Arabic-Indic, ...) read as
   digits; inside a word made of digits and the letters O/o, I/l, those letters
   read as 0 and 1 ("3O71..." is a NIK); digits separated by spaces, dots,
   hyphens or brackets read as one number ("0812 3456 7890", "3 4 0 2 ...");
   an e-mail address spelled out ("nama at domain dot go dot id", "nama [at]
   domain [dot] id", "nama (at) domain") read as one. Dates ("2024-03-01",
   "01/03/2024") and runs of years ("2024 2025") are not numbers of a person,
   and "/" separates numbers (Keputusan numbers "012/3403/2024" are not a
   phone). The message never repeats the value: build logs are not a place for
   a NIK either.

   What each file may publish (``Kebijakan``, chosen by ``generator.load``):
   the unit's own published contacts (satker.yaml ``kontak`` and each channel's
   ``kontak``/``tautan``) are allowed anywhere; satker.yaml's own address and
   contact fields are not checked (they are the unit's, not a person's); in
   rencana-aksi.yaml the signature blocks (``keputusan.penandatangan``,
   ``keputusan.salinan_sesuai``, ``lampiran.penandatangan``,
   ``lampiran.salinan_sesuai``) are the decree's own text: the official's name
   and NIP are published in the signed decree itself, so they are not checked.
   Everything else in the decree text is, because a transcription is typed by
   staff and a KET column or gap note can carry a stray phone number.
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
_PESAN_TEKS = "Teks ini diterbitkan di situs; data pribadi tidak boleh diterbitkan ({dasar})"

# Field names meant for a person's identity or whereabouts.
_IDENTITAS = {"nama", "name", "nik", "ktp", "kk", "pelapor", "terlapor", "pengadu", "pemberi", "penerima", "identitas"}
_ALAMAT = {
    "alamat",
    "address",
    "domisili",
    "telepon",
    "telp",
    "tlp",
    "hp",
    "ponsel",
    "handphone",
    "nohp",
    "email",
    "kontak",
    "wa",
    "ttl",
    "lahir",
}
# Keys under these are data, not field names: channel names ("surel", "whatsapp") are
# never a person's contact; a complaint category may mention an address ("pindah
# alamat") but must not name anyone.
_CHANNEL_KEYS = {"kanal"}
_CATEGORY_KEYS = {"kategori"}

# Digits joined by spaces, dots, hyphens or brackets ("/" separates: Keputusan numbers).
_DIGIT_RUN = re.compile(r"\+?\(?\d[\d\s().\-]*\d")
# Bounded parts (RFC 5321: local part at most 64, domain 255 characters) keep the search
# linear: an unbounded "[\w.]+@" is quadratic on a long word and would hang on a 1 MB text.
_EMAIL = re.compile(r"[\w.+-]{1,64}@[\w-]{1,255}")
_PHONE = re.compile(r"^(?:62|0)\d{8,12}$")
# NIP of a civil servant (Peraturan Kepala BKN 22/2007 tentang NIP PNS): 18 digits, birth date
# yyyymmdd, appointment yyyymm, sex 1/2, serial. NIK (UU 24/2013 Administrasi Kependudukan): 16 digits.
_NIP = re.compile(r"^(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?:19|20)\d{2}(?:0[1-9]|1[0-2])[12]\d{3}$")
# A word of digits and at least one of the letters O/o/I/l typed for 0 and 1 ("3O71", "789O").
_LETTER_DIGITS = re.compile(r"(?<![0-9A-Za-z])(?=[0-9OoIl]*[0-9])(?=[0-9OoIl]*[OoIl])[0-9OoIl]+(?![0-9A-Za-z])")
_TO_DIGIT = str.maketrans("OoIl", "0011")
_DATE = re.compile(
    r"(?<![\d.])(?:(?:19|20)\d{2}-(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12]\d|3[01])"
    r"|(?:0?[1-9]|[12]\d|3[01])[.\-](?:0?[1-9]|1[0-2])[.\-](?:19|20)\d{2})(?![\d])"
)
_YEAR = re.compile(r"^(?:19|20)\d{2}$")
# "nama at domain dot go dot id": spelled-out separators between two words.
_SPELLED_AT = re.compile(r"(?<=\w)(?:\s*[\[({<]\s*(?:at|et)\s*[\])}>]\s*(?=\w)|\s+at\s+(?=[\w-]+\.\w))", re.IGNORECASE)
_SPELLED_DOT = re.compile(r"(?<=\w)(?:\s*[\[({<]\s*(?:dot|titik)\s*[\])}>]\s*|\s+dot\s+)(?=\w)", re.IGNORECASE)
_SPELLED_HINT = re.compile(r"\b(?:at|et|dot|titik)\b", re.IGNORECASE)
_SPACED_AT = re.compile(r"(?<=\w)\s+@\s*(?=[\w-]+\.\w)|(?<=\w)\s*@\s+(?=[\w-]+\.\w)")
_WHOLE_EMAIL = re.compile(r"[\w.+-]{1,64}@[\w-]{1,255}(?:\.[\w-]{1,63}){0,10}")

# Names and addresses (warnings only; see the module docstring).
_SAPAAN = (
    r"(?:Bapak|Bpk\.?|Pak|Ibu|Bu|Saudara|Saudari|Sdr\.?|Sdri\.?|Sdra\.?|Tuan|Nyonya|Nona|Tn\.|Ny\.|Nn\.|"
    r"Mas|Mbak|Hj\.|a\.\s?n\.|atas\s+nama)"
)
_NAMA = re.compile(rf"(?<![\w/]){_SAPAAN}\s+([A-Z][a-z]+)")
# Words that follow a form of address but are a role, an institution or another form of address.
_BUKAN_NAMA = {
    "ketua",
    "kepala",
    "sekretaris",
    "anggota",
    "pimpinan",
    "komisioner",
    "wakil",
    "plt",
    "plh",
    "camat",
    "lurah",
    "kades",
    "bupati",
    "walikota",
    "gubernur",
    "menteri",
    "direktur",
    "kasubbag",
    "kasubag",
    "kabag",
    "kasi",
    "kapolres",
    "kapolsek",
    "dandim",
    "danramil",
    "kajari",
    "pejabat",
    "pegawai",
    "pelapor",
    "pengadu",
    "terlapor",
    "kota",
    "negara",
    "pertiwi",
    "rumah",
    "bapak",
    "ibu",
    "saudara",
    "saudari",
    "sekalian",
    "presiden",
    "komisi",
    "kpu",
    "panitia",
    "tim",
    "dharma",
    "pemilih",
    "peserta",
    "narasumber",
    "pemateri",
    "penyuluh",
}
_NOMOR_RUMAH = r"\b(?:No|Nomor)\b\.?\s*\d+(?!\s*(?:[Tt]ahun|TAHUN|/|\d))"
_ALAMAT_TEKS = (
    # A capitalised street or hamlet word ("jalan" is also an ordinary word), then a house number.
    re.compile(
        r"\b(?:Jl|Jln|JL|Jalan|JALAN|Dusun|DUSUN|Dsn|Desa|DESA|Kampung|Kp|Gang|Gg|Perum|Perumahan|Komplek|"
        rf"Kompleks)\b\.?\s+[A-Z0-9][^,;\n]{{0,60}}?{_NOMOR_RUMAH}"
    ),
    re.compile(r"\bRT\b\.?\s*\d{1,3}\s*[/,]?\s*\bRW\b\.?\s*\d{1,3}\b", re.IGNORECASE),
)


@dataclass(frozen=True)
class Temuan:
    loc: Loc
    message: str
    fix: str
    peringatan: bool = False  # a guess (a name, an address): shown, does not stop the build


@dataclass(frozen=True)
class Kebijakan:
    """What the guard reads in one file, and what it allows there.

    ``izinkan``: the unit's own published contacts, allowed anywhere.
    ``kecuali``: paths not checked, e.g. ``("kanal", "*", "kontak")`` ("*" is any
    list index); string values found there are allowed elsewhere in the file too.
    ``nama_kunci``: judge field names as well (recap files, whose keys are free).
    ``rekap``: the file holds aggregates only (selects the message).
    """

    izinkan: tuple[str, ...] = ()
    kecuali: tuple[Loc, ...] = ()
    nama_kunci: bool = True
    rekap: bool = True


# satker.yaml: the unit's own address and contacts are the unit's, not a person's.
KECUALI_SATKER: tuple[Loc, ...] = (
    ("alamat",),
    ("kota",),
    ("situs",),
    ("kontak",),
    ("kanal", "*", "kontak"),
    ("kanal", "*", "tautan"),
)
# rencana-aksi.yaml: the signature blocks are the decree's own text (name and NIP of the official).
KECUALI_RENCANA: tuple[Loc, ...] = (
    ("keputusan", "penandatangan"),
    ("keputusan", "salinan_sesuai"),
    ("lampiran", "penandatangan"),
    ("lampiran", "salinan_sesuai"),
)


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


def _email_form(t: str) -> str:
    """Spelled-out and spaced e-mail separators written as '@' and '.'."""
    if "@" not in t and not _SPELLED_HINT.search(t):
        return t
    t = _SPELLED_DOT.sub(".", t)
    t = _SPELLED_AT.sub("@", t)
    return _SPACED_AT.sub("@", t)


def _in_text(text: str, allowed: set[str]) -> str | None:
    """What ``text`` seems to hold: 'NIK', 'NIP', 'nomor telepon', 'alamat surel', or None."""
    t = normal(text)
    written = _email_form(t)
    for m in _EMAIL.finditer(written) if "@" in written else ():
        whole = _WHOLE_EMAIL.search(written[m.start() :])
        if not (whole and whole.group(0).casefold().rstrip(".") in allowed):
            return "alamat surel"
    numbers = _DATE.sub(" ; ", _LETTER_DIGITS.sub(lambda w: w.group(0).translate(_TO_DIGIT), t))
    for m in _DIGIT_RUN.finditer(numbers):
        groups = re.findall(r"\d+", m.group(0))
        if all(_YEAR.match(g) for g in groups):
            continue  # "2024 2025": years, not a number of a person
        digits = "".join(groups)
        if len(digits) == 16:
            return "NIK"
        if len(digits) == 18 and _NIP.match(digits) and digits not in allowed:
            return "NIP"
        if _PHONE.match(digits) and (m.group(0).lstrip("(").startswith(("+", "0", "62"))) and digits not in allowed:
            return "nomor telepon"
    return None


def _guessed(text: str) -> str | None:
    """A person's name or home address that ``text`` may hold (a guess): 'nama seseorang', 'alamat rumah'."""
    t = normal(text)
    for m in _NAMA.finditer(t):
        if m.group(1).casefold() not in _BUKAN_NAMA:
            return "nama seseorang"
    if any(p.search(t) for p in _ALAMAT_TEKS):
        return "alamat rumah"
    return None


def _number(value: int) -> str | None:
    digits = str(abs(value))
    if len(digits) == 16:
        return "NIK"
    if len(digits) == 18 and _NIP.match(digits):
        return "NIP"
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


def _excluded(loc: Loc, kecuali: tuple[Loc, ...]) -> bool:
    return any(len(loc) >= len(p) and all(q == "*" or q == x for q, x in zip(p, loc)) for p in kecuali)


def periksa_data_pribadi(data: Any, izinkan: Iterable[str] = (), kebijakan: Kebijakan | None = None) -> list[Temuan]:
    """Every place in parsed YAML ``data`` that looks like personal data.

    Without ``kebijakan`` the file is a recap (every key and value judged) and
    ``izinkan`` the unit's own contacts.
    """
    k = kebijakan or Kebijakan()
    allowed = _allowed([*izinkan, *k.izinkan, *_values_at(data, k.kecuali)])
    found: list[Temuan] = []
    base = (_PESAN if k.rekap else _PESAN_TEKS).format(dasar=DASAR)
    where = "rekap hanya berisi jumlah" if k.rekap else "teks di situs tidak boleh memuat data pribadi"

    def value_problem(loc: Loc, kind: str) -> None:
        fixes = {
            "NIK": "hapus NIK tersebut; "
            + (
                "catat hanya jumlahnya, mis. 'diterima: 1'"
                if k.rekap
                else "tulis tanpa data pribadi, mis. 'satu pelapor'"
            ),
            "NIP": f"hapus NIP tersebut; {where}. Sebut jabatannya saja, mis. 'Kasubbag Umum'",
            "nomor telepon": f"hapus nomor telepon tersebut; {where}. "
            "Nomor layanan kantor ditulis di satker.yaml (kontak atau kanal), lalu boleh dikutip",
            "alamat surel": f"hapus alamat surel tersebut; {where}. "
            "Alamat surel kantor ditulis di satker.yaml (kontak atau kanal), lalu boleh dikutip",
        }
        found.append(Temuan(loc, f"isian ini tampak memuat {kind}. {base}", fixes[kind]))

    def guess(loc: Loc, text: str) -> None:
        kind = _guessed(text)
        if kind:
            what = (
                "nama orang, mis. 'pemberi', 'pelapor' atau jabatannya"
                if kind == "nama seseorang"
                else "alamat rumah; cukup nama kecamatan atau kabupaten"
            )
            found.append(
                Temuan(
                    loc,
                    f"isian ini mungkin memuat {kind} ({DASAR}); periksa sebelum diterbitkan",
                    f"bila benar, ganti dengan keterangan tanpa {what}. "
                    "Bila bukan data pribadi, abaikan peringatan ini",
                    peringatan=True,
                )
            )

    def walk(node: Any, loc: Loc) -> None:
        if _excluded(loc, k.kecuali):
            return
        if isinstance(node, dict):
            parent = loc[-1] if loc else None
            for key, value in node.items():
                here = (*loc, key)
                if isinstance(key, str):
                    kind = _in_text(key, allowed)
                    if kind:
                        value_problem(here, kind)
                        continue
                    field = _field_kind(key, parent) if k.nama_kunci else None
                    if field:
                        found.append(
                            Temuan(
                                here,
                                f"isian '{normal(key)}' dimaksudkan untuk {field}. {base}",
                                "hapus isian ini; tulis hanya jumlah, mis. 'diterima: 3', tanpa nama, "
                                "alamat atau kontak pelapor, terlapor maupun pegawai",
                            )
                        )
                        continue
                    if k.nama_kunci:
                        guess(here, key)  # a recap's free keys (complaint categories) are published too
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
            else:
                guess(loc, node)
        elif isinstance(node, int) and not isinstance(node, bool):
            kind = _number(node)
            if kind:
                value_problem(loc, kind)

    walk(data, ())
    return found


def _values_at(data: Any, paths: tuple[Loc, ...]) -> list[str]:
    """String values under ``paths`` (a file's own published contacts)."""
    out: list[str] = []

    def walk(node: Any, loc: Loc) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                walk(value, (*loc, key))
        elif isinstance(node, list):
            for i, item in enumerate(node):
                walk(item, (*loc, i))
        elif isinstance(node, str) and _excluded(loc, paths):
            out.append(node.removeprefix("mailto:").removeprefix("tel:"))

    if paths:
        walk(data, ())
    return out


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

"""PyYAML's syntax errors, said in Indonesian with a fix staff can apply.

PyYAML reports a syntax error as an English ``problem`` ("mapping values are not
allowed here") with a mark (line, column). ``describe`` turns it into a message,
a fix and the position staff should look at. Messages not listed fall back to a
general Indonesian message; the English original never reaches staff.
"""

from __future__ import annotations

import re

import yaml

GENERAL_FIX = (
    "periksa indentasi (gunakan spasi, bukan tab), tanda titik dua setelah nama isian, "
    "dan tanda kutip yang belum ditutup"
)
_QUOTE_FIX = 'beri tanda kutip "..." pada nilai itu'

# (pattern on PyYAML's problem text, message, fix); {0} is the first group, e.g. the character found.
_TABLE: list[tuple[str, str, str]] = [
    (
        r"found character '\\t' that cannot start any token",
        "karakter tab tidak boleh dipakai di sini",
        "ganti tab dengan spasi; indentasi YAML hanya memakai spasi",
    ),
    (r"found character (.*) that cannot start any token", "karakter {0} tidak boleh mengawali nilai", _QUOTE_FIX),
    (
        r"mapping values are not allowed here",
        "tanda titik dua ':' tidak boleh di sini",
        "beri tanda kutip \"...\" pada teks yang memuat ': ', atau periksa indentasi baris ini",
    ),
    (
        r"could not find expected ':'",
        "tanda titik dua ':' setelah nama isian tidak ditemukan",
        "tulis 'nama: nilai'; teks panjang diberi tanda kutip \"...\" yang ditutup di baris yang sama",
    ),
    (
        r"found unexpected end of stream",
        "tanda kutip tidak ditutup sampai akhir berkas",
        "tutup tanda kutip pada nilai yang dimulai di sini",
    ),
    (
        r"found unexpected document separator",
        "baris '---' atau '...' berada di dalam teks bertanda kutip",
        "tutup tanda kutip sebelum baris itu, atau hapus baris itu",
    ),
    (
        r"found unknown escape character (.*)",
        "garis miring terbalik sebelum {0} di dalam tanda kutip ganda tidak dikenal",
        "tulis \\\\ untuk garis miring terbalik, atau pakai tanda kutip tunggal '...'",
    ),
    (
        r"expected escape sequence of \d+ hexadecimal numbers",
        "urutan \\x, \\u atau \\U di dalam tanda kutip ganda tidak lengkap",
        "tulis \\\\ untuk garis miring terbalik, atau pakai tanda kutip tunggal '...'",
    ),
    (
        r"expected <block end>, but found",
        "indentasi tidak sesuai",
        "samakan indentasi baris ini dengan isian yang sejajar dengannya (gunakan spasi, bukan tab)",
    ),
    (
        r"expected ',' or '\]', but got",
        "daftar dalam kurung siku [...] tidak ditutup dengan benar",
        "pisahkan butir dengan koma dan tutup dengan ']'; beri tanda kutip pada butir yang memuat koma atau titik dua",
    ),
    (
        r"expected ',' or '\}', but got",
        "kumpulan isian dalam kurung kurawal {...} tidak ditutup dengan benar",
        "pisahkan isian dengan koma dan tutup dengan '}'; beri tanda kutip pada nilai yang memuat koma atau titik dua",
    ),
    (
        r"invalid indentation or unclosed '\[' or '\{'",
        "indentasi tidak sesuai, atau kurung [ atau { belum ditutup",
        "tutup kurungnya, atau perbaiki indentasi baris ini",
    ),
    (
        r"sequence entries are not allowed here",
        "butir daftar '- ' tidak boleh di sini",
        "periksa indentasi: butir daftar ditulis di bawah nama isiannya",
    ),
    (r"mapping keys are not allowed here", "tanda '?' tidak boleh di sini", _QUOTE_FIX),
    (
        r"expected a comment or a line break, but found",
        "ada teks sesudah nilai yang sudah selesai",
        "masukkan seluruh teks ke dalam satu pasang tanda kutip, atau hapus teks sisanya",
    ),
    (
        r"expected the node content, but found",
        "nilai tidak ditemukan di tempat yang diharapkan",
        "tulis nilainya; beri tanda kutip bila diawali karakter khusus seperti - , [ ] { } & * ! | > ' \" % @",
    ),
    (
        r"found undefined alias (.*)",
        "alias YAML *{0} tidak didefinisikan",
        "hapus tanda '*' di depan nilai, atau beri tanda kutip \"...\" pada nilai itu",
    ),
    (
        r"found duplicate anchor",
        "nama anchor YAML (&...) dipakai dua kali",
        "hapus tanda '&' di depan nilai, atau beri tanda kutip \"...\" pada nilai itu",
    ),
    (
        r"expected alphabetic or numeric character, but found",
        "nama anchor atau alias YAML (& atau *) tidak sah",
        'beri tanda kutip "..." pada nilai yang diawali & atau *',
    ),
    (
        r"expected a single document in the stream|but found another document",
        "berkas memuat lebih dari satu dokumen YAML (dipisah '---')",
        "hapus baris '---' di tengah berkas; satu berkas berisi satu dokumen",
    ),
    (
        r"expected '<document start>', but found",
        "ada isi sesudah tanda akhir dokumen '...'",
        "hapus baris '...' atau pindahkan isi sesudahnya ke atas",
    ),
    (
        r"expected chomping or indentation indicators|expected indentation indicator",
        "tanda '|' atau '>' harus diikuti ganti baris",
        'beri tanda kutip "..." pada nilai yang diawali | atau >',
    ),
    (
        r"YAML directive|tag handle|non-specific tag|expected URI|expected ' ', but found|expected '!'|"
        r"expected '>'|expected a digit|incompatible YAML document",
        "tanda khusus YAML '!' atau '%' tidak dikenal",
        'beri tanda kutip "..." pada nilai yang diawali ! atau %; jangan memulai baris dengan %',
    ),
    (
        r"unacceptable character #x([0-9a-fA-F]+)",
        "berkas memuat karakter kendali yang tidak terlihat (kode {0})",
        "hapus karakter itu; ketik ulang baris ini bila disalin dari dokumen lain",
    ),
]
_COMPILED = [(re.compile(p), m, f) for p, m, f in _TABLE]
# Where the mistake starts is more useful than where PyYAML noticed it.
_AT_CONTEXT = ("could not find expected ':'", "found unexpected end of stream")


def describe(exc: yaml.YAMLError, text: str) -> tuple[int | None, int | None, str, str]:
    """(line, column, message, fix) for a PyYAML error raised while reading ``text``."""
    unclosed = _unclosed_quote(exc, text)
    if unclosed is not None:
        return unclosed
    problem = str(getattr(exc, "problem", None) or getattr(exc, "reason", None) or "")
    if isinstance(exc, yaml.reader.ReaderError):
        line, col = _line_col(text, exc.position)
        problem = f"unacceptable character #x{exc.character:04x}" if isinstance(exc.character, int) else problem
    else:
        mark = getattr(exc, "problem_mark", None)
        context_mark = getattr(exc, "context_mark", None)
        if context_mark is not None and (mark is None or problem.startswith(_AT_CONTEXT)):
            mark = context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark is not None else (None, None)
    for pattern, message, fix in _COMPILED:
        m = pattern.search(problem)
        if m:
            found = m.group(1) if m.groups() else ""
            return line, col, "YAML tidak dapat dibaca: " + message.replace("{0}", found), fix
    return line, col, "YAML tidak dapat dibaca", GENERAL_FIX


def _line_col(text: str, position: int | None) -> tuple[int | None, int | None]:
    if position is None:
        return None, None
    before = text[:position]
    return before.count("\n") + 1, position - (before.rfind("\n") + 1) + 1


def _unclosed_quote(exc: yaml.YAMLError, text: str) -> tuple[int, int, str, str] | None:
    """A quote left open runs on to the next quote in the file, lines below; PyYAML then trips
    over the text after that quote and blames the indentation there. When the value just
    before the error is a quoted text spanning lines and the error is on the line it ends,
    the mistake is the opening quote: report that line, and say how to close it."""
    mark = getattr(exc, "problem_mark", None)
    if mark is None or isinstance(exc, yaml.reader.ReaderError):
        return None
    last = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if token.start_mark.index >= mark.index:
                break
            last = token
    except yaml.YAMLError:
        pass
    if not (isinstance(last, yaml.ScalarToken) and last.style in ('"', "'")):
        return None
    start, end = last.start_mark, last.end_mark
    quote = last.style
    if end.line != mark.line:
        return None
    if end.line == start.line:
        # "Jum"at" or "kata "kutip" lain": the quote inside the text closed it early.
        inner, other = ('\\"', "tanda kutip tunggal '...'") if quote == '"' else ("''", 'tanda kutip ganda "..."')
        return (
            end.line + 1,
            end.column,
            f"YAML tidak dapat dibaca: tanda kutip {quote} ini menutup teks, tetapi sesudahnya masih ada teks",
            f"bila tanda {quote} ini bagian dari teks, tulis {inner} (atau apit seluruh teks dengan {other}); "
            "bila bukan, hapus teks sesudahnya",
        )
    opened = text.splitlines()[start.line] if start.line < len(text.splitlines()) else ""
    return (
        start.line + 1,
        start.column + 1,
        f"YAML tidak dapat dibaca: tanda kutip {quote} yang dibuka di sini tidak ditutup pada baris ini "
        f"(teksnya terbaca berlanjut sampai tanda kutip berikutnya di baris {end.line + 1})",
        f"tutup teksnya dengan {quote} di akhir baris {start.line + 1}"
        + (f", mis. {opened.strip()}{quote}" if len(opened.strip()) <= 80 else "")
        + (
            f"; tanda {quote} di dalam teks ditulis \\{quote}" if quote == '"' else "; tanda ' di dalam teks ditulis ''"
        ),
    )

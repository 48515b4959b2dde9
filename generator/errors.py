"""Data problems reported to staff: one per mistake, with file, line, field and a fix.

Messages are Indonesian because staff read them. Library code raises
``DataError``; only the CLI and the MkDocs adapter turn it into an exit status.

A warning (``peringatan``) is a ``Problem`` too, kept in a second list: something
probably wrong (a date in the wrong year, an ignored file, a name in free text)
that does not stop the build. The loader returns them on ``Site.peringatan`` (and
on ``DataError.peringatan`` when there are errors as well); ``zi check`` and
``zi build`` print them with ``laporan_peringatan``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    file: Path
    line: int | None  # 1-based
    column: int | None  # 1-based
    field: str  # dotted path, e.g. "lampiran.area[0].kegiatan[1].judul"
    message: str
    fix: str | None = None

    def format(self, root: Path | None = None, peringatan: bool = False) -> str:
        """``file:line:col: field: message`` and a ``Perbaikan:`` line; a warning starts with 'Peringatan: '."""
        name = self.file
        if root is not None:
            name = _relative(self.file, root)
            if name == self.file:  # outside the data folder (content/, an upload): from where the command runs
                name = _relative(self.file, Path.cwd())
            if name == Path("."):  # a problem with the data folder itself: name it as given
                name = self.file
        where = f"{name}:{self.line or 1}:{self.column or 1}"
        text = f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        if peringatan:
            text = f"Peringatan: {text}"
        if self.fix:
            text += f"\n    Perbaikan: {self.fix}"
        return text


def _relative(path: Path, base: Path) -> Path:
    try:
        return path.relative_to(base) if path.is_absolute() == base.is_absolute() else path
    except ValueError:
        return path


class DataError(Exception):
    """One or more problems in the data folder; the build must not publish."""

    def __init__(self, problems: list[Problem], peringatan: Iterable[Problem] = ()):
        self.problems = urut(problems)
        self.peringatan = tuple(urut(peringatan))  # found as well; shown after the errors
        super().__init__(self.report())

    def report(self, root: Path | None = None) -> str:
        n = len(self.problems)
        head = f"Ditemukan {n} kesalahan pada data. Situs tidak diterbitkan; situs yang sudah ada tidak berubah."
        return "\n".join([head, *(p.format(root) for p in self.problems)])


def urut(problems: Iterable[Problem]) -> list[Problem]:
    """File, then line, then column order: the order staff read and fix them."""
    return sorted(problems, key=lambda p: (str(p.file), p.line or 0, p.column or 0))


def laporan_peringatan(peringatan: Iterable[Problem], root: Path | None = None) -> str:
    """Every warning as staff see it, one ``Peringatan: file:line:col: ...`` block each ('' if none)."""
    return "\n".join(p.format(root, peringatan=True) for p in urut(peringatan))


DEBUG_ENV = "ZI_DEBUG"  # set to 1 to see the Python traceback of an internal error


def internal_error_message(exc: BaseException) -> str:
    """What staff see when Laman ZI itself fails: plainly not their mistake, and what to do."""
    detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    return (
        f"Terjadi kesalahan internal pada Laman ZI ({detail}).\n"
        "Ini bukan kesalahan pada data Anda. Mohon laporkan sebagai bug kepada pengelola Laman ZI, "
        "sertakan pesan ini dan perintah yang dijalankan.\n"
        f"Untuk melihat rinciannya (traceback), jalankan ulang perintah yang sama dengan {DEBUG_ENV}=1, "
        f"mis. `{DEBUG_ENV}=1 zi build`."
    )

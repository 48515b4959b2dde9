"""The built site as one zip for a hosting panel's File Manager (``zi build --zip``).

Offices that publish by hand upload one file, extract it into a NEW folder next to the live
one, check it, then swap the folders with two renames (content/cara-memperbarui-data.md). So:

- every file sits under one top folder named like the zip (``situs-2024-2024-12-20/``), so
  "Extract" in cPanel, DirectAdmin or Plesk makes that new folder and never writes over the live site;
- ``SHA256SUMS`` (``sha256sum -c`` format) and ``periksa-berkas.html`` (a standalone page listing
  every file with its size and SHA-256, whose small script fetches each file from the server and
  compares) let staff check the extracted copy before it goes live;
- the same site gives the same bytes: entries sorted, every timestamp the data's newest date (the
  sitemap's lastmod), fixed permissions (0644 files, 0755 folders), no comment, no extra fields;
- the build marker (``generator.keluaran.MARKER``) is left out: it only guards the local site
  folder against being replaced by something else and means nothing on the web server.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from generator.keluaran import MARKER
from generator.pages.angka import ukuran
from generator.pages.render import environment
from generator.staff.importer.plan import PLACEHOLDER

SUMS = "SHA256SUMS"
PERIKSA = "periksa-berkas.html"
TEMPLAT = "periksa-berkas.html"  # in theme/zi/
ZIP_EPOCH = dt.date(1980, 1, 1)  # the oldest date a zip entry can hold (MS-DOS time)
FILE_MODE = 0o100644
DIR_MODE = 0o040755


class ZipError(Exception):
    """The zip could not be made (Indonesian message); nothing was written."""


@dataclass(frozen=True)
class Berkas:
    path: str  # inside the top folder, "/"-separated
    size: int
    sha256: str

    @property
    def ukuran(self) -> str:
        return ukuran(self.size)


@dataclass(frozen=True)
class HasilZip:
    path: Path
    size: int
    files: int  # entries that are files: the site's, SHA256SUMS and periksa-berkas.html


def nama(tahun: int, tanggal: dt.date | None) -> str:
    """``situs-<newest plan year>-<newest data date>``, the zip's stem and its top folder."""
    return f"situs-{tahun}-{tanggal.isoformat() if tanggal else 'tanpa-tanggal'}"


def sums_line(berkas: Berkas) -> str:
    """One line of ``sha256sum`` output (GNU coreutils: a name with ``\\`` or a newline is escaped)."""
    if "\\" in berkas.path or "\n" in berkas.path or "\r" in berkas.path:
        escaped = berkas.path.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")
        return f"\\{berkas.sha256}  {escaped}\n"
    return f"{berkas.sha256}  {berkas.path}\n"


def site_files(site_dir: Path) -> dict[str, bytes]:
    """Every file of the built site by its path, sorted; the build marker left out."""
    files: dict[str, bytes] = {}
    for p in sorted(site_dir.rglob("*"), key=lambda p: p.relative_to(site_dir).as_posix()):
        rel = p.relative_to(site_dir).as_posix()
        if p.is_symlink():
            raise ZipError(
                f"{site_dir / rel} adalah tautan simbolik; `zi build` tidak pernah membuatnya. Zip tidak dibuat."
            )
        if p.is_file() and rel != MARKER:
            files[rel] = p.read_bytes()
    return files


def buat_zip(
    site_dir: Path,
    out_dir: Path,
    *,
    tahun: int,
    tanggal: dt.date | None,
    satker: str,
    templat: Path | None = None,
) -> HasilZip:
    """Write ``<out_dir>/situs-<tahun>-<tanggal>.zip`` from the built ``site_dir``; replace one of that name.

    ``satker``: the unit's short name for the check page; ``templat``: the theme's ``zi`` folder.
    """
    stem = nama(tahun, tanggal)
    files = site_files(site_dir)
    if "index.html" not in files:
        raise ZipError(f"Folder situs {site_dir} tidak berisi index.html; bangun dulu dengan `zi build`.")
    # As `zi deploy` (generator/staff/deploy/release.py): a site still holding "[ISI: ...]" where staff
    # must type the decree's text builds for a preview but is never packed for the public.
    unfilled = [path for path, data in files.items() if path.endswith(".html") and PLACEHOLDER.encode() in data]
    if unfilled:
        shown = ", ".join(unfilled[:5]) + (f" dan {len(unfilled) - 5} halaman lain" if len(unfilled) > 5 else "")
        raise ZipError(
            f"Situs masih memuat isian {PLACEHOLDER} ...] yang belum diganti, di {shown}. Ganti setiap isian "
            "bertanda '# ISI' di berkas data, lalu bangun ulang dengan `zi build --zip`. Zip tidak dibuat."
        )
    for own in (SUMS, PERIKSA):
        if own in files:
            raise ZipError(
                f"Situs sudah memuat berkas {own} di foldernya yang teratas; nama itu dipakai daftar pemeriksaan "
                "di dalam zip. Ganti nama berkas itu di content/. Zip tidak dibuat."
            )
    daftar = [Berkas(path, len(data), hashlib.sha256(data).hexdigest()) for path, data in files.items()]
    page = (
        environment(templat)
        .get_template(TEMPLAT)
        .render(nama=stem, satker=satker, tahun=tahun, tanggal=tanggal, berkas=daftar, sums=SUMS)
        .encode("utf-8")
    )
    files[PERIKSA] = page
    daftar.append(Berkas(PERIKSA, len(page), hashlib.sha256(page).hexdigest()))
    files[SUMS] = "".join(sums_line(b) for b in sorted(daftar, key=lambda b: b.path)).encode("utf-8")
    when = (tanggal or ZIP_EPOCH).timetuple()[:6]

    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{stem}.zip"
    fd, tmp = tempfile.mkstemp(prefix=f".{stem}.", suffix=".tmp", dir=out_dir)
    try:
        with os.fdopen(fd, "wb") as fh:
            with zipfile.ZipFile(fh, "w") as zf:
                for entry, data in _entries(stem, files):
                    info = zipfile.ZipInfo(entry, date_time=when)
                    info.create_system = 3  # Unix: the permissions below are read by unzip and the panels
                    if data is None:
                        info.external_attr = (DIR_MODE << 16) | 0x10  # MS-DOS directory flag too
                        zf.writestr(info, b"")
                    else:
                        info.external_attr = FILE_MODE << 16
                        info.compress_type = zipfile.ZIP_DEFLATED
                        zf.writestr(info, data, compresslevel=6)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return HasilZip(target, target.stat().st_size, len(files))


def _entries(stem: str, files: dict[str, bytes]) -> list[tuple[str, bytes | None]]:
    """Folder entries (``None``) and file entries, in one sorted order, all under ``stem/``."""
    entries: dict[str, bytes | None] = {f"{stem}/": None}
    for path, data in files.items():
        parts = path.split("/")
        for i in range(1, len(parts)):
            entries[f"{stem}/{'/'.join(parts[:i])}/"] = None
        entries[f"{stem}/{path}"] = data
    return sorted(entries.items())

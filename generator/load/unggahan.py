"""Uploaded files in content/: their size, and for a PDF whether a reader can use it.

Every file the data links (a Keputusan's ``berkas``, a realisasi ``bukti`` with a relative
``tautan``) and every PDF in content/ is looked at once, at load, so pages never read the
disk: ``Site.unggahan`` holds the facts. A PDF is checked for

- a text layer: some text-showing operator on a page (or in a form it draws); a scanned
  image has none, so screen readers, search and copy-paste get nothing
  (WCAG 2.1 SC 1.1.1 and 1.4.5, images of text);
- a title: ``/Title`` in the document information or ``dc:title`` in its XMP metadata
  (WCAG technique PDF18, the title shown instead of the file name);
- a language: ``/Lang`` in the document catalogue (WCAG SC 3.1.1, technique PDF16).

A PDF that misses one, or cannot be read at all, gives a warning, never an error: the
site is still built and the file still published (PermenPANRB 90/2021 asks for the
evidence to be shown; a hard to read file is better than none).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from generator.errors import Problem
from generator.site import Unggahan, lokasi_unggahan

if TYPE_CHECKING:  # imported when a PDF is read (fakta): most builds have none, and pikepdf is slow to import
    import pikepdf

# Text-showing operators of the PDF content stream (ISO 32000-1, 9.4.3, table 109).
_TEKS = "Tj TJ ' \""
_KEDALAMAN_FORM = 4  # nested form XObjects followed this deep; real files rarely nest at all


def periksa_unggahan(content_dir: Path, tertaut: Iterable[str]) -> tuple[dict[str, Unggahan], list[Problem]]:
    """Facts of every linked file and every PDF in ``content_dir``, and the warnings of the PDFs.

    ``tertaut``: locations as written in the data (relative to content/); the loader has
    already checked that each exists inside content/.
    """
    lokasi = {lokasi_unggahan(v) for v in tertaut}
    if content_dir.is_dir():
        for here, dirs, names in os.walk(content_dir, followlinks=True):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for name in names:
                if name.lower().endswith(".pdf") and not name.startswith("."):
                    lokasi.add((PurePosixPath(Path(here).relative_to(content_dir).as_posix()) / name).as_posix())
    facts: dict[str, Unggahan] = {}
    warnings: list[Problem] = []
    for site_path in sorted(lokasi):
        file = content_dir / site_path
        if not file.is_file():
            continue
        u = fakta(file, site_path)
        facts[site_path] = u
        warnings += peringatan(file, u)
    return facts, warnings


def fakta(file: Path, site_path: str) -> Unggahan:
    """Size and type of one file; for a PDF also its text layer, title and language."""
    size = file.stat().st_size
    jenis = PurePosixPath(site_path).suffix.lstrip(".").upper() or "berkas"
    if jenis != "PDF":
        return Unggahan(site_path, size, jenis)
    import pikepdf

    try:
        with pikepdf.open(file) as pdf:
            return Unggahan(site_path, size, jenis, teks=_ada_teks(pdf), judul=_judul(pdf), bahasa=_bahasa(pdf))
    except Exception:  # any damage, a password, a file that is not a PDF: all "cannot be read"
        return Unggahan(site_path, size, jenis, rusak=True)


def _ada_teks(pdf: pikepdf.Pdf) -> bool:
    return any(_teks_di(page.obj, 0) for page in pdf.pages)


def _teks_di(obj: pikepdf.Object, depth: int) -> bool:
    """Whether a page or form XObject shows any non-empty string, itself or in a form it draws."""
    import pikepdf

    try:
        for instruction in pikepdf.parse_content_stream(obj, _TEKS):
            if not isinstance(instruction, pikepdf.ContentStreamInstruction):
                continue
            for o in instruction.operands:
                if isinstance(o, pikepdf.String) and bytes(o):
                    return True
                if isinstance(o, pikepdf.Array) and any(isinstance(x, pikepdf.String) and bytes(x) for x in o):
                    return True
    except pikepdf.PdfError:
        return False
    if depth >= _KEDALAMAN_FORM:
        return False
    resources = obj.get("/Resources")
    xobjects = resources.get("/XObject") if isinstance(resources, pikepdf.Dictionary) else None
    if not isinstance(xobjects, pikepdf.Dictionary):
        return False
    for key in list(xobjects.keys()):
        x = xobjects[key]
        if isinstance(x, pikepdf.Stream) and x.get("/Subtype") == "/Form" and _teks_di(x, depth + 1):
            return True
    return False


def _judul(pdf: pikepdf.Pdf) -> str | None:
    title = pdf.docinfo.get("/Title") if "/Info" in pdf.trailer else None
    if title is not None and str(title).strip():
        return str(title).strip()
    meta = pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False)
    xmp = meta.get("dc:title")
    return str(xmp).strip() or None if xmp else None


def _bahasa(pdf: pikepdf.Pdf) -> str | None:
    lang = pdf.Root.get("/Lang")
    return str(lang).strip() or None if lang is not None else None


def peringatan(file: Path, u: Unggahan) -> list[Problem]:
    """One warning per thing a PDF lacks, each with how to fix it when the file is made."""
    if u.rusak:
        found = [
            (
                "berkas PDF rusak atau tidak dapat dibuka (mungkin terkunci kata sandi); "
                "pengunjung kemungkinan juga tidak dapat membukanya",
                "buka berkas aslinya lalu simpan/ekspor ulang sebagai PDF tanpa kata sandi, "
                f"dan unggah lagi ke content/{u.lokasi}",
            )
        ]
    else:
        checks = [
            (
                u.teks is False,
                "berkas PDF tidak memiliki lapisan teks (hasil pindaian berupa gambar): "
                "pembaca layar, pencarian dan salin-tempel tidak dapat membaca isinya",
                "jalankan OCR sebelum mengunggah: pilih keluaran 'PDF yang dapat dicari' (searchable PDF) "
                "di pemindai, atau jalankan 'ocrmypdf -l ind masuk.pdf keluar.pdf'; "
                "lebih baik lagi, ekspor PDF langsung dari berkas aslinya (Word/LibreOffice)",
            ),
            (
                u.teks is not None and not u.judul,
                "berkas PDF tidak memiliki judul dokumen: pembaca layar hanya menyebut nama berkasnya",
                "isi judul sebelum mengekspor ke PDF (Word: File > Info > Properti > Judul; "
                "LibreOffice: Berkas > Properti > Deskripsi > Judul), atau isi 'Title' "
                "di properti dokumen aplikasi PDF",
            ),
            (
                u.teks is not None and not u.bahasa,
                "berkas PDF tidak menyebut bahasanya: pembaca layar dapat membacanya dengan lafal bahasa lain",
                "atur bahasa dokumen ke Bahasa Indonesia sebelum mengekspor ke PDF (Word: Tinjau > Bahasa; "
                "LibreOffice: Alat > Bahasa > Untuk Seluruh Teks), atau isi 'Language: id' "
                "di properti dokumen aplikasi PDF",
            ),
        ]
        found = [(message, fix) for missing, message, fix in checks if missing]
    return [Problem(file, None, None, "", message, fix) for message, fix in found]

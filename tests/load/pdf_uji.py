"""Test PDFs made with pikepdf on the fly (no binary blobs in the repository)."""

from __future__ import annotations

from pathlib import Path

import pikepdf


def _page(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary, content: bytes) -> None:
    page = pikepdf.Page(pikepdf.Dictionary(Type=pikepdf.Name.Page, MediaBox=[0, 0, 595, 842], Resources=resources))
    page.obj.Contents = pdf.make_stream(content)
    pdf.pages.append(page)


def _font(pdf: pikepdf.Pdf) -> pikepdf.Dictionary:
    font = pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica)
    return pikepdf.Dictionary(F1=pdf.make_indirect(font))


def buat_pdf(
    path: Path,
    teks: bool = True,
    judul: str | None = "Notulen rapat",
    bahasa: str | None = "id",
    xmp_judul: str | None = None,
    dalam_form: bool = False,
) -> Path:
    """A one-page PDF: with a line of text (or only an image, like a scan), a title and a language as asked."""
    pdf = pikepdf.new()
    if teks and dalam_form:  # the text sits in a form XObject the page draws
        form = pdf.make_stream(
            b"BT /F1 12 Tf 72 720 Td (Notulen rapat) Tj ET",
            Type=pikepdf.Name.XObject,
            Subtype=pikepdf.Name.Form,
            BBox=[0, 0, 595, 842],
            Resources=pikepdf.Dictionary(Font=_font(pdf)),
        )
        _page(pdf, pikepdf.Dictionary(XObject=pikepdf.Dictionary(Fm0=form)), b"q /Fm0 Do Q")
    elif teks:
        _page(pdf, pikepdf.Dictionary(Font=_font(pdf)), b"BT /F1 12 Tf 72 720 Td [(Notulen) -250 (rapat)] TJ ET")
    else:  # a scanned page: one image, no text
        image = pdf.make_stream(
            b"\x80" * 16,
            Type=pikepdf.Name.XObject,
            Subtype=pikepdf.Name.Image,
            Width=4,
            Height=4,
            ColorSpace=pikepdf.Name.DeviceGray,
            BitsPerComponent=8,
        )
        _page(pdf, pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=image)), b"q 595 0 0 842 0 0 cm /Im0 Do Q")
    if judul:
        pdf.docinfo["/Title"] = judul
    if bahasa:
        pdf.Root.Lang = pikepdf.String(bahasa)
    if xmp_judul:
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
            meta["dc:title"] = xmp_judul
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.save(path, deterministic_id=True)
    return path


def buat_rusak(path: Path) -> Path:
    """A PDF cut off after its first bytes, as an interrupted upload leaves it."""
    good = buat_pdf(path.with_name("utuh-" + path.name))
    path.write_bytes(good.read_bytes()[:200])
    good.unlink()
    return path

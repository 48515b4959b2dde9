"""A dataset as bytes: CSV (UTF-8, header row), JSON (documented shape) and the whole plan as an XLSX.

Same data, same bytes: no clock is read; the XLSX's zip entries and document properties carry the
data's own date.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import zipfile
from decimal import Decimal

from generator.terbuka.dataset import Dataset, Nilai

# The JSON shape (also described in datapackage.json and the README):
# {"dataset": stem, "judul": …, "tahun": 2024, "contoh": false,
#  "kolom": [{"nama": …, "tipe": …, "keterangan": …}], "baris": [{column: value or null}, …]}
# Values: strings, integers, booleans, numbers (decimals), null for an empty cell.


def _csv_sel(v: Nilai) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


def csv_bytes(d: Dataset) -> bytes:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow([k.nama for k in d.kolom])
    w.writerows([_csv_sel(v) for v in b] for b in d.baris)
    return out.getvalue().encode("utf-8")


def _json_sel(v: Nilai, tipe: str) -> object:
    if tipe == "number" and isinstance(v, str):
        d = Decimal(v)
        return int(d) if d == d.to_integral_value() and "." not in v else float(d)
    return v


def json_bytes(d: Dataset) -> bytes:
    doc = {
        "dataset": d.nama,
        "judul": d.judul,
        "keterangan": d.keterangan,
        "tahun": d.tahun,
        "contoh": d.contoh,
        "kolom": [{"nama": k.nama, "tipe": k.tipe, "keterangan": k.keterangan} for k in d.kolom],
        "baris": [{k.nama: _json_sel(v, k.tipe) for k, v in zip(d.kolom, b, strict=True)} for b in d.baris],
    }
    return (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


# --- the plan as a workbook, laid out like the decree's lampiran ---------------------------------

# (header from the decree's own column titles when it has one, dataset column, width)
_XLSX_KOLOM = (
    ("nomor", "nomor", 8),
    ("kegiatan", "kegiatan_judul", 34),
    ("indikator", "indikator", 30),
    ("uraian", "uraian", 48),
    ("bukti", "bukti", 30),
    ("jadwal", "jadwal", 18),
    ("target", "target", 20),
    ("penanggung_jawab", "penanggung_jawab", 22),
    ("ket", "ket", 16),
    (None, "id", 16),
)


def xlsx_bytes(plans: list[tuple[Dataset, object, str]], tanggal: dt.date) -> bytes:
    """``plans``: (plan dataset, the lampiran's ``kolom`` titles, sheet title) per year, newest first."""
    from openpyxl import Workbook  # heavy import, only when a workbook is made
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    wb.remove(wb.active)
    stamp = dt.datetime(tanggal.year, tanggal.month, tanggal.day)
    wb.properties.created = stamp
    wb.properties.modified = stamp
    wb.properties.creator = "Laman ZI"
    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    for d, titles, sheet in plans:
        ws = wb.create_sheet(sheet)
        heads = [(getattr(titles, attr, None) if attr else "ID", name, width) for attr, name, width in _XLSX_KOLOM]
        shown = [(t, name, w) for t, name, w in heads if t]  # the decree's columns, then the row's id
        ws.append([t for t, _, _ in shown])
        for c in ws[1]:
            c.font = bold
            c.alignment = wrap
        idx = {k.nama: i for i, k in enumerate(d.kolom)}
        area = None
        for b in d.baris:
            a = (b[idx["area_nomor"]], b[idx["area_judul"]])
            if a != area:  # an area grouping row, as in the decree
                area = a
                ws.append([" ".join(str(x) for x in a if x)])
                ws.cell(ws.max_row, 1).font = bold
                ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=len(shown))
            ws.append([_sel_xlsx(b, idx, name) for _, name, _ in shown])
            for c in ws[ws.max_row]:
                c.alignment = wrap
        for i, (_, _, w) in enumerate(shown, start=1):
            ws.column_dimensions[get_column_letter(i)].width = w
        ws.freeze_panes = "A2"
    raw = io.BytesIO()
    wb.save(raw)
    return _zip_tetap(raw.getvalue(), tanggal)


def _sel_xlsx(b: tuple[Nilai, ...], idx: dict[str, int], name: str) -> str | None:
    v = b[idx[name]]
    if name == "jadwal" and v is None and b[idx["bulan"]]:
        v = "Bulan " + str(b[idx["bulan"]]).replace(";", ", ")
    return _csv_sel(v) or None


_MODIFIED = re.compile(r"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def _zip_tetap(data: bytes, tanggal: dt.date) -> bytes:
    """The same zip with every entry dated ``tanggal`` (openpyxl stamps the clock), in a fixed order."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            z = zipfile.ZipInfo(info.filename, date_time=(tanggal.year, tanggal.month, tanggal.day, 0, 0, 0))
            z.compress_type = zipfile.ZIP_DEFLATED
            z.external_attr = 0o600 << 16
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl writes the clock into "modified" on save
                body = _MODIFIED.sub(rf"\g<1>{tanggal.isoformat()}T00:00:00Z\g<2>", body.decode("utf-8")).encode(
                    "utf-8"
                )
            dst.writestr(z, body)
    return out.getvalue()

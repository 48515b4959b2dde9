"""Which engine makes the Keputusan PDF: Typst or WeasyPrint, measured (issue 13, item 1).

Not part of the test run (no ``test_`` in its name). Run from the repository root:

    PYTHONPATH=$PWD python tests/benchmarks/pdf_mesin.py

For both example sites it makes the lampiran of the year's plan with each engine, from the same
rows (generator/stage/pdf/konteks.py), and prints one table: pages, ``Table`` structure elements
against the number of areas (one table per area is the requirement), ``TH`` cells, time
(best of 3) and size. Typst makes the full document of the site (decree + lampiran); WeasyPrint
gets the lampiran as HTML tables with ``<thead>`` (repeated on every page by CSS), landscape A4,
``pdf_variant="pdf/ua-1"``, the same font.
"""

from __future__ import annotations

import html
import io
import sys
import time
from collections import Counter
from importlib import metadata
from pathlib import Path

import pikepdf

from generator.load import load_site
from generator.pages.text import plain
from generator.stage import huruf
from generator.stage import pdf as keputusan_pdf
from generator.stage.pdf import konteks
from generator.tema import theme_dir

SITES = ("plans", "tests/fixtures/wonosobo")


def struktur(data: bytes) -> tuple[int, Counter[str], list[int]]:
    """(pages, count of each structure type, TH cells per Table) of a PDF."""
    pdf = pikepdf.open(io.BytesIO(data))
    count: Counter[str] = Counter()
    th: list[int] = []

    def walk(node: object, table: int | None) -> None:
        if not isinstance(node, pikepdf.Dictionary):
            return
        if "/S" in node:
            s = str(node.S).lstrip("/")
            count[s] += 1
            if s == "Table":
                th.append(0)
                table = len(th) - 1
            elif s == "TH" and table is not None:
                th[table] += 1
        kids = node.get("/K")
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            walk(kid, table)

    walk(pdf.Root.get("/StructTreeRoot"), None)
    return len(pdf.pages), count, th


def _cell(text: str | None, span: int = 1, tag: str = "td") -> str:
    attr = f' rowspan="{span}"' if span > 1 else ""
    return f"<{tag}{attr}>{html.escape(plain(text) or '–')}</{tag}>"


def lampiran_html(k: konteks.KonteksPdf) -> str:
    """The lampiran as HTML tables: the same rows, spans and headings as the Typst document."""
    font = huruf.berkas(theme_dir() / "zi")
    css = (
        f"@font-face {{ font-family: ZI; src: url('{font[0].as_uri()}'); }}"
        f"@font-face {{ font-family: ZI; font-weight: bold; src: url('{font[1].as_uri()}'); }}"
        "@page { size: A4 landscape; margin: 1.5cm; } body { font: 8.5pt ZI; }"
        "table { border-collapse: collapse; width: 100%; } th, td { border: 0.5pt solid #374151; padding: 3pt;"
        " vertical-align: top; text-align: left; } thead { display: table-header-group; }"
    )
    out = [f"<!doctype html><html lang='id'><head><meta charset='utf-8'><title>Lampiran</title><style>{css}</style>"]
    out.append("</head><body>")
    for x in k.areas:
        a = x.ringkas
        out.append(f"<h2>{html.escape(a.nomor)} {html.escape(a.judul_plain)}</h2><table><thead><tr>")
        out += [f'<th scope="col">{html.escape(c.label)}</th>' for c in (*k.lead_columns, *k.columns)]
        out.append("</tr></thead><tbody>")
        for g in x.groups:
            if g.judul:
                out.append(f'<tr><th scope="rowgroup" colspan="{k.span_all}">{html.escape(plain(g.judul))}</th></tr>')
            for r in g.rows:
                out.append("<tr>")
                if k.has_area_column and r.area:
                    out += [_cell(r.area.nomor, r.area.span), _cell(r.area.judul, r.area.span, "th")]
                if not k.has_area_column and r.kegiatan:
                    out.append(_cell(r.kegiatan.nomor, r.kegiatan.span))
                if r.kegiatan:
                    out.append(_cell(r.kegiatan.judul, r.kegiatan.span, "th"))
                if r.indikator:
                    out.append(_cell(r.indikator.teks, r.indikator.span))
                if r.aksi:
                    for c in k.columns:
                        value = getattr(r.aksi, c.key)
                        if c.key == "jadwal" and k.bulanan:
                            out.append(f'<td colspan="12">{html.escape(", ".join(r.aksi.bulan) or "–")}</td>')
                        else:
                            out.append(_cell(value))
                else:
                    out.append(f'<td colspan="{k.span_aksi}">–</td>')
                out.append("</tr>")
        out.append("</tbody></table>")
    out.append("</body></html>")
    return "".join(out)


def terbaik(fn: object, n: int = 3) -> tuple[float, bytes]:
    best, data = float("inf"), b""
    for _ in range(n):
        t0 = time.perf_counter()
        data = fn()  # type: ignore[operator]
        best = min(best, time.perf_counter() - t0)
    return best, data


def main() -> None:
    import weasyprint

    rows = []
    for folder in SITES:
        site = load_site(Path(folder))
        plan = site.plans[-1]
        k = konteks.konteks(site, plan, None)
        src = keputusan_pdf.sumber_typst(site, plan.tahun, None)
        tanggal = site.tanggal_data or plan.rencana.keputusan.tanggal
        doc = lampiran_html(k)
        engines = {
            f"Typst {metadata.version('typst')}": lambda src=src, tanggal=tanggal: keputusan_pdf.susun(
                src, tanggal, cache=None
            ),
            f"WeasyPrint {weasyprint.__version__}": lambda doc=doc: weasyprint.HTML(string=doc).write_pdf(
                pdf_variant="pdf/ua-1", pdf_identifier=b"0" * 16
            ),
        }
        for name, fn in engines.items():
            seconds, data = terbaik(fn)
            pages, count, th = struktur(data)
            rows.append((folder, name, len(plan.areas), count["Table"], min(th, default=0), pages, seconds, len(data)))
    head = ("site", "engine", "areas", "Table elements", "min TH per Table", "pages", "time (s)", "size (KB)")
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for folder, name, areas, tables, th, pages, seconds, size in rows:
        print(f"| {folder} | {name} | {areas} | {tables} | {th} | {pages} | {seconds:.2f} | {size / 1024:.0f} |")


if __name__ == "__main__":
    sys.exit(main())

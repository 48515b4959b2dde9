"""The Keputusan PDF generated from the YAML (issue 13, item 1): tagged PDF/UA-1, one table per area.

The two example sites are the session's builds (``built_sites``); the PDFs are read from them.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil

import pikepdf
import pypdf
import pytest

from generator.load import load_site
from generator.pages import alamat
from generator.pages.angka import ukuran
from generator.pages.render import environment
from generator.pages.text import plain
from generator.stage import pdf
from generator.stage.pdf import sumber
from generator.tema import theme_dir
from tests.conftest import DATA, REPO


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def sites():
    return {name: load_site(folder) for name, folder in DATA.items()}


@pytest.fixture(scope="module", params=sorted(DATA))
def keputusan(request, built_sites, sites):
    """(site, the PDF's bytes, each page's text) of each example site's newest plan."""
    site = sites[request.param]
    data = (built_sites[request.param] / alamat.pdf_keputusan(site.latest.tahun)).read_bytes()
    return site, data, [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages]


def _struktur(doc: pikepdf.Pdf) -> list[dict]:
    """Every structure element as {type, parent types} in document order."""
    out: list[dict] = []

    def walk(node, parents):
        if not isinstance(node, pikepdf.Dictionary):
            return
        s = str(node.get("/S", "")).lstrip("/")
        if s:
            out.append({"s": s, "parents": parents})
        kids = node.get("/K")
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            walk(kid, (*parents, s) if s else parents)

    walk(doc.Root.StructTreeRoot, ())
    return out


def test_pdf_is_tagged_with_language_title_and_embedded_fonts(keputusan):
    site, data, pages = keputusan
    doc = pikepdf.open(io.BytesIO(data))
    assert "/StructTreeRoot" in doc.Root
    assert doc.Root.MarkInfo.Marked is True
    assert str(doc.Root.Lang) == "id"
    assert doc.Root.ViewerPreferences.DisplayDocTitle is True
    k = site.latest.rencana.keputusan
    title = str(doc.docinfo["/Title"])
    assert f"Nomor {k.nomor} Tahun {k.tahun}" in title
    with doc.open_metadata() as xmp:
        assert xmp.get("pdfuaid:part") == "1"
        assert f"Nomor {k.nomor}" in str(xmp.get("dc:title"))
    fonts = 0
    for page in doc.pages:
        for font in page.Resources.get("/Font", {}).values():
            fonts += 1
            descriptor = font.get("/FontDescriptor") or font.DescendantFonts[0].FontDescriptor
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), font.get("/BaseFont")
    assert fonts


def test_creation_date_is_the_data_date(keputusan):
    site, data, pages = keputusan
    doc = pikepdf.open(io.BytesIO(data))
    assert str(doc.docinfo["/CreationDate"]).startswith(f"D:{site.tanggal_data:%Y%m%d}")


def test_one_table_per_area_with_header_cells(keputusan):
    site, data, pages = keputusan
    elements = _struktur(pikepdf.open(io.BytesIO(data)))
    tables = [i for i, e in enumerate(elements) if e["s"] == "Table"]
    assert len(tables) == len(site.latest.areas)  # a page break does not split an area's table
    th = [e for e in elements if e["s"] == "TH"]
    assert th and all("THead" in e["parents"] for e in th)
    # each Table has its own THead of TH cells, repeated visually on every page but tagged once
    assert sum(e["s"] == "THead" for e in elements) == len(tables)


def test_every_lampiran_row_text_is_extractable(keputusan):
    site, data, pages = keputusan
    text = _flat("".join(pages))
    rows = 0
    for area in site.latest.areas:
        for g in area.kelompok:
            for k in g.kegiatan:
                if k.judul:
                    assert _flat(plain(k.judul)) in text
                for ind in k.indikator:
                    for a in ind.aksi:
                        rows += 1
                        for value in (a.uraian, a.bukti, a.target, a.penanggung_jawab, a.ket, a.celah):
                            if value:
                                assert _flat(plain(value)) in text, value
                        if a.catatan:
                            assert _flat(f"Catatan transkripsi: {plain(a.catatan)}") in text
    assert rows >= site.latest.jumlah_aksi


def test_decree_parts_in_order_and_the_first_page_note(keputusan):
    site, data, pages = keputusan
    k = site.latest.rencana.keputusan
    first = _flat(pages[0])
    assert _flat("berkas ini adalah tampilan data") in first
    assert _flat("halaman Dokumen") in first  # no signed scan in the example data
    text = _flat("".join(pages))
    parts = [
        *k.instansi,
        f"NOMOR {k.nomor} TAHUN {k.tahun}",
        "TENTANG",
        k.jabatan,
        k.label.menimbang,
        k.label.mengingat,
        k.label.memutuskan,
        k.label.menetapkan,
        *(d.label for d in k.diktum),
        f"{k.label.ditetapkan_di} {k.ditetapkan_di}",
        k.penandatangan.jabatan[0],
        *([k.penandatangan.ttd] if k.penandatangan.ttd else []),
        k.penandatangan.nama,
        *(k.salinan_sesuai.baris[:1] if k.salinan_sesuai else []),
        "Lampiran",
    ]
    at = 0
    for part in parts:
        found = text.find(_flat(part), at)
        assert found >= 0, f"{part!r} tidak ada atau tidak berurutan"
        at = found + 1
    doc = pikepdf.open(io.BytesIO(data))
    boxes = [tuple(float(x) for x in page.MediaBox) for page in doc.pages]
    assert boxes[0][2] < boxes[0][3]  # the decree in portrait
    assert boxes[-1][2] > boxes[-1][3]  # the lampiran in landscape


def test_pdf_has_no_progress_figures(keputusan):
    # The PDF is the decree: no Capaian column, so nothing from rules/terbit that could leak a hidden cell.
    _site, _data, pages = keputusan
    assert "Capaian per" not in "".join(pages)


@pytest.mark.parametrize("name", sorted(DATA))
def test_links_show_type_and_size(built_sites, sites, name):
    site_dir = built_sites[name]
    site = sites[name]
    for plan in site.plans:
        k = plan.rencana.keputusan
        path = alamat.pdf_keputusan(plan.tahun)
        size = ukuran((site_dir / path).stat().st_size)
        expected = f'<a href="../{path}" download>Unduh Keputusan Nomor {k.nomor} Tahun {k.tahun} (PDF, {size})</a>'
        assert expected in (site_dir / str(plan.tahun) / "index.html").read_text(encoding="utf-8")
        assert expected in (site_dir / "dokumen" / "index.html").read_text(encoding="utf-8")


def test_signed_scan_is_offered_first(tmp_path):
    plans = tmp_path / "plans"
    shutil.copytree(DATA["gunungkidul"], plans)
    yaml = plans / "2024" / "rencana-aksi.yaml"
    yaml.write_text(
        yaml.read_text(encoding="utf-8").replace(
            "  tanggal: 2024-01-31\n", "  tanggal: 2024-01-31\n  berkas: unggahan/kep-478-2024.pdf\n", 1
        ),
        encoding="utf-8",
    )
    content = tmp_path / "content"
    shutil.copytree(REPO / "content", content)  # the evidence files the realisasi links
    (content / "unggahan" / "kep-478-2024.pdf").write_bytes(b"%PDF-1.7\n")
    site = load_site(plans, content_dir=content, repo_root=tmp_path)
    source = pdf.sumber_typst(site, 2024, "https://kpu.example/")
    assert "https://kpu.example/unggahan/kep-478-2024.pdf" in source
    assert "halaman Dokumen" not in source
    from generator.pages import plan as plan_page

    page = plan_page.build(site, site.latest, environment(), {alamat.pdf_keputusan(2024): 240 * 1024})
    scan = page.markdown.index("Unduh pindaian Keputusan Nomor 478 Tahun 2024")
    generated = page.markdown.index("Unduh Keputusan Nomor 478 Tahun 2024 (PDF, 240 KB)")
    assert scan < generated


HOSTILE = '= 1. #let x = "a" *tebal* \\ [tautan](x) <b> $x$ @ref // bukan komentar'


def test_staff_text_is_never_typst_markup():
    env = sumber.environment(theme_dir() / "zi")
    template = env.from_string('#set document(title: "Uji")\n#set text(lang: "id", font: "ZI Kartu Sans")\n{{ x }}\n')
    # A character the shipped font cannot draw would stop a PDF/UA export: it is written as its code.
    data = pdf.susun(template.render(x=HOSTILE + " 😀 中"), dt.date(2024, 1, 31))
    text = pypdf.PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert _flat(text) == _flat(HOSTILE + "[U+1F600][U+4E2D]")
    assert _flat(str(sumber.inline("a *miring* b\nbaris dua"))) == _flat(
        '#"a ";#emph[#"miring";]#" b"; #linebreak() #"baris dua";'
    )


def test_same_source_same_bytes_and_the_cache_is_used(tmp_path, monkeypatch, sites):
    site = sites["wonosobo"]
    source = pdf.sumber_typst(site, site.latest.tahun, None)
    first = pdf.susun(source, site.tanggal_data, cache=tmp_path)
    assert len(list(tmp_path.glob("*.pdf"))) == 1
    monkeypatch.setattr(pdf.typst, "compile", lambda *a, **k: pytest.fail("not read from the cache"))
    assert pdf.susun(source, site.tanggal_data, cache=tmp_path) == first
    monkeypatch.undo()
    assert pdf.susun(source, site.tanggal_data, cache=None) == first

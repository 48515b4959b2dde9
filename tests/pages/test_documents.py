"""Pages are plain strings built without MkDocs; the signed scan is offered when given."""

from __future__ import annotations

import dataclasses
from urllib.parse import quote

from generator.load import load_site
from generator.pages import build_pages, documents
from generator.pages.alamat import pdf_keputusan
from generator.pages.documents import singkat
from generator.pages.render import environment
from generator.site import Unggahan
from tests.conftest import DATA, REPO


def _with_scan(site, path):
    plan = site.latest
    keputusan = plan.rencana.keputusan.model_copy(update={"berkas": path})
    rencana = plan.rencana.model_copy(update={"keputusan": keputusan})
    return dataclasses.replace(site, plans=(dataclasses.replace(plan, rencana=rencana),))


def test_documents_page_links_signed_scan():
    site = _with_scan(load_site(DATA["gunungkidul"]), "unggahan/keputusan-478-2024.pdf")
    pages = {p.path: p for p in build_pages(site)}
    doc = pages["dokumen.md"].markdown
    assert (
        '<a href="../unggahan/keputusan-478-2024.pdf" download>Unduh pindaian Keputusan Nomor 478 Tahun 2024 (PDF)</a>'
    ) in doc
    assert 'href="../unggahan/keputusan-478-2024.pdf" download' in pages["2024/index.md"].markdown


def test_pages_and_urls_without_mkdocs():
    pages = build_pages(load_site(DATA["wonosobo"]))
    assert [p.url for p in pages][:3] == ["", "2026/", "2026/manajemen-perubahan/"]
    assert [p.url for p in pages][-2:] == ["dokumen/", "tautkan/"]


def _dokumen(site, unduhan=None) -> str:
    return documents.build(site, environment(), unduhan).markdown


def test_generated_pdf_is_listed_with_its_size():
    site = load_site(DATA["gunungkidul"])
    doc = _dokumen(site, unduhan={pdf_keputusan(2024): 240 * 1024})
    assert '<a href="../2024/keputusan-2024.pdf" download>' in doc
    assert "Unduh Keputusan Nomor 478 Tahun 2024 (PDF, 240 KB)</a>, disusun dari data situs ini." in doc
    assert "keputusan-2024.pdf" not in _dokumen(site)  # not made: not offered


def test_a_pdf_that_misses_something_says_so_and_offers_html_and_another_format():
    site = load_site(DATA["gunungkidul"], content_dir=REPO / "content")
    lokasi = "unggahan/contoh/notulen-monev-zi-triwulan-iii-2024.pdf"
    scan = dataclasses.replace(site.unggahan[lokasi], teks=False, bahasa=None)
    broken = dataclasses.replace(site, unggahan={**site.unggahan, lokasi: scan})
    doc = _dokumen(broken)
    [row] = [r for r in doc.split("<tr>") if lokasi in r]
    assert "hasil pindaian tanpa lapisan teks" in row and "bahasa berkas ini tidak disebutkan" in row
    assert 'Isinya dalam HTML: <a href="../2024/manajemen-perubahan/#r-i-3-1-1">' in row
    subject = quote("Permintaan format lain: Notulen monev ZI triwulan III (berkas contoh)")
    assert f'<a href="mailto:kpugk@gmail.com?subject={subject}">Minta format lain</a>' in row
    assert "Minta format lain" not in _dokumen(site)  # the examples are clean
    # No e-mail address in satker.yaml: the channel page instead.
    kontak = broken.satker.kontak.model_copy(update={"surel": None})
    tanpa_surel = dataclasses.replace(broken, satker=broken.satker.model_copy(update={"kontak": kontak}))
    [row] = [r for r in _dokumen(tanpa_surel).split("<tr>") if lokasi in r]
    assert '<a href="../kanal-pengaduan/">Minta format lain</a>' in row


def test_shorten_cuts_at_a_word():
    assert singkat("satu dua tiga", 9) == "satu dua…"
    assert singkat("pendek", 9) == "pendek"


def test_the_plan_and_area_pages_that_offer_such_a_file_say_so():
    site = load_site(DATA["gunungkidul"], content_dir=REPO / "content")
    bukti = "unggahan/contoh/notulen-monev-zi-triwulan-iii-2024.pdf"
    scan = "unggahan/keputusan-478-2024.pdf"
    unggahan = {
        **site.unggahan,
        bukti: dataclasses.replace(site.unggahan[bukti], teks=False),
        scan: Unggahan(scan, 300_000, "PDF", teks=True, judul=None, bahasa="id"),
    }
    pages = {p.path: p.markdown for p in build_pages(_with_scan(dataclasses.replace(site, unggahan=unggahan), scan))}
    [plan_scan] = [line for line in pages["2024/index.md"].splitlines() if f'href="../{scan}"' in line]
    assert "berkas ini tidak berjudul" in plan_scan and 'Isinya dalam HTML: <a href="#keputusan">' in plan_scan
    subject = quote("Permintaan format lain: Keputusan Nomor 478 Tahun 2024")
    assert f'<a href="mailto:kpugk@gmail.com?subject={subject}">Minta format lain</a>' in plan_scan
    [area_row] = [r for r in pages["2024/manajemen-perubahan.md"].split("<tr") if f'href="../../{bukti}"' in r]
    assert "hasil pindaian tanpa lapisan teks" in area_row and "Minta format lain</a>" in area_row
    [doc_scan] = [r for r in pages["dokumen.md"].split("<tr>") if f'href="../{scan}"' in r]
    assert "(PDF, 293 KB)" in doc_scan and "berkas ini tidak berjudul" in doc_scan
    assert "Perhatian:" not in pages["2024/penguatan-pengawasan.md"]  # files with nothing missing: no mark

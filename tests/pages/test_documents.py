"""Pages are plain strings built without MkDocs; the signed scan is offered when given."""

from __future__ import annotations

import dataclasses

from generator.load import load_site
from generator.pages import build_pages
from tests.conftest import DATA


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

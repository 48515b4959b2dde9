"""Uploaded files are checked at load (issue 13, item 2): size, and for a PDF its text layer, title
and language. What a PDF lacks is a warning with the file's name and a Perbaikan line, never an error."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.load import load_site
from generator.load.unggahan import fakta
from tests.conftest import REPO
from tests.load.breaking import replace
from tests.load.pdf_uji import buat_pdf, buat_rusak

NOTULEN = "unggahan/contoh/notulen-monev-zi-triwulan-iii-2024.pdf"
SK = "unggahan/contoh/sk-tim-kerja-zi-2024.pdf"


@pytest.mark.parametrize(
    ("kwargs", "masalah"),
    [
        ({}, ()),
        ({"teks": False}, ("teks",)),
        ({"judul": None, "bahasa": None}, ("judul", "bahasa")),
        ({"judul": None, "xmp_judul": "Notulen rapat"}, ()),  # an XMP dc:title is a title too
        ({"dalam_form": True}, ()),  # text drawn by a form XObject is a text layer
        ({"teks": False, "judul": None, "bahasa": None}, ("teks", "judul", "bahasa")),
    ],
)
def test_pdf_facts(tmp_path, kwargs, masalah):
    file = buat_pdf(tmp_path / "a.pdf", **kwargs)
    u = fakta(file, "unggahan/a.pdf")
    assert u.masalah == masalah
    assert (u.ukuran, u.jenis, u.lokasi) == (file.stat().st_size, "PDF", "unggahan/a.pdf")


def test_damaged_pdf_and_other_files(tmp_path):
    assert fakta(buat_rusak(tmp_path / "r.pdf"), "r.pdf").masalah == ("rusak",)
    (tmp_path / "foto.JPG").write_bytes(b"\xff\xd8" + b"0" * 98)
    assert fakta(tmp_path / "foto.JPG", "foto.JPG").masalah == ()
    assert (fakta(tmp_path / "foto.JPG", "foto.JPG").jenis, fakta(tmp_path / "foto.JPG", "foto.JPG").ukuran) == (
        "JPG",
        100,
    )


@pytest.fixture
def content(tmp_path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(REPO / "content", target)
    return target


def test_each_kind_is_a_warning_with_file_and_fix(plans, content):
    """Linked evidence and an unlinked PDF: one warning per missing thing; the site still loads."""
    buat_pdf(content / "unggahan" / "pindaian.pdf", teks=False)
    buat_pdf(content / "unggahan" / "tanpa-judul.pdf", judul=None, bahasa=None)
    buat_rusak(content / "unggahan" / "rusak.pdf")
    buat_pdf(content / "arsip" / "lepas.pdf", bahasa=None)  # in content/, linked from nowhere
    realisasi = plans / "2024" / "realisasi.yaml"
    replace(realisasi, NOTULEN, "unggahan/pindaian.pdf")
    replace(realisasi, SK, "unggahan/tanpa-judul.pdf")
    replace(realisasi, "unggahan/contoh/pakta-integritas-2024.pdf", "./unggahan/rusak.pdf")
    site = load_site(plans, content_dir=content)  # no DataError: warnings only
    found = {p.file.relative_to(content).as_posix(): [] for p in site.peringatan}
    for p in site.peringatan:
        found[p.file.relative_to(content).as_posix()].append(p.format(content.parent, peringatan=True))
    assert sorted(found) == [
        "arsip/lepas.pdf",
        "unggahan/pindaian.pdf",
        "unggahan/rusak.pdf",
        "unggahan/tanpa-judul.pdf",
    ]
    [scan] = found["unggahan/pindaian.pdf"]
    assert scan.startswith("Peringatan: content/unggahan/pindaian.pdf:1:1: berkas PDF tidak memiliki lapisan teks")
    assert "Perbaikan: jalankan OCR" in scan and "ocrmypdf" in scan
    judul, bahasa = found["unggahan/tanpa-judul.pdf"]
    assert "tidak memiliki judul dokumen" in judul and "Perbaikan: isi judul sebelum mengekspor" in judul
    assert "tidak menyebut bahasanya" in bahasa and "Perbaikan: atur bahasa dokumen ke Bahasa Indonesia" in bahasa
    [rusak] = found["unggahan/rusak.pdf"]
    assert "rusak atau tidak dapat dibuka" in rusak and "Perbaikan: buka berkas aslinya" in rusak
    [lepas] = found["arsip/lepas.pdf"]
    assert "tidak menyebut bahasanya" in lepas
    # The facts are on the Site, keyed by site path (as the data writes it, './' dropped).
    assert site.unggahan["unggahan/pindaian.pdf"].masalah == ("teks",)
    assert site.unggahan["unggahan/rusak.pdf"].masalah == ("rusak",)
    assert site.unggahan["unggahan/contoh/daftar-hadir-sosialisasi-2024.pdf"].masalah == ()


def test_example_uploads_are_clean():
    """The example sites' uploads have text, a title and a language: their builds stay warning-free."""
    for root in (REPO / "plans", REPO / "tests" / "fixtures" / "wonosobo"):
        site = load_site(root, content_dir=REPO / "content")
        linked = {
            b.tautan for t in site.tahunan.values() if t.capaian for r in t.capaian.baris.values() for b in r.bukti
        }
        assert {x for x in linked if not x.startswith("https://")} <= set(site.unggahan)
        assert [u.lokasi for u in site.unggahan.values() if u.masalah] == []
        assert [p for p in site.peringatan if p.file.suffix == ".pdf"] == []

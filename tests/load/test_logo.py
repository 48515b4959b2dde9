"""satker.yaml ``logo``: a picture in content/, checked for existence and type, with a fix."""

from __future__ import annotations

import shutil

import pytest

from generator.load import load_site
from tests.conftest import REPO
from tests.load.breaking import problems, replace

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>'


def _with_logo(plans, value: str) -> int:
    return replace(plans / "satker.yaml", "induk:", f'logo: "{value}"\ninduk:')


@pytest.fixture
def content(tmp_path):
    folder = tmp_path / "content"
    folder.mkdir()
    shutil.copytree(REPO / "content" / "unggahan", folder / "unggahan")  # the example evidence files
    return folder


def test_missing_logo_file_is_reported_with_line_and_fix(plans, content):
    line = _with_logo(plans, "unggahan/logo.png")
    [msg] = problems(plans, content)
    assert msg.startswith(f"satker.yaml:{line}:")
    assert "berkas 'unggahan/logo.png' tidak ada di folder content/" in msg
    assert "Perbaikan:" in msg and "content/unggahan/logo.png" in msg


def test_logo_of_the_wrong_kind_is_refused(plans, content):
    (content / "unggahan" / "logo.pdf").write_bytes(b"%PDF-1.4\n")
    line = _with_logo(plans, "unggahan/logo.pdf")
    [msg] = problems(plans, content)
    assert msg.startswith(f"satker.yaml:{line}:")
    assert "bukan berkas gambar yang dapat dipakai sebagai logo (SVG, PNG, JPEG atau WebP)" in msg
    assert "hapus baris 'logo'" in msg


def test_logo_whose_content_does_not_match_its_name_is_refused(plans, content):
    (content / "unggahan" / "logo.png").write_bytes(b"GIF89a not a png")
    line = _with_logo(plans, "unggahan/logo.png")
    [msg] = problems(plans, content)
    assert msg.startswith(f"satker.yaml:{line}:")
    assert "isi berkas content/unggahan/logo.png bukan gambar PNG" in msg


def test_logo_outside_content_is_refused(plans, content):
    _with_logo(plans, "../rahasia.svg")
    [msg] = problems(plans, content)
    assert "harus di dalam folder content/" in msg


@pytest.mark.parametrize(("name", "data"), [("logo.png", PNG), ("logo.svg", SVG)])
def test_a_real_picture_is_accepted(plans, content, name, data):
    (content / "unggahan" / name).write_bytes(data)
    _with_logo(plans, f"unggahan/{name}")
    assert load_site(plans, content_dir=content).satker.logo == f"unggahan/{name}"

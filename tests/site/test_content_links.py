"""A staff page in content/ that links to a page or file that does not exist: an
Indonesian message with the file, the line and column of the link, and the fix,
instead of MkDocs' English strict-mode warning without a line."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.pages.content_links import broken_links
from tests.conftest import REPO, zi

KNOWN = {"tentang.md", "kanal-pengaduan.md", "2024/index.md", "2024/pengaduan.md", "unggahan/sk.pdf", "sub/a.md"}


def _found(markdown: str, src: str = "tentang.md") -> list[tuple[int | None, int | None, str, str | None]]:
    return [(p.line, p.column, p.message, p.fix) for p in broken_links(Path("content") / src, src, markdown, KNOWN)]


def test_existing_targets_anchors_web_and_folders_pass():
    page = (
        "[a](kanal-pengaduan.md) [b](kanal-pengaduan.md#kanal) [c](2024/pengaduan.md) [d](unggahan/sk.pdf)\n"
        '[e](https://kpu.go.id/x.md) [f](mailto:a@b.id) [g](#bagian) [h](arsip/) ![i](unggahan/sk.pdf "judul")\n'
        "[j](<kanal-pengaduan.md>) [k](unggahan/sk%2Epdf)\n"
    )
    assert _found(page) == []


def test_broken_link_has_line_column_and_a_fix():
    page = "# Judul\n\nTeks dan [halaman lama](halaman-lama.md) lagi.\n"
    [(line, column, message, fix)] = _found(page)
    assert (line, column) == (3, 25)
    assert message == "tautan 'halaman-lama.md' tidak menuju halaman atau berkas mana pun di situs"
    assert fix.startswith("buat halamannya di content/halaman-lama.md, atau perbaiki alamatnya")


def test_misspelt_link_suggests_the_page_meant():
    [(_, _, _, fix)] = _found("[x](kanal-pengadun.md)\n")
    assert fix == "maksud Anda 'kanal-pengaduan.md'? (content/kanal-pengaduan.md)"
    [(_, _, _, fix)] = _found("[x](../kanal-pengadun.md)\n", src="sub/b.md")
    assert fix == "maksud Anda '../kanal-pengaduan.md'? (content/kanal-pengaduan.md)"


def test_missing_upload_and_image():
    found = _found("![logo](gambar/logo.png)\n[sk](unggahan/sk-2025.pdf)\n")
    assert [(f[0], f[1]) for f in found] == [(1, 9), (2, 6)]
    assert found[0][3].startswith("unggah berkasnya ke content/gambar/logo.png")


def test_code_is_not_a_link_and_used_references_are():
    page = (
        "```\n[x](tidak-ada.md)\n```\n`[y](tidak-ada.md)` teks\n"
        "Lihat [kanal][k] dan [z].\n\n[k]: hilang.md\n[z]: kanal-pengaduan.md\n[tak-dipakai]: juga-hilang.md\n"
    )
    assert [(f[0], f[1]) for f in _found(page)] == [(7, 6)]


def test_build_reports_the_broken_link_in_indonesian(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    for name in ("content", "theme", "plans"):
        shutil.copytree(REPO / name, repo / name)
    shutil.copy(REPO / "mkdocs.yml", repo / "mkdocs.yml")
    page = repo / "content" / "tentang-zona-integritas.md"
    text = page.read_text(encoding="utf-8")
    line = text.count("\n") + 2
    page.write_text(text + "\nBaca juga [laporan](laporan-tahunan.md).\n", encoding="utf-8")
    result = zi("build", "--site-dir", str(tmp_path / "situs"), cwd=repo)
    assert result.returncode == 1
    assert (
        f"content/tentang-zona-integritas.md:{line}:21: tautan 'laporan-tahunan.md' tidak menuju halaman atau "
        "berkas mana pun di situs"
    ) in result.stderr, result.stderr
    assert "Perbaikan: buat halamannya di content/laporan-tahunan.md" in result.stderr
    assert "Doc file" not in result.stderr and "not found among documentation files" not in result.stderr
    assert not (tmp_path / "situs").exists()

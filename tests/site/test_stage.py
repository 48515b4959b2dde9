"""The content stage writes a complete docs tree: every page, no zi plugin, same bytes twice,
and plain MkDocs builds that tree into exactly the site `zi build` publishes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator import rampung
from generator.stage import prepare, write_tree
from generator.stage.tree import read_epoch
from tests.conftest import DATA, REPO, zi

SITES = ["gunungkidul", "wonosobo"]


def tree_bytes(tree: Path) -> dict[str, bytes]:
    return {p.relative_to(tree).as_posix(): p.read_bytes() for p in sorted(tree.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def staged(tmp_path_factory) -> dict[str, tuple]:
    """Each site prepared and written twice, into two fresh folders."""
    out = tmp_path_factory.mktemp("pohon")
    trees = {}
    for name in SITES:
        prepared = prepare(REPO / "mkdocs.yml", DATA[name])
        first = write_tree(prepared, out / name / "a").parent
        second = write_tree(prepare(REPO / "mkdocs.yml", DATA[name]), out / name / "b").parent
        trees[name] = (prepared, first, second)
    return trees


@pytest.mark.parametrize("name", SITES)
def test_every_page_is_written(name, staged):
    prepared, tree, _ = staged[name]
    docs = tree / "docs"
    assert len(prepared.pages) >= 10
    for page in prepared.pages:
        assert (docs / page.path).read_text(encoding="utf-8") == page.markdown, page.path
    # Hand-written pages: placeholders filled from the data, the unit's channels on the page.
    kanal = (docs / "kanal-pengaduan.md").read_text(encoding="utf-8")
    assert "<!-- zi:" not in kanal and prepared.site.satker.singkatan in kanal
    assert "<!-- zi:" in (REPO / "content" / "kanal-pengaduan.md").read_text(encoding="utf-8")
    for src in (REPO / "content").rglob("*"):
        if src.is_file():
            assert (docs / src.relative_to(REPO / "content")).is_file(), src
    assert (tree / "theme" / "main.html").is_file() and (tree / "theme" / "assets" / "zi" / "zi.css").is_file()
    assert not (tree / "theme" / "zi").exists()  # the stage's own templates are not published


@pytest.mark.parametrize("name", SITES)
def test_generated_config_is_complete_without_the_zi_plugin(name, staged):
    prepared, tree, _ = staged[name]
    config = yaml.safe_load((tree / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["plugins"] == [{"search": {"enabled": False}}]  # search is Pagefind's (generator/rampung/cari.py)
    assert config["site_name"] == f"Zona Integritas {prepared.site.satker.singkatan}"
    assert prepared.site.satker.nama in config["copyright"] and prepared.site.satker.nama in config["site_description"]
    assert config["docs_dir"] == "docs" and config["theme"]["custom_dir"] == "theme"
    assert config["theme"]["name"] == "material" and config["markdown_extensions"][0] == "attr_list"

    def paths(items):
        for item in items:
            if isinstance(item, str):
                yield item
            else:
                for value in item.values():
                    yield from ([value] if isinstance(value, str) else paths(value))

    in_nav = sorted(paths(config["nav"]))
    written = sorted(p.relative_to(tree / "docs").as_posix() for p in (tree / "docs").rglob("*.md"))
    # Every page is in the nav but the staff guide, which the footer links (theme/partials/copyright.html).
    assert in_nav == [p for p in written if p != "cara-memperbarui-data.md"]
    assert config["extra"]["zi_nama_singkat"] == prepared.site.satker.nama_situs_singkat
    assert read_epoch(tree) == prepared.source_date_epoch is not None


@pytest.mark.parametrize("name", SITES)
def test_the_tree_is_deterministic(name, staged):
    _, first, second = staged[name]
    assert tree_bytes(first) == tree_bytes(second)


@pytest.mark.parametrize("name", SITES)
def test_plain_mkdocs_build_of_the_tree_equals_zi_build(name, staged, built_sites, tmp_path):
    _, tree, _ = staged[name]
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "SOURCE_DATE_EPOCH": (tree / "SOURCE_DATE_EPOCH").read_text().strip(),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
    }
    out = tmp_path / "situs"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(tree / "mkdocs.yml"), "-d", str(out)],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    rampung.selesaikan(out)  # the finishing steps zi build runs after either engine (search index, ...)
    published = tree_bytes(built_sites[name])
    assert published.pop(".laman-zi-situs")  # the marker `zi build` leaves for its next build
    assert tree_bytes(out) == published


def test_unknown_engine_is_an_indonesian_usage_error(tmp_path):
    result = zi("build", "--mesin", "hugo", "--site-dir", str(tmp_path / "situs"))
    assert result.returncode == 2
    assert "nilai untuk --mesin tidak sah: 'hugo' bukan pilihan yang dikenal" in result.stderr
    assert "pilih salah satu: material, zensical" in result.stderr
    assert not (tmp_path / "situs").exists()


def test_a_failed_stage_leaves_nothing(tmp_path):
    repo = tmp_path / "repo"
    shutil.copytree(REPO / "content", repo / "content")
    shutil.copytree(REPO / "theme", repo / "theme")
    (repo / "mkdocs.yml").write_bytes((REPO / "mkdocs.yml").read_bytes())
    (repo / "content" / "tentang-zona-integritas.md").write_text(
        "# Tentang\n\n<!-- zi:tidak-ada -->\n", encoding="utf-8"
    )
    result = zi(
        "build",
        "-f",
        str(repo / "mkdocs.yml"),
        "--plans",
        str(DATA["wonosobo"]),
        "--site-dir",
        str(tmp_path / "situs"),
        cwd=tmp_path,
    )
    assert result.returncode == 1, result.stderr
    assert "penanda '<!-- zi:tidak-ada -->' tidak dikenal" in result.stderr
    assert "Pembangunan gagal; situs yang sudah ada tidak diubah." in result.stderr
    assert not (tmp_path / "situs").exists() and not list(tmp_path.glob(".zi-build-*"))

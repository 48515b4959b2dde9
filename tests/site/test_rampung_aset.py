"""Finishing steps of issue 15 (generator/rampung): one hashed, minified stylesheet and script per page,
Material's sitemap probe gone, and .gz/.br copies that decompress to the files next to them."""

from __future__ import annotations

import gzip
import hashlib
import posixpath
import re
from pathlib import Path

import brotli
import pytest

from generator.rampung import aset, padat

SITES = ["gunungkidul", "wonosobo"]
THEME_CSS = Path(__file__).resolve().parents[2] / "theme" / "assets" / "zi"
_LOCAL = re.compile(r'<link rel="stylesheet" href="([^"]+)">|<script src="([^"]+)"></script>')
_OURS = ("zi.css", "grafik.css", "beranda.css", "aksesibilitas.css", "tabel.css", "penanda.css")


def _refs(site: Path) -> dict[str, list[str]]:
    """Every page's local stylesheet and script files, as site paths, in page order."""
    out = {}
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site).as_posix()
        files = []
        for css, js in _LOCAL.findall(page.read_text(encoding="utf-8")):
            href = css or js
            if href.startswith("/"):
                files.append(href.lstrip("/"))
            else:
                files.append(posixpath.normpath(posixpath.join(posixpath.dirname(rel), href)))
        out[rel] = files
    return out


@pytest.fixture(params=["material", "zensical"])
def sites(request, built_sites, zensical_sites):
    return built_sites if request.param == "material" else zensical_sites


@pytest.mark.parametrize("name", SITES)
def test_every_page_loads_one_hashed_stylesheet_and_one_script(name, sites):
    site = sites[name]
    refs = _refs(site)
    pages = [p for p, files in refs.items() if files]
    assert "index.html" in pages and "404.html" in pages and len(pages) > 10
    for page in pages:
        files = refs[page]
        css = [f for f in files if f.endswith(".css")]
        js = [f for f in files if f.endswith(".js")]
        assert len(css) == 1 and len(js) == 1, (page, files)  # was 8 stylesheets and 3 scripts
        for f in css + js:
            m = re.fullmatch(r"assets/zi/zi\.([0-9a-f]{8})\.(css|js)", f)
            assert m, (page, f)
            body = (site / f).read_bytes()
            assert hashlib.sha256(body).hexdigest()[:8] == m.group(1), f  # the name is the content's hash
    assert len({tuple(refs[p]) for p in pages}) == 1  # the same two files for every page: cached once


@pytest.mark.parametrize("name", SITES)
def test_the_parts_are_gone_and_nothing_names_them(name, sites):
    site = sites[name]
    zi_files = sorted(p.name for p in (site / "assets" / "zi").iterdir() if p.suffix in (".css", ".js"))
    assert all(re.fullmatch(r"zi\.[0-9a-f]{8}\.(css|js)", n) for n in zi_files), zi_files
    assert not list((site / "assets" / "javascripts").glob("bundle.*.js"))  # the theme's, now inside ours
    styles = site / "assets" / "stylesheets"  # Material's, or Zensical's "modern" (its unused "classic" stays)
    assert not list(styles.glob("*.min.css")) and not list(styles.glob("modern/*.min.css"))
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for name_ in (*_OURS, "aksesibilitas.js", "naskah.js"):
            assert f"/{name_}" not in text and f'"{name_}' not in text, (page, name_)


@pytest.mark.parametrize("name", SITES)
def test_combined_files_are_minified_in_page_order(name, built_sites):
    site = built_sites[name]
    css = next((site / "assets" / "zi").glob("zi.*.css")).read_text(encoding="utf-8")
    js = next((site / "assets" / "zi").glob("zi.*.js")).read_text(encoding="utf-8")
    assert css.startswith('@charset "UTF-8";')  # Material's main first, then palette, then extra_css
    assert css.index(".md-typeset") < css.index(".zi-")
    comments = [
        c for f in THEME_CSS.glob("*.css") for c in re.findall(r"/\*.*?\*/", f.read_text(encoding="utf-8"), re.S)
    ]
    assert len(comments) > 10 and not [c for c in comments if c in css]  # minified: our comments dropped
    assert "sourceMappingURL" not in css and "sourceMappingURL" not in js
    assert 'url("fonts/opendyslexic-latin-400-normal.woff2")' in css  # still next to the font folder
    assert (site / "assets" / "zi" / "fonts" / "opendyslexic-latin-400-normal.woff2").is_file()
    # aksesibilitas.js after Material's bundle, naskah.js last; comments dropped.
    assert js.index("window.component$") < js.index("zi-aksesibilitas") < js.index("dibuka=")
    assert "Laman ZI" not in js


@pytest.mark.parametrize("name", SITES)
def test_material_no_longer_probes_sitemap_for_feed_links(name, sites):
    """Material fetched sitemap.xml once per <link rel=alternate> (our feeds, oEmbed): only language links now."""
    js = next((sites[name] / "assets" / "zi").glob("zi.*.js")).read_text(encoding="utf-8")
    assert '"link[rel=alternate]"' not in js
    assert js.count('"link[rel=alternate][hreflang]"') == 1


@pytest.mark.parametrize("name", SITES)
def test_precompressed_copies_match_their_files(name, built_sites):
    site = built_sites[name]
    seen = {".html": 0, ".css": 0, ".js": 0, ".json": 0}
    for path in sorted(site.rglob("*")):
        if not path.is_file() or path.suffix in (".gz", ".br") or path.name == "sitemap.xml":
            continue  # sitemap.xml.gz is MkDocs' own, dated by the data (test_determinism.py)
        gz, br = path.with_name(path.name + ".gz"), path.with_name(path.name + ".br")
        data = path.read_bytes()
        if path.suffix.lower() not in padat.TEXT_SUFFIXES:
            assert not br.exists() and not gz.exists(), path
            continue
        if len(data) < padat.MIN_SIZE:
            assert not gz.exists() and not br.exists(), path
            continue
        assert gz.is_file() and br.is_file(), path
        packed = gz.read_bytes()
        assert gzip.decompress(packed) == data, gz
        assert packed[3] == 0 and packed[4:8] == b"\0\0\0\0", gz  # no file name, mtime 0 (RFC 1952 2.3)
        assert brotli.decompress(br.read_bytes()) == data, br
        assert len(br.read_bytes()) < len(data) and len(packed) < len(data), path
        if path.suffix in seen:
            seen[path.suffix] += 1
    assert all(seen.values()), seen
    assert not list(site.rglob("*.png.gz")) and not list(site.rglob("*.pdf.gz")) and not list(site.rglob("*.gz.gz"))


# Synthetic sites: the rules of the run, independent of what the theme writes today.


def _site(tmp_path: Path, head: str) -> Path:
    (tmp_path / "assets" / "zi" / "fonts").mkdir(parents=True)
    (tmp_path / "theme").mkdir()
    (tmp_path / "assets" / "zi" / "a.css").write_text("/* a */\nbody {\n  color: red;\n}\n", encoding="utf-8")
    (tmp_path / "assets" / "zi" / "b.css").write_text(".b { background: url(fonts/x.woff2) }\n", encoding="utf-8")
    (tmp_path / "theme" / "t.css").write_text(".t { background: url('../img/t.png') }\n", encoding="utf-8")
    (tmp_path / "assets" / "x.0123abcd.min.css").write_text(".x{}\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "index.html").write_text(f"<head>\n{head}\n</head>\n", encoding="utf-8")
    return tmp_path


def test_a_missing_or_external_stylesheet_splits_the_run_and_keeps_its_place(tmp_path):
    site = _site(
        tmp_path,
        '<link rel="stylesheet" href="../assets/zi/a.css">\n  <link rel="stylesheet" href="../pagefind/ui.css">\n'
        '  <link rel="stylesheet" href="../assets/zi/b.css"> <link rel="stylesheet" href="https://cdn.example/c.css">',
    )
    aset.gabungkan(site)
    html = (site / "sub" / "index.html").read_text(encoding="utf-8")
    hrefs = re.findall(r'href="([^"]+)"', html)
    assert hrefs[1:] == ["../pagefind/ui.css", hrefs[2], "https://cdn.example/c.css"]
    assert re.fullmatch(r"\.\./assets/zi/zi\.[0-9a-f]{8}\.css", hrefs[0]) and hrefs[0] != hrefs[2]
    assert (site / hrefs[0][3:]).read_text(encoding="utf-8") == "body{color:red}\n"
    assert (site / hrefs[2][3:]).read_text(encoding="utf-8") == ".b{background:url(fonts/x.woff2)}\n"
    assert not (site / "assets" / "zi" / "a.css").exists() and not (site / "assets" / "zi" / "b.css").exists()


def test_urls_follow_the_part_and_a_lone_hashed_file_stays(tmp_path):
    site = _site(
        tmp_path,
        '<link rel="stylesheet" href="../theme/t.css"><link rel="stylesheet" href="../assets/zi/a.css">\n'
        '<script src="../assets/x.js"></script>\n<link rel="stylesheet" href="../assets/x.0123abcd.min.css">',
    )
    aset.gabungkan(site)
    html = (site / "sub" / "index.html").read_text(encoding="utf-8")
    css = re.findall(r'href="\.\./(assets/zi/zi\.[0-9a-f]{8}\.css)"', html)
    assert len(css) == 1
    assert (site / css[0]).read_text(encoding="utf-8") == ".t{background:url('../../img/t.png')}\nbody{color:red}\n"
    assert '<script src="../assets/x.js"></script>' in html  # names no file: left alone
    assert 'href="../assets/x.0123abcd.min.css"' in html and (site / "assets" / "x.0123abcd.min.css").is_file()
    assert not (site / "theme").exists()  # emptied, so removed


def test_the_css_minifier_keeps_every_combinator_and_string():
    # rcssmin 1.3.0 turned the first into "a:is(b)" inside @container (pages then scrolled sideways at 200 %).
    assert aset.minify_css("@container x (max-width: 36em) {\n  a :is(b, c) { color : red; }\n}") == (
        "@container x (max-width:36em){a :is(b,c){color :red}}"
    )
    assert aset.minify_css("/* x */ a > b ~ c + d { margin: 0  auto; width: calc(1px + 2%) }") == (
        "a > b ~ c + d{margin:0 auto;width:calc(1px + 2%)}"
    )
    assert aset.minify_css('p::after { content: "a  /* b */ ; }" ; } .\\31 0 { x: y }') == (
        'p::after{content:"a  /* b */ ; }"}.\\31 0{x:y}'
    )


def test_a_part_still_named_elsewhere_is_kept(tmp_path):
    site = _site(tmp_path, '<link rel="stylesheet" href="../assets/zi/a.css">')
    (site / "embed.html").write_text('<link rel="preload" href="assets/zi/a.css">', encoding="utf-8")
    aset.gabungkan(site)
    assert (site / "assets" / "zi" / "a.css").is_file()


def test_compression_skips_small_and_binary_files_and_keeps_the_engines_copy(tmp_path):
    (tmp_path / "big.html").write_text("<p>isi</p>\n" * 200, encoding="utf-8")
    (tmp_path / "small.css").write_text("a{}", encoding="utf-8")
    (tmp_path / "chart.png").write_bytes(b"\x89PNG" + b"\0" * 2000)
    (tmp_path / "peta.xml").write_text("<urlset>\n" * 100, encoding="utf-8")
    (tmp_path / "peta.xml.gz").write_bytes(gzip.compress(b"<urlset>\n" * 100, mtime=1700000000))  # MkDocs' own
    padat.padatkan(tmp_path)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [
        "big.html",
        "big.html.br",
        "big.html.gz",
        "chart.png",
        "peta.xml",
        "peta.xml.br",
        "peta.xml.gz",
        "small.css",
    ]
    assert names.count("small.css.gz") == 0
    assert (tmp_path / "peta.xml.gz").read_bytes()[4:8] != b"\0\0\0\0"  # its date kept
    first = (tmp_path / "big.html.gz").read_bytes(), (tmp_path / "big.html.br").read_bytes()
    padat.padatkan(tmp_path)
    assert ((tmp_path / "big.html.gz").read_bytes(), (tmp_path / "big.html.br").read_bytes()) == first

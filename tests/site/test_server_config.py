"""The README's recommended server configuration, run for real over a built site (issue 15).

The nginx ``server`` block and the Apache ``.htaccess`` lines are read from README.md (its first ``nginx``
and ``apache`` code blocks), so the documentation and this test cannot drift apart. Debian's nginx
(``make deploy-tools`` installs it with the brotli_static module) and Apache 2.4 serve the site on
127.0.0.1; each test checks that a page and a stylesheet come precompressed (``Content-Encoding``), that
the bytes decompress to the file, ``Vary``, the long cache for content-hashed names and the short one
for pages, the 404 page, and plain answers for a client that accepts no compression.
"""

from __future__ import annotations

import gzip
import http.client
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import brotli
import pytest

README = Path(__file__).resolve().parents[2] / "README.md"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
APACHE = shutil.which("apache2") or "/usr/sbin/apache2"
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
APACHE_MODULES = Path("/usr/lib/apache2/modules")
LONG = "public, max-age=31536000, immutable"
SHORT = "public, max-age=300"


def readme_block(lang: str) -> str:
    blocks = re.findall(rf"^```{lang}\n(.*?)^```", README.read_text(encoding="utf-8"), re.S | re.M)
    assert blocks, f"README.md has no ```{lang} block"
    return blocks[0]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(port: int, proc: subprocess.Popen, log: Path) -> None:
    for _ in range(100):
        if proc.poll() is not None:
            pytest.fail(f"server stopped: {log.read_text(errors='replace') if log.exists() else ''}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    pytest.fail("server did not start")


@pytest.fixture(scope="module")
def site_copy(built_sites) -> Iterator[Path]:
    """The Gunungkidul site in a world-readable folder (a server's workers may run as another user)."""
    with tempfile.TemporaryDirectory(prefix="zi-server-", dir="/tmp") as tmp:
        os.chmod(tmp, 0o755)
        site = Path(tmp) / "situs"
        shutil.copytree(built_sites["gunungkidul"], site)
        for p in [site, *site.rglob("*")]:
            os.chmod(p, 0o755 if p.is_dir() else 0o644)
        yield site


@pytest.fixture(scope="module")
def nginx(site_copy, tmp_path_factory) -> Iterator[tuple[int, bool]]:
    if not os.path.exists(NGINX):
        _lewati("nginx belum terpasang (make deploy-tools)")
    work = tmp_path_factory.mktemp("nginx")
    port = _free_port()
    server = readme_block("nginx")
    has_brotli = BROTLI_MODULE.is_file()
    if not has_brotli:  # as the README says: without the module, drop the line
        server = re.sub(r"^\s*brotli_static .*\n", "", server, flags=re.M)
    server = re.sub(r"listen 80;", f"listen 127.0.0.1:{port};", server)
    server = re.sub(r"root [^;]+;", f"root {site_copy};", server)
    temps = "".join(f"  {k}_temp_path {work / k};\n" for k in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    conf = work / "nginx.conf"
    conf.write_text(
        ("user root;\n" if os.geteuid() == 0 else "")
        + (f"load_module {BROTLI_MODULE};\n" if has_brotli else "")
        + f"daemon off;\nworker_processes 1;\npid {work / 'nginx.pid'};\nerror_log {work / 'error.log'};\n"
        + "events { worker_connections 64; }\n"
        + f"http {{\n  include /etc/nginx/mime.types;\n  default_type application/octet-stream;\n  access_log off;\n{temps}"
        + server
        + "}\n",
        encoding="utf-8",
    )
    proc = subprocess.Popen([NGINX, "-p", str(work), "-c", str(conf), "-e", str(work / "error.log")])
    try:
        _wait(port, proc, work / "error.log")
        yield port, has_brotli
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _lewati(reason: str) -> None:
    """Skipped on a developer's machine without the server; never on CI, where make test installs it."""
    if os.environ.get("CI"):
        pytest.fail(reason + "; di CI uji ini tidak boleh dilewati")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def apache(site_copy, tmp_path_factory) -> Iterator[tuple[int, bool]]:
    if not os.path.exists(APACHE) or not (APACHE_MODULES / "mod_rewrite.so").is_file():
        _lewati("apache2 belum terpasang (make deploy-tools)")
    work = tmp_path_factory.mktemp("apache")
    port = _free_port()
    modules = ["mpm_event", "authz_core", "dir", "mime", "rewrite", "headers", "filter", "deflate"]
    user = "User nobody\nGroup nogroup\n" if os.geteuid() == 0 else ""
    conf = work / "httpd.conf"
    conf.write_text(
        "".join(f"LoadModule {m}_module {APACHE_MODULES / f'mod_{m}.so'}\n" for m in modules)
        + f"ServerRoot {work}\nServerName 127.0.0.1\nListen 127.0.0.1:{port}\nPidFile {work / 'httpd.pid'}\n"
        + f"ErrorLog {work / 'error.log'}\nTypesConfig /etc/mime.types\n{user}"
        + f"Mutex file:{work}\nDocumentRoot {site_copy}\n"
        # the .htaccess lines, in the site folder's <Directory> (the same per-directory context)
        + f'<Directory "{site_copy}">\n  AllowOverride None\n  Require all granted\n'
        + readme_block("apache")
        + "</Directory>\n",
        encoding="utf-8",
    )
    proc = subprocess.Popen([APACHE, "-X", "-f", str(conf)], env={**os.environ, "APACHE_RUN_DIR": str(work)})
    try:
        _wait(port, proc, work / "error.log")
        yield port, True
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def get(port: int, path: str, encoding: str | None) -> http.client.HTTPResponse:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", path, headers={"Accept-Encoding": encoding} if encoding else {})
    resp = conn.getresponse()
    resp.body = resp.read()  # type: ignore[attr-defined]
    conn.close()
    return resp


def _check(server: tuple[int, bool], site: Path) -> None:
    port, has_brotli = server
    css = next((site / "assets" / "zi").glob("zi.*.css"))
    css_url = "/" + css.relative_to(site).as_posix()
    page = site / "index.html"

    for path, file, ctype, cache in (("/", page, "text/html", SHORT), (css_url, css, "text/css", LONG)):
        data = file.read_bytes()
        r = get(port, path, "gzip, deflate")
        assert r.status == 200, (path, r.status)
        assert r.getheader("Content-Encoding") == "gzip", path
        assert r.getheader("Content-Type", "").startswith(ctype), (path, r.getheader("Content-Type"))
        assert "Accept-Encoding" in (r.getheader("Vary") or ""), path
        assert r.getheader("Cache-Control") == cache, (path, r.getheader("Cache-Control"))
        assert gzip.decompress(r.body) == data, path  # type: ignore[attr-defined]
        assert r.body == (file.parent / (file.name + ".gz")).read_bytes(), path  # the precompressed copy itself
        if has_brotli:
            r = get(port, path, "gzip, deflate, br")
            assert r.getheader("Content-Encoding") == "br", path
            assert brotli.decompress(r.body) == data, path  # type: ignore[attr-defined]
        r = get(port, path, None)  # no compression accepted: the file as it is
        assert r.getheader("Content-Encoding") is None and r.body == data, path  # type: ignore[attr-defined]

    # A copy asked for by its own name (periksa-berkas.html, sha256sum) comes as it is, not decoded.
    r = get(port, "/index.html.gz", "gzip, deflate, br")
    assert r.status == 200 and r.getheader("Content-Encoding") is None, r.getheaders()
    assert r.body == (site / "index.html.gz").read_bytes()  # type: ignore[attr-defined]

    r = get(port, "/2024/", "gzip")
    assert r.status == 200 and gzip.decompress(r.body) == (site / "2024" / "index.html").read_bytes()  # type: ignore[attr-defined]
    r = get(port, "/halaman-yang-tidak-ada/", None)
    assert r.status == 404 and b"Halaman tidak ditemukan" in r.body  # type: ignore[attr-defined]


def test_nginx_serves_precompressed_files_with_the_readme_config(nginx, site_copy):
    _check(nginx, site_copy)


def test_apache_serves_precompressed_files_with_the_readme_htaccess(apache, site_copy):
    _check(apache, site_copy)

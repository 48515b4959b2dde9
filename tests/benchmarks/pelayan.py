"""The two HTTP servers the page benchmark serves a built site with, on 127.0.0.1 (threads of this process).

``polos`` (plain): Python's ``http.server`` as it is: no compression, no ``Cache-Control`` header (it does
send ``Last-Modified`` and answers ``If-Modified-Since`` with 304, as any static server does). HTTP/1.0,
one connection per request.

``disarankan`` (recommended), the behaviour the README's nginx/Apache configuration is to match:

- HTTP/1.1 with keep-alive.
- brotli: when the request's ``Accept-Encoding`` contains ``br`` and the precompressed ``<file>.br`` exists
  (generator/rampung/padat.py; nginx ``brotli_static on``), it is sent with ``Content-Encoding: br``.
- gzip: otherwise, when the request's ``Accept-Encoding`` contains ``gzip`` and the file is text (``text/*``,
  JavaScript, JSON, source maps, SVG, XML, web manifest), the body is sent with ``Content-Encoding: gzip``:
  the precompressed ``<file>.gz`` next to it if there is one (nginx ``gzip_static on``), else compressed on
  the fly at level 6 (nginx ``gzip_comp_level 6``). ``Vary: Accept-Encoding`` on every compressible file.
  Fonts (woff2) and images (png) are sent as they are.
- ``Cache-Control: public, max-age=31536000, immutable`` for files whose name carries a content hash
  (a ``.`` or ``-`` then 8 or more hex digits before the extension, e.g. ``main.57a0d79d.min.css``,
  ``bundle.a5f9d56c.min.js``); ``Cache-Control: public, max-age=300`` (5 minutes) for everything else:
  HTML, the search index, unhashed assets.
- A folder without its trailing slash is redirected (301) to it; a folder's ``index.html`` is served for it;
  a missing file is answered with 404 and the site's ``404.html``.
"""

from __future__ import annotations

import email.utils
import functools
import gzip
import io
import mimetypes
import os
import re
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

HASHED = re.compile(r"[.-][0-9a-f]{8,}(?:\.min)?\.[a-z0-9]+$")
CACHE_HASHED = "public, max-age=31536000, immutable"
CACHE_SHORT = "public, max-age=300"
GZIP_LEVEL = 6
_COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")
_EXTRA_TYPES = {".map": "application/json", ".webmanifest": "application/manifest+json", ".mjs": "text/javascript"}


def compressible(ctype: str) -> bool:
    return ctype.startswith(_COMPRESSIBLE) or ctype == "application/manifest+json"


def content_type(path: str) -> str:
    ext = os.path.splitext(path)[1].lower()
    return _EXTRA_TYPES.get(ext) or mimetypes.guess_type(path)[0] or "application/octet-stream"


class _Polos(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


class _Disarankan(SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    _gz_cache: dict[tuple[str, float], bytes] = {}
    _lock = threading.Lock()

    def log_message(self, *args: object) -> None:
        pass

    def send_head(self) -> io.BytesIO | None:
        path = self.translate_path(self.path)
        url_path = self.path.split("?", 1)[0].split("#", 1)[0]
        if os.path.isdir(path):
            if not url_path.endswith("/"):
                self.send_response(301)
                self.send_header("Location", url_path + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return None
            path = os.path.join(path, "index.html")
        status = 200
        if not os.path.isfile(path):
            status = 404
            path = os.path.join(self.directory, "404.html")
            if not os.path.isfile(path):
                self.send_error(404)
                return None
        ctype = content_type(path)
        with open(path, "rb") as f:
            body = f.read()
        stat = os.stat(path)
        encoding = None
        accept = self.headers.get("Accept-Encoding", "")
        if compressible(ctype) and re.search(r"\bbr\b", accept) and os.path.isfile(path + ".br"):
            encoding = "br"
            body = Path(path + ".br").read_bytes()
        elif compressible(ctype) and "gzip" in accept:
            encoding = "gzip"
            body = self._gzip(path, stat.st_mtime, body)
        self.send_response(status)
        ct = f"{ctype}; charset=utf-8" if ctype.startswith("text/") or ctype.endswith(("json", "xml")) else ctype
        self.send_header("Content-Type", ct)
        self.send_header("Content-Length", str(len(body)))
        if compressible(ctype):
            self.send_header("Vary", "Accept-Encoding")
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.send_header("Cache-Control", CACHE_HASHED if HASHED.search(os.path.basename(path)) else CACHE_SHORT)
        self.send_header("Last-Modified", email.utils.formatdate(stat.st_mtime, usegmt=True))
        self.end_headers()
        return io.BytesIO(body)

    def _gzip(self, path: str, mtime: float, body: bytes) -> bytes:
        if os.path.isfile(path + ".gz"):
            return Path(path + ".gz").read_bytes()
        key = (path, mtime)
        with self._lock:
            if key not in self._gz_cache:
                self._gz_cache[key] = gzip.compress(body, GZIP_LEVEL, mtime=0)
            return self._gz_cache[key]


class Pelayan:
    """A running server; ``url`` ends with ``/``; ``tutup()`` stops it."""

    def __init__(self, site: Path, jenis: str) -> None:
        handler = {"polos": _Polos, "disarankan": _Disarankan}[jenis]
        self.jenis = jenis
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/"

    def tutup(self) -> None:
        self._server.shutdown()
        self._server.server_close()

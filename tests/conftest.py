"""Shared fixtures. Each example site is built once per test session, with the real CLI."""

from __future__ import annotations

import atexit
import functools
import html.parser
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
# Copies of ../shared/seeds/ (the two real decrees as text), kept so a fresh clone tests alone.
SEEDS = REPO / "tests" / "fixtures" / "seeds"
GUNUNGKIDUL_SEED = SEEDS / "000_f5acbc97baaaf9b9.txt"
WONOSOBO_SEED = SEEDS / "002_ce6799d4d6e31164.txt"
DATA = {"gunungkidul": REPO / "plans", "wonosobo": REPO / "tests" / "fixtures" / "wonosobo"}
# satker.yaml alamat_situs of the example sites (Gunungkidul's real data has none: no address is invented)
SITE_URLS = {"wonosobo": "https://zi.kpu-wonosobo.go.id/"}
ARTIFACTS = Path(os.environ.get("ZI_ARTIFACTS", REPO / "tests" / "artifacts"))
# One share-card cache for every build of the session (generator/stage/kartu.py), whatever HOME a test
# gives its `zi` run: a card is rendered once per distinct SVG, not once per build (about 0.1 s a card).
if "ZI_TEMBOLOK" not in os.environ:  # compiled templates, shared by every build of the session
    os.environ["ZI_TEMBOLOK"] = tempfile.mkdtemp(prefix="zi-tembolok-uji-")
    atexit.register(shutil.rmtree, os.environ["ZI_TEMBOLOK"], True)
if "ZI_KARTU_CACHE" not in os.environ:
    os.environ["ZI_KARTU_CACHE"] = tempfile.mkdtemp(prefix="zi-kartu-uji-")
    atexit.register(shutil.rmtree, os.environ["ZI_KARTU_CACHE"], True)
# The same for the Keputusan PDFs (generator/stage/pdf): compiled once per distinct source.
if "ZI_PDF_CACHE" not in os.environ:
    os.environ["ZI_PDF_CACHE"] = tempfile.mkdtemp(prefix="zi-pdf-uji-")
    atexit.register(shutil.rmtree, os.environ["ZI_PDF_CACHE"], True)


def zi(*args: str, cwd: Path = REPO, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run the real `zi` command: a process of its own, forked from a pre-imported one (tests/zi_induk.py).

    ``ZI_UJI_PROSES_BARU=1`` starts a new ``python -m generator`` each time instead.
    """
    return zi_dengan(list(args), cwd, {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})})


def zi_dengan(args: list[str], cwd: Path, env: dict, timeout: float = 300) -> subprocess.CompletedProcess:
    """Run `zi` with exactly the environment ``env`` (not added to this process's)."""
    if os.environ.get("ZI_UJI_PROSES_BARU", "").strip() not in ("", "0"):
        return zi_proses_baru(*args, cwd=cwd, env=env, timeout=timeout)
    return _induk().jalankan(args, cwd, env, timeout)


def zi_proses_baru(
    *args: str, cwd: Path = REPO, env: dict | None = None, timeout: float = 300
) -> subprocess.CompletedProcess:
    """Run `zi` as a new ``python -m generator`` process (``env`` is the whole environment)."""
    return subprocess.run(
        [sys.executable, "-m", "generator", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout
    )


class _Induk:
    """The client of one tests/zi_induk.py server: one request at a time, a timeout like subprocess.run's."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.folder = Path(tempfile.mkdtemp(prefix="zi-induk-"))
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.zi_induk"],
            cwd=REPO,
            env={
                **os.environ,
                "NO_MKDOCS_2_WARNING": "1",
                "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]),
            },
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            bufsize=1,
        )
        atexit.register(self.tutup)

    def _answer(self, deadline: float) -> dict:
        import json
        import select
        import time

        assert self.proc.stdout is not None
        ready, _, _ = select.select([self.proc.stdout], [], [], max(0.0, deadline - time.monotonic()))
        line = self.proc.stdout.readline() if ready else ""
        if not line:
            raise TimeoutError if ready == [] else RuntimeError("tests/zi_induk.py berhenti")
        return json.loads(line)

    def jalankan(self, args: list[str], cwd: Path, env: dict, timeout: float) -> subprocess.CompletedProcess:
        import json
        import time

        with self.lock:
            out, err = self.folder / "keluar", self.folder / "galat"
            request = {"args": args, "cwd": str(cwd), "env": env, "out": str(out), "err": str(err)}
            assert self.proc.stdin is not None
            self.proc.stdin.write(json.dumps(request) + "\n")
            self.proc.stdin.flush()
            deadline = time.monotonic() + timeout
            pid = self._answer(deadline)["pid"]
            try:
                code = self._answer(deadline)["code"]
            except TimeoutError:
                os.kill(pid, 9)
                self._answer(time.monotonic() + 30)
                raise subprocess.TimeoutExpired(["zi", *args], timeout) from None
            read = functools.partial(Path.read_text, encoding="utf-8", errors="replace")
            return subprocess.CompletedProcess(["zi", *args], code, read(out), read(err))

    def tutup(self) -> None:
        if self.proc.poll() is None:
            assert self.proc.stdin is not None
            self.proc.stdin.close()
            self.proc.wait(timeout=30)
        shutil.rmtree(self.folder, ignore_errors=True)


@functools.cache
def _induk() -> _Induk:
    return _Induk()


def bersama(tmp_path_factory, nama: str, buat) -> Path:
    """A folder made once per test session by ``buat(folder)``, shared by every xdist worker.

    Session fixtures run once per worker; the example sites would be built once on each of
    CI's two workers. The first worker to ask builds under a lock, the others wait for it and
    reuse the result. ``buat`` may fail (an assertion): then nothing is marked done and the next
    worker tries again, reporting its own failure. Users must not write into the folder.
    """
    import fcntl

    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # pytest-N/, above each worker's popen-gwN/
    folder = root / f"bersama-{nama}"
    with open(root / f"bersama-{nama}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (folder / ".selesai").exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            buat(folder)
            (folder / ".selesai").touch()
    return folder


@pytest.fixture(scope="session")
def built_sites(tmp_path_factory) -> dict[str, Path]:
    def buat(out: Path) -> None:
        for name, plans in DATA.items():
            result = zi("build", "--plans", str(plans), "--site-dir", str(out / name))
            assert result.returncode == 0, f"zi build {name} gagal:\n{result.stdout}\n{result.stderr}"
            # --strict is on in mkdocs.yml and forced by `zi build`: no warning may appear at all.
            assert "WARNING" not in result.stderr, result.stderr

    out = bersama(tmp_path_factory, "sites", buat)
    return {name: out / name for name in DATA}


@pytest.fixture(scope="session")
def zensical_sites(tmp_path_factory) -> dict[str, Path]:
    """Both example sites built with `zi build --mesin zensical`, once per session."""

    def buat(out: Path) -> None:
        for name, plans in DATA.items():
            result = zi("build", "--mesin", "zensical", "--plans", str(plans), "--site-dir", str(out / name))
            assert result.returncode == 0, f"zi build --mesin zensical {name} gagal:\n{result.stdout}\n{result.stderr}"

    out = bersama(tmp_path_factory, "zensical", buat)
    return {name: out / name for name in DATA}


@pytest.fixture(scope="session")
def gunungkidul_site(built_sites) -> Path:
    return built_sites["gunungkidul"]


@pytest.fixture(scope="session")
def wonosobo_site(built_sites) -> Path:
    return built_sites["wonosobo"]


def html_pages(site: Path) -> list[Path]:
    """Every built page, read from the built files (never a hand-kept list); not the standalone embed card."""
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html" and p.parent.name != "embed")


class _TextExtractor(html.parser.HTMLParser):
    """Visible text of a page (plus screen-reader text), without scripts and permalink marks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip: list[str] = []

    def handle_starttag(self, tag, attrs):
        cls = dict(attrs).get("class") or ""
        if tag in ("script", "style") or "headerlink" in cls or self._skip and tag == self._skip[-1]:
            self._skip.append(tag)
        if tag in ("br", "p", "td", "th", "li", "div", "tr", "h1", "h2", "h3", "h4", "caption", "dd", "dt"):
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if self._skip and tag == self._skip[-1]:
            self._skip.pop()

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def page_text(path: Path) -> str:
    parser = _TextExtractor()
    parser.feed(path.read_text(encoding="utf-8"))
    return " ".join("".join(parser.parts).split())


_MARKER = re.compile(r"(?<!\S)(?:\d{1,2}|[a-z])[.)](?!\S)", re.IGNORECASE)


def normalise(text: str) -> str:
    """Inline tags stripped, list markers dropped, whitespace folded, lower case."""
    text = re.sub(r"<[^>]+>", "", text)
    text = _MARKER.sub(" ", text)
    return " ".join(text.split()).lower()


@pytest.fixture(scope="session")
def serve():
    """Serve a built site on 127.0.0.1 (a real HTTP server in a thread)."""
    servers = []

    def start(site: Path) -> str:
        handler = functools.partial(_QuietHandler, directory=str(site))
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield start
    for s in servers:
        s.shutdown()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian chromium tidak terpasang: jalankan `make test` (memasangnya) atau apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        # Playwright gives every launch a fresh temporary profile.
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield b
        b.close()

"""`zi deploy` to hosting-panel accounts: SFTP-only (chrooted OpenSSH) and FTPS/FTP (pure-ftpd).

Real servers on 127.0.0.1 (tests/deploy/servers.py). Most deploys run in-process to keep the
tests quick; the command line is run where its messages and exit status are what is tested.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.keluaran import write_marker
from generator.staff.deploy import DeployError, deploy, list_releases, load_config, rollback
from generator.staff.deploy.langsung import urutan
from tests.conftest import REPO
from tests.deploy.conftest import zi_deploy

pytestmark = pytest.mark.slow  # real servers: left out of `make test-fast`


def make_site(folder: Path, text: str, pages: int = 2, extra: dict[str, str] | None = None) -> Path:
    import shutil

    if folder.exists():
        shutil.rmtree(folder)
    (folder / "assets").mkdir(parents=True)
    (folder / "index.html").write_text(f"<!doctype html><title>ZI</title><p>{text}</p>\n", encoding="utf-8")
    (folder / "assets" / "zi.css").write_text("body { color: #111 }\n", encoding="utf-8")  # same every build
    for i in range(pages):
        (folder / f"halaman-{i}").mkdir()
        (folder / f"halaman-{i}" / "index.html").write_text(f"<p>halaman {i}</p>\n", encoding="utf-8")
    for rel, body in (extra or {}).items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_text(body, encoding="utf-8")
    write_marker(folder)
    return folder


def config(env: dict[str, str], tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # never a developer's own zi-deploy.toml
    return load_config(None, env=env)


def quiet(_: str) -> None:
    pass


class Log(list):
    def __call__(self, line: str) -> None:
        self.append(line)

    @property
    def text(self) -> str:
        return "\n".join(self)


def sent(log: Log) -> int:
    """The number of files the deploy reported sending ("N berkas dikirim")."""
    import re

    return int(re.search(r"(\d+) berkas dikirim", log.text).group(1))


@pytest.fixture(params=["sftp", "ftps"])
def server(request):
    return request.getfixturevalue(f"{request.param}_server")


def _path(server, name: str) -> str:
    return f"/web/{name}" if server.env("/")["ZI_DEPLOY_TARGET"] == "sftp" else f"/{name}"


def _inode(p: Path) -> tuple[int, int]:
    st = p.stat()
    return st.st_ino, st.st_mtime_ns


# --- release folders switched by renames (mode rilis) ---------------------------------------


def test_release_mode_deploy_redeploy_rollback_and_keep(server, tmp_path, monkeypatch):
    path = _path(server, "rilis")
    target = server.local(path)
    cfg = config(server.env(path, ZI_DEPLOY_KEEP="3"), tmp_path, monkeypatch)
    site = make_site(tmp_path / "site", "versi A")

    log = Log()
    first = deploy(cfg, site, echo=log)
    assert (target / "current" / "index.html").read_text().count("versi A") == 1
    assert sent(log) == len([p for p in site.rglob("*") if p.is_file()])
    meta = json.loads((target / "current" / ".zi-rilis.json").read_text())
    assert meta["rilis"] == first and meta["berkas"]["index.html"][0] == (site / "index.html").stat().st_size

    # One page changed: over SFTP only that file is sent, the rest hard-linked from the live
    # release; FTP has no server-side copy, so every file goes again (README, target table).
    (site / "halaman-1" / "index.html").write_text("<p>halaman 1, diubah</p>\n")
    log = Log()
    second = deploy(cfg, site, echo=log)
    assert second > first
    assert "diubah" in (target / "current" / "halaman-1" / "index.html").read_text()
    old = target / f"sebelumnya-{first}"
    assert "versi A" in (old / "index.html").read_text()  # the previous release, intact
    if cfg.target == "sftp":
        assert sent(log) == 1, log.text
        assert "3 tidak berubah, ditautkan" in log.text or "ditautkan" in log.text
        assert (old / "assets" / "zi.css").stat().st_ino == (target / "current" / "assets" / "zi.css").stat().st_ino
    else:
        assert sent(log) == len(meta["berkas"])

    assert rollback(cfg, echo=quiet) == first
    assert "versi A" in (target / "current" / "index.html").read_text()
    assert (target / f"sebelumnya-{second}").is_dir()  # rolled back from, kept
    assert list_releases(cfg).current == first

    # keep = 3: the oldest go, never the live one; no upload folder or journal left behind.
    names = [deploy(cfg, make_site(site, f"versi {c}"), echo=quiet) for c in "CDE"]
    state = list_releases(cfg)
    assert state.current == names[-1] and len(state.releases) == 3
    assert sorted(p.name for p in target.iterdir()) == ["current", *(f"sebelumnya-{n}" for n in names[:2])]
    assert "versi E" in (target / "current" / "index.html").read_text()
    assert not list(target.rglob(".zi-jurnal")) and not list(target.rglob("*.zi-baru"))


def test_killed_upload_leaves_the_live_site_and_resumes(sftp_server, tmp_path, monkeypatch):
    """SIGKILL half-way: `current` is untouched; the next run sends only what the first did not."""
    path = "/web/terputus"
    target = sftp_server.local(path)
    env = sftp_server.env(path)
    cfg = config(env, tmp_path, monkeypatch)
    site = make_site(tmp_path / "site", "lama")
    deploy(cfg, site, echo=quiet)
    before = (target / "current" / ".zi-rilis.json").read_bytes()

    total = 200
    make_site(site, "baru", pages=total)
    proc = _zi_deploy_background(env, site, tmp_path)
    journal = target / ".zi-unggah" / ".zi-jurnal"
    deadline = time.monotonic() + 60
    while not (journal.exists() and journal.stat().st_size > 0) and proc.poll() is None:
        assert time.monotonic() < deadline, "the upload never wrote its journal"
        time.sleep(0.005)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the upload finished before it could be interrupted"
    # The visitor's site: the old release, whole.
    assert (target / "current" / ".zi-rilis.json").read_bytes() == before
    assert "lama" in (target / "current" / "index.html").read_text()
    assert not (target / "current" / "halaman-150").exists()

    log = Log()
    deploy(cfg, site, echo=log)
    resumed = int(__import__("re").search(r"(\d+) sudah terkirim", log.text).group(1))
    assert resumed >= 1 and sent(log) + resumed + _linked(log) == total + 3, log.text
    assert "baru" in (target / "current" / "index.html").read_text()
    assert (target / "current" / "halaman-199" / "index.html").is_file()


def _linked(log: Log) -> int:
    import re

    m = re.search(r"(\d+) tidak berubah, ditautkan", log.text)
    return int(m.group(1)) if m else 0


def _zi_deploy_background(env: dict[str, str], site: Path, cwd: Path) -> subprocess.Popen:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("ZI_DEPLOY_")}
    return subprocess.Popen(
        [sys.executable, "-m", "generator", "deploy", "--site-dir", str(site)],
        cwd=cwd,
        env={**clean, "PYTHONPATH": str(REPO), **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


# --- the panel's web root itself (mode langsung) --------------------------------------------


def test_web_root_mode_sends_changed_files_only(server, tmp_path, monkeypatch):
    path = _path(server, "public_html")
    root = server.local(path)
    root.mkdir(parents=True, exist_ok=True)
    (root / "foto-kantor.jpg").write_bytes(b"milik kantor")  # put there by hand, not ours
    if hasattr(server, "uid"):
        os.chown(root, server.uid, server.gid)
    cfg = config(server.env(path, ZI_DEPLOY_MODE="langsung"), tmp_path, monkeypatch)
    site = make_site(tmp_path / "site", "versi A", pages=3)
    log = Log()
    deploy(cfg, site, echo=log)
    assert "tidak diterbitkan zi deploy" in log.text  # the folder held something else: left alone
    unchanged = {rel: _inode(root / rel) for rel in ("assets/zi.css", "halaman-0/index.html")}

    (site / "halaman-1" / "index.html").write_text("<p>diubah</p>\n")
    import shutil

    shutil.rmtree(site / "halaman-2")
    (site / "assets" / "baru.svg").write_text("<svg/>")
    log = Log()
    deploy(cfg, site, echo=log)
    assert sent(log) == 2, log.text  # the changed page and the new asset, nothing else
    assert {rel: _inode(root / rel) for rel in unchanged} == unchanged
    assert (root / "halaman-1" / "index.html").read_text() == "<p>diubah</p>\n"
    assert not (root / "halaman-2").exists()  # ours, gone from the site: deleted with its folder
    assert (root / "foto-kantor.jpg").read_bytes() == b"milik kantor"
    assert not list(root.rglob("*.zi-baru")) and not (root / ".zi-jurnal").exists()

    with pytest.raises(DeployError, match="tidak menyimpan rilis sebelumnya"):
        rollback(cfg, echo=quiet)


def test_web_root_upload_order_assets_then_pages_home_last():
    files = ["index.html", "assets/zi.css", "2024/index.html", "2024/area/index.html", "data/a.csv", "404.html"]
    assert sorted(files, key=urutan) == [
        "assets/zi.css",
        "data/a.csv",
        "2024/area/index.html",
        "2024/index.html",
        "404.html",
        "index.html",
    ]


def test_killed_web_root_upload_resumes_without_resending(ftps_server, tmp_path, monkeypatch):
    path = "/terputus-langsung"
    env = ftps_server.env(path, ZI_DEPLOY_MODE="langsung")
    cfg = config(env, tmp_path, monkeypatch)
    site = make_site(tmp_path / "site", "baru", pages=80)
    proc = _zi_deploy_background(env, site, tmp_path)
    journal = ftps_server.local(path) / ".zi-jurnal"
    deadline = time.monotonic() + 60
    while not (journal.exists() and journal.stat().st_size > 0) and proc.poll() is None:
        assert time.monotonic() < deadline
        time.sleep(0.005)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the upload finished before it could be interrupted"
    log = Log()
    deploy(cfg, site, echo=log)
    resumed = int(__import__("re").search(r"(\d+) sudah terkirim", log.text).group(1))
    assert resumed >= 1 and sent(log) + resumed == 83, log.text
    assert (ftps_server.local(path) / "halaman-79" / "index.html").is_file()


# --- wrong password, wrong certificate or host key, plain FTP: clear errors, nothing changed --


def test_wrong_password_and_wrong_certificate_change_nothing(ftps_server, tmp_path, monkeypatch):
    path = "/aman"
    env = ftps_server.env(path)
    site = make_site(tmp_path / "site", "lama")
    deploy(config(env, tmp_path, monkeypatch), site, echo=quiet)
    before = sorted(p.relative_to(ftps_server.local(path)) for p in ftps_server.local(path).rglob("*"))
    make_site(site, "baru")

    # The command line: message, exit status, the "nothing changed" line, no password shown.
    r = zi_deploy("--site-dir", str(site), env={**env, "ZI_DEPLOY_PASSWORD": "salah-sandi"}, cwd=tmp_path)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert "Login FTP ditolak untuk pengguna zi-unggah" in r.stderr and "kata sandi salah" in r.stderr
    assert "Situs yang aktif di server tidak berubah." in r.stderr
    assert "salah-sandi" not in r.stderr + r.stdout and ftps_server.password not in r.stderr + r.stdout

    wrong = "AA:" * 31 + "AA"
    with pytest.raises(DeployError) as e:
        deploy(config({**env, "ZI_DEPLOY_SIDIK_JARI": wrong}, tmp_path, monkeypatch), site, echo=quiet)
    assert "Sidik jari sertifikat TLS server 127.0.0.1" in str(e.value)
    assert f"server memberi {ftps_server.fingerprint}" in str(e.value) and "Kata sandi tidak dikirim" in str(e.value)

    # No pin and a self-signed certificate: refused by the system CAs; the certificate as CA file works.
    no_pin = {k: v for k, v in env.items() if k != "ZI_DEPLOY_SIDIK_JARI"}
    with pytest.raises(DeployError, match="tidak dapat diverifikasi.*--sidik-jari"):
        deploy(config(no_pin, tmp_path, monkeypatch), site, echo=quiet)
    with_ca = config({**no_pin, "ZI_DEPLOY_CA_FILE": str(ftps_server.cert)}, tmp_path, monkeypatch)
    assert list_releases(with_ca).current is not None

    after = sorted(p.relative_to(ftps_server.local(path)) for p in ftps_server.local(path).rglob("*"))
    assert after == before
    assert "lama" in (ftps_server.local(path) / "current" / "index.html").read_text()
    # The password is nowhere on the server.
    for p in ftps_server.local(path).rglob("*"):
        if p.is_file():
            assert ftps_server.password.encode() not in p.read_bytes()


def test_wrong_host_key_or_key_changes_nothing(sftp_server, tmp_path, monkeypatch):
    path = "/web/kunci"
    env = sftp_server.env(path)
    site = make_site(tmp_path / "site", "lama")
    deploy(config(env, tmp_path, monkeypatch), site, echo=quiet)
    make_site(site, "baru")

    pinned = {k: v for k, v in env.items() if k != "ZI_DEPLOY_KNOWN_HOSTS"}
    assert list_releases(config({**pinned, "ZI_DEPLOY_SIDIK_JARI": sftp_server.fingerprint}, tmp_path, monkeypatch))
    r = zi_deploy("--site-dir", str(site), "--sidik-jari", "SHA256:" + "A" * 43, env=pinned, cwd=tmp_path)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert f"server memberi {sftp_server.fingerprint}" in r.stderr and "Tidak ada data atau kata sandi" in r.stderr
    assert "Situs yang aktif di server tidak berubah." in r.stderr

    other = tmp_path / "known_hosts_lain"
    other.write_text(f"[127.0.0.1]:{sftp_server.port} " + Path(str(sftp_server.other_key) + ".pub").read_text())
    with pytest.raises(DeployError, match="tidak tercatat di"):
        deploy(config({**env, "ZI_DEPLOY_KNOWN_HOSTS": str(other)}, tmp_path, monkeypatch), site, echo=quiet)
    with pytest.raises(DeployError, match="Login SFTP ditolak"):
        deploy(config({**env, "ZI_DEPLOY_KEY": str(sftp_server.other_key)}, tmp_path, monkeypatch), site, echo=quiet)
    assert sorted(p.name for p in sftp_server.local(path).iterdir()) == ["current"]
    assert "lama" in (sftp_server.local(path) / "current" / "index.html").read_text()


def test_plain_ftp_only_with_the_explicit_flag(ftps_server, tmp_path):
    path = "/polos"
    env = {**ftps_server.env(path), "ZI_DEPLOY_TARGET": "ftp"}
    env.pop("ZI_DEPLOY_SIDIK_JARI")
    site = make_site(tmp_path / "site", "polos")
    r = zi_deploy("--site-dir", str(site), env=env, cwd=tmp_path)
    assert r.returncode == 1 and "--izinkan-ftp-tanpa-enkripsi" in r.stderr
    assert not ftps_server.local(path).exists()  # refused before connecting
    r = zi_deploy("--site-dir", str(site), "--izinkan-ftp-tanpa-enkripsi", env=env, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "TANPA ENKRIPSI" in r.stdout
    assert "polos" in (ftps_server.local(path) / "current" / "index.html").read_text()


# --- configuration: secrets stay secret ---------------------------------------------------------


def test_password_never_from_the_config_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    base = 'target = "ftps"\nhost = "a"\nuser = "b"\npath = "/x"\n'
    toml = tmp_path / "zi-deploy.toml"
    toml.write_text(base + 'password = "p"\n')
    with pytest.raises(DeployError, match="jangan tulis kata sandi di berkas konfigurasi.*ZI_DEPLOY_PASSWORD"):
        load_config(None, env={})

    toml.write_text(base)
    with pytest.raises(DeployError, match="(?s)password belum diisi.*ZI_DEPLOY_PASSWORD"):
        load_config(None, env={})

    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "sandi").write_text("rahasia")
    toml.write_text(base + 'password_file = "content/sandi"\n')
    with pytest.raises(DeployError, match="Berkas kata sandi content/sandi berada di dalam folder") as e:
        load_config(None, env={}, forbidden_dirs=(Path("plans"), Path("content")))
    assert "rahasia" not in str(e.value)

    toml.write_text(base + 'sidik_jari = "xyz"\n')
    with pytest.raises(DeployError, match="Nilai 'sidik_jari' tidak sah.*openssl x509"):
        load_config(None, env={"ZI_DEPLOY_PASSWORD": "p"})
    toml.write_text(base.replace("ftps", "ssh") + 'key = "k"\nsidik_jari = "SHA256:abcdefghijklmnopqrstu"\n')
    (tmp_path / "k").write_text("kunci")
    with pytest.raises(DeployError, match="tidak dipakai target ssh"):
        load_config(None, env={})


def test_password_file_outside_the_repository(ftps_server, tmp_path, monkeypatch):
    secret = tmp_path / "rahasia" / "sandi-ftp"
    secret.parent.mkdir()
    secret.write_text(ftps_server.password + "\n")
    env = {k: v for k, v in ftps_server.env("/dari-berkas").items() if k != "ZI_DEPLOY_PASSWORD"}
    cfg = config({**env, "ZI_DEPLOY_PASSWORD_FILE": str(secret)}, tmp_path, monkeypatch)
    assert cfg.password == ftps_server.password and ftps_server.password not in repr(cfg)
    deploy(cfg, make_site(tmp_path / "site", "dari berkas"), echo=quiet)
    assert "dari berkas" in (ftps_server.local("/dari-berkas") / "current" / "index.html").read_text()

"""`zi deploy` against a real OpenSSH server: deploy, switch, rollback, prune, fail safely."""

from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from generator.keluaran import write_marker
from generator.staff.deploy import RELEASE, DeployConfig, deploy, release_name, to_prune
from tests.deploy.conftest import zi_deploy

pytestmark = pytest.mark.slow  # heavy: left out of `make test-fast`


def make_site(folder: Path, text: str) -> Path:
    if folder.exists():
        shutil.rmtree(folder)
    (folder / "assets").mkdir(parents=True)
    (folder / "index.html").write_text(f"<!doctype html><title>ZI</title><p>{text}</p>\n", encoding="utf-8")
    (folder / "assets" / "zi.css").write_text("body { color: #111 }\n", encoding="utf-8")  # same every build
    write_marker(folder)  # as every `zi build` does
    return folder


def releases(target: Path) -> list[str]:
    return sorted(p.name for p in (target / "releases").iterdir())


def live(target: Path) -> str:
    return (target / "current" / "index.html").read_text(encoding="utf-8")


def ok(result) -> str:
    assert result.returncode == 0, f"stdout:\n{result.stdout}\nstderr:\n{result.stderr}"
    assert "Traceback" not in result.stderr
    return result.stdout


def failed(result) -> str:
    assert result.returncode == 1, f"stdout:\n{result.stdout}\nstderr:\n{result.stderr}"
    assert "Traceback" not in result.stderr
    return result.stderr


def test_deploy_deploy_rollback_prune(sshd, tmp_path):
    target = tmp_path / "srv" / "laman-zi"  # does not exist yet: the first deploy makes it
    env = sshd.env(target)
    site = make_site(tmp_path / "site", "versi A")

    out = ok(zi_deploy("--site-dir", str(site), env=env, cwd=tmp_path))
    assert "aktif" in out
    [first] = releases(target)
    assert RELEASE.match(first)
    assert os.readlink(target / "current") == f"releases/{first}"  # relative link
    assert "versi A" in live(target)
    seen = sshd.ssh(f"cat {target}/current/index.html")  # what the web server would read
    assert seen.returncode == 0, seen.stderr
    assert "versi A" in seen.stdout

    make_site(site, "versi B")
    ok(zi_deploy("--site-dir", str(site), env=env, cwd=tmp_path))
    first_, second = releases(target)
    assert first_ == first and second > first
    assert os.readlink(target / "current") == f"releases/{second}"
    assert "versi B" in live(target) and "versi B" in sshd.ssh(f"cat {target}/current/index.html").stdout
    # The unchanged file was hard-linked from the live release (--link-dest), not sent again.
    css = [(target / "releases" / r / "assets" / "zi.css").stat() for r in (first, second)]
    assert css[0].st_ino == css[1].st_ino
    assert (target / "releases" / second / "index.html").stat().st_ino != (
        target / "releases" / first / "index.html"
    ).stat().st_ino
    # Readable by a web server running as another user, whatever the local umask.
    assert (target / "releases" / second / "index.html").stat().st_mode & 0o777 == 0o644

    out = ok(zi_deploy("--rollback", env=env, cwd=tmp_path))
    assert f"releases/{first}" in out
    assert os.readlink(target / "current") == f"releases/{first}"
    assert "versi A" in live(target) and "versi A" in sshd.ssh(f"cat {target}/current/index.html").stdout
    assert releases(target) == [first, second]  # rollback keeps the newer release

    # Six more (in-process, to keep the test quick; the CLI path is exercised above).
    config = DeployConfig(
        host="127.0.0.1", user=sshd.user, path=str(target), key=sshd.key, port=sshd.port, known_hosts=sshd.known_hosts
    )
    for i in range(6):
        make_site(site, f"versi C{i}")
        deploy(config, site, echo=lambda _: None)
    kept = releases(target)
    assert len(kept) == 5
    assert first not in kept and second not in kept
    assert os.readlink(target / "current") == f"releases/{kept[-1]}"
    assert "versi C5" in live(target)
    assert not [p for p in (target / "releases").iterdir() if p.name.startswith(".")]  # no partials
    assert not [p for p in target.iterdir() if p.name.startswith(".current")]  # no temp links

    listing = ok(zi_deploy("--list", env=env, cwd=tmp_path)).splitlines()
    assert listing[0] == f"* {kept[-1]}  (aktif)"
    assert [line.split()[-1] for line in listing[1:]] == list(reversed(kept[:-1]))


def test_rollback_without_an_older_release_is_refused(sshd, tmp_path):
    target = tmp_path / "srv"
    env = sshd.env(target)
    err = failed(zi_deploy("--rollback", env=env, cwd=tmp_path))
    assert "Belum ada rilis aktif" in err
    ok(zi_deploy("--site-dir", str(make_site(tmp_path / "site", "satu")), env=env, cwd=tmp_path))
    err = failed(zi_deploy("--rollback", env=env, cwd=tmp_path))
    assert "tidak ada rilis sebelumnya" in err
    assert "versi" not in err and "satu" in live(target)


def test_failures_leave_current_untouched(sshd, tmp_path):
    target = tmp_path / "srv"
    env = sshd.env(target)
    site = make_site(tmp_path / "site", "lama")
    ok(zi_deploy("--site-dir", str(site), env=env, cwd=tmp_path))
    before = (os.readlink(target / "current"), releases(target))
    make_site(site, "baru")

    # Nothing listens on this port.
    err = failed(zi_deploy("--site-dir", str(site), env={**env, "ZI_DEPLOY_PORT": str(_closed_port())}, cwd=tmp_path))
    assert "Menghubungi server gagal (ssh keluar dengan status 255)" in err
    assert "Connection refused" in err  # ssh's own stderr is shown
    assert "Situs yang aktif di server tidak berubah." in err

    # Key file missing: refused before any connection.
    err = failed(
        zi_deploy("--site-dir", str(site), env={**env, "ZI_DEPLOY_KEY": str(tmp_path / "tidak-ada")}, cwd=tmp_path)
    )
    assert f"Berkas kunci SSH {tmp_path / 'tidak-ada'} tidak ditemukan (ZI_DEPLOY_KEY)" in err

    # A key the server does not accept.
    stranger = tmp_path / "asing"
    os.system(f"ssh-keygen -q -t ed25519 -N '' -f {stranger}")
    err = failed(zi_deploy("--site-dir", str(site), env={**env, "ZI_DEPLOY_KEY": str(stranger)}, cwd=tmp_path))
    assert "Permission denied" in err

    # A server whose host key is not the one we know.
    other = tmp_path / "known_hosts"
    other.write_text(f"[127.0.0.1]:{sshd.port} " + Path(f"{stranger}.pub").read_text())
    err = failed(zi_deploy("--site-dir", str(site), env={**env, "ZI_DEPLOY_KNOWN_HOSTS": str(other)}, cwd=tmp_path))
    assert "Host key verification failed" in err or "HOST IDENTIFICATION HAS CHANGED" in err

    # The upload breaks half-way: rsync copies, then reports an error (as on a full disk).
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "rsync"
    fake.write_text(
        f"#!/bin/sh\n{shutil.which('rsync')} \"$@\"\necho 'rsync: write failed: No space left' >&2\nexit 11\n"
    )
    fake.chmod(0o755)
    err = failed(
        zi_deploy(
            "--site-dir", str(site), cwd=tmp_path, env={**env, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}
        )
    )
    assert "Pengunggahan situs gagal (rsync keluar dengan status 11)" in err
    assert "No space left" in err
    assert not [p for p in (target / "releases").iterdir() if p.name.startswith(".")]  # partial removed

    assert (os.readlink(target / "current"), releases(target)) == before
    assert "lama" in live(target)


def test_environment_overrides_config_file(sshd, tmp_path):
    keys = tmp_path / "kunci"
    keys.mkdir()
    shutil.copy(sshd.key, keys / "id")
    (keys / "id").chmod(0o600)
    shutil.copy(sshd.known_hosts, keys / "known_hosts")
    from_file, from_env = tmp_path / "dari-berkas", tmp_path / "dari-lingkungan"
    # Relative file names in the config file are relative to the config file.
    (tmp_path / "zi-deploy.toml").write_text(
        f'host = "127.0.0.1"\nuser = "{sshd.user}"\nport = {sshd.port}\npath = "{from_file}"\n'
        'key = "kunci/id"\nknown_hosts = "kunci/known_hosts"\nkeep = 2\n',
        encoding="utf-8",
    )
    site = make_site(tmp_path / "site", "konfigurasi")

    ok(zi_deploy(env={}, cwd=tmp_path))  # zi-deploy.toml in the working folder, site/ by default
    assert "konfigurasi" in live(from_file)

    ok(zi_deploy("--site-dir", str(site), env={"ZI_DEPLOY_PATH": str(from_env)}, cwd=tmp_path))
    assert "konfigurasi" in live(from_env)
    assert len(releases(from_file)) == 1  # the file's path was not used

    for _ in range(2):  # keep = 2 from the file: three releases made, two kept
        ok(zi_deploy(env={}, cwd=tmp_path))
    assert len(releases(from_file)) == 2

    # --config names another file; a missing one is an error, not a silent fallback.
    (tmp_path / "zi-deploy.toml").rename(tmp_path / "lain.toml")
    ok(zi_deploy("--config", "lain.toml", env={"ZI_DEPLOY_PATH": str(from_env)}, cwd=tmp_path))
    assert len(releases(from_env)) == 2
    err = failed(zi_deploy("--config", "hilang.toml", env={}, cwd=tmp_path))
    assert "Berkas konfigurasi penerbitan hilang.toml tidak ditemukan." in err


def test_missing_or_bad_configuration(tmp_path):
    err = failed(zi_deploy(env={}, cwd=tmp_path))
    assert "Konfigurasi penerbitan belum lengkap: host, user, path, key belum diisi." in err
    assert "ZI_DEPLOY_HOST, ZI_DEPLOY_USER, ZI_DEPLOY_PATH, ZI_DEPLOY_KEY" in err

    err = failed(zi_deploy(env={"ZI_DEPLOY_HOST": "contoh.go.id", "ZI_DEPLOY_USER": "zi"}, cwd=tmp_path))
    assert "path, key belum diisi" in err

    (tmp_path / "zi-deploy.toml").write_text('host = "a"\nuser = "b"\npath = "/srv"\nkey = "k"\nhots = "x"\n')
    err = failed(zi_deploy(env={}, cwd=tmp_path))
    assert "isian tidak dikenal: hots" in err

    # A key kept in content/ would be committed and published: refused.
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "id_ed25519").write_text("rahasia")
    (tmp_path / "zi-deploy.toml").write_text('host = "a"\nuser = "b"\npath = "/srv"\nkey = "content/id_ed25519"\n')
    err = failed(zi_deploy(env={}, cwd=tmp_path))
    assert "Kunci SSH content/id_ed25519 berada di dalam folder" in err

    (tmp_path / "zi-deploy.toml").write_text('host = "a"\nuser = "b"\npath = "/srv"\nkey = "k"\nport = "dua"\n')
    (tmp_path / "k").write_text("kunci")
    err = failed(zi_deploy(env={}, cwd=tmp_path))
    assert "Nilai 'port' harus bilangan bulat positif" in err


@pytest.mark.parametrize("case", ["tidak-ada", "kosong", "tanpa-index", "tanpa-penanda"])
def test_refuses_a_site_that_is_not_a_build(tmp_path, case):
    (tmp_path / "k").write_text("kunci")
    env = {
        "ZI_DEPLOY_HOST": "127.0.0.1",
        "ZI_DEPLOY_USER": "zi",
        "ZI_DEPLOY_PATH": "/srv/zi",
        "ZI_DEPLOY_KEY": str(tmp_path / "k"),
        "ZI_DEPLOY_PORT": str(_closed_port()),
    }
    site = tmp_path / "site"
    if case != "tidak-ada":
        site.mkdir()
    if case == "tanpa-index":
        (site / "gaya.css").write_text("")
    if case == "tanpa-penanda":  # e.g. --site-dir pointing at a folder that merely holds an index.html
        (site / "index.html").write_text("<p>bukan hasil zi build</p>")
    err = failed(zi_deploy("--site-dir", str(site), env=env, cwd=tmp_path))
    expected = {
        "tidak-ada": "tidak ada. Bangun dulu dengan `zi build`.",
        "kosong": "kosong. Bangun dulu dengan `zi build`.",
        "tanpa-index": "tidak berisi index.html",
        "tanpa-penanda": "tidak berisi penanda .laman-zi-situs",
    }[case]
    assert expected in err
    assert "ssh" not in err  # refused before any connection


def test_release_names_sort_in_deploy_order():
    t = datetime(2026, 11, 21, 10, 15, 0, tzinfo=UTC)
    a = release_name(t, "aaaaaaaa", [])
    assert a == "20261121T101500Z-aaaaaaaa"
    b = release_name(t, "00000000", [a])  # same second, smaller hash: still after
    c = release_name(t, "ffffffff", [a, b])
    assert (b, c) == ("20261121T101500Z.01-00000000", "20261121T101500Z.02-ffffffff")
    # A clock behind the newest release (another deployer's clock ran ahead): still after.
    d = release_name(datetime(2026, 1, 1, tzinfo=UTC), "11111111", [a, b, c])
    assert d == "20261121T101500Z.03-11111111"
    e = release_name(datetime(2026, 11, 21, 10, 15, 1, tzinfo=UTC), "22222222", [a, b, c, d])
    assert sorted([e, d, c, b, a]) == [a, b, c, d, e]
    assert all(RELEASE.match(n) for n in (a, b, c, d, e))


def test_pruning_keeps_the_newest_and_the_live_release():
    names = [f"20260101T00000{i}Z-0000000{i}" for i in range(8)]
    assert to_prune(names, names[-1], 5) == names[:3]
    assert to_prune(names, names[1], 5) == [names[0], names[2]]  # rolled back far: live one stays
    assert to_prune(names[:3], names[2], 5) == []


def _closed_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_example_config_uses_only_known_settings():
    import tomllib

    from generator.staff.deploy import FIELDS
    from tests.conftest import REPO

    text = (REPO / "zi-deploy.example.toml").read_text(encoding="utf-8")
    example = tomllib.loads(text)
    assert set(example) <= set(FIELDS)
    # Every setting is shown, the ones for other targets as commented lines.
    shown = {line.lstrip("# ").split(" ", 1)[0] for line in text.splitlines() if " = " in line}
    assert shown == set(FIELDS)
    assert "password =" not in text


def test_a_site_with_unfilled_isi_placeholders_is_never_published(tmp_path):
    """`zi import`/`zi new-year` leave "[ISI: ...]" for staff to fill; such a build stays local."""
    from generator.staff.deploy import DeployError, check_site

    site = tmp_path / "situs"
    (site / "2025").mkdir(parents=True)
    (site / "index.html").write_text("<h1>Beranda</h1>", encoding="utf-8")
    write_marker(site)
    (site / "2025" / "index.html").write_text("<p>Nomor [ISI: nomor keputusan 2025]</p>", encoding="utf-8")
    with pytest.raises(DeployError) as err:
        check_site(site)
    assert "isian [ISI: ...] yang belum diganti, di 2025/index.html" in str(err.value)
    assert "Situs tidak diterbitkan." in str(err.value)
    (site / "2025" / "index.html").write_text("<p>Nomor 12</p>", encoding="utf-8")
    check_site(site)  # filled in: accepted

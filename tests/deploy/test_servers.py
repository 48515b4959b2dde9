"""The test servers are what they claim: an SFTP-only chrooted OpenSSH account, and a
pure-ftpd virtual user with optional explicit TLS (tests/deploy/servers.py)."""

from __future__ import annotations

import asyncio
import concurrent.futures
import ftplib
import hashlib
import io
import ssl
import subprocess

import asyncssh
import pytest

from tests.deploy.servers import FtpsServer, SftpServer

pytestmark = pytest.mark.slow  # real servers: left out of `make test-fast`


def _connect(server: SftpServer, key=None, **options):
    return asyncssh.connect(
        "127.0.0.1",
        server.port,
        username=server.user,
        client_keys=[str(key or server.key)],
        known_hosts=str(server.known_hosts),
        agent_path=None,
        config=None,
        **options,
    )


def test_sftp_account_is_chrooted_and_does_what_a_deploy_needs(sftp_server, tmp_path):
    page = tmp_path / "index.html"
    page.write_bytes(b"<p>baru</p>\n")

    async def session() -> None:
        async with _connect(sftp_server) as conn:
            assert conn.get_server_host_key().get_fingerprint("sha256") == sftp_server.fingerprint
            async with conn.start_sftp_client() as sftp:
                assert set(await sftp.listdir("/")) - {".", ".."} == {"web"}  # the real filesystem is hidden
                await sftp.mkdir("/web/uji")
                await sftp.put(str(page), "/web/uji/baru.html")
                await sftp.get("/web/uji/baru.html", str(tmp_path / "kembali.html"))
                await sftp.rename("/web/uji/baru.html", "/web/uji/a.html")
                await sftp.put(str(page), "/web/uji/b.html")
                with pytest.raises(asyncssh.SFTPFailure):
                    await sftp.rename("/web/uji/b.html", "/web/uji/a.html")  # plain SFTP rename never replaces
                await sftp.posix_rename("/web/uji/b.html", "/web/uji/a.html")  # replaces, atomically
                await sftp.link("/web/uji/a.html", "/web/uji/c.html")  # hard link
                assert sorted(await sftp.listdir("/web/uji")) == [".", "..", "a.html", "c.html"]
                assert (await sftp.stat("/web/uji/c.html")).size == len(page.read_bytes())
                assert (await sftp.statvfs("/web")).bsize > 0
            shell = await conn.run("echo hi", check=False)  # ForceCommand internal-sftp: no shell
            assert (shell.stdout or "").strip() != "hi"
            with pytest.raises(asyncssh.ChannelOpenError):  # no forwarding
                await conn.open_connection("127.0.0.1", sftp_server.port)

    _in_own_thread(session)
    assert (tmp_path / "kembali.html").read_bytes() == page.read_bytes()
    assert sftp_server.local("/web/uji/a.html").read_bytes() == page.read_bytes()
    assert sftp_server.local("/web/uji/a.html").stat().st_nlink == 2
    assert sftp_server.local("/web") == sftp_server.web
    env = sftp_server.env("/web/laman-zi", ZI_DEPLOY_KEEP="2")
    assert env["ZI_DEPLOY_TARGET"] == "sftp" and env["ZI_DEPLOY_PORT"] == str(sftp_server.port)
    assert env["ZI_DEPLOY_PATH"] == "/web/laman-zi" and env["ZI_DEPLOY_KEEP"] == "2"


def test_sftp_refuses_an_unknown_key_and_a_shell(sftp_server):
    async def session() -> None:
        with pytest.raises(asyncssh.PermissionDenied):
            async with _connect(sftp_server, key=sftp_server.other_key):
                pass

    _in_own_thread(session)
    ssh = subprocess.run(
        [
            "ssh", "-p", str(sftp_server.port), "-i", str(sftp_server.key), "-F", "none",
            "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes", "-o", f"UserKnownHostsFile={sftp_server.known_hosts}",
            "-o", "StrictHostKeyChecking=yes", "-l", sftp_server.user, "127.0.0.1", "echo hi",
        ],
        stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=10,
    )  # fmt: skip
    assert ssh.stdout.strip() != "hi"
    assert "sftp connections only" in ssh.stdout  # OpenSSH's answer to a shell command on this account


def _ftps(server: FtpsServer) -> ftplib.FTP_TLS:
    ftp = ftplib.FTP_TLS(context=ssl.create_default_context(cafile=str(server.cert)), timeout=10)
    ftp.connect("127.0.0.1", server.port)
    ftp.auth()
    ftp.login(server.user, server.password)
    ftp.prot_p()
    return ftp


def test_ftps_virtual_user_does_what_a_deploy_needs(ftps_server):
    with _ftps(ftps_server) as ftp:
        der = ftp.sock.getpeercert(binary_form=True)
        digest = hashlib.sha256(der).hexdigest().upper()
        assert ftps_server.fingerprint == ":".join(digest[i : i + 2] for i in range(0, len(digest), 2))
        ftp.mkd("/uji")
        ftp.storbinary("STOR /uji/a.html", io.BytesIO(b"<p>lama</p>"))
        ftp.storbinary("APPE /uji/a.html", io.BytesIO(b"\n"))
        ftp.storbinary("STOR /uji/b.html", io.BytesIO(b"<p>baru</p>\n"))
        ftp.rename("/uji/b.html", "/uji/a.html")  # over an existing file: replaced
        ftp.mkd("/uji/rilis")
        ftp.rename("/uji/rilis", "/uji/current")  # a folder
        ftp.voidcmd("TYPE I")
        assert ftp.size("/uji/a.html") == len(b"<p>baru</p>\n")
        got = io.BytesIO()
        ftp.retrbinary("RETR /uji/a.html", got.write)
        assert got.getvalue() == b"<p>baru</p>\n"
        assert {name: facts["type"] for name, facts in ftp.mlsd("/uji")} == {
            ".": "cdir",
            "..": "pdir",
            "a.html": "file",
            "current": "dir",
        }
        features = ftp.sendcmd("FEAT")
        assert "MLSD" in features and "SIZE" in features
        ftp.delete("/uji/a.html")
        ftp.rmd("/uji/current")
    assert sorted(p.name for p in ftps_server.local("/uji").iterdir()) == []
    assert ftps_server.local("/uji").stat().st_uid == ftps_server.uid
    openssl = subprocess.run(
        ["openssl", "x509", "-noout", "-fingerprint", "-sha256", "-in", str(ftps_server.cert)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert openssl.stdout.strip().endswith("=" + ftps_server.fingerprint)
    env = ftps_server.env("/laman-zi", ZI_DEPLOY_TARGET="ftp")
    assert env["ZI_DEPLOY_TARGET"] == "ftp" and env["ZI_DEPLOY_PASSWORD"] == ftps_server.password


class _ReusingFtpTls(ftplib.FTP_TLS):
    """The data channel resumes the control channel's TLS session, as strict servers demand."""

    def ntransfercmd(self, cmd, rest=None):
        conn, size = ftplib.FTP.ntransfercmd(self, cmd, rest)
        conn = self.context.wrap_socket(conn, server_hostname=self.host, session=self.sock.session)
        return conn, size


def test_ftps_data_channel_with_a_resumed_tls_session(ftps_server):
    context = ssl.create_default_context(cafile=str(ftps_server.cert))
    with _ReusingFtpTls(context=context, timeout=10) as ftp:
        ftp.connect("127.0.0.1", ftps_server.port)
        ftp.auth()
        ftp.login(ftps_server.user, ftps_server.password)
        ftp.prot_p()
        ftp.storbinary("STOR /dilanjutkan.txt", io.BytesIO(b"ok"))
        got = io.BytesIO()
        ftp.retrbinary("RETR /dilanjutkan.txt", got.write)
        ftp.delete("/dilanjutkan.txt")
    assert got.getvalue() == b"ok"


def test_ftp_without_tls_works(ftps_server):
    # A wrong password's 530 (after pure-ftpd's deliberate ~4 s) is tested once, through zi deploy,
    # in test_sasaran.py::test_wrong_password_and_wrong_certificate_change_nothing.
    with ftplib.FTP() as ftp:  # TLS optional: the plain-FTP target can be tested on the same server
        ftp.connect("127.0.0.1", ftps_server.port, timeout=10)
        ftp.login(ftps_server.user, ftps_server.password)
        assert ftp.nlst("/") is not None


def _in_own_thread(session) -> None:
    """asyncio.run in a fresh thread: a pytest worker that also drives Chromium through Playwright's
    sync API already has a running loop in the main thread."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, session()).result()

"""Publishing into a web root that cannot be renamed (the hosting panel serves ``public_html`` itself).

Only changed files are sent, each written beside its old version and renamed over it (a
visitor gets the old file or the new one, never half of one). The order keeps links
working for as long as the protocol allows: new and changed assets (CSS, images, PDFs,
data) first, then the HTML pages that link them, the home page last, and files the new
site no longer has are deleted only after that. During the upload a visitor may still see
an old page next to a new one (for example an old plan page while the home page is
already new); the README says so. Files ``zi deploy`` did not put there are never deleted.
"""

from __future__ import annotations

import contextlib
import posixpath
from datetime import datetime
from pathlib import Path

from generator.staff.deploy.config import DeployConfig, DeployError
from generator.staff.deploy.release import release_name
from generator.staff.deploy.saluran import Saluran, makedirs
from generator.staff.deploy.unggah import (
    JURNAL,
    META,
    TEMP_SUFFIX,
    Echo,
    Hitungan,
    Jurnal,
    Pengirim,
    baca_jurnal,
    baca_meta,
    daftar_lokal,
    digest,
    meta_bytes,
    periksa_ukuran,
)


def urutan(rel: str) -> tuple[bool, bool, int, str]:
    """Assets before pages; among pages the deeper ones first and the home page last."""
    return (rel.endswith(".html"), rel == "index.html", -rel.count("/"), rel)


def deploy(s: Saluran, config: DeployConfig, site_dir: Path, echo: Echo, now: datetime) -> str:
    base = config.path
    makedirs(s, base)
    local = daftar_lokal(site_dir)
    meta = baca_meta(s, base)
    previous, published = meta if meta else (None, {})
    if meta is None and s.listdir(base):
        echo(
            f"Catatan: {base} sudah berisi berkas yang tidak diterbitkan zi deploy; berkas itu dibiarkan "
            "(tidak dihapus), berkas situs dengan nama yang sama ditimpa."
        )
    done = baca_jurnal(s, posixpath.join(base, JURNAL))
    known = {rel: f.sha256 for rel, f in published.items()}
    known.update(done)
    name = release_name(now, digest(local), [previous] if previous else [])

    hit = Hitungan()
    changed = sorted((rel for rel in local if known.get(rel) != local[rel].sha256), key=urutan)
    changed_set = set(changed)
    for rel in local:
        if rel not in changed_set:
            if rel in done and published.get(rel) != local[rel]:
                hit.dilanjutkan += 1
            else:
                hit.tetap += 1
    removed = sorted((set(published) | set(done)) - set(local), key=urutan, reverse=True)
    echo(
        f"Mengunggah ke {config.alamat} (mode langsung): {len(changed)} berkas berubah atau baru, "
        f"{len(removed)} dihapus, {len(local) - len(changed)} tidak berubah."
    )
    jurnal = Jurnal(s, posixpath.join(base, JURNAL))
    pengirim = Pengirim(s, site_dir, base, jurnal, hit)
    for rel in changed:
        pengirim.kirim(rel, local[rel], via_temp=True)
    jurnal.flush()
    wrong = periksa_ukuran(s, base, local, only=changed)
    if wrong:
        raise DeployError(
            f"Ukuran {len(wrong)} berkas di server tidak sama dengan di komputer ini: {', '.join(wrong[:5])}. "
            "Periksa kuota disk akun hosting, lalu jalankan zi deploy lagi (berkas yang sudah benar tidak dikirim ulang)."
        )

    for rel in removed:
        with contextlib.suppress(DeployError):
            s.remove(posixpath.join(base, rel))
    _remove_empty_dirs(s, base, removed, local)

    s.put_bytes(meta_bytes(name, local), posixpath.join(base, META + TEMP_SUFFIX))
    s.replace(posixpath.join(base, META + TEMP_SUFFIX), posixpath.join(base, META))
    with contextlib.suppress(DeployError):
        s.remove(posixpath.join(base, JURNAL))
    echo(f"Situs di {base} diperbarui ke {name}: {hit.ringkas()}; {len(removed)} berkas lama dihapus.")
    return name


def _remove_empty_dirs(s: Saluran, base: str, removed: list[str], local: dict) -> None:
    """Folders that only held removed files; a folder with anything else in it stays."""
    keep = {posixpath.dirname(rel) for rel in local}
    keep |= {d for rel in list(keep) for d in _parents(rel)}
    dirs = {d for rel in removed for d in _parents(posixpath.dirname(rel))} - keep - {""}
    for d in sorted(dirs, key=lambda d: -d.count("/")):
        with contextlib.suppress(DeployError):
            if s.listdir(posixpath.join(base, d)) == []:
                s.rmdir(posixpath.join(base, d))


def _parents(rel: str) -> list[str]:
    out = []
    while rel:
        out.append(rel)
        rel = posixpath.dirname(rel)
    return out


def rollback(config: DeployConfig) -> None:
    raise DeployError(
        f"Mode langsung ({config.path}) tidak menyimpan rilis sebelumnya, jadi tidak ada yang bisa dikembalikan. "
        "Untuk kembali ke versi lama: `git revert` perubahan datanya, bangun dan terbitkan lagi; hanya berkas "
        "yang berbeda yang dikirim. Agar bisa rollback, pakai mode rilis (folder current) bila panel hosting "
        "mengizinkan document root diarahkan ke folder lain."
    )


def daftar(s: Saluran, config: DeployConfig) -> tuple[list[str], str | None]:
    meta = baca_meta(s, config.path) if s.listdir(config.path) is not None else None
    return ([meta[0]], meta[0]) if meta else ([], None)

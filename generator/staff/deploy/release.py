"""What is published: the finished build check, its digest and the release folder names."""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime
from pathlib import Path

from generator.keluaran import MARKER, is_previous_build
from generator.staff.deploy.config import DeployError
from generator.staff.importer.plan import PLACEHOLDER

# 20261121T101500Z-1a2b3c4d, or 20261121T101500Z.01-1a2b3c4d for a second deploy within the
# same second. Plain string order is deploy order ('-' sorts before '.').
RELEASE = re.compile(r"^(?P<ts>\d{8}T\d{6}Z)(?:\.(?P<n>\d{2}))?-(?P<hash>[0-9a-f]{8})$")


def check_site(site_dir: Path) -> None:
    """Refuse to publish anything that is not a finished build."""
    if not site_dir.is_dir():
        raise DeployError(f"Folder situs {site_dir} tidak ada. Bangun dulu dengan `zi build`.")
    if not any(site_dir.iterdir()):
        raise DeployError(f"Folder situs {site_dir} kosong. Bangun dulu dengan `zi build`.")
    if not (site_dir / "index.html").is_file():
        raise DeployError(
            f"Folder situs {site_dir} tidak berisi index.html; ini bukan hasil `zi build`. Situs tidak diterbitkan."
        )
    if not is_previous_build(site_dir):
        raise DeployError(
            f"Folder situs {site_dir} tidak berisi penanda {MARKER} yang ditulis setiap `zi build`; "
            "ini bukan hasil `zi build`. Bangun dulu dengan `zi build`. Situs tidak diterbitkan."
        )
    # `zi import` and `zi new-year` write "[ISI: ...]" where staff must still type the decree's
    # text. Such a site builds (so staff can preview it) but must never reach the public.
    unfilled = sorted(
        p.relative_to(site_dir).as_posix()
        for p in site_dir.rglob("*.html")
        if PLACEHOLDER in p.read_text(encoding="utf-8", errors="replace")
    )
    if unfilled:
        shown = ", ".join(unfilled[:5]) + (f" dan {len(unfilled) - 5} halaman lain" if len(unfilled) > 5 else "")
        raise DeployError(
            f"Situs masih memuat isian {PLACEHOLDER} ...] yang belum diganti, di {shown}. "
            "Ganti setiap isian bertanda '# ISI' di berkas data, bangun ulang dengan `zi build`, "
            "lalu terbitkan lagi. Situs tidak diterbitkan."
        )


def site_digest(site_dir: Path) -> str:
    """Short content hash: names the release after what it holds, not only when it was sent."""
    h = hashlib.sha256()
    for p in sorted(site_dir.rglob("*")):
        if p.is_file():
            h.update(p.relative_to(site_dir).as_posix().encode() + b"\0")
            h.update(hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()[:8]


def release_name(now: datetime, digest: str, existing: list[str]) -> str:
    """A name that sorts after every existing release, so name order is deploy order.

    Normally the UTC second; when the newest release already has this second (two deploys
    in one second) or a later one (the other deployer's clock runs ahead), reuse its
    second with the next counter, so rollback and pruning stay right.
    """
    ts = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    newest = max(existing, default=None)
    m = RELEASE.match(newest) if newest is not None else None
    if m is None or m["ts"] < ts:
        return f"{ts}-{digest}"
    n = int(m["n"] or 0) + 1
    if n > 99:
        raise DeployError("Terlalu banyak penerbitan dalam satu detik; coba lagi sebentar lagi.")
    return f"{m['ts']}.{n:02d}-{digest}"


def to_prune(releases: list[str], current: str | None, keep: int) -> list[str]:
    """The releases beyond the ``keep`` newest, never the live one."""
    old = sorted(releases)[:-keep] if len(releases) > keep else []
    return [r for r in old if r != current]

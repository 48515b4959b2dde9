"""``zi rollup``: a province overview site built from its units' ``ringkasan.json``.

Flow: read DAFTAR (``daftar``) → fetch every unit at once, bounded and timed (``fetch``) →
validate with the v1 models (``periksa``) → keep good copies and fall back to them (``cache``) →
combined data and the roll-up's own ringkasan.json (``data``) → static pages (``pages``) →
one folder, swapped in whole. A unit that cannot be read is a warning, never a failed build;
the command fails only when no unit could be read and none is in the cache.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator import keluaran
from generator.ringkasan import Anggota
from generator.staff.rollup import daftar as daftar_mod
from generator.staff.rollup.cache import Cache
from generator.staff.rollup.data import AREA_CSV, REKAP_CSV, UNIT_CSV, UNIT_JSON, Anggotaan, berkas_data
from generator.staff.rollup.fetch import BAIK, baca_semua
from generator.staff.rollup.pages import berkas_halaman

TANPA_JUDUL = "Rangkuman Zona Integritas"  # the roll-up's own unit name when --judul is not given
UNDUH_JUDUL = {
    UNIT_CSV: "Data per unit",
    AREA_CSV: "Progres per area perubahan",
    REKAP_CSV: "Rekap terbaru per unit",
    UNIT_JSON: "Semua unit seperti dibaca, dengan ringkasan.json-nya",
}


@dataclass(frozen=True)
class Hasil:
    anggota: tuple[Anggotaan, ...]
    berkas: dict[str, bytes]
    peringatan: tuple[str, ...]


def rangkum(
    alamat: list[daftar_mod.Alamat],
    judul: str,
    cache: Cache,
    paralel: int,
    batas_waktu: float,
    hari: dt.date,
    situs: str = "./",
    induk: str | None = None,
) -> Hasil:
    """Read every unit and make every file of the overview (site path -> bytes)."""
    anggota: list[Anggotaan] = []
    peringatan: list[str] = []
    for u in baca_semua(alamat, paralel, batas_waktu):
        sumber = u.alamat.sumber  # the cache key: a folder resolved
        tampil = u.alamat.url or u.alamat.tertulis  # what the site publishes: never a resolved local path
        if u.keadaan == BAIK and u.ringkasan is not None:
            cache.simpan(sumber, u.ringkasan, hari)
            anggota.append(
                Anggotaan(Anggota(situs=tampil, keadaan=BAIK, dibaca=hari, ringkasan=u.ringkasan), None, False)
            )
            continue
        lama = cache.ambil(sumber)
        if lama is None:
            peringatan.append(f"Peringatan: {tampil}: {u.keadaan}: {u.alasan}; belum ada salinan yang pernah terbaca.")
            anggota.append(Anggotaan(Anggota(situs=tampil, keadaan=u.keadaan), u.alasan, False))
        else:
            peringatan.append(
                f"Peringatan: {tampil}: {u.keadaan}: {u.alasan}; ditampilkan salinan yang dibaca {lama[1].isoformat()}."
            )
            anggota.append(
                Anggotaan(Anggota(situs=tampil, keadaan=u.keadaan, dibaca=lama[1], ringkasan=lama[0]), u.alasan, True)
            )
    data = berkas_data(judul or TANPA_JUDUL, situs, induk, anggota)
    pages = berkas_halaman(judul, hari, anggota, data, UNDUH_JUDUL)
    return Hasil(tuple(anggota), {**data, **pages}, tuple(peringatan))


def jalankan(
    daftar: Path,
    site_dir: Path,
    judul: str | None,
    cache_dir: Path,
    paralel: int,
    batas_waktu: float,
    echo: Callable[..., None],
    situs: str | None = None,
    hari: dt.date | None = None,
) -> int:
    """The command: 0 when the overview was written (even with unreadable units), 1 otherwise."""
    try:
        alamat = daftar_mod.baca(daftar)
        target = keluaran.check_site_dir(site_dir, keluaran.Repo.from_config_file())
    except daftar_mod.DaftarError as exc:
        for p in exc.problems:
            echo(p.format(), err=True)
        echo("Rangkuman tidak dibuat; folder hasil tidak diubah.", err=True)
        return 1
    except keluaran.KeluaranError as exc:
        echo(str(exc), err=True)
        return 1
    hasil = rangkum(
        alamat,
        judul or "",
        Cache(cache_dir),
        paralel,
        batas_waktu,
        hari or dt.datetime.now(dt.UTC).date(),
        situs=situs or "./",
    )
    for line in hasil.peringatan:
        echo(line, err=True)
    terbaca = [a for a in hasil.anggota if a.anggota.ringkasan is not None]
    if not terbaca:
        echo(
            f"Tidak satu unit pun dapat dibaca dan tidak ada salinan di cache ({cache_dir}); rangkuman tidak dibuat. "
            "Periksa alamat di daftar dan sambungan jaringan, lalu jalankan lagi.",
            err=True,
        )
        return 1
    _tulis(target, hasil.berkas)
    baik = sum(a.anggota.keadaan == BAIK for a in hasil.anggota)
    echo(
        f"Rangkuman selesai di {site_dir}: {len(hasil.anggota)} unit, {baik} terbaca, "
        f"{len(hasil.anggota) - baik} tidak terbaca ({sum(a.dari_cache for a in hasil.anggota)} dari salinan cache)."
    )
    return 0


def _tulis(target: Path, berkas: dict[str, bytes]) -> None:
    """Write the site into a fresh folder next to ``target``, then swap it in whole."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".zi-rollup-", dir=target.parent))
    try:
        for path in sorted(berkas):
            out = staging / path
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(berkas[path])
        keluaran.write_marker(staging)
        staging.chmod(0o755)
        if os.path.lexists(target):
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.lama-", dir=target.parent))
            target.rename(old / target.name)
            staging.rename(target)
            shutil.rmtree(old, ignore_errors=True)
        else:
            staging.rename(target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise

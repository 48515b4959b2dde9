"""Read every unit's ringkasan.json at once, a bounded number at a time, each within a time limit.

asyncio with one ``httpx.AsyncClient``: at most ``paralel`` requests are open together (a
semaphore), and each unit gets ``batas_waktu`` seconds in total (connect, wait and read). A local
folder is read from disk. Every failure is caught here and becomes a reason for that unit only.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final, Literal

import httpx

from generator.pages.alamat import RINGKASAN
from generator.ringkasan import Ringkasan
from generator.staff.rollup.daftar import Alamat
from generator.staff.rollup.periksa import TidakSah, ringkasan

Keadaan = Literal["baik", "tidak dapat dijangkau", "data tidak valid"]
BAIK: Final = "baik"
TAK_TERJANGKAU: Final = "tidak dapat dijangkau"
TIDAK_VALID: Final = "data tidak valid"
BATAS_UKURAN = 20 * 1024 * 1024  # a ringkasan.json of a national roll-up is a few MB at most


@dataclass(frozen=True)
class Unduhan:
    """What reading one unit gave: its model, or the state and the reason it could not be read."""

    alamat: Alamat
    keadaan: Keadaan
    ringkasan: Ringkasan | None
    alasan: str | None


def baca_semua(daftar: Sequence[Alamat], paralel: int, batas_waktu: float) -> list[Unduhan]:
    """Every unit of ``daftar``, in the same order.

    Called from inside a running event loop (a notebook, Playwright's sync API in the tests), the
    fetch runs its own loop in a worker thread.
    """
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(_semua(daftar, paralel, batas_waktu))
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, _semua(daftar, paralel, batas_waktu)).result()


async def _semua(daftar: Sequence[Alamat], paralel: int, batas_waktu: float) -> list[Unduhan]:
    gate = asyncio.Semaphore(paralel)
    limits = httpx.Limits(max_connections=paralel, max_keepalive_connections=paralel)
    headers = {"User-Agent": "laman-zi-rollup", "Accept": "application/json"}
    async with httpx.AsyncClient(
        timeout=httpx.Timeout(batas_waktu), limits=limits, headers=headers, follow_redirects=True, trust_env=False
    ) as client:
        return list(await asyncio.gather(*(_satu(client, gate, a, batas_waktu) for a in daftar)))


async def _satu(client: httpx.AsyncClient, gate: asyncio.Semaphore, alamat: Alamat, batas: float) -> Unduhan:
    async with gate:
        try:
            raw = await asyncio.wait_for(_ambil(client, alamat), batas)
        except _Gagal as exc:
            return Unduhan(alamat, TAK_TERJANGKAU, None, str(exc))
        except (TimeoutError, httpx.TimeoutException):
            return Unduhan(alamat, TAK_TERJANGKAU, None, f"tidak menjawab dalam {_detik(batas)} detik")
        except httpx.ConnectError:
            return Unduhan(alamat, TAK_TERJANGKAU, None, "sambungan ditolak atau nama host tidak ditemukan")
        except httpx.HTTPError as exc:
            return Unduhan(alamat, TAK_TERJANGKAU, None, f"gagal dibaca ({type(exc).__name__})")
    try:
        return Unduhan(alamat, BAIK, ringkasan(raw), None)
    except TidakSah as exc:
        return Unduhan(alamat, TIDAK_VALID, None, str(exc))


class _Gagal(Exception):
    pass


async def _ambil(client: httpx.AsyncClient, alamat: Alamat) -> bytes:
    if alamat.folder is not None:
        return await asyncio.to_thread(_baca_folder, alamat)
    assert alamat.url is not None
    async with client.stream("GET", alamat.url + RINGKASAN) as response:
        if response.status_code != 200:
            raise _Gagal(f"HTTP {response.status_code} untuk {RINGKASAN}")
        chunks, size = [], 0
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            if size > BATAS_UKURAN:
                raise _Gagal(f"{RINGKASAN} lebih besar dari {BATAS_UKURAN // 1024 // 1024} MB")
            chunks.append(chunk)
        return b"".join(chunks)


def _baca_folder(alamat: Alamat) -> bytes:
    assert alamat.folder is not None
    path = alamat.folder / RINGKASAN
    if not alamat.folder.is_dir():
        raise _Gagal("folder tidak ada")
    try:
        if path.stat().st_size > BATAS_UKURAN:
            raise _Gagal(f"{RINGKASAN} lebih besar dari {BATAS_UKURAN // 1024 // 1024} MB")
        return path.read_bytes()
    except FileNotFoundError:
        raise _Gagal(f"tidak ada berkas {RINGKASAN} di folder itu") from None
    except OSError as exc:
        raise _Gagal(f"{RINGKASAN} tidak dapat dibaca ({exc.strerror})") from None


def _detik(s: float) -> str:
    return f"{s:g}".replace(".", ",")

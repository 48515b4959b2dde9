"""Valid ringkasan.json files made with the v1 models, and a real HTTP server to serve them."""

from __future__ import annotations

import datetime as dt
import json
import random
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from generator.ringkasan import Area, Rekap, Rencana, Ringkasan, Tautan, Unit

AREA = (("I", "Manajemen Perubahan"), ("II", "Penataan Tata Laksana"), ("III", "Penataan Sistem Manajemen SDM"))


def unit(nama: str, situs: str, langkah: int, selesai: int, terlambat: int = 0, **rekap: str) -> Ringkasan:
    """A unit's ringkasan: one 2024 plan split over three areas, and the recaps given as jenis=angka."""
    per = [langkah // 3, langkah // 3, langkah - 2 * (langkah // 3)]
    done = [min(selesai, per[0]), min(max(selesai - per[0], 0), per[1])]
    done.append(selesai - sum(done))
    area = [
        Area(
            kode=k,
            nama=n,
            langkah=per[i],
            selesai=done[i],
            persen_selesai=round(done[i] * 100 / per[i], 1) if per[i] else None,
            terlambat=terlambat if i == 0 else 0,
            belum_dilaporkan=0,
            tautan=f"{situs}2024/{k.lower()}/",
        )
        for i, (k, n) in enumerate(AREA)
    ]
    return Ringkasan(
        versi=1,
        unit=Unit(nama=f"Komisi Pemilihan Umum {nama}", singkatan=f"KPU {nama}", induk="KPU Provinsi DIY", situs=situs),
        tanggal_data=dt.date(2024, 11, 30),
        tahun=[2024],
        rencana=[
            Rencana(
                tahun=2024,
                keputusan="Nomor 478 Tahun 2024",
                tanggal_keputusan=dt.date(2024, 2, 1),
                keadaan_per=dt.date(2024, 11, 30),
                langkah=langkah,
                selesai=selesai,
                persen_selesai=round(selesai * 100 / langkah, 1) if langkah else None,
                terlambat=terlambat,
                belum_dilaporkan=0,
                area=area,
                tautan=f"{situs}2024/",
                contoh=False,
            )
        ],
        rekap=[
            Rekap(
                jenis=jenis,  # type: ignore[arg-type]
                judul=f"Rekap {jenis}",
                tahun=2024,
                periode_terakhir="2024-10",
                angka_terakhir=angka,
                per_tanggal=dt.date(2024, 11, 5),
                terlambat=jenis == "wbs",
                belum_dilaporkan=["2024-11"] if jenis == "wbs" else [],
                tautan=f"{situs}2024/{jenis}/",
                contoh=False,
            )
            for jenis, angka in rekap.items()
        ],
        tautan=Tautan(
            beranda=situs,
            data_terbuka=f"{situs}data-terbuka/",
            katalog=f"{situs}data.json",
            skema=f"{situs}skema/ringkasan-v1.schema.json",
        ),
    )


def tulis(folder, r: Ringkasan) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "ringkasan.json").write_text(r.model_dump_json(indent=1), encoding="utf-8")


class _Http(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 1024  # a class setting: listen() reads it while the server is made (552 units at once)

    def handle_error(self, request, client_address):
        """A client that gave up (time limit) makes a broken pipe here: not the roll-up's output."""


class Server:
    """A real HTTP server on 127.0.0.1 in a thread: path -> (status, body, delay seconds).

    ``routes`` may change between requests (a unit that goes down between two runs).
    """

    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, bytes, float]] = {}
        routes = self.routes

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                status, body, delay = routes.get(self.path, (404, b"tidak ada", 0.0))
                if delay:
                    time.sleep(delay)
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = _Http(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def port_tertutup() -> int:
    """A port on 127.0.0.1 nothing listens on (bound, then closed)."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def acak(seed: int) -> random.Random:
    return random.Random(seed)


def json_bytes(r: Ringkasan) -> bytes:
    return json.dumps(r.model_dump(mode="json")).encode()

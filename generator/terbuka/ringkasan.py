"""``ringkasan.json`` of a unit site, from the same rules and phrases as the home page.

Progress per area and in total are the home page's counts (``rules.capaian``; the percentage
rounded as ``pages.angka.persen`` rounds it), each recap's latest figure is the home page's
phrase (``pages.rekap.angka_terbaru``, which reads the published tables of ``rules.terbit``)
as plain text, and the freshness flags are the home page's (``rules.kesegaran``).
"""

from __future__ import annotations

import json
from fractions import Fraction
from functools import cache

import jinja2
from markupsafe import Markup

from generator.domain.bulat import bulat
from generator.pages import alamat
from generator.pages.rekap import angka_terbaru
from generator.pages.render import environment
from generator.ringkasan import VERSI, Area, Rekap, Rencana, Ringkasan, Tautan, Unit, skema
from generator.rules.capaian import Ringkasan as RingkasanCapaian
from generator.site import Site


@cache
def _env() -> jinja2.Environment:
    return environment()


def persen(r: RingkasanCapaian) -> float | None:
    """The home page's percentage (one decimal) as a number."""
    x = r.persen_selesai
    return None if x is None else float(bulat(Fraction(x) * 100, 1))


def model(site: Site, site_url: str | None, env: jinja2.Environment | None = None) -> Ringkasan:
    env = env or _env()
    base = site_url or ""
    s = site.satker
    rencana = []
    for p in reversed(site.plans):
        c = site.tahun(p.tahun).capaian
        areas = []
        for a in p.areas:
            r = c.per_area[a.slug] if c else RingkasanCapaian(a.jumlah_aksi)
            areas.append(
                Area(
                    kode=a.slug,
                    nama=a.info.nama,
                    langkah=r.jumlah,
                    selesai=r.selesai,
                    persen_selesai=persen(r),
                    terlambat=r.terlambat,
                    belum_dilaporkan=r.belum_dilaporkan if c else r.jumlah,
                    tautan=f"{base}{p.tahun}/{a.slug}/",
                )
            )
        total = c.total if c else RingkasanCapaian(p.jumlah_aksi)
        k = p.rencana.keputusan
        rencana.append(
            Rencana(
                tahun=p.tahun,
                keputusan=f"Nomor {k.nomor} Tahun {k.tahun}",
                tanggal_keputusan=k.tanggal,
                keadaan_per=c.per_tanggal if c else None,
                langkah=total.jumlah,
                selesai=total.selesai,
                persen_selesai=persen(total),
                terlambat=total.terlambat,
                belum_dilaporkan=total.belum_dilaporkan if c else total.jumlah,
                area=areas,
                tautan=f"{base}{p.tahun}/",
                contoh=bool(c and c.contoh),
            )
        )
    tahun = site.tahun(site.latest.tahun)
    rekap = []
    for x in tahun.rekap:
        kes = tahun.kesegaran.get(x.info.jenis)
        rekap.append(
            Rekap(
                jenis=x.info.jenis,  # type: ignore[arg-type]
                judul=x.info.judul,
                tahun=x.info.tahun,
                periode_terakhir=kes.terakhir.kunci if kes and kes.terakhir else None,
                angka_terakhir=Markup(angka_terbaru(x, env)).striptags(),
                per_tanggal=x.info.per_tanggal,
                terlambat=bool(kes and kes.terlambat),
                belum_dilaporkan=[p.kunci for p, _ in kes.belum_dilaporkan] if kes else [],
                tautan=f"{base}{x.info.tahun}/{x.info.jenis}/",
                contoh=x.info.contoh,
            )
        )
    return Ringkasan(
        versi=VERSI,  # type: ignore[arg-type]  # VERSI is the Literal[1] of the model
        unit=Unit(nama=s.nama, singkatan=s.singkatan, induk=s.induk, situs=base or "./"),
        tanggal_data=site.tanggal_data,
        tahun=[p.tahun for p in reversed(site.plans)],
        rencana=rencana,
        rekap=rekap,
        tautan=Tautan(
            beranda=base or "./",
            data_terbuka=base + alamat.DATA_TERBUKA,
            katalog=base + alamat.DATA_JSON,
            skema=base + alamat.RINGKASAN_SKEMA,
        ),
    )


def buat(site: Site, site_url: str | None) -> dict[str, bytes]:
    doc = model(site, site_url).model_dump(mode="json")
    return {
        alamat.RINGKASAN: (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8"),
        alamat.RINGKASAN_SKEMA: (json.dumps(skema(), ensure_ascii=False, indent=1) + "\n").encode("utf-8"),
    }

"""What other sites take from this one, from the same rules as the home page.

- ``entri``: the updates of the feeds (new realisasi records, recap periods, Keputusan), newest first;
- ``sematan``: the embeddable card (a standalone HTML page, no JavaScript, inline CSS);
- ``lencana``: the progress badge (SVG);
- ``tautkan``: the "Tautkan situs ini" page with snippets to copy.

The figures are the home page's (``ringkasan_view`` of the latest year's ``CapaianFacts``, ``info_view``
of each recap with its freshness); the sentences are in ``theme/zi/_sebar.html`` and the templates.
"""

from __future__ import annotations

from typing import Any

import jinja2
from markupsafe import Markup

from generator.pages import alamat
from generator.pages.base import Page
from generator.pages.capaian import ringkasan_view
from generator.pages.konteks import sebar as t
from generator.pages.rekap import info_view
from generator.pages.render import halaman, tanggal
from generator.pages.text import plain
from generator.site import Site

KALIMAT = "_sebar.html"
BATAS_ENTRI = 50  # entries in each feed: the newest 50 updates
PATH_TAUTKAN = alamat.TAUTKAN.removesuffix("/") + ".md"
JUDUL_TAUTKAN = "Tautkan situs ini"
# The embed's size in an iframe (oembed.json and the snippet): fits the card at a phone's width.
LEBAR_SEMATAN, TINGGI_SEMATAN = 360, 760  # the whole card at 360 px, five recaps: nothing cut off


def kalimat(env: jinja2.Environment, macro: str, **values: Any) -> str:
    """One sentence of ``_sebar.html`` as plain text (the caller escapes it)."""
    return Markup(getattr(env.get_template(KALIMAT).module, macro)(**values)).unescape().strip()


def entri(site: Site, env: jinja2.Environment) -> tuple[t.Entri, ...]:
    """Every update the data records, newest first (ties by key), at most ``BATAS_ENTRI``.

    Dates: a Keputusan's ``tanggal``; a realisasi record's ``diperbarui``; a recap period's end,
    or the file's ``per_tanggal`` when that is earlier (a period reported while it runs).
    """
    out: list[t.Entri] = []
    for p in site.plans:
        k = p.rencana.keputusan
        out.append(
            t.Entri(
                f"keputusan/{p.tahun}",
                "keputusan",
                p.tahun,
                k.tanggal,
                f"{p.tahun}/",
                kalimat(env, "judul_keputusan", tahun=p.tahun, nomor=k.nomor, tahun_keputusan=k.tahun),
                kalimat(
                    env,
                    "ringkasan_keputusan",
                    tahun=p.tahun,
                    tanggal=tanggal(k.tanggal),
                    jumlah=p.jumlah_aksi,
                    satuan=p.rencana.lampiran.kolom.uraian.lower(),
                ),
            )
        )
        tahun = site.tahun(p.tahun)
        c = tahun.capaian
        if c:
            area_of = {a.id: area for area in p.areas for a in area.aksi}
            for row_id, b in c.baris.items():
                if b.diperbarui is None or b.status is None:
                    continue
                aksi = p.rows_by_id.get(row_id)
                area = area_of.get(row_id)
                uraian = _pendek(plain(aksi.uraian)) if aksi and aksi.uraian else row_id
                out.append(
                    t.Entri(
                        f"realisasi/{p.tahun}/{row_id}/{b.diperbarui.isoformat()}",
                        "realisasi",
                        p.tahun,
                        b.diperbarui,
                        f"{p.tahun}/{area.slug}/#{row_id}" if area else f"{p.tahun}/",
                        kalimat(env, "judul_realisasi", uraian=uraian, status=b.status),
                        kalimat(
                            env,
                            "ringkasan_realisasi",
                            tahun=p.tahun,
                            area=area.info.nama if area else "",
                            id=row_id,
                            status=b.status,
                            tanggal=tanggal(b.diperbarui),
                            contoh=c.contoh,
                        ),
                    )
                )
        for r in tahun.rekap:
            info = r.info
            for periode in info.periode:
                out.append(
                    t.Entri(
                        f"rekap/{p.tahun}/{info.jenis}/{periode.kunci}",
                        "rekap",
                        p.tahun,
                        min(periode.akhir, info.per_tanggal),
                        f"{p.tahun}/{info.jenis}/",
                        kalimat(env, "judul_rekap", judul=info.judul, periode=periode.label),
                        kalimat(env, "ringkasan_rekap", judul=info.judul, periode=periode.label, contoh=info.contoh),
                    )
                )
    out.sort(key=lambda e: e.kunci)
    out.sort(key=lambda e: e.tanggal, reverse=True)
    return tuple(out[:BATAS_ENTRI])


def _pendek(text: str, batas: int = 90) -> str:
    """A row's text for a feed title: whole words up to ``batas`` characters, then "…"."""
    text = " ".join(text.split())
    if len(text) <= batas:
        return text
    return text[:batas].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def progres(site: Site) -> t.Progres:
    """The latest year's progress as the home page shows it ("16 dari 57 langkah aksi selesai")."""
    plan = site.latest
    c = site.tahun(plan.tahun).capaian
    satuan = plan.rencana.lampiran.kolom.uraian.lower()
    if c is None:
        return t.Progres(plan.tahun, False, "", str(plan.jumlah_aksi), satuan, "", None, False)
    r = ringkasan_view(c.total, satuan)
    return t.Progres(
        plan.tahun, True, r.angka_selesai, r.angka_jumlah, satuan, r.persen, tanggal(c.per_tanggal), c.contoh
    )


def sematan(site: Site, env: jinja2.Environment) -> str:
    """The embeddable card page (alamat.EMBED), a whole HTML document."""
    s = site.satker
    tahun = site.tahun(site.latest.tahun)
    rekap = []
    for x in tahun.rekap:
        v = info_view(x, tahun.kesegaran.get(x.info.jenis))
        rekap.append(t.RekapSegar(v.judul, "../" + v.url, v.per_tanggal, v.terlambat, v.belum, v.contoh))
    situs = str(s.alamat_situs) if s.alamat_situs else "../"
    konteks = t.Sematan(s.nama, s.singkatan, progres(site), tuple(rekap), situs, f"Zona Integritas {s.singkatan}")
    return halaman(env, "sematan.html", konteks)


# Approximate advance of Verdana/DejaVu Sans at 11 px; ``textLength`` in the SVG makes any font fit.
_LEBAR_HURUF = 7


def lencana(site: Site, env: jinja2.Environment) -> str:
    """The badge "Progres ZI 2024 | 28,1 %" (SVG, role=img with its title)."""
    p = progres(site)
    label = kalimat(env, "lencana_label", tahun=p.tahun)
    nilai = p.persen if p.ada else kalimat(env, "lencana_kosong")
    judul = kalimat(
        env, "lencana_judul", label=label, nilai=nilai, ada=p.ada, satuan=p.satuan, singkatan=site.satker.singkatan
    )
    kiri, kanan = len(label) * _LEBAR_HURUF, len(nilai) * _LEBAR_HURUF
    lebar_label = kiri + 12
    konteks = t.Lencana(
        label,
        nilai,
        judul,
        lebar_label + kanan + 12,
        lebar_label,
        lebar_label / 2,
        lebar_label + (kanan + 12) / 2,
        kiri,
        kanan,
    )
    return halaman(env, "lencana.svg", konteks)


def tautkan(site: Site, env: jinja2.Environment) -> Page:
    """The "Tautkan situs ini" page: a link, the badge and the embed, each as a snippet to copy."""
    s = site.satker
    alamat_situs = str(s.alamat_situs) if s.alamat_situs else None
    if alamat_situs and not alamat_situs.endswith("/"):
        alamat_situs += "/"
    base = alamat_situs or "https://alamat-situs-ini/"
    p = progres(site)
    konteks = t.Tautkan(
        singkatan=" ".join(s.singkatan.split()),  # one line: Markdown reads this page (a blank line ends raw HTML)
        alamat=alamat_situs,
        situs=base,
        lencana=base + alamat.LENCANA,
        sematan=base + alamat.EMBED,
        lencana_berkas=alamat.LENCANA,
        sematan_berkas=alamat.EMBED,
        umpan_atom=base + alamat.FEED_ATOM,
        umpan_json=base + alamat.FEED_JSON,
        oembed=base + alamat.OEMBED,
        judul_lencana=" ".join(
            kalimat(
                env,
                "lencana_judul",
                label=kalimat(env, "lencana_label", tahun=p.tahun),
                nilai=p.persen if p.ada else kalimat(env, "lencana_kosong"),
                ada=p.ada,
                satuan=p.satuan,
                singkatan=s.singkatan,
            ).split()
        ),
        tinggi=TINGGI_SEMATAN,
        lebar=LEBAR_SEMATAN,
    )
    return Page(PATH_TAUTKAN, JUDUL_TAUTKAN, halaman(env, "tautkan.md", konteks))

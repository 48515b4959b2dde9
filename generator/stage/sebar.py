"""Files other sites and readers take from this one, made at the end of ``prepare`` (they need page URLs).

- ``feed.atom`` (RFC 4287) and ``feed.json`` (JSON Feed 1.1): the updates of ``pages.sebar.entri``;
- ``embed/index.html``: the embeddable card (standalone, no JavaScript, inline CSS, under 15 KB);
- ``lencana.svg``: the progress badge; ``oembed.json``: a static oEmbed "rich" answer with the card;
- ``robots.txt`` with the ``Sitemap:`` line, when the site's address is known.

Ids are built from the data, never from the build: ``tag:`` URIs (RFC 4151) under the site's host when
``alamat_situs`` is known, else under the unit's e-mail address, else a UUID 5 of the unit's name and
the entry's key. Dates are the data's (``Entri.tanggal``) at midnight UTC, like ``Prepared.build_date``.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import jinja2

from generator.errors import Problem
from generator.pages import alamat
from generator.pages import sebar as pages_sebar
from generator.pages.konteks import sebar as t
from generator.pages.render import halaman
from generator.site import Site

ROBOTS = "robots.txt"
SITEMAP = "sitemap.xml"  # written by the engine; both list every page when site_url is set
JSON_FEED = "https://jsonfeed.org/version/1.1"


def buat(site: Site, site_url: str | None, env: jinja2.Environment) -> dict[str, bytes]:
    files = {
        alamat.EMBED + "index.html": pages_sebar.sematan(site, env).encode("utf-8"),
        alamat.LENCANA: pages_sebar.lencana(site, env).encode("utf-8"),
        alamat.OEMBED: _json(oembed(site, site_url)),
        **umpan(site, site_url, env),
    }
    if site_url:
        files[ROBOTS] = f"User-agent: *\nAllow: /\n\nSitemap: {site_url}{SITEMAP}\n".encode("ascii")
    return files


def tanpa_alamat(plans: Path) -> Problem:
    """The build warning when the site's address is unknown: the sitemap lists no page, robots.txt is not written."""
    return Problem(
        plans / "satker.yaml",
        None,
        None,
        "alamat_situs",
        "alamat situs belum diisi: peta situs (sitemap.xml) tidak memuat satu pun alamat halaman, robots.txt tidak "
        "dibuat, dan umpan serta oEmbed memakai alamat relatif",
        'tambahkan alamat tempat situs diterbitkan ke satker.yaml, mis. alamat_situs: "https://kpu-contoh.go.id/zi/"',
    )


def _waktu(d: dt.date) -> str:
    return f"{d.isoformat()}T00:00:00Z"


def _id(site: Site, site_url: str | None, kunci: str, tahun: int) -> str:
    """``tahun``: a year the unit held the name (RFC 4151 taggingEntity): the entry's plan year."""
    s = site.satker
    if site_url:
        parts = urlsplit(site_url)
        return f"tag:{parts.hostname},{tahun}:{parts.path.strip('/') + '/' if parts.path.strip('/') else ''}{kunci}"
    if s.kontak.surel:
        return f"tag:{s.kontak.surel.lower()},{tahun}:zi/{kunci}"
    return uuid.uuid5(uuid.NAMESPACE_URL, f"laman-zi:{s.singkatan}:{kunci}").urn


def umpan(site: Site, site_url: str | None, env: jinja2.Environment) -> dict[str, bytes]:
    """Both feeds of the same entries; links absolute with ``site_url``, else relative to the site root."""
    base = site_url or ""
    s = site.satker
    entri = pages_sebar.entri(site, env)
    judul = pages_sebar.kalimat(env, "judul_umpan", singkatan=s.singkatan)
    subjudul = pages_sebar.kalimat(env, "subjudul_umpan", singkatan=s.singkatan)
    newest = entri[0].tanggal if entri else site.tanggal_data
    waktu = _waktu(newest) if newest else "1970-01-01T00:00:00Z"
    views = tuple(_view(site, site_url, e, base) for e in entri)
    feed = t.Umpan(
        judul=judul,
        subjudul=subjudul,
        id=_id(site, site_url, "umpan", site.plans[0].tahun),
        beranda=base or "./",
        diri=base + alamat.FEED_ATOM,
        waktu=waktu,
        penulis=s.nama,
        entri=views,
    )
    atom = halaman(env, "umpan.xml", feed)
    items = [
        {
            "id": v.id,
            "url": v.tautan,
            "title": v.judul,
            "content_html": _h(v.ringkasan),
            "date_published": v.waktu,
            "date_modified": v.waktu,
            "tags": [e.jenis],
        }
        for v, e in zip(views, entri, strict=True)
    ]
    # JSON Feed 1.1: title, description and names are plain text; only content_html is HTML, so only it is escaped.
    json_feed: dict[str, object] = {
        "version": JSON_FEED,
        "title": judul,
        "description": subjudul,
        "language": "id",
    }
    if site_url:
        json_feed["home_page_url"] = site_url
        json_feed["feed_url"] = site_url + alamat.FEED_JSON
    json_feed["authors"] = [{"name": s.nama, **({"url": site_url} if site_url else {})}]
    json_feed["items"] = items
    return {alamat.FEED_ATOM: atom.encode("utf-8"), alamat.FEED_JSON: _json(json_feed)}


def _view(site: Site, site_url: str | None, e: t.Entri, base: str) -> t.EntriView:
    return t.EntriView(_id(site, site_url, e.kunci, e.tahun), base + e.url, e.judul, e.ringkasan, _waktu(e.tanggal))


def oembed(site: Site, site_url: str | None) -> dict[str, object]:
    """oEmbed 1.0 (oembed.com, section 2.3.4) type "rich": an iframe of the embeddable card."""
    s = site.satker
    base = site_url or ""
    w, h = pages_sebar.LEBAR_SEMATAN, pages_sebar.TINGGI_SEMATAN
    src = base + alamat.EMBED
    title = f"Zona Integritas {s.singkatan}"
    return {
        "version": "1.0",
        "type": "rich",
        "title": title,
        "author_name": s.nama,
        "provider_name": title,
        **({"provider_url": site_url} if site_url else {}),
        "html": f'<iframe src="{src}" title="Kartu ringkasan Zona Integritas" width="{w}" height="{h}" loading="lazy"></iframe>',
        "width": w,
        "height": h,
    }


def _h(text: str) -> str:
    """Staff text for a JSON string that consumers render as HTML."""
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")


def _json(data: object) -> bytes:
    """JSON with ``<``, ``>`` and ``&`` as ``\\u`` escapes: the same values, and no markup a browser sniffing the
    file as HTML could run (staff text such as a unit name travels in it)."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    for ch in "<>&":
        text = text.replace(ch, f"\\u{ord(ch):04x}")
    return (text + "\n").encode("utf-8")

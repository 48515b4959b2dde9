"""The channel page (content placeholder zi:kanal-pengaduan) gets a frozen, finished view of satker.yaml."""

from __future__ import annotations

import dataclasses

from generator.load import load_site
from generator.pages.content import expand
from generator.pages.kanal import halaman_kanal
from generator.pages.render import environment
from tests.conftest import DATA


def test_a_web_channel_shows_its_address_and_a_mail_channel_links_its_contact():
    site = load_site(DATA["gunungkidul"])
    view = halaman_kanal(site.satker)
    assert type(view).__dataclass_params__.frozen and isinstance(view.kanal, tuple)
    assert all(dataclasses.is_dataclass(c) for c in view.kanal)
    html = expand("<!-- zi:kanal-pengaduan -->\n", site, environment())
    assert '<li>Kontak: <a href="mailto:kpugk@gmail.com">kpugk@gmail.com</a></li>' in html
    assert (
        '<li>Kontak: pelaporan.gratifikasi@kpk.go.id</li><li>Alamat: <a href="https://gol.kpk.go.id">gol.kpk.go.id</a>'
        in html
    )
    assert '<li>Alamat: <a href="mailto:' not in html  # a mailto: link is the contact's, not a web address

"""Status tags and the month grid read without colour (issue 12, item 4).

Each status (Selesai, Berjalan, Belum mulai, Belum dilaporkan, Terlambat, Tidak dilaksanakan) has its own
symbol, word AND shape: the painted border style/width, corner radius and fill are read back from
Chromium and must differ between every two statuses, in light, dark, the toolbar's "Kontras tinggi" and
the OS forced-colours mode. The month grids' cells (planned months, planned vs done) are at least 24 x 24 px at 360 and 1280 px.
"""

from __future__ import annotations

import json

import pytest

from tests.browser.audit import local_page

pytestmark = pytest.mark.browser

# An area page with every status on it (the example data of plans/).
PAGE = "2024/penguatan-pengawasan/"

SHAPES = """() => {
  const out = {};
  for (const el of document.querySelectorAll('article .zi-status')) {
    const kind = [...el.classList].find(c => c.startsWith('zi-status--'));
    if (out[kind]) continue;
    const s = getComputedStyle(el);
    const filled = s.backgroundColor !== 'rgba(0, 0, 0, 0)' && s.backgroundColor !== 'transparent';
    const radius = parseFloat(s.borderTopLeftRadius), height = el.getBoundingClientRect().height;
    const corner = radius === 0 ? 'siku' : radius < height / 3 ? 'tumpul' : 'kapsul';
    out[kind] = {
      shape: [s.borderTopStyle, Math.round(parseFloat(s.borderTopWidth)), Math.round(parseFloat(s.borderLeftWidth)),
              corner, filled ? 'terbalik' : 'polos'].join(' '),
      icon: el.querySelector('.zi-status__ikon').textContent.trim(),
      word: el.textContent.replace(el.querySelector('.zi-status__ikon').textContent, '').trim(),
    };
  }
  return out;
}"""

CELLS = """() => [...document.querySelectorAll('article :is(.zi-kc, .zi-kisi) > span')].map(e => {
  const r = e.getBoundingClientRect(); return [r.width, r.height];
})"""

MODES = {
    "terang": ({"scheme": "light"}, {}),
    "gelap": ({"scheme": "dark"}, {}),
    "kontras-tinggi": ({"scheme": "light"}, {"kontras": True}),
    "warna-paksa": ({"forced_colors": "active"}, {}),
}


@pytest.mark.parametrize("mode", list(MODES))
def test_every_status_has_its_own_symbol_word_and_shape(mode, gunungkidul_site, serve, browser):
    base = serve(gunungkidul_site)
    options, toolbar = MODES[mode]
    with local_page(browser, base, width=1280, **options) as page:
        page.goto(base, wait_until="load")
        page.evaluate(f"localStorage.setItem('zi-aksesibilitas', {json.dumps(json.dumps(toolbar))})")
        page.goto(base + PAGE, wait_until="load")
        found = page.evaluate(SHAPES)
    kinds = {"zi-status--selesai", "zi-status--berjalan", "zi-status--belum-mulai", "zi-status--terlambat"}
    assert kinds <= set(found), found
    for part in ("shape", "icon", "word"):
        values = [f[part] for f in found.values()]
        assert len(set(values)) == len(values), f"{part} sama untuk dua status: {found}"


@pytest.mark.parametrize("width", [360, 1280])
def test_month_grid_cells_are_at_least_24_px(width, gunungkidul_site, serve, browser):
    base = serve(gunungkidul_site)
    with local_page(browser, base, width=width) as page:
        page.goto(base + PAGE, wait_until="load")
        cells = page.evaluate(CELLS)
    assert len(cells) >= 24
    small = [c for c in cells if c[0] < 23.95 or c[1] < 23.95]
    assert small == [], f"{len(small)} dari {len(cells)} sel kisi bulan di bawah 24 × 24 px: {small[:3]}"

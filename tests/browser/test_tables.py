"""Tables that read (issue 12, item 2), measured in Chromium on every page that has a table.

- No word of a table cell spans two line boxes: a Range per word (getClientRects), at 360 and
  1280 px, at 100 % and 200 % text (the toolbar's largest step). A word may end a line after a
  hyphen or a slash, never inside. In a table a word longer than its room (a URL) is not broken
  either: the table grows and scrolls inside its own region, so no table is painted past the
  viewport. The one exception is the card layout of narrow screens, where a cell is a block as
  wide as the card: a word wider than the whole card (at 200 % text on a phone) wraps there.
- A region that scrolls sideways says so (the hint), and one that does not, does not.
- On a 360 px phone the key figures (persen selesai, terlambat, keadaan) of the summary tables
  are in view without scrolling sideways.
- At 1280 px no table is painted under the table of contents.
- The plan page folds the decree's preamble in a <details>, so the lampiran follows the summary;
  printed (even without JavaScript) the preamble is complete and in the decree's own order.

Each site is loaded page by page once; the four width/text modes are applied to the loaded page
(viewport and the toolbar's own ziTerapkanAkses), so the sweep costs one navigation per page.
"""

from __future__ import annotations

import json

import pytest

from tests.browser.audit import local_page, page_paths

pytestmark = pytest.mark.browser

# (width, toolbar text step): index 6 of window.ziSkalaTeks is 200 %.
MODES = {"360": (360, {}), "360-teks-200": (360, {"teks": 6}), "1280": (1280, {}), "1280-teks-200": (1280, {"teks": 6})}

# The summary tables whose key columns must be in view on a phone, by caption id.
KEY_TABLES = ("cap-area", "cap-rekap", "cap-capaian-area", "cap-capaian-kegiatan")
KEY_COLUMNS = ("Persen selesai", "Terlambat", "Keadaan")

MEASURE = """async ({keyTables, keyColumns}) => {
  // Two frames: scroll timelines (the hint) follow a new layout on the next frame.
  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  const root = document.documentElement;
  const out = {broken: [], toolong: [], outside: [], spill: [], hint: [], key: []};
  const shown = (el) => {
    if (!el.getClientRects().length || el.closest('.zi-sr')) return false;
    // Visually hidden parts (the card layout's 1 px column heads) are not read by the eye.
    for (let e = el; e && e.tagName !== 'TABLE'; e = e.parentElement) {
      const r = e.getBoundingClientRect();
      if (r.width <= 1 || r.height <= 1) return false;
    }
    return true;
  };
  const where = (cell) => (cell.closest('table').querySelector('caption') || {}).textContent || '';
  // A word: a run of non-spaces, cut after hyphens, dashes and slashes (where lines may end).
  const WORD = /[^\\s\\-\\u2010-\\u2014\\/]+[\\-\\u2010-\\u2014\\/]*/g;
  for (const cell of document.querySelectorAll('article table :is(th, td, caption)')) {
    if (!shown(cell)) continue;
    const walk = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      if (n.parentElement.closest('th, td, caption') !== cell || !shown(n.parentElement)) continue;
      for (const m of n.data.matchAll(WORD)) {
        if (m[0].length < 2) continue;
        const range = document.createRange();
        range.setStart(n, m.index);
        range.setEnd(n, m.index + m[0].length);
        const lines = [];
        for (const r of range.getClientRects()) {
          if (r.width > 0.5 && !lines.some(t => Math.abs(t - r.top) < r.height / 2)) lines.push(r.top);
        }
        if (lines.length < 2) continue;
        // The one exception: in the card layout (cells are blocks, not columns) a run of letters
        // wider than the card's whole line ("Gathering/Penguatan": Chromium does not end a line
        // at a slash) cannot be shown unbroken without scrolling, so it may wrap there.
        const s = getComputedStyle(cell);
        const room = cell.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
        let start = m.index, end = m.index + m[0].length;
        while (start > 0 && !/\\s/.test(n.data[start - 1])) start--;
        while (end < n.data.length && !/\\s/.test(n.data[end])) end++;
        const run = document.createRange();
        run.setStart(n, start);
        run.setEnd(n, end);
        const wide = [...run.getClientRects()].reduce((sum, r) => sum + r.width, 0);
        if (s.display === 'block' && wide > room - 1) out.toolong.push(n.data.slice(start, end));
        else out.broken.push(`«${m[0]}» (${where(cell).trim().slice(0, 60)})`);
      }
    }
  }
  const toc = document.querySelector('.md-sidebar--secondary');
  const tocLeft = toc && toc.getClientRects().length && toc.querySelector('.md-nav__list')
    ? toc.getBoundingClientRect().left : null;
  for (const t of document.querySelectorAll('article table')) {
    if (!shown(t)) continue;
    // What is painted: the table clipped by every ancestor that scrolls or clips.
    let right = t.getBoundingClientRect().right;
    for (let e = t.parentElement; e; e = e.parentElement) {
      if (getComputedStyle(e).overflowX !== 'visible') right = Math.min(right, e.getBoundingClientRect().right);
    }
    const name = where(t.querySelector('th, td') || t).trim().slice(0, 60);
    if (right > root.clientWidth + 0.5) out.outside.push(`${name}: ${Math.round(right - root.clientWidth)} px`);
    if (tocLeft !== null && right > tocLeft + 0.5) out.spill.push(`${name}: ${Math.round(right - tocLeft)} px`);
  }
  for (const g of document.querySelectorAll('article .zi-gulir')) {
    if (!g.getClientRects().length) continue;
    const scrolls = g.scrollWidth > g.clientWidth + 1;
    const hint = g.querySelector(':scope > .zi-petunjuk-geser');
    const visible = !!hint && hint.getBoundingClientRect().height > 1 && getComputedStyle(hint).visibility === 'visible';
    if (scrolls !== visible) out.hint.push(`${g.getAttribute('aria-labelledby')}: ${scrolls ? 'bergulir tanpa petunjuk' : 'petunjuk tanpa gulir'}`);
  }
  for (const id of keyTables) {
    const cap = document.getElementById(id);
    if (!cap || cap.tagName !== 'CAPTION') continue;
    const table = cap.closest('table'), region = table.closest('.zi-gulir');
    region.scrollLeft = 0;
    const edge = region.getBoundingClientRect().left + region.clientLeft + region.clientWidth;
    const heads = [...table.tHead.rows[0].cells];
    const keys = heads.filter(h => keyColumns.includes(h.textContent.trim()));
    if (!keys.length) out.key.push(`${id}: tidak ada kolom kunci`);
    for (const h of keys) {
      const col = heads.indexOf(h);
      for (const row of table.rows) {
        const c = row.cells[col];
        if (c && c.getBoundingClientRect().right > edge + 0.5) {
          out.key.push(`${id}: kolom «${h.textContent.trim()}» di luar layar (${Math.round(c.getBoundingClientRect().right - edge)} px)`);
          break;
        }
      }
    }
  }
  return out;
}"""


def table_pages(site) -> list[str]:
    """Every built page with a table in its article, read from the built files."""
    pages = [p for p in page_paths(site) if p == "" or p.endswith("/")]
    return [p for p in pages if "<table" in (site / p / "index.html").read_text(encoding="utf-8")]


@pytest.fixture(scope="module")
def sweep(built_sites, serve, browser):
    """site name → {(path, mode): measurements}, each site measured once per module."""
    done: dict[str, dict] = {}

    def run(name: str) -> dict:
        if name in done:
            return done[name]
        site = built_sites[name]
        base = serve(site)
        paths = table_pages(site)
        assert len(paths) >= 10, paths
        found = {}
        with local_page(browser, base, width=360) as page:
            for path in paths:
                page.goto(base + path, wait_until="load")
                page.evaluate("document.fonts.ready.then(() => true)")
                for mode, (width, toolbar) in MODES.items():
                    page.set_viewport_size({"width": width, "height": 800})
                    page.evaluate(f"window.ziTerapkanAkses({json.dumps(toolbar)})")
                    found[(path, mode)] = page.evaluate(MEASURE, {"keyTables": KEY_TABLES, "keyColumns": KEY_COLUMNS})
            assert page.outside == []
        done[name] = found
        return found

    return run


def _problems(found: dict, key: str, modes=tuple(MODES)) -> list[str]:
    return [f"/{path} [{mode}] {p}" for (path, mode), f in sorted(found.items()) if mode in modes for p in f[key]]


@pytest.mark.parametrize("name", ["gunungkidul", "wonosobo"])
def test_no_word_is_broken_inside_a_table_cell(name, sweep):
    problems = _problems(sweep(name), "broken")
    assert problems == [], f"{len(problems)} kata terpotong di sel tabel:\n" + "\n".join(problems[:40])


@pytest.mark.parametrize("name", ["gunungkidul", "wonosobo"])
def test_tables_scroll_inside_their_region_never_past_the_page(name, sweep):
    problems = _problems(sweep(name), "outside")
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("name", ["gunungkidul", "wonosobo"])
def test_a_table_that_scrolls_sideways_says_so(name, sweep):
    problems = _problems(sweep(name), "hint")
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("name", ["gunungkidul", "wonosobo"])
def test_key_figures_are_in_view_on_a_phone(name, sweep):
    found = sweep(name)
    problems = _problems(found, "key", modes=("360",))
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("name", ["gunungkidul", "wonosobo"])
def test_no_table_under_the_table_of_contents_on_desktop(name, sweep):
    problems = _problems(sweep(name), "spill", modes=("1280", "1280-teks-200"))
    assert problems == [], "\n".join(problems)


PLAN = """() => {
  const y = (el) => el ? el.getBoundingClientRect().top + scrollY : null;
  const h = (id) => document.getElementById(id);
  const details = document.querySelector('details.zi-naskah');
  return {
    details: !!details, open: details ? details.open : null,
    inside: ['menimbang', 'mengingat', 'memutuskan'].map(id => !!(details && h(id) && details.contains(h(id)))),
    rendered: ['menimbang', 'mengingat', 'memutuskan'].map(id => !!(h(id) && h(id).checkVisibility())),
    summary: details ? details.querySelector('summary').checkVisibility() : null,
    order: ['keputusan', 'menimbang', 'mengingat', 'memutuskan', 'lampiran'].map(id => y(h(id))),
    kop: y(document.querySelector('.zi-keputusan__kop')),
    height: document.documentElement.scrollHeight,
    firstTable: y(document.querySelector('table.zi-lampiran')),
  };
}"""


@pytest.mark.parametrize("name", ["gunungkidul", "wonosobo"])
def test_plan_page_puts_the_lampiran_before_the_preamble_and_prints_it_whole(name, built_sites, serve, browser):
    site = built_sites[name]
    base = serve(site)
    plan = next(
        p
        for p in page_paths(site)
        if 'class="zi-lampiran"' in (site / p / "index.html").read_text(encoding="utf-8")
        if p.endswith("/")
    )
    with local_page(browser, base, width=360) as page:
        page.goto(base + plan, wait_until="load")
        screen = page.evaluate(PLAN)
        # Following a link into the preamble (the TOC, a shared link) opens it.
        page.goto(base + plan + "#mengingat", wait_until="load")
        opened = page.evaluate(PLAN)
    # Printed with JavaScript off: the CSS alone must open the preamble.
    with local_page(browser, base, width=800, java_script_enabled=False) as page:
        page.emulate_media(media="print")
        page.goto(base + plan, wait_until="load")
        printed = page.evaluate(PLAN)

    assert screen["details"] and screen["inside"] == [True] * 3, screen
    assert screen["open"] is False and screen["rendered"] == [False] * 3, screen
    keputusan, *_, lampiran = screen["order"]
    # Between the "Keputusan" heading and the lampiran: one short paragraph and the fold, under a screen.
    assert lampiran - keputusan < 800, screen
    assert opened["open"] is True and opened["rendered"] == [True] * 3, opened
    assert printed["rendered"] == [True] * 3 and printed["summary"] is False, printed
    assert printed["kop"] < printed["order"][1], printed
    assert printed["order"] == sorted(printed["order"]), f"urutan cetak bukan urutan keputusan: {printed['order']}"

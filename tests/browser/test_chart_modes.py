"""Every chart survives every display mode (issue 12, item 3).

In light, dark, the toolbar's "Kontras tinggi", the OS forced-colours mode, 200 % text and the
readable font, each chart page is opened at 360 px and the PAINTED colours are read back from the
browser (getComputedStyle fill/stroke/color, opacity blended over the chart background found by
walking up the tree). WCAG 2.2 1.4.11 wants 3:1 for the marks that carry the data, 1.4.3 wants
4.5:1 for text (chart labels are under 18 pt). Labels must stay inside the SVG's viewBox, be at
least 12 px as painted (Chartability), grow with the page's text size, and the page must not scroll
sideways (WCAG 1.4.10).
"""

from __future__ import annotations

import json

import pytest

from tests.browser.audit import local_page, page_paths

pytestmark = pytest.mark.browser

# The toolbar stores its choices in localStorage; main.html applies them before the first paint.
MODES = {
    "terang": ({"scheme": "light"}, {}),
    "gelap": ({"scheme": "dark"}, {}),
    "kontras-tinggi": ({"scheme": "light"}, {"kontras": True}),
    "warna-paksa": ({"forced_colors": "active"}, {}),
    "teks-200": ({"scheme": "light"}, {"teks": 6}),
    "huruf-mudah-dibaca": ({"scheme": "light"}, {"huruf": True}),
}

# WCAG 2.x relative luminance and contrast ratio; colours blended by their alpha over the background.
AUDIT = """() => {
  const parse = (s) => {
    const m = String(s).match(/rgba?\\(([^)]+)\\)/);
    if (!m) return null;
    const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const over = (c, bg, a) => {
    const alpha = c[3] * a;
    return [0, 1, 2].map(i => c[i] * alpha + bg[i] * (1 - alpha)).concat([1]);
  };
  const lum = (c) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
  };
  const ratio = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c[3] > 0) return c;
    }
    return [255, 255, 255, 1];
  };
  const opacity = (el, stop) => {
    let a = 1;
    for (let e = el; e && e !== stop.parentElement; e = e.parentElement) a *= Number(getComputedStyle(e).opacity);
    return a;
  };
  const out = [];
  const svgs = [...document.querySelectorAll('figure.zi-grafik svg')].filter(s => s.getClientRects().length);
  for (const svg of svgs) {
    const id = svg.closest('figure').id;
    const bg = background(svg);
    const vb = svg.viewBox.baseVal;
    const fig = svg.closest('figure').getBoundingClientRect();
    const paints = (el, prop) => {
      const s = getComputedStyle(el);
      const v = s[prop];
      const width = prop === 'stroke' ? parseFloat(s.strokeWidth) : 1;
      if (!v || v === 'none' || width === 0) return [];
      const op = opacity(el, svg) * Number(prop === 'fill' ? s.fillOpacity : s.strokeOpacity);
      if (v.startsWith('url(')) {
        // A pattern fill: what shows is the pattern's own shapes.
        const ref = document.getElementById(v.match(/#([^"')]+)/)[1]);
        return ref ? [...ref.querySelectorAll('rect, line, path')].flatMap(k => paints(k, 'fill').concat(paints(k, 'stroke'))) : [];
      }
      const c = parse(v);
      return c ? [over(c, bg, op)] : [];
    };
    for (const el of svg.querySelectorAll('rect, line, path, circle, polygon, polyline')) {
      if (el.closest('defs, pattern')) continue;
      const colours = paints(el, 'fill').concat(paints(el, 'stroke'));
      const best = Math.max(0, ...colours.map(c => ratio(c, bg)));
      out.push({kind: 'mark', id, cls: el.getAttribute('class'), ratio: best});
    }
    for (const t of svg.querySelectorAll('text')) {
      const c = paints(t, 'fill')[0];
      const b = t.getBBox();
      const r = t.getBoundingClientRect();
      out.push({kind: 'text', id, cls: t.getAttribute('class'), text: t.textContent, ratio: c ? ratio(c, bg) : 0,
                inside: b.x >= vb.x - 0.5 && b.y >= vb.y - 0.5 && b.x + b.width <= vb.x + vb.width + 0.5
                        && b.y + b.height <= vb.y + vb.height + 0.5
                        && r.left >= fig.left - 0.5 && r.right <= fig.right + 0.5
                        && r.left >= 0 && r.right <= document.documentElement.clientWidth,
                height: r.height, px: parseFloat(getComputedStyle(t).fontSize) * svg.getScreenCTM().a});
    }
  }
  return out;
}"""


FIGURES_OUTSIDE = """() => [...document.querySelectorAll('figure.zi-grafik')]
  .filter(f => { const r = f.getBoundingClientRect(); return r.left < 0 || r.right > document.documentElement.clientWidth; })
  .map(f => f.id)"""


def chart_pages(site) -> list[str]:
    """Home, the plan page, ONE area page and every recap page: the pages that draw charts."""
    paths, area_seen = [], False
    for path in page_paths(site):
        html = (site / path / "index.html").read_text(encoding="utf-8") if path.endswith("/") or not path else ""
        if 'class="zi-grafik"' not in html:
            continue
        is_area = 'id="grafik-capaian-' in html and not any(f'id="grafik-capaian-{c}' in html for c in "0123456789")
        if is_area:
            if area_seen:
                continue
            area_seen = True
        paths.append(path)
    return paths


def audit(page, base: str, path: str) -> list[dict]:
    page.goto(base + path, wait_until="load")
    page.evaluate("document.fonts.ready.then(() => true)")
    return page.evaluate(AUDIT)


@pytest.mark.parametrize("mode", list(MODES))
@pytest.mark.parametrize("name", ["gunungkidul", "wonosobo"])
def test_every_chart_is_legible_in_every_mode(name, mode, built_sites, serve, browser):
    site = built_sites[name]
    base = serve(site)
    options, toolbar = MODES[mode]
    paths = chart_pages(site)
    assert len(paths) >= 4, paths
    problems, marks, texts = [], 0, 0
    with local_page(browser, base, width=360, **options) as page:
        page.goto(base, wait_until="load")
        page.evaluate(f"localStorage.setItem('zi-aksesibilitas', {json.dumps(json.dumps(toolbar))})")
        for path in paths:
            found = audit(page, base, path)
            for f in found:
                if f["kind"] == "mark":
                    marks += 1
                    if f["ratio"] < 3:
                        problems.append(f"/{path} #{f['id']} .{f['cls']}: kontras {f['ratio']:.2f}:1 < 3:1")
                else:
                    texts += 1
                    if f["ratio"] < 4.5:
                        problems.append(f"/{path} #{f['id']} «{f['text']}»: kontras {f['ratio']:.2f}:1 < 4.5:1")
                    if not f["inside"]:
                        problems.append(f"/{path} #{f['id']} «{f['text']}»: teks terpotong di luar grafik")
                    # Chartability: no chart text under 12 px as painted.
                    if f["px"] < 11.95:
                        problems.append(f"/{path} #{f['id']} «{f['text']}»: huruf {f['px']:.1f} px < 12 px")
            # No chart makes the page scroll sideways (WCAG 1.4.10): every figure fits the viewport.
            # (The page-wide check at 200 % text is test_modes/test_phone's: the header is not a chart.)
            wide = page.evaluate(FIGURES_OUTSIDE)
            problems += [f"/{path} #{w}: grafik lebih lebar dari layar 360 px" for w in wide]
    assert marks and texts
    assert problems == [], "\n".join(problems)


# Painted size of the chart labels of the first visible chart, and of the body text, in CSS px.
SIZES = """() => {
  const svg = [...document.querySelectorAll('figure.zi-grafik svg')].find(s => s.getClientRects().length);
  const label = svg.querySelector('.zi-grafik__label');
  return {label: parseFloat(getComputedStyle(label).fontSize) * svg.getScreenCTM().a,
          body: parseFloat(getComputedStyle(document.querySelector('.md-content .md-typeset')).fontSize),
          drawing: svg.getAttribute('class')};
}"""


@pytest.mark.parametrize("width", [360, 1280])
def test_chart_labels_grow_with_the_text_size(width, gunungkidul_site, serve, browser):
    """At 200 % text the chart labels are painted at least 1.5 times as large as at 100 %, and never
    under 0.7 of the body text (0.8 at 100 %): on a phone that takes the narrow drawing (generator/pages/skala.py)."""
    base = serve(gunungkidul_site)
    sizes = {}
    with local_page(browser, base, width=width) as page:
        for teks, label in ((None, "100 %"), (6, "200 %")):
            page.goto(base, wait_until="load")
            toolbar = {} if teks is None else {"teks": teks}
            page.evaluate(f"localStorage.setItem('zi-aksesibilitas', {json.dumps(json.dumps(toolbar))})")
            page.goto(base, wait_until="load")
            sizes[label] = page.evaluate(SIZES)
    small, large = sizes["100 %"], sizes["200 %"]
    assert large["body"] >= 1.9 * small["body"], sizes
    assert large["label"] >= 1.5 * small["label"], sizes
    for s in (small, large):
        assert s["label"] >= 0.7 * s["body"], sizes
    if width == 360:
        assert "zi-grafik__svg--sempit" in large["drawing"] and "zi-grafik__svg--lebar" in small["drawing"], sizes

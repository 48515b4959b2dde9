"""A screenshot review: every page type (tests/browser/page_types.py) of the Gunungkidul site at 360 and
1280 px, light, dark and the toolbar's "Kontras tinggi", written to tests/artifacts/tampilan/ (ZI_ARTIFACTS
moves the folder) for a person to look at; each must show a page, not a blank or one-colour screen.

One browser context per width and mode, one page reused for every page type; the first screen only.
The README's "Tampilan" pictures (tests/screenshots/) are regenerated with ZI_PERBARUI_GAMBAR=1.
"""

from __future__ import annotations

import base64
import os

import pytest

from tests.browser.audit import local_page
from tests.browser.page_types import page_types
from tests.conftest import ARTIFACTS, REPO

pytestmark = pytest.mark.browser

MODES = {"terang": "light", "gelap": "dark", "kontras": "light"}
WIDTHS = (360, 1280)
README_SHOTS = REPO / "tests" / "screenshots"
# The few pictures the README shows: (width, mode, page type).
README = [
    (360, "terang", "beranda"),
    (1280, "terang", "area"),
    (360, "gelap", "gratifikasi"),
    (1280, "kontras", "survei"),
]

# Colours of the screenshot, read back in the browser from the PNG itself (no image library needed).
_COLOURS = """async (png) => {
  const img = new Image(); img.src = 'data:image/png;base64,' + png; await img.decode();
  const c = document.createElement('canvas'); c.width = img.width; c.height = img.height;
  const g = c.getContext('2d'); g.drawImage(img, 0, 0);
  const d = g.getImageData(0, 0, c.width, c.height).data, counts = new Map();
  for (let i = 0; i < d.length; i += 16) { const k = (d[i] >> 3) << 10 | (d[i+1] >> 3) << 5 | d[i+2] >> 3;
    counts.set(k, (counts.get(k) || 0) + 1); }
  const total = d.length / 16;
  return {distinct: counts.size, top: Math.max(...counts.values()) / total, width: img.width};
}"""


@pytest.mark.parametrize("mode", sorted(MODES))
@pytest.mark.parametrize("width", WIDTHS)
def test_screenshot_of_every_page_type(width, mode, gunungkidul_site, serve, browser):
    base = serve(gunungkidul_site)
    folder = ARTIFACTS / "tampilan"
    folder.mkdir(parents=True, exist_ok=True)
    blank = []
    with local_page(browser, base, width=width, scheme=MODES[mode], reduced_motion="reduce") as page:
        if mode == "kontras":
            page.add_init_script("localStorage.setItem('zi-aksesibilitas', JSON.stringify({kontras: true}))")
        for kind, path in page_types(gunungkidul_site).items():
            page.goto(base + path, wait_until="load")  # reduced motion: nothing slides in
            if mode == "kontras":
                assert page.evaluate("document.documentElement.classList.contains('zi-kontras')"), path
            target = folder / f"{kind}-{width}-{mode}.png"
            png = page.screenshot(path=str(target))
            colours = page.evaluate(_COLOURS, base64.b64encode(png).decode("ascii"))
            if colours["width"] != width or colours["distinct"] < 8 or colours["top"] > 0.97:
                blank.append(f"{target.name}: {colours}")
            if os.environ.get("ZI_PERBARUI_GAMBAR") == "1" and (width, mode, kind) in README:
                # Small enough to commit (≤ 100 KB): the phone's first screen, the desktop's top 420 px.
                README_SHOTS.mkdir(exist_ok=True)
                clip = None if width == 360 else {"x": 0, "y": 0, "width": width, "height": 420}
                page.screenshot(path=str(README_SHOTS / target.name), clip=clip)
        assert page.outside == []
    assert not blank, "tangkapan layar kosong atau satu warna:\n" + "\n".join(blank)


def test_readme_pictures_exist_and_are_small():
    names = {f"{kind}-{width}-{mode}.png" for width, mode, kind in README}
    assert {p.name for p in README_SHOTS.glob("*.png")} == names
    for p in README_SHOTS.glob("*.png"):
        assert p.stat().st_size <= 100_000, f"{p.name}: {p.stat().st_size} bytes (at most 100 KB)"
    text = (REPO / "README.md").read_text(encoding="utf-8")
    for name in names:
        assert f"tests/screenshots/{name}" in text, name

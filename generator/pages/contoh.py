""" "Data contoh" travels with the numbers.

A page that shows example figures already opens with a notice; but a chart is
also read alone (its SVG title and description by a screen reader, its caption
when quoted), a page is found by its meta description (search
engines, shared links), and a section by the site search, which indexes the
page section by section. So each of those carries the mark too.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

from markupsafe import Markup

from generator.pages.base import Page

LABEL = "Data contoh"
NOTICE_CLASS = "zi-data-contoh"  # the class of the notice from theme/zi/_data.html data_contoh()
_PARTS = re.compile(r'(<title id="grafik-[^"]+">|<desc id="grafik-[^"]+">|<figcaption class="zi-grafik__ringkasan">)')


def tandai_grafik(grafik: Any) -> Any:
    """A chart (Markup from generator.pages.grafik) whose title, description and caption start with 'Data contoh'."""
    if not isinstance(grafik, Markup) or 'class="zi-grafik"' not in grafik:
        return grafik
    return Markup(_PARTS.sub(lambda m: f"{m.group(1)}{LABEL}: ", str(grafik)))


def tandai_semua(value: Any) -> Any:
    """Every chart inside a template context (dicts and lists walked), marked."""
    if isinstance(value, dict):
        return {k: tandai_semua(v) for k, v in value.items()}
    if isinstance(value, list):
        return [tandai_semua(v) for v in value]
    return tandai_grafik(value)


def tandai_halaman(page: Page, satker: str, deskripsi: str) -> Page:
    """A page showing example figures gets 'Data contoh' in its meta description.

    Not in its browser title: that is the page's h1 (theme/main.html), and the notice opens the page.
    """
    if NOTICE_CLASS not in page.markdown or page.markdown.startswith("---\n"):
        return page
    description = f"{LABEL}: angka pada halaman ini bukan data resmi {satker}. {deskripsi}"
    # JSON strings are YAML strings; escaped because Material prints meta values unescaped.
    front = f"---\ndescription: {json.dumps(html.escape(description))}\n---\n"
    return Page(page.path, page.title, front + page.markdown)

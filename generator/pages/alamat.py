"""Site paths of the files made for readers and machines (downloads, open data, feeds, embeds).

One place, so the page that links a file, the catalogue that lists it (``data.json``,
``datapackage.json``, JSON-LD) and the stage that writes it agree. Paths are relative to the
site root, without a leading slash; a page at depth ``d`` links them with ``"../" * d``.
"""

from __future__ import annotations

DATA = "data"  # open data folder: CSV, JSON and XLSX per dataset
DATAPACKAGE = f"{DATA}/datapackage.json"  # Frictionless Data Package describing every file of DATA
DATA_JSON = "data.json"  # DCAT-US / Project Open Data catalogue (what CKAN harvesters read)
RINGKASAN = "ringkasan.json"  # the one small file a province office reads (versioned)
RINGKASAN_SKEMA = "skema/ringkasan-v1.schema.json"  # JSON Schema of RINGKASAN, "versi": 1
DATA_TERBUKA = "data-terbuka/"  # the page listing every open-data file and column
FEED_ATOM = "feed.atom"
FEED_JSON = "feed.json"
EMBED = "embed/"  # the embeddable card page (no JavaScript, < 15 KB)
LENCANA = "lencana.svg"  # the progress badge
OEMBED = "oembed.json"
TAUTKAN = "tautkan/"  # "Tautkan situs ini": copy-paste snippets


def pdf_keputusan(tahun: int) -> str:
    """The Keputusan of a year's plan as a PDF generated from the YAML."""
    return f"{tahun}/keputusan-{tahun}.pdf"

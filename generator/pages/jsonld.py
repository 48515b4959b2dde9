"""schema.org JSON-LD as a ``<script type="application/ld+json">`` block that staff text cannot break out of."""

from __future__ import annotations

import json

from markupsafe import Markup

# Inside <script> the HTML parser ends at "</script" whatever the JSON says: "<", ">" and "&"
# are written as JSON escapes, so no staff text can close the element or open a comment.
_AMAN = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def skrip(data: object) -> Markup:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_AMAN)
    return Markup(f'<script type="application/ld+json">{text}</script>')

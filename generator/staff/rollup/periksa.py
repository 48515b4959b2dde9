"""Is a downloaded ``ringkasan.json`` one we can read? JSON, a known ``versi``, the v1 model.

The pydantic models of ``generator.ringkasan`` are the contract; this module only turns their
refusal into one Indonesian reason a person can act on.
"""

from __future__ import annotations

import json

from pydantic import ValidationError

from generator.ringkasan import VERSI, Ringkasan


class TidakSah(Exception):
    """The file is not a readable ringkasan.json; the message says why (Indonesian)."""


def ringkasan(raw: bytes) -> Ringkasan:
    """The model of ``raw``; TidakSah with the reason otherwise."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise TidakSah("berkas bukan teks UTF-8") from None
    except json.JSONDecodeError as exc:
        raise TidakSah(f"bukan JSON yang sah (baris {exc.lineno}, kolom {exc.colno}: {exc.msg})") from None
    if not isinstance(data, dict):
        raise TidakSah("isi berkas bukan objek JSON")
    versi = data.get("versi")
    if versi != VERSI:
        raise TidakSah(f"versi {json.dumps(versi)} tidak dikenal (yang dikenal: versi {VERSI})")
    try:
        return Ringkasan.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors()
        first = errors[0]
        where = ".".join(str(p) for p in first["loc"]) or "(berkas)"
        more = f"; dan {len(errors) - 1} kesalahan lain" if len(errors) > 1 else ""
        raise TidakSah(f"tidak sesuai skema ringkasan versi {VERSI}: {where}: {first['msg']}{more}") from None

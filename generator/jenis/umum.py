"""What the recap kinds' page builders share: the series of periods and the typed pieces every page has."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from generator.domain.periode import Periode
from generator.rules.kesegaran import Kesegaran

T = TypeVar("T")


def seri(kes: Kesegaran | None, reported: Mapping[Periode, T]) -> list[tuple[Periode, T | None]]:
    """Reported periods and due-but-missing ones (value None), newest first."""
    missing: dict[Periode, T | None] = {p: None for p, _ in (kes.belum_dilaporkan if kes else ())}
    both = {**missing, **reported}
    return sorted(both.items(), key=lambda kv: kv[0].mulai, reverse=True)


def belum(kes: Kesegaran | None) -> list[Periode]:
    """Due periods not reported, oldest first."""
    return [p for p, _ in (kes.belum_dilaporkan if kes else ())]


def ada_catatan(rows: Any) -> bool:
    """Whether the table needs a Catatan column: a period's note is shown in its own row."""
    return any(r.catatan for r in rows)

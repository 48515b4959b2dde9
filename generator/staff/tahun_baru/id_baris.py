"""Row ids of the new plan: the same as last year's, pinned with ``id:`` where a dropped item would renumber."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import BaseModel

from generator.model import RencanaAksi
from generator.rules import PlanFacts, derive_plan
from generator.staff.importer.write import Before, Commented, plain

if TYPE_CHECKING:
    from generator.staff.tahun_baru.rencana import Work


def _walk(areas: list, facts: tuple) -> list[tuple[dict | BaseModel, str, int]]:
    """(item, derived id, depth) for every kelompok, kegiatan, indikator and aksi, in order."""
    out = []

    def get(item, name):
        value = item.get(name) if isinstance(item, dict) else getattr(item, name)
        return (value.value if isinstance(value, Commented) else value) or []

    for area, af in zip(areas, facts):
        if get(area, "kelompok"):
            pairs = []
            for g, gf in zip(get(area, "kelompok"), af.kelompok):
                out.append((g, gf.id, 1))
                pairs += [(k, kf) for k, kf in zip(get(g, "kegiatan"), gf.kegiatan)]
        else:
            pairs = list(zip(get(area, "kegiatan"), af.kelompok[0].kegiatan))
        for k, kf in pairs:
            out.append((k, kf.id, 2))
            for i, inf in zip(get(k, "indikator"), kf.indikator):
                out.append((i, inf.id, 3))
                out.extend((a, af_.id, 4) for a, af_ in zip(get(i, "aksi"), inf.aksi))
            if get(k, "aksi"):  # no indikator level: the implicit one is last
                out.extend((a, af_.id, 4) for a, af_ in zip(get(k, "aksi"), kf.indikator[-1].aksi))
    return out


def ids_of(plan: RencanaAksi, facts: PlanFacts) -> dict[int, str]:
    return {id(item): ident for item, ident, _ in _walk(plan.lampiran.area, facts.areas)}


def pin_ids(data: dict, w: Work) -> None:
    """Pin ``id:`` where a dropped gap item would renumber an unnumbered sibling.

    Top-most mismatches first: a pinned kegiatan id carries its children along, so
    they need no pin of their own.
    """
    for _ in range(5):
        facts = derive_plan(RencanaAksi.model_validate(plain(data)))
        wrong = [
            (item, w.old_id[id(item)], depth)
            for item, ident, depth in _walk(data["lampiran"]["area"], facts.areas)
            if id(item) in w.old_id and ident != w.old_id[id(item)]
        ]
        if not wrong:
            return
        top = min(depth for _, _, depth in wrong)
        for item, ident, depth in wrong:
            if depth == top and isinstance(item, dict):  # the new plan's items are dicts
                rest = list(item.items())
                item.clear()
                item.update({k: v for k, v in rest if isinstance(k, Before)})
                item["id"] = Commented(ident, f"id tetap seperti tahun {w.lama}")
                item.update({k: v for k, v in rest if not isinstance(k, Before) and k != "id"})
    raise RuntimeError("id baris tahun baru tidak dapat disamakan dengan tahun sebelumnya")

"""What the plan's area count and its overall progress cover.

PermenPANRB 90/2021 (Lampiran I) names six area perubahan; a decree may add its
own (Gunungkidul 2024: "VII Inovasi Pelayanan"). Pages never write "7 area
perubahan" as if there were seven official areas: they say six plus one, and
say whether the overall percentage includes the extra area (it does: every row
the decree commits to counts) and what it would be without it.
"""

from __future__ import annotations

from generator.domain.bulat import rasio
from generator.pages.angka import angka, persen
from generator.pages.konteks.capaian import Cakupan, CakupanCapaian
from generator.rules import CapaianFacts, PlanFacts


def cakupan(plan: PlanFacts, c: CapaianFacts | None) -> Cakupan:
    resmi = [a for a in plan.areas if a.info.resmi]
    extra = [a for a in plan.areas if not a.info.resmi]
    capaian = None
    if c is not None and extra:
        jumlah = sum(c.per_area[a.slug].jumlah for a in resmi)
        selesai = sum(c.per_area[a.slug].selesai for a in resmi)
        capaian = CakupanCapaian(
            baris_tambahan=angka(sum(c.per_area[a.slug].jumlah for a in extra)),
            jumlah_resmi=angka(jumlah),
            selesai_resmi=angka(selesai),
            persen_resmi=persen(rasio(selesai, jumlah)),
        )
    return Cakupan(
        resmi=len(resmi), tambahan=tuple(a.info.nama for a in extra), jumlah_tambahan=len(extra), capaian=capaian
    )

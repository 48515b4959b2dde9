"""Read a year folder's optional files: realisasi and the recaps.

    <tahun>/realisasi.yaml              progress per row of the rencana aksi
    <tahun>/<jenis>.yaml                one recap per kind registered in ``generator.jenis``
                                        (gratifikasi, pengaduan, wbs, benturan-kepentingan, survei)

All are optional: a year with only rencana-aksi.yaml builds. Every file is
searched for personal data before anything else (UU 27/2022; recap files
most strictly, see ``generator.rules.privasi``).
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from generator import jenis
from generator.errors import Problem
from generator.load.berkas import check_upload, load_file
from generator.load.yaml_source import SourceMap, dotted
from generator.model import Realisasi, Satker
from generator.rules import PlanFacts, RuleError, TahunFacts, derive_capaian, susun_tahun
from generator.rules.privasi import Kebijakan

PLAN_FILE = "rencana-aksi.yaml"
REALISASI_FILE = "realisasi.yaml"


def known_files() -> tuple[str, ...]:
    """Every file name a year folder may hold: the plan, its progress, one per registered recap kind."""
    return (PLAN_FILE, REALISASI_FILE, *(k.berkas for k in jenis.daftar()))


def load_tahun(
    year_dir: Path,
    plan: PlanFacts | None,
    satker: Satker | None,
    content_dir: Path | None,
    problems: list[Problem],
    peringatan: list[Problem] | None = None,
) -> TahunFacts:
    year = int(year_dir.name)
    problems.extend(_unknown_files(year_dir))
    capaian = None
    file = year_dir / REALISASI_FILE
    if file.exists():
        realisasi, source = load_file(file, Realisasi, problems, text_policy(satker), peringatan)
        if realisasi is not None and _year_ok(file, realisasi.tahun, year, problems):
            if content_dir is not None:
                for i, row in enumerate(realisasi.baris):
                    for j, b in enumerate(row.bukti):
                        if not b.tautan.lower().startswith(("https://", "http://")):
                            problems.extend(
                                check_upload(file, source, ("baris", i, "bukti", j, "tautan"), b.tautan, content_dir)
                            )
            if plan is not None:
                capaian = _derive(file, source, lambda: derive_capaian(plan, realisasi), problems)
    allowed = own_contacts(satker)
    rekap = []
    for kind in jenis.daftar():
        file = year_dir / kind.berkas
        if not file.exists():
            continue
        data, source = load_file(file, kind.model, problems, privasi=allowed, peringatan=peringatan)
        if data is not None and _year_ok(file, data.tahun, year, problems):
            facts = _derive(file, source, partial(kind.turunkan, data), problems)
            if facts is not None:
                rekap.append(facts)
    return susun_tahun(year, capaian, rekap, satker.jadwal_terbit.batas_hari_rekap if satker else 10)


def _derive(file: Path, source: SourceMap, run: Callable[[], Any], problems: list[Problem]) -> Any:
    try:
        return run()
    except RuleError as exc:
        for loc, message, fix in exc.problems:
            line, col = source.position(loc)
            problems.append(Problem(file, line, col, dotted(loc), message, fix))
        return None


def _year_ok(file: Path, tahun: int, year: int, problems: list[Problem]) -> bool:
    if tahun == year:
        return True
    problems.append(
        Problem(
            file,
            1,
            1,
            "tahun",
            f"tahun {tahun} tidak sama dengan nama folder {year}",
            f"tulis 'tahun: {year}' atau pindahkan berkas ke folder {tahun}/",
        )
    )
    return False


def _unknown_files(year_dir: Path) -> list[Problem]:
    """A misspelt file name would silently drop a whole recap; say so instead."""
    out = []
    known = known_files()
    for p in sorted(year_dir.iterdir()):
        if p.suffix.lower() not in (".yaml", ".yml") or p.name in known:
            continue
        close = difflib.get_close_matches(p.name, known, n=1, cutoff=0.6)
        out.append(
            Problem(
                p,
                None,
                None,
                "",
                f"nama berkas '{p.name}' tidak dikenal",
                f"maksud Anda '{close[0]}'?" if close else "nama berkas yang dikenal: " + ", ".join(known),
            )
        )
    return out


def text_policy(satker: Satker | None, kecuali: tuple[tuple[str | int, ...], ...] = ()) -> Kebijakan | None:
    """The privacy guard for a published text file that is not a recap (realisasi, the plan).

    None while satker.yaml does not read: the unit's own contacts, which the text may
    quote, are unknown then; the file is judged once satker.yaml is fixed.
    """
    if satker is None:
        return None
    return Kebijakan(tuple(own_contacts(satker)), kecuali, nama_kunci=False, rekap=False)


def own_contacts(satker: Satker | None) -> list[str]:
    """The unit's published contacts may appear in a recap note; they are not personal data."""
    if satker is None:
        return []
    values = [satker.kontak.whatsapp, satker.kontak.surel, satker.kontak.telepon]
    values += [c.kontak for c in satker.kanal] + [c.tautan for c in satker.kanal]
    return [v.removeprefix("mailto:").removeprefix("tel:") for v in values if v]

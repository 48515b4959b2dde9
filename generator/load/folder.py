"""Read a data folder into ``SiteData``.

Layout of a data folder::

    satker.yaml                 the unit
    <tahun>/rencana-aksi.yaml   one per year
    <tahun>/realisasi.yaml      optional: progress (see ``generator.load.tahun``)
    <tahun>/<rekap>.yaml        optional: recaps and surveys

Every problem in every file is collected before failing, so staff fix all of
them in one go.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.errors import DataError, Problem, urut
from generator.load.berkas import check_upload, load_file
from generator.load.diabaikan import yang_diabaikan
from generator.load.logo import check_logo
from generator.load.tahun import PLAN_FILE, known_files, load_tahun, text_policy
from generator.load.tautan_simbolik import check_links
from generator.load.unggahan import periksa_unggahan
from generator.load.yaml_source import dotted, parse_yaml
from generator.model import RencanaAksi, Satker
from generator.rules import PlanFacts, RuleError, TahunFacts, derive_plan
from generator.rules.privasi import KECUALI_RENCANA, KECUALI_SATKER, Kebijakan
from generator.rules.silang import periksa_silang
from generator.site import Site

_YEAR_DIR = re.compile(r"^\d{4}$")


def load_site(root: Path, content_dir: Path | None = None, repo_root: Path | None = None) -> Site:
    """Load and validate ``root``; with ``content_dir``, also check that uploaded files exist.

    ``repo_root`` (the folder of mkdocs.yml) is where symlinks may point besides the two folders.
    Warnings (``Site.peringatan``, or ``DataError.peringatan`` with the errors) do not stop it.
    """
    root = Path(root)
    problems: list[Problem] = []
    warnings: list[Problem] = []
    if not root.is_dir():
        raise DataError(
            [
                Problem(
                    root,
                    None,
                    None,
                    "",
                    "folder data tidak ditemukan",
                    "periksa pilihan --plans atau isian 'plans' plugin zi di mkdocs.yml",
                )
            ]
        )
    links = check_links(root, content_dir, repo_root)
    if links:  # before any file is read: nothing outside the repository is read
        raise DataError(links)
    warnings += yang_diabaikan(root, known_files())
    satker, satker_source = load_file(
        root / "satker.yaml",
        Satker,
        problems,
        Kebijakan(kecuali=KECUALI_SATKER, nama_kunci=False, rekap=False),
        warnings,
    )
    if satker is not None and satker.logo:
        problems.extend(check_logo(root / "satker.yaml", satker_source, satker.logo, content_dir))
    plans: list[PlanFacts] = []
    years: dict[int, TahunFacts] = {}
    year_dirs = sorted(p for p in root.iterdir() if p.is_dir() and _YEAR_DIR.match(p.name))
    for year_dir in year_dirs:
        file = year_dir / PLAN_FILE
        if not file.exists():
            problems.append(
                Problem(
                    year_dir,
                    None,
                    None,
                    "",
                    f"folder tahun tanpa berkas {PLAN_FILE}",
                    f"buat {year_dir.name}/{PLAN_FILE} atau hapus folder ini",
                )
            )
            continue
        plan, source = load_file(file, RencanaAksi, problems, text_policy(satker, KECUALI_RENCANA), warnings)
        if plan is not None and plan.tahun != int(year_dir.name):
            problems.append(
                Problem(
                    file,
                    1,
                    1,
                    "tahun",
                    f"tahun {plan.tahun} tidak sama dengan nama folder {year_dir.name}",
                    f"tulis 'tahun: {year_dir.name}' atau pindahkan berkas ke folder {plan.tahun}/",
                )
            )
            continue  # a misnamed folder: one message, not one per file inside it
        if plan is not None and content_dir is not None:
            problems.extend(check_upload(file, source, ("keputusan", "berkas"), plan.keputusan.berkas, content_dir))
        facts = None
        if plan is not None:
            try:
                facts = derive_plan(plan)
                plans.append(facts)
            except RuleError as exc:
                for loc, message, fix in exc.problems:
                    line, col = source.position(loc)
                    problems.append(Problem(file, line, col, dotted(loc), message, fix))
        years[int(year_dir.name)] = load_tahun(year_dir, facts, satker, content_dir, problems, warnings)
        warnings += _cross_checks(year_dir, years[int(year_dir.name)])
    if not year_dirs:
        problems.append(
            Problem(root, None, None, "", "belum ada rencana aksi", f"buat folder tahun, mis. 2024/{PLAN_FILE}")
        )
    if problems:
        raise DataError(problems, warnings)
    assert satker is not None
    unggahan: dict = {}
    if content_dir is not None:
        unggahan, found = periksa_unggahan(content_dir, _tertaut(plans, years))
        warnings += found
    return Site(
        root=root,
        satker=satker,
        plans=tuple(sorted(plans, key=lambda p: p.tahun)),
        tahunan=years,
        peringatan=tuple(urut(warnings)),
        unggahan=unggahan,
    )


def _tertaut(plans: list[PlanFacts], years: dict[int, TahunFacts]) -> list[str]:
    """Every file in content/ the data links: each Keputusan's scan, each relative bukti ``tautan``."""
    found = [p.rencana.keputusan.berkas for p in plans if p.rencana.keputusan.berkas]
    for t in years.values():
        if t.capaian:
            found += [
                b.tautan
                for row in t.capaian.baris.values()
                for b in row.bukti
                if not b.tautan.lower().startswith(("https://", "http://"))
            ]
    return [str(f) for f in found]


def _cross_checks(year_dir: Path, tahun: TahunFacts) -> list[Problem]:
    """Progress against recaps (``generator.rules.silang``): warnings with file:line.

    Positions are read again only for a file that has a finding (rare), so the usual load
    parses each file once.
    """
    found = []
    for name, loc, message, fix in periksa_silang(tahun):
        file = year_dir / name
        line, column = parse_yaml(file).source.position(loc)
        found.append(Problem(file, line, column, dotted(loc), message, fix))
    return found

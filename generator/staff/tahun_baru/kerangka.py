"""Every file of the new year as text, from the site's latest plan (pure: writes nothing)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator import jenis
from generator.load.tahun import PLAN_FILE, REALISASI_FILE
from generator.load.yaml_source import dotted
from generator.model import RencanaAksi
from generator.rules import derive_plan
from generator.site import Site
from generator.staff.importer.write import Before, Commented, dump, plain
from generator.staff.schema import with_modeline
from generator.staff.tahun_baru.hasil import Isian, TahunBaru
from generator.staff.tahun_baru.kosong import realisasi, rekap
from generator.staff.tahun_baru.rencana import plan_baru


def scaffold(site: Site, tahun: int, year_dir: Path) -> TahunBaru:
    """Every file of ``year_dir`` (``<plans>/<tahun>``) as text, from the site's latest plan. Writes nothing."""
    plan = site.latest
    data, w = plan_baru(plan, tahun)
    k = plan.rencana.keputusan
    header = [
        f"Rencana Aksi Zona Integritas {site.satker.singkatan} Tahun {tahun}: KERANGKA yang dibuat dengan",
        f"`zi new-year {tahun}` dari rencana aksi {w.lama} (Keputusan {k.nomor}/{k.tahun}).",
        "",
        f"Sebelum diterbitkan, samakan berkas ini dengan Keputusan {tahun} yang ditandatangani:",
        "- ganti setiap isian [ISI: ...] (bertanda # ISI) dengan teks keputusan yang baru;",
        f"- periksa setiap nilai bertanda # PERIKSA: disalin dari keputusan {w.lama} dan mungkin berubah;",
        "- lampiran disalin apa adanya agar id baris (jangkar halaman dan kunci realisasi) tetap sama;",
        f"  jadwal sudah memakai tahun {tahun}. Ubah, tambah atau hapus baris sesuai keputusan baru;",
        "- setelah keputusan ditandatangani, unggah pindaiannya ke content/unggahan/ dan tulis",
        "  'berkas: unggahan/<nama-berkas>.pdf' di bawah 'keputusan'.",
        "Lalu jalankan: zi check",
    ]
    items: list[tuple[str, dict, list[str]]] = [(PLAN_FILE, data, header)]
    facts = derive_plan(RencanaAksi.model_validate(plain(data)))
    first_id = next(iter(facts.rows_by_id), "r-i-1-1-1")
    items.append((REALISASI_FILE, *realisasi(tahun, first_id)))
    # Only the recaps the latest year kept: a unit that publishes no WBS recap gets no empty WBS page.
    for kind in jenis.daftar():
        if site.tahun(w.lama).rekap_jenis(kind.jenis) is not None:
            items.append((kind.berkas, *rekap(kind, tahun, site, w.lama)))
    files: dict[str, str] = {}
    isian: list[Isian] = []
    for name, body, head in items:
        text, lines = dump(body, head)
        final = with_modeline(text, year_dir / name)
        shift = final.count("\n") - text.count("\n")
        files[name] = final
        isian += [Isian(name, lines.get(path, 0) + shift, dotted(path), comment) for path, comment in _marks(body)]
    pinned = tuple(sorted(v.value for v in _find_pins(data)))
    return TahunBaru(
        tahun, plan, files, tuple(isian), w.jadwal, w.diisi, w.dihapus, w.ditandai, pinned, facts.jumlah_aksi
    )


def _marks(data: Any, path: tuple = ()) -> list[tuple[tuple, str]]:
    """(path, comment) of every ISI and PERIKSA comment, nested ones included, in file order."""
    out = []
    if isinstance(data, Commented):
        if data.comment.startswith(("ISI", "PERIKSA")):
            out.append((path, data.comment))
        return out + _marks(data.value, path)
    if isinstance(data, dict):
        for k, v in data.items():
            if not isinstance(k, Before):
                out.extend(_marks(v, (*path, k)))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            out.extend(_marks(v, (*path, i)))
    return out


def _find_pins(data: Any) -> list[Commented]:
    if isinstance(data, Commented):
        return _find_pins(data.value)
    if isinstance(data, dict):
        found = [v for k, v in data.items() if k == "id" and isinstance(v, Commented)]
        return found + [p for k, v in data.items() if not isinstance(k, Before) for p in _find_pins(v)]
    if isinstance(data, list):
        return [p for v in data for p in _find_pins(v)]
    return []

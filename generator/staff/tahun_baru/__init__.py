"""``zi new-year``: scaffold next year's data files from the latest plan.

A new year starts from a new Keputusan that usually keeps last year's structure.
So the new ``rencana-aksi.yaml`` keeps the lampiran as it was (areas, kegiatan,
indikator and aksi with their texts) so row ids, and with them URL anchors and
progress keys, stay the same; only the jadwal texts move to the new year. The
Keputusan's year-bound fields (nomor, tahun, tanggal, and every text naming the
old year) become ``[ISI: ...]`` placeholders like ``zi import`` writes: they load
and build, but cannot pass for real text. Texts that usually carry over are
copied with a ``# PERIKSA`` comment; years inside them are flagged, never
silently changed, because a decree is quoted, not guessed.

Gaps (``celah``) describe last year's PDF copy, not the new decree, so they are
not copied: an aksi row, or a numbered item, that held nothing but a gap keeps
its place with an ``[ISI: ...]`` text (the new decree has that row, and its id
must survive); any other gap-only item is dropped; an item with content loses
its gap note but gets a ``# PERIKSA`` comment. Where dropping an
item would renumber an unnumbered sibling, that sibling's id is pinned with
``id:``.

Progress and recap files start empty (``contoh: false``), with a commented
example of one entry. Only the recaps the latest year kept are scaffolded: a
unit that publishes no WBS recap should not get an empty WBS page.

``scaffold`` computes the files (pure); ``write`` checks that they load and
puts them in place in one step; ``run_new_year`` is the command.
"""

from generator.staff.tahun_baru.hasil import Isian, TahunBaru, TahunBaruError
from generator.staff.tahun_baru.kerangka import scaffold
from generator.staff.tahun_baru.perintah import check_year, format_report, run_new_year
from generator.staff.tahun_baru.tulis import write

__all__ = ["Isian", "TahunBaru", "TahunBaruError", "check_year", "format_report", "run_new_year", "scaffold", "write"]

"""A hand-transcribed plan in another decree layout: responsible unit, quarters, no indikator level."""

from __future__ import annotations

import shutil

from generator.load import load_site
from tests.conftest import DATA
from tests.load.breaking import problems

PLAN = """\
tahun: 2025
keputusan:
  instansi: [KANTOR CONTOH]
  judul: KEPUTUSAN KEPALA KANTOR CONTOH
  nomor: "7"
  tahun: 2025
  tentang: RENCANA AKSI ZONA INTEGRITAS
  jabatan: KEPALA KANTOR CONTOH,
  menimbang: [bahwa perlu]
  mengingat: [Undang-Undang]
  menetapkan: KEPUTUSAN TENTANG RENCANA AKSI
  diktum: [{label: KESATU, teks: Menetapkan rencana aksi.}]
  ditetapkan_di: Contoh
  tanggal: 2025-01-02
  penandatangan: {jabatan: [KEPALA], nama: NAMA}
lampiran:
  judul: [LAMPIRAN]
  kolom:
    nomor: "NO"
    kegiatan: KEGIATAN
    uraian: RENCANA AKSI
    bukti: KELUARAN
    jadwal: TRIWULAN
    penanggung_jawab: PJ
  area:
    - nomor: "1."
      judul: MANAJEMEN PERUBAHAN
      kegiatan:
        - nomor: a.
          judul: Penyusunan Tim
          aksi:
            - uraian: Menyusun SK Tim
              bukti: SK
              jadwal: TW II
              penanggung_jawab: Subbag Umum
"""


def _folder(tmp_path, plan: str):
    root = tmp_path / "plans"
    (root / "2025").mkdir(parents=True)
    shutil.copy(DATA["wonosobo"] / "satker.yaml", root / "satker.yaml")
    (root / "2025" / "rencana-aksi.yaml").write_text(plan, encoding="utf-8")
    return root


def test_plan_without_indikator_level_loads(tmp_path):
    site = load_site(_folder(tmp_path, PLAN))
    [row] = site.plans[0].rows_by_id.values()
    assert (row.id, row.penanggung_jawab, row.jadwal_teks, row.bulan, row.jendela) == (
        "r-1-a-1",
        "Subbag Umum",
        "TW II",
        (4, 5, 6),
        ((4, 6),),
    )
    assert site.plans[0].rencana.lampiran.kolom.indikator is None


def test_indikator_items_need_the_indikator_heading(tmp_path):
    plan = PLAN.replace("          aksi:\n", "          indikator:\n            - teks: X\n              aksi:\n")
    plan = plan.replace("            - uraian: Menyusun", "                - uraian: Menyusun")
    for key in ("bukti", "jadwal", "penanggung_jawab"):
        plan = plan.replace(f"              {key}:", f"                  {key}:")
    [msg] = problems(_folder(tmp_path, plan))
    assert "kolom.indikator tidak diisi" in msg and "Perbaikan: tulis judul kolom indikator" in msg


def test_kegiatan_cannot_hold_indikator_and_aksi(tmp_path):
    plan = PLAN.replace("    uraian: RENCANA AKSI\n", "    indikator: INDIKATOR\n    uraian: RENCANA AKSI\n")
    plan = plan.replace("          aksi:\n", "          indikator: [{teks: X, aksi: [{uraian: Y}]}]\n          aksi:\n")
    [msg] = problems(_folder(tmp_path, plan))
    assert "memuat 'indikator' dan 'aksi' sekaligus" in msg


def test_impossible_semester_is_reported_with_its_line(tmp_path):
    [msg] = problems(_folder(tmp_path, PLAN.replace("jadwal: TW II", "jadwal: Semester III")))
    line = next(i for i, t in enumerate(PLAN.splitlines(), 1) if "jadwal: TW II" in t)
    assert msg.startswith(
        f"2025/rencana-aksi.yaml:{line}:15: lampiran.area[0].kegiatan[0].aksi[0].jadwal: semester III tidak ada"
    )


def test_transcription_note_on_a_row_without_indikator_is_listed(tmp_path):
    from generator.pages import build_pages

    plan = PLAN.replace(
        "              penanggung_jawab: Subbag Umum\n",
        "              penanggung_jawab: Subbag Umum\n              catatan_transkripsi: nomor disimpulkan\n",
    )
    site = load_site(_folder(tmp_path, plan))
    [page] = [p for p in build_pages(site) if p.path == f"{site.plans[0].tahun}/index.md"]
    assert (
        '<li><a href="#catatan-r-1-a-1">Area 1., kegiatan a., rencana aksi (tanpa nomor)</a>: nomor disimpulkan</li>'
        in page.markdown
    )


def test_quarter_is_due_by_its_last_month(tmp_path):
    """Under the window reading (generator.domain.jadwal) a quarter is due once, by its last month."""
    plan = PLAN.replace("jadwal: TW II", "jadwal: TW I, TW III")
    [row] = load_site(_folder(tmp_path, plan)).plans[0].rows_by_id.values()
    assert (row.bulan, row.jatuh_tempo, row.bacaan) == ((1, 2, 3, 7, 8, 9), (3, 9), "rentang")

"""Round trip: each decree's table as a spreadsheet, imported back, against the transcribed plan.

The spreadsheets are flat, as offices keep them (merged cells in xlsx, blanks or
repeated text in csv); the importer has to rebuild the hierarchy. Differences
are printed (``pytest -s``) and must be exactly the ones a flat table cannot
carry: the transcription's gap notes (``celah``).
"""

from __future__ import annotations

import pytest

from generator.staff.importer import import_spreadsheet
from generator.staff.importer.compare import aksi_rows, aksi_texts, differences, outline
from tests.conftest import DATA, GUNUNGKIDUL_SEED
from tests.importer.decree_table import (
    gunungkidul_sheet,
    load_plan,
    seed_sheet,
    wonosobo_sheet,
    write_csv,
    write_xlsx,
)

pytestmark = pytest.mark.slow  # heavy: left out of `make test-fast`

GUNUNGKIDUL = load_plan(DATA["gunungkidul"] / "2024" / "rencana-aksi.yaml")
WONOSOBO = load_plan(DATA["wonosobo"] / "2026" / "rencana-aksi.yaml")
# Rows per area, counted by hand in the seed decree (Keputusan 478/2024): I 5, II 3, III 4, IV 2, V 26, VI 3, VII 14.
GUNUNGKIDUL_ROWS = [("I.", 5), ("II.", 3), ("III.", 4), ("IV.", 2), ("V.", 26), ("VI.", 3), ("VII", 14)]


def counts(lampiran) -> list[tuple[str, int]]:
    return [(nomor, len(rows)) for nomor, rows in aksi_rows(lampiran)]


def show(name: str, diff: list[str]) -> None:
    print(f"\n{name}: " + ("sama dengan transkripsi" if not diff else f"{len(diff)} baris perbedaan"))
    for line in diff:
        print("  " + line)


def kegiatan_of(result, area: int, kelompok: int | None = None) -> list[dict]:
    a = result.lampiran["area"][area]
    return a["kelompok"][kelompok]["kegiatan"] if kelompok is not None else a["kegiatan"]


# ---------------------------------------------------------------- Gunungkidul


@pytest.mark.parametrize("variant", ["xlsx", "csv-kosong", "csv-ulang", "csv-titik-koma-cp1252"])
def test_gunungkidul_table_imports_back_to_the_transcription(tmp_path, variant):
    if variant == "xlsx":
        path = write_xlsx(gunungkidul_sheet(GUNUNGKIDUL), tmp_path / "ra.xlsx")
    else:
        sheet = gunungkidul_sheet(GUNUNGKIDUL, merge_leaves=False)
        mode = "repeat" if variant == "csv-ulang" else "blank"
        kwargs = {"delimiter": ";", "encoding": "cp1252"} if "cp1252" in variant else {}
        path = write_csv(sheet, tmp_path / "ra.csv", mode, **kwargs)
    result = import_spreadsheet(path)
    diff = differences(GUNUNGKIDUL["lampiran"], result.lampiran)
    show(f"Gunungkidul {variant}", diff)
    assert diff == []
    assert counts(result.lampiran) == GUNUNGKIDUL_ROWS
    assert result.lampiran["judul"] == GUNUNGKIDUL["lampiran"]["judul"]
    assert result.lampiran["judul_tabel"] == GUNUNGKIDUL["lampiran"]["judul_tabel"]
    assert result.tahun == 2024
    assert result.findings == []
    expected_notes = ["berkas bukan UTF-8; dibaca sebagai Windows-1252"] if "cp1252" in variant else []
    assert [n.message.split(" (")[0] for n in result.notes] == expected_notes


def test_gunungkidul_xlsx_needs_merged_cells_and_italics(tmp_path):
    """The xlsx variant only passes when merges and italic runs are read (not just blanks inherited)."""
    sheet = gunungkidul_sheet(GUNUNGKIDUL)
    leaf_merges = [m for m in sheet.merges if m[1] in (6, 7)]
    assert len(leaf_merges) >= 10  # TARGET WAKTU / TARGET CAPAIAN written once for several rows
    result = import_spreadsheet(write_xlsx(sheet, tmp_path / "ra.xlsx"))
    inovasi = kegiatan_of(result, 6)[1]["indikator"][0]["aksi"]  # VII.2: three rows, one merged TARGET WAKTU
    assert [a["jadwal"] for a in inovasi] == ["Januari – Desember 2024"] * 3
    assert result.lampiran["area"][0]["kegiatan"][1]["indikator"][0]["aksi"][0]["uraian"].endswith(
        "mensosialisasikan ke seluruh pegawai dan melalui *website*"
    )


def test_gunungkidul_hierarchy_matches_the_seed_decree(tmp_path):
    """Hand-picked rows, with text copied from the seed .txt, in the places the decree puts them."""
    result = import_spreadsheet(write_xlsx(gunungkidul_sheet(GUNUNGKIDUL), tmp_path / "ra.xlsx"))
    area = result.lampiran["area"]
    assert [(a["nomor"], a.get("judul")) for a in area][0] == ("I.", "MANAJEMEN PERUBAHAN")
    assert area[0]["subjudul"] == "I. Pembangunan Unit Kerja Untuk Memperoleh Predikat Menuju WBK/WBBM"
    k3 = area[0]["kegiatan"][2]
    assert (k3["nomor"], k3["judul"]) == ("3", "Pemantauan dan Evaluasi Pembangunan WBK/WBBM")
    assert k3["indikator"][0]["aksi"] == [
        {
            "uraian": "Rapat evaluasi pembangunan ZI per triwulan",
            "bukti": "Undangan rapat, daftar hadir, lembar monev ZI, bukti pelaksanaan dan tindak lanjut",
            "jadwal": "Maret, Juni, September dan Desember 2024",
            "target": "Beberapa lampiran Dokumen",
        }
    ]
    # Komponen 4 has a second INDIKATOR on a row whose NO and KOMPONEN are empty.
    assert [i["teks"][:30] for i in area[0]["kegiatan"][3]["indikator"]] == [
        "Para Pimpinan berperan sebagai",
        "KPU Kab Gunungkidul menjadi ti",
    ]
    # Area V: five sub-programmes, each numbering its komponen from 1.
    assert [(g["nomor"], g["judul"][:30]) for g in area[4]["kelompok"]] == [
        ("1", "Pengendalian Gratifikasi"),
        ("2", "Pelaksanaan Whistle Blowing Sy"),
        ("3", "Pelaksanaan Pemantauan Bentura"),
        ("4", "Pembangunan SPIP di lingkungan"),
        ("5", "Penanganan Pengaduan Masyaraka"),
    ]
    wbs = area[4]["kelompok"][1]["kegiatan"][0]["indikator"][0]["aksi"]
    assert wbs[1] == {"bukti": "Sosialisasi *Whistle Blowing System* oleh Inspektorat", "jadwal": "Juni, Desember 2024"}
    assert [len(i["aksi"]) for i in area[4]["kelompok"][4]["kegiatan"][1]["indikator"]] == [1, 1, 1, 1]
    assert (area[6]["nomor"], area[6]["judul"]) == ("VII", "Inovasi Pelayanan")


def test_gunungkidul_seed_text_as_spreadsheet_shows_only_the_pdf_flaws(tmp_path):
    """The seed's own table text (not the transcription) as xlsx: what differs is what the PDF broke."""
    result = import_spreadsheet(write_xlsx(seed_sheet(GUNUNGKIDUL_SEED), tmp_path / "seed.xlsx"))
    diff = differences(GUNUNGKIDUL["lampiran"], result.lampiran)
    show("Gunungkidul, teks seed apa adanya", diff)

    # 1. Line breaks inside cells are lost in the PDF text: compare texts with line breaks folded.
    def folded(lampiran) -> set:
        return {tuple(" ".join(str(x).split()) if x else x for x in row) for row in aksi_texts(lampiran)}

    expected, got = folded(GUNUNGKIDUL["lampiran"]), folded(result.lampiran)
    # 2. One row is split in two at a page break (LANGKAH AKSI and BUKTI FISIK continue on the next page).
    split = "Sosialisasi *Public Campaign* dengan"
    assert {r[0][:36] for r in expected - got} == {split}
    assert {r[0][:36] for r in got - expected} == {split, "mengundang pihak terkait, Studi tiru"}
    assert dict(counts(result.lampiran)) == {**dict(GUNUNGKIDUL_ROWS), "V.": 27}
    # 3. Pages of area V are out of order, so komponen numbers repeat inside a sub-programme: reported.
    assert result.findings and all("sudah dipakai" in f.problem.message for f in result.findings)
    assert all(f.problem.field.startswith("lampiran.area[4].") and f.sheet_where for f in result.findings)
    # The signature block under the table is recognised, not imported as rows.
    assert any("bagian tanda tangan" in n.message for n in result.notes)
    assert result.lampiran["judul"] == GUNUNGKIDUL["lampiran"]["judul"]


# ------------------------------------------------------------------- Wonosobo


def _only_gaps_lost(diff: list[str]) -> None:
    """Every removed line carries a gap note (or is a row empty in the source, which a spreadsheet
    cannot hold either); every added line is a removed line without its note."""
    removed = [d[1:] for d in diff if d.startswith("-")]
    added = [d[1:] for d in diff if d.startswith("+")]
    noted = [line for line in removed if "(celah:" not in line and "(kosong pada sumber)" not in line]
    assert not noted, noted
    assert all(any(r.startswith(a) for r in removed) for a in added), [
        a for a in added if not any(r.startswith(a) for r in removed)
    ]


@pytest.mark.parametrize("variant", ["xlsx-nomor-terpisah", "csv-nomor-di-teks", "csv-ulang"])
def test_wonosobo_table_imports_back_except_gap_notes(tmp_path, variant):
    if variant == "xlsx-nomor-terpisah":
        path = write_xlsx(wonosobo_sheet(WONOSOBO), tmp_path / "ra.xlsx")
    elif variant == "csv-nomor-di-teks":
        path = write_csv(wonosobo_sheet(WONOSOBO, split_nomor=False), tmp_path / "ra.csv")
    else:
        path = write_csv(wonosobo_sheet(WONOSOBO), tmp_path / "ra.csv", "repeat")
    result = import_spreadsheet(path)
    diff = differences(WONOSOBO["lampiran"], result.lampiran)
    show(f"Wonosobo {variant}", diff)
    assert diff, "the transcription has gap notes a spreadsheet cannot hold"
    _only_gaps_lost(diff)
    assert aksi_texts(result.lampiran) == aksi_texts(WONOSOBO["lampiran"])  # every aksi text, none invented
    assert counts(result.lampiran) == counts(WONOSOBO["lampiran"])
    assert counts(result.lampiran) == [("1.", 25), ("2.", 17), ("3.", 15), ("4.", 10), ("5.", 20), ("6.", 9)]
    # Area 4 has no gap: identical, hierarchy and numbering included.
    only4 = lambda lam: {**lam, "area": [lam["area"][3]]}  # noqa: E731
    assert differences(only4(WONOSOBO["lampiran"]), only4(result.lampiran)) == []
    assert result.lampiran["kolom"] == {**WONOSOBO["lampiran"]["kolom"]}
    # The missing area title (a lost page) is the one thing `zi check` will ask for, with its cell.
    assert len(result.findings) == 1
    finding = result.findings[0]
    assert finding.problem.field == "lampiran.area[1]" and "area: <kode>" in finding.problem.fix
    assert finding.sheet_where.endswith("A34") or finding.sheet_where == "baris 34 kolom A"


def test_wonosobo_hierarchy_matches_the_seed_decree(tmp_path):
    result = import_spreadsheet(write_xlsx(wonosobo_sheet(WONOSOBO), tmp_path / "ra.xlsx"))
    area = result.lampiran["area"]
    assert [(a["nomor"], a.get("judul")) for a in area] == [
        ("1.", "Manajemen Perubahan"),
        ("2.", None),
        ("3.", "Penataan Sistem Manajemen SDM"),
        ("4.", "Akuntabilitas Penguatan Kinerja"),
        ("5.", "Penguatan Pengawasan"),
        ("6.", "Peningkatan Kualitas Pelayanan Publik"),
    ]
    b = area[0]["kegiatan"][1]
    assert (b["nomor"], b["judul"]) == ("b.", "Rencana Pembangunan Zona Integritas")
    ind2 = b["indikator"][1]
    assert (ind2["nomor"], ind2["teks"][:40]) == ("2)", "Dalam dokumen pembangunan terdapat targe")
    assert ind2["aksi"] == [
        {
            "nomor": "a)",
            "uraian": "Undangan, Daftar Hadir, Berita Acara dan Dokumentasi Rapat Koordinasi "
            "Zona Integritas Penyusunan Rencana Aksi",
        },
        {"nomor": "b)", "uraian": "SK Rencana Aksi Zona Integritas"},
    ]
    mutasi = area[2]["kegiatan"][1]["indikator"][0]["aksi"][0]
    assert mutasi == {
        "uraian": "Melaksanakan rotasi internal dengan mengeluarkan SK mutasi dan pengangkatan",
        "ket": "Sesuai Kebutuhan",
    }
    notes = [n.message for n in result.notes]
    assert sum("tanpa isi" in n for n in notes) == 2  # the decree's empty rows a) under 3.c.1) and 3.?.…
    assert any("mulai lagi" in n for n in notes)  # area 6: sub kegiatan 2) after 4) with no kegiatan title


def test_outline_shows_line_breaks():
    assert any("⏎" in line for line in outline(GUNUNGKIDUL["lampiran"]))

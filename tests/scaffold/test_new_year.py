"""`zi new-year`: next year's files load as written, keep last year's row ids, and say what to fill in."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator.load import load_site
from generator.load.yaml_source import parse_yaml
from generator.staff.schema import MODELINE
from generator.staff.tahun_baru import scaffold
from tests.conftest import DATA, REPO, zi

pytestmark = pytest.mark.slow  # heavy: left out of `make test-fast`

REKAP = ["gratifikasi.yaml", "pengaduan.yaml", "wbs.yaml", "benturan-kepentingan.yaml", "survei.yaml"]
# "  plans/2025/rencana-aksi.yaml:20: keputusan.nomor — nomor keputusan baru ..."
REPORT_LINE = re.compile(r"^  (?P<file>\S+):(?P<line>\d+): (?P<field>\S+) — (?P<what>.*)$")


@pytest.fixture
def work(tmp_path) -> Path:
    """A copy of the example data folder and content: the command never touches the repository's plans/."""
    shutil.copytree(DATA["gunungkidul"], tmp_path / "plans")
    shutil.copytree(REPO / "content", tmp_path / "content")
    return tmp_path


def _walk_ids(plan) -> list[str]:
    """Every kelompok, kegiatan and indikator id, then every row id, in order."""
    ids = []
    for area in plan.areas:
        for g in area.kelompok:
            ids += [] if g.implisit else [g.id]
            for k in g.kegiatan:
                ids += [k.id, *(i.id for i in k.indikator)]
    return ids + list(plan.rows_by_id)


def _report(stdout: str) -> dict[str, list[re.Match]]:
    """The report's ISI and PERIKSA lines, by section."""
    sections: dict[str, list[re.Match]] = {"ISI": [], "PERIKSA": []}
    current = None
    for line in stdout.splitlines():
        if line.startswith("Lengkapi "):
            current = "ISI"
        elif line.startswith("Periksa "):
            current = "PERIKSA"
        elif not line.startswith("  "):
            current = None
        elif current and (m := REPORT_LINE.match(line)):
            sections[current].append(m)
    return sections


def _check_report_lines(root: Path, stdout: str, year: int) -> dict[str, list[re.Match]]:
    """Every listed line holds its mark, and every mark in the files is listed."""
    sections = _report(stdout)
    n_todo = int(re.search(r"^Lengkapi (\d+) isian", stdout, re.M).group(1))
    assert n_todo == len(sections["ISI"]) > 0
    listed: dict[str, set[int]] = {"ISI": set(), "PERIKSA": set()}
    for kind, matches in sections.items():
        for m in matches:
            path = root / m["file"]
            assert path.parent.name == str(year)
            line = path.read_text(encoding="utf-8").splitlines()[int(m["line"]) - 1]
            assert f"# {kind}:" in line, (m.group(0), line)
            if kind == "ISI" and m["field"] not in ("keputusan.tahun", "keputusan.tanggal", "per_tanggal"):
                assert '"[ISI: ' in line, (m.group(0), line)  # the placeholder itself, not only its comment
            listed[kind].add((m["file"], int(m["line"])))
    for f in sorted((root / "plans" / str(year)).iterdir()):
        rel = f.relative_to(root).as_posix()
        for i, line in enumerate(f.read_text(encoding="utf-8").splitlines(), start=1):
            if re.search(r"^\s*[^#\s].*  # ISI:", line) or '"[ISI: ' in line:
                assert (rel, i) in listed["ISI"], (rel, i, line)
            if re.search(r"^\s*[^#\s].*  # PERIKSA:", line):
                assert (rel, i) in listed["PERIKSA"], (rel, i, line)
    return sections


def _modeline_ok(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith(MODELINE), (path, first)
    schema = (path.parent / first.removeprefix(MODELINE)).resolve()
    assert schema.is_file() and schema.name == path.name.replace(".yaml", ".schema.json")


def test_gunungkidul_next_year_loads_keeps_ids_and_moves_jadwal(work):
    result = zi("new-year", "2025", cwd=work)
    assert result.returncode == 0, result.stderr
    new_dir = work / "plans" / "2025"
    assert sorted(p.name for p in new_dir.iterdir()) == sorted(["rencana-aksi.yaml", "realisasi.yaml", *REKAP])
    assert not [p for p in (work / "plans").iterdir() if p.name.startswith(".")]  # no staging left behind
    for f in new_dir.iterdir():
        _modeline_ok(f)

    site = load_site(work / "plans", content_dir=work / "content")
    old, new = site.plans
    assert (old.tahun, new.tahun) == (2024, 2025)
    assert _walk_ids(new) == _walk_ids(old)
    assert len(new.rows_by_id) == 57

    # Jadwal texts carry the new year (every text of the 2024 lampiran, written out); every other
    # lampiran text is as last year.
    moves = {
        "Januari 2024": "Januari 2025",
        "April 2024": "April 2025",
        "Desember 2024": "Desember 2025",
        "Januari, Juni 2024": "Januari, Juni 2025",
        "Juni, Desember 2024": "Juni, Desember 2025",
        "April, Agustus, Desember 2024": "April, Agustus, Desember 2025",
        "Maret, Juni, September dan Desember 2024": "Maret, Juni, September dan Desember 2025",
        "Januari – Desember 2024": "Januari – Desember 2025",
        "Januari - Desember 2024": "Januari - Desember 2025",
        "Januari -- Desember 2024": "Januari -- Desember 2025",
        "Januari- Desember 2024": "Januari- Desember 2025",
    }
    for rid, row in old.rows_by_id.items():
        moved = new.rows_by_id[rid]
        assert (row.jadwal_teks, moved.jadwal_teks) in moves.items(), rid
        assert moved.bulan == row.bulan
        assert (moved.nomor, moved.uraian, moved.bukti, moved.target, moved.ket) == (
            row.nomor,
            row.uraian,
            row.bukti,
            row.target,
            row.ket,
        )
    assert new.rows_by_id["r-i-3-1-1"].jadwal_teks == "Maret, Juni, September dan Desember 2025"
    assert new.rows_by_id["r-i-3-1-1"].bulan == (3, 6, 9, 12)

    k_old, k_new = old.rencana.keputusan, new.rencana.keputusan
    assert (k_new.tahun, k_new.tanggal.isoformat(), k_new.berkas) == (2025, "2025-01-01", None)
    assert k_new.nomor.startswith("[ISI: ") and k_new.tentang.startswith("[ISI: ")
    assert k_new.tentang.endswith("GUNUNGKIDUL TAHUN 2025]")
    # Carried-over texts are copied as they were: years inside them are flagged, never changed.
    for name in ("instansi", "judul", "jabatan", "menimbang", "mengingat", "ditetapkan_di", "penandatangan"):
        assert getattr(k_new, name) == getattr(k_old, name), name
    assert k_new.diktum[1:] == k_old.diktum[1:] and k_new.diktum[0].teks.startswith("[ISI: ")

    # Progress and recaps start empty.
    year = site.tahun(2025)
    assert year.capaian.total.selesai == 0 and year.capaian.contoh is False
    assert [r.info.jenis for r in year.rekap] == [n.removesuffix(".yaml") for n in REKAP]
    assert all(r.info.periode == () and r.info.contoh is False for r in year.rekap)
    assert year.rekap_jenis("pengaduan").standar_hari_kerja == 14

    text = (new_dir / "rencana-aksi.yaml").read_text(encoding="utf-8")
    assert '  nomor: "[ISI: nomor keputusan 2025]"  # ISI: nomor keputusan baru (tahun lalu: "478")' in text
    assert "  instansi:  # PERIKSA: disalin dari Keputusan 478/2024\n" in text
    sections = _check_report_lines(work, result.stdout, 2025)
    fields = [m["field"] for m in sections["ISI"]]
    assert fields[:3] == ["keputusan.nomor", "keputusan.tahun", "keputusan.tentang"]
    assert "keputusan.menimbang[0]" in [m["field"] for m in sections["PERIKSA"]]
    assert "Kerangka tahun 2025 dibuat dari rencana aksi 2024 (Keputusan 478/2024)." in result.stdout
    assert (
        "Langkah berikutnya: lengkapi isian [ISI: ...] dan per_tanggal, lalu jalankan: zi check --plans plans"
        in result.stdout
    )
    assert zi("check", "--plans", "plans", cwd=work).returncode == 0


def test_wonosobo_gaps_are_not_copied_and_row_ids_survive(tmp_path):
    shutil.copytree(DATA["wonosobo"], tmp_path / "plans")
    result = zi("new-year", "2027", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    new_dir = tmp_path / "plans" / "2027"
    # Only the recaps the unit kept last year.
    assert sorted(p.name for p in new_dir.iterdir()) == [
        "gratifikasi.yaml",
        "realisasi.yaml",
        "rencana-aksi.yaml",
        "survei.yaml",
    ]
    for f in new_dir.iterdir():
        _modeline_ok(f)

    site = load_site(tmp_path / "plans")
    old, new = site.plans
    assert list(new.rows_by_id) == list(old.rows_by_id)
    old_ids = set(_walk_ids(old))
    assert set(_walk_ids(new)) <= old_ids
    lampiran = new.rencana.lampiran
    assert lampiran.catatan_sumber == []
    assert not new.ada_celah
    assert "celah:" not in (new_dir / "rencana-aksi.yaml").read_text(encoding="utf-8")
    # A numbered row the PDF copy lost keeps its place, as a placeholder to fill in.
    gap_row = old.rows_by_id["r-3-x5-1-a"]
    assert gap_row.celah and not gap_row.uraian
    assert new.rows_by_id["r-3-x5-1-a"].uraian.startswith("[ISI: teks baris aksi a) tidak terbaca")
    # A row that is empty in the decree itself is no gap: it stays as it is.
    assert old.rows_by_id["r-3-c-1-a"].kosong and new.rows_by_id["r-3-c-1-a"].kosong
    assert "catatan_transkripsi:" not in (new_dir / "rencana-aksi.yaml").read_text(encoding="utf-8")
    # Ids that dropping a gap-only sibling would have shifted are pinned.
    assert "Id 3 butir dipatok dengan 'id:' agar sama dengan tahun 2026: r-2-c-x4, r-3-x5, r-6-x3." in result.stdout
    assert (
        "tidak disalin: 1 baris menjadi isian [ISI: ...], 5 butir lain yang hanya berisi celah dihapus, "
        "9 butir yang berisi teks ditandai # PERIKSA."
    ) in result.stdout
    assert new.rows_by_id["r-5-b-1-1"].kosong and not new.rows_by_id["r-5-b-1-1"].uraian

    k_old, k_new = old.rencana.keputusan, new.rencana.keputusan
    assert k_new.menimbang == k_old.menimbang and "2026" in k_new.menimbang[0]
    assert k_new.salinan is True
    text = (new_dir / "rencana-aksi.yaml").read_text(encoding="utf-8").splitlines()
    lakip = [line for line in text if "Lakip KPU Kabupaten Wonosobo Tahun 2025" in line]
    assert len(lakip) == 4 and all(
        "# PERIKSA: menyebut tahun 2025; sesuaikan untuk 2027 bila perlu" in line for line in lakip
    )
    sections = _check_report_lines(tmp_path, result.stdout, 2027)
    assert len(sections["ISI"]) == 12  # 4 fewer than before issue 10: empty rows and the WBS jump are no gaps
    assert "teks jadwal" not in result.stdout  # Wonosobo's month ticks were lost: no jadwal to move


def test_commented_examples_load_when_uncommented(work):
    """The example in each empty file is valid data: staff who copy it get no error."""
    assert zi("new-year", "2025", cwd=work).returncode == 0
    new_dir = work / "plans" / "2025"
    for f in sorted(new_dir.iterdir()):
        if f.name == "rencana-aksi.yaml":
            continue
        lines = f.read_text(encoding="utf-8").splitlines()
        start = next(i for i, line in enumerate(lines) if line.startswith("# Cara mengisi:"))
        example = []
        for line in lines[start + 1 :]:
            if not line.startswith("#   "):
                break
            example.append(line[4:])
        rest = [line for line in lines[:start] + lines[start + 1 + len(example) :] if not line.endswith(": []")]
        text = "\n".join(rest).replace("per_tanggal: 2025-01-01", "per_tanggal: 2025-12-20") + "\n"
        f.write_text(text + "\n".join(example) + "\n", encoding="utf-8")
        assert parse_yaml(f).problems == []
    # Without content/: the realisasi example links to a file staff still have to upload.
    site = load_site(work / "plans")
    year = site.tahun(2025)
    assert [len(r.info.periode) for r in year.rekap] == [1, 1, 1, 1, 1]
    assert len(year.capaian.baris) == 57 and year.capaian.total.jumlah == 57


def test_same_data_gives_same_files(work):
    site = load_site(work / "plans")
    first = scaffold(site, 2025, work / "plans" / "2025")
    again = scaffold(load_site(work / "plans"), 2025, work / "plans" / "2025")
    assert first.files == again.files
    assert not (work / "plans" / "2025").exists()  # computing writes nothing


@pytest.mark.parametrize(
    ("year", "setup", "message"),
    [
        (
            "2024",
            None,
            "Folder plans/2024 sudah ada; zi new-year tidak menimpa data yang sudah ada. Hapus folder itu bila memang "
            "ingin membuat ulang kerangkanya, atau pilih tahun lain.",
        ),
        (
            "2023",
            None,
            "Tahun 2023 tidak sesudah rencana aksi terakhir (2024); zi new-year hanya membuat kerangka tahun sesudahnya, "
            "mis. zi new-year 2025. Rencana aksi tahun yang sudah lewat ditulis dari keputusannya sendiri (zi import atau "
            "disalin dari keputusan).",
        ),
        (
            "2025",
            "kosong",
            "Belum ada rencana aksi di plans: zi new-year membuat kerangka dari rencana aksi tahun terakhir. Buat dulu "
            "plans/<tahun>/rencana-aksi.yaml (mis. dengan zi import).",
        ),
        ("2025", "tanpa-folder", "Folder data plans tidak ditemukan. Periksa pilihan --plans."),
    ],
)
def test_refusals_write_nothing(work, year, setup, message):
    if setup == "kosong":
        shutil.rmtree(work / "plans" / "2024")
    elif setup == "tanpa-folder":
        shutil.rmtree(work / "plans")
    before = sorted(p.relative_to(work) for p in work.rglob("*"))
    result = zi("new-year", year, cwd=work)
    assert result.returncode == 1
    assert result.stderr.strip() == message
    assert result.stdout == ""
    assert sorted(p.relative_to(work) for p in work.rglob("*")) == before


def test_data_with_mistakes_is_not_copied(work):
    plan = work / "plans" / "2024" / "wbs.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("contoh: true", "contoh: mungkin"), encoding="utf-8")
    result = zi("new-year", "2025", cwd=work)
    assert result.returncode == 1
    line = plan.read_text(encoding="utf-8").splitlines().index("contoh: mungkin") + 1
    assert f"\n2024/wbs.yaml:{line}:1: contoh: " in result.stderr  # as `zi check` reports it
    assert result.stderr.rstrip().endswith(
        "Perbaiki dulu kesalahan di atas: zi new-year hanya menyalin data yang lolos zi check. "
        "Tidak ada berkas yang ditulis."
    )
    assert not (work / "plans" / "2025").exists()


def test_scaffolded_site_builds(work):
    """One build: the placeholders and the empty recaps give a site, not a crash or a warning."""
    assert zi("new-year", "2025", cwd=work).returncode == 0
    site_dir = work / "situs"
    result = zi("build", "--plans", str(work / "plans"), "--site-dir", str(site_dir))  # cwd: the repo's mkdocs.yml
    assert result.returncode == 0, f"{result.stdout}\n{result.stderr}"
    assert "WARNING" not in result.stderr, result.stderr
    plan_page = (site_dir / "2025" / "index.html").read_text(encoding="utf-8")
    assert "Maret, Juni, September dan Desember 2025" in plan_page
    assert "[ISI: nomor keputusan 2025]" in plan_page
    for name in REKAP:
        page = (site_dir / "2025" / name.removesuffix(".yaml") / "index.html").read_text(encoding="utf-8")
        # An empty recap says so in one sentence: no charts or tables of zeros.
        assert "belum memuat periode apa pun" in page, name
        assert "<table" not in page.split("md-content__inner", 1)[1].split("</article>")[0], name
    check = zi("check", "--plans", str(work / "plans"), "--content", str(work / "content"))
    assert check.returncode == 0, check.stderr
    assert "isian [ISI: ...] belum diganti" in check.stdout and "2025/rencana-aksi.yaml:" in check.stdout
    home = (site_dir / "index.html").read_text(encoding="utf-8")
    assert "Capaian tertinggi" not in home  # every area is at 0 %: no "highest" to name

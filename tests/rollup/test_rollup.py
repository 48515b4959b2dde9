"""``zi rollup`` against real HTTP servers on 127.0.0.1: states, warnings, cache, combined data, roll-up of roll-ups."""

from __future__ import annotations

import csv
import html.parser
import io
import json
import re

import jsonschema
from click.testing import CliRunner

from generator.cli import main
from generator.ringkasan import Anggota, Ringkasan, skema
from generator.staff.rollup.pages import HALAMAN
from tests.rollup.conftest import HARI_1, HARI_2, jalankan
from tests.rollup.contoh import Server, json_bytes, tulis, unit


def _ringkasan(site) -> Ringkasan:
    data = json.loads((site / "ringkasan.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, skema())
    return Ringkasan.model_validate(data)


def _rows(page: str) -> list[list[str]]:
    """The body rows of the unit table, each cell's text."""

    class P(html.parser.HTMLParser):
        def __init__(self):
            super().__init__()
            self.rows, self.cell, self.body = [], None, False

        def handle_starttag(self, tag, attrs):
            if tag == "tbody":
                self.body = True
            elif self.body and tag == "tr":
                self.rows.append([])
            elif self.body and tag in ("td", "th"):
                self.cell = []
            elif tag == "br" and self.cell is not None:
                self.cell.append(" ")

        def handle_endtag(self, tag):
            if tag == "tbody":
                self.body = False
            elif self.body and tag in ("td", "th") and self.cell is not None:
                self.rows[-1].append(" ".join("".join(self.cell).split()))
                self.cell = None

        def handle_data(self, data):
            if self.cell is not None:
                self.cell.append(data)

    p = P()
    p.feed(page)
    return p.rows


def test_every_unit_gets_its_state_and_each_failure_a_warning(provinsi):
    assert provinsi.kode == 0, provinsi.keluaran
    own = _ringkasan(provinsi.site)
    by_site = {a.situs: a for a in own.anggota}
    assert list(by_site) == [*provinsi.units, *provinsi.gagal]  # DAFTAR order
    for addr, r in provinsi.units.items():
        assert by_site[addr] == Anggota(situs=addr, keadaan="baik", dibaca=HARI_1, ringkasan=r)
    for addr, state in provinsi.gagal.items():
        assert by_site[addr].keadaan == state and by_site[addr].ringkasan is None
    warnings = [line for line in provinsi.keluaran if line.startswith("Peringatan:")]
    assert len(warnings) == len(provinsi.gagal)
    base = provinsi.server.base
    reasons = {
        f"{base}/rusak500/": "HTTP 500 untuk ringkasan.json",
        f"{base}/bukanjson/": "bukan JSON yang sah (baris 1, kolom 1",
        f"{base}/versi2/": "versi 2 tidak dikenal (yang dikenal: versi 1)",
        f"{base}/skema/": "tidak sesuai skema ringkasan versi 1: rencana.0.langkah: Input should be greater than",
    }
    for addr in provinsi.gagal:
        (line,) = [w for w in warnings if w.startswith(f"Peringatan: {addr}:")]
        assert f"{addr}: {provinsi.gagal[addr]}: " in line
        assert reasons.get(addr, "sambungan ditolak atau nama host tidak ditemukan") in line, line
        assert line.endswith("belum ada salinan yang pernah terbaca.")
    assert "8 unit, 3 terbaca, 5 tidak terbaca" in provinsi.keluaran[-1]


def test_the_page_shows_each_state_and_links_each_site(provinsi):
    page = (provinsi.site / "index.html").read_text(encoding="utf-8")
    rows = {r[0]: r for r in _rows(page)}
    assert len(rows) == 8
    assert rows["KPU Kabupaten Sleman"][1:4] == ["baik", "80,0 % 24 dari 30 langkah, 2024", "1"]
    assert rows["KPU Kabupaten Gunungkidul"][4] == "1 dari 2"  # wbs is late
    for addr, state in provinsi.gagal.items():
        assert rows[addr][1] == state and rows[addr][2] == "tidak ada data"
        assert f"<strong>{addr}</strong>: {state}" in page  # in the list of units not read today
    for r in provinsi.units.values():
        assert f'<a href="{r.unit.situs}">{r.unit.singkatan}</a>' in page
    assert '<html lang="id">' in page and 'href="#isi"' in page and 'id="isi"' in page
    assert "https://" not in page.replace('href="https://zi.kpu-', "")  # no third-party host besides the units


def test_sorted_copies_need_no_javascript(provinsi):
    for path in HALAMAN:
        page = (provinsi.site / path).read_text(encoding="utf-8")
        assert "<script" not in page
        sorted_th = re.findall(r'<th scope="col" aria-sort="(\w+)"[^>]*><a href="([\w.-]+)"', page)
        assert len(sorted_th) == 1 and sorted_th[0][1] == path, (path, sorted_th)
        for href in re.findall(r'<th scope="col"[^>]*><a href="([\w.-]+)"', page):
            assert (provinsi.site / href).is_file()
    progres = [r[2] for r in _rows((provinsi.site / "urut-progres.html").read_text(encoding="utf-8"))]
    assert progres[:3] == [
        "80,0 % 24 dari 30 langkah, 2024",
        "30,0 % 12 dari 40 langkah, 2024",
        "25,0 % 5 dari 20 langkah, 2024",
    ]
    keadaan = [r[1] for r in _rows((provinsi.site / "urut-keadaan.html").read_text(encoding="utf-8"))]
    assert keadaan == ["tidak dapat dijangkau"] * 2 + ["data tidak valid"] * 3 + ["baik"] * 3


def test_chart_has_title_desc_and_values_as_text(provinsi):
    page = (provinsi.site / "urut-progres.html").read_text(encoding="utf-8")
    svg = page[page.index('<svg class="grafik-svg"') : page.index("</svg>", page.index('<svg class="grafik-svg"'))]
    assert 'role="img" aria-labelledby="grafik-judul grafik-isi"' in svg
    assert "<title id=" in svg and "<desc id=" in svg
    values = [v.replace("\xa0", " ") for v in re.findall(r'class="nilai">([^<]+)<', svg)]
    assert values[:2] == ["80,0 %", "30,0 % · 1 rekap terlambat"]  # Gunungkidul's wbs is late: hatched
    assert svg.count('class="isi-arsir"') == 1 and svg.count('class="isi"') == 2


def test_combined_csv_and_json_equal_the_inputs(provinsi):
    data = provinsi.site / "data"
    read = json.loads((data / "unit.json").read_text(encoding="utf-8"))
    assert [Anggota.model_validate(a).ringkasan for a in read[:3]] == list(provinsi.units.values())
    rows = list(csv.DictReader(io.StringIO((data / "unit.csv").read_text(encoding="utf-8"))))
    assert [r["situs"] for r in rows] == [*provinsi.units, *provinsi.gagal]
    for row, r in zip(rows, provinsi.units.values(), strict=False):
        p = r.rencana[0]
        assert (row["nama"], row["tahun"], row["langkah"], row["selesai"], row["terlambat"]) == (
            r.unit.nama,
            str(p.tahun),
            str(p.langkah),
            str(p.selesai),
            str(p.terlambat),
        )
        assert float(row["persen_selesai"]) == p.persen_selesai and row["keadaan"] == "baik"
    assert all(r["keadaan"] != "baik" and r["langkah"] == "" for r in rows[3:])
    areas = list(csv.DictReader(io.StringIO((data / "area.csv").read_text(encoding="utf-8"))))
    assert len(areas) == sum(len(r.rencana[0].area) for r in provinsi.units.values())
    rekap = list(csv.DictReader(io.StringIO((data / "rekap.csv").read_text(encoding="utf-8"))))
    want = [(k.jenis, k.angka_terakhir) for r in provinsi.units.values() for k in r.rekap]
    assert [(r["jenis"], r["angka_terakhir"]) for r in rekap] == want
    # A cell the unit suppressed stays suppressed: copied as published, never a number behind it.
    assert [r["angka_terakhir"] for r in rekap if r["jenis"] == "gratifikasi"] == ["< 3 laporan"] * 2
    page = (provinsi.site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'href="data/unit.csv" download>Data per unit \(CSV, [\d,]+ KB\)', page)


def test_own_ringkasan_adds_up_its_members(provinsi):
    own = _ringkasan(provinsi.site)
    (p,) = own.rencana
    assert (p.langkah, p.selesai, p.terlambat) == (90, 41, 4)
    assert p.persen_selesai == 45.6  # 41 / 90, rounded half away from zero
    assert own.unit.nama == "KPU Daerah Istimewa Yogyakarta" and own.tanggal_data.isoformat() == "2024-11-30"
    want: dict[str, list[int]] = {}
    for r in provinsi.units.values():
        for a in r.rencana[0].area:
            want.setdefault(a.kode, [0, 0])
            want[a.kode][0] += a.langkah
            want[a.kode][1] += a.selesai
    assert {a.kode: [a.langkah, a.selesai] for a in p.area} == want
    assert sum(w[1] for w in want.values()) == 41
    catalogue = json.loads((provinsi.site / "data.json").read_text(encoding="utf-8"))
    assert {d["distribution"][0]["downloadURL"] for d in catalogue["dataset"]} >= {
        "./data/unit.csv",
        "./ringkasan.json",
    }


def test_a_unit_that_fails_later_is_shown_from_the_cache_with_its_date(provinsi):
    site2 = provinsi.root / "situs-2"
    old = provinsi.server.routes["/sleman/ringkasan.json"]
    provinsi.server.routes["/sleman/ringkasan.json"] = (503, b"", 0.0)
    try:
        code, lines = jalankan(provinsi.daftar, site2, provinsi.cache, HARI_2)
    finally:
        provinsi.server.routes["/sleman/ringkasan.json"] = old
    assert code == 0
    sleman = next(iter(provinsi.units))
    (line,) = [w for w in lines if w.startswith(f"Peringatan: {sleman}:")]
    assert "HTTP 503" in line and "salinan yang dibaca 2024-12-01" in line
    own = _ringkasan(site2)
    member = own.anggota[0]
    assert member.keadaan == "tidak dapat dijangkau" and member.dibaca == HARI_1
    assert member.ringkasan == provinsi.units[sleman]
    assert own.anggota[1].dibaca == HARI_2  # read today
    rows = {r[0]: r for r in _rows((site2 / "index.html").read_text(encoding="utf-8"))}
    assert rows["KPU Kabupaten Sleman"][1] == "tidak dapat dijangkau salinan 1 Desember 2024"
    assert rows["KPU Kabupaten Sleman"][2].startswith("80,0 %")
    assert "Ditampilkan salinan yang dibaca 1 Desember 2024." in (site2 / "index.html").read_text(encoding="utf-8")
    csv_rows = list(csv.DictReader(io.StringIO((site2 / "data" / "unit.csv").read_text(encoding="utf-8"))))
    assert (csv_rows[0]["dari_cache"], csv_rows[0]["dibaca"]) == ("true", "2024-12-01")
    svg = (site2 / "index.html").read_text(encoding="utf-8")
    assert svg.count('class="jalur jalur-cache"') == 2  # the legend's swatch and Sleman's bar


def test_nothing_readable_and_no_cache_fails_and_writes_nothing(tmp_path):
    daftar = tmp_path / "daftar.yaml"
    daftar.write_text("unit:\n  - tidak-ada\n", encoding="utf-8")
    code, lines = jalankan(daftar, tmp_path / "situs", tmp_path / "cache", HARI_1)
    assert code == 1 and not (tmp_path / "situs").exists()
    assert "Peringatan: tidak-ada: tidak dapat dijangkau: folder tidak ada" in lines[0]
    assert "Tidak satu unit pun dapat dibaca" in lines[-1]


def test_a_slow_unit_times_out_alone(tmp_path):
    server = Server()
    try:
        server.routes["/lambat/ringkasan.json"] = (200, json_bytes(unit("Kota Yogyakarta", "https://y/", 4, 1)), 3.0)
        server.routes["/cepat/ringkasan.json"] = (200, json_bytes(unit("Kulon Progo", "https://k/", 4, 2)), 0.0)
        daftar = tmp_path / "daftar.txt"
        daftar.write_text(f"{server.base}/lambat/\n{server.base}/cepat/\n", encoding="utf-8")
        code, lines = jalankan(daftar, tmp_path / "situs", tmp_path / "cache", HARI_1, batas_waktu=0.5, paralel=1)
    finally:
        server.close()
    assert code == 0
    assert [line for line in lines if "lambat" in line] == [
        f"Peringatan: {server.base}/lambat/: tidak dapat dijangkau: tidak menjawab dalam 0,5 detik; "
        "belum ada salinan yang pernah terbaca."
    ]


def test_a_national_rollup_reads_provinces(provinsi, tmp_path):
    """A roll-up of roll-ups: the province's site is a unit of the national one."""
    other = Server()
    try:
        jateng = unit("Jawa Tengah", "https://zi.kpu-jateng.example/", 10, 10)
        other.routes["/jateng/ringkasan.json"] = (200, json_bytes(jateng), 0.0)
        daftar = tmp_path / "nasional.yaml"
        daftar.write_text(f"unit:\n  - {provinsi.site}\n  - {other.base}/jateng/\n", encoding="utf-8")
        code, lines = jalankan(daftar, tmp_path / "nasional", tmp_path / "cache", HARI_1, judul="KPU RI")
    finally:
        other.close()
    assert code == 0, lines
    own = _ringkasan(tmp_path / "nasional")
    diy = own.anggota[0].ringkasan
    assert diy == _ringkasan(provinsi.site) and len(diy.anggota) == 8
    assert (own.rencana[0].langkah, own.rencana[0].selesai) == (100, 51)
    rows = _rows((tmp_path / "nasional" / "index.html").read_text(encoding="utf-8"))
    assert [r[0] for r in rows] == ["KPU Daerah Istimewa Yogyakarta rangkuman 8 unit", "KPU Jawa Tengah"]
    diy_row = next(r for r in rows if r[0].startswith("KPU Daerah Istimewa Yogyakarta"))
    assert diy_row[0].endswith("rangkuman 8 unit") and diy_row[2].startswith("45,6 %")


def test_daftar_mistakes_are_reported_with_their_line(tmp_path):
    daftar = tmp_path / "daftar.txt"
    daftar.write_text("https://a.example/\n\nftp://b.example/\nhttps://a.example\n", encoding="utf-8")
    code, lines = jalankan(daftar, tmp_path / "situs", tmp_path / "cache", HARI_1)
    assert code == 1 and not (tmp_path / "situs").exists()
    assert lines[0].startswith(f"{daftar}:3:1: alamat 'ftp://b.example/' bukan http(s)://")
    assert lines[1].startswith(f"{daftar}:4:1: 'https://a.example' sudah ada di baris 1")
    assert all("Perbaikan:" in line for line in lines[:2])


def test_the_command_line(provinsi, tmp_path):
    args = ["rollup", str(provinsi.daftar), "--site-dir", str(tmp_path / "out"), "--cache", str(tmp_path / "c")]
    result = CliRunner().invoke(main, [*args, "--judul", "KPU DIY", "--paralel", "4", "--batas-waktu", "3"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr.count("Peringatan:") == 5, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    assert "Rangkuman selesai di" in result.stdout
    assert "Rangkuman Zona Integritas KPU DIY" in (tmp_path / "out" / "index.html").read_text(encoding="utf-8")


def test_a_hostile_unit_cannot_inject_markup_or_a_script_link(tmp_path):
    """Names and links come from other sites: escaped, and only http(s) links are made."""
    evil = unit('<script>alert(1)</script> "Kota"', "javascript:alert(1)", 10, 5)
    tulis(tmp_path / "jahat", evil)
    tulis(tmp_path / "relatif", unit("Kota Relatif", "./", 10, 5))
    (tmp_path / "daftar.txt").write_text("jahat\nrelatif\n", encoding="utf-8")
    code, _ = jalankan(tmp_path / "daftar.txt", tmp_path / "situs", tmp_path / "cache", HARI_1)
    assert code == 0
    for path in HALAMAN:
        page = (tmp_path / "situs" / path).read_text(encoding="utf-8")
        assert "<script" not in page and "javascript:" not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
        assert 'href="./"' not in page  # a local folder's relative address is no link for a visitor


def test_without_a_title_the_page_is_still_named(provinsi, tmp_path):
    code, _ = jalankan(provinsi.daftar, tmp_path / "situs", tmp_path / "c", HARI_1, judul=None)
    page = (tmp_path / "situs" / "index.html").read_text(encoding="utf-8")
    assert code == 0 and "<h1>Rangkuman Zona Integritas</h1>" in page
    assert _ringkasan(tmp_path / "situs").unit.nama == "Rangkuman Zona Integritas"


def test_a_folder_that_is_not_a_previous_build_is_never_replaced(provinsi, tmp_path):
    keep = tmp_path / "berkas-staf"
    keep.mkdir()
    (keep / "catatan.txt").write_text("jangan dihapus", encoding="utf-8")
    code, lines = jalankan(provinsi.daftar, keep, tmp_path / "c", HARI_1)
    assert code == 1 and "bukan hasil `zi build`" in lines[0]
    assert sorted(p.name for p in keep.iterdir()) == ["catatan.txt"]
    code, _ = jalankan(provinsi.daftar, provinsi.site, provinsi.cache, HARI_1)  # a previous roll-up: replaced
    assert code == 0 and (provinsi.site / ".laman-zi-situs").is_file()

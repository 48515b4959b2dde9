"""`zi` usage mistakes and `zi import` failures are said in Indonesian with a fix.

Before, click answered "Error: Invalid value for '--tahun': 1999 is not in the range
2000<=x<=2100." and `zi import` showed Python's exception names (BadZipFile, KeyError).
"""

from __future__ import annotations

import re
import zipfile

import click
import pytest

from generator.cli_errors import message
from tests.conftest import REPO, zi

pytestmark = pytest.mark.slow  # heavy: left out of `make test-fast`

ENGLISH = re.compile(
    r"Error:|Invalid value|Usage:|Missing argument|No such (option|command)|is not|does not|"
    r"requires an argument|unexpected extra|BadZipFile|KeyError|ParseError|Traceback|field larger"
)


def _assert_indonesian(result, *expected: str, code: int = 2) -> None:
    err = result.stderr
    assert result.returncode == code, (result.returncode, err)
    assert not ENGLISH.search(err), err
    assert "Perbaikan: " in err, err
    for text in expected:
        assert text in err, err


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ("import", "ra.xlsx", "--tahun", "1999"),
            ["nilai untuk --tahun tidak sah: tahun 1999 di luar rentang 2000–2100", "mis. 2025"],
        ),
        (("import", "ra.xlsx", "--tahun", "dua ribu"), ["'dua ribu' bukan tahun"]),
        (("new-year", "1999"), ["nilai untuk TAHUN tidak sah: tahun 1999 di luar rentang", "Cara pakai: zi new-year"]),
        (("new-year", "2O25"), ["'2O25' bukan tahun"]),
        (("new-year",), ["argumen TAHUN belum ditulis", "`zi new-year 2025`"]),
        (("import",), ["argumen BERKAS belum ditulis"]),
        (("check", "--plan", "plans"), ["pilihan --plan tidak dikenal", "maksud Anda --plans?"]),
        (("chek",), ["perintah 'chek' tidak dikenal", "maksud Anda `zi check`?"]),
        (("import", "ra.xlsx", "--tahun"), ["pilihan --tahun memerlukan nilai"]),
        (("check", "satu", "dua"), ["argumen berlebih: satu dua"]),
        (("build", "-f", "tidak-ada.yml"), ["'tidak-ada.yml' tidak ada"]),
    ],
)
def test_usage_mistakes_are_said_in_indonesian(args, expected):
    _assert_indonesian(zi(*args), *expected)


def test_bad_choice_is_said_in_indonesian():
    @click.command()
    @click.option("--mesin", type=click.Choice(["mkdocs", "zensical"]))
    def cmd(mesin):
        pass

    with pytest.raises(click.exceptions.BadParameter) as exc:
        cmd.main(["--mesin", "hugo"], prog_name="zi build", standalone_mode=False)
    text = message(exc.value)
    assert "nilai untuk --mesin tidak sah: 'hugo' bukan pilihan yang dikenal" in text
    assert "Perbaikan: pilih salah satu: mkdocs, zensical" in text
    assert not ENGLISH.search(text), text


def test_build_and_check_outside_the_repository_say_where_to_run(tmp_path):
    build = zi("build", cwd=tmp_path)
    _assert_indonesian(
        build,
        f"berkas konfigurasi situs 'mkdocs.yml' tidak ada di folder ini ({tmp_path})",
        "di folder utama repositori Laman ZI",
        "-f /lokasi/repositori/mkdocs.yml",
    )
    check = zi("check", cwd=tmp_path)
    _assert_indonesian(
        check, f"folder data 'plans' tidak ada di folder ini ({tmp_path})", "--plans /lokasi/repositori/plans", code=1
    )
    assert (REPO / "mkdocs.yml").is_file()


def _workbooks(tmp_path):
    (tmp_path / "palsu.xlsx").write_text("bukan buku kerja", encoding="utf-8")
    with zipfile.ZipFile(tmp_path / "kosong.xlsx", "w") as z:
        z.writestr("a.txt", "x")
    with zipfile.ZipFile(tmp_path / "rusak.xlsx", "w") as z:
        z.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'spreadsheetml.sheet.main+xml"/></Types>',
        )
        z.writestr(
            "_rels/.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        z.writestr("xl/workbook.xml", "<workbook><sheets><sheet")
    (tmp_path / "panjang.csv").write_text('NO,"' + "x" * 200_000 + "\n", encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("palsu.xlsx", "isinya bukan berkas .xlsx"),
        ("kosong.xlsx", "bagian buku kerja (workbook) di dalam berkas tidak lengkap"),
        ("rusak.xlsx", "isi buku kerja rusak atau tidak lengkap"),
        ("panjang.csv", 'tanda kutip " yang tidak ditutup'),
    ],
)
def test_import_failures_name_no_python_exception(tmp_path, name, expected):
    _workbooks(tmp_path)
    result = zi("import", str(tmp_path / name), "--tahun", "2025", "--out", str(tmp_path / "ra.yaml"))
    assert result.returncode == 1, result.stderr
    assert expected in result.stderr, result.stderr
    assert not ENGLISH.search(result.stderr), result.stderr
    assert "Terjadi kesalahan internal" not in result.stderr
    assert not (tmp_path / "ra.yaml").exists()


def test_import_into_an_unwritable_place_says_why(tmp_path):
    from tests.conftest import DATA
    from tests.importer.decree_table import gunungkidul_sheet, load_plan, write_xlsx

    sheet = write_xlsx(
        gunungkidul_sheet(load_plan(DATA["gunungkidul"] / "2024" / "rencana-aksi.yaml")), tmp_path / "ra.xlsx"
    )
    (tmp_path / "berkas").write_text("x", encoding="utf-8")
    result = zi("import", str(sheet), "--out", str(tmp_path / "berkas" / "ra.yaml"))
    assert result.returncode == 1
    assert "tidak dapat ditulis (ada berkas biasa di tempat folder tujuannya)" in result.stderr, result.stderr
    assert not ENGLISH.search(result.stderr) and "Terjadi kesalahan internal" not in result.stderr


@pytest.mark.parametrize("args", [("--help",), ("import", "--help"), ("new-year", "--help")])
def test_help_headings_are_indonesian(args):
    result = zi(*args)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Cara pakai: zi") and "Pilihan:" in result.stdout, result.stdout
    assert "Tampilkan bantuan ini lalu keluar." in result.stdout
    for english in ("Usage:", "Options:", "Commands:", "Show this message", "[OPTIONS]"):
        assert english not in result.stdout, english

"""Links in the data go only to http(s), mailto, tel or a relative path, whatever the spelling trick."""

from __future__ import annotations

import shutil

import pytest
from pydantic import BaseModel, ValidationError

from generator.errors import DataError
from generator.load import load_site
from generator.model.tautan import LokasiBerkas, Tautan, TautanBukti, TautanWeb
from tests.conftest import DATA, REPO

HOSTILE = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "  javascript:alert(1)",
    "\x01javascript:alert(1)",
    "\x00javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "java\rscript:alert(1)",
    "javascript\x0b:alert(1)",
    "\u0085javascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "DATA:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "FILE:C:/Windows/win.ini",
    "//evil.example/x",
    "\\\\evil.example\\x",
    "/\\evil.example",
    "\\/evil.example",
    "https:evil.example",
    "http://",
    "mailto:",
    "tel:",
    "",
]
GOOD = [
    "https://gol.kpk.go.id",
    "HTTPS://WWW.LAPOR.GO.ID/",
    "http://kpu-gunungkidulkab.go.id/ppid?x=1#a",
    "mailto:kpugk@gmail.com",
    "MAILTO:kpugk@gmail.com",
    "tel:+62274391123",
    "unggahan/bukti.pdf",
    "kanal-pengaduan/",
    "../dokumen/",
    "#kanal",
]


class M(BaseModel):
    tautan: Tautan | None = None
    web: TautanWeb | None = None
    bukti: TautanBukti | None = None
    berkas: LokasiBerkas | None = None


def refused(field: str, value: str) -> dict:
    with pytest.raises(ValidationError) as exc:
        M(**{field: value})
    [err] = exc.value.errors()
    assert err["type"] == "zi", err
    assert err["ctx"]["message"] and err["ctx"]["fix"], err
    return err["ctx"]


@pytest.mark.parametrize("value", HOSTILE)
@pytest.mark.parametrize("field", ["tautan", "web", "bukti", "berkas"])
def test_dangerous_or_broken_links_are_refused(field, value):
    refused(field, value)


@pytest.mark.parametrize("value", GOOD)
def test_ordinary_links_pass(value):
    assert M(tautan=value).tautan == value


def test_each_type_keeps_to_its_own_kind():
    assert M(web="https://kpu.go.id").web == "https://kpu.go.id"
    assert M(bukti="https://kpu.go.id/x.pdf").bukti and M(bukti="unggahan/x.pdf").bukti
    assert M(berkas="unggahan/kep-478-2024.pdf").berkas
    for field, value in [
        ("web", "mailto:a@b.id"),
        ("web", "unggahan/x.pdf"),
        ("bukti", "mailto:a@b.id"),
        ("bukti", "tel:112"),
        ("berkas", "https://kpu.go.id/kep.pdf"),
    ]:
        refused(field, value)


def test_message_names_the_scheme_and_the_allowed_ones():
    ctx = refused("tautan", "JaVaScRiPt:alert(1)")
    assert ctx["message"] == "jenis tautan 'JaVaScRiPt:' tidak diizinkan"
    assert ctx["fix"] == "tulis http://, https://, mailto:, tel: atau lokasi berkas relatif (mis. unggahan/bukti.pdf)"
    assert "karakter kendali" in refused("tautan", "java\tscript:alert(1)")["message"]
    assert "diawali //" in refused("tautan", "//evil.example")["message"]


# --- every link field of the data, through the loader: file, line and Perbaikan ----------------


def _yaml_string(value: str) -> str:
    """A double-quoted YAML scalar that reads back as ``value`` (control characters escaped)."""
    return (
        '"'
        + "".join(
            c if c.isprintable() and c not in '"\\' else f"\\x{ord(c):02x}" if ord(c) < 256 else f"\\u{ord(c):04x}"
            for c in value
        )
        + '"'
    )


FIELDS = {
    # field (as reported), file, text to find, replacement with {v} for the hostile value
    "situs": ("satker.yaml", 'kota: "Wonosari"\n', 'kota: "Wonosari"\nsitus: {v}\n'),
    "kanal[2].tautan": ("satker.yaml", '    tautan: "https://gol.kpk.go.id"', "    tautan: {v}"),
    "keputusan.berkas": (
        "2024/rencana-aksi.yaml",
        '  ditetapkan_di: "Wonosari"',
        '  berkas: {v}\n  ditetapkan_di: "Wonosari"',
    ),
    "baris[0].bukti[0].tautan": ("2024/realisasi.yaml", None, None),
}


@pytest.mark.parametrize("value", ["JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "//evil.example/x"])
@pytest.mark.parametrize("field", list(FIELDS))
def test_every_link_field_is_checked_with_position_and_fix(tmp_path, field, value):
    root = tmp_path / "plans"
    shutil.copytree(DATA["gunungkidul"], root)
    name, old, new = FIELDS[field]
    file = root / name
    text = file.read_text(encoding="utf-8")
    if old is None:  # the first evidence link of realisasi.yaml, whatever it is
        start = text.index("tautan:", text.index("bukti:"))
        end = text.index("\n", start)
        old, new = text[start:end], "tautan: {v}"
    assert old in text, old
    line = text[: text.index(old)].count("\n") + 1 + new.split("{v}")[0].count("\n")
    file.write_text(text.replace(old, new.replace("{v}", _yaml_string(value)), 1), encoding="utf-8")
    with pytest.raises(DataError) as exc:
        load_site(root, content_dir=REPO / "content")
    msgs = [p.format(root) for p in exc.value.problems if p.field == field]
    assert len(msgs) == 1, [p.format(root) for p in exc.value.problems]
    assert msgs[0].startswith(f"{name}:{line}:"), msgs
    assert "tautan" in msgs[0] and "\n    Perbaikan: " in msgs[0], msgs

"""Decree numbering also names pages and navigation entries, so it may hold no markup at all."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from generator.model.lampiran import Aksi


@pytest.mark.parametrize("nomor", ["I.", "VII", "1", "12.", "a.", "a)", "1)", "(1)", "5.1", "A.1", "V.2.a", "1 a"])
def test_numbering_as_written_in_decrees(nomor):
    assert Aksi(nomor=nomor, uraian="x").nomor == nomor


@pytest.mark.parametrize(
    "nomor",
    [
        "<script>alert(1)</script>",
        "I.\n# judul",
        "[1](javascript:x)",
        "1*",
        "a_b",
        "&#60;",
        '1"',
        "x" * 21,
        "",
        " ",
        "-1",
        "1|2",
    ],
)
def test_markup_in_numbering_is_refused(nomor):
    with pytest.raises(ValidationError) as exc:
        Aksi(nomor=nomor, uraian="x")
    [err] = exc.value.errors()
    assert err["type"] == "zi" and "penomoran" in err["ctx"]["message"] and err["ctx"]["fix"]

"""Shared pydantic base: unknown keys are errors (a misspelt key must not vanish)."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict
from pydantic_core import PydanticCustomError


def zi_error(message: str, fix: str) -> PydanticCustomError:
    """A validation error staff read as it is: Indonesian message plus a Perbaikan line.

    generator/load/messages.py turns the error type "zi" into exactly these two texts.
    """
    return PydanticCustomError("zi", "{message}", {"message": message, "fix": fix})


# Text fields hold the decree's words verbatim. Inline emphasis is written the
# Markdown way (``*website*``); everything else is shown as plain, escaped text.
Teks = str

_NOMOR = re.compile(r"^\(?[0-9A-Za-z][0-9A-Za-z .,()/\-]{0,19}$")


def _nomor(value: str) -> str:
    """Decree numbering ('I.', '1', 'a.', '1)', 'a)') also titles pages and navigation, so only
    letters, digits and a few marks are allowed: never markup."""
    if not _NOMOR.match(value):
        raise zi_error(
            "penomoran hanya boleh berisi huruf, angka, spasi dan tanda . , ( ) / - (paling panjang 20)",
            "tulis penomoran persis seperti di keputusan, mis. 'I.', '1', 'a.', '1)' atau 'a)'; "
            "teks lainnya masuk ke judul atau uraian",
        )
    return value


Nomor = Annotated[str, AfterValidator(_nomor)]


class ZiModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

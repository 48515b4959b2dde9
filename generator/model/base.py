"""Shared pydantic base: unknown keys are errors (a misspelt key must not vanish)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

# Text fields hold the decree's words verbatim. Inline emphasis is written the
# Markdown way (``*website*``); everything else is shown as plain, escaped text.
Teks = str


class ZiModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

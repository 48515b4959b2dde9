"""What a page builder returns: a path in the site and its Markdown source."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    path: str  # source path as if in docs_dir, e.g. "2024/manajemen-perubahan.md"
    title: str  # navigation title
    markdown: str

    @property
    def url(self) -> str:
        """Directory-style URL relative to the site root ("2024/manajemen-perubahan/")."""
        stem = self.path.removesuffix(".md")
        if stem == "index":
            return ""
        return stem.removesuffix("/index") + "/"


@dataclass(frozen=True)
class NavEntry:
    title: str
    path: str | None = None
    children: tuple[NavEntry, ...] = ()

"""The content stage: data folder + content/ + theme/ -> a complete docs tree any engine can build.

``prepare`` runs load -> rules -> pages and fills the placeholders of the hand-written pages;
``write_tree`` writes the result (Markdown pages, uploads, theme overrides, a generated
``mkdocs.yml`` without the ``zi`` plugin) into a folder. Nothing here imports an engine:
``generator.engines`` builds the tree, ``generator.plugin`` hands the same result to MkDocs.
"""

from __future__ import annotations

from generator.stage.prepared import Prepared, StageError, prepare
from generator.stage.tree import write_tree

__all__ = ["Prepared", "StageError", "prepare", "write_tree"]

"""Engine adapters: turn a staged docs tree (generator.stage) into HTML. Only these import an engine.

Each adapter has ``build(tree: Path) -> Path``: it builds ``tree/mkdocs.yml`` into ``tree/site`` and
returns that folder, or raises ``EngineError``. The environment of the engine gets
``SOURCE_DATE_EPOCH`` from the tree (the data's newest date), so dates in the output are the data's.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ENGINES = ("material", "zensical")
DEFAULT = "material"


class EngineError(Exception):
    """The engine refused the tree (its own report, usually English, was already printed)."""


def engine_env(tree: Path) -> dict[str, str]:
    """Variables the engine runs with: the tree's SOURCE_DATE_EPOCH, and no MkDocs 2 banner."""
    from generator.stage.tree import read_epoch

    epoch = read_epoch(tree)
    env = {"NO_MKDOCS_2_WARNING": "1"}
    if epoch is not None:
        env["SOURCE_DATE_EPOCH"] = str(epoch)
    return env


@contextmanager
def environment(values: dict[str, str]) -> Iterator[None]:
    """``values`` set in os.environ for an in-process engine, and put back as they were afterwards."""
    old = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def build(engine: str, tree: Path) -> Path:
    """Build ``tree`` with ``engine``, then run the engine-independent finishing steps (generator.rampung)."""
    from generator import rampung
    from generator.rampung import cari

    if engine == "zensical":
        from generator.engines import zensical

        site_dir = zensical.build(tree)
    else:
        from generator.engines import material

        site_dir = material.build(tree)
    try:
        rampung.selesaikan(site_dir)
    except cari.CariError as exc:
        raise EngineError(str(exc)) from exc
    return site_dir

"""Only the engine adapters (plugin, CLI, generator/engines/*) may import an engine; the rest is plain Python."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "generator"
ADAPTERS = {"plugin.py", "cli.py"}
ENGINES = {"mkdocs", "zensical"}


def is_adapter(path: Path) -> bool:
    rel = path.relative_to(PACKAGE)
    return rel.as_posix() in ADAPTERS or rel.parts[0] == "engines"


# Stages that must not know about files, templates or the engine at all.
PURE = {"model", "domain", "rules"}


def imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_only_adapters_import_an_engine():
    offenders = [
        p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py") if imports(p) & ENGINES and not is_adapter(p)
    ]
    assert offenders == []
    assert "mkdocs" in imports(PACKAGE / "plugin.py")
    assert "mkdocs" in imports(PACKAGE / "engines" / "material.py")
    assert "zensical" in imports(PACKAGE / "engines" / "zensical.py")


def test_the_content_stage_imports_no_engine():
    for p in (PACKAGE / "stage").rglob("*.py"):
        assert not imports(p) & ENGINES, p


def test_pure_stages_import_no_io_libraries():
    for stage in PURE:
        for p in (PACKAGE / stage).rglob("*.py"):
            assert not imports(p) & {"mkdocs", "zensical", "jinja2", "yaml", "click", "markdown"}, p

"""Only the engine adapter (plugin, CLI) may import mkdocs; the rest is plain Python."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "generator"
ADAPTERS = {"plugin.py", "cli.py"}
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


def test_only_adapters_import_mkdocs():
    offenders = [p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py")
                 if "mkdocs" in imports(p) and p.name not in ADAPTERS]
    assert offenders == []
    assert "mkdocs" in imports(PACKAGE / "plugin.py")


def test_pure_stages_import_no_io_libraries():
    for stage in PURE:
        for p in (PACKAGE / stage).rglob("*.py"):
            assert not imports(p) & {"mkdocs", "jinja2", "yaml", "click", "markdown"}, p

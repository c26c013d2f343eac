"""How scripts/ttdn's modules import: the engine only behind its adapters, and no circles.

Read with `ast` (nothing is imported), so every import counts: at the top, inside a function,
under `if TYPE_CHECKING:`.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from helpers import ROOT

PACKAGE = ROOT / "scripts" / "ttdn"
ENGINE_MODULES = ("mkdocs", "material", "mkdocs_static_i18n", "properdocs")
# The adapter packages: the only places that may import the engine (MIGRATION.md).
ADAPTERS = ("ttdn.engine", "ttdn.plugins")


def module_name(path: Path, package: Path = PACKAGE) -> str:
    parts = list(path.relative_to(package.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports(path: Path, package: Path = PACKAGE) -> Iterator[tuple[str, int]]:
    """Every module `path` names in an import statement, with its line; `from a import b`
    gives `a.b` when that is a module of the package, else `a`."""
    name = module_name(path, package)
    is_package = path.name == "__init__.py"
    for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from the package holding this module
                anchor = name.split(".")
                anchor = anchor[: len(anchor) - node.level + (1 if is_package else 0)]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                yield (sub if _is_module(sub, package) else base), node.lineno


def _is_module(name: str, package: Path) -> bool:
    path = package.parent.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def sources(package: Path = PACKAGE) -> list[Path]:
    return sorted(package.rglob("*.py"))


def engine_imports(package: Path = PACKAGE, root: Path = ROOT) -> list[str]:
    """`file:line: module` for each import of the engine outside the adapters."""
    found = []
    for path in sources(package):
        if module_name(path, package).startswith(ADAPTERS):
            continue
        for imported, line in imports(path, package):
            if imported.split(".")[0] in ENGINE_MODULES:
                shown = path.relative_to(root).as_posix()
                found.append(f"{shown}:{line}: imports {imported}")
    return found


def import_graph(package: Path = PACKAGE) -> dict[str, set[str]]:
    own = package.name
    graph: dict[str, set[str]] = {}
    for path in sources(package):
        name = module_name(path, package)
        graph[name] = {m for m, _ in imports(path, package)
                       if (m == own or m.startswith(own + ".")) and m != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Each strongly connected group of two or more modules (Tarjan), as a sorted list."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in graph:
                continue
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def test_nothing_outside_the_adapters_imports_the_engine() -> None:
    assert engine_imports() == []


def test_no_import_circles_among_ttdn_modules() -> None:
    assert cycles(import_graph()) == []


def test_the_rule_and_the_circle_finder_catch_what_they_guard(tmp_path: Path) -> None:
    """The two checks above can fail: a package with an engine import in a view, one in an
    adapter, one inside a function, and a circle through a TYPE_CHECKING import."""
    pkg = tmp_path / "ttdn"
    (pkg / "plugins").mkdir(parents=True)
    (pkg / "check").mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "plugins" / "__init__.py").write_text("import mkdocs\n")
    (pkg / "check" / "__init__.py").write_text("from ttdn.check.trust import rules\n")
    (pkg / "check" / "trust.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ttdn.check import Project\n")
    (pkg / "views.py").write_text(
        "import os\n\nfrom material.plugins import x\n\ndef f():\n"
        "    from mkdocs.utils import get_relative_url\n")
    (pkg / "a.py").write_text("from . import b\n")
    (pkg / "b.py").write_text("from .a import thing\n")
    assert engine_imports(pkg, tmp_path) == [
        "ttdn/views.py:3: imports material.plugins",
        "ttdn/views.py:6: imports mkdocs.utils",
    ]
    assert cycles(import_graph(pkg)) == [["ttdn.a", "ttdn.b"], ["ttdn.check", "ttdn.check.trust"]]

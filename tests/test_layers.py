"""No lower layer imports a higher one: the pipeline reads one way (ARCHITECTURE.md).

Layers, lowest first. A module may import from its own layer and the ones below, never from
above (a check must not reach into the CLI, the crisis state must not import the nightly
runner). In-function imports count too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import contentcheck

LAYERS: list[tuple[str, ...]] = [
    ("__init__", "errors", "records", "text", "visible", "wording", "fileio", "locks", "gcpause",
     "progress"),
    ("calendar", "matching"),
    ("lists", "kits", "kit_choice", "suggest", "translations"),
    ("window", "config", "settings", "crisis", "checks"),
    ("decide",),
    ("scan", "twins", "workers", "verdicts"),
    ("report",),
    ("apply",),
    ("nightly",),
    ("cli",),
]
RANK = {name: rank for rank, names in enumerate(LAYERS) for name in names}
PACKAGE = Path(contentcheck.__file__).parent


def _part(module: str) -> str:
    """``contentcheck.matching.terms`` -> ``matching``; the package's own names -> ``__init__``."""
    parts = module.split(".")
    if len(parts) == 1 or parts[1] not in RANK and not (PACKAGE / parts[1]).exists() \
            and not (PACKAGE / f"{parts[1]}.py").exists():
        return "__init__"
    return parts[1]


def _imports(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "contentcheck":
            found += ([node.module] if node.module != "contentcheck"
                      else [f"contentcheck.{alias.name}" for alias in node.names])
        elif isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.split(".")[0] == "contentcheck"]
    return found


def test_every_module_has_a_layer() -> None:
    parts = {p.stem if p.parent == PACKAGE else p.relative_to(PACKAGE).parts[0]
             for p in PACKAGE.rglob("*.py")}
    assert parts - set(RANK) == set(), "add the new module or package to LAYERS"


def test_no_module_imports_a_higher_layer() -> None:
    upward = []
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE)
        mine = relative.stem if len(relative.parts) == 1 else relative.parts[0]
        for module in _imports(path):
            if RANK[_part(module)] > RANK[mine]:
                upward.append(f"{relative} imports {module}")
    assert upward == []

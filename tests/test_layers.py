"""The package stands in layers: no import circle, counting every import, and no hidden import."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import learning_cities
from conftest import ROOT

PACKAGE = Path(learning_cities.__file__).parent  # the source tree, or the installed wheel


def _module(path: Path) -> str:
    parts = ["learning_cities", *path.relative_to(PACKAGE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module(path): path for path in PACKAGE.rglob("*.py")}


def _imported(module: str, node: ast.Import | ast.ImportFrom) -> set[str]:
    """The package's modules an import statement names (``from . import x`` names ``x``)."""
    if isinstance(node, ast.Import):
        return {alias.name for alias in node.names} & MODULES.keys()
    package = module if MODULES[module].name == "__init__.py" else module.rsplit(".", 1)[0]
    base = package.split(".")[: len(package.split(".")) - (node.level - 1)] if node.level else []
    target = ".".join([*base, *([node.module] if node.module else [])])
    found = {f"{target}.{alias.name}" for alias in node.names} & MODULES.keys()
    return (found or {target}) & MODULES.keys()


def _graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {module: set() for module in MODULES}
    for module, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                graph[module] |= _imported(module, node) - {module}
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import circle, or ``[]``."""
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(module: str) -> list[str]:
        state[module] = 1
        path.append(module)
        for imported in sorted(graph[module]):
            if state.get(imported) == 1:
                return [*path[path.index(imported) :], imported]
            if imported not in state and (found := visit(imported)):
                return found
        state[module] = 2
        path.pop()
        return []

    for module in sorted(graph):
        if module not in state and (found := visit(module)):
            return found
    return []


def test_no_import_circle_counting_every_import() -> None:
    graph = _graph()
    assert graph["learning_cities.network"] >= {"learning_cities.cities", "learning_cities._store"}  # it reads
    assert _cycle(graph) == []


def test_the_cycle_finder_finds_one() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]


def test_no_dynamic_import_below_the_package_face() -> None:
    calls = [
        (module, node.lineno)
        for module, path in MODULES.items()
        if module != "learning_cities"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and getattr(node.func, "attr", getattr(node.func, "id", None)) in ("import_module", "__import__")
    ]
    assert calls == []


@pytest.mark.parametrize("records", ["model", "cohorts", "conferences", "_fields", "_tables"])
def test_records_know_nothing_of_networks_analytics_or_presentation(records: str) -> None:
    above = {"network", "_packaged", "cities", "display", "exports", "completeness", "awards", "eligibility", "maps"}
    reached: set[str] = set()
    pending = [f"learning_cities.{records}"]
    graph = _graph()
    while pending:
        for imported in graph[pending.pop()] - reached:
            reached.add(imported)
            pending.append(imported)
    assert {module.rsplit(".", 1)[-1] for module in reached} & above == set()


def test_the_layers_contract_lists_every_module() -> None:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    contract = text[text.index("[[tool.importlinter.contracts]]") :]
    assert 'type = "layers"' in contract
    listed = contract[
        contract.index("layers = [") + len("layers = ") : contract.index("]\n", contract.index("layers = ["))
    ]
    layers = ast.literal_eval(listed + "]")
    named = {name.strip() for layer in layers for name in layer.split("|")}
    top = {module.split(".")[1] for module in MODULES if module.count(".") >= 1}
    assert named == top


def test_import_linter_holds_the_layers() -> None:
    run = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from importlinter.cli import lint_imports_command; sys.exit(lint_imports_command())",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "1 kept, 0 broken" in run.stdout

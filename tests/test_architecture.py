"""The layout of the code: the packages follow the pipeline, with no import cycle and no oversized module.

The import graph is read from the source (every ``import``, at the top of a module or inside a function),
so a lazy import cannot hide a cycle.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

from cadre.generators import STEPS, architecture_page, registry
from cadre.generators.step import Step
from model import Index

ROOT = Path(__file__).resolve().parent.parent
MAX_LINES = 300

ALLOWED: dict[str, set[str]] = {
    "model": set(),
    "cadre.output": {"model"},
    "cadre.drawing": {"cadre.output"},
    "cadre.generators": {"model", "cadre.output", "cadre.drawing"},
    "cadre.generate": {"model", "cadre.output", "cadre.generators"},
    "cadre.diagram_script": {"model", "cadre.output", "cadre.drawing", "cadre.generators", "cadre.generate"},
    "cadre.site": {"cadre.output"},
    "cadre.publish": {"model", "cadre.output", "cadre.generate", "cadre.site"},
    "cadre.editor": {"model", "cadre.output", "cadre.generators", "cadre.generate"},
    "cadre.__main__": {"model", "cadre.generate", "cadre.site", "cadre.editor"},
    "cadre.bench": {"model", "cadre.output", "cadre.generators", "cadre.generate", "cadre.site", "cadre.publish"},
}
"""Which packages each may import: the pipeline's direction (a generator calls the drawing, never the
reverse; only ``cadre.publish`` knows a site generator); the editor's commands and the benchmark apart,
imported by nothing of the pipeline."""

THIRD_PARTY_HOME = {"diagrams": "cadre.drawing", "graphviz": "cadre.drawing", "mkdocs": "cadre.publish"}
"""A library that only one package may import, so that replacing it touches only that package."""


def _modules() -> dict[str, Path]:
    paths = [*sorted((ROOT / "cadre").rglob("*.py")), *sorted((ROOT / "model").rglob("*.py"))]
    result = {}
    for path in paths:
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        result[".".join(parts)] = path
    return result


MODULES = _modules()


def _imports(name: str, path: Path) -> set[str]:
    """The modules that ``name`` imports, resolved to modules of this repository or top-level libraries."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{name} : import relatif ; écrivez le chemin entier (cadre.…)"
            base = node.module or ""
            found.add(base)
            found |= {f"{base}.{alias.name}" for alias in node.names if f"{base}.{alias.name}" in MODULES}
    return {module for module in found if module}


GRAPH = {name: {m for m in _imports(name, path) if m in MODULES and m != name} for name, path in MODULES.items()}


def _layer(module: str) -> str:
    """The package of ``ALLOWED`` that ``module`` belongs to."""
    return max((layer for layer in ALLOWED if module == layer or module.startswith(f"{layer}.")), key=len, default="")


def test_every_module_belongs_to_a_stage_of_the_pipeline() -> None:
    assert [m for m in MODULES if m != "cadre" and not _layer(m)] == []


def test_no_import_cycle() -> None:
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(module: str) -> None:  # Tarjan's strongly connected components
        index[module] = low[module] = len(index)
        stack.append(module)
        for imported in sorted(GRAPH[module]):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == module:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for module in sorted(GRAPH):
        if module not in index:
            visit(module)
    # A package's __init__ importing its own submodules is not a cycle of the code's design.
    assert [c for c in cycles if not all(_layer(m) == _layer(c[0]) and m.count(".") <= 2 for m in c)] == []
    assert [c for c in cycles if not any(m in ALLOWED or m.rpartition(".")[0] in ALLOWED for m in c)] == []


def test_packages_import_only_what_comes_before_them() -> None:
    wrong = sorted(
        f"{module} importe {imported}"
        for module, imports in GRAPH.items()
        for imported in imports
        if _layer(imported) != _layer(module) and _layer(imported) not in ALLOWED.get(_layer(module), set())
    )
    assert wrong == []


@pytest.mark.parametrize("library", sorted(THIRD_PARTY_HOME))
def test_a_library_is_imported_by_its_package_only(library: str) -> None:
    users = sorted(
        name
        for name, path in MODULES.items()
        if any(m == library or m.startswith(f"{library}.") for m in _imports(name, path))
    )
    assert users and all(_layer(user) == THIRD_PARTY_HOME[library] for user in users), users


def test_modules_stay_small() -> None:
    sizes = {name: len(path.read_text(encoding="utf-8").splitlines()) for name, path in MODULES.items()}
    assert {name: size for name, size in sizes.items() if size > MAX_LINES} == {}


@pytest.mark.parametrize("package", sorted(n for n, p in MODULES.items() if p.name == "__init__.py" and n != "model"))
def test_each_package_states_its_public_surface(package: str) -> None:
    module = importlib.import_module(package)
    assert module.__doc__ and "Public surface" in module.__doc__
    public = getattr(module, "__all__", None)
    assert public, f"{package} n'a pas de __all__"
    for name in public:
        assert hasattr(module, name) or importlib.import_module(f"{package}.{name}"), name


def test_the_architecture_page_draws_every_generator_of_the_registry(outputs: dict[str, str]) -> None:
    page = outputs[architecture_page.PAGE]
    drawing = outputs[architecture_page.DIAGRAM]
    for step in STEPS[:-1]:
        assert step.name.replace("_", "\\_") in page
        assert f">{step.name.rsplit('.', 1)[-1]}<" in drawing
    assert STEPS[-1].name == "cadre.generators.architecture_page"


def test_a_generator_cannot_write_outside_what_the_registry_gives_it(
    index: Index, monkeypatch: pytest.MonkeyPatch
) -> None:
    def stray(index: Index) -> dict[str, str]:
        return {"docs/flux/intrus.md": "# Intrus\n"}

    monkeypatch.setattr(registry, "STEPS", (Step(stray, "rien", ("docs/vues/",), "vues/index.md"),))
    with pytest.raises(ValueError, match="hors de ce que le registre lui attribue"):
        registry.build(index, (stray,))

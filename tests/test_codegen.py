"""Code generated from the flows' schemas by the tools vendors run: clean type names, code that works.

datamodel-code-generator (Python, pydantic) and json-schema-to-typescript (installed in
``tests/js/node_modules`` by ``npm ci``; nothing is downloaded here) each run once on a folder holding
every flow's schema and the synthetic one (a class used three times, enumerations…). Each schema must
give its root type named after the flow's technical name and one type per class under the class's
name: no cardinality or digit glued to a name (``Usager11Usager``, ``PieceJointe0``), no duplicate
(``Usager1``). The Python modules are imported and their root model accepts the valid example and
refuses every invalid one.
"""

from __future__ import annotations

import enum
import importlib
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pydantic
import pytest
import synthetic_flow

from cadre.generate import ROOT
from cadre.generators import json_schemas, schema_examples
from model import Index

FLOWS = "schemas/flux/"
PACKAGE = "flux_generes"


@dataclass(frozen=True)
class Flow:
    """What one schema must give: its root type, its classes' types, and the examples to check the code on."""

    root: str
    classes: frozenset[str]
    enums: frozenset[str]
    """The enumerations: one per value set whose codes the schema carries (``$defs``), plus inline ones,
    which datamodel-code-generator names after their attribute and json-schema-to-typescript inlines."""
    properties: frozenset[str]
    valid: dict[str, Any]
    invalid: dict[str, dict[str, Any]]
    inline: frozenset[str] = frozenset()


@pytest.fixture(scope="module")
def schemas(
    index: Index, outputs: dict[str, str], tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, dict[str, Flow]]:
    """A folder with every flow's schema as published and the synthetic one, and what each must give."""
    folder = tmp_path_factory.mktemp("schemas")
    flows: dict[str, Flow] = {}
    written: dict[str, dict[str, Any]] = {}
    for spec in index.framework.flow_specs:
        files = json_schemas.paths(index, spec)
        schema = json.loads(outputs[files["schema"]])
        valid = json.loads(outputs[files["example"]])
        written[spec.flow] = schema
        flows[spec.flow] = Flow(
            spec.technical_name,
            frozenset(c.name for c in spec.classes[1:]),
            frozenset(
                json_schemas.type_name(index.value_sets[a.value_set])
                for c in spec.classes
                for a in c.attributes
                if a.value_set and index.value_sets[a.value_set].embedded
            ),
            frozenset(a.name for c in spec.classes for a in c.attributes),
            valid,
            schema_examples.invalid_examples(schema, valid),
        )
    synthetic = synthetic_flow.spec(index.framework.flow_specs[0])
    schema = synthetic_flow.schema(synthetic)
    valid = schema_examples.valid_example(synthetic)
    written[synthetic_flow.STEM] = schema
    flows[synthetic_flow.STEM] = Flow(
        synthetic_flow.TECHNICAL_NAME,
        frozenset(synthetic_flow.CLASSES[1:]),
        frozenset({"Statut"}),
        frozenset(a.name for c in synthetic.classes for a in c.attributes),
        valid,
        schema_examples.invalid_examples(schema, valid),
        inline=frozenset({"Statut"}),  # its enumeration is written on the attribute, not as a definition
    )
    for stem, schema in written.items():
        (folder / f"{stem}.schema.json").write_text(json.dumps(schema, ensure_ascii=False), encoding="utf-8")
    return folder, flows


def _helper_of_a_property(name: str, properties: frozenset[str]) -> bool:
    """A type added for a list item or a value set, named after its attribute (``prenoms`` → ``Prenom``)."""
    for attribute in properties:
        base = attribute[0].upper() + attribute[1:]
        if name in {base, base.removesuffix("s"), f"{base}Item", f"{base}Enum", f"{base.removesuffix('s')}Item"}:
            return True
    return False


@pytest.fixture
def generated_package(tmp_path: Path) -> Iterator[Path]:
    """Where datamodel-code-generator writes the package, importable while the test runs."""
    sys.path.insert(0, str(tmp_path))
    try:
        yield tmp_path / PACKAGE
    finally:
        sys.path.remove(str(tmp_path))
        for module in [m for m in sys.modules if m == PACKAGE or m.startswith(f"{PACKAGE}.")]:
            del sys.modules[module]


def test_datamodel_code_generator_gives_clean_names_and_working_models(
    schemas: tuple[Path, dict[str, Flow]], generated_package: Path
) -> None:
    folder, flows = schemas
    subprocess.run(
        [
            str(Path(sys.executable).parent / "datamodel-codegen"),
            *("--input", str(folder), "--input-file-type", "jsonschema"),
            *("--output-model-type", "pydantic_v2.BaseModel", "--formatters", "builtin", "--disable-timestamp"),
            *("--output", str(generated_package)),
        ],
        check=True,
        capture_output=True,
    )
    for stem, flow in flows.items():
        module = importlib.import_module(f"{PACKAGE}.{stem.replace('-', '_')}_schema")
        types = {n: t for n, t in vars(module).items() if isinstance(t, type) and t.__module__ == module.__name__}
        types = {n: t for n, t in types.items() if n.isidentifier()}  # not RootModel[...], put there by pydantic
        models = {n for n, t in types.items() if issubclass(t, pydantic.BaseModel) and "root" not in t.model_fields}
        assert models == {flow.root, *flow.classes}, stem
        assert {n for n, t in types.items() if issubclass(t, enum.Enum)} == flow.enums, stem
        helpers = sorted(n for n in set(types) - models - flow.enums if not _helper_of_a_property(n, flow.properties))
        assert helpers == [], stem
        root: type[pydantic.BaseModel] = types[flow.root]
        root.model_validate(flow.valid)
        for name, instance in flow.invalid.items():
            with pytest.raises(pydantic.ValidationError):
                root.model_validate(instance)
                pytest.fail(f"{stem} : {name} accepté")


_CARDINALITY = re.compile(r"[A-Za-z](?:0|1|01|11|0\*|1\*)[A-Z]|\d$")


def test_json_schema_to_typescript_gives_one_type_per_class_named_after_it(
    schemas: tuple[Path, dict[str, Flow]],
) -> None:
    node = shutil.which("node")
    assert node, "Node.js est requis (make test l'installe)"
    assert (ROOT / "tests/js/node_modules/json-schema-to-typescript").is_dir(), "lancez « npm ci » dans tests/js"
    folder, flows = schemas
    run = subprocess.run(
        [node, str(ROOT / "tests/js/codegen-ts.mjs"), str(folder)], capture_output=True, text=True, check=True
    )
    results = json.loads(run.stdout)
    assert set(results) == {f"{stem}.schema.json" for stem in flows}
    for stem, flow in flows.items():
        names = results[f"{stem}.schema.json"]["names"]
        assert [n for n in names if _CARDINALITY.search(n)] == [], stem
        assert len(names) == len(set(names)), stem
        assert set(names) == {flow.root, *flow.classes, *(flow.enums - flow.inline)}, stem

"""Flow schemas: valid 2020-12, examples accepted or refused by two validators, pages that match them."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from cadre.generate import ROOT
from cadre.generators import json_schemas
from cadre.output import site_paths
from model import Index

FLOWS = "schemas/flux/"


@pytest.fixture(scope="module")
def flow_files(outputs: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The generated schemas and examples of the flows, written to a folder as vendors download them."""
    folder = tmp_path_factory.mktemp("flux")
    for path, text in outputs.items():
        if path.startswith(FLOWS) and "/" not in path.removeprefix(FLOWS):  # the versioned copies: test_registry
            (folder / path.removeprefix(FLOWS)).write_text(text, encoding="utf-8")
    return folder


def _load(outputs: dict[str, str], path: str) -> Any:
    return json.loads(outputs[path])


def test_every_flow_has_its_page_its_schema_and_its_examples(index: Index, outputs: dict[str, str]) -> None:
    assert {s.flow for s in index.framework.flow_specs} == set(index.flows)
    for spec in index.framework.flow_specs:
        flow = index.flows[spec.flow]
        assert f"docs/{site_paths.page('flow', flow.id)}" in outputs
        for path in json_schemas.paths(index, spec).values():
            assert path in outputs, path
    flux = {
        path for path in outputs if path.startswith(FLOWS) and "/" not in path.removeprefix(FLOWS)
    }  # versioned: test_registry
    assert flux == {p for s in index.framework.flow_specs for p in json_schemas.paths(index, s).values()}
    assert "docs/telechargements.md" in outputs


def test_schemas_are_valid_2020_12_with_stable_versioned_ids(index: Index, outputs: dict[str, str]) -> None:
    ids = set()
    for spec in index.framework.flow_specs:
        schema = _load(outputs, json_schemas.paths(index, spec)["schema"])
        Draft202012Validator.check_schema(schema)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert schema["$id"] == f"urn:x-cadre-urbanisation-ms:de4:v1:schemas:flux:{spec.flow}:{spec.version}"
        assert schema["title"] == spec.technical_name
        assert schema["description"].startswith(f"Flux {index.flows[spec.flow].letter} (")
        classes = {name: part for name, part in schema.get("$defs", {}).items() if "properties" in part}
        for part in [schema, *classes.values()]:
            assert all(p["description"] and "title" not in p for p in part["properties"].values())
        assert {name: part["title"] for name, part in classes.items()} == {c.name: c.name for c in spec.classes[1:]}
        sets = {name: part for name, part in schema.get("$defs", {}).items() if "properties" not in part}
        bound = [index.value_sets[a.value_set] for c in spec.classes for a in c.attributes if a.value_set]
        assert {name: part["title"] for name, part in sets.items()} == {
            json_schemas.type_name(s): json_schemas.type_name(s) for s in bound if s.embedded
        }
        ids.add(schema["$id"])
    assert len(ids) == len(index.framework.flow_specs)


def test_examples_with_python_jsonschema(index: Index, outputs: dict[str, str]) -> None:
    for spec in index.framework.flow_specs:
        flow = index.flows[spec.flow]
        files = json_schemas.paths(index, spec)
        validator = Draft202012Validator(
            _load(outputs, files["schema"]), format_checker=Draft202012Validator.FORMAT_CHECKER
        )
        assert list(validator.iter_errors(_load(outputs, files["example"]))) == [], flow.id
        for name in json_schemas.invalid(index, spec):
            assert not validator.is_valid(_load(outputs, files[f"invalid:{name}"])), f"{flow.id} : {name}"


def test_examples_with_ajv_in_strict_mode(index: Index, flow_files: Path) -> None:
    node = shutil.which("node")
    assert node, "Node.js est requis (make test l'installe)"
    assert (ROOT / "tests/js/node_modules/ajv").is_dir(), "lancez « make test » (npm ci dans tests/js)"
    run = subprocess.run(
        [node, str(ROOT / "tests/js/validate.mjs"), str(flow_files)], capture_output=True, text=True, check=True
    )
    results = json.loads(run.stdout)
    count = 0
    for spec in index.framework.flow_specs:
        flow = index.flows[spec.flow]
        files = {k: v.removeprefix(FLOWS) for k, v in json_schemas.paths(index, spec).items()}
        assert results[files["schema"]] == {"valid": True, "errors": []}, flow.id
        assert results[files["example"]]["valid"], (flow.id, results[files["example"]]["errors"])
        for name in json_schemas.invalid(index, spec):
            assert not results[files[f"invalid:{name}"]]["valid"], f"{flow.id} : {name}"
        count += len(files)
    assert len(results) == count


_ROW = re.compile(r"^\| `(\w+) : \[(\d)\.\.([1*])\] (\w+)` \|")


def test_each_flow_page_content_tables_match_its_schema(index: Index, outputs: dict[str, str]) -> None:
    for spec in index.framework.flow_specs:
        flow = index.flows[spec.flow]
        schema = _load(outputs, json_schemas.paths(index, spec)["schema"])
        page = outputs[f"docs/{site_paths.page('flow', flow.id)}"]
        tables: dict[str, list[tuple[str, str, str, str]]] = {}
        current = ""
        for line in page.splitlines():
            if line.startswith("### Classe "):
                current = line.removeprefix("### Classe ")
            elif current and (match := _ROW.match(line)):
                tables.setdefault(current, []).append(match.groups())  # type: ignore[arg-type]
        assert list(tables) == [c.name for c in spec.classes], flow.id
        for number, (name, rows) in enumerate(tables.items()):
            part = schema if number == 0 else schema["$defs"][name]
            assert [r[0] for r in rows] == list(part["properties"]), (flow.id, name)
            assert [r[0] for r in rows if r[1] == "1"] == part["required"], (flow.id, name)
            for attribute, _, maximum, kind in rows:
                prop = part["properties"][attribute]
                assert (prop.get("type") == "array") == (maximum == "*"), (flow.id, attribute)
                item = prop["items"] if maximum == "*" else prop
                item = item["allOf"][0] if "allOf" in item else item
                if "$ref" in item and kind == "Code":  # a set whose codes the model carries: see test_value_sets.py
                    value = schema["$defs"][item["$ref"].removeprefix("#/$defs/")]
                    assert value == {**value, "type": "string", "enum": value["enum"]}, (flow.id, attribute)
                elif "$ref" in item:
                    assert item["$ref"] == f"#/$defs/{kind}"
                else:
                    value = {k: v for k, v in item.items() if k not in {"title", "description"}}
                    assert value == json_schemas.type_schema(kind), (flow.id, attribute)


def test_downloads_page_links_every_schema_and_the_archive(index: Index, outputs: dict[str, str]) -> None:
    page = outputs["docs/telechargements.md"]
    for spec in index.framework.flow_specs:
        for path in json_schemas.paths(index, spec).values():
            assert f"(telechargements/{path})" in page
    assert "(telechargements/schemas-cadre-de4-v1.zip)" in page
    assert "(telechargements/framework.json)" in page and "(telechargements/schemas/framework.schema.json)" in page

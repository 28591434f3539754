"""framework.json and its JSON Schema (draft 2020-12) agree, and the YAML files fit the same schema."""

from __future__ import annotations

import json
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from ruamel.yaml import YAML

from cadre.generate import ROOT
from model import content_files
from model.loader import CONTENT_DIR


@pytest.fixture(scope="module")
def schema(outputs: dict[str, str]) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(outputs["schemas/framework.schema.json"])
    return loaded


def test_schema_is_valid_2020_12(schema: dict[str, Any]) -> None:
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].endswith(":v1:schemas:framework")


def test_framework_json_validates_against_its_schema(outputs: dict[str, str], schema: dict[str, Any]) -> None:
    data = json.loads(outputs["framework.json"])
    errors = list(Draft202012Validator(schema).iter_errors(data))
    assert errors == []
    mes = next(v for v in data["views"] if v["id"] == "mes")
    assert [f["letter"] for f in mes["flows"]] == ["A", "B", "C", "D", "E"]


def test_schema_rejects_a_flow_with_an_unknown_nature(outputs: dict[str, str], schema: dict[str, Any]) -> None:
    data = json.loads(outputs["framework.json"])
    data["views"][0]["flows"][0]["legs"][0]["nature"] = "télépathique"
    assert not Draft202012Validator(schema).is_valid(data)


def test_every_yaml_file_fits_the_schema_it_declares(schema: dict[str, Any]) -> None:
    validator = Draft202012Validator(schema)
    for path in content_files(CONTENT_DIR):
        text = path.read_text(encoding="utf-8")
        first = text.splitlines()[0]
        declared = first.removeprefix("# yaml-language-server: $schema=")
        assert declared != first, f"{path} does not declare its schema"
        assert (path.parent / declared).resolve() == ROOT / "generated/schemas/framework.schema.json"
        data = json.loads(json.dumps(YAML(typ="safe").load(text), default=str))
        assert list(validator.iter_errors(data)) == [], path


def test_schema_titles_and_descriptions_are_french(schema: dict[str, Any]) -> None:
    flow = schema["$defs"]["Flow"]
    assert flow["description"].startswith("Flux d'échange de données")
    assert flow["properties"]["legs"]["description"].startswith("Branches du flux : une par sens d'échange")


def test_every_json_file_is_written_as_the_json_module_writes_it(outputs: dict[str, str]) -> None:
    """cadre.output.json_text writes with pydantic-core, faster: the same text as ``json.dumps`` would."""
    written = {path: text for path, text in outputs.items() if path.endswith(".json")}
    assert len(written) > 100
    for path, text in written.items():
        assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n", path

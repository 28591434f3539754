"""The examples of each flow's schema: every optional attribute in the valid one, and one invalid example per
kind of constraint, refused by Python ``jsonschema`` (formats checked) and by Ajv for that constraint alone.

The expected error is read from the examples themselves: the keyword from the example's name (the
published contract below), the place from where the invalid example differs from the valid one.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import synthetic_flow
from jsonschema import Draft202012Validator

from cadre.generate import ROOT
from cadre.generators import json_schemas, schema_examples
from model import Index

FLOWS = "schemas/flux/"
CHECKER = Draft202012Validator.FORMAT_CHECKER

BROKEN: dict[str, tuple[str, str | None]] = {
    "champ-obligatoire-absent": ("required", None),
    "type-incorrect": ("type", None),
    "champ-inconnu": ("additionalProperties", None),
    "format-date-incorrect": ("format", "date"),
    "format-date-heure-incorrect": ("format", "date-time"),
    "format-uri-incorrect": ("format", "uri"),
    "valeur-hors-liste": ("enum", None),
    "motif-non-respecte": ("pattern", None),
    "texte-trop-court": ("minLength", None),
    "texte-trop-long": ("maxLength", None),
    "liste-trop-courte": ("minItems", None),
    "liste-trop-longue": ("maxItems", None),
    "nombre-trop-petit": ("minimum", None),
    "nombre-trop-grand": ("maximum", None),
}
"""Published file suffix → the keyword (and format) that a validator must give as the only reason."""

ANNOTATIONS = {"$schema", "$id", "title", "description", "$defs", "properties", "items", "allOf", "$ref"}
ANNOTATIONS |= {"contentEncoding"}  # 2020-12: an annotation, which validators do not check (base64)

Case = tuple[dict[str, Any], dict[str, Any], dict[str, dict[str, Any]]]


@pytest.fixture(scope="module")
def cases(index: Index, outputs: dict[str, str]) -> dict[str, Case]:
    """Schema, valid example and invalid examples by file stem: every flow as published, and the synthetic one."""
    found: dict[str, Case] = {}
    for spec in index.framework.flow_specs:
        files = json_schemas.paths(index, spec)
        invalid = {k.removeprefix("invalid:"): json.loads(outputs[v]) for k, v in files.items() if ":" in k}
        found[spec.flow] = (json.loads(outputs[files["schema"]]), json.loads(outputs[files["example"]]), invalid)
    real = index.framework.flow_specs[0]
    for synthetic, added in ((synthetic_flow.spec(real), synthetic_flow.ADDED), (synthetic_flow.dates_spec(real), {})):
        schema = synthetic_flow.schema(synthetic, added)
        valid = schema_examples.valid_example(synthetic)
        found[synthetic.flow] = (schema, valid, schema_examples.invalid_examples(schema, valid))
    return found


def _constraints(schema: dict[str, Any], node: Any, seen: set[str]) -> set[str]:
    """The invalid examples that ``node`` calls for, one per kind of constraint it holds."""
    if not isinstance(node, dict):
        return set()
    kinds: set[str] = set()
    for keyword, value in node.items():
        if keyword == "$ref" and value not in seen:
            target = schema if value == "#" else schema["$defs"][value.removeprefix("#/$defs/")]
            kinds |= _constraints(schema, target, seen | {value})
        elif keyword in {"properties", "$defs"}:
            for child in value.values():
                kinds |= _constraints(schema, child, seen)
        elif keyword in {"items", "allOf"}:
            for child in value if isinstance(value, list) else [value]:
                kinds |= _constraints(schema, child, seen)
        elif keyword not in ANNOTATIONS and [keyword, value] not in (["required", []], ["additionalProperties", True]):
            fmt = value if keyword == "format" else None
            names = [name for name, broken in BROKEN.items() if broken == (keyword, fmt)]
            assert names, f"contrainte « {keyword} » sans exemple invalide prévu"
            kinds.add(names[0])
    return kinds


def _where(valid: Any, invalid: Any, path: tuple[str | int, ...] = ()) -> tuple[str | int, ...]:
    """Where ``invalid`` differs from ``valid``: the object or list whose content changed, or the value."""
    if isinstance(valid, dict) and isinstance(invalid, dict) and valid.keys() == invalid.keys():
        [key] = [k for k in valid if valid[k] != invalid[k]]
        return _where(valid[key], invalid[key], (*path, key))
    if isinstance(valid, list) and isinstance(invalid, list) and len(valid) == len(invalid):
        [index] = [i for i, (a, b) in enumerate(zip(valid, invalid, strict=True)) if a != b]
        return _where(valid[index], invalid[index], (*path, index))
    return path


def test_each_schema_has_one_invalid_example_per_kind_of_constraint(cases: dict[str, Case]) -> None:
    for stem, (schema, _, invalid) in cases.items():
        assert set(invalid) == _constraints(schema, schema, set()), stem
        assert list(invalid) == [name for name in schema_examples.BREACHES if name in invalid], stem
    assert set(cases[synthetic_flow.STEM][2]) == set(BROKEN) == set(schema_examples.BREACHES)
    dates = cases[synthetic_flow.DATES_STEM][2]
    assert dates["type-incorrect"] == {"jour": True, "champInconnu": "2024-01-31T09:00:00+01:00"}
    assert "champInconnuX" in dates["champ-inconnu"]
    for name, breach in schema_examples.BREACHES.items():
        assert (breach.keyword, breach.format) == BROKEN[name]


def test_the_valid_example_holds_every_attribute_optional_ones_included(cases: dict[str, Case]) -> None:
    def check(node: dict[str, Any], value: Any, root: dict[str, Any], path: str) -> None:
        for part in node.get("allOf", []):
            check(part, value, root, path)
        if "$ref" in node:
            ref = node["$ref"]
            check(root if ref == "#" else root["$defs"][ref.removeprefix("#/$defs/")], value, root, path)
        if "properties" in node:
            assert set(value) == set(node["properties"]), path
            for key, child in node["properties"].items():
                check(child, value[key], root, f"{path}/{key}")
        if "items" in node:
            assert len(value) >= 1, path
            for number, item in enumerate(value):
                check(node["items"], item, root, f"{path}/{number}")

    for stem, (schema, valid, _) in cases.items():
        assert Draft202012Validator(schema, format_checker=CHECKER).is_valid(valid), stem
        check(schema, valid, schema, stem)


def test_python_jsonschema_refuses_each_invalid_example_for_its_own_reason(cases: dict[str, Case]) -> None:
    for stem, (schema, valid, invalid) in cases.items():
        validator = Draft202012Validator(schema, format_checker=CHECKER)
        for name, instance in invalid.items():
            keyword, fmt = BROKEN[name]
            errors = [(e.validator, tuple(e.absolute_path)) for e in validator.iter_errors(instance)]
            assert errors == [(keyword, _where(valid, instance))], (stem, name)
            if fmt:
                [error] = validator.iter_errors(instance)
                assert error.validator_value == fmt
                # Without a format checker the example is valid: the format check, and it alone, refuses it.
                assert Draft202012Validator(schema).is_valid(instance), (stem, name)


def test_date_and_date_time_formats_are_really_checked() -> None:
    for fmt, good, bad in [
        ("date", "2024-02-29", "2024-02-30"),
        ("date-time", "2024-01-31T23:59:59Z", "2024-01-31T25:00:00Z"),
    ]:
        assert fmt in CHECKER.checkers
        validator = Draft202012Validator({"type": "string", "format": fmt}, format_checker=CHECKER)
        assert validator.is_valid(good) and not validator.is_valid(bad), fmt
    assert not Draft202012Validator({"format": "date-time"}, format_checker=CHECKER).is_valid("2024-01-31T09:00:00")


def test_ajv_refuses_each_invalid_example_for_its_own_reason(cases: dict[str, Case], tmp_path: Path) -> None:
    node = shutil.which("node")
    assert node, "Node.js est requis (make test l'installe)"
    for stem, (schema, valid, invalid) in cases.items():
        (tmp_path / f"{stem}.schema.json").write_text(json.dumps(schema), encoding="utf-8")
        (tmp_path / f"{stem}.exemple.json").write_text(json.dumps(valid), encoding="utf-8")
        for name, instance in invalid.items():
            (tmp_path / f"{stem}.invalide-{name}.json").write_text(json.dumps(instance), encoding="utf-8")
    run = subprocess.run(
        [node, str(ROOT / "tests/js/validate.mjs"), str(tmp_path)], capture_output=True, text=True, check=True
    )
    results = json.loads(run.stdout)
    for stem, (_, valid, invalid) in cases.items():
        assert results[f"{stem}.schema.json"] == {"valid": True, "errors": []}, stem
        assert results[f"{stem}.exemple.json"] == {"valid": True, "errors": []}, stem
        for name, instance in invalid.items():
            keyword, fmt = BROKEN[name]
            path = "".join(f"/{part}" for part in _where(valid, instance))
            errors = results[f"{stem}.invalide-{name}.json"]["errors"]
            assert [(e["keyword"], e["instancePath"]) for e in errors] == [(keyword, path)], (stem, name, errors)
            if fmt:
                assert errors[0]["params"] == {"format": fmt}

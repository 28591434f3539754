"""The explorer's index: valid against its schema, complete, deterministic, every URL a page of the site."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from cadre.generate import ROOT
from cadre.generators import explorer_index
from cadre.site import assemble
from model import Index


@pytest.fixture(scope="module")
def data(outputs: dict[str, str]) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(outputs[explorer_index.INDEX])
    return loaded


@pytest.fixture(scope="module")
def schema(outputs: dict[str, str]) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(outputs[explorer_index.SCHEMA])
    return loaded


def test_the_index_validates_against_its_schema(data: dict[str, Any], schema: dict[str, Any]) -> None:
    Draft202012Validator.check_schema(schema)
    assert list(Draft202012Validator(schema).iter_errors(data)) == []


def test_the_schema_refuses_an_unknown_kind_or_facet(data: dict[str, Any], schema: dict[str, Any]) -> None:
    validator = Draft202012Validator(schema)
    wrong_kind = json.loads(json.dumps(data))
    wrong_kind["entities"][0]["kind"] = "licorne"
    wrong_facet = json.loads(json.dumps(data))
    wrong_facet["entities"][0]["facets"]["humeur"] = ["gaie"]
    assert not validator.is_valid(wrong_kind)
    assert not validator.is_valid(wrong_facet)


def test_every_entity_is_listed_once(data: dict[str, Any], index: Index) -> None:
    fw = index.framework
    kinds = Counter(e["kind"] for e in data["entities"])
    assert kinds == {
        "service": len(fw.services),
        "flow": len(index.flows),
        "use_case": len(index.use_cases),
        "view": len(fw.views),
        "recommendation": len(fw.recommendations),
        "catalogue_case": len(fw.catalogue),
    }
    keys = [(e["kind"], e["id"]) for e in data["entities"]]
    assert len(keys) == len(set(keys))


def test_every_url_is_a_page_of_the_site(data: dict[str, Any], outputs: dict[str, str]) -> None:
    pages = {path.removeprefix("docs/") for path in outputs if path.startswith("docs/") and path.endswith(".md")}
    pages |= {p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")}
    missing = [e["url"] for e in data["entities"] if not {f"{e['url'].rstrip('/')}.md", f"{e['url']}index.md"} & pages]
    assert missing == []


def test_every_facet_value_is_named(data: dict[str, Any]) -> None:
    unnamed = sorted(
        f"{e['id']}: {facet}={value}"
        for e in data["entities"]
        for facet, values in e["facets"].items()
        for value in values
        if value not in data["facets"][facet]["values"]
    )
    assert unnamed == []


def test_a_flow_carries_its_facets(data: dict[str, Any], index: Index) -> None:
    flows = {e["id"]: e for e in data["entities"] if e["kind"] == "flow"}
    for flow in index.flows.values():
        facets = flows[flow.id]["facets"]
        assert facets["view"] == [index.view_of[flow.id].id]
        assert facets["data_category"] == [c.value for c in flow.data_categories]
        assert facets["status"] == [s.value for s in flow.statuses]
        assert facets["nature"] == [n.value for n in flow.natures]
        assert facets["emitter"] == flow.emitters
        assert facets["receiver"] == flow.receivers
        assert flows[flow.id]["url"] == f"flux/{flow.id}/"


def test_the_index_is_deterministic(index: Index, outputs: dict[str, str]) -> None:
    assert explorer_index.generate(index) == {
        explorer_index.INDEX: outputs[explorer_index.INDEX],
        explorer_index.SCHEMA: outputs[explorer_index.SCHEMA],
    }


def test_the_index_is_published_under_the_downloads() -> None:
    tree = assemble.outputs(ROOT)
    assert f"{assemble.DOWNLOADS}/{explorer_index.INDEX}" in tree
    assert f"{assemble.DOWNLOADS}/{explorer_index.SCHEMA}" in tree

"""Value sets: what a vendor relies on to implement every coded attribute of every flow.

Every ``Code`` attribute is bound to a set of the model; its example is one of the set's codes; the
schema of its flow accepts exactly those codes when the model carries them all; each set has a page
that lists the attributes using it and a JSON download; our own sets are never named like the ANS's.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import markdown
import pytest
from conftest import CONTENT, edit, line_of, problems_of

from cadre.generators import build, json_schemas
from cadre.output import site_paths
from model import PROPOSAL_PREFIX, CodesStatus, Index, MosType, Provenance, load_framework

PA = "model/content/specifications/pa.yaml"
PROPOSALS = "model/content/value-sets/propositions.yaml"
DOC = f"{site_paths.DOCS}/"


def _coded(index: Index) -> list[tuple[str, str, Any]]:
    """Every coded attribute: (flow, class, attribute)."""
    return [
        (spec.flow, cls.name, attribute)
        for spec in index.framework.flow_specs
        for cls in spec.classes
        for attribute in cls.attributes
        if attribute.type is MosType.CODE
    ]


def test_every_coded_attribute_is_bound_to_a_value_set_of_the_model(index: Index) -> None:
    coded = _coded(index)
    assert coded
    for flow, cls, attribute in coded:
        assert attribute.value_set in index.value_sets, (flow, cls, attribute.name)
    assert {a.value_set for *_, a in coded} == set(index.value_sets), "every set of the model is used"


def test_every_example_is_a_code_of_its_set_when_the_model_carries_them(index: Index) -> None:
    for flow, cls, attribute in _coded(index):
        value_set = index.value_sets[attribute.value_set]
        if attribute.example is not None and value_set.codes_status is not CodesStatus.NOT_EMBEDDED:
            assert value_set.concept(attribute.example) is not None, (flow, cls, attribute.name)


def test_our_proposals_are_named_as_such_and_never_like_the_ans_sets(index: Index) -> None:
    for value_set in index.value_sets.values():
        ans_like = value_set.id.startswith(("JDV_", "TRE_"))
        if value_set.provenance is Provenance.PROPOSAL:
            assert value_set.id.startswith(PROPOSAL_PREFIX) and not ans_like, value_set.id
            assert all(c.display and c.definition for c in value_set.codes), value_set.id
        else:
            assert not value_set.id.startswith(PROPOSAL_PREFIX), value_set.id
            assert value_set.url or value_set.oid, value_set.id
        assert ans_like == (value_set.provenance is Provenance.NATIONAL), value_set.id
        if value_set.codes_status is not CodesStatus.COMPLETE:
            assert value_set.codes_url, value_set.id


def test_the_schema_enum_is_the_model_codes_or_says_where_they_are(index: Index, outputs: dict[str, str]) -> None:
    for spec in index.framework.flow_specs:
        schema = json.loads(outputs[json_schemas.paths(index, spec)["schema"]])
        for number, cls in enumerate(spec.classes):
            part = schema if number == 0 else schema["$defs"][cls.name]
            for attribute in cls.attributes:
                if attribute.type is not MosType.CODE:
                    continue
                value_set = index.value_sets[attribute.value_set or ""]
                prop = part["properties"][attribute.name]
                value = prop["items"] if prop.get("type") == "array" else prop
                value = value["allOf"][0] if "allOf" in value else value
                if "$ref" in value:  # one definition per value set, shared by its attributes
                    value = schema["$defs"][value["$ref"].removeprefix("#/$defs/")]
                value = {k: v for k, v in value.items() if k not in {"title", "description"}}
                assert value_set.id in prop["description"], (spec.flow, attribute.name)
                if value_set.codes_status is CodesStatus.COMPLETE:
                    assert value == {"type": "string", "enum": [c.code for c in value_set.codes]}
                else:
                    assert "enum" not in value and value["type"] == "string", (spec.flow, attribute.name)
                    assert str(value_set.codes_url) in prop["description"], (spec.flow, attribute.name)


def test_each_set_has_a_page_that_lists_its_users_and_a_json_download(index: Index, outputs: dict[str, str]) -> None:
    listing = outputs[DOC + site_paths.VALUE_SETS_INDEX]
    menu = outputs[DOC + f"{site_paths.VALUE_SETS}/SUMMARY.md"]
    for value_set in index.value_sets.values():
        here = site_paths.value_set_page(value_set.id)
        page = outputs[DOC + here]
        assert f"({value_set.id}.md)" in listing and f"({value_set.id}.md)" in menu
        bindings = index.bindings(value_set.id)
        assert bindings, value_set.id
        for binding in bindings:
            flow_page = site_paths.page("flow", binding.spec.flow)
            assert f"({site_paths.md_link(here, flow_page)})" in page, (value_set.id, binding.spec.flow)
            assert f"`{binding.attribute.name} : [" in page
            spec_page = outputs[DOC + flow_page]
            assert f"({site_paths.md_link(flow_page, here)})" in spec_page, (binding.spec.flow, value_set.id)
        data = json.loads(outputs[site_paths.value_set_download(value_set.id)])
        assert data["id"] == value_set.id and data["provenance"] == value_set.provenance.value
        assert [c["code"] for c in data["codes"]] == [c.code for c in value_set.codes]
        assert len(data["used_by"]) == len(bindings)
        status = {
            CodesStatus.COMPLETE: '!!! success "Codes recopiés de la source"',
            CodesStatus.PARTIAL: '!!! warning "Liste partielle"',
            CodesStatus.NOT_EMBEDDED: '!!! info "Codes non embarqués"',
        }[value_set.codes_status]
        if value_set.provenance is Provenance.PROPOSAL:
            status = '!!! warning "Proposition de ce cadre"'
        assert status in page, value_set.id
    assert "(jeux-de-valeurs/)" in (Path(__file__).parent.parent / "docs/SUMMARY.md").read_text(encoding="utf-8")


def test_an_unknown_value_set_is_located_with_a_suggestion(repo_copy: Path) -> None:
    path = repo_copy / PA
    edit(path, "value_set: CADRE-DE4-OperationOffreRor,", "value_set: CADRE-DE4-OperationOffreROR,")
    [problem] = problems_of(repo_copy)
    line = line_of(path, "CADRE-DE4-OperationOffreROR")
    column = path.read_text(encoding="utf-8").splitlines()[line - 1].index("value_set:") + 1
    assert (problem.file, problem.line, problem.column) == (PA, line, column)
    assert problem.message == "jeu de valeurs « CADRE-DE4-OperationOffreROR » inconnu"
    assert problem.fix == "vouliez-vous dire « CADRE-DE4-OperationOffreRor » ?"


def test_an_example_outside_its_set_is_located_with_the_codes(repo_copy: Path) -> None:
    path = repo_copy / PA
    edit(
        path,
        'value_set: CADRE-DE4-OperationOffreRor, description: "Opération demandée : création, modification ou '
        'fermeture de l\'offre.", example: "modification"}',
        'value_set: CADRE-DE4-OperationOffreRor, description: "Opération demandée.", example: "suppression"}',
    )
    [problem] = problems_of(repo_copy)
    line = line_of(path, '"suppression"')
    column = path.read_text(encoding="utf-8").splitlines()[line - 1].index("example:") + 1
    assert (problem.file, problem.line, problem.column) == (PA, line, column)
    assert "l'exemple « suppression » de « MiseAJourOffreRor.operation »" in problem.message
    assert "n'est pas un code du jeu de valeurs « CADRE-DE4-OperationOffreRor »" in problem.message
    assert problem.fix == "choisissez un code du jeu : « creation », « modification », « fermeture »"


def test_a_proposal_named_like_an_ans_set_is_refused(repo_copy: Path) -> None:
    path = repo_copy / PROPOSALS
    edit(path, "  - id: CADRE-DE4-StatutEvenementAgenda\n", "  - id: JDV_StatutEvenementAgenda\n")
    problems = problems_of(repo_copy)
    mine = [p for p in problems if p.file == PROPOSALS]
    assert len(mine) == 1 and mine[0].line == line_of(path, "id: JDV_StatutEvenementAgenda")
    assert "doit être nommée « CADRE-DE4-… »" in mine[0].message
    assert "« CADRE-DE4-StatutEvenementAgenda »" in mine[0].fix


HOSTILE = '<script>alert("x")</script> [clic](javascript:alert(1)) | `code` --8<-- "/etc/passwd"'


@pytest.fixture(scope="module")
def hostile_outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Everything generated from a model whose proposal carries markup in its title, a code and a display."""
    root = tmp_path_factory.mktemp("hostile-value-set")
    shutil.copytree(CONTENT, root / "model" / "content")
    proposals = root / PROPOSALS
    edit(proposals, '    title: "Opération sur une offre du ROR"\n', f"    title: {json.dumps(HOSTILE)}\n")
    edit(
        proposals,
        '      - {code: fermeture, display: "Fermeture",',
        f"      - {{code: {json.dumps('<b>ferme|ture</b>')}, display: {json.dumps(HOSTILE)},",
    )
    return build(Index(load_framework(root / "model" / "content", shown_from=root)))


def test_hostile_value_set_text_is_shown_as_text(hostile_outputs: dict[str, str]) -> None:
    page = hostile_outputs[DOC + site_paths.value_set_page("CADRE-DE4-OperationOffreRor")]
    for text in (page, hostile_outputs[DOC + site_paths.VALUE_SETS_INDEX]):
        lowered = text.lower()
        assert "<script" not in lowered and "<b>" not in lowered and "](javascript:" not in text
        assert not any(line.lstrip().startswith("--8<--") for line in text.splitlines())
    html = markdown.markdown(page, extensions=["tables", "admonition", "md_in_html"])
    assert "&lt;script&gt;" in html and "&lt;b&gt;ferme|ture&lt;/b&gt;" in html and "<script" not in html
    menu = hostile_outputs[DOC + f"{site_paths.VALUE_SETS}/SUMMARY.md"]
    assert "&lt;script&gt;" in menu and "<script" not in menu
    schema = json.loads(hostile_outputs["schemas/flux/pa-a.schema.json"])
    reference = schema["properties"]["operation"]["allOf"][0]["$ref"].removeprefix("#/$defs/")
    assert "<b>ferme|ture</b>" in schema["$defs"][reference]["enum"]
    data = json.loads(hostile_outputs[site_paths.value_set_download("CADRE-DE4-OperationOffreRor")])
    assert data["title"] == HOSTILE

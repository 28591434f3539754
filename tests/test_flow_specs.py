"""Flow specifications: the model's rules on them, as an editor meets them (file, line, fix)."""

from __future__ import annotations

from pathlib import Path

from conftest import edit, line_of, problems_of

from model import Index

SPECS = "model/content/specifications/mes.yaml"


def test_every_flow_has_one_specification_with_its_parts(index: Index) -> None:
    specs = {s.flow: s for s in index.framework.flow_specs}
    assert set(specs) == set(index.flows)
    for spec in specs.values():
        assert spec.actions and spec.classes and spec.actors
        participants = {a.participant for a in spec.actors}
        flow = index.flows[spec.flow]
        assert set(flow.ends) <= participants, spec.flow
        assert len({s.technical_name for s in specs.values()}) == len(specs)


def test_a_flow_without_specification_is_reported_at_the_flow(repo_copy: Path) -> None:
    specs = repo_copy / SPECS
    edit(specs, "  - flow: mes-a\n", "  - flow: mes-a-ancien\n")
    problems = problems_of(repo_copy)
    unknown = next(p for p in problems if "mes-a-ancien" in p.message)
    assert (unknown.file, unknown.line) == (SPECS, line_of(specs, "flow: mes-a-ancien"))
    assert unknown.message == "flux « mes-a-ancien » inconnu"
    missing = next(p for p in problems if "n'a pas de spécification" in p.message)
    view = repo_copy / "model/content/views/mes.yaml"
    assert (missing.file, missing.line) == ("model/content/views/mes.yaml", line_of(view, "- id: mes-a"))
    assert "model/content/specifications/mes.yaml" in missing.fix and "flow: mes-a" in missing.fix


def test_an_attribute_naming_an_unknown_class_is_reported_with_the_known_ones(repo_copy: Path) -> None:
    specs = repo_copy / SPECS
    edit(
        specs,
        "class: PortailEmetteur, description: \"Portail de services qui dépose l'évènement",
        "class: PortailEmeteur, description: \"Portail de services qui dépose l'évènement",
    )
    [problem] = problems_of(repo_copy)
    assert problem.file == SPECS
    assert "« EvenementAgenda.emetteur » renvoie à la classe « PortailEmeteur »" in problem.message
    assert problem.fix == "classes du message : EvenementAgenda, Usager, PortailEmetteur"


def test_an_attribute_with_a_type_and_a_class_is_refused(repo_copy: Path) -> None:
    specs = repo_copy / SPECS
    edit(
        specs, 'class: Usager, description: "Personne à qui', 'class: Usager, type: Texte, description: "Personne à qui'
    )
    [problem] = problems_of(repo_copy)
    assert problem.file == SPECS
    assert problem.line == line_of(specs, "class: Usager, type: Texte")
    assert "soit « type »" in problem.message


def test_a_technical_name_must_be_upper_camel_case(repo_copy: Path) -> None:
    specs = repo_copy / SPECS
    edit(specs, "technical_name: AlimentationAgenda\n", "technical_name: alimentation-agenda\n")
    [problem] = problems_of(repo_copy)
    assert (problem.file, problem.line) == (SPECS, line_of(specs, "technical_name: alimentation-agenda"))


def test_a_technical_name_that_is_also_a_class_of_the_message_is_refused(repo_copy: Path) -> None:
    specs = repo_copy / SPECS
    edit(specs, "technical_name: AlimentationAgenda\n", "technical_name: PortailEmetteur\n")
    [problem] = problems_of(repo_copy)
    assert problem.file == SPECS
    assert "le nom technique « PortailEmetteur » est aussi celui d'une classe du message" in problem.message
    assert "deux types de ce nom" in problem.message

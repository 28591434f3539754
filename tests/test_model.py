"""The model holds section 1.2 of the framework as the source states it."""

from __future__ import annotations

from model import Direction, Framework, Index, Nature


def test_mes_view_has_the_five_flows_of_section_1_2_4(index: Index) -> None:
    flows = {f.letter: f for f in index.views["mes"].flows}
    assert sorted(flows) == ["A", "B", "C", "D", "E"]
    ends = {letter: (*f.emitters, *f.receivers, f.direction) for letter, f in flows.items()}
    assert ends == {
        "A": ("portails-services-references", "mes-agenda", Direction.UNIDIRECTIONAL),
        "B": ("portails-services-references", "mes-profil-medical", Direction.UNIDIRECTIONAL),
        "C": ("portails-services-references", "mes-dmp", Direction.BIDIRECTIONAL),
        "D": ("mes-profil-medical", "mes-dmp", Direction.UNIDIRECTIONAL),
        "E": ("mes-messagerie-citoyenne", "mes-dmp", Direction.UNIDIRECTIONAL),
    }
    assert flows["E"].natures == [Nature.MANUAL]


def test_mes_parts_are_the_bricks_named_by_the_framework(index: Index) -> None:
    parts = {s.short_name for s in index.parts("mes")}
    assert parts == {"Catalogue MES", "Agenda", "Profil médical", "DMP", "Messagerie citoyenne"}


def test_recommendations_4_1_1_to_4_2_2_in_full(framework: Framework) -> None:
    ids = {axis: [r.id for r in framework.recommendations if r.axis == axis] for axis in ("4.1", "4.2")}
    assert ids == {"4.1": [f"4.1.{n}" for n in range(1, 11)], "4.2": ["4.2.1", "4.2.2"]}
    by_id = {r.id: r for r in framework.recommendations}
    assert "Les portails de services doivent être référencés dans le catalogue de services MES" in by_id["4.1.3"].text
    assert by_id["4.1.7"].text.count("RGAA") == 1


def test_use_cases_are_numbered_from_one_per_schema(framework: Framework) -> None:
    for view in framework.views:
        for scenario in view.scenarios:
            assert [uc.number for uc in scenario.use_cases] == list(range(1, len(scenario.use_cases) + 1))


def test_every_entity_names_its_section_in_the_source(index: Index) -> None:
    sources = [
        *(a.source for a in index.framework.axes),
        *(s.source for s in index.framework.services),
        *(v.source for v in index.framework.views),
        *(f.source for f in index.flows.values()),
        *(uc.source for uc in index.use_cases.values()),
        *(r.source for r in index.framework.recommendations),
    ]
    documents = {d.id for d in index.framework.documents}
    for source in sources:
        assert (source.section or "").startswith("1."), source
        assert source.document in documents


def test_use_cases_list_the_flows_their_steps_rely_on(index: Index) -> None:
    assert index.use_cases["mes-cu1"].flows == ["mes-a", "mes-b", "mes-c"]
    assert [uc.id for uc in index.use_cases_of_flow("mes-a")] == ["mes-cu1"]
    assert [f.letter for f in index.flows_received("mes-dmp")] == ["C", "D", "E"]


def test_questions_of_1_1_2_with_their_theme_and_axis(framework: Framework) -> None:
    questions = framework.questions
    assert [q.number for q in questions] == list(range(1, 15))
    by_axis = {axis: [q.number for q in questions if q.axis == axis] for axis in ("4.1", "4.2", "4.3")}
    assert by_axis == {"4.1": [1, 2, 3, 4, 5, 6, 14], "4.2": [7, 8, 9, 10, 13], "4.3": [11, 12]}
    assert [q.number for q in questions if q.also_addressed_in == "DE7"] == [14]
    assert {q.theme.label for q in questions} == {
        "Urbanisation",
        "Métier",
        "Réglementation",
        "Interopérabilité",
        "Sécurité",
    }


def test_next_steps_of_1_6_per_axis_with_owners(framework: Framework) -> None:
    owners = {(s.axis, "/".join(o.label for o in s.owners)) for s in framework.next_steps}
    assert owners == {("4.1", "CNSA"), ("4.1", "Ministère/CNSA"), ("4.2", "DNS/ANS"), ("4.3", "ANS/CNSA")}
    assert [a.status.value for a in framework.axes] == ["instructed", "instructed", "to_be_instructed"]
    assert len(framework.stakes) == 3


def test_views_follow_the_order_of_the_framework(framework: Framework) -> None:
    assert [(v.id, v.source.section) for v in framework.views] == [
        ("mes", "1.2"),
        ("mph", "1.3"),
        ("pa", "1.4"),
        ("esms", "1.5"),
    ]

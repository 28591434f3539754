"""Flows with several emitters and legs, use cases with several actors and goals: as the source states them.

Each case is one that the model used to force into a single value with a note (second read of the
sources, findings §8–9); the tests assert on the real model, the diagrams, the pages and the errors.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import edit, line_of, problems_of

from cadre.generators import diagram_maps, diagram_views, json_schemas
from model import FlowStatus, Index, Nature

MES = "model/content/views/mes.yaml"
LEG_A = "          - {from: portails-services-references, to: mes-agenda, nature: automated, status: existing}\n"


def _legs(index: Index, flow_id: str) -> list[tuple[str, str, Nature, FlowStatus, bool]]:
    return [(leg.from_, leg.to, leg.nature, leg.status, bool(leg.condition)) for leg in index.flows[flow_id].legs]


def test_flow_b_of_1_4_4_has_its_two_emitters(index: Index) -> None:
    flow = index.flows["pa-b"]
    assert flow.emitters == ["ror", "ma-boussole-aidants"] and flow.receivers == ["pour-les-personnes-agees"]
    target = (Nature.AUTOMATED, FlowStatus.TARGET, False)
    assert _legs(index, "pa-b") == [
        ("ror", "pour-les-personnes-agees", *target),
        ("ma-boussole-aidants", "pour-les-personnes-agees", *target),
    ]
    assert flow in index.flows_emitted("ma-boussole-aidants")
    assert not any("n'en admet" in note.text for note in flow.notes)


def test_legs_of_one_flow_keep_their_own_state(index: Index) -> None:
    auto = Nature.AUTOMATED
    assert _legs(index, "pa-e") == [
        ("viatrajectoire-grand-age", "esms-offres-regulees", auto, FlowStatus.EXISTING, False),
        ("esms-offres-regulees", "viatrajectoire-grand-age", auto, FlowStatus.TARGET, False),
    ]
    assert _legs(index, "mph-b") == [
        ("si-mdph", "viatrajectoire-handicap", auto, FlowStatus.IN_PROGRESS, False),
        ("viatrajectoire-handicap", "si-mdph", auto, FlowStatus.TARGET, False),
    ]


def test_the_return_leg_of_esms_a_exists_on_the_condition_the_source_sets(index: Index) -> None:
    flow = index.flows["esms-a"]
    assert _legs(index, "esms-a") == [
        ("dui", "portail-usager-esms", Nature.AUTOMATED, FlowStatus.EXISTING, False),
        ("portail-usager-esms", "dui", Nature.AUTOMATED, FlowStatus.EXISTING, True),
    ]
    condition = " ".join(str(flow.legs[1].condition).split())
    assert condition.startswith("« Le portail usager proposé par l'ESMS peut également proposer des services")
    assert "Dans ce cas, un flux bidirectionnel est mis en œuvre" in condition
    assert not any("retient le sens unidirectionnel" in note.text for note in flow.notes)


def test_use_cases_name_every_actor_and_every_goal_of_their_cells(index: Index) -> None:
    uc3, uc6 = index.use_cases["pa-cu3"], index.use_cases["pa-cu6"]
    assert uc3.actors == ["ror", "ma-boussole-aidants", "data-gouv"]
    assert uc3.notes == []
    assert uc6.goals == [
        "Orienter une PA vers une offre régulée",
        "Orienter une PA vers l'accueil temporaire / l'offre d'accompagnement au domicile pour permettre à "
        "son aidant de bénéficier d'une solution de répit",
    ]


def test_no_note_says_the_model_admits_only_one_value(index: Index) -> None:
    notes = [n.text for f in index.flows.values() for n in f.notes]
    notes += [n.text for uc in index.use_cases.values() for n in uc.notes]
    assert not [n for n in notes if "n'admet" in n or "pris dans ses deux sens" in n]


def test_the_flow_schema_draws_each_leg(index: Index, outputs: dict[str, str]) -> None:
    [drawing] = diagram_views.flow_drawings(index, index.views["pa"])
    edges = {(e.label, e.tail, e.head): e for e in drawing.spec.edges}
    assert {k for k in edges if k[0] == "B"} == {
        ("B", "ror", "pour-les-personnes-agees"),
        ("B", "ma-boussole-aidants", "pour-les-personnes-agees"),
    }
    notification = edges["E", "viatrajectoire-grand-age", "esms-offres-regulees"]
    decision = edges["E", "esms-offres-regulees", "viatrajectoire-grand-age"]
    assert (notification.both, notification.tip, decision.both, decision.tip) == (False, "filled", False, "ring")
    request = edges["C", "pour-les-personnes-agees", "viatrajectoire-grand-age"]
    assert request.both and request.tip == "ring", "two legs of the same nature and state: one arrow, two heads"
    svg = outputs[drawing.path]
    assert svg.count("<title>Flux E : ") == 2 and svg.count("<title>Flux B : ") == 2
    assert "Existant" in svg and "Cible" in svg, "the legend says what each tip means"


def test_the_exchange_and_the_neighbourhood_show_the_legs(index: Index) -> None:
    exchange = diagram_maps.exchange_drawing(index, index.flows["mph-b"]).spec
    assert [(e.tail, e.head, e.tip) for e in exchange.edges] == [
        ("si-mdph", "viatrajectoire-handicap", "hollow"),
        ("viatrajectoire-handicap", "si-mdph", "ring"),
    ]
    neighbourhood = diagram_maps.neighbourhood_drawing(index, index.services["ma-boussole-aidants"])
    assert neighbourhood is not None
    assert [(e.label, e.tail) for e in neighbourhood.spec.edges] == [("PA B", "ma-boussole-aidants")]


def test_the_flow_page_lists_its_legs_with_state_and_condition(outputs: dict[str, str]) -> None:
    page = outputs["docs/flux/esms-a.md"]
    table = page[page.index("| Branche | De | Vers | Nature | État | Condition |") :].split("\n\n", 1)[0]
    rows = table.splitlines()[2:]
    assert len(rows) == 2
    assert rows[0].endswith("| Automatisé | Existant | — |")
    assert "| Automatisé | Existant | « Le portail usager proposé par l'ESMS" in rows[1]
    assert "Dans ce cas, un flux bidirectionnel est mis en œuvre" in rows[1]
    decision = outputs["docs/flux/pa-e.md"]
    assert "ViaTrajectoire → ESMS : automatisé, existant<br>ESMS → ViaTrajectoire : automatisé, cible" in decision
    assert "| Automatisé | Cible | — |" in decision
    view = outputs["docs/vues/pa.md"]
    assert "ROR → PPA : automatisé, cible<br>Ma Boussole Aidants → PPA : automatisé, cible" in view
    assert "| ROR ; Ma Boussole Aidants ; Plateforme data.gouv |" in view


def test_the_schema_of_a_message_names_every_emitter(index: Index) -> None:
    spec = next(s for s in index.framework.flow_specs if s.flow == "pa-b")
    description = json_schemas.flow_schema(index, index.flows["pa-b"], spec)["description"]
    assert description.endswith(
        "Émetteurs : ROR, Ma Boussole Aidants. Récepteur : Pour les personnes âgées et les aidants."
    )


@pytest.mark.parametrize(
    ("old", "new", "needle", "key", "message", "fix"),
    [
        (
            "        emitters: [portails-services-references]\n        receivers: [mes-agenda]\n",
            "        emitters: [portails-services-references]\n        receivers: [mes-agenda, mes-dmp]\n",
            "receivers: [mes-agenda, mes-dmp]",
            "mes-dmp",
            "le récepteur « mes-dmp » du flux « mes-a » ne reçoit de données sur aucune branche",
            "ajoutez sous « legs » une branche « {from: …, to: mes-dmp} » depuis un émetteur, ou retirez-le des"
            " récepteurs",
        ),
        (
            LEG_A,
            LEG_A + "          - {from: mes-agenda, to: mes-dmp, nature: manual, status: target}\n",
            "- {from: mes-agenda, to: mes-dmp",
            "to: mes-dmp",
            "la branche 2 du flux « mes-a » passe par « mes-dmp », qui n'est ni émetteur ni récepteur du flux",
            "ajoutez « mes-dmp » à « emitters » ou à « receivers », ou corrigez « to » : "
            "« portails-services-references », « mes-agenda »",
        ),
        (
            LEG_A,
            LEG_A
            + "          - {from: portails-services-references, to: mes-agenda, nature: manual, status: target}\n",
            "- {from: portails-services-references, to: mes-agenda, nature: manual",
            "from:",
            "la branche 2 du flux « mes-a » reprend le sens de la branche 1"
            " (« portails-services-references » vers « mes-agenda »)",
            "une branche par sens : fusionnez les deux, ou donnez la condition propre à chacune dans la"
            " description du flux",
        ),
    ],
)
def test_an_inconsistent_leg_is_located_with_its_fix(
    repo_copy: Path, old: str, new: str, needle: str, key: str, message: str, fix: str
) -> None:
    path = repo_copy / MES
    edit(path, old, new)
    [problem] = problems_of(repo_copy)
    line = line_of(path, needle)
    text = path.read_text(encoding="utf-8").splitlines()[line - 1]
    column = text.index(key, text.index(needle.strip())) + 1
    assert (problem.file, problem.line, problem.column) == (MES, line, column)
    assert (problem.message, problem.fix) == (message, fix)

"""The recommendations' rules: each one checked on the model, broken on purpose, and shown on the site."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import edit, line_of, problems_of

from cadre.__main__ import main
from cadre.generators import build
from cadre.output import site_paths
from model import Framework, Index, Problem, Result, evaluate, load_framework, load_model

DOC = "docs/"
SERVICES = "model/content/services.yaml"
RECOMMENDATIONS = "model/content/recommendations.yaml"


def warnings_of(root: Path) -> list[Problem]:
    """The warnings of a model that loads."""
    return load_model(root / "model" / "content", shown_from=root).warnings


def test_every_recommendation_is_checked_or_says_why_not(framework: Framework) -> None:
    checked = {r.id for r in framework.recommendations if r.rule}
    assert checked == {"4.1.2", "4.1.3", "4.1.7", "4.1.10", "4.2.1"}
    for rec in framework.recommendations:
        assert (rec.rule is None) != (rec.not_checkable is None), rec.id


def test_the_framework_meets_its_own_rules_where_it_says_enough(index: Index) -> None:
    results = {(c.recommendation.id, c.service.id): c.result for c in evaluate(index)}
    assert Result.NON_CONFORM not in results.values() and Result.MISSING not in results.values()
    unknown = {key for key, result in results.items() if result is Result.UNKNOWN}
    # Mes droits sociaux and Demande d'aide à l'autonomie are information portals (4.1.1): nothing says they
    # meet 4.1.2's criteria, so 4.1.2 does not apply to them. 4.1.7 covers the portals the framework says
    # the public authorities offer, the portail autonomie among them.
    institutional = ("mes", "sante-fr", "mon-parcours-handicap", "pour-les-personnes-agees", "portail-autonomie")
    assert unknown == {("4.1.7", s) for s in institutional}
    assert results[("4.1.2", "mon-parcours-handicap")] is Result.CONFORM
    assert results[("4.1.3", "portails-services-references")] is Result.CONFORM
    assert results[("4.2.1", "portail-usager-esms")] is Result.CONFORM


def test_validate_sums_up_the_rules(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--strict"]) == 0
    out = capsys.readouterr().out
    assert "Recommandations vérifiées sur le modèle : 5 sur 12" in out
    assert "aucun écart" in out


def test_4_1_2_a_service_portal_without_authentication_contradicts_the_model(repo_copy: Path) -> None:
    services = repo_copy / SERVICES
    vth = "    description: >-\n      Portail de services qui reçoit"
    edit(services, f"    authentication: required\n{vth}", f"    authentication: not_required\n{vth}")
    [problem] = problems_of(repo_copy)
    assert (problem.file, problem.line, problem.warning) == (SERVICES, line_of(services, "not_required"), False)
    assert problem.message == (
        "« ViaTrajectoire Handicap » n'est pas conforme à la recommandation 4.1.2 : Accès sans authentification, "
        "alors que la règle exige : Authentification de l'usager exigée"
    )
    assert "définition du cadre" in problem.fix
    assert main(["--root", str(repo_copy), "generate"]) == 1


def test_4_1_2_a_new_service_portal_is_asked_for_its_authentication(repo_copy: Path) -> None:
    services = repo_copy / SERVICES
    edit(
        services, "    name: Santé.fr\n    kind: information_portal\n", "    name: Santé.fr\n    kind: service_portal\n"
    )
    [warning] = warnings_of(repo_copy)
    assert warning.warning and warning.line == line_of(services, "- id: sante-fr")
    assert warning.message == (
        "« Santé.fr » ne peut pas être vérifié par la recommandation 4.1.2 : « authentication » n'est pas renseigné"
    )
    assert "not_stated" in warning.fix


def test_4_1_3_a_portal_exchanging_with_mes_off_the_catalogue_is_published_as_non_conforming(
    repo_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    services = repo_copy / SERVICES
    edit(
        services,
        "    mes_catalogue: referenced\n    authentication: required\n",
        "    mes_catalogue: not_referenced\n    authentication: required\n",
    )
    [warning] = warnings_of(repo_copy)
    assert (warning.file, warning.line) == (SERVICES, line_of(services, "mes_catalogue: not_referenced"))
    assert "n'est pas conforme à la recommandation 4.1.3 : Non référencé au catalogue" in warning.message
    assert main(["--root", str(repo_copy), "validate"]) == 0
    assert f"{SERVICES}:{warning.line}:5: avertissement : « Portails de services référencés" in capsys.readouterr().err
    assert main(["--root", str(repo_copy), "validate", "--strict"]) == 1
    outputs = build(Index(load_framework(repo_copy / "model" / "content", shown_from=repo_copy)))
    page = outputs[DOC + site_paths.page("recommendation", "4.1.3")]
    assert "**Résultat** : 1 service non conforme" in page
    assert "| Catalogue de Mon espace santé | **Non conforme** |" in page
    service = outputs[DOC + site_paths.page("service", "portails-services-references")]
    assert (
        "[Recommandation 4.1.3](../recommandations/4-1-3.md) | Catalogue de Mon espace santé | **Non conforme**"
        in service
    )


def test_4_1_7_rgaa_partial_or_missing(repo_copy: Path) -> None:
    services = repo_copy / SERVICES
    edit(
        services,
        "    category: state_core_services\n    rgaa: not_stated\n",
        "    category: state_core_services\n    rgaa: partial\n",
    )
    edit(services, "    mes_catalogue: referenced\n    rgaa: not_stated\n", "    mes_catalogue: referenced\n")
    partial, missing = warnings_of(repo_copy)
    assert partial.line == line_of(services, "rgaa: partial")
    assert partial.message.endswith(
        "recommandation 4.1.7 : Partiellement conforme au RGAA, alors que la règle exige : Totalement conforme au RGAA"
    )
    assert missing.line == line_of(services, "- id: sante-fr")
    assert (
        missing.message
        == "« Santé.fr » ne peut pas être vérifié par la recommandation 4.1.7 : « rgaa » n'est pas renseigné"
    )


def test_4_1_10_mph_without_the_flow_from_viatrajectoire(repo_copy: Path) -> None:
    view = repo_copy / "model/content/views/mph.yaml"
    edit(
        view,
        "        receivers: [mon-parcours-handicap]\n        legs:\n"
        "          - {from: viatrajectoire-handicap, to: mon-parcours-handicap,",
        "        receivers: [dui]\n        legs:\n          - {from: viatrajectoire-handicap, to: dui,",
    )
    [warning] = warnings_of(repo_copy)
    assert warning.line == line_of(repo_copy / SERVICES, "- id: mon-parcours-handicap")
    assert warning.message.endswith("4.1.10 : ne reçoit aucun flux de « ViaTrajectoire Handicap »")
    assert "python -m cadre new flow" in warning.fix


def test_4_2_1_esms_portal_without_contracts_nor_dui(repo_copy: Path) -> None:
    services = repo_copy / SERVICES
    edit(services, "    features: [agenda, contracts, record_summary]\n", "    features: [agenda, record_summary]\n")
    edit(services, "    part_of: dui\n", "    part_of: si-esms\n")
    part_of, features = warnings_of(repo_copy)
    lines = services.read_text(encoding="utf-8").splitlines()
    start = line_of(services, "- id: portail-usager-esms")
    assert part_of.line == lines.index("    part_of: si-esms", start) + 1
    assert part_of.message.endswith("4.2.1 : ne fait pas partie de « Dossier usager informatisé »")
    assert features.line == line_of(services, "features: [agenda, record_summary]")
    assert features.message.endswith(
        "4.2.1 : n'offre pas « Contrats signés (contrat de séjour ou de service, CAST, DIPC) »"
    )


def test_a_rule_naming_an_unknown_service_is_located(repo_copy: Path) -> None:
    recs = repo_copy / RECOMMENDATIONS
    edit(
        recs,
        "receives_from: [teleservice-mdph-en-ligne, viatrajectoire-handicap]",
        "receives_from: [teleservice-mdph-en-ligne, viatrajectoire-handicapp]",
    )
    [problem] = problems_of(repo_copy)
    assert (problem.file, problem.line) == (RECOMMENDATIONS, line_of(recs, "viatrajectoire-handicapp"))
    assert problem.message == "service « viatrajectoire-handicapp » inconnu"
    assert "« viatrajectoire-handicap »" in problem.fix


def test_a_recommendation_says_whether_it_can_be_checked(repo_copy: Path) -> None:
    recs = repo_copy / RECOMMENDATIONS
    edit(
        recs,
        "    not_checkable: >-\n      Définition d'un terme : elle donne son sens à la nature « portail"
        " d'information » du modèle\n      (information_portal), sans rien prescrire que l'on puisse vérifier"
        " sur un service.\n",
        "",
    )
    [problem] = problems_of(repo_copy)
    assert (problem.line, problem.message) == (
        line_of(recs, 'id: "4.1.1"'),
        "la recommandation 4.1.1 ne dit pas si elle est vérifiable",
    )
    assert "ajoutez « rule: »" in problem.fix and "« not_checkable: »" in problem.fix


def test_a_rule_must_say_whom_it_applies_to(repo_copy: Path) -> None:
    recs = repo_copy / RECOMMENDATIONS
    edit(recs, "      applies_to: {services: [portail-usager-esms]}\n", "      applies_to: {}\n")
    [problem] = problems_of(repo_copy)
    assert problem.line == line_of(recs, "applies_to: {}")
    assert problem.message == "la règle ne dit pas à quels services elle s'applique"


def test_pages_show_each_rule_and_its_results(index: Index, outputs: dict[str, str]) -> None:
    page = outputs[DOC + site_paths.page("recommendation", "4.2.1")]
    assert "## Vérification sur le modèle" in page
    assert "- **Règle** : Le portail usager proposé par l'ESMS fait partie du DUI" in page
    assert "propose au minimum : Agenda, Contrats signés" in page
    assert "**Résultat** : 1 service conforme" in page
    strict = outputs[DOC + site_paths.page("recommendation", "4.1.2")]
    assert "- **En cas d'écart** : erreur" in strict and "**Résultat** : 8 services conformes" in strict
    for rec in index.recommendations.values():
        if rec.rule is None:
            text = outputs[DOC + site_paths.page("recommendation", rec.id)]
            assert "Cette recommandation n'est pas vérifiable sur le modèle : " in text
    service = outputs[DOC + site_paths.page("service", "mon-parcours-handicap")]
    assert "## Conformité aux recommandations" in service
    assert "| Accessibilité \\(RGAA\\) | Non vérifiable \\(le cadre ne le dit pas\\) |" in service
    alone = outputs[DOC + site_paths.page("service", "finess")]
    assert "Aucune règle vérifiable ne s'applique à ce service." in alone
    table = outputs[DOC + site_paths.index("recommendation")]
    assert "| Vérification sur le modèle |" in table and "| Non vérifiable sur le modèle |" in table


def test_a_service_portal_is_also_an_information_portal(index: Index) -> None:
    assert "4.1.1" in {r.id for r in index.recommendations_of_service("viatrajectoire-handicap")}
    assert "4.1.1" in {r.id for r in index.recommendations_of_service("sante-fr")}

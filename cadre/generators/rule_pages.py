"""The recommendations' rules on the site.

A recommendation's page shows its rule and results, a service's page its conformity, and the table of
recommendations a one-cell summary of each.
"""

from __future__ import annotations

from collections import Counter

from cadre.generators.page_model import Block, Paragraphs, Section, Table
from cadre.generators.page_parts import recommendation_link, service_link
from cadre.output import site_paths
from cadre.output.text import md
from model import Check, Index, Recommendation, Result, Rule, Service, Severity
from model.conformity import checks_of_recommendation, checks_of_service, worst

REQUIREMENTS = {
    "authentication": "Authentification de l'usager",
    "mes_catalogue": "Catalogue de Mon espace santé",
    "rgaa": "Accessibilité (RGAA)",
    "part_of": "Rattachement",
    "features": "Fonctionnalités",
    "receives_from": "Flux reçus",
}


def recommendation_section(index: Index, rec: Recommendation) -> Section:
    """« Vérification sur le modèle »: the rule, whom it concerns, what it requires, and its results."""
    title = "Vérification sur le modèle"
    if rec.rule is None:
        reason = md(rec.not_checkable or "")
        return Section(title, (Paragraphs(f"Cette recommandation n'est pas vérifiable sur le modèle : {reason}"),))
    here = site_paths.page("recommendation", rec.id)
    rule = rec.rule
    checks = checks_of_recommendation(index, rec.id)
    blocks: list[Block] = [
        Paragraphs(
            "\n".join(
                [
                    f"- **Règle** : {md(rule.statement)}",
                    f"- **Services visés** : {_selector(index, here, rule)}",
                    f"- **Exigences** : {_requirements(index, here, rule)}",
                    f"- **En cas d'écart** : {_severity(rule)}",
                ]
            )
        ),
        Paragraphs(f"**Résultat** : {summary(checks)}"),
        Table(
            ("Service", "Exigence", "Résultat", "Constat"),
            tuple(
                (
                    service_link(index, here, c.service.id),
                    md(REQUIREMENTS[c.requirement]),
                    _result(c.result),
                    md(c.detail),
                )
                for c in checks
            ),
            empty="Aucun service du modèle n'entre dans le champ de cette règle.",
        ),
    ]
    if rule.limits:
        blocks.append(Paragraphs(f"**Ce que la règle ne vérifie pas** : {md(rule.limits)}"))
    return Section(title, tuple(blocks))


def service_section(index: Index, service: Service) -> Section:
    """« Conformité aux recommandations »: every requirement of every rule that applies to the service."""
    here = site_paths.page("service", service.id)
    checks = checks_of_service(index, service.id)
    rows = tuple(
        (recommendation_link(here, c.recommendation), md(REQUIREMENTS[c.requirement]), _result(c.result), md(c.detail))
        for c in checks
    )
    table = Table(
        ("Recommandation", "Exigence", "Résultat", "Constat"),
        rows,
        empty="Aucune règle vérifiable ne s'applique à ce service.",
    )
    return Section("Conformité aux recommandations", (table,))


def service_facts(service: Service) -> list[tuple[str, str]]:
    """The service's fields that the rules read, when the model gives them."""
    facts: list[tuple[str, str]] = []
    if service.authentication:
        facts.append(("Authentification de l'usager", md(service.authentication.label)))
    if service.rgaa:
        facts.append(("Accessibilité (RGAA)", md(service.rgaa.label)))
    if service.features:
        facts.append(("Fonctionnalités", md(", ".join(f.label for f in service.features))))
    return facts


def index_cell(index: Index, rec: Recommendation) -> str:
    """What the table of recommendations says of a recommendation's check."""
    if rec.rule is None:
        return "Non vérifiable sur le modèle"
    return summary(checks_of_recommendation(index, rec.id)).capitalize()


def summary(checks: list[Check]) -> str:
    """« 6 conformes, 2 non vérifiables » (results per service, the gravest of its requirements)."""
    per_service: dict[str, list[Result]] = {}
    for check in checks:
        per_service.setdefault(check.service.id, []).append(check.result)
    if not per_service:
        return "aucun service concerné"
    counts = Counter(worst(results) for results in per_service.values())
    words = {
        Result.CONFORM: ("service conforme", "services conformes"),
        Result.NON_CONFORM: ("service non conforme", "services non conformes"),
        Result.MISSING: ("service à renseigner", "services à renseigner"),
        Result.UNKNOWN: ("service non vérifiable", "services non vérifiables"),
    }
    return ", ".join(f"{n} {words[r][n > 1]}" for r in Result if (n := counts[r]))


def _result(result: Result) -> str:
    return f"**{md(result.value)}**" if result in {Result.NON_CONFORM, Result.MISSING} else md(result.value)


def _selector(index: Index, here: str, rule: Rule) -> str:
    chosen = rule.applies_to
    parts = []
    if chosen.kinds:
        kinds = " ou ".join(f"« {md(k.label)} »" for k in chosen.kinds)
        parts.append(f"les services de nature {kinds}")
    if chosen.services:
        parts.append(", ".join(service_link(index, here, s) for s in chosen.services))
    if chosen.exchanging_with:
        partner = service_link(index, here, chosen.exchanging_with)
        parts.append(f"qui échangent au moins un flux avec {partner} ou l'une de ses briques")
    return " ".join(parts)


def _requirements(index: Index, here: str, rule: Rule) -> str:
    wanted = rule.requires
    items = []
    for name in wanted.given():
        if name == "part_of":
            items.append(f"fait partie de {service_link(index, here, str(wanted.part_of))}")
        elif name == "features":
            items.append("propose au minimum : " + ", ".join(md(f.label) for f in wanted.features))
        elif name == "receives_from":
            items.append(
                "reçoit un flux de " + " et de ".join(service_link(index, here, s) for s in wanted.receives_from)
            )
        else:
            items.append(md(getattr(wanted, name).label))
    return " ; ".join(items)


def _severity(rule: Rule) -> str:
    if rule.severity is Severity.ERROR:
        return (
            "erreur — la recommandation est une définition du cadre : un écart voudrait dire que le modèle se "
            "contredit, et rien n'est généré tant qu'il n'est pas corrigé."
        )
    return (
        "avertissement — le cadre prescrit une cible que les services réels peuvent ne pas encore atteindre ; "
        "l'écart est signalé aux rédacteurs et publié ci-dessous comme « non conforme »."
    )

"""Applying the recommendations' rules to a loaded model: one result per rule, service and requirement.

A result is not only « conforme » or « non conforme »: when the framework does not say (a field set to
``not_stated``) the requirement cannot be checked, and when the editor has not filled the field yet it is
« à renseigner ». The site publishes every result; the loader reports the last two kinds to the editor.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, StrEnum
from weakref import WeakKeyDictionary

from model.enums import Feature
from model.index import Index
from model.rules import Requirement, Rule, Selector
from model.texts import Recommendation
from model.views import Service


class Result(StrEnum):
    """Résultat d'une exigence pour un service, du plus grave au moins grave."""

    NON_CONFORM = "Non conforme"
    MISSING = "À renseigner"
    UNKNOWN = "Non vérifiable (le cadre ne le dit pas)"
    CONFORM = "Conforme"


_GRAVITY = list(Result)


@dataclass(frozen=True)
class Check:
    """One requirement of one rule, applied to one service."""

    recommendation: Recommendation
    rule: Rule
    service: Service
    requirement: str
    result: Result
    detail: str
    fix: str = ""

    @property
    def field(self) -> str:
        """The service's field the editor would change (``id`` when the fix is elsewhere, e.g. a flow)."""
        return self.requirement if self.requirement in Service.model_fields else "id"


def worst(results: list[Result]) -> Result:
    """The gravest of ``results`` (conforme when there is none)."""
    return min(results, key=_GRAVITY.index, default=Result.CONFORM)


_CHECKS: WeakKeyDictionary[Index, tuple[Check, ...]] = WeakKeyDictionary()


def evaluate(index: Index) -> list[Check]:
    """Every check of every rule of the model, in recommendation, service and requirement order.

    Computed once per index: every page of the site asks for them.
    """
    if index not in _CHECKS:
        _CHECKS[index] = _evaluate(index)
    return list(_CHECKS[index])


def _evaluate(index: Index) -> tuple[Check, ...]:
    checks: list[Check] = []
    for rec in index.framework.recommendations:
        if rec.rule is None:
            continue
        for service in selected(index, rec.rule.applies_to):
            for name in rec.rule.requires.given():
                result, detail, fix = _apply(index, rec.rule.requires, name, service)
                checks.append(Check(rec, rec.rule, service, name, result, detail, fix))
    return tuple(checks)


def checks_of_recommendation(index: Index, rec_id: str) -> list[Check]:
    """Checks of one recommendation's rule."""
    return [c for c in evaluate(index) if c.recommendation.id == rec_id]


def checks_of_service(index: Index, service_id: str) -> list[Check]:
    """Checks that bear on one service."""
    return [c for c in evaluate(index) if c.service.id == service_id]


def family(index: Index, service_id: str) -> set[str]:
    """A service and all its parts, at any depth."""
    found = {service_id}
    for part in index.parts(service_id):
        found |= family(index, part.id)
    return found


def selected(index: Index, selector: Selector) -> list[Service]:
    """Services that meet every condition of ``selector``, in model order."""
    chosen = []
    partners = family(index, selector.exchanging_with) if selector.exchanging_with else set()
    for service in index.framework.services:
        if selector.kinds and not any(service.kind.is_a(k) for k in selector.kinds):
            continue
        if selector.services and service.id not in selector.services:
            continue
        if selector.exchanging_with and not any(
            {leg.from_, leg.to} & partners and service.id in {leg.from_, leg.to}
            for f in index.flows.values()
            for leg in f.legs
        ):
            continue
        chosen.append(service)
    return chosen


def _apply(index: Index, requires: Requirement, name: str, service: Service) -> tuple[Result, str, str]:
    """Result, French detail and fix of requirement ``name`` for ``service``."""
    if name in {"authentication", "mes_catalogue", "rgaa"}:
        return _same_value(name, getattr(requires, name), getattr(service, name))
    if name == "part_of":
        return _part_of(index, str(requires.part_of), service)
    if name == "features":
        return _features(requires.features, service)
    return _receives_from(index, requires.receives_from, service)


def _same_value(name: str, expected: Enum, actual: Enum | None) -> tuple[Result, str, str]:
    label = _label(expected)
    if actual is None:
        values = ", ".join(str(v.value) for v in type(expected))
        return (
            Result.MISSING,
            f"« {name} » n'est pas renseigné",
            f"renseignez « {name}: » ({values})"
            + (" ; « not_stated » si le cadre ne le dit pas" if _stated(expected) else ""),
        )
    if actual.value == "not_stated":
        return Result.UNKNOWN, f"le cadre ne le précise pas (« {name}: not_stated »)", ""
    if actual == expected:
        return Result.CONFORM, label, ""
    return (
        Result.NON_CONFORM,
        f"{_label(actual)}, alors que la règle exige : {label}",
        f"corrigez « {name}: {actual.value} » si le modèle se trompe ; sinon l'écart est publié comme non conforme",
    )


def _stated(expected: Enum) -> bool:
    return any(v.value == "not_stated" for v in type(expected))


def _label(value: Enum) -> str:
    return str(getattr(value, "label", value.value))


def _part_of(index: Index, expected: str, service: Service) -> tuple[Result, str, str]:
    ancestors = []
    current = service.part_of
    while current and current not in ancestors:
        ancestors.append(current)
        current = index.services[current].part_of
    name = index.services[expected].name
    if expected in ancestors:
        return Result.CONFORM, f"fait partie de « {name} »", ""
    return (
        Result.NON_CONFORM,
        f"ne fait pas partie de « {name} »",
        f"rattachez le service par « part_of: {expected} » (ou à l'une de ses briques) si le modèle se trompe",
    )


def _features(expected: list[Feature], service: Service) -> tuple[Result, str, str]:
    values = ", ".join(f.value for f in Feature)
    if not service.features:
        return (
            Result.MISSING,
            "ses fonctionnalités (« features ») ne sont pas renseignées",
            f"énumérez sous « features: » les fonctionnalités que le cadre lui donne ({values})",
        )
    missing = [f for f in expected if f not in service.features]
    if not missing:
        return Result.CONFORM, "offre " + ", ".join(f"« {f.label} »" for f in expected), ""
    return (
        Result.NON_CONFORM,
        "n'offre pas " + ", ".join(f"« {f.label} »" for f in missing),
        "ajoutez ces fonctionnalités sous « features: » si le cadre les lui donne ; sinon l'écart est publié",
    )


def _receives_from(index: Index, expected: list[str], service: Service) -> tuple[Result, str, str]:
    def receives(origin: str) -> bool:
        return any(f.sends(origin, service.id) for f in index.flows.values())

    missing = [index.services[origin].name for origin in expected if not receives(origin)]
    if not missing:
        names = ", ".join(f"« {index.services[o].name} »" for o in expected)
        return Result.CONFORM, f"reçoit un flux de {names}", ""
    return (
        Result.NON_CONFORM,
        "ne reçoit aucun flux de " + ", ".join(f"« {n} »" for n in missing),
        "ajoutez le flux dans la vue qui le décrit (python -m cadre new flow …) si le cadre le prévoit",
    )

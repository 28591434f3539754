"""The explorer's index: every entity of the framework with its page and its facets, as JSON, and its schema.

One file, ``explorateur/index.json`` (published under the downloads), lists each service, flow, use case,
view, recommendation and catalogue case with its kind, identifier, title, the URL of its page (relative
to the site's root) and its facets: view, system category, data categories, states and natures of the
legs, emitters, receivers, services involved, flows, axis, sector. Each facet's values are named once, in
French, in ``facets``. The filters of the site (``docs/javascripts/filtres.js``) read it; so can a tool.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from cadre.generators.page_parts import first_sentence
from cadre.output import json_text, site_paths
from cadre.output.text import plain
from model import DataCategory, FlowStatus, Index, Nature, Sector, SystemCategory

INDEX = "explorateur/index.json"
SCHEMA = "explorateur/index.schema.json"
SCHEMA_ID = "urn:x-cadre-urbanisation-ms:de4:v1:schemas:explorateur"
DRAFT = "https://json-schema.org/draft/2020-12/schema"

FACETS: dict[str, str] = {
    "view": "Vue",
    "system_category": "Catégorie de système",
    "data_category": "Catégorie de données",
    "status": "État",
    "nature": "Nature",
    "emitter": "Émetteur",
    "receiver": "Récepteur",
    "service": "Service",
    "flow": "Flux",
    "axis": "Axe",
    "sector": "Secteur",
}
"""Each facet's key in ``index.json`` and its name in French."""

KINDS: dict[str, str] = {
    "service": "Service",
    "flow": "Flux",
    "use_case": "Cas d'usage",
    "view": "Vue",
    "recommendation": "Recommandation",
    "catalogue_case": "Cas du catalogue",
}
"""Each kind of entity and its name in French."""


def generate(index: Index) -> dict[str, str]:
    """``explorateur/index.json`` and its JSON Schema."""
    return {INDEX: json_text.dumps(explorer_index(index)), SCHEMA: json_text.dumps(explorer_schema())}


def explorer_index(index: Index) -> dict[str, Any]:
    """The index as data: the facets' values with their names, then every entity in the model's order."""
    return {
        "$schema": "index.schema.json",
        "kinds": KINDS,
        "facets": {key: {"label": label, "values": _values(index, key)} for key, label in FACETS.items()},
        "entities": list(_entities(index)),
    }


def _values(index: Index, facet: str) -> dict[str, str]:
    """Every value a facet may take, with its name, in the model's order."""
    fw = index.framework
    match facet:
        case "view":
            return {v.id: plain(v.title) for v in fw.views}
        case "system_category":
            return {c.value: c.label for c in SystemCategory}
        case "data_category":
            return {c.value: c.label for c in DataCategory}
        case "status":
            return {s.value: s.label for s in FlowStatus}
        case "nature":
            return {n.value: n.label for n in Nature}
        case "emitter" | "receiver" | "service":
            return {s.id: plain(s.name) for s in fw.services}
        case "flow":
            return {f.id: f"{index.flow_tag(f)} — {plain(f.title)}" for f in index.flows.values()}
        case "axis":
            return {a.id: plain(a.title) for a in fw.axes}
        case _:
            return {s.value: s.label for s in Sector}


def _entity(kind: str, ident: str, title: str, page: str, facets: dict[str, Iterable[str]]) -> dict[str, Any]:
    """One entry: facets without values are left out, each facet's values once, in their first order."""
    kept = {key: list(dict.fromkeys(values)) for key, values in facets.items()}
    return {
        "kind": kind,
        "id": ident,
        "title": plain(title),
        "url": site_paths.url(page),
        "facets": {key: values for key, values in kept.items() if values},
    }


def _entities(index: Index) -> Iterable[dict[str, Any]]:
    fw = index.framework
    category = {s.id: s.category.value for s in fw.services}
    for service in fw.services:
        touching = index.flows_touching([service.id])
        yield _entity(
            "service",
            service.id,
            service.name,
            site_paths.page("service", service.id),
            {
                "view": (v.id for v in index.views_of_service(service.id)),
                "system_category": [service.category.value],
                "data_category": (c.value for f in touching for c in f.data_categories),
                "service": [service.id, *(e for f in touching for e in f.ends)],
                "flow": (f.id for f in touching),
            },
        )
    for flow in index.flows.values():
        yield _entity(
            "flow",
            flow.id,
            f"Flux {index.flow_tag(flow)} — {flow.title}",
            site_paths.page("flow", flow.id),
            {
                "view": [index.view_of[flow.id].id],
                "system_category": (category[e] for e in flow.ends),
                "data_category": (c.value for c in flow.data_categories),
                "status": (s.value for s in flow.statuses),
                "nature": (n.value for n in flow.natures),
                "emitter": flow.emitters,
                "receiver": flow.receivers,
                "service": flow.ends,
            },
        )
    for uc in index.use_cases.values():
        flows = [index.flows[f] for f in uc.flows]
        services = [*uc.services, *(p for s in uc.steps for p in (s.from_, s.to) if p in index.services)]
        yield _entity(
            "use_case",
            uc.id,
            f"Cas d'usage {index.use_case_tag(uc)} — {uc.goal}",
            site_paths.page("use_case", uc.id),
            {
                "view": [index.view_of[uc.id].id],
                "system_category": (category[s] for s in services),
                "data_category": (c.value for f in flows for c in f.data_categories),
                "status": (s.value for f in flows for s in f.statuses),
                "nature": (n.value for f in flows for n in f.natures),
                "service": services,
                "flow": uc.flows,
            },
        )
    for view in fw.views:
        yield _entity(
            "view",
            view.id,
            view.title,
            site_paths.page("view", view.id),
            {"view": [view.id], "axis": [view.axis], "service": index.services_of_view(view)},
        )
    for rec in fw.recommendations:
        services = [s.id for s in index.services_of_recommendation(rec)]
        yield _entity(
            "recommendation",
            rec.id,
            f"Recommandation {rec.id} — {first_sentence(rec.text)}",
            site_paths.page("recommendation", rec.id),
            {
                "view": (v.id for v in index.views_of_recommendation(rec)),
                "system_category": (category[s] for s in services),
                "service": services,
                "flow": rec.flows,
                "axis": [rec.axis],
            },
        )
    for case in fw.catalogue:
        yield _entity(
            "catalogue_case",
            case.id,
            f"Cas {index.case_label(case)} — {case.title}",
            site_paths.case_page(case.task_force, case.id),
            {"sector": [index.task_forces[case.task_force].sector.value]},
        )


def explorer_schema() -> dict[str, Any]:
    """The JSON Schema (2020-12) of ``index.json``: closed objects, known kinds and facets."""
    strings = {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1, "uniqueItems": True}
    named = {"type": "object", "additionalProperties": {"type": "string", "minLength": 1}}
    return {
        "$schema": DRAFT,
        "$id": SCHEMA_ID,
        "title": "Index de l'explorateur du cadre",
        "description": (
            "Chaque entité du cadre (service, flux, cas d'usage, vue, recommandation, cas du catalogue) avec "
            "son type, son identifiant, son intitulé, l'adresse de sa page (relative à la racine du site) et "
            "ses facettes ; les valeurs de chaque facette sont nommées dans « facets »."
        ),
        "type": "object",
        "additionalProperties": False,
        "required": ["kinds", "facets", "entities"],
        "properties": {
            "$schema": {"type": "string"},
            "kinds": {**named, "propertyNames": {"enum": list(KINDS)}},
            "facets": {
                "type": "object",
                "additionalProperties": False,
                "required": list(FACETS),
                "properties": {
                    key: {
                        "type": "object",
                        "additionalProperties": False,
                        "required": ["label", "values"],
                        "properties": {"label": {"const": label}, "values": named},
                    }
                    for key, label in FACETS.items()
                },
            },
            "entities": {
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["kind", "id", "title", "url", "facets"],
                    "properties": {
                        "kind": {"enum": list(KINDS)},
                        "id": {"type": "string", "minLength": 1},
                        "title": {"type": "string", "minLength": 1},
                        "url": {"type": "string", "pattern": r"^(?:[a-z0-9][A-Za-z0-9._-]*/)*$"},
                        "facets": {
                            "type": "object",
                            "additionalProperties": False,
                            "properties": {key: strings for key in FACETS},
                        },
                    },
                },
            },
        },
    }

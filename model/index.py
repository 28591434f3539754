"""Lookups over a loaded framework: entities by id and everything that refers to each of them."""

from __future__ import annotations

from collections import defaultdict

from model.entities import (
    Actor,
    Axis,
    Flow,
    Framework,
    Recommendation,
    Scenario,
    Service,
    UseCase,
    View,
)


class Index:
    """Entities of a validated :class:`Framework` by identifier, and their reverse references."""

    def __init__(self, framework: Framework) -> None:
        self.framework = framework
        self.axes: dict[str, Axis] = {a.id: a for a in framework.axes}
        self.actors: dict[str, Actor] = {a.id: a for a in framework.actors}
        self.services: dict[str, Service] = {s.id: s for s in framework.services}
        self.views: dict[str, View] = {v.id: v for v in framework.views}
        self.recommendations: dict[str, Recommendation] = {r.id: r for r in framework.recommendations}
        self.flows: dict[str, Flow] = {}
        self.use_cases: dict[str, UseCase] = {}
        self.view_of: dict[str, View] = {}
        self.scenario_of: dict[str, Scenario] = {}
        for view in framework.views:
            for flow in view.flows:
                self.flows[flow.id] = flow
                self.view_of[flow.id] = view
            for scenario in view.scenarios:
                self.view_of[scenario.id] = view
                for use_case in scenario.use_cases:
                    self.use_cases[use_case.id] = use_case
                    self.view_of[use_case.id] = view
                    self.scenario_of[use_case.id] = scenario
        self._parts: dict[str, list[Service]] = defaultdict(list)
        for service in framework.services:
            if service.part_of:
                self._parts[service.part_of].append(service)

    def participant_name(self, ident: str) -> str:
        """Name of an actor or a service."""
        if ident in self.actors:
            return self.actors[ident].name
        return self.services[ident].name

    def parts(self, service_id: str) -> list[Service]:
        """Services that are parts of ``service_id``, in model order."""
        return list(self._parts.get(service_id, []))

    def flows_emitted(self, service_id: str) -> list[Flow]:
        """Flows whose emitter is ``service_id``."""
        return [f for f in self.flows.values() if f.emitter == service_id]

    def flows_received(self, service_id: str) -> list[Flow]:
        """Flows whose receiver is ``service_id``."""
        return [f for f in self.flows.values() if f.receiver == service_id]

    def use_cases_of_service(self, service_id: str) -> list[UseCase]:
        """Use cases that involve ``service_id`` (listed, or on one of their steps)."""
        return [
            uc
            for uc in self.use_cases.values()
            if service_id in uc.services or any(service_id in {s.from_, s.to} for s in uc.steps)
        ]

    def use_cases_of_flow(self, flow_id: str) -> list[UseCase]:
        """Use cases that rely on ``flow_id``."""
        return [uc for uc in self.use_cases.values() if flow_id in uc.flows]

    def recommendations_of_service(self, service_id: str) -> list[Recommendation]:
        """Recommendations that name ``service_id`` or its kind."""
        service = self.services[service_id]
        return [r for r in self.recommendations.values() if service_id in r.services or service.kind in r.service_kinds]

    def recommendations_of_flow(self, flow_id: str) -> list[Recommendation]:
        """Recommendations that name ``flow_id``."""
        return [r for r in self.recommendations.values() if flow_id in r.flows]

    def views_of_service(self, service_id: str) -> list[View]:
        """Views whose schemas show ``service_id``."""
        return [v for v in self.views.values() if service_id in self.services_of_view(v)]

    def services_of_view(self, view: View) -> list[str]:
        """Identifiers of the services drawn on the schemas of ``view``, in first-seen order."""
        seen: dict[str, None] = {}
        for group in view.groups:
            seen.update(dict.fromkeys(group.members))
        for flow in view.flows:
            seen.update(dict.fromkeys([flow.emitter, flow.receiver]))
        for scenario in view.scenarios:
            for uc in scenario.use_cases:
                seen.update(dict.fromkeys(uc.services))
                for step in uc.steps:
                    seen.update(dict.fromkeys(p for p in (step.from_, step.to) if p in self.services))
        return list(seen)

"""Lookups over a loaded framework: entities by id and everything that refers to each of them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from model._base import SourceRef
from model.catalogue import CatalogueCase, StatedCount, TaskForce, TransverseGroup, score
from model.enums import CountMeasure, Sector, ServiceKind
from model.flow_spec import Attribute, FlowSpec, MessageClass
from model.flows import Flow
from model.framework import Framework
from model.texts import Axis, Recommendation
from model.value_sets import ValueSet
from model.views import Actor, Scenario, Service, UseCase, View


@dataclass(frozen=True)
class Binding:
    """A coded attribute of a flow's message bound to a value set."""

    spec: FlowSpec
    message_class: MessageClass
    attribute: Attribute


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
        self.task_forces: dict[str, TaskForce] = {t.id: t for t in framework.task_forces}
        self.cases: dict[str, CatalogueCase] = {c.id: c for c in framework.catalogue}
        self._parts: dict[str, list[Service]] = defaultdict(list)
        for service in framework.services:
            if service.part_of:
                self._parts[service.part_of].append(service)
        # Reverse references, built once: asking them per entity by scanning the model would make the
        # site's generation grow with the square of the model's size.
        self._emitted: dict[str, list[Flow]] = defaultdict(list)
        self._received: dict[str, list[Flow]] = defaultdict(list)
        self._rank = {ident: rank for rank, ident in enumerate(self.flows)}
        for flow in self.flows.values():
            for ident in flow.emitters:
                self._emitted[ident].append(flow)
            for ident in flow.receivers:
                self._received[ident].append(flow)
        self._use_cases_of: dict[str, list[UseCase]] = defaultdict(list)
        self._use_cases_of_flow: dict[str, list[UseCase]] = defaultdict(list)
        for uc in self.use_cases.values():
            for ident in dict.fromkeys([*uc.services, *(p for s in uc.steps for p in (s.from_, s.to))]):
                self._use_cases_of[ident].append(uc)
            for flow_id in dict.fromkeys(uc.flows):
                self._use_cases_of_flow[flow_id].append(uc)
        self.value_sets: dict[str, ValueSet] = {vs.id: vs for vs in framework.value_sets}
        self._bindings: dict[str, list[Binding]] = defaultdict(list)
        for spec in framework.flow_specs:
            for cls in spec.classes:
                for attribute in cls.attributes:
                    if attribute.value_set:
                        self._bindings[attribute.value_set].append(Binding(spec, cls, attribute))
        self._views_of: dict[str, list[View]] = defaultdict(list)
        for view in self.views.values():
            for ident in self.services_of_view(view):
                self._views_of[ident].append(view)

    def participant_name(self, ident: str) -> str:
        """Name of an actor or a service."""
        if ident in self.actors:
            return self.actors[ident].name
        return self.services[ident].name

    def parts(self, service_id: str) -> list[Service]:
        """Services that are parts of ``service_id``, in model order."""
        return list(self._parts.get(service_id, []))

    def flows_emitted(self, service_id: str) -> list[Flow]:
        """Flows of which ``service_id`` is an emitter."""
        return list(self._emitted.get(service_id, []))

    def flows_received(self, service_id: str) -> list[Flow]:
        """Flows of which ``service_id`` is a receiver."""
        return list(self._received.get(service_id, []))

    def flows_touching(self, service_ids: Iterable[str]) -> list[Flow]:
        """Flows that any of ``service_ids`` emits or receives, in model order."""
        found = {f.id: f for i in service_ids for f in (*self._emitted.get(i, ()), *self._received.get(i, ()))}
        return sorted(found.values(), key=lambda f: self._rank[f.id])

    def use_cases_of_service(self, service_id: str) -> list[UseCase]:
        """Use cases that involve ``service_id`` (listed, or on one of their steps)."""
        return list(self._use_cases_of.get(service_id, []))

    def use_cases_of_flow(self, flow_id: str) -> list[UseCase]:
        """Use cases that rely on ``flow_id``."""
        return list(self._use_cases_of_flow.get(flow_id, []))

    def recommendations_of_service(self, service_id: str) -> list[Recommendation]:
        """Recommendations that name ``service_id`` or its kind (a service portal is also an information portal)."""
        service = self.services[service_id]
        return [
            r
            for r in self.recommendations.values()
            if service_id in r.services or any(service.kind.is_a(k) for k in r.service_kinds)
        ]

    def recommendations_of_flow(self, flow_id: str) -> list[Recommendation]:
        """Recommendations that name ``flow_id``."""
        return [r for r in self.recommendations.values() if flow_id in r.flows]

    def services_of_kind(self, kind: ServiceKind) -> list[Service]:
        """Services of a kind, in model order (a service portal is also an information portal, 4.1.2)."""
        return [s for s in self.services.values() if s.kind.is_a(kind)]

    def services_of_recommendation(self, rec: Recommendation) -> list[Service]:
        """Services a recommendation names, then those of the kinds it names, each once."""
        named = [self.services[s] for s in rec.services]
        of_kinds = [s for kind in rec.service_kinds for s in self.services_of_kind(kind)]
        return list({s.id: s for s in [*named, *of_kinds]}.values())

    def use_cases_of_recommendation(self, rec: Recommendation) -> list[UseCase]:
        """Use cases that rely on one of the flows a recommendation names."""
        return [uc for uc in self.use_cases.values() if set(uc.flows) & set(rec.flows)]

    def views_of_recommendation(self, rec: Recommendation) -> list[View]:
        """Views that hold a flow the recommendation names, or show a service it names."""
        return [
            v
            for v in self.views.values()
            if any(f.id in rec.flows for f in v.flows) or set(rec.services) & set(self.services_of_view(v))
        ]

    def bindings(self, value_set_id: str) -> list[Binding]:
        """The coded attributes bound to a value set, in the order of the specifications."""
        return self._bindings.get(value_set_id, [])

    def flow_tag(self, flow: Flow) -> str:
        """A flow named across views: its view's identifier in capitals, then its letter (« PA B' »)."""
        return f"{self.view_of[flow.id].id.upper()} {flow.letter}"

    def use_case_tag(self, uc: UseCase) -> str:
        """A use case named across views: « PA 3 », or « MPH 2.3 » when its view has several schemas."""
        view = self.view_of[uc.id]
        if len(view.scenarios) == 1:
            return f"{view.id.upper()} {uc.number}"
        rank = view.scenarios.index(self.scenario_of[uc.id]) + 1
        return f"{view.id.upper()} {rank}.{uc.number}"

    def views_of_service(self, service_id: str) -> list[View]:
        """Views whose schemas show ``service_id``."""
        return list(self._views_of.get(service_id, []))

    def services_of_view(self, view: View) -> list[str]:
        """Identifiers of the services drawn on the schemas of ``view``, in first-seen order."""
        seen: dict[str, None] = {}
        for group in view.groups:
            seen.update(dict.fromkeys(group.members))
        for flow in view.flows:
            seen.update(dict.fromkeys(flow.ends))
        for scenario in view.scenarios:
            for uc in scenario.use_cases:
                seen.update(dict.fromkeys(uc.services))
                for step in uc.steps:
                    seen.update(dict.fromkeys(p for p in (step.from_, step.to) if p in self.services))
        return list(seen)

    # --- the working group's catalogue ----------------------------------------------------------

    def case_label(self, case: CatalogueCase) -> str:
        """Sector and number as the source writes them (« PH 17 bis »)."""
        suffix = f" {case.suffix}" if case.suffix else ""
        return f"{self.task_forces[case.task_force].sector.code} {case.number}{suffix}"

    def phase_label(self, case: CatalogueCase) -> str:
        """Label of the journey phase of a case."""
        return next(p.label for p in self.task_forces[case.task_force].phases if p.id == case.phase)

    def cases_of(self, task_force_id: str) -> list[CatalogueCase]:
        """Cases listed by a task force, in model order."""
        return [c for c in self.cases.values() if c.task_force == task_force_id]

    def score(self, case: CatalogueCase) -> int | None:
        """Computed priority score of a case (product of its marks), or None if it was not scored."""
        return score(case, list(self.framework.criteria))

    def group_sectors(self, group: TransverseGroup) -> list[Sector]:
        """Sectors a transverse group spans, in the order PA, PH, DOM."""
        present = {self.task_forces[self.cases[m].task_force].sector for m in group.members}
        return [s for s in Sector if s in present]

    def group_priority(self, group: TransverseGroup) -> GroupPriority:
        """Whether the task forces prioritised all, some or none of a group's cases."""
        flags = {self.cases[m].prioritised for m in group.members}
        if flags == {True}:
            return GroupPriority.ALL
        return GroupPriority.MIXED if flags == {True, False} else GroupPriority.NONE

    def groups_of_case(self, case_id: str) -> list[TransverseGroup]:
        """Transverse groups a case belongs to."""
        return [g for g in self.framework.transverse_groups if case_id in g.members]

    def counted(self, stated: StatedCount) -> int | None:
        """What the model counts for a number stated by a source, or None if the model cannot count it."""
        fw = self.framework
        match stated.measure:
            case CountMeasure.TASK_FORCES:
                return len(fw.task_forces)
            case CountMeasure.CASES:
                return len(self.cases_of(str(stated.scope)))
            case CountMeasure.PRIORITISED_CASES:
                return sum(c.prioritised for c in self.cases_of(str(stated.scope)))
            case CountMeasure.OTHER_CASES:
                return sum(not c.prioritised for c in self.cases_of(str(stated.scope)))
            case CountMeasure.TRANSVERSE_GROUPS:
                wanted = set(stated.sectors)
                return sum(1 for g in fw.transverse_groups if not wanted or set(self.group_sectors(g)) == wanted)
            case CountMeasure.CRITERIA:
                return len(fw.criteria)
            case CountMeasure.VIEW_USE_CASES:
                return sum(len(s.use_cases) for s in self.views[str(stated.scope)].scenarios)
            case CountMeasure.VIEW_SCENARIOS:
                return len(self.views[str(stated.scope)].scenarios)
            case CountMeasure.AXES:
                return len(fw.axes)
            case CountMeasure.SECTORS:
                return len({tf.sector for tf in fw.task_forces})
            case None:
                return None

    def checks(self) -> list[Check]:
        """Every number the sources state (counts, printed scores) with what the model computes."""
        out = [
            Check(s.id, s.statement, s.value, self.counted(s), s.source, "count", s.scope, s.measure)
            for s in self.framework.stated_counts
        ]
        for case in self.cases.values():
            if case.printed_result is not None:
                subject = f"Résultat de priorisation du cas {self.case_label(case)}"
                computed = self.score(case)
                # The printed results are in the scored table, where the criteria are defined.
                where = self.framework.criteria[0].source if self.framework.criteria else case.source
                out.append(Check(case.id, subject, case.printed_result, computed, where, "score", None, None))
        return out

    def errata(self) -> list[Check]:
        """Numbers stated by a source that the model's content contradicts."""
        return [c for c in self.checks() if c.computed is not None and c.computed != c.stated]


class GroupPriority(StrEnum):
    """Priorisation d'un groupe transverse par les task-forces (légende de la source)."""

    ALL = "Priorisé par toutes les task-forces"
    MIXED = "Priorisation mixte"
    NONE = "Non priorisé par toutes les task-forces"


@dataclass(frozen=True)
class Check:
    """A number stated by a source, and what the model computes for it (None: not countable)."""

    ident: str
    subject: str
    stated: int
    computed: int | None
    source: SourceRef
    kind: str
    scope: str | None
    measure: CountMeasure | None

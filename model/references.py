"""Checks that span files: duplicate identifiers and references to things that do not exist.

:func:`check` runs them, then the rules of each part of the model that no single file can see.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass, field

from model._yaml import Path_
from model.architecture_checks import architecture_rules
from model.catalogue_checks import catalogue_rules
from model.flow_checks import leg_rules
from model.fragment import Fragment
from model.framework import Framework
from model.problems import Problem
from model.rules import Rule
from model.value_set_checks import value_set_rules
from model.view_checks import spec_rules, view_rules


@dataclass
class _Table:
    """Identifiers of one kind, each with where it is defined."""

    noun: str
    places: dict[str, str] = field(default_factory=dict)


def check(
    fragments: list[Fragment],
    *,
    declared_elsewhere: frozenset[str] | set[str] = frozenset(),
    complete: bool = True,
) -> list[Problem]:
    """Every duplicate identifier and dangling reference across ``fragments``.

    ``declared_elsewhere`` holds identifiers written in files that failed validation: a reference to
    one of them is not reported, the editor already has that file's errors to fix. ``complete`` is
    false when a file failed: what it holds is unknown, so nothing is reported missing because of it.
    """
    problems: list[Problem] = []
    tables = {
        kind: _Table(noun)
        for kind, noun in [
            ("document", "document"),
            ("axis", "axe"),
            ("participant", "acteur ou service"),
            ("view", "vue"),
            ("scenario", "schéma d'orchestration"),
            ("flow", "flux"),
            ("use_case", "cas d'usage"),
            ("recommendation", "recommandation"),
            ("stake", "enjeu"),
            ("overview", "texte de présentation"),
            ("question", "question"),
            ("next_step", "prochaine étape"),
            ("term", "terme du glossaire"),
            ("working_group", "groupe de travail"),
            ("criterion", "critère de priorisation"),
            ("task_force", "task-force"),
            ("case", "cas d'usage du catalogue"),
            ("transverse_group", "groupe transverse"),
            ("sheet", "fiche de cas d'usage"),
            ("stated_count", "nombre énoncé"),
            ("version", "version du cadre"),
            ("value_set", "jeu de valeurs"),
        ]
    }
    for fragment, kind, ident, path in _definitions(fragments):
        table = tables[kind]
        if ident in table.places:
            problems.append(
                fragment.problem(
                    (*path, "id"),
                    f"identifiant « {ident} » en double ({table.noun} déjà défini en {table.places[ident]})",
                    "donnez un identifiant unique à l'un des deux",
                )
            )
        else:
            table.places[ident] = fragment.where((*path, "id"))
    services = {s.id for f in fragments for s in f.framework.services}
    for fragment, kind, ident, path in _references(fragments):
        if ident in declared_elsewhere:
            continue
        if kind == "service" and ident not in services:
            known = sorted(services | set(declared_elsewhere))
            noun = "service"
        elif kind != "service" and ident not in tables[kind].places:
            known = sorted(set(tables[kind].places) | set(declared_elsewhere))
            noun = tables[kind].noun
        else:
            continue
        problems.append(fragment.problem(path, f"{noun} « {ident} » inconnu", _suggest(ident, known)))
    problems.extend(view_rules(fragments))
    problems.extend(leg_rules(fragments))
    problems.extend(spec_rules(fragments, complete=complete))
    problems.extend(catalogue_rules(fragments, declared_elsewhere))
    problems.extend(architecture_rules(fragments, declared_elsewhere))
    problems.extend(value_set_rules(fragments, declared_elsewhere, complete=complete))
    return problems


def _suggest(ident: str, known: list[str]) -> str:
    close = difflib.get_close_matches(ident, known, n=3)
    if close:
        return "vouliez-vous dire " + " ou ".join(f"« {c} »" for c in close) + " ?"
    return "identifiants connus : " + ", ".join(known[:12]) + (" …" if len(known) > 12 else "")


def _definitions(fragments: list[Fragment]) -> Iterator[tuple[Fragment, str, str, Path_]]:
    for fragment in fragments:
        fw = fragment.framework
        yield from ((fragment, "document", d.id, ("documents", i)) for i, d in enumerate(fw.documents))
        yield from ((fragment, "axis", a.id, ("axes", i)) for i, a in enumerate(fw.axes))
        yield from ((fragment, "participant", a.id, ("actors", i)) for i, a in enumerate(fw.actors))
        yield from ((fragment, "participant", s.id, ("services", i)) for i, s in enumerate(fw.services))
        for r, rec in enumerate(fw.recommendations):
            yield fragment, "recommendation", rec.id, ("recommendations", r)
        for key, kind in (
            ("stakes", "stake"),
            ("overview", "overview"),
            ("questions", "question"),
            ("next_steps", "next_step"),
            ("glossary", "term"),
            ("working_groups", "working_group"),
            ("criteria", "criterion"),
            ("task_forces", "task_force"),
            ("catalogue", "case"),
            ("transverse_groups", "transverse_group"),
            ("sheets", "sheet"),
            ("stated_counts", "stated_count"),
            ("versions", "version"),
            ("value_sets", "value_set"),
        ):
            for i, entity in enumerate(getattr(fw, key)):
                yield fragment, kind, entity.id, (key, i)
        for v, view in enumerate(fw.views):
            yield fragment, "view", view.id, ("views", v)
            for f, flow in enumerate(view.flows):
                yield fragment, "flow", flow.id, ("views", v, "flows", f)
            for s, scenario in enumerate(view.scenarios):
                yield fragment, "scenario", scenario.id, ("views", v, "scenarios", s)
                for u, use_case in enumerate(scenario.use_cases):
                    yield fragment, "use_case", use_case.id, ("views", v, "scenarios", s, "use_cases", u)


def _references(fragments: list[Fragment]) -> Iterator[tuple[Fragment, str, str, Path_]]:
    """Every reference in the model: (fragment, kind of target, identifier, path of the field)."""
    for fragment in fragments:
        fw = fragment.framework
        for i, service in enumerate(fw.services):
            if service.part_of:
                yield fragment, "service", service.part_of, ("services", i, "part_of")
        for key in ("questions", "next_steps"):
            for i, entity in enumerate(getattr(fw, key)):
                yield fragment, "axis", entity.axis, (key, i, "axis")
        for i, question in enumerate(fw.questions):
            yield from _each(fragment, "recommendation", question.answered_by, ("questions", i, "answered_by"))
        for r, rec in enumerate(fw.recommendations):
            yield fragment, "axis", rec.axis, ("recommendations", r, "axis")
            yield from _each(fragment, "service", rec.services, ("recommendations", r, "services"))
            yield from _each(fragment, "flow", rec.flows, ("recommendations", r, "flows"))
            if rec.rule:
                yield from _rule_references(fragment, rec.rule, ("recommendations", r, "rule"))
        for v, view in enumerate(fw.views):
            yield fragment, "axis", view.axis, ("views", v, "axis")
            for g, group in enumerate(view.groups):
                yield from _each(fragment, "service", group.members, ("views", v, "groups", g, "members"))
            for f, flow in enumerate(view.flows):
                yield from _each(fragment, "service", flow.emitters, ("views", v, "flows", f, "emitters"))
                yield from _each(fragment, "service", flow.receivers, ("views", v, "flows", f, "receivers"))
            for s, scenario in enumerate(view.scenarios):
                for u, uc in enumerate(scenario.use_cases):
                    base = ("views", v, "scenarios", s, "use_cases", u)
                    yield from _each(fragment, "participant", uc.actors, (*base, "actors"))
                    yield from _each(fragment, "service", uc.services, (*base, "services"))
                    yield from _each(fragment, "flow", uc.flows, (*base, "flows"))
                    for t, step in enumerate(uc.steps):
                        yield fragment, "participant", step.from_, (*base, "steps", t, "from")
                        yield fragment, "participant", step.to, (*base, "steps", t, "to")
        for i, case in enumerate(fw.catalogue):
            yield fragment, "task_force", case.task_force, ("catalogue", i, "task_force")
            if case.same_as:
                yield fragment, "case", case.same_as, ("catalogue", i, "same_as")
            for criterion in case.scores:
                yield fragment, "criterion", criterion, ("catalogue", i, "scores", criterion)
        for i, spec in enumerate(fw.flow_specs):
            yield fragment, "flow", spec.flow, ("flow_specs", i, "flow")
            for a, actor in enumerate(spec.actors):
                yield fragment, "participant", actor.participant, ("flow_specs", i, "actors", a, "participant")
        for g, transverse in enumerate(fw.transverse_groups):
            yield from _each(fragment, "case", transverse.members, ("transverse_groups", g, "members"))
        for i, sheet in enumerate(fw.sheets):
            yield fragment, "case", sheet.case, ("sheets", i, "case")
        for i, version in enumerate(fw.versions):
            if version.document:
                yield fragment, "document", version.document, ("versions", i, "document")
        for path, document in _source_documents(fw):
            yield fragment, "document", document, path


def _rule_references(fragment: Fragment, rule: Rule, base: Path_) -> Iterator[tuple[Fragment, str, str, Path_]]:
    """Services named by a recommendation's rule."""
    chosen = rule.applies_to
    yield from _each(fragment, "service", chosen.services, (*base, "applies_to", "services"))
    if chosen.exchanging_with:
        yield fragment, "service", chosen.exchanging_with, (*base, "applies_to", "exchanging_with")
    if rule.requires.part_of:
        yield fragment, "service", rule.requires.part_of, (*base, "requires", "part_of")
    yield from _each(fragment, "service", rule.requires.receives_from, (*base, "requires", "receives_from"))


def _each(fragment: Fragment, kind: str, idents: list[str], path: Path_) -> Iterator[tuple[Fragment, str, str, Path_]]:
    return ((fragment, kind, ident, (*path, i)) for i, ident in enumerate(idents))


def _source_documents(fw: Framework) -> Iterator[tuple[Path_, str]]:
    for key in (
        "axes",
        "actors",
        "flow_specs",
        "services",
        "recommendations",
        "stakes",
        "overview",
        "questions",
        "next_steps",
        "glossary",
        "working_groups",
        "criteria",
        "task_forces",
        "catalogue",
        "transverse_groups",
        "sheets",
        "stated_counts",
        "versions",
    ):
        for i, entity in enumerate(getattr(fw, key)):
            yield (key, i, "source", "document"), entity.source.document
    for v, view in enumerate(fw.views):
        yield ("views", v, "source", "document"), view.source.document
        for f, flow in enumerate(view.flows):
            yield ("views", v, "flows", f, "source", "document"), flow.source.document
        for s, scenario in enumerate(view.scenarios):
            yield ("views", v, "scenarios", s, "source", "document"), scenario.source.document
            for u, uc in enumerate(scenario.use_cases):
                yield ("views", v, "scenarios", s, "use_cases", u, "source", "document"), uc.source.document

"""Rules of the views that span files: letters, use-case numbers, flows, their specifications, and services.

Within a view, each flow has its own letter, the use cases of a schema their own numbers, and a use case
cites only its view's flows; each flow has one specification; no service is a part of itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from model.problems import Problem

if TYPE_CHECKING:
    from model.fragment import Fragment
    from model.views import View


def view_rules(fragments: list[Fragment]) -> Iterator[Problem]:
    """Rules inside one view: letters and use-case numbers are unique, use cases use their view's flows."""
    for fragment in fragments:
        for v, view in enumerate(fragment.framework.views):
            yield from _unique_letters(fragment, v, view)
            own_flows = {flow.id for flow in view.flows}
            for s, scenario in enumerate(view.scenarios):
                seen: dict[int, int] = {}
                for u, uc in enumerate(scenario.use_cases):
                    base = ("views", v, "scenarios", s, "use_cases", u)
                    if uc.number in seen:
                        yield fragment.problem(
                            (*base, "number"),
                            f"le numéro {uc.number} est déjà celui d'un autre cas d'usage de ce schéma",
                            "numérotez les cas d'usage d'un même schéma 1, 2, 3…",
                        )
                    seen.setdefault(uc.number, u)
                    for i, flow_id in enumerate(uc.flows):
                        if flow_id not in own_flows:
                            yield fragment.problem(
                                (*base, "flows", i),
                                f"le flux « {flow_id} » n'appartient pas à la vue « {view.id} »",
                                "un cas d'usage ne cite que des flux de sa propre vue",
                            )
    yield from _part_of_cycles(fragments)


def spec_rules(fragments: list[Fragment], *, complete: bool) -> Iterator[Problem]:
    """One specification per flow; with ``complete`` (every file valid), every flow has one."""
    specified: dict[str, str] = {}
    for fragment in fragments:
        for i, spec in enumerate(fragment.framework.flow_specs):
            if spec.flow in specified:
                yield fragment.problem(
                    ("flow_specs", i, "flow"),
                    f"le flux « {spec.flow} » a déjà une spécification (en {specified[spec.flow]})",
                    "un flux n'a qu'une spécification : fusionnez les deux",
                )
            specified.setdefault(spec.flow, fragment.where(("flow_specs", i, "flow")))
    if not complete:
        return  # a file failed: its specifications are unknown, do not report them missing
    for fragment in fragments:
        for v, view in enumerate(fragment.framework.views):
            for f, flow in enumerate(view.flows):
                if flow.id not in specified:
                    yield fragment.problem(
                        ("views", v, "flows", f, "id"),
                        f"le flux « {flow.id} » n'a pas de spécification",
                        f"ajoutez dans model/content/specifications/{view.id}.yaml une entrée de « flow_specs »"
                        f" avec « flow: {flow.id} » (modèle : les autres entrées du fichier)",
                    )


def _unique_letters(fragment: Fragment, v: int, view: View) -> Iterator[Problem]:
    letters: set[str] = set()
    for f, flow in enumerate(view.flows):
        if flow.letter in letters:
            yield fragment.problem(
                ("views", v, "flows", f, "letter"),
                f"la lettre {flow.letter} est déjà celle d'un autre flux de la vue « {view.id} »",
                "chaque flux d'une vue a sa propre lettre",
            )
        letters.add(flow.letter)


def _part_of_cycles(fragments: list[Fragment]) -> Iterator[Problem]:
    parent = {s.id: s.part_of for f in fragments for s in f.framework.services}
    for fragment in fragments:
        for i, service in enumerate(fragment.framework.services):
            seen = {service.id}
            current = service.part_of
            while current in parent and current not in seen:
                seen.add(current)
                current = parent[current]
            if current == service.id:
                yield fragment.problem(
                    ("services", i, "part_of"),
                    f"le service « {service.id} » se contient lui-même par « part_of »",
                    "un service ne peut pas être une partie de l'une de ses parties",
                )

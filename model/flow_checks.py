"""Checks of a flow's legs: each leg joins an emitter and a receiver of its flow, and every end is used.

A leg that starts or ends on a service that is not one of its flow's ends, joins two emitters, sends a
service data to itself, or repeats another leg would draw an arrow the source does not; an emitter
that sends nothing, or a receiver that receives nothing, is an end the flow does not have. Each
problem points at the key to fix (``file:line:column``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from model._base import shown
from model.flows import Flow
from model.problems import Problem

if TYPE_CHECKING:
    from model._yaml import Path_
    from model.fragment import Fragment


def leg_rules(fragments: list[Fragment]) -> Iterator[Problem]:
    """Every inconsistency between a flow's emitters, receivers and legs, in every fragment."""
    for fragment in fragments:
        for v, view in enumerate(fragment.framework.views):
            for f, flow in enumerate(view.flows):
                yield from _flow_problems(fragment, ("views", v, "flows", f), flow)


def _flow_problems(fragment: Fragment, base: Path_, flow: Flow) -> Iterator[Problem]:
    name = shown(flow.id)
    for r, receiver in enumerate(flow.receivers):
        if receiver in flow.emitters:
            yield fragment.problem(
                (*base, "receivers", r),
                f"le flux « {name} » a le service « {shown(receiver)} » pour émetteur et pour récepteur",
                "un service est émetteur ou récepteur d'un flux, pas les deux : un retour de données se dit"
                " par une seconde branche sous « legs » (from: récepteur, to: émetteur)",
            )
    seen: dict[tuple[str, str], int] = {}
    for n, leg in enumerate(flow.legs):
        where = (*base, "legs", n)
        pair = (leg.from_, leg.to)
        if leg.from_ == leg.to:
            yield fragment.problem(
                (*where, "to"),
                f"la branche {n + 1} du flux « {name} » va du service « {shown(leg.to)} » vers lui-même",
                "une branche relie deux services : corrigez « from » ou « to »",
            )
            continue
        stray = [(key, end) for key, end in (("from", leg.from_), ("to", leg.to)) if end not in flow.ends]
        for key, end in stray:
            yield fragment.problem(
                (*where, key),
                f"la branche {n + 1} du flux « {name} » passe par « {shown(end)} », qui n'est ni émetteur"
                " ni récepteur du flux",
                f"ajoutez « {shown(end)} » à « emitters » ou à « receivers », ou corrigez « {key} » : "
                + ", ".join(f"« {shown(e)} »" for e in flow.ends),
            )
        if stray:
            continue
        if (leg.from_ in flow.emitters) == (leg.to in flow.emitters):
            side = "émetteurs" if leg.from_ in flow.emitters else "récepteurs"
            yield fragment.problem(
                (*where, "to"),
                f"la branche {n + 1} du flux « {name} » relie deux {side} du flux",
                "une branche va d'un émetteur vers un récepteur, ou d'un récepteur vers un émetteur (retour)",
            )
        if pair in seen:
            yield fragment.problem(
                (*where, "from"),
                f"la branche {n + 1} du flux « {name} » reprend le sens de la branche {seen[pair] + 1}"
                f" (« {shown(leg.from_)} » vers « {shown(leg.to)} »)",
                "une branche par sens : fusionnez les deux, ou donnez la condition propre à chacune dans la"
                " description du flux",
            )
        seen.setdefault(pair, n)
    yield from _unused_ends(fragment, base, flow)


def _unused_ends(fragment: Fragment, base: Path_, flow: Flow) -> Iterator[Problem]:
    name = shown(flow.id)
    for e, emitter in enumerate(flow.emitters):
        if not any(leg.from_ == emitter and leg.to in flow.receivers for leg in flow.legs):
            yield fragment.problem(
                (*base, "emitters", e),
                f"l'émetteur « {shown(emitter)} » du flux « {name} » n'envoie de données sur aucune branche",
                f"ajoutez sous « legs » une branche « {{from: {shown(emitter)}, to: …}} » vers un récepteur,"
                " ou retirez-le des émetteurs",
            )
    for r, receiver in enumerate(flow.receivers):
        if receiver not in flow.emitters and not any(
            leg.to == receiver and leg.from_ in flow.emitters for leg in flow.legs
        ):
            yield fragment.problem(
                (*base, "receivers", r),
                f"le récepteur « {shown(receiver)} » du flux « {name} » ne reçoit de données sur aucune branche",
                f"ajoutez sous « legs » une branche « {{from: …, to: {shown(receiver)}}} » depuis un émetteur,"
                " ou retirez-le des récepteurs",
            )

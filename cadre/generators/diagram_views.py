"""The diagrams of the views: orchestration schemas, flow schemas and use-case paths.

For each view, each scenario's orchestration schema (use-case numbers on the arrows) and its flow
schema (flow letters), split into parts beyond the budget; for each use case, its path highlighted on
its view's orchestration schema.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from cadre.drawing.spec import DCluster, DEdge, DiagramSpec, LegendSection
from cadre.generators.diagram_parts import (
    BUDGET,
    Budget,
    Drawing,
    ends,
    ends_of_steps,
    flow_edges,
    flow_legend,
    node,
    orchestration_legend,
    part,
    split,
    systems_legend,
)
from cadre.output import site_paths
from cadre.output.text import plain
from model import Index, Scenario, UseCase, View

# --- views ---------------------------------------------------------------------------------------------------


def view_drawings(index: Index, budget: Budget = BUDGET) -> list[Drawing]:
    """The orchestration schemas and the flow schema of every view."""
    result: list[Drawing] = []
    for view in index.framework.views:
        for scenario in view.scenarios:
            result += scenario_drawings(index, view, scenario, budget)
        result += flow_drawings(index, view, budget)
    return result


def scenario_drawings(index: Index, view: View, scenario: Scenario, budget: Budget = BUDGET) -> list[Drawing]:
    """The orchestration schema of ``scenario``, in parts if it exceeds the budget."""
    here = site_paths.page("view", view.id)
    parts = split(list(scenario.use_cases), lambda uc: ends_of_steps(uc.steps), budget)
    result = []
    for number, use_cases in enumerate(parts, start=1):
        ident = scenario.id if len(parts) == 1 else f"{scenario.id}-{number}"
        title = f"Schéma d'orchestration — {scenario.title}{part(number, len(parts))}"
        spec = _orchestration_spec(index, view, ident, title, use_cases, here)
        result.append(Drawing(f"diagrams/vues/{ident}.svg", here, spec))
    return result


def flow_drawings(index: Index, view: View, budget: Budget = BUDGET) -> list[Drawing]:
    """The flow schema of ``view``, in parts if it exceeds the budget; none if the view has no flow."""
    here = site_paths.page("view", view.id)
    parts = split(list(view.flows), lambda f: [e for leg in f.legs for e in (leg.from_, leg.to)], budget)
    result = []
    for number, flows in enumerate(parts, start=1):
        ident = f"{view.id}-flux" if len(parts) == 1 else f"{view.id}-flux-{number}"
        edges = tuple(e for flow in flows for e in flow_edges(index, here, flow, flow.letter))
        whole = len(parts) == 1
        spec = _framed_spec(
            index,
            view,
            here,
            ident=ident,
            title=f"Schéma des flux — {view.title}{part(number, len(parts))}",
            description=(
                f"Flux d'échange de données de la vue « {view.title} »"
                f"{'' if whole else f' (flux {flows[0].letter} à {flows[-1].letter})'}, repérés par leur "
                "lettre et suivis des marques des catégories de données qu'ils portent. Le tableau des "
                "flux qui suit le schéma en donne le même contenu en texte."
            ),
            edges=edges,
            every_member=whole,
            legend=flow_legend(edges, flows, "Lettre du flux", flows[0].letter),
        )
        result.append(Drawing(f"diagrams/vues/{ident}.svg", here, spec))
    return result


def _orchestration_spec(
    index: Index, view: View, ident: str, title: str, use_cases: Sequence[UseCase], here: str
) -> DiagramSpec:
    edges = _merged_steps(here, use_cases)
    return _framed_spec(
        index,
        view,
        here,
        ident=ident,
        title=title,
        description=(
            f"Services de la vue « {view.title} » et parcours des cas d'usage "
            f"{', '.join(str(uc.number) for uc in use_cases)} ; chaque flèche porte le numéro des cas "
            "d'usage qui l'empruntent. Le tableau des cas d'usage qui suit le schéma en donne le même "
            "contenu en texte."
        ),
        edges=edges,
        every_member=True,
        legend=orchestration_legend(edges),
    )


def _merged_steps(here: str, use_cases: Sequence[UseCase], highlight: UseCase | None = None) -> tuple[DEdge, ...]:
    """One arrow per pair of boxes: the numbers of every use case that goes between them.

    Two arrows between the same boxes (one each way, or two use cases the same way) would be drawn
    on top of each other with their labels overlapping.
    """
    pairs: dict[frozenset[str], list[tuple[str, str, UseCase]]] = {}
    for uc in use_cases:
        for step in uc.steps:
            pairs.setdefault(frozenset((step.from_, step.to)), []).append((step.from_, step.to, uc))
    edges = []
    for steps in pairs.values():
        tail, head, first = steps[0]
        along = list({uc.id: uc for _, _, uc in steps}.values())
        shown = next((uc for uc in along if highlight and uc.id == highlight.id), first)
        edges.append(
            DEdge(
                tail=tail,
                head=head,
                label=", ".join(str(uc.number) for uc in along),
                url=site_paths.url_link(here, site_paths.page("use_case", shown.id)),
                tooltip=" ; ".join(f"Cas d'usage {uc.number} : {plain(uc.goal)}" for uc in along),
                both=any((t, h) == (head, tail) for t, h, _ in steps),
                highlight=shown is highlight,
            )
        )
    return tuple(edges)


def _framed_spec(
    index: Index,
    view: View,
    here: str,
    *,
    ident: str,
    title: str,
    description: str,
    edges: tuple[DEdge, ...],
    every_member: bool,
    legend: Iterable[LegendSection],
    bold: frozenset[str] = frozenset(),
) -> DiagramSpec:
    """A diagram of a view: its groups as frames; every member of them, or only those at an arrow's end."""
    members = [m for g in view.groups for m in g.members] if every_member else []
    shown = list(dict.fromkeys(members + ends(edges)))
    nodes = tuple(node(index, here, ident_, bold=ident_ in bold) for ident_ in shown)
    clusters = tuple(
        DCluster(id=group.id, label=group.label, members=tuple(m for m in group.members if m in shown))
        for group in view.groups
        if any(m in shown for m in group.members)
    )
    return DiagramSpec(
        id=ident,
        title=title,
        description=description,
        nodes=nodes,
        edges=edges,
        clusters=clusters,
        legend=(systems_legend(index, shown), *legend),
    )


# --- use-case paths -------------------------------------------------------------------------------------------


def path_drawings(index: Index, budget: Budget = BUDGET) -> list[Drawing]:
    """For each use case with steps, its path highlighted on its view's orchestration schema."""
    result = []
    for view in index.framework.views:
        for scenario in view.scenarios:
            for uc in scenario.use_cases:
                if uc.steps:
                    result.append(path_drawing(index, view, scenario, uc, budget))
    return result


def path_drawing(index: Index, view: View, scenario: Scenario, uc: UseCase, budget: Budget = BUDGET) -> Drawing:
    """The orchestration schema (or the part of it) that holds ``uc``, with its steps highlighted."""
    here = site_paths.page("use_case", uc.id)
    parts = split(list(scenario.use_cases), lambda u: ends_of_steps(u.steps), budget)
    use_cases = next(p for p in parts if uc in p)
    edges = _merged_steps(here, use_cases, highlight=uc)
    on_path = frozenset(p for step in uc.steps for p in (step.from_, step.to))
    spec = _framed_spec(
        index,
        view,
        here,
        ident=f"parcours-{uc.id}",
        title=f"Parcours du cas d'usage {uc.number} — {scenario.title}",
        description=(
            f"Le schéma d'orchestration « {scenario.title} », où les étapes du cas d'usage {uc.number} "
            "sont tracées en trait épais rouge foncé et ses acteurs et services encadrés de même. Le "
            "tableau des étapes qui suit le schéma en donne le même contenu en texte."
        ),
        edges=edges,
        every_member=True,
        legend=orchestration_legend(edges, uc.number),
        bold=on_path,
    )
    return Drawing(f"diagrams/cas-usage/{uc.id}.svg", here, spec)

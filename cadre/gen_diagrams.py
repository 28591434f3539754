"""Orchestration and flow diagrams of every view, drawn from the model through the adapter."""

from __future__ import annotations

from cadre import site_paths
from cadre.diagram_adapter import DCluster, DEdge, DiagramSpec, DNode, render_svg
from cadre.text import plain
from model import Index, Scenario, SystemCategory, UseCase, View

CATEGORY_FILL = {
    SystemCategory.ESMS: "#FBD5A5",
    SystemCategory.STATE_CORE_SERVICES: "#B9D7F0",
    SystemCategory.TERRITORIAL_COORDINATION: "#DCCAEE",
    SystemCategory.PORTALS: "#BFE3C8",
    SystemCategory.HEALTH_SECTOR: "#F6C1C1",
    SystemCategory.PAYERS_REGULATORS: "#F3E6A2",
}


def orchestration_path(scenario: Scenario) -> str:
    """Path of a scenario's orchestration diagram under ``generated/``."""
    return f"diagrams/{scenario.id}.svg"


def flows_path(view: View) -> str:
    """Path of a view's flow diagram under ``generated/``."""
    return f"diagrams/{view.id}-flux.svg"


def generate(index: Index) -> dict[str, str]:
    """Every diagram of every view, as SVG text."""
    outputs: dict[str, str] = {}
    for view in index.framework.views:
        for scenario in view.scenarios:
            outputs[orchestration_path(scenario)] = render_svg(orchestration_spec(index, view, scenario))
        if view.flows:
            outputs[flows_path(view)] = render_svg(flows_spec(index, view))
    return outputs


def orchestration_spec(index: Index, view: View, scenario: Scenario) -> DiagramSpec:
    """The orchestration schema of ``scenario``: use-case numbers on the arrows."""
    edges = _merged_steps(view, scenario)
    ends = [e for edge in edges for e in (edge.tail, edge.head)]
    return _spec(
        index,
        view,
        ident=scenario.id,
        title=f"Schéma d'orchestration — {scenario.title}",
        description=(
            f"Services de la vue « {view.title} » et parcours des cas d'usage "
            f"{', '.join(str(uc.number) for uc in scenario.use_cases)} ; chaque flèche porte le "
            "numéro du cas d'usage qui l'emprunte. Le tableau des cas d'usage qui suit le schéma "
            "en donne le même contenu en texte."
        ),
        ends=ends,
        edges=edges,
    )


def _merged_steps(view: View, scenario: Scenario) -> tuple[DEdge, ...]:
    """One arrow per pair of boxes: the numbers of every use case that goes between them.

    Two arrows between the same boxes (one each way, or two use cases the same way) would be drawn
    on top of each other with their labels overlapping.
    """
    here = site_paths.page("view", view.id)
    pairs: dict[frozenset[str], list[tuple[str, str, UseCase]]] = {}
    for uc in scenario.use_cases:
        for step in uc.steps:
            pairs.setdefault(frozenset((step.from_, step.to)), []).append((step.from_, step.to, uc))
    edges = []
    for steps in pairs.values():
        tail, head, first = steps[0]
        use_cases = list({uc.id: uc for _, _, uc in steps}.values())
        edges.append(
            DEdge(
                tail=tail,
                head=head,
                label=", ".join(str(uc.number) for uc in use_cases),
                url=site_paths.url_link(here, site_paths.page("use_case", first.id)),
                tooltip=" ; ".join(f"Cas d'usage {uc.number} : {plain(uc.goal)}" for uc in use_cases),
                both=any((t, h) == (head, tail) for t, h, _ in steps),
            )
        )
    return tuple(edges)


def flows_spec(index: Index, view: View) -> DiagramSpec:
    """The flow schema of ``view``: flow letters on the arrows."""
    here = site_paths.page("view", view.id)
    edges = tuple(
        DEdge(
            tail=flow.emitter,
            head=flow.receiver,
            label=flow.letter,
            url=site_paths.url_link(here, site_paths.page("flow", flow.id)),
            tooltip=f"Flux {flow.letter} : {plain(flow.title)}",
            both=flow.direction == "bidirectional",
            dashed=flow.nature == "manual",
        )
        for flow in view.flows
    )
    ends = [e for edge in edges for e in (edge.tail, edge.head)]
    return _spec(
        index,
        view,
        ident=f"{view.id}-flux",
        title=f"Schéma des flux — {view.title}",
        description=(
            f"Flux d'échange de données de la vue « {view.title} », repérés par leur lettre ; "
            "trait plein : flux automatisé, pointillés : flux manuel ; double pointe : flux "
            "bidirectionnel. Le tableau des flux qui suit le schéma en donne le même contenu en texte."
        ),
        ends=ends,
        edges=edges,
    )


def _spec(
    index: Index,
    view: View,
    *,
    ident: str,
    title: str,
    description: str,
    ends: list[str],
    edges: tuple[DEdge, ...],
) -> DiagramSpec:
    here = site_paths.page("view", view.id)
    shown = list(dict.fromkeys([m for g in view.groups for m in g.members] + ends))
    nodes = tuple(_node(index, here, ident_) for ident_ in shown)
    clusters = tuple(DCluster(id=group.id, label=group.label, members=tuple(group.members)) for group in view.groups)
    return DiagramSpec(id=ident, title=title, description=description, nodes=nodes, edges=edges, clusters=clusters)


def _node(index: Index, here: str, ident: str) -> DNode:
    if ident in index.actors:
        actor = index.actors[ident]
        return DNode(id=ident, label=actor.name, shape="ellipse", tooltip=actor.name)
    service = index.services[ident]
    label = service.short_name if service.part_of and service.short_name else service.name
    return DNode(
        id=ident,
        label=label,
        fill=CATEGORY_FILL[service.category],
        url=site_paths.url_link(here, site_paths.page("service", ident)),
        tooltip=f"{service.name} ({service.kind.label}, {service.category.label})",
    )

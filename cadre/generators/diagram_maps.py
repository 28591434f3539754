"""The diagrams of services and flows: the map, each service's neighbourhood, each exchange.

The map shows all services that exchange flows, framed by system category (by category only, when it
would exceed its budget); a service's neighbourhood, the flows it emits and receives; an exchange, the
flow on its specification page. The map comes with what each of its boxes and arrows stands for
(:class:`MapMembers`), built with it, so that the explorer's filters can dim them (one service or flow
each on the map of every service, a category's services and a pair's flows on the map by category).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from cadre.drawing.spec import DCluster, DEdge, DiagramSpec, DNode, LegendItem, LegendSection
from cadre.generators.diagram_parts import (
    BUDGET,
    CATEGORY_FILL,
    TOOLTIP_FLOWS,
    Budget,
    Drawing,
    at_most,
    ends,
    flow_edges,
    flow_legend,
    mark_items,
    marks,
    node,
    systems_legend,
)
from cadre.output import site_paths
from cadre.output.text import plain
from model import Flow, Index, Service, SystemCategory

# --- map ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MapMembers:
    """What each box and each arrow of a map stands for, in the model's identifiers.

    On the map of every service, a box is one service (or actor) and an arrow one flow; on the map by
    system category, a box stands for the services of its category that emit or receive a flow, and an
    arrow for the flows of its pair of categories.
    """

    services: dict[str, tuple[str, ...]]
    """By the id of each node of the map, the services it stands for."""
    flows: tuple[tuple[str, ...], ...]
    """For each edge of the map, in its order, the flows it stands for."""
    by_category: bool = False
    """Whether the map is drawn by system category (its boxes and arrows open no page)."""


def map_drawings(index: Index, budget: Budget = BUDGET) -> list[Drawing]:
    """The map of every service that exchanges flows and of every flow, by system category."""
    drawn = map_with_members(index, budget)
    return [drawn[0]] if drawn else []


def map_with_members(index: Index, budget: Budget = BUDGET) -> tuple[Drawing, MapMembers] | None:
    """The map of :func:`map_drawings` and what each of its boxes and arrows stands for (None: no flow)."""
    here = site_paths.MAP
    flows = list(index.flows.values())
    if not flows:
        return None
    drawn = [(flow.id, e) for flow in flows for e in flow_edges(index, here, flow, index.flow_tag(flow))]
    edges = tuple(e for _, e in drawn)
    shown = ends(edges)
    spec = DiagramSpec(
        id="carte",
        title="Carte des services et des flux",
        description=(
            "Tous les services qui émettent ou reçoivent un flux, colorés selon leur catégorie de système, "
            "et tous les flux de toutes les vues, repérés par leur vue et leur lettre. Le tableau qui suit "
            "la carte en donne le même contenu en texte."
        ),
        nodes=tuple(node(index, here, ident) for ident in shown),
        edges=edges,
        legend=(systems_legend(index, shown), *flow_legend(edges, flows, "Vue et lettre du flux", edges[0].label)),
    )
    members = MapMembers({ident: (ident,) for ident in shown}, tuple((flow,) for flow, _ in drawn))
    if not budget.holds(spec):
        spec, members = _map_by_category(index, flows)
    return Drawing("diagrams/carte/carte.svg", here, spec), members


def _map_by_category(index: Index, flows: list[Flow]) -> tuple[DiagramSpec, MapMembers]:
    """The map drawn by system category: one box per category, one arrow per pair with its flow count."""
    category = {s.id: s.category for s in index.framework.services}
    pairs: dict[tuple[SystemCategory, SystemCategory], list[Flow]] = {}
    for flow in flows:
        # One arrow per pair of categories, from the emitters' side to the receivers' side, as on the map.
        for pair in dict.fromkeys((category[e], category[r]) for e in flow.emitters for r in flow.receivers):
            pairs.setdefault(pair, []).append(flow)
    used = list(dict.fromkeys(c for pair in pairs for c in pair))
    categories = [c for c in SystemCategory if c in used]
    nodes = tuple(DNode(id=c.value, label=c.label, fill=CATEGORY_FILL[c], tooltip=c.label) for c in categories)
    edges = tuple(
        DEdge(
            tail=tail.value,
            head=head.value,
            label=f"{len(group)} flux",
            tooltip=at_most(TOOLTIP_FLOWS, [f"{index.flow_tag(f)} : {plain(f.title)}" for f in group], "flux"),
            marks=marks(c for f in group for c in f.data_categories),
        )
        for (tail, head), group in pairs.items()
    )
    exchanging = {e for f in flows for e in f.ends}
    members = MapMembers(
        services={
            c.value: tuple(s.id for s in index.framework.services if s.category is c and s.id in exchanging)
            for c in categories
        },
        flows=tuple(tuple(f.id for f in group) for group in pairs.values()),
        by_category=True,
    )
    spec = DiagramSpec(
        id="carte",
        title="Carte des flux entre catégories de systèmes",
        description=(
            "Le cadre compte trop de services pour les dessiner un à un : chaque boîte est une catégorie "
            "de système, chaque flèche porte le nombre de flux échangés d'une catégorie à l'autre. Le "
            "tableau qui suit la carte donne chaque flux."
        ),
        nodes=nodes,
        edges=edges,
        legend=(
            LegendSection("Systèmes", tuple(LegendItem(c.label, "fill", fill=CATEGORY_FILL[c]) for c in categories)),
            LegendSection(
                "Flèches",
                (
                    LegendItem("Nombre de flux", "badge", text="3"),
                    *mark_items(c for f in flows for c in f.data_categories),
                ),
            ),
        ),
    )
    return spec, members


# --- neighbourhoods ---------------------------------------------------------------------------------------------


def neighbourhood_drawings(index: Index, budget: Budget = BUDGET) -> list[Drawing]:
    """For each service with flows (its own or its parts'), the flows it emits and receives."""
    result = []
    for service in index.framework.services:
        drawing = neighbourhood_drawing(index, service, budget)
        if drawing:
            result.append(drawing)
    return result


def neighbourhood_drawing(index: Index, service: Service, budget: Budget = BUDGET) -> Drawing | None:
    """The neighbourhood of ``service``: itself and its parts, the flows they exchange, the other ends."""
    here = site_paths.page("service", service.id)
    own = [service.id] + [p.id for p in index.parts(service.id)]
    flows = index.flows_touching(own)
    if not flows:
        return None
    # Only the legs that touch the service: flow B's leg from another of its emitters is not its neighbour.
    drawn = [
        (f, e) for f in flows for e in flow_edges(index, here, f, index.flow_tag(f)) if {e.tail, e.head} & set(own)
    ]
    drawn = drawn[: budget.edges]
    edges = tuple(e for _, e in drawn)
    shown = list(dict.fromkeys([i for i in own if any(i in (e.tail, e.head) for e in edges)] + ends(edges)))
    shown = shown[: budget.nodes]
    drawn = [(f, e) for f, e in drawn if e.tail in shown and e.head in shown]
    edges = tuple(e for _, e in drawn)
    flows = list({f.id: f for f, _ in drawn}.values())
    frames = (DCluster(id=service.id, label=service.name, members=tuple(i for i in own if i in shown)),)
    return Drawing(
        f"diagrams/services/{service.id}.svg",
        here,
        DiagramSpec(
            id=f"voisinage-{service.id}",
            title=f"Voisinage de {service.name}",
            description=(
                f"Les flux que {service.name} émet et reçoit, dans toutes les vues, et les services à "
                "l'autre bout, repérés par leur vue et leur lettre. Le tableau des flux qui suit le schéma "
                "en donne le même contenu en texte."
            ),
            nodes=tuple(node(index, here, ident, bold=ident == service.id) for ident in shown),
            edges=edges,
            clusters=frames if len(own) > 1 else (),
            legend=(systems_legend(index, shown), *flow_legend(edges, flows, "Vue et lettre du flux", edges[0].label)),
        ),
    )


# --- flow exchanges -------------------------------------------------------------------------------------------


def exchange_drawings(index: Index, budget: Budget = BUDGET) -> list[Drawing]:
    """For each flow, its emitters, its receivers and its legs between them."""
    return [exchange_drawing(index, flow) for flow in index.flows.values()]


def exchange_drawing(index: Index, flow: Flow) -> Drawing:
    """The exchange of one flow, as its specification page shows it: every leg between its services."""
    here = site_paths.page("flow", flow.id)
    edges = tuple(replace(e, url=None) for e in flow_edges(index, here, flow, index.flow_tag(flow)))
    shown = flow.ends
    names = " et ".join(", ".join(index.services[i].name for i in side) for side in (flow.emitters, flow.receivers))
    legs = "une branche" if len(flow.legs) == 1 else f"{len(flow.legs)} branches"
    return Drawing(
        f"diagrams/flux/{flow.id}.svg",
        here,
        DiagramSpec(
            id=f"echange-{flow.id}",
            title=f"Flux {index.flow_tag(flow)} : {names}",
            description=(
                f"{plain(flow.title)}. Les émetteurs sont à gauche, les récepteurs à droite ; le flux a {legs}, "
                "chacune dessinée avec sa nature (trait) et son état (pointe). Chaque service ouvre sa page."
            ),
            nodes=tuple(node(index, here, ident) for ident in shown),
            edges=edges,
            legend=(systems_legend(index, shown), *flow_legend(edges, [flow], "Vue et lettre du flux", edges[0].label)),
        ),
    )

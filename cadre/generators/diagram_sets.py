"""Every diagram of the site, drawn from the model through the adapter, in five families.

- ``vues``: for each view, the orchestration schema of each scenario (use-case numbers on the arrows)
  and the flow schema (flow letters), grouped as the source groups them;
- ``carte``: the map of all services that exchange flows, and all flows, framed by system category;
- ``services``: for each service that emits or receives flows, its neighbourhood;
- ``cas-usage``: for each use case, its path highlighted on its view's orchestration schema;
- ``flux``: for each flow, the exchange itself, on its specification page.

A diagram has a size budget (:data:`BUDGET`). A schema that would exceed it is split into parts, and
the map is drawn by system category instead of by service: never a hairball.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from cadre.drawing import svg
from cadre.drawing.rendering import render_all
from cadre.drawing.spec import (
    DCluster,
    DEdge,
    DiagramSpec,
    DNode,
    LegendItem,
    LegendSection,
    Mark,
)
from cadre.output import site_paths
from cadre.output.text import plain
from model import DataCategory, Flow, Index, Scenario, Service, Step, SystemCategory, UseCase, View

T = TypeVar("T")

CATEGORY_FILL = {
    SystemCategory.ESMS: "#FBD5A5",
    SystemCategory.STATE_CORE_SERVICES: "#B9D7F0",
    SystemCategory.TERRITORIAL_COORDINATION: "#DCCAEE",
    SystemCategory.PORTALS: "#BFE3C8",
    SystemCategory.HEALTH_SECTOR: "#F6C1C1",
    SystemCategory.PAYERS_REGULATORS: "#F3E6A2",
}
"""Fill of a service's box: its system category, as in the source's legend."""

DATA_MARK = {
    DataCategory.ADMINISTRATIVE: Mark("■", "#1F4E9C", DataCategory.ADMINISTRATIVE.label),
    DataCategory.HEALTH: Mark("✚", "#B71C1C", DataCategory.HEALTH.label),
    DataCategory.SUPPORT: Mark("●", "#1B6E2B", DataCategory.SUPPORT.label),
    DataCategory.FINANCIAL: Mark("◆", "#8A4B00", DataCategory.FINANCIAL.label),
    DataCategory.SERVICE: Mark("▲", "#6A1B9A", DataCategory.SERVICE.label),
}
"""Mark of a data category on a flow's badge: a shape of its own and a colour of at least 4.5:1 on white."""


@dataclass(frozen=True)
class Budget:
    """The most a diagram may draw before it is split or clustered."""

    nodes: int
    edges: int

    def holds(self, spec: DiagramSpec) -> bool:
        """Whether ``spec`` stays within the budget."""
        return len(spec.nodes) <= self.nodes and len(spec.edges) <= self.edges


BUDGET = Budget(nodes=24, edges=24)

TOOLTIP_FLOWS = 10
"""The most flows an arrow's tooltip names: the table under the map names them all (and Graphviz refuses
a string longer than 16 384 characters)."""


@dataclass(frozen=True)
class Drawing:
    """A diagram, the page that shows it (its links are relative to that page) and its file."""

    path: str
    """Path under ``generated/`` (``diagrams/vues/mes-flux.svg``)."""
    page: str
    spec: DiagramSpec


def generate(index: Index, budget: Budget = BUDGET) -> dict[str, str]:
    """Every diagram of every family, as SVG text (from the cache in use, see :mod:`cadre.drawing.rendering`)."""
    drawn = [d for family in FAMILIES for d in drawings(index, family, budget)]
    svgs = dict(zip((d.path for d in drawn), render_all([d.spec for d in drawn]), strict=True))
    return svgs | {STYLESHEET: stylesheet(svgs)}


STYLESHEET = "docs/stylesheets/diagrammes.css"
"""The least width of each diagram (``mkdocs.yml``'s ``extra_css``): the site's CSP refuses style attributes."""


def stylesheet(svgs: dict[str, str]) -> str:
    """The CSS rules of :func:`~cadre.drawing.svg.min_width_rule` for every diagram, in path order."""
    rules = [svg.min_width_rule(svgs[path]) for path in sorted(svgs)]
    header = "/* Généré à partir du modèle : largeur minimale de chaque diagramme (ne pas modifier). */"
    return "\n".join([header, *rules]) + "\n"


def drawings(index: Index, family: str, budget: Budget = BUDGET) -> list[Drawing]:
    """The diagrams of one family (``vues``, ``carte``, ``services`` or ``cas-usage``)."""
    return FAMILIES[family](index, budget)


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
    parts = _split(list(scenario.use_cases), lambda uc: _ends_of_steps(uc.steps), budget)
    result = []
    for number, use_cases in enumerate(parts, start=1):
        ident = scenario.id if len(parts) == 1 else f"{scenario.id}-{number}"
        title = f"Schéma d'orchestration — {scenario.title}{_part(number, len(parts))}"
        spec = _orchestration_spec(index, view, ident, title, use_cases, here)
        result.append(Drawing(f"diagrams/vues/{ident}.svg", here, spec))
    return result


def flow_drawings(index: Index, view: View, budget: Budget = BUDGET) -> list[Drawing]:
    """The flow schema of ``view``, in parts if it exceeds the budget; none if the view has no flow."""
    here = site_paths.page("view", view.id)
    parts = _split(list(view.flows), lambda f: [f.emitter, f.receiver], budget)
    result = []
    for number, flows in enumerate(parts, start=1):
        ident = f"{view.id}-flux" if len(parts) == 1 else f"{view.id}-flux-{number}"
        edges = tuple(_flow_edge(here, flow, flow.letter) for flow in flows)
        whole = len(parts) == 1
        spec = _framed_spec(
            index,
            view,
            here,
            ident=ident,
            title=f"Schéma des flux — {view.title}{_part(number, len(parts))}",
            description=(
                f"Flux d'échange de données de la vue « {view.title} »"
                f"{'' if whole else f' (flux {flows[0].letter} à {flows[-1].letter})'}, repérés par leur "
                "lettre et suivis des marques des catégories de données qu'ils portent. Le tableau des "
                "flux qui suit le schéma en donne le même contenu en texte."
            ),
            edges=edges,
            every_member=whole,
            legend=_flow_legend(flows, "Lettre du flux", flows[0].letter),
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
        legend=_orchestration_legend(edges),
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
    shown = list(dict.fromkeys(members + _ends(edges)))
    nodes = tuple(_node(index, here, ident_, bold=ident_ in bold) for ident_ in shown)
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
        legend=(_systems_legend(index, shown), *legend),
    )


# --- map ----------------------------------------------------------------------------------------------------


def map_drawings(index: Index, budget: Budget = BUDGET) -> list[Drawing]:
    """The map of every service that exchanges flows and of every flow, by system category."""
    here = site_paths.MAP
    flows = list(index.flows.values())
    if not flows:
        return []
    edges = tuple(_flow_edge(here, flow, index.flow_tag(flow)) for flow in flows)
    shown = _ends(edges)
    spec = DiagramSpec(
        id="carte",
        title="Carte des services et des flux",
        description=(
            "Tous les services qui émettent ou reçoivent un flux, colorés selon leur catégorie de système, "
            "et tous les flux de toutes les vues, repérés par leur vue et leur lettre. Le tableau qui suit "
            "la carte en donne le même contenu en texte."
        ),
        nodes=tuple(_node(index, here, ident) for ident in shown),
        edges=edges,
        legend=(_systems_legend(index, shown), *_flow_legend(flows, "Vue et lettre du flux", edges[0].label)),
    )
    if not budget.holds(spec):
        spec = _map_by_category(index, flows)
    return [Drawing("diagrams/carte/carte.svg", here, spec)]


def _map_by_category(index: Index, flows: list[Flow]) -> DiagramSpec:
    """The map drawn by system category: one box per category, one arrow per pair with its flow count."""
    category = {s.id: s.category for s in index.framework.services}
    pairs: dict[tuple[SystemCategory, SystemCategory], list[Flow]] = {}
    for flow in flows:
        pairs.setdefault((category[flow.emitter], category[flow.receiver]), []).append(flow)
    used = list(dict.fromkeys(c for pair in pairs for c in pair))
    categories = [c for c in SystemCategory if c in used]
    nodes = tuple(DNode(id=c.value, label=c.label, fill=CATEGORY_FILL[c], tooltip=c.label) for c in categories)
    edges = tuple(
        DEdge(
            tail=tail.value,
            head=head.value,
            label=f"{len(group)} flux",
            tooltip=_at_most(TOOLTIP_FLOWS, [f"{index.flow_tag(f)} : {plain(f.title)}" for f in group], "flux"),
            marks=_marks(c for f in group for c in f.data_categories),
        )
        for (tail, head), group in pairs.items()
    )
    return DiagramSpec(
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
                    *_mark_items(c for f in flows for c in f.data_categories),
                ),
            ),
        ),
    )


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
    flows = flows[: budget.edges]
    edges = tuple(_flow_edge(here, flow, index.flow_tag(flow)) for flow in flows)
    shown = list(dict.fromkeys([i for i in own if any(i in (e.tail, e.head) for e in edges)] + _ends(edges)))
    shown = shown[: budget.nodes]
    edges = tuple(e for e in edges if e.tail in shown and e.head in shown)
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
            nodes=tuple(_node(index, here, ident, bold=ident == service.id) for ident in shown),
            edges=edges,
            clusters=frames if len(own) > 1 else (),
            legend=(_systems_legend(index, shown), *_flow_legend(flows, "Vue et lettre du flux", edges[0].label)),
        ),
    )


# --- flow exchanges -------------------------------------------------------------------------------------------


def exchange_drawings(index: Index, budget: Budget = BUDGET) -> list[Drawing]:
    """For each flow, its emitter, its receiver and the flow between them."""
    return [exchange_drawing(index, flow) for flow in index.flows.values()]


def exchange_drawing(index: Index, flow: Flow) -> Drawing:
    """The exchange of one flow, as its specification page shows it (the badge is the flow itself)."""
    here = site_paths.page("flow", flow.id)
    edge = DEdge(
        tail=flow.emitter,
        head=flow.receiver,
        label=index.flow_tag(flow),
        tooltip=_flow_edge(here, flow, index.flow_tag(flow)).tooltip,
        both=flow.direction == "bidirectional",
        dashed=flow.nature == "manual",
        marks=_marks(flow.data_categories),
    )
    shown = [flow.emitter, flow.receiver]
    return Drawing(
        f"diagrams/flux/{flow.id}.svg",
        here,
        DiagramSpec(
            id=f"echange-{flow.id}",
            title=f"Flux {index.flow_tag(flow)} : {index.services[flow.emitter].name} vers "
            f"{index.services[flow.receiver].name}",
            description=(
                f"{plain(flow.title)}. L'émetteur est à gauche, le récepteur à droite ; "
                + ("le flux va dans les deux sens. " if flow.direction == "bidirectional" else "")
                + "Chaque service ouvre sa page."
            ),
            nodes=tuple(_node(index, here, ident) for ident in shown),
            edges=(edge,),
            legend=(_systems_legend(index, shown), *_flow_legend([flow], "Vue et lettre du flux", edge.label)),
        ),
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
    parts = _split(list(scenario.use_cases), lambda u: _ends_of_steps(u.steps), budget)
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
        legend=_orchestration_legend(edges, uc.number),
        bold=on_path,
    )
    return Drawing(f"diagrams/cas-usage/{uc.id}.svg", here, spec)


FAMILIES: dict[str, Callable[[Index, Budget], list[Drawing]]] = {
    "vues": view_drawings,
    "carte": map_drawings,
    "services": neighbourhood_drawings,
    "cas-usage": path_drawings,
    "flux": exchange_drawings,
}
"""Each family is drawn by its script, ``diagrams/<family>.py``, into ``generated/diagrams/<family>/``."""


# --- shared pieces ----------------------------------------------------------------------------------------------


def _flow_edge(here: str, flow: Flow, label: str) -> DEdge:
    return DEdge(
        tail=flow.emitter,
        head=flow.receiver,
        label=label,
        url=site_paths.url_link(here, site_paths.page("flow", flow.id)),
        tooltip=(
            f"Flux {label} : {plain(flow.title)} ({flow.nature.label.lower()}, {flow.direction.label.lower()} ; "
            f"{', '.join(c.label.lower() for c in flow.data_categories)})"
        ),
        both=flow.direction == "bidirectional",
        dashed=flow.nature == "manual",
        marks=_marks(flow.data_categories),
    )


def _marks(categories: Iterable[DataCategory]) -> tuple[Mark, ...]:
    used = set(categories)
    return tuple(DATA_MARK[c] for c in DataCategory if c in used)


def _mark_items(categories: Iterable[DataCategory]) -> tuple[LegendItem, ...]:
    return tuple(LegendItem(mark.label, "mark", mark=mark) for mark in _marks(categories))


def _node(index: Index, here: str, ident: str, *, bold: bool = False) -> DNode:
    if ident in index.actors:
        actor = index.actors[ident]
        return DNode(id=ident, label=actor.name, shape="ellipse", tooltip=f"{actor.name} (acteur)", bold=bold)
    service = index.services[ident]
    label = service.short_name if service.part_of and service.short_name else service.name
    return DNode(
        id=ident,
        label=label,
        fill=CATEGORY_FILL[service.category],
        url=site_paths.url_link(here, site_paths.page("service", ident)),
        tooltip=f"{service.name} ({service.kind.label}, {service.category.label})",
        bold=bold,
    )


def _systems_legend(index: Index, shown: Iterable[str]) -> LegendSection:
    shown = list(shown)
    used = {index.services[i].category for i in shown if i in index.services}
    items = [LegendItem(c.label, "fill", fill=CATEGORY_FILL[c]) for c in SystemCategory if c in used]
    if any(i in index.actors for i in shown):
        items.append(LegendItem("Acteur", "actor"))
    return LegendSection("Systèmes", tuple(items))


def _flow_legend(flows: Sequence[Flow], badge: str, sample: str) -> tuple[LegendSection, ...]:
    kinds = {(f.nature == "manual", f.direction == "bidirectional") for f in flows}
    lines = [
        LegendItem(f"Flux {nature}, {direction}", "line", dashed=dashed, both=both)
        for dashed, nature in ((False, "automatisé"), (True, "manuel"))
        for both, direction in ((False, "unidirectionnel"), (True, "bidirectionnel"))
        if (dashed, both) in kinds
    ]
    return (
        LegendSection("Flèches", (LegendItem(badge, "badge", text=sample), *lines)),
        LegendSection("Données", _mark_items(c for f in flows for c in f.data_categories)),
    )


def _orchestration_legend(edges: Sequence[DEdge], highlighted: int | None = None) -> tuple[LegendSection, ...]:
    items = [LegendItem("Numéros des cas d'usage", "badge", text="1, 2")]
    if any(not e.both for e in edges):
        items.append(LegendItem("Étape d'un cas d'usage", "line"))
    if any(e.both for e in edges):
        items.append(LegendItem("Étapes dans les deux sens", "line", both=True))
    if highlighted is not None:
        items.append(LegendItem(f"Parcours du cas d'usage {highlighted}", "line", highlight=True))
    return (LegendSection("Flèches", tuple(items)),)


def _ends(edges: Iterable[DEdge]) -> list[str]:
    return list(dict.fromkeys(e for edge in edges for e in (edge.tail, edge.head)))


def _ends_of_steps(steps: Iterable[Step]) -> list[str]:
    return [p for step in steps for p in (step.from_, step.to)]


def _split(items: list[T], ends: Callable[[T], list[str]], budget: Budget) -> list[list[T]]:
    """``items`` in consecutive parts, each part within ``budget``; an item's ends are its nodes.

    An item draws one arrow per pair of its ends (a flow: one; a use case: one per step). A single item
    over budget is a part of its own: the budget test then names it.
    """
    parts: list[list[T]] = [[]]
    nodes: set[str] = set()
    edges = 0
    for item in items:
        touched = ends(item)
        arrows = max(1, len(touched) // 2)
        if parts[-1] and (len(nodes | set(touched)) > budget.nodes or edges + arrows > budget.edges):
            parts.append([])
            nodes, edges = set(), 0
        parts[-1].append(item)
        nodes |= set(touched)
        edges += arrows
    return parts if parts[0] else []


def _at_most(count: int, items: list[str], noun: str) -> str:
    """``items`` joined, the first ``count`` of them then how many more."""
    shown = " ; ".join(items[:count])
    return shown if len(items) <= count else f"{shown} ; … et {len(items) - count} autres {noun}"


def _part(number: int, total: int) -> str:
    return "" if total == 1 else f" (partie {number} sur {total})"

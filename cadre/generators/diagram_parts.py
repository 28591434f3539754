"""What every family of diagrams shares: palette, size budget, nodes, arrows, legends, splitting.

The palette of system and data categories, the size budget, the drawing record, and the splitting of
a schema that exceeds its budget into parts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from cadre.drawing.spec import DEdge, DiagramSpec, DNode, LegendItem, LegendSection, Mark, Tip
from cadre.output import site_paths
from cadre.output.text import plain
from model import DataCategory, Flow, FlowStatus, Index, Leg, Nature, Step, SystemCategory

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

STATUS_TIP: dict[FlowStatus, Tip] = {
    FlowStatus.EXISTING: "filled",
    FlowStatus.IN_PROGRESS: "hollow",
    FlowStatus.TARGET: "ring",
}
"""The tip of a leg's arrow tells its state: filled when it exists, hollow while it is being set up, hollow
behind a ring when it is a target (README « Diagrammes »)."""

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


# --- shared pieces ----------------------------------------------------------------------------------------------


def flow_edges(index: Index, here: str, flow: Flow, label: str) -> tuple[DEdge, ...]:
    """The arrows of ``flow`` on a diagram of page ``here``: one per leg, each with its badge, marks and link.

    Two legs between the same services in opposite directions make one double-headed arrow when they
    share their nature and their state; otherwise each leg is drawn alone, with its own line and tip.
    """
    edges = []
    merged: set[int] = set()
    for n, leg in enumerate(flow.legs):
        if n in merged:
            continue
        back = next(
            (
                m
                for m, other in enumerate(flow.legs)
                if m > n
                and m not in merged
                and (other.from_, other.to) == (leg.to, leg.from_)
                and (other.nature, other.status) == (leg.nature, leg.status)
            ),
            None,
        )
        if back is not None:
            merged.add(back)
        edges.append(_leg_edge(index, here, flow, label, leg, both=back is not None))
    return tuple(edges)


def _leg_edge(index: Index, here: str, flow: Flow, label: str, leg: Leg, *, both: bool) -> DEdge:
    way = "dans les deux sens" if both else "vers"
    conditional = " ; sous condition" if leg.condition else ""
    return DEdge(
        tail=leg.from_,
        head=leg.to,
        label=label,
        url=site_paths.url_link(here, site_paths.page("flow", flow.id)),
        tooltip=(
            f"Flux {label} : {plain(flow.title)} — {index.services[leg.from_].name} {way} "
            f"{index.services[leg.to].name} ({leg.nature.label.lower()}, {leg.status.label.lower()}{conditional} ; "
            f"{', '.join(c.label.lower() for c in flow.data_categories)})"
        ),
        both=both,
        dashed=leg.nature is Nature.MANUAL,
        tip=STATUS_TIP[leg.status],
        marks=marks(flow.data_categories),
    )


def marks(categories: Iterable[DataCategory]) -> tuple[Mark, ...]:
    """The marks of ``categories``, in the order of the legend."""
    used = set(categories)
    return tuple(DATA_MARK[c] for c in DataCategory if c in used)


def mark_items(categories: Iterable[DataCategory]) -> tuple[LegendItem, ...]:
    """The legend entries of the marks of ``categories``."""
    return tuple(LegendItem(mark.label, "mark", mark=mark) for mark in marks(categories))


def node(index: Index, here: str, ident: str, *, bold: bool = False) -> DNode:
    """The box of a service (filled by its system category) or the ellipse of an actor, linked from ``here``."""
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


def systems_legend(index: Index, shown: Iterable[str]) -> LegendSection:
    """The legend of the system categories of the services in ``shown``."""
    shown = list(shown)
    used = {index.services[i].category for i in shown if i in index.services}
    items = [LegendItem(c.label, "fill", fill=CATEGORY_FILL[c]) for c in SystemCategory if c in used]
    if any(i in index.actors for i in shown):
        items.append(LegendItem("Acteur", "actor"))
    return LegendSection("Systèmes", tuple(items))


def flow_legend(edges: Sequence[DEdge], flows: Sequence[Flow], badge: str, sample: str) -> tuple[LegendSection, ...]:
    """The legend of a flow schema: badges, solid or dashed, one or two heads, the tips of the states, data."""
    kinds = {(e.dashed, e.both) for e in edges}
    lines = [
        LegendItem(f"Flux {nature}, {direction}", "line", dashed=dashed, both=both)
        for dashed, nature in ((False, "automatisé"), (True, "manuel"))
        for both, direction in ((False, "un sens"), (True, "deux sens, même nature et même état"))
        if (dashed, both) in kinds
    ]
    tips = {e.tip for e in edges}
    states = [LegendItem(status.label, "line", tip=tip) for status, tip in STATUS_TIP.items() if tip in tips]
    return (
        LegendSection("Flèches", (LegendItem(badge, "badge", text=sample), *lines)),
        LegendSection("État (pointe)", tuple(states)),
        LegendSection("Données", mark_items(c for f in flows for c in f.data_categories)),
    )


def orchestration_legend(edges: Sequence[DEdge], highlighted: int | None = None) -> tuple[LegendSection, ...]:
    """The legend of an orchestration schema: use-case numbers, directions, the highlighted path."""
    items = [LegendItem("Numéros des cas d'usage", "badge", text="1, 2")]
    if any(not e.both for e in edges):
        items.append(LegendItem("Étape d'un cas d'usage", "line"))
    if any(e.both for e in edges):
        items.append(LegendItem("Étapes dans les deux sens", "line", both=True))
    if highlighted is not None:
        items.append(LegendItem(f"Parcours du cas d'usage {highlighted}", "line", highlight=True))
    return (LegendSection("Flèches", tuple(items)),)


def ends(edges: Iterable[DEdge]) -> list[str]:
    """The nodes that ``edges`` join, each once, in order of first appearance."""
    return list(dict.fromkeys(e for edge in edges for e in (edge.tail, edge.head)))


def ends_of_steps(steps: Iterable[Step]) -> list[str]:
    """The participants of ``steps``, in order, with repeats."""
    return [p for step in steps for p in (step.from_, step.to)]


def split(items: list[T], ends: Callable[[T], list[str]], budget: Budget) -> list[list[T]]:
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


def at_most(count: int, items: list[str], noun: str) -> str:
    """``items`` joined, the first ``count`` of them then how many more."""
    shown = " ; ".join(items[:count])
    return shown if len(items) <= count else f"{shown} ; … et {len(items) - count} autres {noun}"


def part(number: int, total: int) -> str:
    """The suffix of a title for part ``number`` of ``total`` (nothing when there is one part)."""
    return "" if total == 1 else f" (partie {number} sur {total})"

"""A small adapter over the ``diagrams`` library that fixes its hazards for generated documentation.

The library draws with random node ids, writes files (and absolute icon paths) and may open a viewer.
Here a diagram is described as data (:class:`DiagramSpec`), drawn with the library's ``Diagram``,
``Cluster``, ``Node`` and ``Edge`` using ids derived from model ids and no icons, piped through
Graphviz in memory, and returned as one self-contained, deterministic SVG text.
"""

from __future__ import annotations

import textwrap
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any

from graphviz import escape, nohtml

import diagrams

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)

FONT = "DejaVu Sans,Verdana,sans-serif"


@dataclass(frozen=True)
class DNode:
    """A box (service) or an oval (actor)."""

    id: str
    label: str
    fill: str = "#FFFFFF"
    url: str | None = None
    tooltip: str = ""
    shape: str = "box"
    bold: bool = False


@dataclass(frozen=True)
class DEdge:
    """An arrow between two nodes."""

    tail: str
    head: str
    label: str
    url: str | None = None
    tooltip: str = ""
    both: bool = False
    dashed: bool = False


@dataclass(frozen=True)
class DCluster:
    """A labelled frame around some nodes."""

    id: str
    label: str
    members: tuple[str, ...]
    fill: str = "#F4F6F8"


@dataclass(frozen=True)
class DiagramSpec:
    """Everything a diagram shows, as plain data."""

    id: str
    title: str
    description: str
    nodes: tuple[DNode, ...]
    edges: tuple[DEdge, ...]
    clusters: tuple[DCluster, ...] = field(default_factory=tuple)
    direction: str = "LR"


class _InMemoryDiagram(diagrams.Diagram):  # type: ignore[misc]
    """``diagrams.Diagram`` that renders to a string instead of files and never opens a viewer."""

    svg: bytes = b""

    def render(self) -> None:
        self.svg = self.dot.pipe(format="svg")

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        try:
            if exc_type is None:
                self.render()
        finally:
            diagrams.setdiagram(None)


def to_dot(spec: DiagramSpec) -> str:
    """The Graphviz source of ``spec`` (what the golden tests compare)."""
    return str(_build(spec).dot)


def render_svg(spec: DiagramSpec) -> str:
    """Render ``spec`` to a self-contained SVG document."""
    diagram = _build(spec)
    diagram.render()
    return _clean_svg(diagram.svg, spec)


def _label(text: str, width: int = 24) -> Any:
    """A Graphviz label showing ``text`` literally, wrapped on several lines."""
    lines = textwrap.wrap(text, width=width) or [""]
    return nohtml(str(escape("\n".join(lines))).replace("\n", "\\n"))


def _build(spec: DiagramSpec) -> _InMemoryDiagram:
    graph_attr = {
        "pad": "0.2",
        "splines": "spline",
        "nodesep": "0.35",
        "ranksep": "0.9",
        "fontname": FONT,
        "fontsize": "12",
        "bgcolor": "white",
        "label": "",
    }
    node_attr = {
        "shape": "box",
        "style": "rounded,filled",
        "fixedsize": "false",
        "width": "1.6",
        "height": "0.5",
        "margin": "0.12,0.06",
        "labelloc": "c",
        "fontname": FONT,
        "fontsize": "11",
        "fontcolor": "#1A1A1A",
        "color": "#4D4D4D",
        "penwidth": "1",
    }
    edge_attr = {"color": "#3D3D3D", "fontname": FONT, "fontsize": "11", "penwidth": "1.3"}
    diagram = _InMemoryDiagram(
        name="",
        filename=spec.id,
        direction=spec.direction,
        curvestyle="curved",
        outformat="svg",
        show=False,
        graph_attr=graph_attr,
        node_attr=node_attr,
        edge_attr=edge_attr,
    )
    with diagram:
        drawn: dict[str, diagrams.Node] = {}
        clustered = {member for cluster in spec.clusters for member in cluster.members}
        by_id = {node.id: node for node in spec.nodes}
        for cluster in spec.clusters:
            frame = {
                "id": f"{spec.id}--cluster-{cluster.id}",
                "bgcolor": cluster.fill,
                "pencolor": "#8A939C",
                "fontname": FONT,
                "fontsize": "12",
                "label": _label(cluster.label, 40),
            }
            with diagrams.Cluster(_label(cluster.label, 40), graph_attr=frame):
                for member in cluster.members:
                    drawn[member] = _node(spec.id, by_id[member])
        for node in spec.nodes:
            if node.id not in clustered:
                drawn[node.id] = _node(spec.id, node)
        for number, edge in enumerate(spec.edges, start=1):
            arrow: dict[str, str] = {
                "id": f"{spec.id}--edge-{number}",
                "label": _label(edge.label, 8),
                "tooltip": escape(edge.tooltip or edge.label),
                "fontcolor": "#1A1A1A",
                "fontname": FONT,
                "fontsize": "11",
            }
            if edge.url:
                arrow["URL"] = edge.url
            if edge.dashed:
                arrow["style"] = "dashed"
            drawn[edge.tail].connect(drawn[edge.head], diagrams.Edge(forward=True, reverse=edge.both, **arrow))
    return diagram


def _node(diagram_id: str, node: DNode) -> diagrams.Node:
    attrs = {
        "id": f"{diagram_id}--node-{node.id}",
        "fillcolor": node.fill,
        "shape": node.shape,
        "tooltip": escape(node.tooltip or node.label),
    }
    if node.shape != "box":
        attrs["style"] = "filled"
    if node.bold:
        attrs["penwidth"] = "2"
    if node.url:
        attrs["URL"] = node.url
    return diagrams.Node(_label(node.label), nodeid=f"n_{node.id.replace('-', '_')}", **attrs)


def _clean_svg(raw: bytes, spec: DiagramSpec) -> str:
    """Strip what Graphviz adds that varies or leaks (version comment, doctype, generic ids, titles)."""
    root = ET.fromstring(raw)
    labels = {f"{spec.id}--node-{n.id}": n.tooltip or n.label for n in spec.nodes}
    labels |= {f"{spec.id}--edge-{i}": e.tooltip or e.label for i, e in enumerate(spec.edges, start=1)}
    for element in root.iter():
        ident = element.get("id")
        if ident and not ident.startswith(f"{spec.id}--"):
            element.set("id", f"{spec.id}--{ident}")
    for group in root.iter(f"{{{SVG_NS}}}g"):
        title = group.find(f"{{{SVG_NS}}}title")
        if title is None:
            continue
        ident = group.get("id", "")
        if group.get("class") == "graph":
            group.remove(title)
        elif ident in labels:
            title.text = labels[ident]
        else:
            group.remove(title)
    tooltip = f"{{{XLINK_NS}}}title"
    for element in root.iter(f"{{{SVG_NS}}}a"):
        if element.get(tooltip) is not None:
            element.set(tooltip, " ".join(element.get(tooltip, "").split()))
    title = ET.Element(f"{{{SVG_NS}}}title", {"id": f"{spec.id}--title"})
    title.text = spec.title
    description = ET.Element(f"{{{SVG_NS}}}desc", {"id": f"{spec.id}--desc"})
    description.text = spec.description
    root.insert(0, description)
    root.insert(0, title)
    root.set("role", "group")
    root.set("aria-labelledby", f"{spec.id}--title {spec.id}--desc")
    root.set("class", "diagramme-svg")
    return ET.tostring(root, encoding="unicode") + "\n"

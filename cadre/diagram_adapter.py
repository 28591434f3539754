"""A small adapter over the ``diagrams`` library that fixes its hazards for generated documentation.

The library draws with random node ids, names clusters after their labels (two frames with one label
merge), writes files (and absolute icon paths) and may open a viewer. Here a diagram is described as
data (:class:`DiagramSpec`), drawn with the library's ``Diagram``, ``Cluster``, ``Node`` and ``Edge``
using ids derived from model ids and no icons, piped through Graphviz in memory, and returned as one
self-contained, deterministic SVG text with its title, description and legend.

The visual grammar, taken from the source's legends:

- a node's fill is its system category; an actor is an ellipse;
- an arrow carries a badge with its letter (flow) or numbers (use cases), followed by one mark per
  data category it carries: each mark has its own shape and colour, never colour alone;
- solid for automated, dashed for manual; one arrow head for one direction, two for both;
- a highlighted path is drawn thick and dark red, the rest of the diagram stays as it is.
"""

from __future__ import annotations

import html
import re
import textwrap
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, Literal

import graphviz
from graphviz import escape, nohtml

import diagrams

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)

FONT = "DejaVu Sans,Verdana,sans-serif"
INK = "#1A1A1A"
LINE = "#3D3D3D"
BORDER = "#4D4D4D"
HIGHLIGHT = "#B3261E"
"""Dark red of a highlighted path: 6.5:1 on white, so that it reads as well as the text."""


@dataclass(frozen=True)
class Mark:
    """A data category carried by a flow: a glyph with its own shape and colour."""

    glyph: str
    colour: str
    label: str


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
    """An arrow between two nodes, with a badge (letter or numbers, then data marks) halfway."""

    tail: str
    head: str
    label: str
    url: str | None = None
    tooltip: str = ""
    both: bool = False
    dashed: bool = False
    marks: tuple[Mark, ...] = ()
    highlight: bool = False


@dataclass(frozen=True)
class DCluster:
    """A labelled frame around some nodes."""

    id: str
    label: str
    members: tuple[str, ...]
    fill: str = "#F4F6F8"


@dataclass(frozen=True)
class LegendItem:
    """One entry of a legend: a sample of what the diagram draws, and what it means."""

    label: str
    kind: Literal["fill", "actor", "mark", "line", "badge"]
    fill: str = "#FFFFFF"
    mark: Mark | None = None
    dashed: bool = False
    both: bool = False
    highlight: bool = False
    text: str = ""


@dataclass(frozen=True)
class LegendSection:
    """A titled line of legend entries."""

    title: str
    items: tuple[LegendItem, ...]


@dataclass(frozen=True)
class DiagramSpec:
    """Everything a diagram shows, as plain data."""

    id: str
    title: str
    description: str
    nodes: tuple[DNode, ...]
    edges: tuple[DEdge, ...]
    clusters: tuple[DCluster, ...] = field(default_factory=tuple)
    legend: tuple[LegendSection, ...] = field(default_factory=tuple)
    direction: str = "LR"


class _InMemoryDiagram(diagrams.Diagram):  # type: ignore[misc]
    """``diagrams.Diagram`` that only describes the graph: no file written, no viewer opened.

    Leaving the ``with`` block does not run Graphviz (the library would, and write a file): the
    layout is done once, by :func:`layout`, on the source this object holds.
    """

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        diagrams.setdiagram(None)


class _Frame(diagrams.Cluster):  # type: ignore[misc]
    """``diagrams.Cluster`` named after a model id rather than its label, so that two frames never merge."""

    def __init__(self, ident: str, label: Any, graph_attr: dict[str, Any]) -> None:
        super().__init__(label, graph_attr=graph_attr)
        self.name = f"cluster_{ident}"
        self.dot.name = self.name


def to_dot(spec: DiagramSpec) -> str:
    """The Graphviz source of ``spec`` (what the golden tests compare)."""
    return str(_build(spec).dot)


def render_svg(spec: DiagramSpec) -> str:
    """Render ``spec`` to a self-contained SVG document, legend included."""
    return finish(layout(to_dot(spec)), spec)


def layout(dot: str) -> bytes:
    """Graphviz's SVG drawing of the source ``dot``: the one slow step, run in a ``dot`` process."""
    data: bytes = graphviz.pipe("dot", "svg", dot.encode("utf-8"))
    return data


def finish(raw: bytes, spec: DiagramSpec) -> str:
    """The SVG document of ``spec`` from Graphviz's drawing ``raw`` of it: cleaned, titled, with its legend."""
    return _clean_svg(raw, spec)


def _label(text: str, width: int = 24) -> Any:
    """A Graphviz label showing ``text`` literally, wrapped on several lines."""
    lines = textwrap.wrap(text, width=width) or [""]
    return nohtml(str(escape("\n".join(lines))).replace("\n", "\\n"))


def _badge(edge: DEdge) -> str:
    """The HTML-like label of an arrow's badge: its text in bold, then its data marks."""
    cells = [f"<td><b>{html.escape(edge.label)}</b></td>"]
    cells += [f'<td><font color="{mark.colour}">{html.escape(mark.glyph)}</font></td>' for mark in edge.marks]
    return f'<<table border="0" cellborder="0" cellspacing="0" cellpadding="1"><tr>{"".join(cells)}</tr></table>>'


def _build(spec: DiagramSpec) -> _InMemoryDiagram:
    graph_attr = {
        "pad": "0.2",
        "splines": "spline",
        "nodesep": "0.3",
        "ranksep": "0.45",
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
        "fontcolor": INK,
        "color": BORDER,
        "penwidth": "1",
    }
    edge_attr = {"color": LINE, "fontname": FONT, "fontsize": "11", "penwidth": "1.3", "arrowsize": "0.8"}
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
                "fontcolor": INK,
            }
            with _Frame(cluster.id, _label(cluster.label, 40), graph_attr=frame):
                for member in cluster.members:
                    drawn[member] = _node(spec.id, by_id[member])
        for node in spec.nodes:
            if node.id not in clustered:
                drawn[node.id] = _node(spec.id, node)
        for number, edge in enumerate(spec.edges, start=1):
            _edge(spec.id, number, edge, drawn)
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
        attrs["penwidth"] = "2.5"
        attrs["color"] = HIGHLIGHT
    if node.url:
        attrs["URL"] = node.url
    return diagrams.Node(_label(node.label), nodeid=_node_id(node.id), **attrs)


def _node_id(ident: str) -> str:
    return "n_" + re.sub(r"[^A-Za-z0-9_]", "_", ident)


def _edge(diagram_id: str, number: int, edge: DEdge, drawn: dict[str, diagrams.Node]) -> None:
    """Tail → badge → head: the badge sits on the arrow, as the circled letters of the source do."""
    colour = HIGHLIGHT if edge.highlight else LINE
    tooltip = escape(edge.tooltip or edge.label)
    badge: dict[str, str] = {
        "id": f"{diagram_id}--edge-{number}",
        "shape": "box",
        "style": "rounded,filled",
        "fillcolor": "#FFFFFF",
        "width": "0.3",
        "height": "0.28",
        "margin": "0.05,0.02",
        "color": colour,
        "penwidth": "2.5" if edge.highlight else "1.3",
        "tooltip": tooltip,
    }
    line: dict[str, str] = {"color": colour, "tooltip": tooltip}
    if edge.highlight:
        line["penwidth"] = "3"
    if edge.dashed:
        line["style"] = "dashed"
    if edge.url:
        badge["URL"] = line["URL"] = edge.url
    middle = diagrams.Node(_badge(edge), nodeid=f"b_{number}", **badge)
    first = diagrams.Edge(forward=False, reverse=edge.both, id=f"{diagram_id}--edge-{number}-a", **line)
    second = diagrams.Edge(forward=True, id=f"{diagram_id}--edge-{number}-b", **line)
    drawn[edge.tail].connect(middle, first)
    middle.connect(drawn[edge.head], second)


# --- the SVG: clean-up and legend ---------------------------------------------------------------------------


def _clean_svg(raw: bytes, spec: DiagramSpec) -> str:
    """Strip what Graphviz adds that varies or leaks (version comment, doctype, generic ids, titles).

    Links keep Graphviz's ``xlink:href`` only: SVG 2's ``href`` is added to the built pages
    (:func:`cadre.post_build.svg_hrefs`), as Zensical would rewrite an ``href`` of raw HTML.
    """
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
    for group in root.iter(f"{{{SVG_NS}}}g"):
        link = group.find(f"{{{SVG_NS}}}g/{{{SVG_NS}}}a")
        if link is None:
            continue
        link.set(tooltip, " ".join(link.get(tooltip, "").split()))
        if group.get("class") == "edge":
            # The two halves of an arrow open the same page as its badge: the mouse can follow
            # them, the keyboard and screen readers meet the link once, on the badge (a half
            # holds no text that could name it).
            link.set("tabindex", "-1")
            link.set("aria-hidden", "true")
    _add_legend(root, spec)
    title = ET.Element(f"{{{SVG_NS}}}title", {"id": f"{spec.id}--title"})
    title.text = spec.title
    description = ET.Element(f"{{{SVG_NS}}}desc", {"id": f"{spec.id}--desc"})
    description.text = spec.description
    root.insert(0, description)
    root.insert(0, title)
    # Its least width (see min_width_rule) is set by the site's stylesheet, not by a style attribute,
    # which the site's Content-Security-Policy refuses.
    root.set("id", svg_id(spec.id))
    root.set("role", "group")
    root.set("aria-labelledby", f"{spec.id}--title {spec.id}--desc")
    root.set("class", "diagramme-svg")
    return ET.tostring(root, encoding="unicode") + "\n"


def svg_id(spec_id: str) -> str:
    """The ``id`` of the ``<svg>`` element of the diagram ``spec_id``."""
    return f"{spec_id}--svg"


def min_width_rule(svg: str) -> str:
    """The CSS rule that keeps the drawing of ``svg`` at least as wide as it is drawn, in pixels.

    Scaled to the page's width, a wide diagram stays at least at three quarters of its size (its text
    at 11 px or more, as many pixels as it has points) and its figure scrolls sideways.
    """
    root = ET.fromstring(svg)
    _, _, width, _ = (float(v) for v in root.get("viewBox", "0 0 0 0").split())
    return f"#{root.get('id')} {{ min-width: {width:.0f}px; }}"


_LEGEND_FONT = 10.0
_ROW = 18.0
_SAMPLE = 24.0
_PAD = 10.0


def _text_width(text: str, size: float = _LEGEND_FONT, *, bold: bool = False) -> float:
    """A slightly generous estimate of the width of ``text`` in DejaVu Sans (the widest font asked for)."""
    narrow = " .,;:'’()il|fjtr"
    width = sum(size * (0.34 if ch in narrow else 0.72 if ch.isupper() else 0.6) for ch in text)
    return width * (1.1 if bold else 1.0)


def _sample_width(item: LegendItem) -> float:
    """Width of the drawing of ``item``: a badge grows with its text."""
    if item.kind == "badge":
        return max(_SAMPLE, _text_width(item.text, 9, bold=True) + 8)
    return _SAMPLE


def _add_legend(root: ET.Element, spec: DiagramSpec) -> None:
    """Draw the legend below the graph and grow the drawing to make room for it."""
    if not spec.legend:
        return
    _, _, width, height = (float(v) for v in root.get("viewBox", "0 0 0 0").split())
    available = max(width, 460.0)
    place = {"id": f"{spec.id}--legende", "class": "legende", "transform": f"translate(0 {height:.2f})"}
    legend = ET.SubElement(root, f"{{{SVG_NS}}}g", place)
    y = _PAD + 4
    _text(legend, _PAD, y, "Légende", bold=True, size=11)
    used = 0.0
    for section in spec.legend:
        y += _ROW
        x = _PAD
        heading = f"{section.title} :"
        _text(legend, x, y, heading, bold=True)
        x += _text_width(heading, bold=True) + 8
        for item in section.items:
            sample = _sample_width(item)
            step = sample + 5 + _text_width(item.label) + 14
            if x + step > available - _PAD and x > _PAD + 40:
                y += _ROW
                x = _PAD + 12
            _sample(legend, x, y, item)
            _text(legend, x + sample + 5, y, item.label)
            x += step
            used = max(used, x)
    total_width = max(width, used + _PAD)
    total_height = height + y + _PAD
    ET.SubElement(
        legend,
        f"{{{SVG_NS}}}line",
        {"x1": f"{_PAD}", "y1": "0", "x2": f"{total_width - _PAD:.2f}", "y2": "0", "stroke": "#C4C9CF"},
    )
    root.set("viewBox", f"0.00 0.00 {total_width:.2f} {total_height:.2f}")
    root.set("width", f"{total_width:.0f}pt")
    root.set("height", f"{total_height:.0f}pt")


def _text(parent: ET.Element, x: float, y: float, text: str, *, bold: bool = False, size: float = _LEGEND_FONT) -> None:
    attrs = {"x": f"{x:.2f}", "y": f"{y:.2f}", "font-family": FONT, "font-size": f"{size:g}", "fill": INK}
    if bold:
        attrs["font-weight"] = "bold"
    element = ET.SubElement(parent, f"{{{SVG_NS}}}text", attrs)
    element.text = text


def _sample(parent: ET.Element, x: float, y: float, item: LegendItem) -> None:
    """A small drawing of what ``item`` explains, on the text line whose baseline is ``y``."""
    middle = y - 3.5
    svg = f"{{{SVG_NS}}}"
    if item.kind == "fill":
        ET.SubElement(
            parent,
            f"{svg}rect",
            {"x": f"{x:.2f}", "y": f"{middle - 6:.2f}", "width": f"{_SAMPLE:g}", "height": "12", "rx": "3"}
            | {"fill": item.fill, "stroke": BORDER},
        )
    elif item.kind == "actor":
        ET.SubElement(
            parent,
            f"{svg}ellipse",
            {"cx": f"{x + _SAMPLE / 2:.2f}", "cy": f"{middle:.2f}", "rx": f"{_SAMPLE / 2:g}", "ry": "6"}
            | {"fill": "#FFFFFF", "stroke": BORDER},
        )
    elif item.kind == "mark" and item.mark is not None:
        glyph = ET.SubElement(
            parent,
            f"{svg}text",
            {"x": f"{x + _SAMPLE / 2:.2f}", "y": f"{y + 1:.2f}", "text-anchor": "middle"}
            | {"font-family": FONT, "font-size": "13", "fill": item.mark.colour},
        )
        glyph.text = item.mark.glyph
    elif item.kind == "badge":
        width = _sample_width(item)
        ET.SubElement(
            parent,
            f"{svg}rect",
            {"x": f"{x:.2f}", "y": f"{middle - 7:.2f}", "width": f"{width:.2f}", "height": "14", "rx": "4"}
            | {"fill": "#FFFFFF", "stroke": LINE, "stroke-width": "1.3"},
        )
        badge = ET.SubElement(
            parent,
            f"{svg}text",
            {"x": f"{x + width / 2:.2f}", "y": f"{y:.2f}", "text-anchor": "middle"}
            | {"font-family": FONT, "font-size": "9", "font-weight": "bold", "fill": INK},
        )
        badge.text = item.text
    else:
        colour = HIGHLIGHT if item.highlight else LINE
        stroke = {"stroke": colour, "stroke-width": "3" if item.highlight else "1.3"}
        if item.dashed:
            stroke["stroke-dasharray"] = "5,2"
        start = x + (5 if item.both else 0)
        ET.SubElement(
            parent,
            f"{svg}line",
            {"x1": f"{start:.2f}", "y1": f"{middle:.2f}", "x2": f"{x + _SAMPLE - 5:.2f}", "y2": f"{middle:.2f}"}
            | stroke,
        )
        _arrow_head(parent, x + _SAMPLE, middle, 1, colour)
        if item.both:
            _arrow_head(parent, x, middle, -1, colour)


def _arrow_head(parent: ET.Element, tip: float, y: float, sense: int, colour: str) -> None:
    back = tip - 6 * sense
    points = f"{tip:.2f},{y:.2f} {back:.2f},{y - 3.5:.2f} {back:.2f},{y + 3.5:.2f}"
    ET.SubElement(parent, f"{{{SVG_NS}}}polygon", {"points": points, "fill": colour, "stroke": colour})

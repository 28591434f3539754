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
import itertools
import re
import textwrap
from collections.abc import Sequence
from types import TracebackType
from typing import Any

import graphviz
from graphviz import escape, nohtml

import diagrams
from cadre.drawing.dot_source import Source
from cadre.drawing.spec import (
    BORDER,
    FONT,
    HIGHLIGHT,
    INK,
    LINE,
    DEdge,
    DiagramSpec,
    DNode,
)
from cadre.drawing.svg import clean_svg


class _InMemoryDiagram(diagrams.Diagram):  # type: ignore[misc]
    """``diagrams.Diagram`` that only describes the graph: no file written, no viewer opened.

    Leaving the ``with`` block does not run Graphviz (the library would, and write a file): the
    layout is done once, by :func:`layout`, on the source this object holds, a
    :class:`~cadre.drawing.dot_source.Source` (the same text, written faster).
    """

    dot: Source

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.dot = Source.like(self.dot)

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        diagrams.setdiagram(None)


class _Frame(diagrams.Cluster):  # type: ignore[misc]
    """``diagrams.Cluster`` as an anonymous subgraph marked ``cluster=true``: two frames never merge.

    The library names a cluster after its label (two frames with one label would merge). A named
    subgraph would not do either: Graphviz 2.43 orders subgraphs by the address of their interned
    name, so the layout would depend on what the ``dot`` process drew before (:func:`layout_many`).
    Anonymous subgraphs are numbered in the order they are read, whatever came before.
    """

    dot: Source

    def __init__(self, label: Any, graph_attr: dict[str, Any]) -> None:
        super().__init__(label, graph_attr={**graph_attr, "cluster": "true"})
        self.name = None
        self.dot = Source.like(self.dot)
        self.dot.name = None


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


def layout_many(sources: Sequence[str]) -> list[bytes]:
    """Graphviz's SVG drawing of each of ``sources``, in order, by one ``dot`` process for them all.

    Starting ``dot`` (loading Pango, Cairo and their forty libraries) costs about 14 ms, more than
    laying out most of our diagrams. One process reads the graphs one after the other and writes one
    SVG document each, and each drawing is the same as by a ``dot`` of its own: the only state a graph
    leaves behind is a counter of anonymous objects, whose order it keeps (:class:`_Frame`), and the
    numbers it shows (``<title>%12</title>``, ``page0,1_graph0``) are stripped or renamed by
    :func:`~cadre.drawing.svg.clean_svg`. ``tests/test_drawing_batch.py`` checks it.

    Raises:
        RuntimeError: ``dot`` did not return one document per source.

    """
    if not sources:
        return []
    data = graphviz.pipe("dot", "svg", "".join(sources).encode("utf-8"))
    documents = [_XML_DECLARATION + part for part in data.split(_XML_DECLARATION)[1:]]
    if len(documents) != len(sources):
        raise RuntimeError(f"Graphviz a rendu {len(documents)} dessins pour {len(sources)} schémas")
    return documents


_XML_DECLARATION = b"<?xml "
"""What starts each SVG document that ``dot`` writes (text in an SVG has its ``<`` escaped)."""


def finish(raw: bytes, spec: DiagramSpec) -> str:
    """The SVG document of ``spec`` from Graphviz's drawing ``raw`` of it: cleaned, titled, with its legend."""
    return clean_svg(raw, spec)


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
    if any(cluster.arrangement != "free" for cluster in spec.clusters):
        graph_attr["remincross"] = "false"  # a last crossing pass would undo the order of rows
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
            with _Frame(_label(cluster.label, 40), graph_attr=frame) as framed:
                for member in cluster.members:
                    drawn[member] = _node(spec.id, by_id[member])
                _arrange(framed, cluster.arrangement, [drawn[m] for m in cluster.members])
        for node in spec.nodes:
            if node.id not in clustered:
                drawn[node.id] = _node(spec.id, node)
        for number, edge in enumerate(spec.edges, start=1):
            _edge(spec.id, number, edge, drawn)
        for tail, head in spec.placing:
            drawn[tail].connect(drawn[head], diagrams.Edge(forward=False, style="invis"))
    return diagram


def _arrange(frame: _Frame, arrangement: str, members: list[diagrams.Node]) -> None:
    """Invisible links that keep a frame's members in a row or a column, in their order."""
    if arrangement == "free" or len(members) < 2:
        return
    if arrangement == "row":
        # Not a frame of its own: a subgraph inherits its frame's ``cluster=true``.
        row = " -> ".join(m.nodeid for m in members)
        frame.dot.body.append(f"\t{{cluster=false; rank=same; {row} [style=invis]}}\n")
        return
    for upper, lower in itertools.pairwise(members):
        upper.connect(lower, diagrams.Edge(forward=False, style="invis", weight="10"))


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


TIP_SHAPE = {"filled": "normal", "hollow": "onormal", "ring": "onormalodot"}
"""Graphviz arrow shape of each tip (:data:`cadre.drawing.spec.Tip`)."""


def _edge(diagram_id: str, number: int, edge: DEdge, drawn: dict[str, diagrams.Node]) -> None:
    """Tail → badge → head: the badge sits on the arrow, as the circled letters of the source do (none if empty)."""
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
    if edge.tip != "filled":
        line["arrowhead"] = line["arrowtail"] = TIP_SHAPE[edge.tip]
    if edge.url:
        badge["URL"] = line["URL"] = edge.url
    if not edge.label and not edge.marks:  # nothing to say on the arrow: no badge (an empty one is not valid DOT)
        plain = diagrams.Edge(forward=True, reverse=edge.both, id=f"{diagram_id}--edge-{number}", **line)
        drawn[edge.tail].connect(drawn[edge.head], plain)
        return
    middle = diagrams.Node(_badge(edge), nodeid=f"b_{number}", **badge)
    first = diagrams.Edge(forward=False, reverse=edge.both, id=f"{diagram_id}--edge-{number}-a", **line)
    second = diagrams.Edge(forward=True, id=f"{diagram_id}--edge-{number}-b", **line)
    drawn[edge.tail].connect(middle, first)
    middle.connect(drawn[edge.head], second)

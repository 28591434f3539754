"""What a diagram is made of, as plain frozen data: nodes, edges, frames, legend; and the palette.

A :class:`DiagramSpec` is all that decides a diagram's SVG (with the code that draws it): its ``repr`` is
stable, so it keys the SVG cache (:mod:`cadre.drawing.rendering`).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import Literal

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


Tip = Literal["filled", "hollow", "ring"]
"""The tip of an arrow: filled, hollow, or hollow behind a ring."""


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
    tip: Tip = "filled"
    marks: tuple[Mark, ...] = ()
    highlight: bool = False


@dataclass(frozen=True)
class DCluster:
    """A labelled frame around some nodes."""

    id: str
    label: str
    members: tuple[str, ...]
    fill: str = "#F4F6F8"
    arrangement: Literal["free", "row", "column"] = "free"
    """``row``: the members side by side in their order; ``column``: stacked in their order (top to bottom
    when the diagram's direction is ``TB``); ``free``: where Graphviz puts them."""


@dataclass(frozen=True)
class LegendItem:
    """One entry of a legend: a sample of what the diagram draws, and what it means."""

    label: str
    kind: Literal["fill", "actor", "mark", "line", "badge"]
    fill: str = "#FFFFFF"
    mark: Mark | None = None
    dashed: bool = False
    both: bool = False
    tip: Tip = "filled"
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
    placing: tuple[tuple[str, str], ...] = field(default_factory=tuple)
    """Invisible links between nodes that only lay them out (the second after the first in ``direction``):
    nothing is drawn, nothing is linked; a diagram without arrows uses them to stack its boxes."""

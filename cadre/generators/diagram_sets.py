"""Every diagram of the site, drawn from the model through the adapter, in six families.

- ``vues``: for each view, the orchestration schema of each scenario (use-case numbers on the arrows)
  and the flow schema (flow letters), grouped as the source groups them;
- ``carte``: the map of all services that exchange flows, and all flows, framed by system category;
- ``services``: for each service that emits or receives flows, its neighbourhood;
- ``cas-usage``: for each use case, its path highlighted on its view's orchestration schema;
- ``flux``: for each flow, the exchange itself, on its specification page;
- ``architecture``: for each view, the functional-architecture figure with the view's blocks highlighted.

A diagram has a size budget (:data:`BUDGET`). A schema that would exceed it is split into parts, and
the map is drawn by system category instead of by service: never a hairball.
"""

from __future__ import annotations

from collections.abc import Callable

from cadre.drawing import svg
from cadre.drawing.rendering import render_all
from cadre.generators.diagram_architecture import architecture_drawings
from cadre.generators.diagram_maps import exchange_drawings, map_drawings, neighbourhood_drawings
from cadre.generators.diagram_parts import (
    BUDGET,
    Budget,
    Drawing,
)
from cadre.generators.diagram_views import path_drawings, view_drawings
from model import Index


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
    """The diagrams of one family (``vues``, ``carte``, ``services``, ``cas-usage``, ``flux``, ``architecture``)."""
    return FAMILIES[family](index, budget)


FAMILIES: dict[str, Callable[[Index, Budget], list[Drawing]]] = {
    "vues": view_drawings,
    "carte": map_drawings,
    "services": neighbourhood_drawings,
    "cas-usage": path_drawings,
    "flux": exchange_drawings,
    "architecture": architecture_drawings,
}
"""Each family is drawn by its script, ``diagrams/<family>.py``, into ``generated/diagrams/<family>/``."""

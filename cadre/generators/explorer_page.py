"""The explorer: the map of services and flows and the table of flows, with filters a reader can share.

The page ``explorateur/index.md`` holds a form of native controls (one list per view, system category,
data category and service, one box per state and nature of the legs), the map of
:func:`~cadre.generators.diagram_maps.map_drawings` with ``data-service`` and ``data-flux`` on its groups
(:func:`cadre.drawing.facets.with_data`), and the table of every flow. The site's script
``docs/javascripts/filtres.js`` shows the form, reads the filter from the page's address, dims what it
leaves out on the map and hides it in the table, using the facets of the explorer's index
(:mod:`cadre.generators.explorer_index`). Without the script, the form stays hidden and the page shows
everything.
"""

from __future__ import annotations

from dataclasses import replace

from cadre.drawing.facets import with_data
from cadre.drawing.rendering import render_all
from cadre.drawing.spec import DiagramSpec
from cadre.generators import diagram_maps
from cadre.generators.diagram_parts import flow_edges
from cadre.generators.filter_forms import FLOW_FACETS, controls, filter_form
from cadre.generators.page_model import Diagram, Page, Paragraphs, Section
from cadre.generators.page_parts import flow_table, render
from cadre.output import site_paths
from cadre.output.text import md
from model import Index

PAGE = "explorateur/index.md"
DIAGRAM = "diagrams/explorateur/carte.svg"


def generate(index: Index) -> dict[str, str]:
    """The explorer's page and its map, with the facets of each group."""
    drawings = diagram_maps.map_drawings(index)
    if not drawings:
        return {}
    drawing = drawings[0]
    (svg,) = render_all([drawing.spec])
    page = explorer_page(index, Diagram(DIAGRAM, _caption(drawing.spec)))
    return {f"{site_paths.DOCS}/{PAGE}": render(page), DIAGRAM: with_data(svg, _attributes(index, drawing.spec))}


def _caption(spec: DiagramSpec) -> str:
    return f"{md(spec.title)} — chaque service et chaque flux ouvre sa page ; la légende suit la carte."


def _attributes(index: Index, spec: DiagramSpec) -> dict[str, dict[str, str]]:
    """``data-service`` on each service's group, ``data-flux`` on each arrow's halves and badge.

    The map drawn by system category (too many services) has neither: the filters then act on the table.
    """
    here = site_paths.MAP
    drawn = [(f.id, edge) for f in index.flows.values() for edge in flow_edges(index, here, f, index.flow_tag(f))]
    if tuple(edge for _, edge in drawn) != spec.edges:
        return {}
    result = {f"{spec.id}--node-{node.id}": {"data-service": node.id} for node in spec.nodes}
    for number, (flow, _) in enumerate(drawn, start=1):
        for suffix in ("", "-a", "-b"):
            result[f"{spec.id}--edge-{number}{suffix}"] = {"data-flux": flow}
    return result


def explorer_page(index: Index, diagram: Diagram) -> Page:
    """The form, the map, then the table of every flow."""
    here = PAGE
    table = replace(flow_table(index, here, list(index.flows.values()), with_view=True), filterable="flow")
    return Page(
        title="Explorer les services et les flux",
        lead=md(
            "La carte de tous les services et de tous les flux, puis le tableau des flux. Les filtres ci-dessous "
            "estompent sur la carte et retirent du tableau ce qui ne leur répond pas : les flux d'une vue, d'une "
            "catégorie de système, d'une catégorie de données ou d'un service et de ses voisins, ceux dont "
            "chaque branche est dans un état ou d'une nature cochés. L'adresse de la page garde le filtre : "
            "copiez-la pour le partager."
        ),
        sections=(
            Section(
                "Filtres",
                (
                    Paragraphs(
                        filter_form(
                            "filtres-flux", controls(index, FLOW_FACETS, on_the_map_only=True), "Filtrer les flux"
                        )
                    ),
                ),
            ),
            # The table follows the map at once: it is the map's text (tests/test_diagrams.py).
            Section("Carte et tableau des flux", (diagram, table)),
        ),
        wide=True,
    )

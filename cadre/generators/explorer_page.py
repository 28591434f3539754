"""The explorer: the map of services and flows and the table of flows, with filters a reader can share.

The page ``explorateur/index.md`` holds a form of native controls (one list per view, system category,
data category and service, one box per state and nature of the legs), the map of
:func:`~cadre.generators.diagram_maps.map_with_members` and the table of every flow. On the map, each box
carries ``data-services`` and each arrow's halves and badge ``data-flux``: the services and the flows it
stands for, separated by spaces (:class:`~cadre.generators.diagram_maps.MapMembers`; one each on the map
of every service, a category's services and a pair of categories' flows on the map drawn by category when
the model is too large), written by :func:`cadre.drawing.facets.with_data`. The site's script
``docs/javascripts/filtres.js`` shows the form, reads the filter from the page's address, dims on the map
a box or an arrow when none of what it stands for answers the filter and hides the other rows of the
table, using the facets of the explorer's index (:mod:`cadre.generators.explorer_index`). Without the
script, the form stays hidden and the page shows everything.
"""

from __future__ import annotations

from dataclasses import replace

from cadre.drawing.facets import with_data
from cadre.drawing.rendering import render_all
from cadre.drawing.spec import DiagramSpec
from cadre.generators import diagram_maps
from cadre.generators.diagram_maps import MapMembers
from cadre.generators.filter_forms import FLOW_FACETS, controls, filter_form
from cadre.generators.page_model import Diagram, Page, Paragraphs, Section
from cadre.generators.page_parts import flow_table, render
from cadre.output import site_paths
from cadre.output.text import md
from model import Index

PAGE = "explorateur/index.md"
DIAGRAM = "diagrams/explorateur/carte.svg"


def generate(index: Index) -> dict[str, str]:
    """The explorer's page and its map, with what each box and arrow stands for."""
    drawn = diagram_maps.map_with_members(index)
    if drawn is None:
        return {}
    drawing, members = drawn
    (svg,) = render_all([drawing.spec])
    page = explorer_page(index, Diagram(DIAGRAM, _caption(drawing.spec, members)))
    return {f"{site_paths.DOCS}/{PAGE}": render(page), DIAGRAM: with_data(svg, _attributes(drawing.spec, members))}


def _caption(spec: DiagramSpec, members: MapMembers) -> str:
    if members.by_category:
        return f"{md(spec.title)} — chaque flèche donne le nombre de flux ; la légende suit la carte."
    return f"{md(spec.title)} — chaque service et chaque flux ouvre sa page ; la légende suit la carte."


def _attributes(spec: DiagramSpec, members: MapMembers) -> dict[str, dict[str, str]]:
    """``data-services`` on each box, ``data-flux`` on each arrow's halves and badge: what each stands for.

    Raises:
        ValueError: ``members`` does not name every box and every arrow of ``spec`` (a map and its
            members are built together: this is a bug, never a reason to drop the attributes).

    """
    nodes = [n.id for n in spec.nodes]
    if sorted(members.services) != sorted(nodes) or len(members.flows) != len(spec.edges):
        raise ValueError(f"la carte « {spec.id} » et ce que représentent ses boîtes et ses flèches diffèrent")
    result = {f"{spec.id}--node-{ident}": {"data-services": " ".join(members.services[ident])} for ident in nodes}
    for number, flows in enumerate(members.flows, start=1):
        for suffix in ("", "-a", "-b"):  # the badge, then the arrow's two halves (cadre.drawing.adapter)
            result[f"{spec.id}--edge-{number}{suffix}"] = {"data-flux": " ".join(flows)}
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

"""The explorer's map names what each box and arrow stands for, so that its filters can dim them.

On the real model, the map of every service: a box is one service, an arrow one flow (the one its link
opens). At ten times the model, the map by system category: a box stands for the services of its
category that emit or receive a flow, an arrow (its badge and its two halves) for the flows of its pair
of categories. The expected lists are computed here from the model, not from the drawing's code.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from cadre.drawing.spec import SVG_NS, XLINK_NS
from cadre.generators import diagram_maps, explorer_page
from cadre.generators.diagram_maps import MapMembers
from model import Index

NODE = "carte--node-"
EDGE = "carte--edge-"


def _groups(svg: str) -> list[ET.Element]:
    """The boxes, badges and arrow halves of the map (Graphviz's ``node`` and ``edge`` groups)."""
    return [g for g in ET.fromstring(svg).iter(f"{{{SVG_NS}}}g") if g.get("class") in ("node", "edge")]


def _lists(svg: str) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """By box, its ``data-services``; by arrow number, its ``data-flux`` (the same on badge and halves)."""
    boxes: dict[str, list[str]] = {}
    arrows: dict[str, list[str]] = {}
    for group in _groups(svg):
        ident = group.get("id", "")
        if ident.startswith(NODE):
            boxes[ident.removeprefix(NODE)] = group.get("data-services", "").split()
        else:
            assert ident.startswith(EDGE), ident
            number = ident.removeprefix(EDGE).removesuffix("-a").removesuffix("-b")
            flows = group.get("data-flux", "").split()
            assert arrows.setdefault(number, flows) == flows, ident  # badge and halves agree
    return boxes, arrows


def test_on_the_real_model_a_box_is_a_service_and_an_arrow_the_flow_it_opens(
    index: Index, outputs: dict[str, str]
) -> None:
    svg = outputs[explorer_page.DIAGRAM]
    boxes, arrows = _lists(svg)
    assert boxes and all(services == [ident] for ident, services in boxes.items())
    opened = {}
    for group in _groups(svg):
        link = group.find(f".//{{{SVG_NS}}}a")
        if group.get("id", "").startswith(EDGE) and link is not None:
            opened[group.get("data-flux")] = link.get(f"{{{XLINK_NS}}}href", "").rstrip("/").rsplit("/", 1)[1]
    assert opened and all(flow == page for flow, page in opened.items())
    assert {f for flows in arrows.values() for f in flows} == set(index.flows)


def test_at_ten_times_the_model_the_map_by_category_names_the_services_and_flows_of_each_box_and_arrow(
    tenfold: Index,
) -> None:
    big = tenfold
    svg = explorer_page.generate(big)[explorer_page.DIAGRAM]
    assert '<title id="carte--title">Carte des flux entre catégories de systèmes</title>' in svg
    category = {s.id: s.category.value for s in big.framework.services}
    exchanging: dict[str, set[str]] = {}
    for flow in big.flows.values():
        for end in flow.ends:
            exchanging.setdefault(category[end], set()).add(end)
    boxes, arrows = _lists(svg)
    assert {box: set(services) for box, services in boxes.items()} == exchanging
    (drawing,) = diagram_maps.map_drawings(big)
    assert sorted(arrows, key=int) == [str(n) for n in range(1, len(drawing.spec.edges) + 1)]
    for number, edge in enumerate(drawing.spec.edges, start=1):
        expected = [
            f.id
            for f in big.flows.values()
            if any(category[e] == edge.tail and category[r] == edge.head for e in f.emitters for r in f.receivers)
        ]
        assert arrows[str(number)] == expected, (edge.tail, edge.head)
        assert edge.label == f"{len(expected)} flux"
    assert {f for flows in arrows.values() for f in flows} == set(big.flows)


def test_a_map_whose_members_do_not_match_it_is_refused(index: Index) -> None:
    drawn = diagram_maps.map_with_members(index)
    assert drawn is not None
    drawing, members = drawn
    one_arrow_short = MapMembers(members.services, members.flows[:-1])
    with pytest.raises(ValueError, match="carte"):
        explorer_page._attributes(drawing.spec, one_arrow_short)

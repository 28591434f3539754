"""The adapter over the diagrams library: stable DOT for a reference diagram, hostile labels kept literal."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from cadre.drawing.adapter import render_svg, to_dot
from cadre.drawing.spec import (
    SVG_NS,
    DCluster,
    DEdge,
    DiagramSpec,
    DNode,
    LegendItem,
    LegendSection,
    Mark,
)

GOLDEN = Path(__file__).parent / "golden"

HEALTH = Mark("✚", "#B71C1C", "Données de santé")

REFERENCE = DiagramSpec(
    id="reference",
    title="Schéma de référence",
    description="Deux services dans un cadre, un acteur, un flux bidirectionnel et un flux manuel.",
    nodes=(
        DNode("usager", "Usager ou son aidant", shape="ellipse"),
        DNode("portail", "Portail de services", fill="#BFE3C8", url="../../services/portail/", tooltip="Portail"),
        DNode("dmp", "DMP", fill="#B9D7F0", url="../../services/dmp/", bold=True),
        DNode("agenda", "Agenda", fill="#B9D7F0"),
    ),
    edges=(
        DEdge("usager", "portail", "1", url="../../cas-usage/cu1/", tooltip="Cas d'usage 1"),
        DEdge("portail", "dmp", "C", url="../../flux/c/", both=True, marks=(HEALTH,), highlight=True),
        DEdge("dmp", "portail", "E", dashed=True),
    ),
    clusters=(
        DCluster("mes", "Mon espace santé", ("dmp",)),
        DCluster("mes-bis", "Mon espace santé", ("agenda",)),
    ),
    legend=(
        LegendSection("Systèmes", (LegendItem("Portails", "fill", fill="#BFE3C8"), LegendItem("Acteur", "actor"))),
        LegendSection(
            "Flèches",
            (
                LegendItem("Lettre du flux", "badge", text="C"),
                LegendItem("Flux manuel, bidirectionnel", "line", dashed=True, both=True),
                LegendItem("Parcours", "line", highlight=True),
            ),
        ),
        LegendSection("Données", (LegendItem(HEALTH.label, "mark", mark=HEALTH),)),
    ),
)


def test_reference_diagram_dot_matches_golden(request: pytest.FixtureRequest) -> None:
    golden = GOLDEN / "reference.dot"
    dot = to_dot(REFERENCE)
    if request.config.getoption("--update-goldens"):
        golden.write_text(dot, encoding="utf-8")
    assert dot == golden.read_text(encoding="utf-8")


def test_reference_diagram_svg_matches_golden(request: pytest.FixtureRequest) -> None:
    golden = GOLDEN / "reference.svg"
    svg = render_svg(REFERENCE)
    if request.config.getoption("--update-goldens"):
        golden.write_text(svg, encoding="utf-8")
    assert svg == golden.read_text(encoding="utf-8")


def test_node_ids_come_from_the_model_and_each_arrow_carries_its_badge() -> None:
    dot = to_dot(REFERENCE)
    assert "n_usager -> b_1" in dot and "b_1 -> n_portail" in dot
    assert "n_portail -> b_2 [" in dot and "dir=back" in dot and "style=dashed" in dot
    assert '<font color="#B71C1C">✚</font>' in dot


def test_frames_with_the_same_label_stay_apart() -> None:
    dot = to_dot(REFERENCE)
    assert dot.count("cluster=true") == 2  # two anonymous frames: never one merged frame
    svg = ET.fromstring(render_svg(REFERENCE))
    frames = [g for g in svg.iter(f"{{{SVG_NS}}}g") if g.get("class") == "cluster"]
    assert sorted(g.get("id", "") for g in frames) == ["reference--cluster-mes", "reference--cluster-mes-bis"]
    assert all(len(frame.findall(f"{{{SVG_NS}}}text")) == 1 for frame in frames)  # each shows its label once


def test_legend_sits_below_the_graph_inside_the_drawing() -> None:
    svg = ET.fromstring(render_svg(REFERENCE))
    legend = svg.find(f"{{{SVG_NS}}}g[@class='legende']")
    assert legend is not None
    texts = [t.text for t in legend.iter(f"{{{SVG_NS}}}text")]
    assert texts[:2] == ["Légende", "Systèmes :"]
    assert {"Portails", "Acteur", "Lettre du flux", "Parcours", "Données de santé", "✚"} <= set(texts)
    graph = next(g for g in svg.iter(f"{{{SVG_NS}}}g") if g.get("class") == "graph")
    graph_bottom = float(graph.get("transform", "").rsplit(" ", 1)[1].rstrip(")"))
    legend_top = float(legend.get("transform", "").removeprefix("translate(0 ").rstrip(")"))
    assert legend_top >= graph_bottom
    _, _, _, height = (float(v) for v in svg.get("viewBox", "").split())
    assert height > legend_top + 4 * 18 and svg.get("height") == f"{height:.0f}pt"


def test_hostile_labels_stay_text() -> None:
    hostile = DiagramSpec(
        id="hostile",
        title='Titre <script>alert("t")</script>',
        description="desc & co",
        nodes=(
            DNode("a", '<b>gras</b>" ] ; n_x -> n_y [label="pwn'),
            DNode("b", "\\N \\G {accolades} <<html>>"),
        ),
        edges=(DEdge("a", "b", "<i>A</i>", tooltip='"}'),),
    )
    svg = render_svg(hostile)
    assert "<script" not in svg and "<b>" not in svg and "<i>" not in svg
    assert "&lt;b&gt;gras&lt;/b&gt;" in svg
    assert svg.count('class="node"') == 3 and svg.count('class="edge"') == 2
    assert "\\N \\G {accolades} &lt;&lt;html&gt;&gt;" in svg

"""The adapter over the diagrams library: stable DOT for a reference diagram, hostile labels kept literal."""

from __future__ import annotations

from pathlib import Path

import pytest

from cadre.diagram_adapter import DCluster, DEdge, DiagramSpec, DNode, render_svg, to_dot

GOLDEN = Path(__file__).parent / "golden"

REFERENCE = DiagramSpec(
    id="reference",
    title="Schéma de référence",
    description="Deux services dans un cadre, un acteur, un flux bidirectionnel et un flux manuel.",
    nodes=(
        DNode("usager", "Usager ou son aidant", shape="ellipse"),
        DNode("portail", "Portail de services", fill="#BFE3C8", url="../../services/portail/", tooltip="Portail"),
        DNode("dmp", "DMP", fill="#B9D7F0", url="../../services/dmp/"),
    ),
    edges=(
        DEdge("usager", "portail", "1", url="../../cas-usage/cu1/", tooltip="Cas d'usage 1"),
        DEdge("portail", "dmp", "C", url="../../flux/c/", both=True),
        DEdge("dmp", "portail", "E", dashed=True),
    ),
    clusters=(DCluster("mes", "Mon espace santé", ("dmp",)),),
)


def test_reference_diagram_dot_matches_golden(request: pytest.FixtureRequest) -> None:
    golden = GOLDEN / "reference.dot"
    dot = to_dot(REFERENCE)
    if request.config.getoption("--update-goldens"):
        golden.write_text(dot, encoding="utf-8")
    assert dot == golden.read_text(encoding="utf-8")


def test_node_ids_come_from_the_model() -> None:
    dot = to_dot(REFERENCE)
    assert "n_usager" in dot and "n_portail -> n_dmp" in dot
    assert "dir=both" in dot and "style=dashed" in dot


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
    assert svg.count('class="node"') == 2 and svg.count('class="edge"') == 1
    assert "\\N \\G {accolades} &lt;&lt;html&gt;&gt;" in svg

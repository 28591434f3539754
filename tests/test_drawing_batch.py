"""Many diagrams drawn by one ``dot`` process come out exactly as each drawn by a ``dot`` of its own.

:func:`cadre.drawing.adapter.layout_many` and :func:`cadre.drawing.rendering.render_all` rely on it to
draw hundreds of diagrams in seconds; deterministic output relies on it too: a diagram must not depend
on what was drawn before it in the same process, nor on how the misses of a run were shared out.
"""

from __future__ import annotations

import random
import xml.etree.ElementTree as ET

import pytest

from cadre.drawing import adapter, rendering
from cadre.drawing.spec import SVG_NS, DiagramSpec
from cadre.generators import diagram_sets
from cadre.output import cache
from model import Index


@pytest.fixture(scope="module")
def specs(index: Index) -> list[DiagramSpec]:
    """Every diagram of the real model, all families."""
    return [d.spec for family in diagram_sets.FAMILIES for d in diagram_sets.drawings(index, family)]


@pytest.fixture(scope="module")
def alone(specs: list[DiagramSpec]) -> list[str]:
    """Each diagram drawn by a ``dot`` process of its own."""
    return [adapter.render_svg(spec) for spec in specs]


def test_one_dot_for_all_draws_each_diagram_as_alone(specs: list[DiagramSpec], alone: list[str]) -> None:
    assert len(specs) > 50
    assert rendering.draw(specs) == alone
    assert rendering.draw(specs[::-1]) == alone[::-1]


def test_any_share_of_the_misses_draws_the_same(specs: list[DiagramSpec], alone: list[str]) -> None:
    shuffled = random.Random(4).sample(range(len(specs)), len(specs))
    assert cache.active(rendering.NAMESPACE) is None  # no cache in the tests: everything is drawn
    for workers in (1, 2, 3):
        drawn = rendering.render_all([specs[i] for i in shuffled], workers=workers)
        assert drawn == [alone[i] for i in shuffled], f"{workers} processus"


def test_each_frame_is_drawn_once_with_its_label(specs: list[DiagramSpec], alone: list[str]) -> None:
    """An anonymous frame's ``cluster=true`` must not make a frame of a row inside it (drawn twice)."""
    for spec, document in zip(specs, alone, strict=True):
        frames = [g for g in ET.fromstring(document).iter(f"{{{SVG_NS}}}g") if g.get("class") == "cluster"]
        assert sorted(g.get("id", "") for g in frames) == sorted(f"{spec.id}--cluster-{c.id}" for c in spec.clusters)


def test_graphviz_numbers_do_not_reach_the_svg(specs: list[DiagramSpec]) -> None:
    """After the first graph of a process, Graphviz names the drawing « page0,1_graph0 » and titles it « %12 »."""
    for document in rendering.draw(specs[:5]):
        assert "page0" not in document and "<title>%" not in document

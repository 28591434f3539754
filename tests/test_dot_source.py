"""The DOT text written with memoised quoting is graphviz's own, for any label, id or attribute."""

from __future__ import annotations

import graphviz
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from cadre.drawing.dot_source import Source

_TEXT = st.text(alphabet=st.sampled_from('ab_9.-<>"\\ \n:{}[];=éN&'), max_size=12)
_VALUE = st.one_of(_TEXT, _TEXT.map(graphviz.nohtml), st.sampled_from(["node", "Graph", "-1.5", "<<b>x</b>>"]))
_ATTRS = st.dictionaries(st.sampled_from(["id", "URL", "tooltip", "shape", "edge", "Node"]), _VALUE, max_size=4)


def _statements(graph: graphviz.Digraph, statements: list[tuple[str, str, str, dict[str, str]]]) -> str:
    for tail, head, label, attrs in statements:
        graph.node(tail, label, **attrs)
        graph.edge(tail, head, label, **attrs)
        graph.attr("node", **attrs)
    return str(graph)


@pytest.mark.filterwarnings("ignore::graphviz.exceptions.DotSyntaxWarning")  # a label ending in one backslash
@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_VALUE, _VALUE, _VALUE, _ATTRS), max_size=4), _ATTRS)
@example([("a:b:c", "node", "x\\", {"tooltip": graphviz.nohtml("<x>")})], {"rankdir": "LR"})
@example([("n", "m", '"q\\"', {"id": "a b", "tooltip": "x\\\\"})], {})
def test_source_writes_what_graphviz_writes(
    statements: list[tuple[str, str, str, dict[str, str]]], graph_attr: dict[str, str]
) -> None:
    reference = graphviz.Digraph("g", graph_attr=graph_attr)
    memoised = Source.like(graphviz.Digraph("g", graph_attr=graph_attr))
    assert _statements(memoised, statements) == _statements(reference, statements)
    assert _statements(memoised, statements) == _statements(reference, statements)  # from the memo this time

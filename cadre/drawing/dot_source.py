"""The DOT text of a diagram: graphviz's ``Digraph``, its quoting memoised.

The ``diagrams`` library writes each node and edge through graphviz's ``Digraph``, which quotes every
attribute name and value: three or four regular expressions each, behind a decorator that checks the
positional arguments. At ten times the model, 750 diagrams make 340,000 such calls for 18,000 distinct
strings, most of the time spent building their sources. :class:`Source` is a ``Digraph`` whose
statements are quoted by graphviz's own functions, each string once: the text is the same, byte for byte
(``tests/test_dot_source.py``, and the golden DOT files of ``tests/test_diagrams.py``). Only graphviz's
warning about a string ending in one backslash is given once per string, not at each use.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from typing import Any

import graphviz
from graphviz import quoting

_MEMO = 1 << 16
"""Strings remembered by each memoised function: a regeneration quotes some 18,000 (labels, ids)."""

quote = functools.lru_cache(maxsize=_MEMO, typed=True)(quoting.quote)
"""graphviz's ``quote``, memoised; ``typed``: a ``nohtml`` string is not quoted as the same ``str``."""

quote_edge = functools.lru_cache(maxsize=_MEMO, typed=True)(quoting.quote_edge)
"""graphviz's ``quote_edge`` (an edge's end, ``node[:port[:compass]]``), memoised."""


def _pairs(mapping: Mapping[Any, Any] | Iterable[tuple[Any, Any]]) -> Iterable[tuple[Any, Any]]:
    """The items of ``mapping`` in graphviz's order: sorted if it is a plain dict, else as they come."""
    if isinstance(mapping, Mapping):
        return sorted(mapping.items()) if type(mapping) is dict else mapping.items()
    return mapping


def a_list(
    label: str | None = None,
    kwargs: Mapping[str, Any] | None = None,
    attributes: Mapping[str, Any] | Iterable[tuple[str, Any]] | None = None,
) -> str:
    """Graphviz's ``quoting.a_list``: ``label``, then ``kwargs``, then ``attributes``, quoted, space-separated."""
    result = [f"label={quote(label)}"] if label is not None else []
    if kwargs:
        result += [f"{quote(k)}={quote(v)}" for k, v in _pairs(kwargs) if v is not None]
    if attributes:
        result += [f"{quote(k)}={quote(v)}" for k, v in _pairs(attributes) if v is not None]
    return " ".join(result)


def attr_list(
    label: str | None = None,
    kwargs: Mapping[str, Any] | None = None,
    attributes: Mapping[str, Any] | Iterable[tuple[str, Any]] | None = None,
) -> str:
    """Graphviz's ``quoting.attr_list``: :func:`a_list` in brackets, or nothing if it is empty."""
    content = a_list(label, kwargs=kwargs, attributes=attributes)
    return f" [{content}]" if content else ""


class Source(graphviz.Digraph):  # type: ignore[misc]
    """graphviz's ``Digraph``, quoting with :func:`quote`, :func:`quote_edge` and :func:`attr_list`."""

    _quote = staticmethod(quote)
    _quote_edge = staticmethod(quote_edge)
    _a_list = staticmethod(a_list)
    _attr_list = staticmethod(attr_list)

    @classmethod
    def like(cls, graph: Any) -> Source:
        """A :class:`Source` with the name, attributes and body of ``graph`` (a ``Digraph`` just made)."""
        return cls(
            graph.name,
            filename=graph.filename,
            strict=graph.strict,
            graph_attr=dict(graph.graph_attr),
            node_attr=dict(graph.node_attr),
            edge_attr=dict(graph.edge_attr),
            body=list(graph.body),
        )

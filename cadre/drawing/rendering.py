"""Rendering many diagrams at once: each SVG cached by what it draws, the misses laid out in parallel.

Graphviz's layout is the costly part of a regeneration. A diagram's
SVG depends only on its :class:`~cadre.drawing.adapter.DiagramSpec` (plain, frozen data whose ``repr``
is stable) and on the code and tools that draw it (:func:`fingerprint`): their hash is the key of its
cache entry. After an edit, only the diagrams whose spec changed go through Graphviz again.

The misses are shared between one process per core (forked: they start with the specs already in
memory), and each draws its share with one ``dot`` process (:func:`~cadre.drawing.adapter.layout_many`:
starting ``dot`` costs more than most layouts). Each drawing is the same as by a ``dot`` of its own,
whoever draws it and whatever it follows (``tests/test_drawing_batch.py``). At ten times the real
model, the 751 diagrams took 9.8 s with a ``dot`` per diagram, waited on by threads.
"""

from __future__ import annotations

import functools
import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from importlib import metadata
from pathlib import Path

import graphviz

from cadre.drawing import adapter, dot_source, spec, svg
from cadre.drawing.spec import DiagramSpec
from cadre.output import cache

NAMESPACE = "svg"


@functools.cache
def fingerprint() -> str:
    """What else than the spec decides an SVG's bytes: the drawing code, the libraries, Graphviz."""
    code = [Path(module.__file__).read_bytes() for module in (adapter, dot_source, spec, svg) if module.__file__]
    versions = [metadata.version(name) for name in ("diagrams", "graphviz")]
    dot = ".".join(str(part) for part in graphviz.version())
    return cache.digest(*code, *versions, dot)


def key(drawn: DiagramSpec) -> str:
    """The cache key of the SVG of ``drawn``."""
    return cache.digest(fingerprint(), repr(drawn))


def _text(payload: bytes | None) -> str | None:
    """An SVG from the cache; None if there is none, or if it is not even text (then drawn again)."""
    try:
        return None if payload is None else payload.decode("utf-8")
    except UnicodeDecodeError:
        return None


PARALLEL_FROM = 40
"""Fewer misses than this are drawn in this process: starting workers would cost more than it saves."""


def draw(specs: Sequence[DiagramSpec]) -> list[str]:
    """The SVG of each of ``specs``, drawn in this process: their sources, one ``dot`` for all, finished."""
    drawings = adapter.layout_many([adapter.to_dot(drawn) for drawn in specs])
    return [adapter.finish(raw, drawn) for raw, drawn in zip(drawings, specs, strict=True)]


def render_all(specs: Sequence[DiagramSpec], workers: int | None = None) -> list[str]:
    """The SVG of each of ``specs``, in order: from the cache in use when it holds it, else drawn.

    ``workers`` is the number of processes that draw the misses (by default, one per core); each stores
    what it drew in the cache, so that the 750 entries of a regeneration from nothing are written in
    parallel too.
    """
    store = cache.active(NAMESPACE)
    keys = [key(drawn) for drawn in specs] if store else []
    found: list[str | None] = [None] * len(specs)
    if store:
        for position, entry in enumerate(keys):
            found[position] = _text(store.get(entry))
    missing = [position for position, document in enumerate(found) if document is None]
    count = min(workers or os.cpu_count() or 1, len(missing)) if len(missing) >= PARALLEL_FROM else 1
    shares = [
        [(specs[position], keys[position] if store else "") for position in missing[part::count]]
        for part in range(count)
    ]
    drawing = functools.partial(_drawn_and_kept, store=store)
    if count > 1:
        with ProcessPoolExecutor(max_workers=count, mp_context=multiprocessing.get_context("fork")) as pool:
            drawn = list(pool.map(drawing, shares))
    else:
        drawn = [drawing(share) for share in shares]
    for part, documents in enumerate(drawn):
        for position, document in zip(missing[part::count], documents, strict=True):
            found[position] = document
            if store:
                store.used.add(keys[position])  # stored by the process that drew it
    return [document for document in found if document is not None]


def _drawn_and_kept(share: Sequence[tuple[DiagramSpec, str]], store: cache.Cache | None) -> list[str]:
    """:func:`draw` of the specs of ``share``, each SVG stored in ``store`` under its key (if a cache is in use)."""
    documents = draw([drawn for drawn, _ in share])
    if store is not None:
        for (_, entry), document in zip(share, documents, strict=True):
            store.put(entry, document.encode("utf-8"))
    return documents

"""The generators in several processes: shares of them in forked children, the result exactly :func:`build`'s.

A regeneration runs every generator: about a second of computation at ten times the model, which other
cores share. The generators are pure functions of the loaded model; children forked once it is loaded
share it without copying it, each runs the generators of its set of :data:`CHILDREN` and sends their
outputs back through a pipe, while the parent runs the others. The outputs are merged in the registry's
order, with the same checks (:func:`cadre.generators.registry.merge`), so the result is byte for byte
:func:`build`'s. The keys of the cache that the children used count for the run
(:func:`cadre.output.cache.note_used`).

If a child fails in any way (an error in a generator, a killed process, no ``fork`` on this system),
the parent runs its share itself, and raises what it raises. A child closes every file it inherited
but its pipe and the standard streams: it holds neither the lock of the tree (:func:`cadre.output.tree.locked`)
nor, under ``mkdocs serve``, the server's socket.
"""

from __future__ import annotations

import gc
import os
import pickle
from collections.abc import Sequence

from cadre.generators.registry import GENERATORS, STEPS, build, merge
from cadre.generators.step import Generator
from cadre.output import cache
from model import Index

CHILDREN = (
    frozenset(
        {
            "cadre.generators.diagram_sets",
            "cadre.generators.entity_pages",
            "cadre.generators.explorer_page",
            "cadre.generators.section_pages",
        }
    ),
)
"""The generators of each child, one child per set; the parent runs the others. One child: half of the
work each, measured at ten times the model (a regeneration 1.2 s → 0.87 s on two idle cores; a third
process gained nothing more, and under load from other programs, none of them gains). The schema files
of a flow are built once per process and asked for by four generators, all left to the parent."""

_Results = list[tuple[int, dict[str, str]]]


def build_forked(index: Index, generators: tuple[Generator, ...] = GENERATORS) -> dict[str, str]:
    """:func:`cadre.generators.build`, the generators of each set of :data:`CHILDREN` run in a forked child.

    Raises:
        ValueError: two generators write one path, or a registered generator writes outside what it owns.

    """
    names = {step.generate: step.name for step in STEPS}
    shares = [[p for p, generator in enumerate(generators) if names.get(generator) in group] for group in CHILDREN]
    shares = [share for share in shares if share]
    if not shares or not hasattr(os, "fork"):
        return build(index, generators)
    children = [_fork(index, generators, share) for share in shares]
    theirs = {position for share in shares for position in share}
    outputs: dict[int, dict[str, str]] = {}
    try:
        outputs.update({p: generator(index) for p, generator in enumerate(generators) if p not in theirs})
    finally:
        received = [_receive(reading, child) for reading, child in children]
    for share, answer in zip(shares, received, strict=True):
        if answer is None:
            outputs.update({position: generators[position](index) for position in share})
        else:
            results, keys = answer
            outputs.update(results)
            cache.note_used(keys)
    return merge((generator, outputs[position]) for position, generator in enumerate(generators))


def _fork(index: Index, generators: tuple[Generator, ...], share: Sequence[int]) -> tuple[int, int]:
    """A child running the generators at ``share``: the end of its pipe to read, and its process id."""
    reading, writing = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child ends with os._exit
        _child(index, generators, share, writing)
    os.close(writing)
    return reading, child


def _child(index: Index, generators: tuple[Generator, ...], theirs: Sequence[int], writing: int) -> None:
    """Run the generators at ``theirs``, write their outputs and the cache keys used to ``writing``, exit."""
    code = 1
    try:
        gc.disable()  # a collection would touch, hence copy, every page of the parent's heap it inherits
        os.closerange(3, writing)
        os.closerange(writing + 1, os.sysconf("SC_OPEN_MAX"))
        results: _Results = [(position, generators[position](index)) for position in theirs]
        payload = pickle.dumps((results, cache.used()), protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(writing, "wb") as stream:
            stream.write(payload)
        code = 0
    finally:
        os._exit(code)


def _receive(reading: int, child: int) -> tuple[_Results, dict[str, set[str]]] | None:
    """What the child sent, once it has exited; None if it failed."""
    with os.fdopen(reading, "rb") as stream:
        payload = stream.read()
    _, status = os.waitpid(child, 0)
    if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
        return None
    try:
        received: tuple[_Results, dict[str, set[str]]] = pickle.loads(payload)  # from our own child
    except (pickle.UnpicklingError, EOFError, ValueError, TypeError):
        return None
    return received

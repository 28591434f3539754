"""Generators: the model in, ``{path: text}`` out, for everything under ``generated/``.

Second stage of the pipeline (after :mod:`model`, before :mod:`cadre.drawing` draws the diagrams they
describe and :mod:`cadre.site` assembles the site). Each module makes one kind of output; the registry
(:mod:`cadre.generators.registry`) lists them in order with what they own.

Public surface: :data:`STEPS`, :data:`GENERATORS`, :class:`Step`, :data:`Generator`, :func:`build` and
:func:`build_forked` (the same outputs, the generators shared between two processes).
"""

from cadre.generators.forked import build_forked
from cadre.generators.registry import GENERATORS, STEPS, build
from cadre.generators.step import Generator, Step

__all__ = ["GENERATORS", "STEPS", "Generator", "Step", "build", "build_forked"]

"""Drawing: diagram specifications in, accessible SVG out, through the ``diagrams`` library and Graphviz.

Third stage of the pipeline: :mod:`cadre.generators.diagram_sets` says what each diagram shows (a
:class:`~cadre.drawing.spec.DiagramSpec`, plain frozen data); this package lays it out and cleans it.

Public surface:

- :mod:`~cadre.drawing.spec`: what a diagram is made of (nodes, edges, clusters, legend) and the palette;
- :mod:`~cadre.drawing.adapter`: one spec to DOT and to SVG (``to_dot``, ``render_svg``, ``layout``,
  ``finish``);
- :mod:`~cadre.drawing.rendering`: many specs at once, cached, the misses laid out in parallel
  (``render_all``);
- :mod:`~cadre.drawing.facets`: ``data-…`` attributes on the groups of a drawn SVG (``with_data``).
"""

from cadre.drawing import adapter, facets, rendering, spec

__all__ = ["adapter", "facets", "rendering", "spec"]

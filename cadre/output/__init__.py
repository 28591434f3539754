"""What every stage writes with: escaping, the site's paths, the cache and atomic output trees.

Not a stage of the pipeline but its floor: the generators, the drawing and the site assembly all write
through these modules, and none of them imports anything else of ``cadre``.

Public surface:

- :mod:`~cadre.output.text`: the one escaping path from model text to Markdown (``md``, ``blocks``,
  ``link``, ``nav``; the ``Markdown`` and ``Href`` types);
- :mod:`~cadre.output.site_paths`: where each entity's page lives, and relative links between pages;
- :mod:`~cadre.output.cache`: the content-addressed cache of YAML parses and SVGs (``.cache/cadre/``);
- :mod:`~cadre.output.yaml_ahead`: the model's YAML files parsed on two cores into the cache (``parse_ahead``);
- :mod:`~cadre.output.tree`: a whole tree (``generated/``, ``site/``) replaced at once, one run at a time;
- :mod:`~cadre.output.writer`: ``generated/`` written or compared (the freshness check).
"""

from cadre.output import cache, site_paths, text, tree, writer, yaml_ahead

__all__ = ["cache", "site_paths", "text", "tree", "writer", "yaml_ahead"]

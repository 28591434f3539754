"""Site assembly: the source tree of the site as files, and what every build gets after its generator.

Fourth stage of the pipeline: it reads ``docs/`` and ``generated/`` and writes ``build/site-src/``, a
tree that any site generator only turns from Markdown into HTML (:mod:`cadre.publish` runs one), then
finishes the built pages the same way whichever generator built them.

Public surface:

- :mod:`~cadre.site.assemble`: ``build/site-src/`` (``assemble``, ``SOURCE``, ``Assembly`` for the preview);
- :mod:`~cadre.site.menu`: the menu as literate-nav reads it from the ``SUMMARY.md`` files;
- :mod:`~cadre.site.print_view`: the printable page of each part of the menu;
- :mod:`~cadre.site.print_fill`: those pages filled with their part's pages after the build;
- :mod:`~cadre.site.diagrams`: a diagram's placeholder in the tree, the SVG itself in the built page;
- :mod:`~cadre.site.glossary`: the glossary's definitions that each page needs;
- :mod:`~cadre.site.archive`: the deterministic zip of every schema;
- :mod:`~cadre.site.post_build`: after the build (diagrams, print view, search accents, CSP);
- :mod:`~cadre.site.csp`: the Content-Security-Policy and the check of every page against it
  (:mod:`~cadre.site.csp_scan`, its quick reading of a plain page).
"""

from cadre.site import archive, assemble, csp, csp_scan, diagrams, glossary, menu, post_build, print_fill, print_view

__all__ = [
    "archive",
    "assemble",
    "csp",
    "csp_scan",
    "diagrams",
    "glossary",
    "menu",
    "post_build",
    "print_fill",
    "print_view",
]

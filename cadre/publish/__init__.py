"""Site generator glue: run MkDocs or Zensical on the assembled tree, and the live preview.

Last stage of the pipeline, and the only one that knows a site generator: everything a reader sees is
in the assembled tree before it runs (:mod:`cadre.site`). Swapping the generator touches only this
package.

Public surface:

- :mod:`~cadre.publish.build`: ``python -m cadre.publish [--generator mkdocs|zensical]``
  (``build_site``), strict build aside, finished by :mod:`cadre.site.post_build`, then ``site/`` swapped;
- :mod:`~cadre.publish.preview`: what ``make serve`` redoes after an edit (``regenerate``, ``stale``);
- :mod:`~cadre.publish.mkdocs_hooks`: MkDocs' hooks, for the preview only (``mkdocs.yml``, ``hooks:``);
- :mod:`~cadre.publish.griffe_model`: the Griffe extension of the model's reference page.

Nothing is imported here: the hooks and the Griffe extension are loaded by MkDocs from their files.
"""

__all__ = ["build", "griffe_model", "mkdocs_hooks", "preview"]

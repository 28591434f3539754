"""Site generator glue: run MkDocs or Zensical on the assembled tree, and the live preview.

Last stage of the pipeline, and the only one that knows a site generator: everything a reader sees is
in the assembled tree before it runs (:mod:`cadre.site`). Swapping the generator touches only this
package.

Public surface:

- :mod:`~cadre.publish.build`: ``python -m cadre.publish [--generator mkdocs|zensical]``
  (``build_site``), strict build aside, finished by :mod:`cadre.site.post_build`, then ``site/`` swapped;
- :mod:`~cadre.publish.preview`: what ``make serve`` redoes after an edit (``regenerate``, ``stale``);
- :mod:`~cadre.publish.mkdocs_hooks`: MkDocs' hooks (``mkdocs.yml``, ``hooks:``), for the preview and to share
  a full build between processes;
- :mod:`~cadre.publish.parallel`: a full ``mkdocs build`` on every core, to the same bytes as on one
  (``start``, ``render``, ``finish``, called by the hooks); ``CADRE_BUILD_PROCESSES=1`` turns it off;
- :mod:`~cadre.publish.forking`: tasks shared between forked processes, results taken back in order
  (``Farm``, ``processes``);
- :mod:`~cadre.publish.griffe_model`: the Griffe extension of the model's reference page;
- :mod:`~cadre.publish.first_abbr`: the Markdown extension both generators load (``markdown_extensions``),
  an acronym's hover on its first occurrence in a page only.

Nothing is imported here: the hooks and the extensions are loaded by their generator from their files or
by their module's name.
"""

__all__ = ["build", "first_abbr", "forking", "griffe_model", "mkdocs_hooks", "parallel", "preview"]

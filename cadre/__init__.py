"""What we make of the model: its pages, diagrams, JSON and schemas, then the site.

The packages follow the pipeline, and a package imports only those before it (``tests/test_architecture.py``):
``model`` (reading the model, outside this package) → :mod:`cadre.generators` → :mod:`cadre.drawing` (the
diagrams the generators describe) → ``generated/`` (:mod:`cadre.generate`) → :mod:`cadre.site` (the
assembled tree) → :mod:`cadre.publish` (MkDocs or Zensical). :mod:`cadre.output` is their common floor;
:mod:`cadre.editor` and :mod:`cadre.bench` stand apart.

Public surface: the command line, ``python -m cadre validate | generate | assemble | diff | new``
(:mod:`cadre.__main__`); :func:`cadre.generate.run_generate`; the scripts of ``diagrams/`` run
:func:`cadre.diagram_script.main`. Nothing is imported here.
"""

__all__ = ["bench", "drawing", "editor", "generators", "output", "publish", "site"]

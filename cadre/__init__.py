"""What we make of the model: generators of diagrams, pages and JSON, their writer and the CLI.

One direction of travel: ``model`` → generators (pure functions returning ``{path: text}``) →
:mod:`cadre.output.writer` → ``generated/`` → MkDocs site.
"""

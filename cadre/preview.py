"""What ``make serve`` redoes after an edit: regenerate what changed, then rebuild only the pages it touched.

``make serve`` runs ``mkdocs serve --dirty``: on each rebuild MkDocs renders again only the pages whose
source is newer than their output. The regeneration rewrites only the files whose bytes change, so an
edited flow's page is rendered again and the hundreds of others are not. Two kinds of change are
invisible to that rule, and :func:`stale` names them for the MkDocs hook (``cadre/mkdocs_hooks.py``):

- a diagram: a page includes its SVG (``--8<--``) without changing itself, so the pages that include a
  changed SVG are rendered again;
- what every page shows: the menu (a ``SUMMARY.md``, a page added or removed) or the glossary's
  hovers (``abbreviations.md``, appended to every page): then every page is rendered again.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from cadre import tree, writer
from cadre.generate import outputs_of
from model import ModelError

SHARED = ("abbreviations.md",)
"""Generated files that every page includes."""

DOWNLOADS = ("framework.json", "schemas/", "docs/stylesheets/")
"""Generated files that no page includes (MkDocs copies them again when they change)."""


@dataclass(frozen=True)
class Stale:
    """Pages to render again although their own source did not change."""

    everything: bool = False
    diagrams: frozenset[str] = field(default_factory=frozenset)
    """Changed SVGs, as pages include them (``diagrams/vues/mes-flux.svg``)."""

    def includes(self, markdown: str) -> bool:
        """Whether a page whose source is ``markdown`` must be rendered again."""
        return self.everything or any(f'--8<-- "{path}"' in markdown for path in self.diagrams)


def stale(changes: writer.Changes) -> Stale:
    """The pages that ``changes`` (of ``generated/``) make stale beyond those whose source changed."""
    if changes.added or changes.removed:
        return Stale(everything=True)
    diagrams = set()
    for path in changes.changed:
        if path.startswith("docs/") and path.endswith(".md") and not path.endswith("/SUMMARY.md"):
            continue  # the page itself: MkDocs sees that its source is newer
        if path.startswith(DOWNLOADS):
            continue
        if path.startswith("diagrams/") and path.endswith(".svg"):
            diagrams.add(path)
            continue
        return Stale(everything=True)  # a menu, the glossary's hovers, or anything unknown: be safe
    return Stale(diagrams=frozenset(diagrams))


def regenerate(root: Path) -> Stale | None:
    """Bring ``root/generated`` up to date (incrementally); the pages it makes stale, None on a model error.

    On a model error, its report is printed and ``generated/`` is left as it was. Like ``generate``, it
    holds the lock of ``root`` and replaces the tree at once (:mod:`cadre.writer` says why the running
    server keeps watching it).

    Raises:
        cadre.tree.TreeError: another run holds the lock, or the tree could not be written.

    """
    target = root / "generated"
    with tree.locked(root, "régénérer generated/"):
        tree.recover(target)
        try:
            outputs = outputs_of(root)
        except ModelError as error:
            print(error.report(), file=sys.stderr)
            return None
        changes = writer.write(outputs, target)
    if changes:
        print(f"generated/ mis à jour :\n{changes.summary()}")
    return stale(changes)


def latest_entries(docs: list[dict[str, str]]) -> list[dict[str, str]]:
    """Each page's entries from its latest rendering only.

    After a dirty rebuild of several pages, Material's search index holds a page's previous entries and
    its new ones (appended at the end, each page's entries together): keep the last run of each page.
    """
    kept: list[dict[str, str]] = []
    done: set[str] = set()
    current = None
    for doc in reversed(docs):
        page = doc.get("location", "").split("#", 1)[0]
        if page != current:
            if current is not None:
                done.add(current)
            current = page
        if page not in done:
            kept.append(doc)
    return kept[::-1]

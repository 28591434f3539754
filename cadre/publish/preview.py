"""What ``make serve`` redoes after an edit: regenerate, reassemble, then rebuild only the pages it touched.

``make serve`` runs ``mkdocs serve --dirty``: on each rebuild MkDocs renders again only the pages whose
source (in the assembled tree ``build/site-src/``, :mod:`cadre.site.assemble`) is newer than their output.
The regeneration and the assembly rewrite only the files whose bytes change, so an edited flow's page is
rendered again and the hundreds of others are not; a page whose diagram or glossary hovers change
changes itself, since its source holds a digest of each diagram and the definitions of its acronyms.
What every page shows besides its own source is invisible to that rule, and :func:`stale` names it for
the MkDocs hook (``cadre/publish/mkdocs_hooks.py``): the menu (a ``SUMMARY.md``, a page added or
removed), or anything this module does not know.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from cadre.generate import outputs_of
from cadre.output import cache, tree, writer
from cadre.site import assemble
from model import ModelError

UNSHOWN = (f"{assemble.DOWNLOADS}/", "stylesheets/", "javascripts/")
"""Files of the assembled tree that no page includes (MkDocs copies them again when they change)."""


@dataclass(frozen=True)
class Stale:
    """Pages to render again although their own source did not change."""

    everything: bool = False


def stale(changes: writer.Changes) -> Stale:
    """The pages that ``changes`` (of the assembled tree) make stale beyond those whose source changed."""
    if changes.added or changes.removed:
        return Stale(everything=True)
    for path in changes.changed:
        if path.endswith(".md") and not path.endswith("SUMMARY.md"):
            continue  # the page itself: MkDocs sees that its source is newer
        if path.startswith(UNSHOWN):
            continue
        return Stale(everything=True)  # a menu, or anything unknown: be safe
    return Stale()


class Session:
    """What the preview remembers from one rebuild to the next: the trees it wrote, and the assembly.

    After an edit of the model, it is loaded and every generator runs, as ``generate`` does (after an edit
    of ``docs/`` only, the outputs are those of the previous rebuild); then the outputs are
    compared in memory with those of the previous rebuild (a file whose ``stat`` changed since is read
    back), only the files that differ are written, in place (:func:`cadre.output.writer.update`), and only
    the pages of the assembled tree whose inputs changed are assembled again
    (:class:`cadre.site.assemble.Assembly`). The trees are what ``generate`` and ``assemble`` would write.
    """

    def __init__(self) -> None:
        self.generated: writer.Written | None = None
        self.assembled: writer.Written | None = None
        self.assembly = assemble.Assembly()
        self.model: tuple[str, dict[str, str]] | None = None
        """The hash of the model's files at the last regeneration that succeeded, and its outputs."""

    def _outputs(self, root: Path) -> dict[str, str] | None:
        """The outputs of the model under ``root``; None on a model error, reported.

        The same as last time, without loading the model, when none of its files changed (an edit of
        ``docs/`` only).
        """
        digest = _model_digest(root)
        if self.model is not None and self.model[0] == digest:
            return self.model[1]
        self.model = None
        try:
            outputs = outputs_of(root, prune=False)
        except ModelError as error:
            print(error.report(), file=sys.stderr)
            return None
        self.model = (digest, outputs)
        return outputs

    def regenerate(self, root: Path) -> Stale | None:
        """Bring ``root/generated`` and the assembled tree up to date; the pages it makes stale.

        None on a model error: its report is printed, ``generated/`` is left as it was, and the tree is
        assembled again all the same (for an edit of ``docs/``). Like ``generate``, it holds the lock of
        ``root``, and a run killed at any moment leaves each tree old or new once recovered
        (:mod:`cadre.output.journal`).

        Raises:
            cadre.output.tree.TreeError: another run holds the lock, or a tree could not be written or assembled.

        """
        target, source = root / "generated", root / assemble.SOURCE
        with tree.locked(root, "régénérer generated/"):
            tree.recover(target)
            tree.recover(source)
            outputs = self._outputs(root)
            if outputs is not None:
                changes, self.generated = writer.update(outputs, target, self.generated)
                if changes:
                    print(f"generated/ mis à jour :\n{changes.summary()}")
                generated: Mapping[str, str | bytes] = self.generated.contents
            else:
                self.generated = None  # generated/ may hold anything: read it back
                generated = assemble.read_generated(root)
            tree_ = self.assembly.outputs(assemble.read_tree(root / "docs"), generated)
            assembled, self.assembled = writer.update(tree_, source, self.assembled)
        return None if outputs is None else stale(assembled)


def _model_digest(root: Path) -> str:
    """The hash of every file the model is read from: ``model/content/`` and ``model/releases/``."""
    model = root / "model"
    files = sorted(p for folder in ("content", "releases") for p in (model / folder).rglob("*") if p.is_file())
    return cache.digest(*(part for path in files for part in (path.relative_to(model).as_posix(), path.read_bytes())))


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

"""The one place that touches ``generated/``: the whole tree replaced at once, and the freshness check.

:func:`write` builds the new tree beside the old one and swaps them (:mod:`cadre.output.tree`): a run killed at
any moment leaves ``generated/`` complete, old or new. The files whose bytes do not change are
hard-linked from the old tree, not written: they keep their inode and mtime, so that ``mkdocs serve
--dirty`` renders again only the pages whose source changed (:mod:`cadre.publish.preview`). The preview swaps
the tree too: MkDocs 1.6 watches ``generated/`` by polling its path (watchdog's ``PollingObserver``),
and the exchange keeps that path valid at every instant; ``tests/test_preview.py`` edits the model of a
running ``mkdocs serve`` twice.
"""

from __future__ import annotations

import errno
import os
import shutil
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from cadre.output import tree


@dataclass
class Changes:
    """What writing (or checking) an output set changes in the output directory."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed)

    def summary(self) -> str:
        """One line per changed file, prefixed with +, ~ or -."""
        lines = [f"  + {p}" for p in self.added]
        lines += [f"  ~ {p}" for p in self.changed]
        lines += [f"  - {p}" for p in self.removed]
        return "\n".join(lines)


def _bytes(content: str | bytes) -> bytes:
    return content.encode("utf-8") if isinstance(content, str) else content


def compare(outputs: Mapping[str, str | bytes], directory: Path) -> Changes:
    """What :func:`write` would change in ``directory`` to make it hold exactly ``outputs``."""
    changes = Changes()
    existing = _existing(directory)
    for relative in sorted(outputs):
        target = directory / relative
        if relative not in existing:
            changes.added.append(relative)
        elif target.read_bytes() != _bytes(outputs[relative]):
            changes.changed.append(relative)
    changes.removed = sorted(existing - set(outputs))
    return changes


def write(outputs: Mapping[str, str | bytes], directory: Path) -> Changes:
    """Make ``directory`` hold exactly ``outputs`` by replacing it at once; unchanged files keep their inode.

    Nothing is written when nothing changes. The caller holds :func:`cadre.output.tree.locked`.

    Raises:
        cadre.output.tree.TreeError: the tree could not be written (disk full, read-only…); it is untouched.

    """
    for relative in outputs:
        _check_relative(relative)
    changes = compare(outputs, directory)
    if not changes:
        return changes
    fresh = set(changes.added + changes.changed)
    made: set[Path] = set()  # one mkdir per folder, not one per file (5,000 files at ten times the model)
    with tree.replacing(directory) as staging:
        for relative in sorted(outputs):
            target = staging / relative
            if target.parent not in made:
                target.parent.mkdir(parents=True, exist_ok=True)
                made.add(target.parent)
            if relative in fresh:
                target.write_bytes(_bytes(outputs[relative]))
            else:
                _link_or_copy(directory / relative, target)
    return changes


def _link_or_copy(source: Path, target: Path) -> None:
    """A hard link to ``source`` (same inode, same mtime), or a copy keeping its mtime."""
    try:
        os.link(source, target)
    except OSError as error:
        if error.errno not in (errno.EXDEV, errno.EPERM, errno.EMLINK, errno.ENOTSUP):
            raise
        shutil.copy2(source, target)


def _check_relative(relative: str) -> None:
    parts = relative.split("/")
    if relative.startswith("/") or any(p in {"", ".", ".."} for p in parts) or "\\" in relative:
        raise ValueError(f"chemin de sortie refusé : {relative!r}")


def _existing(directory: Path) -> set[str]:
    if not directory.is_dir():
        return set()
    return {
        p.relative_to(directory).as_posix()
        for p in directory.rglob("*")
        if p.is_file() and not p.name.startswith(".tmp-")
    }

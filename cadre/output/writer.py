"""The one place that touches ``generated/``: the whole tree replaced at once, and the freshness check.

:func:`write` builds the new tree beside the old one and swaps them (:mod:`cadre.output.tree`): a run killed at
any moment leaves ``generated/`` complete, old or new. The files whose bytes do not change are
hard-linked from the old tree, not written: they keep their inode and mtime, so that ``mkdocs serve
--dirty`` renders again only the pages whose source changed (:mod:`cadre.publish.preview`).

The preview changes a few files of large trees after each edit: :func:`update` writes only those, in
place and all together (:mod:`cadre.output.journal`), and remembers what it wrote (:class:`Written`) so
that the next update compares in memory the files whose ``stat`` has not changed instead of reading
them back.
"""

from __future__ import annotations

import errno
import os
import shutil
import threading
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from cadre.output import journal, tree

_Item = tuple[str, str | bytes]
"""A file of an output set: its relative path and its content."""

Signature = tuple[int, int, int]
"""A file's size, modification time (ns) and inode: it changes whenever the file is written or replaced."""


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
    return _changes(outputs, directory, _scan(directory), None)


@dataclass(frozen=True)
class Written:
    """What :func:`update` left in a tree: each file's content, and its :data:`Signature` then."""

    contents: Mapping[str, str | bytes]
    signatures: Mapping[str, Signature]


def _changes(
    outputs: Mapping[str, str | bytes], directory: Path, present: Mapping[str, Signature], known: Written | None
) -> Changes:
    changes = Changes()
    for relative in sorted(outputs):
        signature = present.get(relative)
        if signature is None:
            changes.added.append(relative)
        elif not _holds(directory / relative, signature, outputs[relative], _known(known, relative, signature)):
            changes.changed.append(relative)
    changes.removed = sorted(set(present) - set(outputs))
    return changes


def _known(known: Written | None, relative: str, signature: Signature) -> str | bytes | None:
    """What ``known`` says the file holds, if it was not touched since (same signature)."""
    if known is None or known.signatures.get(relative) != signature:
        return None
    return known.contents.get(relative)


def _holds(path: Path, signature: Signature, content: str | bytes, known: str | bytes | None) -> bool:
    """Whether the file at ``path`` holds ``content``: in memory if known, by its size, else read."""
    if known is not None:
        return known == content if type(known) is type(content) else _bytes(known) == _bytes(content)
    data = _bytes(content)
    return signature[0] == len(data) and path.read_bytes() == data


def update(
    outputs: Mapping[str, str | bytes], directory: Path, known: Written | None = None
) -> tuple[Changes, Written]:
    """Make ``directory`` hold exactly ``outputs`` by writing in place only what changes, all or nothing.

    ``known`` is what the previous update wrote; a file whose signature is still the one it recorded is
    compared in memory. The caller holds :func:`cadre.output.tree.locked` and has run
    :func:`cadre.output.tree.recover`.

    Raises:
        cadre.output.tree.TreeError: the files could not be written (disk full, read-only…); the tree is
            untouched, or the next recovery finishes the update.

    """
    for relative in outputs:
        _check_relative(relative)
    present = _scan(directory)
    changes = _changes(outputs, directory, present, known)
    fresh = changes.added + changes.changed
    signatures = {relative: present[relative] for relative in outputs if relative in present}
    if changes:
        try:
            directory.mkdir(parents=True, exist_ok=True)
            journal.apply(directory, {relative: _bytes(outputs[relative]) for relative in fresh}, changes.removed)
            signatures.update({relative: _signature(directory / relative) for relative in fresh})
        except OSError as error:
            raise tree.TreeError(tree.explain(error, directory)) from error
    return changes, Written(outputs, signatures)


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
    with tree.replacing(directory) as staging:
        folders = sorted({(staging / relative).parent for relative in outputs})
        for folder in folders:  # one mkdir per folder, not one per file (5,000 files at ten times the model)
            folder.mkdir(parents=True, exist_ok=True)
        items = sorted(outputs.items())
        size = -(-len(items) // WRITERS)  # each thread its run of folders: no two create in one folder at once
        _in_parallel(
            lambda item: _put(staging / item[0], item[1], fresh=item[0] in fresh, old=directory / item[0]),
            [items[start : start + size] for start in range(0, len(items), size)],
        )
    return changes


WRITERS = 2
"""Threads that create the files of a new tree. Creating a file costs the kernel far more than Python
(0.1 to 0.4 ms on ext4, at ten times the model 5,100 files), and the system call lets go of Python's
lock: two threads create them on two cores. The cores are free then, the generators being done."""


def _in_parallel(put: Callable[[_Item], None], shares: list[list[_Item]]) -> None:
    """``put`` each item of each of ``shares``, a thread per share; the first error raised, once all have stopped.

    An error (or Ctrl-C) stops the others before their next item: the caller then deletes the tree they
    were writing, and no thread writes in it any more.
    """
    stop = threading.Event()

    def run(share: list[_Item]) -> None:
        for item in share:
            if stop.is_set():
                return
            put(item)

    with ThreadPoolExecutor(max_workers=len(shares)) as pool:
        futures = [pool.submit(run, share) for share in shares]
        try:
            for future in futures:
                future.result()
        finally:
            stop.set()


def _put(target: Path, content: str | bytes, *, fresh: bool, old: Path) -> None:
    """Write ``content`` at ``target`` if it is ``fresh``, else link the unchanged file ``old`` there."""
    if fresh:
        target.write_bytes(_bytes(content))
    else:
        _link_or_copy(old, target)


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


def _signature(path: Path) -> Signature:
    status = path.stat()
    return status.st_size, status.st_mtime_ns, status.st_ino


def _scan(directory: Path) -> dict[str, Signature]:
    """Every file under ``directory`` (a temporary ``.tmp-…`` aside) by relative POSIX path, with its signature."""
    found: dict[str, Signature] = {}
    pending = [(directory, "")]
    while pending:
        folder, prefix = pending.pop()
        try:
            entries = list(os.scandir(folder))
        except (FileNotFoundError, NotADirectoryError):
            continue
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                pending.append((Path(entry.path), f"{prefix}{entry.name}/"))
            elif entry.is_file() and not entry.name.startswith(".tmp-"):
                status = entry.stat()
                found[prefix + entry.name] = (status.st_size, status.st_mtime_ns, status.st_ino)
    return found

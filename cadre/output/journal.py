"""Update a few files of a large tree in place, all of them or none, whatever happens.

Swapping a whole tree (:mod:`cadre.output.tree`) costs a hard link per file: at ten times the model,
``generated/`` and the assembled tree hold some 10,000 files, and the preview of ``make serve`` changes
two of them after a typical edit. :func:`apply` writes only what changes:

1. the new files are written in a staging folder beside the tree (``.<name>-construction-<random>``,
   the name :func:`cadre.output.tree.recover` deletes as garbage);
2. a journal, ``.<name>-journal.json`` beside the tree, says which staged file goes where and which
   files go away; it is written to a temporary name and renamed, so it exists whole or not at all;
3. each staged file is renamed over its target (one ``rename`` each, same filesystem), the removed
   files are deleted, then the journal.

A run killed before step 2 leaves the old tree, and a staging folder that the next run deletes. Killed
after, it leaves the journal, and the next run (:func:`replay`, from :func:`cadre.output.tree.recover`)
finishes the renames: the tree is the new one. Replaying is idempotent: a staged file already moved is
skipped. Unlike the swap, a reader that looks at the tree during step 3 (a few milliseconds) may see
some files new and others old; every writer holds the lock (:func:`cadre.output.tree.locked`) and
recovers first, and MkDocs reads the tree after the preview's hook has returned.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path


def journal_of(target: Path) -> Path:
    """Where the journal of ``target``'s pending update lives: beside it, hidden."""
    return target.with_name(f".{target.name}-journal.json")


def apply(target: Path, writes: Mapping[str, bytes], removes: Iterable[str]) -> None:
    """Write ``writes`` (relative path → bytes) into ``target`` and delete ``removes``, all or nothing.

    The caller holds the lock of the tree and has run :func:`cadre.output.tree.recover`.

    Raises:
        OSError: staging failed (``target`` untouched), or a rename failed (the next recovery finishes it).

    """
    removed = sorted(removes)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-construction-", dir=target.parent))
    try:
        moves = []
        for number, (relative, data) in enumerate(sorted(writes.items())):
            (staging / str(number)).write_bytes(data)
            moves.append((str(number), relative))
        record = {"staging": staging.name, "moves": moves, "removes": removed}
        pending = staging / "journal"
        pending.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        os.replace(pending, journal_of(target))  # from here on, the update happens
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    replay(target)


def replay(target: Path) -> bool:
    """Finish the update that the journal of ``target`` describes, if there is one; whether there was.

    Raises:
        OSError: a rename or a deletion failed; the journal stays, for the next run.

    """
    journal = journal_of(target)
    try:
        record = json.loads(journal.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return False
    staging = target.with_name(record["staging"])
    for name, relative in record["moves"]:
        source = staging / name
        if source.exists():
            destination = target / relative
            destination.parent.mkdir(parents=True, exist_ok=True)
            os.replace(source, destination)
    for relative in record["removes"]:
        path = target / relative
        path.unlink(missing_ok=True)
        _prune(path.parent, target)
    journal.unlink()
    shutil.rmtree(staging, ignore_errors=True)
    return True


def _prune(folder: Path, target: Path) -> None:
    """Delete ``folder`` and its parents, up to ``target`` excluded, as long as they are empty."""
    while folder != target and target in folder.parents:
        try:
            folder.rmdir()
        except OSError:  # not empty (or already gone)
            return
        folder = folder.parent

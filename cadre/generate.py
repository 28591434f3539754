"""The command that regenerates ``generated/``: load the model, run the registry's generators, write aside and swap.

The generators and their registry are in :mod:`cadre.generators`.
"""

from __future__ import annotations

import contextlib
import gc
import sys
from collections.abc import Iterator
from pathlib import Path

from cadre.generators import build_forked
from cadre.output import cache, tree, writer, yaml_ahead
from model import Index, ModelError, content_files, load_framework

ROOT = Path(__file__).resolve().parent.parent


def outputs_of(root: Path, *, prune: bool = True) -> dict[str, str]:
    """Every artifact of the model under ``root``, redoing only what changed since the previous run.

    The parse of each YAML file and the SVG of each diagram are kept in ``root/.cache/cadre/`` by the
    hash of what they depend on (:mod:`cadre.output.cache`), the files the cache does not hold are parsed
    on two cores (:mod:`cadre.output.yaml_ahead`), and the generators run in two processes
    (:mod:`cadre.generators.forked`); the result is the same as :func:`cadre.generators.build`'s. With
    ``prune``, the entries this run did not use are deleted (the preview leaves that to ``generate``:
    listing the cache costs it 30 ms an edit).

    Raises:
        ModelError: the model's problems.

    """
    content = root / "model" / "content"
    with cache.use(root / cache.DIRECTORY, prune=prune), _without_collections():
        read = yaml_ahead.parse_ahead(content_files(content), shown_from=root)
        framework = load_framework(content, shown_from=root, read=read)
        return build_forked(Index(framework))


@contextlib.contextmanager
def _without_collections() -> Iterator[None]:
    """Python's cyclic garbage collector paused: a regeneration allocates much and keeps it to the end.

    Measured under ``mkdocs serve`` at ten times the model: some 370 collections, 0.3 to 0.5 s, each
    walking the server's heap too. The cycles left are collected afterwards.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def run_generate(root: Path = ROOT, *, check: bool = False) -> int:
    """Regenerate ``root/generated`` from ``root/model/content`` (or, with ``check``, compare only).

    Returns 0 when done (or up to date), 1 on model errors, stale output, another run holding the lock
    or a tree that cannot be written. Then nothing is written: the previous output stays as it was.
    ``check`` writes nothing in ``generated/`` (not even the recovery of a killed run, see
    :mod:`cadre.output.tree`).
    """
    target = root / "generated"
    try:
        with tree.locked(root, "régénérer generated/"):
            if not check:
                tree.recover(target)
            return _generate(root, target, check=check)
    except tree.TreeError as error:
        print(error, file=sys.stderr)
        return 1


def _generate(root: Path, target: Path, *, check: bool) -> int:
    try:
        outputs = outputs_of(root)
    except ModelError as error:
        print(error.report(), file=sys.stderr)
        return 1
    if check:
        changes = writer.compare(outputs, target)
        if changes:
            print(
                "generated/ n'est pas à jour avec le modèle :\n"
                f"{changes.summary()}\n"
                "Lancez « make generate » puis validez (commit) le contenu de generated/.",
                file=sys.stderr,
            )
            return 1
        print(f"generated/ est à jour ({len(outputs)} fichiers).")
        return 0
    changes = writer.write(outputs, target)
    if changes:
        print(f"generated/ mis à jour :\n{changes.summary()}")
    else:
        print(f"generated/ était déjà à jour ({len(outputs)} fichiers).")
    return 0

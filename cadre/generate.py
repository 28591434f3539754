"""The registry of generators and the command that regenerates ``generated/``."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from cadre import (
    cache,
    gen_catalogue,
    gen_diagrams,
    gen_downloads,
    gen_json,
    gen_pages,
    gen_schemas,
    gen_sections,
    gen_source,
    gen_specs,
    gen_trace,
    gen_versions,
    tree,
    writer,
)
from model import Index, ModelError, load_framework

Generator = Callable[[Index], dict[str, str]]

GENERATORS: tuple[Generator, ...] = (
    gen_json.generate,
    gen_schemas.generate,
    gen_diagrams.generate,
    gen_pages.generate,
    gen_specs.generate,
    gen_downloads.generate,
    gen_sections.generate,
    gen_trace.generate,
    gen_catalogue.generate,
    gen_source.generate,
    gen_versions.generate,
)

ROOT = Path(__file__).resolve().parent.parent


def build(index: Index, generators: tuple[Generator, ...] = GENERATORS) -> dict[str, str]:
    """Every artifact of every generator, in memory; two generators may not claim one path."""
    outputs: dict[str, str] = {}
    for generator in generators:
        for path, text in generator(index).items():
            if path in outputs:
                raise ValueError(f"deux générateurs produisent {path}")
            outputs[path] = text
    return outputs


def outputs_of(root: Path) -> dict[str, str]:
    """Every artifact of the model under ``root``, redoing only what changed since the previous run.

    The parse of each YAML file and the SVG of each diagram are kept in ``root/.cache/cadre/`` by the
    hash of what they depend on (:mod:`cadre.cache`); the result is the same as :func:`build`'s.

    Raises:
        ModelError: the model's problems.

    """
    with cache.use(root / cache.DIRECTORY, prune=True):
        framework = load_framework(root / "model" / "content", shown_from=root, read=cache.read_yaml)
        return build(Index(framework))


def run_generate(root: Path = ROOT, *, check: bool = False) -> int:
    """Regenerate ``root/generated`` from ``root/model/content`` (or, with ``check``, compare only).

    Returns 0 when done (or up to date), 1 on model errors, stale output, another run holding the lock
    or a tree that cannot be written. Then nothing is written: the previous output stays as it was.
    ``check`` writes nothing in ``generated/`` (not even the recovery of a killed run, see
    :mod:`cadre.tree`).
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

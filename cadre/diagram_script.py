"""What each script of ``diagrams/`` runs: load the model, draw one family, write it into ``generated/``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from cadre.drawing.rendering import render_all
from cadre.generate import ROOT
from cadre.generators import diagram_sets
from cadre.output import cache, writer
from model import Index, ModelError, load_framework


def main(family: str, description: str, argv: Sequence[str] | None = None) -> int:
    """Draw the diagrams of ``family`` into ``generated/diagrams/<family>/``; return the exit code.

    Only that folder is touched, and only the files whose bytes change; on a model error nothing is.
    """
    arguments = argparse.ArgumentParser(description=description.strip().splitlines()[0])
    arguments.add_argument("--root", type=Path, default=ROOT, help="racine du dépôt")
    root: Path = arguments.parse_args(argv).root.resolve()
    try:
        framework = load_framework(root / "model" / "content", shown_from=root)
    except ModelError as error:
        print(error.report(), file=sys.stderr)
        return 1
    prefix = f"diagrams/{family}/"
    drawn = diagram_sets.drawings(Index(framework), family)
    with cache.use(root / cache.DIRECTORY):
        svgs = render_all([d.spec for d in drawn])
    outputs = {d.path.removeprefix(prefix): svg for d, svg in zip(drawn, svgs, strict=True)}
    changes = writer.write(outputs, root / "generated" / "diagrams" / family)
    rewritten = len(changes.added) + len(changes.changed)
    print(
        f"generated/{prefix} : {_count(len(outputs), 'schéma')}, {_count(rewritten, 'réécrit')}, "
        f"{_count(len(changes.removed), 'supprimé')}."
    )
    return 0


def _count(number: int, word: str) -> str:
    return f"{number} {word}{'' if number < 2 else 's'}"

#!/usr/bin/env python3
"""Dessine les schémas d'orchestration et de flux de toutes les vues dans generated/diagrams/.

Usage : ``python diagrams/vues.py`` (depuis la racine du dépôt, environnement installé par
``make setup``). Les mêmes fichiers sont produits par ``make generate`` ; ce script permet de ne
redessiner que les schémas.

Ce dossier ne doit jamais contenir de ``__init__.py`` : il masquerait la bibliothèque ``diagrams``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cadre import gen_diagrams, writer
from cadre.generate import ROOT
from model import Index, ModelError, load_framework


def main(argv: list[str] | None = None) -> int:
    """Load the model and write every diagram; return the exit code."""
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("--root", type=Path, default=ROOT, help="racine du dépôt")
    root: Path = arguments.parse_args(argv).root.resolve()
    try:
        framework = load_framework(root / "model" / "content", shown_from=root)
    except ModelError as error:
        print(error.report(), file=sys.stderr)
        return 1
    outputs = gen_diagrams.generate(Index(framework))
    prefix = "diagrams/"
    changes = writer.write(
        {path.removeprefix(prefix): svg for path, svg in outputs.items()}, root / "generated" / "diagrams"
    )
    print(f"generated/diagrams : {len(outputs)} schémas, {len(changes.added) + len(changes.changed)} réécrits.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

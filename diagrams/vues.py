#!/usr/bin/env python3
"""Dessine les schémas d'orchestration et de flux de toutes les vues dans generated/diagrams/.

Usage : ``python diagrams/vues.py`` (depuis la racine du dépôt, environnement installé par
``make setup``). Les mêmes fichiers sont produits par ``make generate`` ; ce script permet de ne
redessiner que les schémas.

Ce dossier ne doit jamais contenir de ``__init__.py`` : il masquerait la bibliothèque ``diagrams``.
"""

from __future__ import annotations

import sys

from cadre import gen_diagrams, writer
from cadre.generate import ROOT
from model import Index, ModelError, load_framework


def main() -> int:
    """Load the model and write every diagram; return the exit code."""
    try:
        framework = load_framework(ROOT / "model" / "content", shown_from=ROOT)
    except ModelError as error:
        print(error.report(), file=sys.stderr)
        return 1
    outputs = gen_diagrams.generate(Index(framework))
    prefix = "diagrams/"
    changes = writer.write(
        {path.removeprefix(prefix): svg for path, svg in outputs.items()}, ROOT / "generated" / "diagrams"
    )
    print(changes.summary() or f"{len(outputs)} schémas déjà à jour.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

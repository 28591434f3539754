#!/usr/bin/env python3
"""Dessine l'échange de chaque flux (émetteur, récepteur, pastille du flux) dans generated/diagrams/flux/.

Usage : ``python diagrams/flux.py`` depuis la racine du dépôt, l'environnement installé par
``make setup`` (``uv run python diagrams/flux.py``). Chaque schéma illustre la page de spécification
de son flux.
"""

import sys

from cadre.diagram_script import main

if __name__ == "__main__":
    sys.exit(main("flux", __doc__ or ""))

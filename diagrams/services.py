#!/usr/bin/env python3
"""Dessine le voisinage de chaque service (flux émis et reçus) dans generated/diagrams/services/.

Usage : ``python diagrams/services.py`` depuis la racine du dépôt, l'environnement installé par
``make setup`` (``uv run python diagrams/services.py``). Un service sans flux n'a pas de schéma.
"""

import sys

from cadre.diagram_script import main

if __name__ == "__main__":
    sys.exit(main("services", __doc__ or ""))

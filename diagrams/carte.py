#!/usr/bin/env python3
"""Dessine la carte de tous les services et de tous les flux dans generated/diagrams/carte/.

Usage : ``python diagrams/carte.py`` depuis la racine du dépôt, l'environnement installé par
``make setup`` (``uv run python diagrams/carte.py``). Au-delà du budget de taille d'un schéma, la carte
est dessinée par catégorie de système plutôt que service par service.
"""

import sys

from cadre.diagram_script import main

if __name__ == "__main__":
    sys.exit(main("carte", __doc__ or ""))

#!/usr/bin/env python3
"""Dessine le schéma de l'architecture fonctionnelle en tête de chaque vue dans generated/diagrams/architecture/.

Usage : ``python diagrams/vues.py`` depuis la racine du dépôt, l'environnement installé par
``make setup`` (``uv run python diagrams/vues.py``). ``make generate`` produit les mêmes fichiers avec
tout le reste ; ce script ne redessine que ces schémas.

Ce dossier ne doit jamais contenir de ``__init__.py`` : il masquerait la bibliothèque ``diagrams``.
"""

import sys

from cadre.diagram_script import main

if __name__ == "__main__":
    sys.exit(main("architecture", __doc__ or ""))

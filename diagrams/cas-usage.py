#!/usr/bin/env python3
"""Dessine le parcours de chaque cas d'usage sur son schéma d'orchestration dans generated/diagrams/cas-usage/.

Usage : ``python diagrams/cas-usage.py`` depuis la racine du dépôt, l'environnement installé par
``make setup`` (``uv run python diagrams/cas-usage.py``).
"""

import sys

from cadre.diagram_script import main

if __name__ == "__main__":
    sys.exit(main("cas-usage", __doc__ or ""))

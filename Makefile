# Cadre d'urbanisation médico-social — domaine d'étude 4.
#
#   make serve    aperçu du site sur http://127.0.0.1:8000 (rechargement automatique)
#   make test     contrôles (ruff, mypy, pytest) — c'est ce que lance la CI
#
# Voir README.md pour le détail des cibles.

SHELL := /bin/bash
.DEFAULT_GOAL := help

# uv peut avoir été installé par scripts/setup.sh dans ~/.local/bin, hors du PATH.
# Variable récursive : elle est évaluée au moment d'exécuter chaque recette, donc
# après « setup ».
UV = $(shell command -v uv 2>/dev/null || { test -x "$$HOME/.local/bin/uv" && echo "$$HOME/.local/bin/uv"; } || echo python3 -m uv)

# Font taire les bannières « MkDocs 2.0 » (properdocs, mkdocs-material), sans effet
# sur la construction.
export DISABLE_MKDOCS_2_WARNING := true
export NO_MKDOCS_2_WARNING := 1

.PHONY: help setup generate validate site site-zensical serve bench test clean

help:
	@echo "Cibles disponibles :"
	@echo "  make setup     installe uv, les dépendances Python (.venv) et Graphviz si besoin"
	@echo "  make validate  vérifie le modèle (model/content/*.yaml)"
	@echo "  make generate  régénère generated/ (pages, diagrammes, JSON)"
	@echo "  make serve     aperçu du site sur http://127.0.0.1:8000"
	@echo "  make site      construit le site statique dans site/ (assemblage, mkdocs build --strict ; site/ intact en cas d'échec)"
	@echo "  make site-zensical  le même site construit par Zensical (zensical build --strict)"
	@echo "  make bench     banc d'essai : temps et mémoire de chaque étape, modèle réel, 10x et 100x"
	@echo "  make test      ruff, mypy et pytest, dont les tests dans Chromium (ce que lance la CI)"
	@echo "  make clean     supprime site/ et build/"

setup:
	@bash scripts/setup.sh

validate: setup
	$(UV) run python -m cadre validate

generate: setup
	$(UV) run python -m cadre generate

# Assemble build/site-src/, construit dans un dossier temporaire puis remplace site/ : un échec
# laisse site/ intact.
site: generate
	$(UV) run python -m cadre.publish

site-zensical: generate
	$(UV) run python -m cadre.publish --generator zensical

# --dirty : après une modification, seules les pages touchées sont refaites
# (cadre/publish/preview.py dit lesquelles au crochet MkDocs).
serve: generate
	$(UV) run python -m cadre assemble
	$(UV) run mkdocs serve --dirty -a 127.0.0.1:8000

# Un banc d'essai, pas un test : il affiche un tableau (une demi-heure environ,
# surtout le modèle 100 fois plus grand ; python -m cadre.bench --sizes 1:5,10:3 pour moins).
bench: setup
	$(UV) run python -m cadre.bench

test:
	@bash scripts/setup.sh --tests
	$(UV) run ruff check .
	$(UV) run ruff format --check .
	$(UV) run mypy
	$(UV) run pytest

clean:
	rm -rf site/ build/

"""Command line: ``python -m cadre validate | generate [--check]``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from cadre.generate import ROOT, run_generate
from model import ModelError, load_framework


def parser() -> argparse.ArgumentParser:
    """The command-line parser (its help is the reference of the commands)."""
    main_parser = argparse.ArgumentParser(
        prog="python -m cadre",
        description="Modèle du cadre d'urbanisation médico-social (domaine d'étude 4) : validation et génération.",
    )
    main_parser.add_argument(
        "--root", type=Path, default=ROOT, help="racine du dépôt (par défaut : celle de ce paquet)"
    )
    commands = main_parser.add_subparsers(dest="command", required=True, metavar="COMMANDE")
    commands.add_parser("validate", help="vérifie les fichiers YAML du modèle et signale chaque problème")
    generate = commands.add_parser("generate", help="régénère generated/ à partir du modèle")
    generate.add_argument(
        "--check", action="store_true", help="ne modifie rien ; échoue si generated/ n'est pas à jour"
    )
    return main_parser


def _count(number: int, singular: str, plural: str) -> str:
    return f"{number} {singular if number == 1 else plural}"


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return its exit code."""
    arguments = parser().parse_args(argv)
    root: Path = arguments.root.resolve()
    if arguments.command == "validate":
        try:
            framework = load_framework(root / "model" / "content", shown_from=root)
        except ModelError as error:
            print(error.report(), file=sys.stderr)
            return 1
        counts = [
            _count(len(framework.services), "service", "services"),
            _count(len(framework.views), "vue", "vues"),
            _count(sum(len(v.flows) for v in framework.views), "flux", "flux"),
            _count(len(framework.recommendations), "recommandation", "recommandations"),
        ]
        print(f"Modèle valide : {', '.join(counts)}.")
        return 0
    return run_generate(root, check=arguments.check)


if __name__ == "__main__":
    sys.exit(main())

"""Command line: ``python -m cadre validate | generate | assemble | diff | new | release``."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from cadre.editor import diff, release, scaffold, versioning
from cadre.generate import ROOT, run_generate
from model import Loaded, ModelError, Result, load_model


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
    validate = commands.add_parser(
        "validate", help="vérifie les fichiers YAML du modèle et les règles des recommandations"
    )
    validate.add_argument(
        "--strict", action="store_true", help="échoue aussi sur les avertissements (écarts aux recommandations)"
    )
    generate = commands.add_parser("generate", help="régénère generated/ à partir du modèle")
    generate.add_argument(
        "--check", action="store_true", help="ne modifie rien ; échoue si generated/ n'est pas à jour"
    )
    commands.add_parser(
        "assemble",
        help="écrit dans build/site-src/ l'arborescence source du site (docs/, pages générées, téléchargements)",
    )
    diff.add_parser(commands)
    scaffold.add_parser(commands)
    release.add_parser(commands)
    return main_parser


def _count(number: int, singular: str, plural: str) -> str:
    return f"{number} {singular if number < 2 else plural}"


def validate(root: Path, *, strict: bool) -> int:
    """Check the model and its rules; print every problem, then a summary."""
    try:
        loaded = load_model(root / "model" / "content", shown_from=root)
    except ModelError as error:
        print(error.report(), file=sys.stderr)
        return 1
    refused = versioning.version_problems(loaded)
    if refused:
        print(ModelError(refused).report(), file=sys.stderr)
        return 1
    for warning in loaded.warnings:
        print(warning, file=sys.stderr)
    framework = loaded.framework
    counts = [
        _count(len(framework.services), "service", "services"),
        _count(len(framework.views), "vue", "vues"),
        _count(sum(len(v.flows) for v in framework.views), "flux", "flux"),
        _count(len(framework.recommendations), "recommandation", "recommandations"),
    ]
    print(f"Modèle valide : {', '.join(counts)}.")
    print(rules_summary(loaded))
    if strict and loaded.warnings:
        print(f"{_count(len(loaded.warnings), 'avertissement', 'avertissements')} : échec (--strict).", file=sys.stderr)
        return 1
    return 0


def rules_summary(loaded: Loaded) -> str:
    """One sentence on the recommendations' rules: how many are checked and with what results."""
    recs = loaded.framework.recommendations
    checks = loaded.checks
    results = Counter(check.result for check in checks)
    words = {
        Result.CONFORM: ("conforme", "conformes"),
        Result.NON_CONFORM: ("non conforme", "non conformes"),
        Result.MISSING: ("à renseigner", "à renseigner"),
        Result.UNKNOWN: ("non vérifiable faute d'information dans le cadre", "non vérifiables faute d'information"),
    }
    parts = [_count(results[r], *words[r]) for r in words if results[r]]
    if not results[Result.NON_CONFORM] and not results[Result.MISSING]:
        parts.append("aucun écart")
    checked = sum(1 for r in recs if r.rule)
    return (
        f"Recommandations vérifiées sur le modèle : {checked} sur {len(recs)} ; "
        f"{_count(len(checks), 'vérification', 'vérifications')} : {', '.join(parts)}."
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return its exit code."""
    arguments = parser().parse_args(argv)
    root: Path = arguments.root.resolve()
    if arguments.command == "validate":
        return validate(root, strict=arguments.strict)
    if arguments.command == "assemble":
        from cadre.site import assemble  # only here: the site's modules are not needed to generate

        return assemble.run(root)
    if arguments.command == "diff":
        return diff.run(root, arguments)
    if arguments.command == "new":
        return scaffold.run(root, arguments)
    if arguments.command == "release":
        return release.run(root, arguments)
    return run_generate(root, check=arguments.check)


if __name__ == "__main__":
    sys.exit(main())

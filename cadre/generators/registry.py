"""The registry of generators: each step of ``generated/``, what it makes and where it may write.

A generator is a pure function of the model's :class:`~model.Index` that returns ``{path: text}``,
paths relative to ``generated/``. The registry says, for each one, in French, what it makes (shown on
the site's « Architecture du code » page, drawn from this very table) and the folders or files it owns:
:func:`build` refuses a path outside them, so the page cannot describe a generator wrongly.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from cadre.generators import (
    architecture_page,
    catalogue_pages,
    diagram_sets,
    download_pages,
    entity_pages,
    explorer_index,
    explorer_page,
    framework_json,
    json_schemas,
    schema_registry,
    section_pages,
    source_pages,
    spec_pages,
    trace_pages,
    value_set_pages,
    version_pages,
)
from cadre.generators.step import Generator, Step
from model import Index

_PIPELINE: tuple[Step, ...] = (
    Step(
        framework_json.generate,
        "le modèle entier en JSON et son schéma",
        ("framework.json", "schemas/framework.schema.json"),
        "telechargements.md",
    ),
    Step(
        explorer_index.generate,
        "l'index de l'explorateur : chaque entité, sa page et ses facettes, en JSON, et son schéma",
        ("explorateur/",),
        "telechargements.md",
    ),
    Step(json_schemas.generate, "un schéma JSON par flux, avec ses exemples", ("schemas/flux/",), "telechargements.md"),
    Step(
        schema_registry.generate,
        "chaque version publiée du schéma de chaque flux, à une adresse stable, et leur index",
        ("schemas/flux/", "schemas/index.json", "schemas/index.schema.json"),
        "telechargements.md",
    ),
    Step(
        diagram_sets.generate,
        "les diagrammes (SVG, par Graphviz) et leur feuille de style",
        ("diagrams/", "docs/stylesheets/diagrammes.css"),
        "carte/index.md",
    ),
    Step(
        entity_pages.generate,
        "une page par vue, service, cas d'usage, recommandation et axe ; la carte",
        ("docs/vues/", "docs/services/", "docs/cas-usage/", "docs/recommandations/", "docs/axes/", "docs/carte/"),
        "vues/index.md",
    ),
    Step(
        explorer_page.generate,
        "l'explorateur : la carte et le tableau des flux, avec leurs filtres",
        ("docs/explorateur/", "diagrams/explorateur/"),
        "explorateur/index.md",
    ),
    Step(
        spec_pages.generate,
        "la spécification de chaque flux, à la manière d'un volet du CI-SIS",
        ("docs/flux/",),
        "flux/index.md",
    ),
    Step(
        value_set_pages.generate,
        "les jeux de valeurs des attributs codés : une page et un fichier JSON par jeu, leur index",
        ("docs/jeux-de-valeurs/", "schemas/jeux-de-valeurs/"),
        "jeux-de-valeurs/index.md",
    ),
    Step(download_pages.generate, "la page des téléchargements", ("docs/telechargements.md",), "telechargements.md"),
    Step(
        section_pages.generate,
        "les index, les pages de présentation du cadre et les menus",
        (
            "docs/enjeux/",
            "docs/questions/",
            "docs/prochaines-etapes/",
            "docs/vues/",
            "docs/services/",
            "docs/flux/",
            "docs/cas-usage/",
            "docs/recommandations/",
            "docs/axes/",
        ),
        "enjeux/index.md",
    ),
    Step(
        trace_pages.generate,
        "la matrice de traçabilité et les questions de 1.1.2",
        ("docs/tracabilite/", "docs/questions/"),
        "tracabilite/index.md",
    ),
    Step(
        catalogue_pages.generate,
        "le catalogue des cas d'usage du groupe de travail",
        ("docs/catalogue/",),
        "catalogue/index.md",
    ),
    Step(
        source_pages.generate,
        "la fidélité aux sources, le glossaire et les abréviations",
        ("docs/sources/", "docs/glossaire/", "abbreviations.md"),
        "glossaire/index.md",
    ),
    Step(version_pages.generate, "l'historique des versions", ("docs/historique/",), "historique/index.md"),
)

STEPS: tuple[Step, ...] = (
    *_PIPELINE,
    Step(
        functools.partial(architecture_page.generate, steps=_PIPELINE),
        "la page « Architecture du code », dessinée à partir de ce registre",
        (architecture_page.PAGE, architecture_page.DIAGRAM, architecture_page.STYLESHEET),
        architecture_page.PAGE.removeprefix("docs/"),
    ),
)
"""Every generator, in order; the last draws the others."""

GENERATORS: tuple[Generator, ...] = tuple(step.generate for step in STEPS)


def build(index: Index, generators: tuple[Generator, ...] = GENERATORS) -> dict[str, str]:
    """Every artifact of every generator, in memory; two generators may not claim one path.

    Raises:
        ValueError: two generators write one path, or a registered generator writes outside what it owns.

    """
    return merge((generator, generator(index)) for generator in generators)


def merge(results: Iterable[tuple[Generator, dict[str, str]]]) -> dict[str, str]:
    """The artifacts of each generator, in the order given, checked as :func:`build` checks them.

    Raises:
        ValueError: two generators write one path, or a registered generator writes outside what it owns.

    """
    owners = {step.generate: step for step in STEPS}
    outputs: dict[str, str] = {}
    for generator, made in results:
        step = owners.get(generator)
        for path, text in made.items():
            if path in outputs:
                raise ValueError(f"deux générateurs produisent {path}")
            if step is not None and not step.may_write(path):
                raise ValueError(f"{step.name} écrit {path}, hors de ce que le registre lui attribue")
            outputs[path] = text
    return outputs

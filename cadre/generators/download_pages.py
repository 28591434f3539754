"""The downloads page: the model as JSON, its schema, every flow's schema and examples, and one archive."""

from __future__ import annotations

from cadre.generators import explorer_index, json_schemas, schema_registry
from cadre.generators.page_model import Page, Paragraphs, Section, Table
from cadre.generators.page_parts import entity_link, render
from cadre.generators.schema_examples import BREACHES
from cadre.generators.spec_pages import download_link
from cadre.output import site_paths
from cadre.output.text import link, md
from model import Index

PAGE = "telechargements.md"
ARCHIVE = site_paths.SCHEMA_ARCHIVE
VENDOR_GUIDE = "editeurs.md"
"""The vendors' quick start, a hand-written page of ``docs/``."""


def generate(index: Index) -> dict[str, str]:
    """The page ``telechargements.md``."""
    return {f"{site_paths.DOCS}/{PAGE}": render(downloads_page(index))}


def downloads_page(index: Index) -> Page:
    """Every file a reader or a vendor can download, with what it holds."""
    here = PAGE
    model_rows = (
        (
            link(md("framework.json"), download_link(here, "framework.json")),
            "L'ensemble du cadre (vues, services, flux et leurs spécifications, cas d'usage, recommandations, "
            "catalogue du groupe de travail) au format JSON, pour le reprendre dans vos outils.",
        ),
        (
            link(md("framework.schema.json"), download_link(here, "schemas/framework.schema.json")),
            "Le schéma JSON (2020-12) de framework.json et de chaque fichier YAML du modèle.",
        ),
        (
            link(md("index.json"), download_link(here, schema_registry.INDEX)),
            md(
                "L'index des schémas des flux : pour chaque flux, chaque version publiée (à une adresse stable, "
                "schemas/flux/<flux>/<version>/), son statut, sa date, son $id, la section du cadre et le SHA-256 "
                "de chaque fichier. Son schéma :"
            )
            + " "
            + link(md("index.schema.json"), download_link(here, schema_registry.INDEX_SCHEMA))
            + ".",
        ),
        (
            link(md("explorateur/index.json"), download_link(here, explorer_index.INDEX)),
            md(
                "L'index de l'explorateur : chaque service, flux, cas d'usage, vue, recommandation et cas du "
                "catalogue, avec l'adresse de sa page et ses facettes (vue, catégorie de système, catégories de "
                "données, états, natures, émetteurs, récepteurs). Son schéma :"
            )
            + " "
            + link(md("index.schema.json"), download_link(here, explorer_index.SCHEMA))
            + ".",
        ),
        (
            link(md(ARCHIVE.rsplit("/", 1)[1]), site_paths.md_link(here, ARCHIVE)),
            "Archive de tous les schémas de cette version : celui du modèle et ceux des flux, avec leurs exemples "
            "valides et invalides.",
        ),
    )
    flow_rows = []
    used = {name for spec in index.framework.flow_specs for name in json_schemas.invalid(index, spec)}
    for spec in index.framework.flow_specs:
        flow = index.flows[spec.flow]
        files = json_schemas.paths(index, spec)
        invalid = ", ".join(
            link(md(name), download_link(here, files[f"invalid:{name}"])) for name in json_schemas.invalid(index, spec)
        )
        flow_rows.append(
            (
                entity_link(here, "flow", flow.id, f"{index.flow_tag(flow)} — {flow.title}"),
                f"{spec.technical_name} {spec.version}",
                link(md("schéma"), download_link(here, files["schema"])),
                link(md("exemple"), download_link(here, files["example"])),
                invalid,
            )
        )
    return Page(
        title="Téléchargements",
        lead=md(
            "Les fichiers ci-dessous sont produits à partir du même modèle que les pages de ce site : ils sont "
            "toujours cohérents avec ce qui y est affiché. Ils se trouvent aussi dans le dépôt, sous generated/."
        ),
        sections=(
            Section("Le modèle", (Table(("Fichier", "Contenu"), model_rows),)),
            Section(
                "Les schémas des flux",
                (
                    Paragraphs(
                        "Pour chaque flux spécifié : le schéma JSON (2020-12) de son message, un exemple valide "
                        "où figure chaque attribut, facultatifs compris, et un exemple invalide par sorte de "
                        "contrainte que porte le schéma : chacun enfreint cette seule contrainte, que dit son nom, "
                        "et tout validateur doit le refuser pour cette raison. La page de chaque flux explique le "
                        "contenu du message."
                    ),
                    Table(
                        ("Exemple invalide", "Contrainte enfreinte", "Ce qui ne va pas"),
                        tuple(
                            (md(name), f"`{breach.constraint}`", breach.why)
                            for name, breach in BREACHES.items()
                            if name in used
                        ),
                    ),
                    Table(
                        ("Flux", "Nom technique et version", "Schéma", "Exemple valide", "Exemples invalides"),
                        tuple(flow_rows),
                        empty="Aucun flux spécifié.",
                    ),
                ),
            ),
            Section(
                "Les jeux de valeurs",
                (
                    Paragraphs(
                        f"Chaque jeu de valeurs des attributs codés ({len(index.value_sets)} jeux) est publié en JSON "
                        "(ses codes, sa provenance, les attributs qui l'utilisent), sous schemas/jeux-de-valeurs/ et "
                        "dans l'archive ; la page "
                        + link(md("Jeux de valeurs"), site_paths.md_link(here, site_paths.VALUE_SETS_INDEX))
                        + " les liste avec un lien vers chaque fichier. Le schéma d'un flux reprend les codes de "
                        "ses jeux quand ce cadre les connaît tous."
                    ),
                ),
            ),
            Section(
                "Générer du code et valider",
                (
                    Paragraphs(
                        "Les schémas suivent la version 2020-12 de JSON Schema et n'emploient que ses mots-clés "
                        "standard : tout outil conforme les lit. Leurs titres sont des noms de types : le message "
                        "porte le nom technique du flux (`AlimentationAgenda`), chaque classe son nom (`Usager`), "
                        "et une classe employée deux fois est une seule définition (`$defs`). Par exemple, en "
                        "Python :\n\n"
                        "```\n"
                        "datamodel-codegen --input mes-a.schema.json --input-file-type jsonschema \\\n"
                        "    --output-model-type pydantic_v2.BaseModel --output alimentation_agenda.py\n"
                        "```\n\n"
                        "en TypeScript, avec json-schema-to-typescript :\n\n"
                        "```\n"
                        "json2ts -i mes-a.schema.json -o alimentation-agenda.d.ts\n"
                        "```\n\n"
                        "et, pour valider en JavaScript, Ajv (`new Ajv2020({strict: true})` et `ajv-formats`). "
                        "Ces outils sont utilisés par les tests du projet sur chaque schéma et chaque exemple. Le "
                        + link(md("guide de démarrage des éditeurs"), site_paths.md_link(here, VENDOR_GUIDE))
                        + " montre, commandes vérifiées à l'appui, comment télécharger un schéma, valider un "
                        "message et générer du code."
                    ),
                ),
            ),
        ),
        wide=True,
    )

"""The « Versions du schéma » section of a flow's page: each version, its date and status, what changed."""

from __future__ import annotations

from cadre.generators.page_model import Paragraphs, Section, Table
from cadre.generators.page_parts import french_date
from cadre.generators.schema_history import SchemaVersion, history
from cadre.output import site_paths
from cadre.output.text import Href, link, md
from model import Index

DOWNLOADS = "telechargements"


def _download(here: str, generated_path: str) -> Href:
    return site_paths.md_link(here, f"{DOWNLOADS}/{generated_path}")


def versions_section(index: Index, here: str, flow: str) -> Section:
    """Every published version of the flow's schema, newest first, with its changes and their consequence."""
    versions = history(index, flow)
    rows = tuple(_row(here, version) for version in reversed(versions))
    return Section(
        "Versions du schéma",
        (
            Paragraphs(
                "Chaque version publiée du schéma reste téléchargeable à une adresse stable, "
                "`schemas/flux/<flux>/<version>/`, à l'identique : une implémentation bâtie sur une version "
                "la retrouve telle quelle. Une **rupture** signifie qu'un message conforme à la version "
                "précédente peut être refusé par la nouvelle, ou qu'un champ sur lequel une implémentation "
                "s'appuie disparaît : elle doit être mise à jour. La version en cours n'est figée qu'une fois "
                "publiée (`python -m cadre release`)."
            ),
            Table(("Version", "Publication et statut", "Changements depuis la précédente", "Rupture"), rows),
        ),
    )


def _row(here: str, version: SchemaVersion) -> tuple[str, str, str, str]:
    schema = link(md(version.version), _download(here, version.path(version.schema_file)))
    if version.released:
        assert version.date is not None
        published = f"{md(french_date(version.date))} — {md(version.status.label)}"
    else:
        published = f"version en cours, non figée — {md(version.status.label)}"
    if version.previous is None:
        return schema, published, "Première version.", "—"
    if not version.changes:
        changes = (
            f"Aucun changement de structure par rapport à la version {md(version.previous)} "
            "(descriptions ou exemples seulement)."
        )
    else:
        changes = "<br>".join(
            f"{'**rupture**' if c.breaking else 'compatible'} : {md(c.path)} — {md(c.message)}" for c in version.changes
        )
    verdict = (
        f"**Oui** : les implémentations de la version {md(version.previous)} doivent être mises à jour"
        if version.breaking
        else f"Non : compatible avec la version {md(version.previous)}"
    )
    return schema, published, changes, verdict

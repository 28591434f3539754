"""The changelog page (« Historique des versions »), from the versions the model records."""

from __future__ import annotations

from cadre.generators.page_model import Block, Page, Paragraphs, Section
from cadre.generators.page_parts import bullets, french_date, notes, render, source_line
from cadre.output import site_paths
from cadre.output.text import blocks, md
from model import Index, Version


def generate(index: Index) -> dict[str, str]:
    """The changelog page, under ``docs/``."""
    return {f"{site_paths.DOCS}/{site_paths.CHANGELOG}": render(changelog_page(index))}


def changelog_page(index: Index) -> Page:
    """Every recorded version, the most recent first, with what it brings and where it comes from."""
    versions = list(reversed(index.framework.versions))
    return Page(
        title="Historique des versions",
        lead=(
            "Les versions publiées du cadre, la plus récente en premier, et ce que chacune apporte. Pour voir "
            "ce qu'une modification du modèle change avant sa publication, les rédacteurs comparent deux états "
            "du modèle avec la commande « python -m cadre diff » (voir la page « Contribuer »)."
        ),
        sections=tuple(_section(index, version) for version in versions)
        or (Section("Versions", (Paragraphs("Aucune version enregistrée."),)),),
        notes=notes(n for version in versions for n in version.notes),
    )


def _section(index: Index, version: Version) -> Section:
    facts = [f"- **Date** : {md(french_date(version.date)) if version.date else 'non indiquée par la source'}"]
    if version.document:
        document = next(d for d in index.framework.documents if d.id == version.document)
        facts.append(f"- **Document** : {md(document.title)}")
    parts: list[Block] = [
        Paragraphs("\n".join(facts)),
        Paragraphs(blocks(version.summary)),
        Paragraphs("**Ce que la version apporte**"),
        bullets([md(change) for change in version.changes], "Rien n'est précisé."),
        Paragraphs(f"<small>{source_line(index, version.source, site_paths.CHANGELOG)}</small>"),
    ]
    return Section(f"Version {md(version.label)}", tuple(parts))

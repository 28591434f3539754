"""The functional-architecture section that opens each view's page, as the source opens sections 1.2 to 1.5.

The figure with the view's highlighted blocks, then the table of its blocks (area, printed contents, model
services linked, highlighted or not), then what the drawing does not carry: the printed data legend, and
how the highlighted blocks were derived.
"""

from __future__ import annotations

from cadre.generators import diagram_architecture
from cadre.generators.diagram_architecture import STAR, area_label
from cadre.generators.page_model import Block, Diagram, Paragraphs, Section, Table
from cadre.generators.page_parts import cell, service_link
from cadre.output import site_paths
from cadre.output.text import md
from model import ArchitectureFigure, Content, Index, View
from model import Block as ArchitectureBlock
from model import Note as SourceNote

HEADERS = ("Bloc", "Zone", "Contenu imprimé", "Services du modèle", "Mis en évidence par la vue")


def sections(index: Index, view: View) -> list[Section]:
    """One section per functional-architecture figure of the model (none if it has none)."""
    return [_section(index, figure, view) for figure in index.framework.functional_architecture]


def figure_notes(index: Index, view: View) -> list[SourceNote]:
    """The notes of every figure, its areas and blocks, and of the view's highlight, for the view's page."""
    found: list[SourceNote] = []
    for figure in index.framework.functional_architecture:
        found += figure.notes
        for area in figure.areas:
            found += [*area.notes, *(n for b in area.blocks for n in b.notes)]
        highlight = figure.highlight_of(view.id)
        if highlight:
            found += highlight.notes
    return found


def _section(index: Index, figure: ArchitectureFigure, view: View) -> Section:
    here = site_paths.page("view", view.id)
    highlighted = figure.highlighted(view.id)
    parts: list[Block] = []
    for drawing in diagram_architecture.figure_drawings(index, figure, view):
        parts.append(
            Diagram(
                drawing.path,
                f"{md(drawing.spec.title)} — les blocs marqués {STAR} et encadrés en rouge foncé sont ceux que "
                "désigne la liste « Services concernés en cible » ; chaque bloc qui porte un service ouvre sa page.",
            )
        )
        drawn = {n.id for n in drawing.spec.nodes}
        rows = tuple(
            (
                md(block.label),
                md(area_label(area, block.group)),
                cell([_content(c) for c in block.contents]),
                _services(index, here, block),
                _highlighted(view, highlighted.get(block.id)),
            )
            for area, block in figure.blocks()
            if block.id in drawn
        )
        parts.append(Table(HEADERS, rows))
    parts.append(Paragraphs(_after(figure, view, bool(highlighted))))
    return Section(md(figure.title), tuple(parts))


def _content(content: Content) -> str:
    """A printed content, with where it is legible when that is a single section."""
    if len(content.legible_in) == 1:
        return f"{md(content.label)} (lisible en {md(content.legible_in[0])} seulement)"
    return md(content.label)


def _services(index: Index, here: str, block: ArchitectureBlock) -> str:
    """The block's services, linked; those only the section's text adds to it say so."""
    services = block.services()
    if not services:
        return "Aucun service dans le modèle : intitulé seul."
    printed = {block.service, *(s for c in block.contents for s in c.services)}
    return cell([service_link(index, here, s) + ("" if s in printed else " (d'après le texte)") for s in services])


def _highlighted(view: View, items: list[int] | None) -> str:
    """« Non », or the star and the items of the view's list that designate the block, quoted."""
    if not items:
        return "Non"
    quoted = " ; ".join(f"« {md(view.services_in_scope[i - 1])} » (élément {i})" for i in items)
    return f"{STAR} Oui — {quoted}"


def _after(figure: ArchitectureFigure, view: View, highlighted: bool) -> str:
    """What the drawing does not carry: the printed data legend, and the derivation of the highlight."""
    legend = " ; ".join(f"« {md(entry.label)} »" for entry in figure.legend)
    lines = []
    if legend:
        lines.append(
            f"La légende imprimée du schéma donne les catégories de données : {legend}. Les pastilles de "
            "chaque bloc ne sont pas lisibles dans la source numérisée : le schéma ci-dessus ne les reprend pas."
        )
    if highlighted:
        lines.append(
            "Les blocs mis en évidence sont déduits par le modèle de la liste « Services concernés en cible » "
            "de la vue, élément par élément (colonne « Mis en évidence par la vue ») : la source numérisée ne "
            "montre pas ceux que le schéma met en évidence."
        )
    else:
        lines.append(f"Le modèle ne relie aucun bloc du schéma à la vue « {md(view.title)} ».")
    return "\n\n".join(lines)

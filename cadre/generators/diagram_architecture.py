"""The functional-architecture figure, drawn at the head of each view's page with that view's blocks highlighted.

Each area of the figure is a band, top to bottom; an area whose blocks are printed in several columns
(« Échange », « Coordination »…) has one frame per column, its blocks stacked; another area lays its blocks
side by side in one frame. A block is a box: the fill of its first model service's system category (white when the
model has none, and then no link), its printed contents after its label. The blocks a view highlights
are framed thick dark red and marked « ★ » in their label, never by colour alone. The figure has no
arrows: invisible links only place the boxes (:attr:`~cadre.drawing.spec.DiagramSpec.placing`).
"""

from __future__ import annotations

from collections.abc import Sequence

from cadre.drawing.spec import DCluster, DiagramSpec, DNode, LegendItem, LegendSection
from cadre.generators.diagram_parts import BUDGET, CATEGORY_FILL, Budget, Drawing, part, split, systems_legend
from cadre.output import site_paths
from model import ArchitectureFigure, Area, Block, Index, View

STAR = "★"
"""The text mark of a highlighted block, in its label and in the legend."""
EMPTY_FILL = "#FFFFFF"
"""Fill of a block that holds no service of the model."""


def architecture_drawings(index: Index, budget: Budget = BUDGET) -> list[Drawing]:
    """For every view, every functional-architecture figure with the view's blocks highlighted."""
    return [
        drawing
        for view in index.framework.views
        for figure in index.framework.functional_architecture
        for drawing in figure_drawings(index, figure, view, budget)
    ]


def figure_drawings(index: Index, figure: ArchitectureFigure, view: View, budget: Budget = BUDGET) -> list[Drawing]:
    """``figure`` as ``view`` shows it, in parts of whole areas if it exceeds the budget."""
    here = site_paths.page("view", view.id)
    parts = split(list(figure.areas), lambda area: [b.id for b in area.blocks], budget)
    result = []
    for number, areas in enumerate(parts, start=1):
        ident = f"{figure.id}-{view.id}" if len(parts) == 1 else f"{figure.id}-{view.id}-{number}"
        spec = _spec(index, figure, view, here, ident, areas, part(number, len(parts)))
        result.append(Drawing(f"diagrams/architecture/{ident}.svg", here, spec))
    return result


def block_label(block: Block, *, highlighted: bool) -> str:
    """The text of a block's box: the star if highlighted, its label, then its printed contents."""
    contents = ", ".join(c.label for c in block.contents)
    text = f"{block.label} : {contents}" if contents else block.label
    return f"{STAR} {text}" if highlighted else text


def area_label(area: Area, group: str | None) -> str:
    """The title of a frame: the area's, followed by the column's when the area has columns."""
    return f"{area.label} — {group}" if group else area.label


def columns(area: Area) -> list[tuple[str | None, list[Block]]]:
    """The blocks of ``area`` by column (``None``: printed without a column), in order of first appearance."""
    found: dict[str | None, list[Block]] = {}
    for block in area.blocks:
        found.setdefault(block.group, []).append(block)
    return list(found.items())


def _spec(
    index: Index,
    figure: ArchitectureFigure,
    view: View,
    here: str,
    ident: str,
    areas: Sequence[Area],
    suffix: str,
) -> DiagramSpec:
    highlighted = figure.highlighted(view.id)
    nodes = tuple(_node(index, here, area, block, highlighted.get(block.id)) for area in areas for block in area.blocks)
    clusters = tuple(
        DCluster(
            id=f"{area.id}-{n}",
            label=area_label(area, group),
            members=tuple(b.id for b in blocks),
            arrangement="column" if _stacked(area) else "row",
        )
        for area in areas
        for n, (group, blocks) in enumerate(columns(area), start=1)
    )
    marked = [n for n in nodes if n.bold]
    shown = sorted(highlighted)
    return DiagramSpec(
        id=ident,
        title=f"{figure.title} — {view.title}{suffix}",
        description=(
            f"Zones fonctionnelles et blocs du schéma, de haut en bas : {', '.join(a.label for a in areas)}. "
            + (
                f"Les {len(shown)} blocs que désigne la liste « Services concernés en cible » de la vue sont "
                f"encadrés en trait épais rouge foncé et marqués {STAR}. "
                if shown
                else "Aucun bloc n'est mis en évidence pour cette vue. "
            )
            + "Chaque bloc qui porte un service du modèle ouvre sa page ; le tableau qui suit le schéma "
            "donne le même contenu en texte."
        ),
        nodes=nodes,
        edges=(),
        clusters=clusters,
        legend=_legend(index, areas, nodes, marked),
        direction="TB",
        placing=_placing(areas),
    )


def _node(index: Index, here: str, area: Area, block: Block, items: list[int] | None) -> DNode:
    services = block.services()
    where = area_label(area, block.group)
    names = ", ".join(index.services[s].name for s in services if s in index.services)
    concerned = f" ; {STAR} concerné par la vue (élément {', '.join(map(str, items))} de la liste)" if items else ""
    if not services:
        return DNode(
            id=block.id,
            label=block_label(block, highlighted=bool(items)),
            fill=EMPTY_FILL,
            tooltip=f"{block.label} ({where}) ; aucun service dans le modèle{concerned}",
            bold=bool(items),
        )
    first = index.services[services[0]]
    opens = "" if len(services) == 1 else f" ; ouvre la page de « {first.name} »"
    return DNode(
        id=block.id,
        label=block_label(block, highlighted=bool(items)),
        fill=CATEGORY_FILL[first.category],
        url=site_paths.url_link(here, site_paths.page("service", first.id)),
        tooltip=f"{block.label} ({where}) ; services : {names}{opens}{concerned}",
        bold=bool(items),
    )


def _legend(
    index: Index, areas: Sequence[Area], nodes: Sequence[DNode], marked: Sequence[DNode]
) -> tuple[LegendSection, ...]:
    """System categories of the linked blocks, the block without service, the highlight: what is drawn."""
    firsts = [b.services()[0] for a in areas for b in a.blocks if b.services()]
    systems = systems_legend(index, firsts)
    items = list(systems.items)
    if any(n.url is None for n in nodes):
        items.append(LegendItem("Bloc sans service dans le modèle (sans lien)", "fill", fill=EMPTY_FILL))
    sections = [LegendSection("Blocs", tuple(items))]
    if marked:
        sample = LegendItem(
            f"{STAR} Bloc concerné par la vue (déduit de sa liste « Services concernés en cible »)",
            "fill",
            fill=marked[0].fill,
            highlight=True,
        )
        sections.append(LegendSection("Mise en évidence", (sample,)))
    return tuple(sections)


def _stacked(area: Area) -> bool:
    """Whether the area's columns are drawn as columns: when it has several (one is drawn as a row)."""
    return len(columns(area)) > 1


def _placing(areas: Sequence[Area]) -> tuple[tuple[str, str], ...]:
    """Each area a band below the previous one.

    Every box at the bottom of a band is linked to every box at the top of the next (a row's boxes are both).
    """
    links: list[tuple[str, str]] = []
    bottoms: list[str] = []
    for area in areas:
        frames = [[b.id for b in blocks] for _, blocks in columns(area)]
        if _stacked(area):
            tops, ends = [f[0] for f in frames], [f[-1] for f in frames]
        else:
            tops = ends = [ident for frame in frames for ident in frame]
        links += [(above, below) for above in bottoms for below in tops]
        bottoms = ends
    return tuple(links)

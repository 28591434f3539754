"""The « Architecture du code » page: the pipeline drawn from the registry of generators itself.

The registry (:mod:`cadre.generators.registry`) hands its steps to :func:`generate`, so the page and its
diagram change with the code: a generator added, removed or given other folders shows here at the next
``make generate`` (and ``generate --check`` fails until then).
"""

from __future__ import annotations

from collections.abc import Sequence

from cadre.drawing import svg
from cadre.drawing.rendering import render_all
from cadre.drawing.spec import DCluster, DEdge, DiagramSpec, DNode, LegendItem, LegendSection
from cadre.generators.page_model import Diagram, Page, Paragraphs, Section, Table
from cadre.generators.page_parts import render
from cadre.generators.step import Step
from cadre.output import site_paths
from cadre.output.text import link, md
from model import Index

PAGE = "docs/architecture/index.md"
DIAGRAM = "diagrams/architecture/parcours.svg"
STYLESHEET = "docs/stylesheets/architecture.css"
"""The least width of the diagram (``mkdocs.yml``'s ``extra_css``): the site's CSP refuses style attributes."""

_STAGE = "#B9D7F0"
_FILES = "#F3E6A2"
_GENERATOR = "#BFE3C8"
_TITLE = "Parcours du code : du modèle au site"
_HERE = PAGE.removeprefix("docs/")


def generate(index: Index, steps: Sequence[Step] = ()) -> dict[str, str]:
    """The page, its diagram and the diagram's stylesheet, from ``steps`` (the registry, in order)."""
    spec = pipeline_spec(steps)
    (drawn,) = render_all([spec])
    return {
        PAGE: render(architecture_page(steps)),
        DIAGRAM: drawn,
        STYLESHEET: "/* Généré à partir du registre des générateurs (ne pas modifier). */\n"
        + svg.min_width_rule(drawn)
        + "\n",
    }


def pipeline_spec(steps: Sequence[Step]) -> DiagramSpec:
    """The pipeline: the model read, each registered generator, the drawing, the assembly, the site generators."""
    nodes = [
        DNode("yaml", "model/content/*.yaml", _FILES, tooltip="Le contenu du modèle, que les rédacteurs modifient"),
        DNode("model", "Lecture du modèle\n(model)", _STAGE, tooltip="YAML lu, validé par pydantic, indexé"),
        DNode("drawing", "Dessin\n(cadre.drawing)", _STAGE, tooltip="diagrams et Graphviz, en cache et en parallèle"),
        DNode("generated", "generated/", _FILES, tooltip="La sortie générée, versionnée"),
        DNode(
            "assemble", "Assemblage du site\n(cadre.site)", _STAGE, tooltip="build/site-src/, menu, version imprimable"
        ),
        DNode("site", "site/", _FILES, tooltip="Le site publié, après les étapes d'après construction"),
    ]
    edges = [DEdge("yaml", "model", ""), DEdge("generated", "assemble", "")]
    members = []
    for number, step in enumerate(steps, start=1):
        ident = f"step-{number}"
        members.append(ident)
        url = site_paths.url_link(_HERE, step.shows)
        nodes.append(DNode(ident, _short(step.name), _GENERATOR, url=url, tooltip=f"{step.makes} (voir la page)"))
        edges.append(DEdge("model", ident, ""))
        draws = any(owned.startswith("diagrams/") for owned in step.owns)
        edges.append(DEdge(ident, "drawing" if draws else "generated", ""))
    edges.append(DEdge("drawing", "generated", ""))
    publishers = []
    for name, shown in site_paths.SITE_GENERATORS.items():
        ident = f"publish-{name}"
        publishers.append(ident)
        nodes.append(DNode(ident, shown, _STAGE, tooltip=f"Construit le site avec {shown} (cadre.publish)"))
        edges += [DEdge("assemble", ident, ""), DEdge(ident, "site", "")]
    return DiagramSpec(
        id="architecture-parcours",
        title=_TITLE,
        description=(
            f"Le modèle est lu, puis chacun des {len(steps)} générateurs du registre écrit sa part de generated/ "
            "(les diagrammes passent par le dessin) ; l'assemblage en tire l'arborescence du site, que "
            f"{' ou '.join(site_paths.SITE_GENERATORS.values())} construit dans site/."
        ),
        nodes=tuple(nodes),
        edges=tuple(edges),
        clusters=(
            DCluster("generateurs", "Générateurs (cadre.generators), dans l'ordre du registre", tuple(members)),
            DCluster("publication", "Générateur du site (cadre.publish)", tuple(publishers)),
        ),
        legend=(
            LegendSection(
                "Boîtes",
                (
                    LegendItem("Fichiers", "fill", fill=_FILES),
                    LegendItem("Étape du parcours", "fill", fill=_STAGE),
                    LegendItem("Générateur du registre", "fill", fill=_GENERATOR),
                ),
            ),
        ),
    )


def architecture_page(steps: Sequence[Step]) -> Page:
    """The page: what the pipeline is, its diagram, and the table of the registry that it draws."""
    rows = tuple(
        (
            md(step.name),
            link(md(step.makes), site_paths.md_link(_HERE, step.shows)),
            ", ".join(md(owned) for owned in step.owns),
        )
        for step in steps
    )
    return Page(
        title="Architecture du code",
        lead=(
            "Comment le code tire le site du modèle, pour qui veut y contribuer. Cette page est produite à partir "
            "du registre des générateurs (cadre/generators/registry.py) : elle change avec lui, et la "
            "vérification de generated/ échoue tant qu'elle n'a pas été régénérée."
        ),
        sections=(
            Section(
                "Le parcours",
                (
                    Paragraphs(
                        "Les dossiers de cadre/ suivent ce parcours : cadre/generators, cadre/drawing, cadre/site "
                        "et cadre/publish ; cadre/output est le socle commun (échappement, chemins, cache, "
                        "écriture d'une arborescence d'un coup) ; cadre/editor (commandes new et diff) et "
                        "cadre/bench (make bench) sont à part. Le README détaille chaque paquet. Chaque "
                        "générateur est une fonction du modèle qui rend des fichiers ; il n'écrit que dans les "
                        "chemins que le registre lui attribue (la génération échoue sinon). Le dernier du "
                        "registre, cadre.generators.architecture_page, produit cette page à partir des autres."
                    ),
                    Diagram(DIAGRAM, md(_TITLE)),
                    Table(
                        ("Générateur (module)", "Ce qu'il produit", "Chemins de generated/ qui sont les siens"), rows
                    ),
                ),
            ),
        ),
    )


def _short(module: str) -> str:
    """``cadre.generators.spec_pages`` → ``spec_pages``: the box holds the module's own name."""
    return module.rsplit(".", 1)[-1]

"""Section pages: the index of each kind of entity, the overview pages of the framework, and navigation."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from cadre.generators import provenance_marks as pm
from cadre.generators import rule_pages
from cadre.generators.filter_forms import FLOW_FACETS, SERVICE_FACETS, Control, controls, filter_form
from cadre.generators.page_model import Page, Paragraphs, Section, Table
from cadre.generators.page_parts import (
    entity_link,
    environment,
    first_sentence,
    flow_table,
    notes,
    recommendation_link,
    render,
    service_link,
    use_case_table,
)
from cadre.output import site_paths
from cadre.output.text import link, md, nav
from model import Index


def generate(index: Index) -> dict[str, str]:
    """Every section index page and every navigation file, under ``docs/``."""
    pages = {**index_pages(index), **overview_pages(index)}
    outputs = {f"{site_paths.DOCS}/{path}": render(page) for path, page in pages.items()}
    outputs.update({f"{site_paths.DOCS}/{path}": text for path, text in navigation(index).items()})
    return outputs


def _table_page(title: str, lead: str, heading: str, headers: tuple[str, ...], rows: Iterable[tuple[str, ...]]) -> Page:
    """A section page made of one table under one heading."""
    return Page(title=title, lead=lead, sections=(Section(heading, (Table(headers, tuple(rows)),)),))


def _filtered(page: Page, kind: str, form: tuple[Control, ...], legend: str) -> Page:
    """``page`` with a filter form after its lead, its tables' rows filtered as entities of ``kind``."""
    sections = tuple(
        replace(
            section,
            blocks=tuple(replace(b, filterable=kind) if isinstance(b, Table) else b for b in section.blocks),
        )
        for section in page.sections
    )
    lead = f"{page.lead}\n\n{filter_form(f'filtres-{kind}', form, legend)}"
    return replace(page, lead=lead, sections=sections)


def index_pages(index: Index) -> dict[str, Page]:
    """The page that lists every entity of each kind."""
    fw = index.framework
    pages: dict[str, Page] = {}
    here = site_paths.index("view")
    pages[here] = _table_page(
        "Vues (parcours)",
        "Chaque vue reprend un schéma d'orchestration du cadre, ses cas d'usage et ses flux.",
        "Toutes les vues",
        ("Vue", "Axe", "Section", "Cas d'usage", "Flux"),
        (
            (
                entity_link(here, "view", v.id, v.title),
                md(v.axis),
                md(v.source.place),
                str(sum(len(s.use_cases) for s in v.scenarios)),
                str(len(v.flows)),
            )
            for v in fw.views
        ),
    )
    here = site_paths.index("service")
    services = _table_page(
        "Services",
        "Les services numériques, portails, référentiels et systèmes d'information du cadre.",
        "Tous les services",
        ("Service", "Nature", "Catégorie de système", "Fait partie de"),
        (
            (
                entity_link(here, "service", s.id, s.name),
                md(s.kind.label),
                md(s.category.label),
                service_link(index, here, s.part_of) if s.part_of else "—",
            )
            for s in fw.services
        ),
    )
    pages[here] = _filtered(services, "service", controls(index, SERVICE_FACETS), "Filtrer les services")
    here = site_paths.index("flow")
    flows = Page(
        title="Flux",
        lead="Les flux d'échange de données entre services, repérés par leur lettre sur le schéma de leur vue.",
        sections=tuple(Section(md(v.title), (flow_table(index, here, list(v.flows)),)) for v in fw.views if v.flows),
    )
    pages[here] = _filtered(flows, "flow", controls(index, FLOW_FACETS), "Filtrer les flux")
    here = site_paths.index("use_case")
    pages[here] = _filtered(
        Page(
            title="Cas d'usage",
            lead="Les cas d'usage de chaque schéma d'orchestration : « En tant que … je souhaite … et pour cela … ».",
            sections=tuple(
                Section(f"{md(v.title)} — {md(s.title)}", (use_case_table(index, here, list(s.use_cases)),))
                for v in fw.views
                for s in v.scenarios
            ),
        ),
        "use_case",
        controls(index, FLOW_FACETS),
        "Filtrer les cas d'usage",
    )
    here = site_paths.index("recommendation")
    pages[here] = _table_page(
        "Recommandations",
        "Les principes thématiques et règles d'urbanisation du cadre, texte intégral sur chaque page.",
        "Toutes les recommandations",
        ("Recommandation", "Axe", "Début du texte", "Vérification sur le modèle"),
        (
            (recommendation_link(here, r), md(r.axis), md(first_sentence(r.text)), rule_pages.index_cell(index, r))
            for r in fw.recommendations
        ),
    )
    here = site_paths.index("axis")
    pages[here] = _table_page(
        "Axes de travail",
        "",
        "Les axes du domaine d'étude 4",
        ("Axe", "Intitulé", "État"),
        ((entity_link(here, "axis", a.id, a.id), md(a.title), md(a.status.label)) for a in fw.axes),
    )
    return pages


def overview_pages(index: Index) -> dict[str, Page]:
    """Stakes and questions (1.1) and next steps (1.6), one page each."""
    fw = index.framework
    here = site_paths.STAKES
    questions = site_paths.md_link(here, site_paths.QUESTIONS)
    stakes = Page(
        title="Périmètre, enjeux et questionnements",
        lead=(
            "Le périmètre du domaine d'étude, les enjeux issus de la phase d'analyse de l'existant, puis un "
            "renvoi vers les besoins et questionnements exprimés par les acteurs du médico-social."
        ),
        sections=(
            *(
                Section(
                    md(o.title),
                    tuple(
                        Paragraphs(p) for p in (pm.title_note(index, here, o), pm.block(index, here, o, "text")) if p
                    ),
                )
                for o in fw.overview
            ),
            Section(
                "Enjeux",
                (
                    Table(
                        ("Enjeu", "Description"),
                        tuple(
                            (pm.inline(index, here, s, "title"), pm.inline(index, here, s, "text")) for s in fw.stakes
                        ),
                    ),
                ),
            ),
            Section(
                "Questionnements",
                (
                    Paragraphs(
                        f"Les {len(fw.questions)} besoins et questionnements exprimés par les acteurs, classés par "
                        "thème, avec l'axe de travail et les recommandations qui répondent à chacun, sont sur la "
                        f"page {link(md('Questionnements des acteurs'), questions)}."
                    ),
                ),
            ),
        ),
        notes=notes(
            [
                *(n for o in fw.overview for n in o.notes),
                *(n for s in fw.stakes for n in s.notes),
            ]
        ),
    )
    here_steps = site_paths.NEXT_STEPS
    steps = Page(
        title="Prochaines étapes",
        lead="Les actions à mener par axe de travail, avec les organismes qui les portent (section 1.6).",
        sections=tuple(
            Section(
                entity_link(here_steps, "axis", axis.id, f"Axe {axis.id} — {axis.title}"),
                (
                    Paragraphs(f"État : {md(axis.status.label)}."),
                    Table(
                        ("Porteurs", "Action"),
                        tuple(
                            (md(" / ".join(o.label for o in step.owners)), md(step.action))
                            for step in fw.next_steps
                            if step.axis == axis.id
                        ),
                        empty="Aucune action.",
                    ),
                ),
            )
            for axis in fw.axes
        ),
    )
    return {here: stakes, here_steps: steps}


NAV_BUDGET = 100
"""The most pages a section's menu lists; beyond, it lists only the section's overview.

Material writes the menu into every page (``navigation.prune`` in ``mkdocs.yml`` makes a closed
sub-section one link, but a top-level section lists all its pages): a menu that grows with the model
makes the site's build grow with the square of its size. The overview's table links every page of its
section (as the map is drawn by category beyond the diagrams' budget).
"""


def navigation(index: Index) -> dict[str, str]:
    """One literate-nav ``SUMMARY.md`` per generated section, within :data:`NAV_BUDGET`."""
    fw = index.framework
    name = site_paths.page

    def leaf(kind: str, ident: str, text: str) -> tuple[str, str]:
        return nav(text), name(kind, ident).split("/", 1)[1]

    sections: dict[str, list[tuple[str, str, list[tuple[str, str]]]]] = {
        "view": [(nav(v.title), name("view", v.id).split("/", 1)[1], []) for v in fw.views],
        "service": [(*leaf("service", s.id, s.name), []) for s in fw.services],
        "flow": [
            (nav(v.title), "", [leaf("flow", f.id, f"Flux {f.letter} — {f.title}") for f in v.flows])
            for v in fw.views
            if v.flows
        ],
        "use_case": [
            (
                nav(v.title),
                "",
                [leaf("use_case", uc.id, f"{uc.number}. {uc.goal}") for s in v.scenarios for uc in s.use_cases],
            )
            for v in fw.views
            if v.scenarios
        ],
        "recommendation": [(*leaf("recommendation", r.id, f"Recommandation {r.id}"), []) for r in fw.recommendations],
        "axis": [(*leaf("axis", a.id, f"Axe {a.id}"), []) for a in fw.axes],
    }
    template = environment().get_template("SUMMARY.md.j2")
    overview: tuple[str, str, list[tuple[str, str]]] = ("Vue d'ensemble", "index.md", [])
    return {
        f"{site_paths.SECTIONS[kind]}/SUMMARY.md": template.render(
            items=[overview, *items] if sum(max(1, len(c)) for *_, c in items) <= NAV_BUDGET else [overview]
        )
        for kind, items in sections.items()
    }

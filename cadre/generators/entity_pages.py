"""One page per view, service and use case, and the map (recommendations and axes: their own module)."""

from __future__ import annotations

from cadre.generators import diagram_maps, diagram_views, functional_architecture, rule_pages
from cadre.generators import provenance_marks as pm
from cadre.generators.page_model import Block, Diagram, Page, Paragraphs, Section, Table
from cadre.generators.page_parts import (
    actor_names,
    bullets,
    entity_link,
    first_sentence,
    flow_link,
    flow_table,
    goal_lines,
    notes,
    recommendation_link,
    render,
    service_flow_table,
    service_link,
    source_line,
    use_case_link,
    use_case_table,
    used_by,
)
from cadre.generators.recommendation_pages import axis_page, recommendation_page
from cadre.output import site_paths
from cadre.output.text import md
from model import Index, Service, UseCase, View


def generate(index: Index) -> dict[str, str]:
    """Every page and every section index and navigation file, under ``docs/``."""
    pages: dict[str, Page] = {}
    fw = index.framework
    for view in fw.views:
        pages[site_paths.page("view", view.id)] = view_page(index, view)
    for service in fw.services:
        pages[site_paths.page("service", service.id)] = service_page(index, service)
    for use_case in index.use_cases.values():
        pages[site_paths.page("use_case", use_case.id)] = use_case_page(index, use_case)
    for recommendation in fw.recommendations:
        pages[site_paths.page("recommendation", recommendation.id)] = recommendation_page(index, recommendation)
    for axis in fw.axes:
        pages[site_paths.page("axis", axis.id)] = axis_page(index, axis)
    pages[site_paths.MAP] = map_page(index)
    return {f"{site_paths.DOCS}/{path}": render(page) for path, page in pages.items()}


def map_page(index: Index) -> Page:
    """The map of all services and flows, then the same in a table, then the services without flows."""
    here = site_paths.MAP
    fw = index.framework
    sections: list[Section] = []
    for drawing in diagram_maps.map_drawings(index):
        table = flow_table(index, here, list(index.flows.values()), with_view=True)
        caption = f"{md(drawing.spec.title)} — chaque service et chaque flux ouvre sa page ; la légende suit la carte."
        sections.append(Section("Tous les flux", (Diagram(drawing.path, caption), table)))
    connected = {e for f in index.flows.values() for e in f.ends}
    alone = [s for s in fw.services if s.id not in connected]
    sections.append(
        Section(
            "Services sans flux",
            (
                Paragraphs(
                    "Ces services sont cités par le cadre, mais aucun flux de ses vues ne les relie à un autre "
                    "service ; ils ne figurent donc pas sur la carte."
                ),
                bullets([service_link(index, here, s.id) for s in alone], "Aucun."),
            ),
        )
    )
    return Page(
        title="Carte des services et des flux",
        lead=(
            "Tous les flux d'échange de données des vues du cadre sur un seul schéma : chaque service n'y "
            "figure qu'une fois, dans la couleur de sa catégorie de système, et chaque flux est repéré par sa "
            "vue et sa lettre (« PA C » : flux C de la vue des personnes âgées)."
        ),
        sections=tuple(sections),
        wide=True,
    )


# --- entity pages --------------------------------------------------------------------------------


def view_page(index: Index, view: View) -> Page:
    """The view: its orchestration schemas with their use cases, then its flows."""
    here = site_paths.page("view", view.id)
    sections: list[Section] = []
    if view.services_in_scope:
        sections.append(
            Section(
                "Services concernés en cible",
                (
                    bullets([md(item) for item in view.services_in_scope]),
                    *(
                        (Paragraphs(f"<small>Liste :{pm.mark_of(index, here, view, 'services_in_scope')}</small>"),)
                        if pm.mark_of(index, here, view, "services_in_scope")
                        else ()
                    ),
                    Paragraphs(
                        "Le cadre renvoie, pour ces domaines, au schéma de l'architecture fonctionnelle du "
                        "secteur médico-social."
                    ),
                ),
            )
        )
    sections += functional_architecture.sections(index, view)
    for scenario in view.scenarios:
        scenario_blocks: list[Block] = []
        if scenario.description:
            scenario_blocks.append(Paragraphs(pm.block(index, here, scenario, "description")))
        if pm.title_note(index, here, scenario):
            scenario_blocks.insert(0, Paragraphs(pm.title_note(index, here, scenario)))
        scenario_blocks += [
            Diagram(
                drawing.path,
                f"{md(drawing.spec.title)} — les numéros portés par les flèches renvoient aux cas "
                "d'usage du tableau ci-dessous ; chaque service et chaque numéro ouvre sa page.",
            )
            for drawing in diagram_views.scenario_drawings(index, view, scenario)
        ]
        scenario_blocks.append(use_case_table(index, here, list(scenario.use_cases)))
        sections.append(Section(md(scenario.title), tuple(scenario_blocks)))
    if view.flows:
        sections.append(
            Section(
                "Flux et échanges de données",
                (
                    *(
                        Diagram(
                            drawing.path,
                            f"{md(drawing.spec.title)} — chaque lettre ouvre la page du flux, chaque "
                            "service la sienne ; la légende suit le schéma.",
                        )
                        for drawing in diagram_views.flow_drawings(index, view)
                    ),
                    flow_table(index, here, list(view.flows)),
                ),
            )
        )
    recs = [
        r
        for r in index.framework.recommendations
        if any(f.id in r.flows for f in view.flows) or any(s in r.services for s in index.services_of_view(view))
    ]
    sections.append(
        Section(
            "Recommandations liées",
            (bullets([f"{recommendation_link(here, r)} — {md(first_sentence(r.text))}" for r in recs], "Aucune."),),
        )
    )
    axis = index.axes[view.axis]
    return Page(
        title=md(view.title),
        facts=(
            ("Axe", entity_link(here, "axis", axis.id, f"Axe {axis.id} — {axis.title}")),
            ("Section du cadre", md(view.source.place)),
        ),
        lead=pm.with_title_note(pm.title_note(index, here, view), pm.block(index, here, view, "description")),
        sections=tuple(sections),
        source=source_line(index, view.source, here),
        notes=notes(
            [
                *view.notes,
                *(n for s in view.scenarios for n in s.notes),
                *functional_architecture.figure_notes(index, view),
            ]
        ),
    )


def service_page(index: Index, service: Service) -> Page:
    """A service: what it is, its parts, the flows it emits and receives, what refers to it."""
    here = site_paths.page("service", service.id)
    facts: list[tuple[str, str]] = [
        ("Nature", md(service.kind.label)),
        ("Catégorie de système", md(service.category.label)),
    ]
    if service.short_name:
        facts.insert(0, ("Sigle ou nom court", md(service.short_name)))
    if service.part_of:
        facts.append(("Fait partie de", service_link(index, here, service.part_of)))
    if service.generic:
        facts.append(("Portée", "Famille de services (et non un service nommé)"))
    if service.mes_catalogue:
        facts.append(("Catalogue de Mon espace santé", md(service.mes_catalogue.label)))
    facts += rule_pages.service_facts(service)
    parts = index.parts(service.id)
    neighbourhood = diagram_maps.neighbourhood_drawing(index, service)
    flows_blocks: list[Block] = []
    if neighbourhood:
        flows_blocks.append(
            Diagram(
                neighbourhood.path,
                f"{md(neighbourhood.spec.title)} — chaque flux ouvre sa page, chaque service la sienne ; "
                "le tableau ci-dessous en donne le même contenu.",
            )
        )
    flows_blocks.append(service_flow_table(index, here, [service.id, *(p.id for p in parts)]))
    sections = [Section("Flux émis et reçus", tuple(flows_blocks))]
    if parts:
        sections.insert(0, Section("Composants", (bullets([service_link(index, here, p.id) for p in parts]),)))
    sections.append(
        used_by(
            [
                (
                    "Vues",
                    [entity_link(here, "view", v.id, v.title) for v in index.views_of_service(service.id)],
                    "Aucune.",
                ),
                (
                    "Cas d'usage",
                    [use_case_link(index, here, uc) for uc in index.use_cases_of_service(service.id)],
                    "Aucun.",
                ),
                (
                    "Recommandations",
                    [recommendation_link(here, r) for r in index.recommendations_of_service(service.id)],
                    "Aucune.",
                ),
            ]
        )
    )
    sections.append(rule_pages.service_section(index, service))
    return Page(
        title=md(service.name if not service.short_name else f"{service.name} ({service.short_name})"),
        # A service that has parts comes before its parts, whose names repeat its own
        # (« Mon espace santé » first, then « Agenda de Mon espace santé »).
        search_boost=4 if parts else 3,
        facts=tuple(facts),
        lead=pm.with_title_note(
            pm.title_note(index, here, service, "name", "Nom"), pm.block(index, here, service, "description")
        ),
        sections=tuple(sections),
        source=source_line(index, service.source, here),
        notes=notes(service.notes),
    )


def use_case_page(index: Index, uc: UseCase) -> Page:
    """A use case: who, what, how, and the services, flows and steps it involves."""
    here = site_paths.page("use_case", uc.id)
    view = index.view_of[uc.id]
    scenario = index.scenario_of[uc.id]
    steps = tuple(
        (str(n), service_link(index, here, s.from_), service_link(index, here, s.to)) for n, s in enumerate(uc.steps, 1)
    )
    no_steps = "Aucune flèche sur le schéma."
    path: tuple[Diagram, ...] = ()
    if uc.steps:
        drawing = diagram_views.path_drawing(index, view, scenario, uc)
        path = (
            Diagram(
                drawing.path,
                f"{md(drawing.spec.title)} — les étapes de ce cas d'usage sont en trait épais rouge foncé ; "
                "chaque service et chaque numéro ouvre sa page.",
            ),
        )
    return Page(
        title=f"Cas d'usage {uc.number} — {md(uc.goal)}",
        facts=(
            ("Vue", entity_link(here, "view", view.id, view.title)),
            ("Schéma d'orchestration", pm.inline(index, here, scenario, "title")),
            ("En tant que …", actor_names(index, uc)),
            ("… je souhaite …", goal_lines(uc) + pm.mark_of(index, here, uc, "goals")),
        ),
        sections=(
            Section("… et pour cela …", (Paragraphs(pm.block(index, here, uc, "means")),)),
            Section("Services mobilisés", (bullets([service_link(index, here, s) for s in uc.services]),)),
            Section("Flux mobilisés", (bullets([flow_link(index, here, index.flows[f]) for f in uc.flows]),)),
            Section(
                "Étapes sur le schéma d'orchestration", (*path, Table(("Étape", "De", "Vers"), steps, empty=no_steps))
            ),
            used_by(
                [
                    ("Vue", [entity_link(here, "view", view.id, view.title)], "Aucune."),
                    (
                        "Recommandations qui concernent ses flux",
                        [
                            recommendation_link(here, r)
                            for r in index.recommendations.values()
                            if set(r.flows) & set(uc.flows)
                        ],
                        "Aucune.",
                    ),
                ]
            ),
        ),
        source=source_line(index, uc.source, here),
        notes=notes(uc.notes),
    )

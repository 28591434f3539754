"""One Markdown page per view, service, flow, use case, recommendation and axis, with section indexes."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path

import jinja2

from cadre import site_paths
from cadre.gen_diagrams import flows_path, orchestration_path
from cadre.page_model import Block, Diagram, Note, Page, Paragraphs, Section, Table
from cadre.text import blocks, md
from model import Axis, Flow, Index, Recommendation, Service, SourceRef, SystemCategory, UseCase, View
from model import Note as SourceNote

DOCS = "docs"


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )


def render(page: Page) -> str:
    """The Markdown text of ``page``."""
    return _environment().get_template("page.md.j2").render(page=page)


def generate(index: Index) -> dict[str, str]:
    """Every page and every section index and navigation file, under ``docs/``."""
    pages: dict[str, Page] = {}
    fw = index.framework
    for view in fw.views:
        pages[site_paths.page("view", view.id)] = view_page(index, view)
    for service in fw.services:
        pages[site_paths.page("service", service.id)] = service_page(index, service)
    for flow in index.flows.values():
        pages[site_paths.page("flow", flow.id)] = flow_page(index, flow)
    for use_case in index.use_cases.values():
        pages[site_paths.page("use_case", use_case.id)] = use_case_page(index, use_case)
    for recommendation in fw.recommendations:
        pages[site_paths.page("recommendation", recommendation.id)] = recommendation_page(index, recommendation)
    for axis in fw.axes:
        pages[site_paths.page("axis", axis.id)] = axis_page(index, axis)
    pages.update(index_pages(index))
    outputs = {f"{DOCS}/{path}": render(page) for path, page in pages.items()}
    outputs.update({f"{DOCS}/{path}": text for path, text in navigation(index).items()})
    return outputs


# --- links and shared pieces ---------------------------------------------------------------------


def _link(here: str, kind: str, ident: str, text: str) -> str:
    return f"[{md(text)}]({site_paths.md_link(here, site_paths.page(kind, ident))})"


def _service(index: Index, here: str, ident: str) -> str:
    if ident in index.actors:
        return md(index.actors[ident].name)
    return _link(here, "service", ident, index.services[ident].name)


def _flow(index: Index, here: str, flow: Flow) -> str:
    view = index.view_of[flow.id]
    return _link(here, "flow", flow.id, f"Flux {flow.letter} ({view.title}) — {flow.title}")


def _use_case(index: Index, here: str, uc: UseCase) -> str:
    return _link(here, "use_case", uc.id, f"Cas d'usage {uc.number} — {uc.goal}")


def _recommendation(here: str, rec: Recommendation) -> str:
    return _link(here, "recommendation", rec.id, f"Recommandation {rec.id}")


def _source(index: Index, ref: SourceRef) -> str:
    document = next(d for d in index.framework.documents if d.id == ref.document)
    detail = f" ({md(ref.detail)})" if ref.detail else ""
    version = f", {md(document.version)}" if document.version else ""
    return f"Source : {md(document.title)}{version}, section {md(ref.section)}{detail}."


def _notes(notes: Iterable[SourceNote]) -> tuple[Note, ...]:
    return tuple(
        Note(title=f"{note.kind.label} — section {note.section}", markdown=blocks(note.text)) for note in notes
    )


def _bullets(items: list[str], empty: str = "Aucun.") -> Paragraphs:
    return Paragraphs("\n".join(f"- {item}" for item in items) if items else empty)


def _flow_table(index: Index, here: str, flows: list[Flow]) -> Table:
    """Flows of one view: the letter opens the flow, then what identifies it."""
    rows = tuple(
        (
            _link(here, "flow", f.id, f.letter),
            md(f.title),
            _service(index, here, f.emitter),
            _service(index, here, f.receiver),
            md(f.direction.label),
            md(f.nature.label),
            md(", ".join(c.label for c in f.data_categories)),
            md(f.status.label),
        )
        for f in flows
    )
    return Table(
        ("Flux", "Intitulé", "Émetteur", "Récepteur", "Sens", "Nature", "Données", "État"),
        rows,
        empty="Aucun flux.",
    )


def _service_flow_table(index: Index, here: str, service_id: str) -> Table:
    """Flows a service emits or receives, from any view, with the service at the other end."""
    rows = tuple(
        (
            _link(here, "flow", f.id, f"{f.letter} — {f.title}"),
            _link(here, "view", index.view_of[f.id].id, index.view_of[f.id].title),
            "émis vers" if f.emitter == service_id else "reçu de",
            _service(index, here, f.receiver if f.emitter == service_id else f.emitter),
        )
        for f in index.flows_emitted(service_id) + index.flows_received(service_id)
    )
    return Table(("Flux", "Vue", "Sens pour ce service", "Autre service"), rows, empty="Aucun flux.")


def _use_case_table(index: Index, here: str, use_cases: list[UseCase]) -> Table:
    rows = tuple(
        (
            _link(here, "use_case", uc.id, str(uc.number)),
            md(index.actors[uc.actor].name),
            md(uc.goal),
            ", ".join(_link(here, "flow", f, index.flows[f].letter) for f in uc.flows) or "—",
        )
        for uc in use_cases
    )
    return Table(("N°", "En tant que …", "… je souhaite …", "Flux"), rows, empty="Aucun cas d'usage.")


# --- entity pages --------------------------------------------------------------------------------


def view_page(index: Index, view: View) -> Page:
    """The view: its orchestration schemas with their use cases, then its flows."""
    here = site_paths.page("view", view.id)
    sections: list[Section] = []
    for scenario in view.scenarios:
        scenario_blocks: list[Block] = []
        if scenario.description:
            scenario_blocks.append(Paragraphs(blocks(scenario.description)))
        scenario_blocks.append(
            Diagram(
                orchestration_path(scenario),
                f"{md(scenario.title)} — les numéros portés par les flèches renvoient aux cas "
                "d'usage du tableau ci-dessous ; chaque service et chaque flèche ouvre sa page.",
            )
        )
        scenario_blocks.append(_use_case_table(index, here, list(scenario.use_cases)))
        sections.append(Section(md(scenario.title), tuple(scenario_blocks)))
    if view.flows:
        sections.append(
            Section(
                "Flux et échanges de données",
                (
                    Diagram(
                        flows_path(view),
                        "Schéma des flux — trait plein : flux automatisé ; pointillés : flux manuel ; "
                        "double pointe : flux bidirectionnel. Chaque lettre ouvre la page du flux.",
                    ),
                    _flow_table(index, here, list(view.flows)),
                    _legend(index, view),
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
            (_bullets([f"{_recommendation(here, r)} — {md(_first_sentence(r.text))}" for r in recs], "Aucune."),),
        )
    )
    axis = index.axes[view.axis]
    return Page(
        title=md(view.title),
        facts=(
            ("Axe", _link(here, "axis", axis.id, f"Axe {axis.id} — {axis.title}")),
            ("Section du cadre", md(view.source.section)),
        ),
        lead=blocks(view.description),
        sections=tuple(sections),
        source=_source(index, view.source),
        notes=_notes([*view.notes, *(n for s in view.scenarios for n in s.notes)]),
    )


def _legend(index: Index, view: View) -> Paragraphs:
    categories = sorted(
        {index.services[s].category for s in index.services_of_view(view) if s in index.services},
        key=list(SystemCategory).index,
    )
    items = ", ".join(md(c.label) for c in categories)
    return Paragraphs(f"Couleurs des services (catégories de systèmes) présentes sur ces schémas : {items}.")


def _first_sentence(text: str) -> str:
    flat = " ".join(text.split())
    end = flat.find(". ")
    return flat if end < 0 else flat[: end + 1]


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
        facts.append(("Fait partie de", _service(index, here, service.part_of)))
    if service.generic:
        facts.append(("Portée", "Famille de services (et non un service nommé)"))
    if service.mes_catalogue:
        facts.append(("Catalogue de Mon espace santé", md(service.mes_catalogue.label)))
    parts = index.parts(service.id)
    sections = [Section("Flux émis et reçus", (_service_flow_table(index, here, service.id),))]
    if parts:
        sections.insert(0, Section("Composants", (_bullets([_service(index, here, p.id) for p in parts]),)))
    sections.append(
        Section(
            "Utilisé par",
            (
                Paragraphs("**Vues**"),
                _bullets([_link(here, "view", v.id, v.title) for v in index.views_of_service(service.id)]),
                Paragraphs("**Cas d'usage**"),
                _bullets([_use_case(index, here, uc) for uc in index.use_cases_of_service(service.id)]),
                Paragraphs("**Recommandations**"),
                _bullets([_recommendation(here, r) for r in index.recommendations_of_service(service.id)], "Aucune."),
            ),
        )
    )
    return Page(
        title=md(service.name),
        facts=tuple(facts),
        lead=blocks(service.description),
        sections=tuple(sections),
        source=_source(index, service.source),
        notes=_notes(service.notes),
    )


def flow_page(index: Index, flow: Flow) -> Page:
    """A flow: its identification, its description and what refers to it."""
    here = site_paths.page("flow", flow.id)
    view = index.view_of[flow.id]
    return Page(
        title=f"Flux {md(flow.letter)} — {md(flow.title)}",
        facts=(
            ("Vue", _link(here, "view", view.id, view.title)),
            ("Émetteur", _service(index, here, flow.emitter)),
            ("Récepteur", _service(index, here, flow.receiver)),
            ("Sens", md(flow.direction.label)),
            ("Nature", md(flow.nature.label)),
            ("Catégories de données", md(", ".join(c.label for c in flow.data_categories))),
            ("État", md(flow.status.label)),
        ),
        lead=blocks(flow.description),
        sections=(
            Section(
                "Cas d'usage servis",
                (_bullets([_use_case(index, here, uc) for uc in index.use_cases_of_flow(flow.id)]),),
            ),
            Section(
                "Recommandations qui le concernent",
                (_bullets([_recommendation(here, r) for r in index.recommendations_of_flow(flow.id)], "Aucune."),),
            ),
        ),
        source=_source(index, flow.source),
        notes=_notes(flow.notes),
    )


def use_case_page(index: Index, uc: UseCase) -> Page:
    """A use case: who, what, how, and the services, flows and steps it involves."""
    here = site_paths.page("use_case", uc.id)
    view = index.view_of[uc.id]
    scenario = index.scenario_of[uc.id]
    steps = tuple(
        (str(n), _service(index, here, s.from_), _service(index, here, s.to)) for n, s in enumerate(uc.steps, 1)
    )
    return Page(
        title=f"Cas d'usage {uc.number} — {md(uc.goal)}",
        facts=(
            ("Vue", _link(here, "view", view.id, view.title)),
            ("Schéma d'orchestration", md(scenario.title)),
            ("En tant que …", md(index.actors[uc.actor].name)),
            ("… je souhaite …", md(uc.goal)),
        ),
        sections=(
            Section("… et pour cela …", (Paragraphs(blocks(uc.means)),)),
            Section("Services mobilisés", (_bullets([_service(index, here, s) for s in uc.services]),)),
            Section("Flux mobilisés", (_bullets([_flow(index, here, index.flows[f]) for f in uc.flows]),)),
            Section(
                "Étapes sur le schéma d'orchestration",
                (Table(("Étape", "De", "Vers"), steps, empty="Aucune flèche sur le schéma."),),
            ),
        ),
        source=_source(index, uc.source),
        notes=_notes(uc.notes),
    )


def recommendation_page(index: Index, rec: Recommendation) -> Page:
    """A recommendation: its full text and what it concerns."""
    here = site_paths.page("recommendation", rec.id)
    axis = index.axes[rec.axis]
    concerned = [_service(index, here, s) for s in rec.services]
    concerned += [f"Tout service de nature « {md(k.label)} »" for k in rec.service_kinds]
    return Page(
        title=f"Recommandation {md(rec.id)}",
        facts=(("Axe", _link(here, "axis", axis.id, f"Axe {axis.id} — {axis.title}")),),
        lead=blocks(rec.text),
        sections=(
            Section("Services concernés", (_bullets(concerned),)),
            Section("Flux concernés", (_bullets([_flow(index, here, index.flows[f]) for f in rec.flows]),)),
        ),
        source=_source(index, rec.source),
        notes=_notes(rec.notes),
    )


def axis_page(index: Index, axis: Axis) -> Page:
    """An axis of work: its status, views and recommendations."""
    here = site_paths.page("axis", axis.id)
    views = [v for v in index.framework.views if v.axis == axis.id]
    recs = [r for r in index.framework.recommendations if r.axis == axis.id]
    return Page(
        title=f"Axe {md(axis.id)} — {md(axis.title)}",
        facts=(("État", md(axis.status.label)),),
        lead=blocks(axis.description) if axis.description else "",
        sections=(
            Section("Vues", (_bullets([_link(here, "view", v.id, v.title) for v in views], "Aucune."),)),
            Section(
                "Recommandations",
                (_bullets([f"{_recommendation(here, r)} — {md(_first_sentence(r.text))}" for r in recs], "Aucune."),),
            ),
        ),
        source=_source(index, axis.source),
        notes=_notes(axis.notes),
    )


# --- section indexes and navigation --------------------------------------------------------------


def index_pages(index: Index) -> dict[str, Page]:
    """The page that lists every entity of each kind."""
    fw = index.framework
    pages: dict[str, Page] = {}
    here = site_paths.index("view")
    pages[here] = Page(
        title="Vues (parcours)",
        lead="Chaque vue reprend un schéma d'orchestration du cadre, ses cas d'usage et ses flux.",
        sections=(
            Section(
                "Toutes les vues",
                (
                    Table(
                        ("Vue", "Axe", "Section", "Cas d'usage", "Flux"),
                        tuple(
                            (
                                _link(here, "view", v.id, v.title),
                                md(v.axis),
                                md(v.source.section),
                                str(sum(len(s.use_cases) for s in v.scenarios)),
                                str(len(v.flows)),
                            )
                            for v in fw.views
                        ),
                    ),
                ),
            ),
        ),
    )
    here = site_paths.index("service")
    pages[here] = Page(
        title="Services",
        lead="Les services numériques, portails, référentiels et systèmes d'information du cadre.",
        sections=(
            Section(
                "Tous les services",
                (
                    Table(
                        ("Service", "Nature", "Catégorie de système", "Fait partie de"),
                        tuple(
                            (
                                _link(here, "service", s.id, s.name),
                                md(s.kind.label),
                                md(s.category.label),
                                _service(index, here, s.part_of) if s.part_of else "—",
                            )
                            for s in fw.services
                        ),
                    ),
                ),
            ),
        ),
    )
    here = site_paths.index("flow")
    pages[here] = Page(
        title="Flux",
        lead="Les flux d'échange de données entre services, repérés par leur lettre sur le schéma de leur vue.",
        sections=tuple(Section(md(v.title), (_flow_table(index, here, list(v.flows)),)) for v in fw.views if v.flows),
    )
    here = site_paths.index("use_case")
    pages[here] = Page(
        title="Cas d'usage",
        lead="Les cas d'usage de chaque schéma d'orchestration : « En tant que … je souhaite … et pour cela … ».",
        sections=tuple(
            Section(f"{md(v.title)} — {md(s.title)}", (_use_case_table(index, here, list(s.use_cases)),))
            for v in fw.views
            for s in v.scenarios
        ),
    )
    here = site_paths.index("recommendation")
    pages[here] = Page(
        title="Recommandations",
        lead="Les principes thématiques et règles d'urbanisation du cadre, texte intégral sur chaque page.",
        sections=(
            Section(
                "Toutes les recommandations",
                (
                    Table(
                        ("Recommandation", "Axe", "Début du texte"),
                        tuple(
                            (_recommendation(here, r), md(r.axis), md(_first_sentence(r.text)))
                            for r in fw.recommendations
                        ),
                    ),
                ),
            ),
        ),
    )
    here = site_paths.index("axis")
    pages[here] = Page(
        title="Axes de travail",
        sections=(
            Section(
                "Les axes du domaine d'étude 4",
                (
                    Table(
                        ("Axe", "Intitulé", "État"),
                        tuple((_link(here, "axis", a.id, a.id), md(a.title), md(a.status.label)) for a in fw.axes),
                    ),
                ),
            ),
        ),
    )
    return pages


def navigation(index: Index) -> dict[str, str]:
    """One literate-nav ``SUMMARY.md`` per generated section."""
    fw = index.framework
    name = site_paths.page

    def leaf(kind: str, ident: str, text: str) -> tuple[str, str]:
        return md(text), name(kind, ident).split("/", 1)[1]

    sections: dict[str, list[tuple[str, str, list[tuple[str, str]]]]] = {
        "view": [(md(v.title), name("view", v.id).split("/", 1)[1], []) for v in fw.views],
        "service": [(*leaf("service", s.id, s.name), []) for s in fw.services],
        "flow": [
            (md(v.title), "", [leaf("flow", f.id, f"Flux {f.letter} — {f.title}") for f in v.flows])
            for v in fw.views
            if v.flows
        ],
        "use_case": [
            (
                md(v.title),
                "",
                [leaf("use_case", uc.id, f"{uc.number}. {uc.goal}") for s in v.scenarios for uc in s.use_cases],
            )
            for v in fw.views
            if v.scenarios
        ],
        "recommendation": [(*leaf("recommendation", r.id, f"Recommandation {r.id}"), []) for r in fw.recommendations],
        "axis": [(*leaf("axis", a.id, f"Axe {a.id}"), []) for a in fw.axes],
    }
    template = _environment().get_template("SUMMARY.md.j2")
    overview: tuple[str, str, list[tuple[str, str]]] = ("Vue d'ensemble", "index.md", [])
    return {
        f"{site_paths.SECTIONS[kind]}/SUMMARY.md": template.render(items=[overview, *items])
        for kind, items in sections.items()
    }

"""Traceability: the matrix that links recommendations, flows, use cases and services, and the questions of 1.1.2."""

from __future__ import annotations

from cadre.generators import provenance_marks as pm
from cadre.generators.page_model import Page, Paragraphs, Section, Table
from cadre.generators.page_parts import cell, entity_link, notes, recommendation_link, render
from cadre.output import site_paths, text
from cadre.output.text import md
from model import Index


def generate(index: Index) -> dict[str, str]:
    """The traceability matrix and the page of the questions, under ``docs/``."""
    pages = {site_paths.TRACEABILITY: matrix_page(index), site_paths.QUESTIONS: questions_page(index)}
    return {f"{site_paths.DOCS}/{path}": render(page) for path, page in pages.items()}


def matrix_page(index: Index) -> Page:
    """Four tables, one per kind of entity, each row listing the entities it is linked to."""
    here = site_paths.TRACEABILITY

    def flows(ids: list[str]) -> str:
        return cell([entity_link(here, "flow", f, index.flow_tag(index.flows[f])) for f in ids])

    def use_cases(ids: list[str]) -> str:
        return cell([entity_link(here, "use_case", u, index.use_case_tag(index.use_cases[u])) for u in ids])

    def services(ids: list[str]) -> str:
        return cell(
            [entity_link(here, "service", s, index.services[s].short_name or index.services[s].name) for s in ids]
        )

    def recommendations(ids: list[str]) -> str:
        return cell([entity_link(here, "recommendation", r, r) for r in ids])

    by_recommendation = tuple(
        (
            recommendation_link(here, r),
            services([s.id for s in index.services_of_recommendation(r)]),
            flows(list(r.flows)),
            use_cases([uc.id for uc in index.use_cases_of_recommendation(r)]),
        )
        for r in index.recommendations.values()
    )
    by_flow = tuple(
        (
            entity_link(here, "flow", f.id, f"{index.flow_tag(f)} — {f.title}"),
            services(f.ends),
            use_cases([uc.id for uc in index.use_cases_of_flow(f.id)]),
            recommendations([r.id for r in index.recommendations_of_flow(f.id)]),
        )
        for f in index.flows.values()
    )
    by_use_case = tuple(
        (
            entity_link(here, "use_case", uc.id, f"{index.use_case_tag(uc)} — {uc.goal}"),
            services([s for s in uc.services if s in index.services]),
            flows(list(uc.flows)),
            recommendations([r.id for r in index.recommendations.values() if set(r.flows) & set(uc.flows)]),
        )
        for uc in index.use_cases.values()
    )
    by_service = tuple(
        (
            entity_link(here, "service", s.id, s.name),
            flows([f.id for f in index.flows_touching([s.id])]),
            use_cases([uc.id for uc in index.use_cases_of_service(s.id)]),
            recommendations([r.id for r in index.recommendations_of_service(s.id)]),
        )
        for s in index.services.values()
    )
    return Page(
        title="Matrice de traçabilité",
        lead=(
            "Qui renvoie à quoi dans le cadre : pour chaque recommandation, chaque flux, chaque cas d'usage et "
            "chaque service, les autres éléments qui lui sont liés. Chaque élément cité ouvre sa page. Les flux "
            "sont repérés par leur vue et leur lettre (« PA B' »), les cas d'usage par leur vue et leur numéro "
            "(« MPH 2.3 » : cas 3 du 2ᵉ schéma de la vue MPH) ; un tiret signale l'absence de lien."
        ),
        sections=(
            Section(
                "Par recommandation",
                (
                    Paragraphs(
                        "Les services comprennent ceux que la recommandation nomme et ceux des natures qu'elle vise ; "
                        "les cas d'usage sont ceux qui empruntent ses flux."
                    ),
                    Table(("Recommandation", "Services", "Flux", "Cas d'usage"), by_recommendation, sortable=True),
                ),
            ),
            Section(
                "Par flux",
                (
                    Paragraphs("Les services sont l'émetteur puis le récepteur du flux."),
                    Table(("Flux", "Services", "Cas d'usage", "Recommandations"), by_flow, sortable=True),
                ),
            ),
            Section(
                "Par cas d'usage",
                (Table(("Cas d'usage", "Services", "Flux", "Recommandations"), by_use_case, sortable=True),),
            ),
            Section(
                "Par service",
                (Table(("Service", "Flux", "Cas d'usage", "Recommandations"), by_service, sortable=True),),
            ),
        ),
        wide=True,
    )


def questions_page(index: Index) -> Page:
    """Each question of 1.1.2 with the axis that answers it and what that axis holds."""
    here = site_paths.QUESTIONS
    fw = index.framework
    sections: list[Section] = []
    for theme in dict.fromkeys(q.theme for q in fw.questions):
        rows = []
        for q in (q for q in fw.questions if q.theme == theme):
            axis = index.axes[q.axis]
            answers = [recommendation_link(here, index.recommendations[r]) for r in q.answered_by]
            if not answers:
                answers = [f"Aucune recommandation à ce jour ; voir les {_next_steps_link(here)} de l'axe"]
            also = f" ; également abordée dans le {md(q.also_addressed_in)}" if q.also_addressed_in else ""
            documents = {d.id: d for d in fw.documents}
            said = [pm.citation(documents[d]) for d in q.answered_in if d in documents]
            said += [f"section {md(at.section or at.slide or '')} : « {md(at.quote)} »" for at in q.answered_in_text]
            rows.append(
                (
                    str(q.number),
                    md(q.text),
                    entity_link(here, "axis", axis.id, f"Axe {axis.id}") + also,
                    cell(answers),
                    " ; ".join(said) or "—",
                )
            )
        headers = (
            "N°",
            "Question",
            "Axe qui y répond",
            "Recommandations qui y répondent",
            "Réponse de la source (note ou texte)",
        )
        sections.append(Section(md(theme.label), (Table(headers, tuple(rows)),)))
    return Page(
        title="Questionnements des acteurs",
        lead=(
            "Les besoins et questionnements exprimés par les acteurs du médico-social (ARS, GRADeS, collectifs SI "
            "médico-sociaux, fédérations, ESMS et OG, industriels) pendant la phase d'analyse de l'existant "
            "(section 1.1.2 du cadre), classés par thème. Pour chacun : l'axe de travail qui y répond, tel que le "
            "cadre l'indique, puis les recommandations qui y répondent. Ce second rapprochement est celui des "
            "éditeurs de ce site : le cadre ne relie chaque question qu'à un axe. Quand une note de bas de page ou "
            "un passage du texte du cadre répond à une question, la dernière colonne le reproduit tel quel, avec "
            "sa section."
        ),
        sections=tuple(sections),
        notes=notes([n for q in fw.questions for n in q.notes]),
        wide=True,
    )


def _next_steps_link(here: str) -> str:
    return text.link(md("prochaines étapes"), site_paths.md_link(here, site_paths.NEXT_STEPS))

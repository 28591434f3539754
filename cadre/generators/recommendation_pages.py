"""The page of each recommendation (its rules and their results) and of each axis of work."""

from __future__ import annotations

from cadre.generators import provenance_marks as pm
from cadre.generators import rule_pages
from cadre.generators.page_model import Page, Section
from cadre.generators.page_parts import (
    bullets,
    entity_link,
    first_sentence,
    flow_link,
    notes,
    recommendation_link,
    service_link,
    source_line,
    use_case_link,
    used_by,
)
from cadre.output import site_paths
from cadre.output.text import link, md
from model import Axis, Index, Recommendation


def recommendation_page(index: Index, rec: Recommendation) -> Page:
    """A recommendation: its full text and what it concerns."""
    here = site_paths.page("recommendation", rec.id)
    axis = index.axes[rec.axis]
    concerned = [service_link(index, here, s) for s in rec.services]
    concerned += [
        f"Tout service de nature « {md(k.label)} » : "
        + (", ".join(service_link(index, here, s.id) for s in index.services_of_kind(k)) or "aucun dans le cadre")
        for k in rec.service_kinds
    ]
    questions = site_paths.md_link(here, site_paths.QUESTIONS)
    return Page(
        title=f"Recommandation {md(rec.id)}",
        facts=(("Axe", entity_link(here, "axis", axis.id, f"Axe {axis.id} — {axis.title}")),),
        lead=pm.block(index, here, rec, "text"),
        sections=(
            Section("Services concernés", (bullets(concerned),)),
            Section("Flux concernés", (bullets([flow_link(index, here, index.flows[f]) for f in rec.flows]),)),
            rule_pages.recommendation_section(index, rec),
            used_by(
                [
                    (
                        "Questionnements des acteurs auxquels elle répond",
                        [
                            f"{link(md(f'Question {q.number}'), questions)} — {md(q.text)}"
                            for q in index.framework.questions
                            if rec.id in q.answered_by
                        ],
                        "Aucun.",
                    ),
                    (
                        "Vues qui montrent ses services ou ses flux",
                        [entity_link(here, "view", v.id, v.title) for v in index.views_of_recommendation(rec)],
                        "Aucune.",
                    ),
                    (
                        "Cas d'usage qui empruntent ses flux",
                        [use_case_link(index, here, uc) for uc in index.use_cases_of_recommendation(rec)],
                        "Aucun.",
                    ),
                ]
            ),
        ),
        source=source_line(index, rec.source, here),
        notes=notes(rec.notes),
    )


def axis_page(index: Index, axis: Axis) -> Page:
    """An axis of work: its status, views and recommendations."""
    here = site_paths.page("axis", axis.id)
    fw = index.framework
    views = [v for v in fw.views if v.axis == axis.id]
    recs = [r for r in fw.recommendations if r.axis == axis.id]
    questions = [f"{md(q.text)} *({md(q.theme.label)})*" for q in fw.questions if q.axis == axis.id]
    steps = [
        f"[{md(' / '.join(o.label for o in s.owners))}] {md(s.action)}" for s in fw.next_steps if s.axis == axis.id
    ]
    return Page(
        title=f"Axe {md(axis.id)} — {md(axis.title)}",
        facts=(("État", md(axis.status.label)),),
        lead=pm.block(index, here, axis, "description") if axis.description else "",
        sections=(
            Section("Vues", (bullets([entity_link(here, "view", v.id, v.title) for v in views], "Aucune."),)),
            Section(
                "Recommandations",
                (bullets([f"{recommendation_link(here, r)} — {md(first_sentence(r.text))}" for r in recs], "Aucune."),),
            ),
            Section("Questionnements auxquels l'axe répond", (bullets(questions, "Aucun."),)),
            Section("Prochaines étapes", (bullets(steps, "Aucune."),)),
        ),
        source=source_line(index, axis.source, here),
        notes=notes(axis.notes),
    )

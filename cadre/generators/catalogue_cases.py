"""The catalogue's detailed pages: task forces, cases, transverse groups and detailed sheets."""

from __future__ import annotations

from cadre.generators import provenance_marks as pm
from cadre.generators.catalogue_links import (
    CASE_HEADERS,
    CRITERIA,
    TRANSVERSE,
    case_link,
    case_row,
    exchange,
    group_link,
    rel,
    score,
    sheet_link,
    yes_no,
)
from cadre.generators.page_model import Block, Page, Paragraphs, Section, Table
from cadre.generators.page_parts import bullets, notes, source_line
from cadre.output import site_paths
from cadre.output.text import blocks, flat, link, md
from model import CatalogueCase, Index, TaskForce, UseCaseSheet
from model.catalogue import SheetState


def task_force_page(index: Index, task_force: TaskForce) -> Page:
    """A task force: its cases, sortable by phase, priority and score."""
    here = site_paths.task_force_page(task_force.id)
    cases = index.cases_of(task_force.id)
    rows = tuple(case_row(index, here, c) for c in cases)
    prioritised = sum(c.prioritised for c in cases)
    facts = [
        ("Secteur", md(task_force.sector.label)),
        ("Cas recensés", str(len(cases))),
        ("Dont prioritaires", str(prioritised)),
        ("Dont non prioritaires", str(len(cases) - prioritised)),
        ("Modélisation", pm.inline(index, here, task_force, "modelled")),
        ("Étapes du parcours", " → ".join(md(p.label) for p in task_force.phases)),
    ]
    announced = [c for c in index.checks() if c.scope == task_force.id]
    if announced:
        errata = link(md("errata"), rel(here, site_paths.ERRATA))
        facts.append(
            (
                "Annoncé par le support",
                "<br>".join(
                    f"« {md(c.subject)} » : conforme"
                    if c.computed == c.stated
                    else f"« {md(c.subject)} » : **erratum**, les listes en comptent {c.computed} (voir les {errata})"
                    for c in announced
                ),
            )
        )
    return Page(
        title=md(task_force.title),
        facts=tuple(facts),
        lead="Cliquez sur l'en-tête d'une colonne pour trier le tableau (étape, priorité, score…).",
        sections=(
            Section(
                "Cas d'usage",
                (
                    Table(
                        CASE_HEADERS,
                        rows,
                        empty="Aucun cas.",
                        sortable=True,
                    ),
                ),
            ),
        ),
        source=source_line(index, task_force.source, here),
        wide=True,
        notes=notes(task_force.notes),
    )


def case_page(index: Index, case: CatalogueCase) -> Page:
    """A case of the catalogue: where it sits, its scores, groups, sheet and duplicates."""
    here = site_paths.case_page(case.task_force, case.id)
    task_force = index.task_forces[case.task_force]
    facts: list[tuple[str, str]] = [
        ("Task-force", link(md(task_force.title), rel(here, site_paths.task_force_page(task_force.id)))),
        ("Étape du parcours", md(index.phase_label(case))),
        ("Prioritaire", yes_no(case.prioritised)),
    ]
    if case.code:
        facts.insert(1, ("Code", md(case.code)))
    if case.diagram_label:
        facts.append(("Libellé sur le schéma de parcours", md(case.diagram_label)))
    if case.exchange:
        facts.append(("Émetteur → destinataire", f"{md(case.exchange.from_)} → {md(case.exchange.to)}"))
    if case.same_as:
        facts.append(("Même cas que", case_link(index, here, index.cases[case.same_as])))
    sections: list[Section] = []
    if case.comment:
        sections.append(Section("Précision de la source", (Paragraphs(pm.block(index, here, case, "comment")),)))
    if case.scores:
        rows = tuple((md(c.title), str(case.scores[c.id])) for c in index.framework.criteria)
        printed = "—" if case.printed_result is None else str(case.printed_result)
        sections.append(
            Section(
                "Notation",
                (
                    Table(("Critère", "Note"), rows),
                    Paragraphs(
                        f"Score calculé (produit des notes) : **{score(index, case)}** — "
                        f"résultat imprimé dans le support : {printed}. "
                        f"{link(md('Tous les cas notés'), rel(here, CRITERIA))}."
                    ),
                ),
            )
        )
    groups = index.groups_of_case(case.id)
    related: list[str] = []
    for group in groups:
        others = [case_link(index, here, index.cases[m]) for m in group.members if m != case.id]
        related.append(f"{group_link(here, group)} — {md(group.theme)} : avec " + " ; ".join(others))
    sheets = [s for s in index.framework.sheets if s.case == case.id]
    related += [f"{sheet_link(here, s)} — fiche détaillée de ce cas" for s in sheets]
    related += [
        f"{case_link(index, here, other)} renvoie à ce cas"
        for other in index.cases.values()
        if other.same_as == case.id
    ]
    sections.append(Section("Utilisé par", (bullets(related, "Aucun groupe transverse ni fiche."),)))
    return Page(
        title=f"{md(index.case_label(case))} — {md(' '.join(case.title.splitlines()[0].split()).rstrip(' :'))}",
        facts=tuple(facts),
        lead=blocks(case.title),
        sections=tuple(sections),
        source=source_line(index, case.source, here),
        notes=notes(case.notes),
    )


def transverse_page(index: Index) -> Page:
    """The transverse groups, each with its sectors, computed priority and member cases."""
    fw = index.framework
    sections: list[Section] = [
        Section(
            "Synthèse",
            (
                Table(
                    ("Groupe", "Thématique", "Secteurs", "Priorisation", "Cas"),
                    tuple(
                        (
                            group_link(TRANSVERSE, g),
                            md(g.theme),
                            " / ".join(s.code for s in index.group_sectors(g)),
                            md(index.group_priority(g).value),
                            ", ".join(
                                case_link(index, TRANSVERSE, index.cases[m], with_title=False) for m in g.members
                            ),
                        )
                        for g in fw.transverse_groups
                    ),
                    sortable=True,
                ),
            ),
        )
    ]
    for group in fw.transverse_groups:
        rows = tuple(
            (
                case_link(index, TRANSVERSE, index.cases[m], with_title=False),
                exchange(index.cases[m]),
                md(flat(index.cases[m].title)),
                yes_no(index.cases[m].prioritised),
            )
            for m in group.members
        )
        sections.append(
            Section(
                f"Groupe {md(group.letter)} — {md(group.theme)} {{#{group.id}}}",
                (Table(("Cas", "Échange", "Intitulé", "Prioritaire"), rows),),
            )
        )
    return Page(
        title="Cas d'usage transverses",
        lead="\n\n".join(
            [
                *(pm.block(index, TRANSVERSE, g, "transverse_rule") for g in fw.working_groups if g.transverse_rule),
                *(
                    pm.block(index, TRANSVERSE, g, "transverse_advice")
                    for g in fw.working_groups
                    if g.transverse_advice
                ),
                "Dans les tableaux ci-dessous, les secteurs d'un groupe et sa priorisation (par toutes les "
                "task-forces, mixte, ou non priorisé par toutes les task-forces) sont calculés à partir de la "
                "priorité de ses cas dans les listes de leur task-force.",
            ]
        ),
        sections=tuple(sections),
        source=source_line(index, fw.transverse_groups[0].source, TRANSVERSE) if fw.transverse_groups else "",
        wide=True,
        notes=notes([n for g in fw.transverse_groups for n in g.notes]),
    )


def state(index: Index, here: str, title: str, state: SheetState) -> Section:
    """A section for one state (current or target) of a detailed sheet."""
    items: list[Block] = []
    if state.trigger:
        items.append(Paragraphs(f"**Évènement déclencheur :** {md(state.trigger)}"))
    items.append(Paragraphs("**Données échangées**"))
    items.append(Paragraphs("\n".join(f"{n}. {md(d)}" for n, d in enumerate(state.data, 1)) or "Non précisées."))
    items.append(Paragraphs("**Freins**"))
    items.append(Paragraphs("\n".join(f"{n}. {md(b)}" for n, b in enumerate(state.barriers, 1)) or "Non précisés."))
    if state.legend:
        legend = ", ".join(md(item) for item in state.legend)
        items.append(Paragraphs(f"**Légende du schéma** : {legend}.{pm.mark_of(index, here, state, 'legend')}"))
    return Section(title, tuple(items))


def sheet_page(index: Index, sheet: UseCaseSheet) -> Page:
    """A detailed sheet: structuring elements, then current state versus target."""
    here = site_paths.sheet_page(sheet.id)
    case = index.cases[sheet.case]
    elements = (
        ("Acteurs, rôles et caractéristiques", sheet.actors),
        ("Données de partage ou d'échange identifiées", sheet.data),
        ("Logiciels sur le chemin critique, de la génération de la donnée à son partage", sheet.software),
        ("Services et référentiels socles utilisés", sheet.national_services),
        ("Freins", sheet.barriers),
    )
    rows = tuple((md(label), "<br>".join(md(v) for v in values) or "Non renseigné") for label, values in elements)
    return Page(
        title=f"Fiche {md(sheet.code)} — {md(' '.join(sheet.title.split()))}",
        facts=(
            ("Cas d'usage", case_link(index, here, case)),
            ("Task-force", md(index.task_forces[case.task_force].title)),
            ("Étape du parcours", md(sheet.step or index.phase_label(case))),
            ("Prioritaire", yes_no(case.prioritised)),
        ),
        sections=(
            Section("Éléments structurants du cas d'usage", (Table(("Élément", "Contenu"), rows),)),
            state(index, here, "Présentation des flux — état des lieux de l'existant", sheet.current),
            state(index, here, "Présentation des flux — perspective cible", sheet.target),
        ),
        source=source_line(index, sheet.source, here),
        notes=notes(sheet.notes),
    )

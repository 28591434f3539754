"""Pages of the working group's catalogue and their navigation.

The cycle, the criteria and scores, each task force and its cases, the transverse groups and the
detailed sheets.
"""

from __future__ import annotations

from cadre.generators import provenance_marks as pm
from cadre.generators.catalogue_cases import case_page, sheet_page, task_force_page, transverse_page
from cadre.generators.catalogue_links import (
    ALL_CASES,
    CASE_HEADERS,
    CRITERIA,
    HERE,
    TRANSVERSE,
    case_link,
    case_row,
    exchange,
    rel,
    score,
    sheet_link,
    shortened,
    yes_no,
)
from cadre.generators.filter_forms import CASE_FACETS, controls, filter_form
from cadre.generators.page_model import Page, Paragraphs, Section, Table
from cadre.generators.page_parts import bullets, environment, french_date, notes, render, source_line
from cadre.output import site_paths
from cadre.output.text import flat, link, md, nav
from model import Index


def generate(index: Index) -> dict[str, str]:
    """Every page of the catalogue and its navigation file, under ``docs/``."""
    fw = index.framework
    if not (fw.working_groups or fw.catalogue):
        return {}
    pages: dict[str, Page] = {HERE: overview_page(index), CRITERIA: criteria_page(index)}
    pages[TRANSVERSE] = transverse_page(index)
    pages[ALL_CASES] = all_cases_page(index)
    for task_force in fw.task_forces:
        pages[site_paths.task_force_page(task_force.id)] = task_force_page(index, task_force)
    for case in fw.catalogue:
        pages[site_paths.case_page(case.task_force, case.id)] = case_page(index, case)
    for sheet in fw.sheets:
        pages[site_paths.sheet_page(sheet.id)] = sheet_page(index, sheet)
    outputs = {f"{site_paths.DOCS}/{path}": render(page) for path, page in pages.items()}
    outputs[f"{site_paths.DOCS}/{site_paths.CATALOGUE}/SUMMARY.md"] = navigation(index)
    return outputs


# --- pages -------------------------------------------------------------------------------------


def overview_page(index: Index) -> Page:
    """The working group: purposes, cycle, task forces and their counts, sheets, next session."""
    fw = index.framework
    sections: list[Section] = []
    for group in fw.working_groups:
        sections.append(Section("Finalités de la démarche", (bullets([md(p) for p in group.purposes]),)))
        sections.append(
            Section(
                "Cycle des groupes de travail",
                (
                    Table(
                        ("Séance", "Date", "Objectifs"),
                        tuple(
                            (f"GT n°{s.number}", md(french_date(s.date)), "<br>".join(md(g) for g in s.goals))
                            for s in group.sessions
                        ),
                    ),
                ),
            )
        )
    sections.append(
        Section(
            "Les cas d'usage des task-forces",
            (
                *(Paragraphs(pm.block(index, HERE, g, "inputs")) for g in fw.working_groups if g.inputs),
                Paragraphs(
                    "Les nombres ci-dessous sont comptés dans le modèle ; ceux qu'annonce le support sont "
                    f"comparés dans les {link(md('errata'), rel(HERE, site_paths.ERRATA))}."
                ),
                Table(
                    ("Task-force", "Cas recensés", "Prioritaires", "Non prioritaires", "Modélisation"),
                    tuple(
                        (
                            link(md(tf.title), rel(HERE, site_paths.task_force_page(tf.id))),
                            str(len(index.cases_of(tf.id))),
                            str(sum(c.prioritised for c in index.cases_of(tf.id))),
                            str(sum(not c.prioritised for c in index.cases_of(tf.id))),
                            md(tf.modelled),
                        )
                        for tf in fw.task_forces
                    ),
                ),
                bullets(
                    [
                        link(
                            md("Tous les cas d'usage, triables par secteur, étape, priorité et score"),
                            rel(HERE, ALL_CASES),
                        ),
                        link(md("Critères de priorisation et notation"), rel(HERE, CRITERIA)),
                        link(
                            md(f"Les {len(fw.transverse_groups)} groupes de cas d'usage transverses"),
                            rel(HERE, TRANSVERSE),
                        ),
                    ]
                ),
            ),
        )
    )
    sections.append(
        Section(
            "Fiches détaillées",
            (
                Table(
                    ("Fiche", "Cas d'usage", "Task-force"),
                    tuple(
                        (
                            sheet_link(HERE, s),
                            case_link(index, HERE, index.cases[s.case]),
                            md(index.task_forces[index.cases[s.case].task_force].title),
                        )
                        for s in fw.sheets
                    ),
                    empty="Aucune fiche.",
                ),
            ),
        )
    )
    for group in fw.working_groups:
        sections.append(
            Section(
                "Préparer la séance suivante",
                (
                    Paragraphs("**En amont :**"),
                    bullets([md(t) for t in group.before_next]),
                    Paragraphs("**Pendant la séance :**"),
                    bullets([md(t) for t in group.during_next]),
                ),
            )
        )
    lead = " ".join(pm.block(index, HERE, g, "objective") for g in fw.working_groups)
    first = fw.working_groups[0] if fw.working_groups else None
    return Page(
        title="Catalogue des cas d'usage médico-sociaux",
        lead=(
            "Le groupe de travail de l'ANS sur les cas d'usage médico-sociaux (GT n°1 du 16 juin 2022) "
            "repart des travaux des task-forces sectorielles. " + lead
        ),
        sections=tuple(sections),
        source=source_line(index, first.source, HERE) if first else "",
        notes=notes([n for g in fw.working_groups for n in g.notes]),
    )


def criteria_page(index: Index) -> Page:
    """The five criteria with their scales, and the scored table with printed and computed results."""
    fw = index.framework
    scored = [c for c in fw.catalogue if c.scores]
    criteria_rows = tuple(
        (
            str(c.number),
            pm.inline(index, CRITERIA, c, "title")
            + (f" — {pm.inline(index, CRITERIA, c, 'explanation')}" if c.explanation else ""),
            "<br>".join(f"{level.value} : {pm.inline(index, CRITERIA, level, 'label')}" for level in c.scale)
            or "Non précisée par la source",
        )
        for c in fw.criteria
    )
    score_rows = tuple(
        (
            case_link(index, CRITERIA, case, with_title=False),
            exchange(case),
            md(flat(case.title)),
            *(str(case.scores[c.id]) for c in fw.criteria),
            "—" if case.printed_result is None else str(case.printed_result),
            score(index, case),
            yes_no(case.prioritised),
        )
        for case in scored
    )
    headers = (
        "Cas",
        "Échange",
        "Intitulé",
        *(md(c.short_title) for c in fw.criteria),
        "Résultat imprimé",
        "Score calculé",
        "Prioritaire",
    )
    return Page(
        title="Critères de priorisation et notation",
        lead=(
            "Les task-forces ont hiérarchisé leurs cas d'usage selon cinq critères notés de 1 à 3. Le score "
            "d'un cas est calculé par le modèle : c'est le produit de ses cinq notes. La colonne « Résultat "
            "imprimé » reprend le tableau du support ; un écart entre les deux serait publié dans les "
            f"{link(md('errata'), rel(CRITERIA, site_paths.ERRATA))}."
        ),
        sections=(
            Section("Les critères et leurs échelles", (Table(("N°", "Critère", "Échelle"), criteria_rows),)),
            Section(
                "Cas notés",
                (Table(headers, score_rows, empty="Aucun cas noté.", sortable=True),),
            ),
        ),
        source=source_line(index, fw.criteria[0].source, CRITERIA) if fw.criteria else "",
        wide=True,
        notes=notes([n for c in fw.criteria for n in c.notes]),
    )


def all_cases_page(index: Index) -> Page:
    """Every case of every task force in one table, sortable by sector, phase, priority and score."""
    fw = index.framework
    rows = tuple(
        (md(index.task_forces[c.task_force].sector.label), *case_row(index, ALL_CASES, c)) for c in fw.catalogue
    )
    return Page(
        title="Tous les cas d'usage des task-forces",
        lead=(
            f"Les {len(fw.catalogue)} cas d'usage recensés par les task-forces, dans un seul tableau : cliquez "
            "sur l'en-tête d'une colonne pour trier par secteur, étape, priorité ou score.\n\n"
            + filter_form("filtres-cas", controls(index, CASE_FACETS), "Filtrer les cas")
        ),
        sections=(
            Section(
                "Cas d'usage",
                (Table(("Secteur", *CASE_HEADERS), rows, sortable=True, filterable="catalogue_case"),),
            ),
        ),
        wide=True,
    )


def navigation(index: Index) -> str:
    """The literate-nav file of the catalogue section."""
    fw = index.framework
    base = f"{site_paths.CATALOGUE}/"
    items: list[tuple[str, str, list[tuple[str, str]]]] = [
        ("Vue d'ensemble", "index.md", []),
        ("Critères de priorisation et notation", "criteres.md", []),
        ("Tous les cas d'usage", "tous-les-cas.md", []),
    ]
    for tf in fw.task_forces:
        children = [("Vue d'ensemble", site_paths.task_force_page(tf.id).removeprefix(base))]
        children += [
            (
                nav(f"{index.case_label(c)} — {shortened(c.title)}"),
                site_paths.case_page(tf.id, c.id).removeprefix(base),
            )
            for c in index.cases_of(tf.id)
        ]
        items.append((nav(tf.title), "", children))
    items.append(("Cas d'usage transverses", "transverses.md", []))
    if fw.sheets:
        items.append(
            (
                "Fiches détaillées",
                "",
                [(nav(f"Fiche {s.code}"), site_paths.sheet_page(s.id).removeprefix(base)) for s in fw.sheets],
            )
        )
    return environment().get_template("SUMMARY.md.j2").render(items=items)

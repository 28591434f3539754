"""Pages of the working group's catalogue and their navigation.

The cycle, the criteria and scores, each task force and its cases, the transverse groups and the
detailed sheets.
"""

from __future__ import annotations

from cadre.generators.page_model import Block, Page, Paragraphs, Section, Table
from cadre.generators.page_parts import bullets, environment, french_date, notes, render, source_line
from cadre.output import site_paths
from cadre.output.text import Href, blocks, flat, link, md, nav
from model import CatalogueCase, Index, TaskForce, TransverseGroup, UseCaseSheet
from model.catalogue import SheetState

HERE = site_paths.CATALOGUE_INDEX
CRITERIA = site_paths.CRITERIA
TRANSVERSE = site_paths.TRANSVERSE
ALL_CASES = f"{site_paths.CATALOGUE}/tous-les-cas.md"


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


# --- links -------------------------------------------------------------------------------------


def _rel(here: str, target: str, anchor: str = "") -> Href:
    return site_paths.md_link(here, target, anchor)


def case_link(index: Index, here: str, case: CatalogueCase, *, with_title: bool = True) -> str:
    """Link to a case page: « PH 8 — Partage d'information… » (or the label alone)."""
    text = f"{index.case_label(case)} — {flat(case.title)}" if with_title else index.case_label(case)
    return link(md(text), _rel(here, site_paths.case_page(case.task_force, case.id)))


def group_link(here: str, group: TransverseGroup) -> str:
    """Link to a transverse group, an anchor of the transverse page."""
    return link(md(f"Groupe {group.letter}"), _rel(here, TRANSVERSE, group.id))


def sheet_link(here: str, sheet: UseCaseSheet) -> str:
    """Link to a detailed sheet."""
    return link(md(f"Fiche {sheet.code}"), _rel(here, site_paths.sheet_page(sheet.id)))


def shortened(text: str, limit: int = 60) -> str:
    """The first line of a text, cut at a word boundary to about ``limit`` characters."""
    line = " ".join(text.splitlines()[0].split()).rstrip(" :")
    if len(line) <= limit:
        return line
    return line[: line.rfind(" ", 0, limit)].rstrip(" ,;:(") + " …"


def _yes_no(flag: bool) -> str:
    return "Oui" if flag else "Non"


def _score(index: Index, case: CatalogueCase) -> str:
    value = index.score(case)
    return "—" if value is None else str(value)


def _exchange(case: CatalogueCase) -> str:
    if case.exchange is None:
        return "—"
    return f"{md(case.exchange.from_)} → {md(case.exchange.to)}"


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
                *(Paragraphs(blocks(g.inputs)) for g in fw.working_groups if g.inputs),
                Paragraphs(
                    "Les nombres ci-dessous sont comptés dans le modèle ; ceux qu'annonce le support sont "
                    f"comparés dans les {link(md('errata'), _rel(HERE, site_paths.ERRATA))}."
                ),
                Table(
                    ("Task-force", "Cas recensés", "Prioritaires", "Non prioritaires", "Modélisation"),
                    tuple(
                        (
                            link(md(tf.title), _rel(HERE, site_paths.task_force_page(tf.id))),
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
                            _rel(HERE, ALL_CASES),
                        ),
                        link(md("Critères de priorisation et notation"), _rel(HERE, CRITERIA)),
                        link(
                            md(f"Les {len(fw.transverse_groups)} groupes de cas d'usage transverses"),
                            _rel(HERE, TRANSVERSE),
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
    lead = " ".join(blocks(g.objective) for g in fw.working_groups)
    first = fw.working_groups[0] if fw.working_groups else None
    return Page(
        title="Catalogue des cas d'usage médico-sociaux",
        lead=(
            "Le groupe de travail de l'ANS sur les cas d'usage médico-sociaux (GT n°1 du 16 juin 2022) "
            "repart des travaux des task-forces sectorielles. " + lead
        ),
        sections=tuple(sections),
        source=source_line(index, first.source) if first else "",
        notes=notes([n for g in fw.working_groups for n in g.notes]),
    )


def criteria_page(index: Index) -> Page:
    """The five criteria with their scales, and the scored table with printed and computed results."""
    fw = index.framework
    scored = [c for c in fw.catalogue if c.scores]
    criteria_rows = tuple(
        (
            str(c.number),
            md(c.title) + (f" — {md(c.explanation)}" if c.explanation else ""),
            "<br>".join(f"{level.value} : {md(level.label)}" for level in c.scale) or "Non précisée par la source",
        )
        for c in fw.criteria
    )
    score_rows = tuple(
        (
            case_link(index, CRITERIA, case, with_title=False),
            _exchange(case),
            md(flat(case.title)),
            *(str(case.scores[c.id]) for c in fw.criteria),
            "—" if case.printed_result is None else str(case.printed_result),
            _score(index, case),
            _yes_no(case.prioritised),
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
            f"{link(md('errata'), _rel(CRITERIA, site_paths.ERRATA))}."
        ),
        sections=(
            Section("Les critères et leurs échelles", (Table(("N°", "Critère", "Échelle"), criteria_rows),)),
            Section(
                "Cas notés",
                (Table(headers, score_rows, empty="Aucun cas noté.", sortable=True),),
            ),
        ),
        source=source_line(index, fw.criteria[0].source) if fw.criteria else "",
        wide=True,
        notes=notes([n for c in fw.criteria for n in c.notes]),
    )


CASE_HEADERS = ("Cas", "Intitulé", "Étape", "Échange", "Prioritaire", "Score", "Groupe transverse")


def _case_row(index: Index, here: str, case: CatalogueCase) -> tuple[str, ...]:
    """One row of a table of cases, in the order of :data:`CASE_HEADERS`."""
    return (
        case_link(index, here, case, with_title=False) + (f" ({md(case.code)})" if case.code else ""),
        md(flat(case.title)),
        md(index.phase_label(case)),
        _exchange(case),
        _yes_no(case.prioritised),
        _score(index, case),
        ", ".join(group_link(here, g) for g in index.groups_of_case(case.id)) or "—",
    )


def all_cases_page(index: Index) -> Page:
    """Every case of every task force in one table, sortable by sector, phase, priority and score."""
    fw = index.framework
    rows = tuple(
        (md(index.task_forces[c.task_force].sector.label), *_case_row(index, ALL_CASES, c)) for c in fw.catalogue
    )
    return Page(
        title="Tous les cas d'usage des task-forces",
        lead=(
            f"Les {len(fw.catalogue)} cas d'usage recensés par les task-forces, dans un seul tableau : cliquez "
            "sur l'en-tête d'une colonne pour trier par secteur, étape, priorité ou score."
        ),
        sections=(Section("Cas d'usage", (Table(("Secteur", *CASE_HEADERS), rows, sortable=True),)),),
        wide=True,
    )


def task_force_page(index: Index, task_force: TaskForce) -> Page:
    """A task force: its cases, sortable by phase, priority and score."""
    here = site_paths.task_force_page(task_force.id)
    cases = index.cases_of(task_force.id)
    rows = tuple(_case_row(index, here, c) for c in cases)
    prioritised = sum(c.prioritised for c in cases)
    facts = [
        ("Secteur", md(task_force.sector.label)),
        ("Cas recensés", str(len(cases))),
        ("Dont prioritaires", str(prioritised)),
        ("Dont non prioritaires", str(len(cases) - prioritised)),
        ("Modélisation", md(task_force.modelled)),
        ("Étapes du parcours", " → ".join(md(p.label) for p in task_force.phases)),
    ]
    announced = [c for c in index.checks() if c.scope == task_force.id]
    if announced:
        errata = link(md("errata"), _rel(here, site_paths.ERRATA))
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
        source=source_line(index, task_force.source),
        wide=True,
        notes=notes(task_force.notes),
    )


def case_page(index: Index, case: CatalogueCase) -> Page:
    """A case of the catalogue: where it sits, its scores, groups, sheet and duplicates."""
    here = site_paths.case_page(case.task_force, case.id)
    task_force = index.task_forces[case.task_force]
    facts: list[tuple[str, str]] = [
        ("Task-force", link(md(task_force.title), _rel(here, site_paths.task_force_page(task_force.id)))),
        ("Étape du parcours", md(index.phase_label(case))),
        ("Prioritaire", _yes_no(case.prioritised)),
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
        sections.append(Section("Précision de la source", (Paragraphs(blocks(case.comment)),)))
    if case.scores:
        rows = tuple((md(c.title), str(case.scores[c.id])) for c in index.framework.criteria)
        printed = "—" if case.printed_result is None else str(case.printed_result)
        sections.append(
            Section(
                "Notation",
                (
                    Table(("Critère", "Note"), rows),
                    Paragraphs(
                        f"Score calculé (produit des notes) : **{_score(index, case)}** — "
                        f"résultat imprimé dans le support : {printed}. "
                        f"{link(md('Tous les cas notés'), _rel(here, CRITERIA))}."
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
        source=source_line(index, case.source),
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
                _exchange(index.cases[m]),
                md(flat(index.cases[m].title)),
                _yes_no(index.cases[m].prioritised),
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
                *(blocks(g.transverse_rule) for g in fw.working_groups if g.transverse_rule),
                *(blocks(g.transverse_advice) for g in fw.working_groups if g.transverse_advice),
                "Dans les tableaux ci-dessous, les secteurs d'un groupe et sa priorisation (par toutes les "
                "task-forces, mixte, ou non priorisé par toutes les task-forces) sont calculés à partir de la "
                "priorité de ses cas dans les listes de leur task-force.",
            ]
        ),
        sections=tuple(sections),
        source=source_line(index, fw.transverse_groups[0].source) if fw.transverse_groups else "",
        wide=True,
        notes=notes([n for g in fw.transverse_groups for n in g.notes]),
    )


def _state(title: str, state: SheetState) -> Section:
    items: list[Block] = []
    if state.trigger:
        items.append(Paragraphs(f"**Évènement déclencheur :** {md(state.trigger)}"))
    items.append(Paragraphs("**Données échangées**"))
    items.append(Paragraphs("\n".join(f"{n}. {md(d)}" for n, d in enumerate(state.data, 1)) or "Non précisées."))
    items.append(Paragraphs("**Freins**"))
    items.append(Paragraphs("\n".join(f"{n}. {md(b)}" for n, b in enumerate(state.barriers, 1)) or "Non précisés."))
    if state.legend:
        items.append(Paragraphs("**Légende du schéma** : " + ", ".join(md(item) for item in state.legend) + "."))
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
            ("Prioritaire", _yes_no(case.prioritised)),
        ),
        sections=(
            Section("Éléments structurants du cas d'usage", (Table(("Élément", "Contenu"), rows),)),
            _state("Présentation des flux — état des lieux de l'existant", sheet.current),
            _state("Présentation des flux — perspective cible", sheet.target),
        ),
        source=source_line(index, sheet.source),
        notes=notes(sheet.notes),
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

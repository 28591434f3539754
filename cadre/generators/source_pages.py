"""Faithfulness to the sources, and the words they use.

The errata page (stated numbers against the model), the page of every remark on the sources, the
glossary, and the abbreviations shown on hover on every page.
"""

from __future__ import annotations

from collections.abc import Iterator

from cadre.generators import provenance_marks as pm
from cadre.generators.page_model import Page, Paragraphs, Section, Table
from cadre.generators.page_parts import render
from cadre.output import site_paths
from cadre.output.text import link, md, plain
from model import GT_DOCUMENT, Document, Index, Note, Term
from model.index import Check
from model.loader import section_key

ERRATA = site_paths.ERRATA
REMARKS = site_paths.REMARKS
GLOSSARY = site_paths.GLOSSARY
CRITERIA = site_paths.CRITERIA
TRANSVERSE = site_paths.TRANSVERSE
ABBREVIATIONS = "abbreviations.md"
"""Markdown abbreviations (``*[DUI]: …``) appended to every page by pymdownx.snippets (``auto_append``)."""


def generate(index: Index) -> dict[str, str]:
    """The errata, remarks and glossary pages under ``docs/``, and the abbreviations file."""
    pages = {ERRATA: errata_page(index), REMARKS: remarks_page(index), GLOSSARY: glossary_page(index)}
    outputs = {f"{site_paths.DOCS}/{path}": render(page) for path, page in pages.items()}
    outputs[ABBREVIATIONS] = abbreviations(index)
    return outputs


def _document(index: Index, ident: str) -> Document:
    return next(d for d in index.framework.documents if d.id == ident)


def _where(index: Index, check: Check) -> str:
    document = _document(index, check.source.document)
    name = "Support du GT" if document.id == GT_DOCUMENT else "Cadre"
    return f"{name}, {_place(check.source.section, check.source.slide)}"


def _place(section: str | None, slide: str | None) -> str:
    """« section 1.2.4 » of a numbered document, « diapositive « … » » of a deck."""
    return f"section {md(section)}" if section else f"diapositive « {md(slide or '')} »"


def _order(document: Document, note: Note) -> tuple[int, ...]:
    """Notes in the order of the document: by section, or by the rank of their slide."""
    if note.section:
        return section_key(note.section)
    titles = [s.title for s in document.slides]
    return (titles.index(note.slide),) if note.slide in titles else (len(titles),)


def _about(index: Index, check: Check) -> str:
    """Link to the page of what a stated number counts, where the model's list can be checked."""
    if check.kind == "score":
        case = index.cases[check.ident]
        target, text = site_paths.case_page(case.task_force, case.id), f"Cas {index.case_label(case)}"
    elif check.scope in index.task_forces:
        target, text = site_paths.task_force_page(check.scope), index.task_forces[check.scope].title
    elif check.scope in index.views:
        target, text = site_paths.page("view", check.scope), index.views[check.scope].title
    elif check.measure is not None and check.measure.startswith("transverse"):
        target, text = TRANSVERSE, "Cas d'usage transverses"
    elif check.measure == "criteria":
        target, text = CRITERIA, "Critères de priorisation"
    elif check.measure == "axes":
        target, text = site_paths.index("axis"), "Axes de travail"
    else:
        return "—"
    return link(md(text), site_paths.md_link(ERRATA, target))


def errata_page(index: Index) -> Page:
    """Every number stated by a source, what the model counts, and the errata first."""
    checks = index.checks()
    errata = index.errata()

    def row(check: Check) -> tuple[str, ...]:
        if check.computed is None:
            verdict = "Non vérifiable : le modèle ne recense pas ces éléments"
        elif check.computed == check.stated:
            verdict = "Conforme"
        else:
            verdict = "**Erratum**"
        computed = "—" if check.computed is None else str(check.computed)
        return (md(check.subject), _where(index, check), str(check.stated), computed, verdict, _about(index, check))

    headers = ("Énoncé de la source", "Où", "Nombre énoncé", "Dans le modèle", "Vérification", "Voir")
    summary = (
        (f"{len(errata)} errata" if len(errata) > 1 else "1 erratum")
        if errata
        else "Aucun erratum : chaque nombre vérifiable est conforme au modèle."
    )
    return Page(
        title="Errata et nombres énoncés par les sources",
        lead=(
            "Chaque fois qu'une source énonce un nombre (de cas d'usage, de cas prioritaires, de groupes, "
            "un résultat de priorisation…), le modèle recompte ce qu'il recense et compare. Un écart n'est "
            "pas corrigé en retouchant les données pour qu'elles collent : il est publié ici comme erratum "
            "de la source, et une remarque sur l'entité concernée l'explique."
        ),
        sections=(
            Section(
                "Errata",
                (
                    Paragraphs(summary + "."),
                    Table(headers, tuple(row(c) for c in errata), empty=""),
                ),
            ),
            Section(
                "Tous les nombres énoncés",
                (Table(headers, tuple(row(c) for c in checks if c.kind == "count"), sortable=True),),
            ),
            Section(
                "Résultats de priorisation imprimés",
                (Table(headers, tuple(row(c) for c in checks if c.kind == "score"), sortable=True),),
            ),
        ),
        wide=True,
    )


def _noted(index: Index) -> Iterator[tuple[str, str, str, Note]]:
    """Every remark on a source: (page that shows it, entity's name, document of the entity, note)."""
    fw = index.framework
    page = site_paths.page
    for axis in fw.axes:
        yield from ((page("axis", axis.id), f"Axe {axis.id}", axis.source.document, n) for n in axis.notes)
    for actor in fw.actors:
        yield from (("", f"Acteur « {actor.name} »", actor.source.document, n) for n in actor.notes)
    for service in fw.services:
        yield from ((page("service", service.id), service.name, service.source.document, n) for n in service.notes)
    for view in fw.views:
        here = page("view", view.id)
        yield from ((here, f"Vue « {view.title} »", view.source.document, n) for n in view.notes)
        for scenario in view.scenarios:
            yield from ((here, scenario.title, scenario.source.document, n) for n in scenario.notes)
            for uc in scenario.use_cases:
                name = f"Cas d'usage {uc.number} ({view.title})"
                yield from ((page("use_case", uc.id), name, uc.source.document, n) for n in uc.notes)
        for flow in view.flows:
            name = f"Flux {flow.letter} ({view.title})"
            yield from ((page("flow", flow.id), name, flow.source.document, n) for n in flow.notes)
    for rec in fw.recommendations:
        name = f"Recommandation {rec.id}"
        yield from ((page("recommendation", rec.id), name, rec.source.document, n) for n in rec.notes)
    for part in fw.overview:
        yield from (("enjeux/index.md", part.title, part.source.document, n) for n in part.notes)
    for stake in fw.stakes:
        yield from (("enjeux/index.md", f"Enjeu « {stake.title} »", stake.source.document, n) for n in stake.notes)
    for q in fw.questions:
        yield from ((site_paths.QUESTIONS, f"Question {q.number}", q.source.document, n) for n in q.notes)
    for step in fw.next_steps:
        yield from (("prochaines-etapes/index.md", "Prochaine étape", step.source.document, n) for n in step.notes)
    for term in fw.glossary:
        yield from ((GLOSSARY, f"Glossaire : {term.term}", term.source.document, n) for n in term.notes)
    for group in fw.working_groups:
        yield from ((site_paths.CATALOGUE_INDEX, group.title, group.source.document, n) for n in group.notes)
    for criterion in fw.criteria:
        name = f"Critère « {criterion.title} »"
        yield from ((CRITERIA, name, criterion.source.document, n) for n in criterion.notes)
    for tf in fw.task_forces:
        yield from ((site_paths.task_force_page(tf.id), tf.title, tf.source.document, n) for n in tf.notes)
    for case in fw.catalogue:
        here = site_paths.case_page(case.task_force, case.id)
        yield from ((here, f"Cas {index.case_label(case)}", case.source.document, n) for n in case.notes)
    for transverse in fw.transverse_groups:
        name = f"Groupe transverse {transverse.letter}"
        yield from ((TRANSVERSE, name, transverse.source.document, n) for n in transverse.notes)
    for sheet in fw.sheets:
        name = f"Fiche {sheet.code}"
        yield from ((site_paths.sheet_page(sheet.id), name, sheet.source.document, n) for n in sheet.notes)
    for count in fw.stated_counts:
        yield from ((ERRATA, f"Nombre énoncé « {count.statement} »", count.source.document, n) for n in count.notes)
    for version in fw.versions:
        name = f"Version {version.label}"
        yield from ((site_paths.CHANGELOG, name, version.source.document, n) for n in version.notes)


def remarks_page(index: Index) -> Page:
    """Every remark on the sources, per document and in the order of their sections."""
    noted = list(_noted(index))
    sections: list[Section] = []
    for document in index.framework.documents:
        mine = sorted((x for x in noted if x[2] == document.id), key=lambda x: _order(document, x[3]))
        if not mine:
            continue  # a document the sources only cite: nothing to remark on
        title = md(document.title if len(document.title) < 80 else document.title.split("—")[0].strip())
        chapters: dict[str, list[tuple[str, ...]]] = {}
        for target, name, _, note in mine:
            chapter = f"Section {'.'.join(note.section.split('.')[:2])}" if note.section else "Diapositives"
            chapters.setdefault(chapter, []).append(
                (
                    md(note.section) if note.section else f"diapositive « {md(note.slide or '')} »",
                    md(note.kind.label),
                    link(md(name), site_paths.md_link(REMARKS, target)) if target else md(name),
                    md(plain(note.text)),
                )
            )
        sections.append(Section(f"{title} ({len(mine)})", (Paragraphs(_chapters_line(chapters)),)))
        sections += [
            Section(
                f"{md(chapter)} ({len(rows)})",
                (Table(("Section", "Nature", "Sur", "Remarque"), tuple(rows), sortable=True),),
                level=3,
            )
            for chapter, rows in chapters.items()
        ]
    kinds = sorted({note.kind for *_, note in noted}, key=list(type(noted[0][3].kind)).index) if noted else []
    counts = ", ".join(f"{sum(1 for *_, n in noted if n.kind == k)} × {md(k.label).lower()}" for k in kinds)
    return Page(
        title="Remarques sur la source",
        lead=(
            "Les sources sont des documents numérisés (OCR) : mots abîmés, lettres de flux perdues, "
            "légendes de schémas en fragments. Ce qui a été corrigé, ce qui reste ambigu ou incohérent et "
            "ce qui a été déduit est noté sur l'entité concernée, et rassemblé ici, section par section. "
            f"{len(noted)} remarques : {counts}."
        ),
        sections=tuple(sections),
        wide=True,
    )


def _chapters_line(chapters: dict[str, list[tuple[str, ...]]]) -> str:
    """What the subsections of a document hold: « Section 1.1 : 15 ; Section 1.2 : 25… »."""
    return "Par partie du document : " + " ; ".join(f"{md(c)} : {len(r)}" for c, r in chapters.items()) + "."


def _hover(term: Term) -> str:
    """The text shown when hovering an acronym."""
    if term.meanings:
        return " ; ".join(f"({n}) {plain(m.expansion)}" for n, m in enumerate(term.meanings, 1))
    return plain(term.expansion or "")


def glossary_page(index: Index) -> Page:
    """Every term and acronym, alphabetically, with its expansion, meanings and source."""
    sections: list[Section] = []
    for term in sorted(index.framework.glossary, key=lambda t: t.term.casefold()):
        parts: list[str] = []
        if term.expansion:
            parts.append(f"**{md(term.expansion)}**{pm.mark_of(index, GLOSSARY, term, 'expansion')}")
        if term.definition:
            parts.append(pm.block(index, GLOSSARY, term, "definition"))
        if term.meanings:
            parts.append("Ce sigle a plusieurs sens :")
            parts.append(
                "\n".join(
                    f"{n}. **{md(m.expansion)}**{pm.mark_of(index, GLOSSARY, m, 'expansion')}"
                    + (
                        f" — {md(plain(m.definition))}{pm.mark_of(index, GLOSSARY, m, 'definition')}"
                        if m.definition
                        else ""
                    )
                    for n, m in enumerate(term.meanings, 1)
                )
            )
        document = _document(index, term.source.document)
        origin = "support du GT" if document.id == GT_DOCUMENT else "cadre"
        parts.append(f"*Première occurrence : {origin}, {_place(term.source.section, term.source.slide)}.*")
        for note in term.notes:
            parts.append(f"*{md(note.kind.label)} :* {md(plain(note.text))}")
        sections.append(Section(f"{md(term.term)} {{#{term.id}}}", (Paragraphs("\n\n".join(parts)),)))
    return Page(
        title="Glossaire",
        lead=(
            "Les termes et sigles employés par le cadre et par le support du groupe de travail. Sur toutes "
            "les pages du site, un sigle du glossaire affiche sa forme développée au survol, à sa première "
            "occurrence dans la page."
        ),
        sections=tuple(sections),
    )


def abbreviations(index: Index) -> str:
    """Python-Markdown abbreviation definitions, one per expanded acronym, in a stable order.

    Each definition is a paragraph of its own: Python-Markdown reads definitions one at a time and puts
    the rest of their paragraph back to be parsed again, so a single paragraph of a hundred definitions
    cost every page of the site about as much as its own content (the build took twice as long).
    """
    lines = [
        f"*[{term.term}]: {_hover(term)}"
        for term in sorted(index.framework.glossary, key=lambda t: (t.term.casefold(), t.term))
        if term.expansion or term.meanings
    ]
    return "\n\n".join(lines) + "\n" if lines else ""

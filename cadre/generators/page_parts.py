"""Pieces shared by the page generators: the template, links between pages, sources and notes."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import jinja2

from cadre.generators import provenance_marks
from cadre.generators.page_model import Block, Note, Page, Paragraphs, Section, Table
from cadre.output import site_paths
from cadre.output.text import blocks, md
from cadre.output.text import link as markdown_link
from model import Flow, Index, Recommendation, SourceRef, UseCase
from model import Note as SourceNote

# A full stop that ends a sentence: not the one of « i.e. » or « e.g. », and followed by a capital.
_SENTENCE_END = re.compile(r"(?<!\bi\.e)(?<!\be\.g)\.\s+(?=[A-ZÀÂÉÈÊÎÔÙÛÇ«])")


@cache
def environment() -> jinja2.Environment:
    """The Jinja environment of the page templates (Markdown: no HTML autoescape)."""
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
    return environment().get_template("page.md.j2").render(page=page)


def entity_link(here: str, kind: str, ident: str, text: str) -> str:
    """Markdown link from page ``here`` to the page of an entity."""
    return markdown_link(md(text), site_paths.md_link(here, site_paths.page(kind, ident)))


def service_link(index: Index, here: str, ident: str) -> str:
    """Link to a service page, or the plain name of an actor."""
    if ident in index.actors:
        return md(index.actors[ident].name)
    return entity_link(here, "service", ident, index.services[ident].name)


def flow_link(index: Index, here: str, flow: Flow) -> str:
    """Link to a flow page, named with its letter, view and title."""
    view = index.view_of[flow.id]
    return entity_link(here, "flow", flow.id, f"Flux {flow.letter} ({view.title}) — {flow.title}")


def use_case_link(index: Index, here: str, uc: UseCase) -> str:
    """Link to a use-case page, named with its number and goal."""
    return entity_link(here, "use_case", uc.id, f"Cas d'usage {uc.number} — {uc.goal}")


def recommendation_link(here: str, rec: Recommendation) -> str:
    """Link to a recommendation page."""
    return entity_link(here, "recommendation", rec.id, f"Recommandation {rec.id}")


def source_line(index: Index, ref: SourceRef, here: str = "") -> str:
    """The « Source : … » line that ends every page, with the documents the source cites there.

    A deck is cited by a slide's own title; a title of ours (a slide that prints none) carries its
    provenance marker when ``here``, the page, is given.
    """
    document = next(d for d in index.framework.documents if d.id == ref.document)
    detail = f" ({md(ref.detail)})" if ref.detail else ""
    version = f", {md(document.version)}" if document.version else ""
    date = f", {md(french_date(document.date))}" if document.date else ""
    slide = next((s for s in document.slides if s.title == ref.slide), None)
    if slide is not None:
        mark = provenance_marks.mark_of(index, here, slide, "title") if here else ""
        where = f"diapositive « {md(slide.title)} »{mark}"
    else:
        where = f"section {md(ref.place)}"
    title = md(document.title) + (provenance_marks.mark_of(index, here, document, "title") if here else "")
    cited = provenance_marks.cited_line(index, ref.cites)
    return f"Source : {title}{version}{date}, {where}{detail}.{cited}"


_MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]


def french_date(iso: str) -> str:
    """``2022-06-16`` → « 16 juin 2022 »; any other text is returned as it is."""
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", iso)
    if not match:
        return iso
    year, month, day = (int(g) for g in match.groups())
    return f"{'1er' if day == 1 else day} {_MONTHS[month - 1]} {year}"


def notes(items: Iterable[SourceNote]) -> tuple[Note, ...]:
    """Remarks on the source, as admonitions."""
    return tuple(Note(title=f"{note.kind.label} — {_place(note)}", markdown=blocks(note.text)) for note in items)


def _place(note: SourceNote) -> str:
    """Where a note bears on its source: « section 1.2.4 » or « diapositive « … » »."""
    if note.section:
        return f"section {note.section}"
    slide = md(note.slide or "").replace('"', "&quot;")
    return f"diapositive « {slide} »"


def bullets(items: list[str], empty: str = "Aucun.") -> Paragraphs:
    """A bullet list, or ``empty`` when there is nothing to list."""
    return Paragraphs("\n".join(f"- {item}" for item in items) if items else empty)


def used_by(groups: list[tuple[str, list[str], str]]) -> Section:
    """The « Utilisé par » section: for each kind of referrer, its heading, its links, and what to say if none."""
    parts: list[Block] = []
    for heading, items, empty in groups:
        parts += [Paragraphs(f"**{heading}**"), bullets(items, empty)]
    return Section("Utilisé par", tuple(parts))


def cell(items: list[str]) -> str:
    """Links in one table cell, or a dash when there are none."""
    return ", ".join(items) or "—"


def flow_cells(index: Index, here: str, flow: Flow) -> tuple[str, ...]:
    """What identifies a flow in a table: emitter, receiver, direction, nature, data and status."""
    return (
        service_link(index, here, flow.emitter),
        service_link(index, here, flow.receiver),
        md(flow.direction.label),
        md(flow.nature.label),
        md(", ".join(c.label for c in flow.data_categories)),
        md(flow.status.label),
    )


def flow_table(index: Index, here: str, flows: list[Flow], *, with_view: bool = False) -> Table:
    """Flows (of one view, or of several ``with_view``): the letter opens the flow, then what identifies it."""
    rows = tuple(
        (
            *((entity_link(here, "view", index.view_of[f.id].id, index.view_of[f.id].title),) if with_view else ()),
            entity_link(here, "flow", f.id, f.letter),
            md(f.title),
            *flow_cells(index, here, f),
        )
        for f in flows
    )
    return Table(
        (
            *(("Vue",) if with_view else ()),
            "Flux",
            "Intitulé",
            "Émetteur",
            "Récepteur",
            "Sens",
            "Nature",
            "Données",
            "État",
        ),
        rows,
        empty="Aucun flux.",
    )


def service_flow_table(index: Index, here: str, service_ids: list[str]) -> Table:
    """Flows that a service (or one of its parts) emits or receives, from any view."""
    rows = tuple(
        (
            entity_link(here, "flow", f.id, f"{f.letter} — {f.title}"),
            entity_link(here, "view", index.view_of[f.id].id, index.view_of[f.id].title),
            service_link(index, here, f.emitter),
            service_link(index, here, f.receiver),
            md(f.direction.label),
        )
        for f in index.flows_touching(service_ids)
    )
    return Table(("Flux", "Vue", "Émetteur", "Récepteur", "Sens"), rows, empty="Aucun flux.")


def use_case_table(index: Index, here: str, use_cases: list[UseCase]) -> Table:
    """Use cases of one schema: number, actor, goal and the flows they rely on."""
    rows = tuple(
        (
            entity_link(here, "use_case", uc.id, str(uc.number)),
            md(index.participant_name(uc.actor)),
            md(uc.goal),
            ", ".join(entity_link(here, "flow", f, index.flows[f].letter) for f in uc.flows) or "—",
        )
        for uc in use_cases
    )
    return Table(("N°", "En tant que …", "… je souhaite …", "Flux"), rows, empty="Aucun cas d'usage.")


def first_sentence(text: str) -> str:
    """The first sentence of a text, for summaries."""
    flat = " ".join(text.split())
    end = _SENTENCE_END.search(flat)
    return flat if end is None else flat[: end.start() + 1]

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
from model import Flow, Index, Leg, Recommendation, SourceRef, UseCase
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


def service_links(index: Index, here: str, idents: list[str]) -> str:
    """Links to services, in one table cell."""
    return ", ".join(service_link(index, here, i) for i in idents)


def short_name(index: Index, ident: str) -> str:
    """A service's short name if it has one, else its name (plain text)."""
    service = index.services[ident]
    return service.short_name or service.name


def leg_summary(index: Index, leg: Leg) -> str:
    """One leg in a line of Markdown: « ROR → PPA : automatisé, cible », and « sous condition » if it has one."""
    text = f"{short_name(index, leg.from_)} → {short_name(index, leg.to)} : {leg.nature.label.lower()}, "
    text += leg.status.label.lower() + (" (sous condition)" if leg.condition else "")
    return md(text)


def legs_cell(index: Index, flow: Flow) -> str:
    """The legs of a flow in one table cell, one per line."""
    return "<br>".join(leg_summary(index, leg) for leg in flow.legs)


FLOW_HEADERS = ("Émetteurs", "Récepteurs", "Branches (sens : nature, état)", "Données")
"""The headers of :func:`flow_cells`."""


def flow_cells(index: Index, here: str, flow: Flow) -> tuple[str, ...]:
    """What identifies a flow in a table: emitters, receivers, legs (each with nature and state) and data."""
    return (
        service_links(index, here, flow.emitters),
        service_links(index, here, flow.receivers),
        legs_cell(index, flow),
        md(", ".join(c.label for c in flow.data_categories)),
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
    return Table((*(("Vue",) if with_view else ()), "Flux", "Intitulé", *FLOW_HEADERS), rows, empty="Aucun flux.")


def service_flow_table(index: Index, here: str, service_ids: list[str]) -> Table:
    """Flows that a service (or one of its parts) emits or receives, from any view."""
    rows = tuple(
        (
            entity_link(here, "flow", f.id, f"{f.letter} — {f.title}"),
            entity_link(here, "view", index.view_of[f.id].id, index.view_of[f.id].title),
            service_links(index, here, f.emitters),
            service_links(index, here, f.receivers),
            legs_cell(index, f),
        )
        for f in index.flows_touching(service_ids)
    )
    return Table(("Flux", "Vue", *FLOW_HEADERS[:3]), rows, empty="Aucun flux.")


def actor_names(index: Index, uc: UseCase) -> str:
    """The actors of a use case (« En tant que … »), in one line of Markdown."""
    return " ; ".join(md(index.participant_name(a)) for a in uc.actors)


def goal_lines(uc: UseCase) -> str:
    """The goals of a use case (« … je souhaite … »), one per line of a table cell."""
    return "<br>".join(md(g) for g in uc.goals)


def use_case_table(index: Index, here: str, use_cases: list[UseCase]) -> Table:
    """Use cases of one schema: number, actor, goal and the flows they rely on."""
    rows = tuple(
        (
            entity_link(here, "use_case", uc.id, str(uc.number)),
            actor_names(index, uc),
            goal_lines(uc),
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

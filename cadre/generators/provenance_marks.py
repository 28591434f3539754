"""Provenance on the pages: a discreet marker after each statement that is not the source's own words.

A statement of the kind ``verbatim`` carries no marker: the page's « Source » line says where it comes
from. Every other kind gets the same small link after the statement, « [reformulé] », « [déduit] »,
« [extérieur] » or « [proposé] », whose accessible name says « Provenance : … » and which opens the
legend page (``docs/provenance.md``). The marker is Markdown of our own: a link with classes of
``docs/stylesheets/extra.css`` (attr_list), no inline style or script, so the site's CSP holds.
An outside fact also names the documents that support it, right after its marker.
"""

from __future__ import annotations

from pydantic import BaseModel

from cadre.output import site_paths
from cadre.output.text import Markdown, blocks, link, md
from model import Document, Index, TextProvenance, effective

LEGEND = "provenance.md"
"""The legend page « Provenance des énoncés », written by hand in ``docs/``."""

ANCHORS = {
    TextProvenance.VERBATIM: "cite",
    TextProvenance.REWORDED: "reformule",
    TextProvenance.INFERENCE: "deduit",
    TextProvenance.OUTSIDE: "exterieur",
    TextProvenance.PROPOSAL: "propose",
}
"""The heading of each kind on the legend page."""

NAMES = {
    TextProvenance.VERBATIM: "cité tel quel de la source",
    TextProvenance.REWORDED: "reformulé par les auteurs du site",
    TextProvenance.INFERENCE: "déduit de la source par les auteurs du site",
    TextProvenance.OUTSIDE: "fait extérieur aux sources",
    TextProvenance.PROPOSAL: "proposition des auteurs du site",
}
"""What the marker's accessible name says of each kind (« Provenance : … »)."""


def marker(here: str, kind: TextProvenance) -> Markdown:
    """The marker of ``kind`` on page ``here`` (nothing for the source's own words), with a leading space."""
    if kind is TextProvenance.VERBATIM:
        return Markdown("")
    target = site_paths.md_link(here, LEGEND, ANCHORS[kind])
    return Markdown(f' {link(md(f"[{kind.label}]"), target)}{{ .provenance aria-label="Provenance : {NAMES[kind]}" }}')


def _supporting(index: Index, references: list[str]) -> Markdown:
    """« (référence : title ; title) » for an outside fact."""
    documents = {d.id: d for d in index.framework.documents}
    titles = [md(documents[r].title) for r in references if r in documents]
    if not titles:
        return Markdown("")
    noun = "référence" if len(titles) == 1 else "références"
    return Markdown(f" ({noun} : {' ; '.join(titles)})")


def mark_of(index: Index, here: str, node: BaseModel, name: str) -> Markdown:
    """The marker of field ``name`` of ``node``, and an outside fact's references."""
    claim = effective(node, name)
    return Markdown(marker(here, claim.kind) + _supporting(index, claim.references))


def inline(index: Index, here: str, node: BaseModel, name: str) -> Markdown:
    """The text field ``name`` of ``node`` on one line, followed by its marker."""
    value = getattr(node, name)
    return Markdown(md(value) + mark_of(index, here, node, name))


def block(index: Index, here: str, node: BaseModel, name: str) -> Markdown:
    """The text field ``name`` of ``node`` as paragraphs, its marker after the last one."""
    value = getattr(node, name)
    return Markdown(blocks(value) + mark_of(index, here, node, name))


def title_note(index: Index, here: str, node: BaseModel, name: str = "title", what: str = "Intitulé") -> Markdown:
    """« Intitulé [reformulé] » to print under a heading whose text is ours (nothing if it is the source's)."""
    mark = mark_of(index, here, node, name)
    return Markdown(f"<small>{what} :{mark}</small>") if mark else Markdown("")


def with_title_note(note: Markdown, text: str) -> str:
    """``text`` preceded by the title's note, if any."""
    return "\n\n".join(part for part in (note, text) if part)


def cited_line(index: Index, cites: list[str]) -> Markdown:
    """« Documents cités à cet endroit : … », each with where and how the source cites it."""
    documents = {d.id: d for d in index.framework.documents}
    parts = []
    for ident in cites:
        document = documents.get(ident)
        if document is not None:
            parts.append(citation(document))
    if not parts:
        return Markdown("")
    return Markdown(" Documents cités à cet endroit : " + " ; ".join(parts) + ".")


def citation(document: Document) -> str:
    """A cited document with each place the sources cite it: « title (section 1.2.2, note 3 : « … ») »."""
    places = []
    for at in document.cited_at:
        where = f"section {md(at.section)}" if at.section else f"diapositive « {md(at.slide or '')} »"
        note = f", note {at.footnote}" if at.footnote else ""
        places.append(f"{where}{note} : « {md(at.quote)} »")
    address = f", adresse imprimée : {md(document.address)}" if document.address else ""
    inside = " ; ".join(places)
    return f"{md(document.title)} ({inside}{address})" if places else f"{md(document.title)}{address}"

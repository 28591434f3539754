"""Typed view-models of generated pages: the page generator decides, the template only prints.

Every string held here is already Markdown (escaped with :mod:`cadre.output.text` where it comes from the
model), so the template never has to know where a piece of text came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Paragraphs:
    """Markdown blocks."""

    markdown: str
    kind: str = "paragraphs"


@dataclass(frozen=True)
class Table:
    """A table; ``rows`` are Markdown cells. An empty table prints ``empty`` instead."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    empty: str = "Aucun."
    sortable: bool = False
    filterable: str = ""
    """The kind of entity each row shows (``flow``, ``service``…: a kind of the explorer's index), when the
    page's filters (``docs/javascripts/filtres.js``) may hide rows; empty otherwise."""
    kind: str = "table"


@dataclass(frozen=True)
class Diagram:
    """An SVG of ``generated/`` included inline (so that its links work), with its caption."""

    path: str
    caption: str
    kind: str = "diagram"


@dataclass(frozen=True)
class Note:
    """A remark on the source, shown in an admonition."""

    title: str
    markdown: str


Block = Paragraphs | Table | Diagram


@dataclass(frozen=True)
class Section:
    """A second-level heading and its blocks."""

    title: str
    blocks: tuple[Block, ...]
    level: int = 2


@dataclass(frozen=True)
class Page:
    """One generated page."""

    title: str
    facts: tuple[tuple[str, str], ...] = ()
    lead: str = ""
    sections: tuple[Section, ...] = ()
    source: str = ""
    notes: tuple[Note, ...] = field(default_factory=tuple)
    wide: bool = False
    """A page of wide tables: the table of contents is hidden to give them the room."""
    search_boost: float | None = None
    """Weight of the page in the site's search (Material's ``search.boost``): a service's own page
    comes before the pages that only mention it."""

    @property
    def filtered(self) -> bool:
        """Whether a table of the page has filters, which ``docs/javascripts/filtres.js`` takes from its address.

        Such a page is shown once read and filtered (``afficher_apres_filtres`` in its front matter,
        ``overrides/main.html``): a reader opening a shared address never sees its rows vanish.
        """
        return any(isinstance(block, Table) and block.filterable for s in self.sections for block in s.blocks)

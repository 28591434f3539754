"""A Markdown extension: an acronym's hover on its first occurrence in a page, its later ones left as text.

The ``abbr`` extension wraps every occurrence of a defined acronym in ``<abbr title="…">``. At ten times the
model, the explorer's table held 730 of them for 11 acronyms, and the theme turned each into a tooltip
(``content.tooltips``): about 0.4 s before the page answered in Chromium, and the same weight on every long
table. WCAG's sufficient technique for its success criterion 3.1.4, when an abbreviation has one meaning in
the page, is to expand it at its first occurrence (G102, here through H28's ``<abbr>``); the glossary page
defines them all.

Both site generators load it from ``mkdocs.yml`` (``markdown_extensions``), after ``abbr``: the Markdown
is converted the same way whichever generator runs it. Only the elements the ``abbr`` extension made are
unwrapped (an ``abbr`` with a title and text, no child); their text and what follows them are kept as
they were, so the page reads the same without the hovers.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

PRIORITY = 6.5
"""After the ``abbr`` extension's tree processor (7), before the table of contents (5)."""


def _unwrap(parent: Element, element: Element) -> None:
    """Replace ``element``, a child of ``parent`` without children of its own, by its text and its tail."""
    text = (element.text or "") + (element.tail or "")
    position = list(parent).index(element)
    if position:
        previous = parent[position - 1]
        previous.tail = (previous.tail or "") + text
    else:
        parent.text = (parent.text or "") + text
    parent.remove(element)


class FirstAbbreviations(Treeprocessor):
    """Keep the first ``<abbr>`` of each acronym in the document; unwrap the later ones."""

    def run(self, root: Element) -> None:
        """Walk the converted page in reading order."""
        seen: set[str] = set()
        later: list[tuple[Element, Element]] = []
        parents = {child: parent for parent in root.iter() for child in parent if child.tag == "abbr"}
        for element in root.iter("abbr"):
            if len(element) or "title" not in element.attrib or element not in parents:
                continue
            term = element.text or ""
            if term in seen:
                later.append((parents[element], element))
            seen.add(term)
        for parent, element in reversed(later):  # from the end, so that each tail lands where it was
            _unwrap(parent, element)


class FirstAbbreviationsExtension(Extension):
    """``cadre.publish.first_abbr`` in ``markdown_extensions``."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        """Register the tree processor after ``abbr``'s."""
        md.treeprocessors.register(FirstAbbreviations(md), "premiere-abreviation", PRIORITY)


def makeExtension(**kwargs: object) -> FirstAbbreviationsExtension:  # noqa: N802 (Python-Markdown's name)
    """The entry point by which Python-Markdown loads the extension from its module's name."""
    return FirstAbbreviationsExtension(**kwargs)

"""The glossary's hovers: each page gets the definitions of the acronyms it may show, no others.

``generated/abbreviations.md`` holds one Python-Markdown abbreviation definition per acronym
(``*[MDPH]: Maison départementale…``); the ``abbr`` extension wraps each acronym of a page's text in an
``<abbr>`` whose title is its definition, when the page holds the definition. Appending all of them to every
page made each generator parse a hundred definitions per page (at ten times the model, 5 of the 26 MB of
Markdown the site was built from, and Zensical scans every byte of it for links).

A definition is left out only when its acronym cannot stand in the text in which ``abbr`` looks for it.
That text is made of pieces of the page's source, cut where the Markdown syntax is (``*``, ``_``, ``[``, a
backslash escape, a character reference…), and ``abbr`` wants an acronym whole, between two characters
that are not letters, digits or ``_``. So an acronym such as ``MDPH`` (:data:`_RUN`) is kept when the
source, as written or with its character references undone, holds it as a run of its own; another one
(``SI-MDPH``, ``MSSanté``) when it occurs in the source, as written or with its escapes and references
undone, and each of its runs is a run of the source. The built pages are the same as with every definition
(``tests/test_assembly.py`` renders every page both ways). A block of the glossary that is not a definition
is always kept.
"""

from __future__ import annotations

import html
import re

_DEFINITION = re.compile(r"^[*]\[(?P<abbr>[^\\]*?)\][ ]?:[ ]*\n?[ ]*(?P<title>.*)$", re.MULTILINE)
"""Python-Markdown's own pattern for a definition (``markdown.extensions.abbr.AbbrBlockprocessor``)."""

_ESCAPE = re.compile(r"\\(.)")
_RUN = re.compile(r"[A-Z0-9][A-Za-z0-9]*")
"""A run of ASCII letters and digits from a capital or a digit on: what an acronym is made of (``MDPH``)."""


class Glossary:
    """The blocks of ``abbreviations.md``, and for each definition the acronym it defines."""

    def __init__(self, text: str) -> None:
        self.source = text
        self.blocks = [block for block in text.split("\n\n") if block.strip()]
        self.terms: dict[int, str] = {}
        for number, block in enumerate(self.blocks):
            found = _DEFINITION.search(block)
            if found and found.group("abbr").strip() and found.group(0) == block.strip():
                self.terms[number] = found.group("abbr").strip()
        self._runs = {term: tuple(_RUN.findall(term)) for term in set(self.terms.values())}

    def used(self, source: str) -> set[str]:
        """The acronyms that may show in the page ``source`` (see above)."""
        runs = set(_RUN.findall(source))
        if "&" in source:  # an escape (``\\-``) joins no runs, a reference (``&#68;UI``) may
            runs.update(_RUN.findall(html.unescape(source)))
        found = {term for term, parts in self._runs.items() if all(part in runs for part in parts)}
        whole = {term for term in found if self._runs[term] == (term,)}
        if found == whole:
            return whole
        texts = (source, html.unescape(_ESCAPE.sub(r"\1", source)))
        return whole | {term for term in found - whole if any(term in text for text in texts)}

    def of(self, source: str) -> str:
        """The blocks to append to the page ``source``: its acronyms' definitions, and what is not one."""
        used = self.used(source)
        kept = [b for n, b in enumerate(self.blocks) if n not in self.terms or self.terms[n] in used]
        return "\n\n".join(kept) + "\n" if kept else ""

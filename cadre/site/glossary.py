"""The glossary's hovers: each page gets the definitions of the acronyms it may show, no others.

``generated/abbreviations.md`` holds one Python-Markdown abbreviation definition per acronym
(``*[MDPH]: Maison départementale…``); the ``abbr`` extension wraps each acronym of a page's text in an
``<abbr>`` whose title is its definition, when the page holds the definition. Appending all of them to every
page made each generator parse a hundred definitions per page (at ten times the model, 5 of the 26 MB of
Markdown the site was built from, and Zensical scans every byte of it for links).

A definition is left out only when its acronym occurs nowhere in the page's source, neither as written nor
with its backslash escapes and character references undone: the text in which ``abbr`` looks for it is made
of pieces of that source, so the built page is the same as with every definition. A block of the glossary
that is not a definition is always kept.
"""

from __future__ import annotations

import html
import re

_DEFINITION = re.compile(r"^[*]\[(?P<abbr>[^\\]*?)\][ ]?:[ ]*\n?[ ]*(?P<title>.*)$", re.MULTILINE)
"""Python-Markdown's own pattern for a definition (``markdown.extensions.abbr.AbbrBlockprocessor``)."""

_ESCAPE = re.compile(r"\\(.)")


class Glossary:
    """The blocks of ``abbreviations.md``, and for each definition the acronym it defines."""

    def __init__(self, text: str) -> None:
        self.blocks = [block for block in text.split("\n\n") if block.strip()]
        self.terms: dict[int, str] = {}
        for number, block in enumerate(self.blocks):
            found = _DEFINITION.search(block)
            if found and found.group("abbr").strip() and found.group(0) == block.strip():
                self.terms[number] = found.group("abbr").strip()
        terms = sorted(set(self.terms.values()), key=len, reverse=True)
        # At each position, the longest acronym that starts there; a shorter one it contains counts too.
        self._find = re.compile("(?=(" + "|".join(map(re.escape, terms)) + "))") if terms else None
        self._within = {term: {other for other in terms if other in term} for term in terms}

    def used(self, source: str) -> set[str]:
        """The acronyms that occur in ``source``, or in it with its escapes and references undone."""
        if self._find is None:
            return set()
        found: set[str] = set()
        for text in {source, html.unescape(_ESCAPE.sub(r"\1", source))}:
            for term in {m.group(1) for m in self._find.finditer(text)}:
                found |= self._within[term]
        return found

    def of(self, source: str) -> str:
        """The blocks to append to the page ``source``: its acronyms' definitions, and what is not one."""
        used = self.used(source)
        kept = [b for n, b in enumerate(self.blocks) if n not in self.terms or self.terms[n] in used]
        return "\n\n".join(kept) + "\n" if kept else ""

"""The quick reading of a built page for its Content-Security-Policy: regular expressions, no HTML parser.

Reading every page with :class:`html.parser.HTMLParser` (:mod:`cadre.site.csp`) was most of the time a build
spent after its generator (12 MB/s on one core, 80 MB of pages at ten times the model): Python code runs
for each tag. :func:`inline_scripts` reads a page with a few regular expressions over the whole text instead,
and answers only for a page it can prove to be plain; for any other page it answers ``None``, and the page
is read with the parser as before, which then says what is wrong (or that nothing is).

A page is plain when:

1. every ``<`` followed by a letter starts a well-formed tag (:data:`_TAG`: a name, attributes separated by
   spaces, values quoted or bare without quotes), and holds no other; every ``</`` is a well-formed end
   tag; every ``<!`` is the doctype or a comment without ``<`` or ``--`` inside; there is no ``<?``. The
   parser then sees no tag but these, read the same way; its comments and scripts hold none;
2. no tag is named ``iframe``, ``object``, ``embed``, ``frame``, ``frameset``, ``base`` or ``style``; no
   attribute name starts with ``on`` or is ``style``; no ``href``, ``src`` or ``action`` value starts like a
   URL scheme other than ``http:``, ``https:`` or ``mailto:``, or with a character reference (these
   tests look at more than the parser would: a bare value ``= onze`` or a ``data-href`` are suspected too);
3. each ``<script>`` ends with ``</script>`` and holds no markup, so that the parser gives it the same text.

For a plain page, the inline scripts are those of the parser, in the same order, and the parser would find
nothing to refuse but an unknown script: :func:`cadre.site.csp.policy` then checks them the same way.
``tests/test_csp.py`` checks on every page of both sites, and on generated hostile pages, that the two
readings agree.
"""

from __future__ import annotations

import html
import re

_OPEN = re.compile(r"<[a-zA-Z]")
_TAG = re.compile(r"""<[a-zA-Z][a-zA-Z0-9-]*(?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*/?>""")
_END = re.compile(r"</[a-zA-Z][a-zA-Z0-9-]*\s*>")
_DECLARATION = re.compile(r"<!doctype html>|<!--(?:[^<-]|-(?!-))*-->", re.IGNORECASE)
_SCRIPT = re.compile(r"<script(?=[\s/>])", re.IGNORECASE)
_SCRIPT_END = re.compile(r"</\s*script\s*>", re.IGNORECASE)
_MARKUP = re.compile(r"<[a-zA-Z!?/]")
_ATTRIBUTE = re.compile(r"""\s+([^\s"'<>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")
_QUOTED = re.compile(r""""[^"]*"|'[^']*'""")

# Over the tags alone, lowercased:
_SUSPECT_TAG = re.compile(r"<(?:iframe|object|embed|frameset|frame|base|style)[\s/>]")
_SUSPECT_NAME = re.compile(r"on(?<=\son)|style(?<=\sstyle)(?=[\s=/>])")  # values taken out first
_SAFE = r"(?!https?:|mailto:)"
_SUSPECT_URL = re.compile(
    rf"""(?:href|src|action)\s*=\s*(?:"{_SAFE}[^"/#?.:&]*[:&]|'{_SAFE}[^'/#?.:&]*[:&]|{_SAFE}[^\s"'=<>`/#?.:&]*[:&])"""
)
EXECUTABLE = {"", "text/javascript", "module", "application/javascript"}
"""The ``type`` of a script that runs."""


def inline_scripts(page: str) -> list[str] | None:
    """The text of each inline script of a plain ``page`` (see above), in order; ``None`` for any other page."""
    tags = _TAG.findall(page)
    if len(tags) != len(_OPEN.findall(page)) or len(_END.findall(page)) != page.count("</"):
        return None
    if len(_DECLARATION.findall(page)) != page.count("<!") or "<?" in page:
        return None
    lowered = "\n".join(tags).lower()
    if _SUSPECT_TAG.search(lowered) or _SUSPECT_URL.search(lowered) or _SUSPECT_NAME.search(_QUOTED.sub("", lowered)):
        return None
    scripts = []
    for found in _SCRIPT.finditer(page):
        tag = _TAG.match(page, found.start())
        end = _SCRIPT_END.search(page, tag.end()) if tag else None
        if tag is None or end is None or tag.group(0).endswith("/>"):
            return None
        text = page[tag.end() : end.start()]
        if _MARKUP.search(text):
            return None
        attributes = {}
        for attribute in _ATTRIBUTE.finditer(tag.group(0), len("<script")):
            value = attribute.group(2) or ""
            attributes[attribute.group(1).lower()] = html.unescape(value[1:-1] if value[:1] in "\"'" else value)
        if "src" not in attributes and attributes.get("type", "").lower() in EXECUTABLE:
            scripts.append(text)
    return scripts

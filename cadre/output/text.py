"""Model text made safe for Markdown: nothing an editor writes is interpreted as markup.

The model's text convention: paragraphs separated by a blank line; a line starting with ``- `` is a
list item. Everything else, HTML and Markdown included, is shown literally.
"""

from __future__ import annotations

import functools
import re
from typing import NewType

from model import HttpsUrl

Markdown = NewType("Markdown", str)
"""Text that is already Markdown: model text escaped by :func:`md` or :func:`blocks`, or our own markup."""

Href = NewType("Href", str)
"""A link target that :func:`link` can print as is: a relative path of the site (:mod:`cadre.output.site_paths`)
or a model URL validated by :class:`model.HttpsUrl`."""

# What a link target of ours may hold: nothing that closes a Markdown link, an HTML attribute or a line.
_HREF = re.compile(r"[A-Za-z0-9._~:/?#@!$&*+,;=%-]+")

_ESCAPES = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    "\\": "\\\\",
    "`": "\\`",
    "*": "\\*",
    "_": "\\_",
    "{": "\\{",
    "}": "\\}",
    "[": "\\[",
    "]": "\\]",
    "(": "\\(",
    ")": "\\)",
    "#": "\\#",
    "+": "\\+",
    "!": "\\!",
    "|": "\\|",
}
_SPECIAL = re.compile("[" + re.escape("".join(_ESCAPES)) + "]")
_LINE_START = re.compile(r"^(\s*)([-.0-9])")


@functools.lru_cache(maxsize=1 << 16)
def md(text: str) -> Markdown:
    """Literal text inside a line of Markdown (whitespace collapsed, markup characters escaped).

    Remembered: a model's names and titles are written on many pages.
    """
    return Markdown(_SPECIAL.sub(_escape, " ".join(text.split())))


def _escape(special: re.Match[str]) -> str:
    # A regular expression, not str.translate: translating text with accents is four times slower.
    return _ESCAPES[special.group()]


def link(label: Markdown, target: Href | HttpsUrl) -> Markdown:
    """A Markdown link: ``label`` is already Markdown (:func:`md`), ``target`` a path of the site or a model URL.

    The one way a page links anywhere: a target that could close the link or the ``href`` attribute
    MkDocs writes is refused here, whatever produced it.
    """
    if not _HREF.fullmatch(target) or target.startswith(("javascript:", "data:", "//")):
        raise ValueError(f"cible de lien refusée : {target!r}")
    if ":" in target.split("/", 1)[0] and not target.startswith("https://"):
        raise ValueError(f"cible de lien refusée (seul https est admis) : {target!r}")
    return Markdown(f"[{label}]({target})")


def _line(text: str) -> str:
    """Literal text that starts a Markdown line: a leading digit, dot or dash cannot open a list."""
    return _LINE_START.sub(lambda m: m.group(1) + "&#" + str(ord(m.group(2))) + ";", md(text))


def _prose_and_items(paragraph: str) -> tuple[list[str], list[str]]:
    """The prose lines of a paragraph, and its list items (a continuation line joins its item)."""
    prose: list[str] = []
    items: list[str] = []
    for line in paragraph.splitlines():
        stripped = line.strip()
        if stripped.startswith("- "):
            items.append(stripped[2:])
        elif items:
            items[-1] += " " + stripped
        elif stripped:
            prose.append(stripped)
    return prose, items


def flat(text: str) -> str:
    """A text with its list items on one line: « intro : item ; item » (for table cells and links)."""
    prose, items = _prose_and_items(text)
    joined = " ".join(" ".join(prose).split())
    return f"{joined} {' ; '.join(' '.join(i.split()) for i in items)}" if items else joined


def blocks(text: str) -> Markdown:
    """Paragraphs and lists of literal text as Markdown blocks."""
    out: list[str] = []
    for paragraph in re.split(r"\n\s*\n", text.strip()):
        prose, items = _prose_and_items(paragraph)
        if prose:
            out.append(_line(" ".join(prose)))
        if items:
            out.append("\n".join(f"- {_line(item)}" for item in items))
    return Markdown("\n\n".join(out))


def plain(text: str) -> str:
    """One line of text with whitespace collapsed, for attributes and tooltips (escaped by their writer)."""
    return " ".join(text.split())


# The HTML specials, and what Markdown or an extension would read in a link's text, as character references.
_NAV = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"} | {c: f"&#{ord(c)};" for c in "[]*_`\\|{}!"}
)


def nav(text: str) -> str:
    """Text of a navigation entry (``SUMMARY.md``), as the site must show it: HTML text of what was typed.

    literate-nav keeps the text of an entry as it is written, character references included, and the
    theme prints it as HTML in the menu and the page's header, and in the ``<title>`` (through the
    template override of ``cadre/theme/``); the search index holds it too. So an entry is the typed
    text escaped as HTML, with the characters that Markdown would read written as references: each of
    those places shows it as typed.
    """
    return " ".join(text.split()).translate(_NAV)


def html(text: str) -> str:
    """Text inside a raw HTML block of a page (a form's label or option, an attribute's value).

    Python-Markdown leaves a raw HTML block as it is: the text is escaped as HTML, quotes included, and the
    characters that Markdown or an extension would read elsewhere are written as references, as :func:`nav`
    writes them.
    """
    return nav(text)

"""Model text made safe for Markdown: nothing an editor writes is interpreted as markup.

The model's text convention: paragraphs separated by a blank line; a line starting with ``- `` is a
list item. Everything else, HTML and Markdown included, is shown literally.
"""

from __future__ import annotations

import re

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
_TABLE = str.maketrans(_ESCAPES)
_LINE_START = re.compile(r"^(\s*)([-.0-9])")


def md(text: str) -> str:
    """Literal text inside a line of Markdown (whitespace collapsed, markup characters escaped)."""
    return " ".join(text.split()).translate(_TABLE)


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


def blocks(text: str) -> str:
    """Paragraphs and lists of literal text as Markdown blocks."""
    out: list[str] = []
    for paragraph in re.split(r"\n\s*\n", text.strip()):
        prose, items = _prose_and_items(paragraph)
        if prose:
            out.append(_line(" ".join(prose)))
        if items:
            out.append("\n".join(f"- {_line(item)}" for item in items))
    return "\n\n".join(out)


def plain(text: str) -> str:
    """One line of text with whitespace collapsed, for attributes and tooltips (escaped by their writer)."""
    return " ".join(text.split())


_NAV = str.maketrans({"[": "(", "]": ")", "<": "‹", ">": "›", "*": "∗", "_": " ", "`": "'", "\\": "/", "|": "/"})


def nav(text: str) -> str:
    """Text of a navigation entry: literate-nav shows it without unescaping, so markup is replaced, not escaped."""
    return " ".join(text.translate(_NAV).split())

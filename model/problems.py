"""Problems found in the model, written for the editor who has to fix them."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

_SHOWN_AS_IS = frozenset({"Zs"})
"""Of the categories Python does not call printable, the spaces are harmless in a terminal."""


def terminal(text: str) -> str:
    r"""``text`` safe to print in a terminal: every invisible or control character shown as its escape.

    Control (C0, C1), format (bidi marks, zero-width), separator, surrogate and unassigned characters
    are written ``\x07``, ``\u202e``…, so that a value echoed in a message cannot move the cursor,
    recolour the terminal or make a line read differently from what it is.
    """
    return "".join(
        char if char.isprintable() or unicodedata.category(char) in _SHOWN_AS_IS else _escape(char) for char in text
    )


_SHORT = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _escape(char: str) -> str:
    if char in _SHORT:
        return _SHORT[char]
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one place of one YAML file, with how to fix it."""

    file: str
    line: int
    column: int
    message: str
    fix: str = ""
    warning: bool = False
    """A warning does not stop generation: the model is consistent, but a service departs from a rule."""

    def __str__(self) -> str:
        where = f"{terminal(self.file)}:{self.line}:{self.column}"
        text = f"{where}: {'avertissement' if self.warning else 'erreur'} : {terminal(self.message)}"
        if self.fix:
            text += f"\n    → {terminal(self.fix)}"
        return text


class ModelError(Exception):
    """The model could not be loaded; ``problems`` lists every reason, in file order."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__(self.report())

    def report(self) -> str:
        """All problems as the editor reads them, with a closing count."""
        count = len(self.problems)
        noun = "problème" if count == 1 else "problèmes"
        lines = [str(problem) for problem in self.problems]
        lines.append(f"{count} {noun} dans le modèle ; rien n'a été généré.")
        return "\n".join(lines)

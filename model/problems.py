"""Problems found in the model, written for the editor who has to fix them."""

from __future__ import annotations

from dataclasses import dataclass


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
        where = f"{self.file}:{self.line}:{self.column}"
        text = f"{where}: {'avertissement' if self.warning else 'erreur'} : {self.message}"
        if self.fix:
            text += f"\n    → {self.fix}"
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

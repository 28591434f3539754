"""One validated YAML file and the positions of its keys: what the checks that span files work on."""

from __future__ import annotations

from dataclasses import dataclass

from model._yaml import Path_, Positions, position
from model.framework import Framework
from model.problems import Problem


@dataclass
class Fragment:
    """One validated YAML file, with the positions of its keys."""

    file: str
    framework: Framework
    positions: Positions

    def problem(self, path: Path_, message: str, fix: str) -> Problem:
        """A problem located at ``path`` of this file."""
        line, column = position(self.positions, path)
        return Problem(self.file, line, column, message, fix)

    def where(self, path: Path_) -> str:
        """``file:line`` of ``path``, to tell where a clashing definition is."""
        line, _ = position(self.positions, path)
        return f"{self.file}:{line}"

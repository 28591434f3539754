"""What the registry holds: a generator, what it makes, and the paths of ``generated/`` it owns."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

from model import Index

Generator = Callable[[Index], dict[str, str]]
"""A pure function of the model that returns ``{path: text}``, paths relative to ``generated/``."""


@dataclass(frozen=True)
class Step:
    """One generator of the registry: its function, what it makes (in French), and the paths it owns.

    A path of ``owns`` that ends with ``/`` is a folder, any other a file.
    """

    generate: Generator
    makes: str
    owns: tuple[str, ...]
    shows: str
    """The generated page (under ``docs/``, as ``flux/index.md``) where a reader sees what it makes."""

    @property
    def name(self) -> str:
        """The generator's module, as contributors look it up (``cadre.generators.spec_pages``)."""
        function = self.generate.func if isinstance(self.generate, functools.partial) else self.generate
        return str(function.__module__)

    def may_write(self, path: str) -> bool:
        """Whether ``path`` is one of this step's files, or lies in one of its folders."""
        return any(path == owned or (owned.endswith("/") and path.startswith(owned)) for owned in self.owns)

"""The base of the closed vocabularies: a code that has the French label a reader sees."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from enum import StrEnum
from typing import TypeVar


class _Labelled(StrEnum):
    """A code with a French label, given to its class by :func:`labels`."""

    @property
    def label(self) -> str:
        """French label shown to readers."""
        return _LABELS[type(self)][self.value]


_LABELS: dict[type[_Labelled], Mapping[str, str]] = {}

_Vocabulary = TypeVar("_Vocabulary", bound=type[_Labelled])


def labels(table: Mapping[str, str]) -> Callable[[_Vocabulary], _Vocabulary]:
    """Give a vocabulary the French label of each of its codes (``{code: label}``)."""

    def give(cls: _Vocabulary) -> _Vocabulary:
        _LABELS[cls] = table
        return cls

    return give

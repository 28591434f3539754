"""Griffe extension for the model's reference page: each field and code as the model sees it at run time.

Static analysis only reads a field's own ``Field(description=…)``; the shared types of
:mod:`model._base` (``Id``, ``Text``…) carry their description in their annotation. Reading the
model classes' ``model_fields`` gives every field its description, its YAML key (alias) and whether
it is required, so the reference page says what the JSON Schema says, written once in the model.
"""

from __future__ import annotations

import importlib
from typing import Any

import griffe
from pydantic import BaseModel

from model.enums._labelled import _Labelled


class ModelFields(griffe.Extension):
    """Fill in description, YAML key and requiredness of the fields of the model's pydantic classes."""

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        """Walk the loaded package once it is complete."""
        self._visit(pkg)

    def _visit(self, module: griffe.Module) -> None:
        runtime = importlib.import_module(module.path)
        for member in module.members.values():
            if isinstance(member, griffe.Module):
                self._visit(member)
            elif isinstance(member, griffe.Class):
                cls = getattr(runtime, member.name, None)
                if isinstance(cls, type) and issubclass(cls, BaseModel):
                    _describe(member, cls)
                elif isinstance(cls, type) and issubclass(cls, _Labelled):
                    _label(member, cls)


def _describe(cls: griffe.Class, runtime: type[BaseModel]) -> None:
    for name, info in runtime.model_fields.items():
        attr = cls.all_members.get(name)
        if not isinstance(attr, griffe.Attribute):
            continue
        if not attr.docstring and info.description:
            attr.docstring = griffe.Docstring(info.description, parent=attr)
        attr.extra["cadre"] = {"key": info.alias or name, "required": info.is_required()}


def _label(cls: griffe.Class, runtime: type[_Labelled]) -> None:
    """A closed vocabulary's text ends with the table of its codes and their French labels."""
    rows = "\n".join(f"| `{code.value}` | {code.label} |" for code in runtime)
    text = cls.docstring.value if cls.docstring else ""
    cls.docstring = griffe.Docstring(f"{text}\n\n| Code (YAML) | Libellé |\n|---|---|\n{rows}", parent=cls)

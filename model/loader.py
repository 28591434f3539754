"""Loading the YAML content of the model: every problem of every file reported at once."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from model._messages import describe, without_typo_echoes
from model._yaml import Positions, position, read_yaml
from model._yaml_subset import check_size
from model.conformity import Check, Result, evaluate
from model.enums import Severity
from model.fragment import Fragment
from model.framework import Framework
from model.index import Index
from model.problems import ModelError, Problem
from model.provenance_checks import provenance_rules
from model.provenance_registry import undeclared
from model.references import check
from model.releases import read_releases

CONTENT_DIR = Path(__file__).parent / "content"
RELEASES = "releases"
"""Folder beside ``content/`` where the released schemas are frozen (:mod:`model.releases`)."""

# Identifiers of a file that could not be parsed, found by their ``id:`` lines.
_IDS_IN_TEXT = re.compile(r"""^\s*(?:-\s+)?id:\s*["']?([^"'\s#]+)""", re.MULTILINE)


def content_files(content_dir: Path) -> list[Path]:
    """The YAML files of the model, in a stable order."""
    return sorted(p for p in content_dir.rglob("*") if p.suffix in {".yaml", ".yml"} and p.is_file())


@dataclass(frozen=True)
class Loaded:
    """A valid model, and the warnings of its rules (services that depart from a recommendation)."""

    framework: Framework
    warnings: list[Problem] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    fragments: list[Fragment] = field(default_factory=list)
    """The files the model was read from, to locate a problem found after loading."""

    def spec_problem(self, flow: str, key: str, message: str, fix: str) -> Problem:
        """A problem located at ``key`` of the specification of ``flow`` in its YAML file."""
        for fragment in self.fragments:
            for i, spec in enumerate(fragment.framework.flow_specs):
                if spec.flow == flow:
                    return fragment.problem(("flow_specs", i, key), message, fix)
        raise KeyError(flow)


Reader = Callable[[Path, str], tuple[Any, Positions] | Problem]
"""Reads one YAML file (its path, its name in messages): :func:`model._yaml.read_yaml` or a cached one."""


def load_framework(
    content_dir: Path = CONTENT_DIR, *, shown_from: Path | None = None, read: Reader = read_yaml
) -> Framework:
    """Read, validate and merge every YAML file under ``content_dir``.

    File names in messages are relative to ``shown_from`` (the repository by default). ``read`` parses
    one file (the generator passes one that reuses the parse of a file whose bytes did not change).

    Raises:
        ModelError: with every problem found, each located by file, line and column.

    """
    return load_model(content_dir, shown_from=shown_from, read=read).framework


def load_model(content_dir: Path = CONTENT_DIR, *, shown_from: Path | None = None, read: Reader = read_yaml) -> Loaded:
    """Like :func:`load_framework`, and also apply the recommendations' rules.

    A departure from a rule of severity « error » (a definition of the framework) is an error like any
    other; the others are returned as warnings.

    Raises:
        ModelError: with every problem found, each located by file, line and column.

    """
    base = shown_from or content_dir.parent.parent
    problems: list[Problem] = []
    fragments: list[Fragment] = []
    declared: set[str] = set()
    files = content_files(content_dir)
    if not files:
        raise ModelError([Problem(shown_path(content_dir, base), 1, 1, "aucun fichier YAML", "")])
    for path in files:
        shown = shown_path(path, base)
        parsed = read(path, shown)
        if isinstance(parsed, Problem):
            problems.append(parsed)
            if check_size(path.stat().st_size) is None:  # a file refused for its size is not read at all
                declared.update(_IDS_IN_TEXT.findall(path.read_text(encoding="utf-8", errors="replace")))
            continue
        data, positions = parsed
        if data is None:
            continue
        try:
            fragment = Framework.model_validate(data)
        except ValidationError as error:
            for detail in without_typo_echoes(error.errors()):
                line, column = position(positions, tuple(detail["loc"]))
                message, fix = describe(detail)
                problems.append(Problem(shown, line, column, message, fix))
            declared.update(_raw_ids(data))
            continue
        fragments.append(Fragment(shown, fragment, positions))
    complete = not problems
    problems.extend(check(fragments, declared_elsewhere=declared, complete=complete))
    problems.extend(provenance_rules(fragments, frozenset(declared), complete=complete))
    problems.extend(undeclared(shown_from=base))
    releases_dir = content_dir.parent / RELEASES
    releases, refused = read_releases(releases_dir, shown_path(releases_dir, base))
    problems.extend(refused)
    if problems:
        raise ModelError(problems)
    framework = _merge([f.framework for f in fragments]).with_releases(releases)
    checks = evaluate(Index(framework))
    located = _rule_problems(fragments, checks)
    errors = [p for p in located if not p.warning]
    if errors:
        raise ModelError(errors)
    return Loaded(framework, located, checks, fragments)


def _rule_problems(fragments: list[Fragment], checks: list[Check]) -> list[Problem]:
    """Each check that fails or cannot be made for want of a value, at the service field it bears on."""
    where = {s.id: (f, i) for f in fragments for i, s in enumerate(f.framework.services)}
    problems = []
    for failed in checks:
        if failed.result not in {Result.NON_CONFORM, Result.MISSING}:
            continue
        fragment, i = where[failed.service.id]
        rec = failed.recommendation.id
        name = failed.service.name
        if failed.result is Result.NON_CONFORM:
            message = f"« {name} » n'est pas conforme à la recommandation {rec} : {failed.detail}"
        else:
            message = f"« {name} » ne peut pas être vérifié par la recommandation {rec} : {failed.detail}"
        error = failed.result is Result.NON_CONFORM and failed.rule.severity is Severity.ERROR
        fix = failed.fix
        if error:
            fix = (
                f"la règle de la recommandation {rec} est une définition du cadre : le modèle se contredit ;"
                f" corrigez « {failed.field} » ou ce qui fait entrer le service dans la règle (sa nature, par exemple)"
            )
        problem = fragment.problem(("services", i, failed.field), message, fix)
        problems.append(dataclasses.replace(problem, warning=not error))
    return sorted(problems)


def _raw_ids(data: object) -> set[str]:
    """Identifiers written in a file that failed validation.

    References to them are then not reported a second time as unknown.
    """
    found: set[str] = set()
    if isinstance(data, dict):
        if isinstance(data.get("id"), str):
            found.add(data["id"])
        for value in data.values():
            found |= _raw_ids(value)
    elif isinstance(data, list):
        for item in data:
            found |= _raw_ids(item)
    return found


def _merge(parts: list[Framework]) -> Framework:
    merged: dict[str, list[object]] = {name: [] for name in Framework.model_fields}
    for part in parts:
        for name in merged:
            merged[name].extend(getattr(part, name))
    merged["views"].sort(key=lambda view: section_key(view.source.section))  # type: ignore[attr-defined]
    return Framework.model_validate(merged)


def section_key(section: str) -> tuple[int, ...]:
    """Sort key of a section number (``1.10`` after ``1.9``)."""
    return tuple(int(part) for part in section.split("."))


def shown_path(path: Path, base: Path) -> str:
    """The name of ``path`` in messages: relative to ``base`` when it lies under it, else as given."""
    try:
        return path.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return path.as_posix()

"""The model's YAML files parsed on two cores before loading, when the cache does not hold them.

Loading the model from nothing is mostly parsing YAML (at ten times the model, 55 files, about half a
second) on one core while the other waits: nothing else can start before the model is loaded.
:func:`parse_ahead` forks a child that parses about half of the files (by size) into the cache in use
(:func:`cadre.output.cache.read_yaml`) while this process parses the other half, and returns a reader
for :func:`model.load_framework`: this process's parses from memory, the child's from the cache. The
result is the same as :func:`cadre.output.cache.read_yaml`'s: a file the child could not parse (or a
child that failed) is parsed again by the loader, and its problem told as usual.

The child closes every file it inherited but the standard streams (it does not hold the tree's lock),
writes only cache entries (atomically) and ends with ``os._exit``.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from cadre.output import cache
from model import Problem
from model._yaml import Positions
from model._yaml_subset import check_size
from model.loader import Reader, shown_path

_Parsed = tuple[Any, Positions]


AHEAD_FROM = 128 * 1024
"""Bytes of YAML missing from the cache from which a child parses half of them: below, starting it would
cost more than it saves (the preview, which reads one edited file at a time, never starts one)."""


def parse_ahead(files: Sequence[Path], shown_from: Path) -> Reader:
    """Parse ``files`` on two cores (half into the cache by a child); the reader the loader should use.

    Only the files the cache does not hold are parsed ahead, if they are at least two and weigh
    :data:`AHEAD_FROM`; otherwise (or without a cache in use, or without ``fork``) the reader is
    :func:`cadre.output.cache.read_yaml`.
    """
    store = cache.active("yaml")
    if store is None or not hasattr(os, "fork"):
        return cache.read_yaml
    missing = [path for path in files if _missing(store, path)]
    if len(missing) < 2 or sum(_size(path) for path in missing) < AHEAD_FROM:
        return cache.read_yaml
    ours, theirs = _halves(missing)
    child = os.fork()
    if child == 0:  # pragma: no cover - the child ends with os._exit
        _child(theirs, shown_from)
    parsed: dict[Path, _Parsed] = {}
    try:
        for path in ours:
            read = cache.read_yaml(path, shown_path(path, shown_from))
            if not isinstance(read, Problem):
                parsed[path] = read
    finally:
        os.waitpid(child, 0)  # the keys of its entries count as used when the loader reads them

    def reader(path: Path, shown: str) -> _Parsed | Problem:
        found = parsed.pop(path, None)
        return found if found is not None else cache.read_yaml(path, shown)

    return reader


def _missing(store: cache.Cache, path: Path) -> bool:
    """Whether ``path`` is a file the loader will parse, and ``store`` does not hold its parse."""
    size = _size(path)
    if not size or check_size(size) is not None:
        return False  # refused for its size without being read: nothing to parse ahead
    try:
        return not store.holds(cache.yaml_key(path))
    except OSError:
        return False  # the loader says what is wrong with it


def _halves(files: Sequence[Path]) -> tuple[list[Path], list[Path]]:
    """``files`` in two lists of about the same total size, the largest first."""
    halves: tuple[list[Path], list[Path]] = ([], [])
    sizes = [0, 0]
    for path in sorted(files, key=lambda p: (-_size(p), p)):
        lighter = 0 if sizes[0] <= sizes[1] else 1
        halves[lighter].append(path)
        sizes[lighter] += _size(path)
    return halves


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _child(files: Sequence[Path], shown_from: Path) -> None:
    """Parse ``files`` into the cache in use, then exit."""
    code = 1
    try:
        os.closerange(3, os.sysconf("SC_OPEN_MAX"))
        for path in files:
            cache.read_yaml(path, shown_path(path, shown_from))
        code = 0
    finally:
        os._exit(code)

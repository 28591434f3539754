"""A content-addressed cache of costly results, so that a regeneration redoes only what changed.

An entry is found by a key, the hash of everything its result depends on (the input's bytes or
description, and the code and tools that turn it into the result): a changed input gives another key,
never a stale hit; no timestamp is consulted. Each entry stores its key and the hash of its payload,
and is checked on every read: a truncated, edited or misplaced entry is ignored, deleted and
recomputed. Entries are written atomically (temporary file, then rename).

The cache lives in ``.cache/cadre/`` at the root of the repository (ignored by git), never in
``generated/``; deleting it only costs time. It is active only inside :func:`use`, so that the
generators stay pure functions when called without it (tests, scripts).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import pickle
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from importlib import metadata
from pathlib import Path
from typing import Any

from model import _yaml, _yaml_subset
from model._yaml import Positions
from model.problems import Problem

DIRECTORY = Path(".cache") / "cadre"
"""Where the cache lives, relative to the root of the repository."""

_MAGIC = b"cadre-cache 1\n"


def digest(*parts: str | bytes) -> str:
    """The SHA-256 of ``parts``, each length-prefixed so that no two lists of parts collide."""
    hasher = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hasher.update(f"{len(data)}:".encode())
        hasher.update(data)
    return hasher.hexdigest()


class Cache:
    """Entries of one kind (``namespace``) under ``directory``, each in a file named by its key."""

    def __init__(self, directory: Path, namespace: str, used: set[str] | None = None) -> None:
        self.folder = directory / namespace
        self.used = set() if used is None else used
        """Keys read or written through this object (or its session)."""

    def _path(self, key: str) -> Path:
        if len(key) != 64 or any(c not in "0123456789abcdef" for c in key):
            raise ValueError(f"clé de cache invalide : {key!r}")
        return self.folder / key[:2] / key

    def get(self, key: str) -> bytes | None:
        """The payload stored under ``key``, or None when absent or not trustworthy (then deleted)."""
        path = self._path(key)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        start = len(_MAGIC)
        stored_key, stored_digest = data[start : start + 64], data[start + 65 : start + 129]
        payload = data[start + 130 :]
        self.used.add(key)
        if (
            data.startswith(_MAGIC)
            and stored_key == key.encode("ascii")
            and stored_digest == hashlib.sha256(payload).hexdigest().encode("ascii")
        ):
            return payload
        with contextlib.suppress(OSError):  # a read-only cache is only slower
            path.unlink(missing_ok=True)
        return None

    def holds(self, key: str) -> bool:
        """Whether an entry is stored under ``key`` (not read: :meth:`get` checks it)."""
        return self._path(key).is_file()

    def put(self, key: str, payload: bytes) -> None:
        """Store ``payload`` under ``key``, atomically; a cache that cannot be written is only slower."""
        path = self._path(key)
        self.used.add(key)
        entry = _MAGIC + f"{key}\n{hashlib.sha256(payload).hexdigest()}\n".encode("ascii") + payload
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            with os.fdopen(handle, "wb") as stream:
                stream.write(entry)
            os.replace(temporary, path)
        except OSError:
            return

    def keep_only(self, keys: Iterable[str]) -> int:
        """Delete every entry whose key is not in ``keys`` (results no longer used); return how many.

        A cache that cannot be pruned (read-only disk) is only bigger.
        """
        wanted = set(keys)
        removed = 0
        if not self.folder.is_dir():
            return 0
        for path in self.folder.glob("*/*"):
            if path.name not in wanted:
                try:
                    path.unlink(missing_ok=True)
                except OSError:
                    continue
                removed += 1
        return removed


class _Session:
    """The cache in use: its directory, and the keys read or written in each namespace."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.used: dict[str, set[str]] = {}


_ACTIVE: ContextVar[_Session | None] = ContextVar("cadre_cache", default=None)


@contextmanager
def use(directory: Path, *, prune: bool = False) -> Iterator[None]:
    """Within this block, the generators read and write the cache under ``directory``.

    With ``prune``, once the block ends without error, the entries of each namespace it used that it
    did not use are deleted: after a full regeneration the cache holds what the model needs, no more.
    """
    session = _Session(directory)
    token = _ACTIVE.set(session)
    try:
        yield
    finally:
        _ACTIVE.reset(token)
    if prune:
        for namespace, keys in session.used.items():
            Cache(directory, namespace).keep_only(keys)


def used() -> dict[str, set[str]]:
    """The keys read or written so far in the cache in use, by namespace (none when no cache is in use)."""
    session = _ACTIVE.get()
    return {} if session is None else {namespace: set(keys) for namespace, keys in session.used.items()}


def note_used(keys: dict[str, set[str]]) -> None:
    """Count ``keys`` as used by the cache in use (read or written by another process for this run)."""
    session = _ACTIVE.get()
    if session is not None:
        for namespace, found in keys.items():
            session.used.setdefault(namespace, set()).update(found)


def active(namespace: str) -> Cache | None:
    """The cache of ``namespace`` if one is in use (see :func:`use`), else None."""
    session = _ACTIVE.get()
    if session is None:
        return None
    return Cache(session.directory, namespace, session.used.setdefault(namespace, set()))


@functools.cache
def _yaml_fingerprint() -> str:
    code = [Path(module.__file__).read_bytes() for module in (_yaml, _yaml_subset) if module.__file__]
    return digest(*code, metadata.version("ruamel.yaml"))


def yaml_key(path: Path) -> str:
    """The key of the parse of the YAML file at ``path`` (its bytes, and the code that parses them)."""
    return digest(_yaml_fingerprint(), path.read_bytes())


def read_yaml(path: Path, shown: str) -> tuple[Any, Positions] | Problem:
    """:func:`model._yaml.read_yaml`, its result kept by the hash of the file's bytes while a cache is in use.

    Parsing YAML is most of the time spent loading the model: after an edit, only the edited file is
    parsed again. A file with an error is always parsed again (its problem names it); a file too large
    to be read is refused without being read, cache or not.
    """
    store = active("yaml")
    if store is None or _yaml_subset.check_size(path.stat().st_size) is not None:
        return _yaml.read_yaml(path, shown)
    key = yaml_key(path)
    payload = store.get(key)
    if payload is not None:
        try:
            cached: tuple[Any, Positions] = pickle.loads(payload)  # our own entry, its hash checked
        except (pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError):
            pass
        else:
            return cached
    read = _yaml.read_yaml(path, shown)
    if not isinstance(read, Problem):
        store.put(key, pickle.dumps(read, protocol=pickle.HIGHEST_PROTOCOL))
    return read

"""Replace a whole output tree (``generated/``, ``site/``) at once, one run at a time.

A new tree is built aside, in a hidden sibling folder ``.<name>-construction-<random>`` (same
filesystem, so that a rename can move it), then swapped with the target:

- on Linux, ``renameat2(RENAME_EXCHANGE)`` exchanges the two folders in one step: at every instant
  the target is either the complete old tree or the complete new one, and the path never disappears
  (a watcher polling it, such as ``mkdocs serve``'s, keeps working);
- elsewhere (another system, or a filesystem that refuses the exchange with ``EINVAL``), two renames:
  target → ``.<name>-precedent-<pid>``, then staging → target.

Invariant of the fallback, which :func:`recover` relies on: a ``.<name>-precedent-*`` folder is
always a complete tree (it is only ever made by renaming the target, and is renamed to a
``construction`` name before being deleted), and the target is missing only between the two renames,
when such a folder exists. So a run killed at any moment leaves either the target complete, or no
target and a complete previous tree; every run starts, under the lock, by putting that tree back and
deleting the leftover ``construction`` folders (always garbage: a staging tree, or an old tree being
deleted).

One run at a time: :func:`locked` takes ``flock`` on the folder that holds the target (the root of
the repository). It writes no file, and the kernel releases it when its process dies, so a killed
run never blocks the next one. Another run waits :data:`WAIT` seconds, then stops with
:class:`TreeError`.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from cadre.output import journal

WAIT = 5.0
"""Seconds another run waits for the lock before giving up."""

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


class TreeError(Exception):
    """A tree that cannot be replaced: the message says what, where and how to fix it (in French)."""


@contextlib.contextmanager
def locked(folder: Path, doing: str) -> Iterator[None]:
    """Hold the lock of ``folder`` while the block runs; raise :class:`TreeError` if another run keeps it."""
    handle = os.open(folder, os.O_RDONLY)
    try:
        deadline = time.monotonic() + WAIT
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise TreeError(
                        f"Impossible de {doing} : une autre génération est en cours{_holder(handle)} "
                        f"dans {folder} ; attendez qu'elle se termine, puis relancez."
                    ) from None
                time.sleep(0.1)
        yield
    finally:
        os.close(handle)  # releases the lock


def _holder(handle: int) -> str:
    """`` (pid N : command)``, the process holding the ``flock`` of ``handle`` (Linux), or nothing."""
    status = os.fstat(handle)
    wanted = f"{os.major(status.st_dev):02x}:{os.minor(status.st_dev):02x}:{status.st_ino}"
    try:
        lines = Path("/proc/locks").read_text(encoding="ascii").splitlines()
    except OSError:
        return ""
    for line in lines:
        fields = line.split()
        if len(fields) >= 6 and fields[1] == "FLOCK" and fields[5] == wanted and fields[4].isdigit():
            try:
                raw = Path(f"/proc/{fields[4]}/cmdline").read_bytes()
            except OSError:
                return f" (pid {fields[4]})"
            words = [os.fsdecode(w) for w in raw.split(b"\0") if w]
            command = " ".join([os.path.basename(words[0]), *words[1:]]) if words else "?"
            return f" (pid {fields[4]} : {command[:100]})"
    return ""


def recover(target: Path) -> None:
    """Undo what a killed run left beside ``target``: put back a missing tree, delete staging folders.

    An update in place whose journal was written is finished instead (:mod:`cadre.output.journal`).

    Raises:
        TreeError: the pending update cannot be finished (disk full, read-only…).

    """
    parent = target.parent
    if not target.exists():
        previous = sorted(parent.glob(f".{target.name}-precedent-*"))
        if previous:
            os.rename(previous[0], target)
    try:
        journal.replay(target)
    except OSError as error:
        raise TreeError(explain(error, target)) from error
    for leftover in parent.glob(f".{target.name}-precedent-*"):
        _discard(leftover, target)
    for leftover in parent.glob(f".{target.name}-construction-*"):
        shutil.rmtree(leftover, ignore_errors=True)


@contextlib.contextmanager
def replacing(target: Path) -> Iterator[Path]:
    """A new, empty folder beside ``target``; once the block ends without error, it becomes ``target``.

    The old tree is deleted after the swap. On any error, ``target`` is untouched and the staging folder
    is deleted; an ``OSError`` (disk full, read-only, permission…) becomes a :class:`TreeError`.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    staging: Path | None = None
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-construction-", dir=target.parent))
        staging.chmod(_mode_of(target))
        yield staging
        _swap(staging, target)
    except OSError as error:
        raise TreeError(explain(error, target)) from error
    finally:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)


def _mode_of(target: Path) -> int:
    """The permissions ``target`` has, or those a new folder gets (mkdtemp makes it private)."""
    try:
        return target.stat().st_mode & 0o7777
    except FileNotFoundError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o777 & ~mask


def _swap(staging: Path, target: Path) -> None:
    """Make ``staging`` the tree at ``target``; the old tree ends at ``staging`` (to be deleted)."""
    if not target.exists():
        os.rename(staging, target)
        return
    if exchange(staging, target):
        return
    previous = target.with_name(f".{target.name}-precedent-{os.getpid()}")
    os.rename(target, previous)
    os.rename(staging, target)
    _discard(previous, target)


def _discard(previous: Path, target: Path) -> None:
    """Delete a previous tree: renamed first, so that a half-deleted tree never looks complete."""
    garbage = target.with_name(f".{target.name}-construction-{previous.name.rsplit('-', 1)[-1]}-ancien")
    os.rename(previous, garbage)
    shutil.rmtree(garbage, ignore_errors=True)


def exchange(first: Path, second: Path) -> bool:
    """Exchange two folders in one step (Linux ``renameat2``); False where it is not available."""
    if sys.platform != "linux":
        return False
    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2
    except AttributeError:  # glibc < 2.28, or another C library
        return False
    paths = (os.fsencode(first), os.fsencode(second))
    if function(_AT_FDCWD, paths[0], _AT_FDCWD, paths[1], _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(second))


_CAUSES = {
    errno.ENOSPC: ("le disque est plein", "libérez de la place sur ce disque"),
    errno.EDQUOT: ("le quota de disque est dépassé", "libérez de la place dans votre quota"),
    errno.EROFS: (
        "le système de fichiers est en lecture seule",
        "travaillez dans une copie du dépôt sur un disque accessible en écriture",
    ),
    errno.EACCES: ("l'écriture est refusée", "donnez-vous le droit d'écrire dans ce dossier (chmod u+w)"),
    errno.EPERM: ("l'écriture est refusée", "donnez-vous le droit d'écrire dans ce dossier (chmod u+w)"),
}


def explain(error: OSError, target: Path) -> str:
    """The French message for ``error`` met while replacing ``target``: what, where, how to fix it."""
    cause, fix = _CAUSES.get(error.errno or 0, (error.strerror or str(error), "corrigez la cause"))
    where = error.filename or target.parent
    return (
        f"Impossible d'écrire {target.name}/ : {cause} ({where}).\n"
        f"{target.name}/ n'a pas été modifié. Pour corriger : {fix}, puis relancez."
    )

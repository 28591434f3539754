"""Share a list of tasks between forked processes, and take their results back in the list's order.

The parent runs the tasks from the first on, the workers from the last back, each claiming the next one it
runs (:class:`_Claims`), until they meet: however unequal the tasks, or the processes' share of a busy
machine, none waits while another has several tasks left. A worker inherits everything the parent holds at
the fork (the configuration, the files, the plugins' state) without copying it, and sends each result
through a pipe: the value the task returned, or that it declined the task, or the error it raised, with the
log records emitted meanwhile. A thread of the parent reads the pipe as results come, so that a worker
never waits for the parent to need them.

The parent takes the result of each worker task at the very place it would have run it (:meth:`Farm.take`):
the log records are then handled by the parent's loggers, in the order a single process would have emitted
them (MkDocs' ``--strict`` counts the warnings there). A worker that stops without sending a result (killed,
crashed) makes :meth:`Farm.take` raise :class:`WorkerError` instead of waiting.

Forking needs ``os.fork`` (Linux, macOS): elsewhere, :func:`processes` is 1 and nothing is forked.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import logging
import multiprocessing
import os
import pickle
import signal
import struct
import sys
import threading
import traceback
from collections.abc import Callable, Sequence
from typing import Generic, Literal, TypeVar, cast

T = TypeVar("T")
R = TypeVar("R")

PROCESSES_VARIABLE = "CADRE_BUILD_PROCESSES"
"""Environment variable: how many processes share the work (1: none is forked)."""
_HEADER = struct.Struct(">Q")
_PR_SET_PDEATHSIG = 1
_PIPE_SIZE = 1 << 20
"""Bytes a worker's pipe holds (Linux' most, by default): a page's result fits, read at once."""

Status = Literal["done", "declined", "failed"]


class DeclinedError(Exception):
    """Raised by a task in a worker: this one is for the parent to run (it holds state a worker cannot return)."""


class WorkerError(Exception):
    """A task failed in a worker, or the worker stopped before sending its result."""


def processes() -> int:
    """How many processes should share the work: one per usable core, or :data:`PROCESSES_VARIABLE`."""
    if not hasattr(os, "fork"):
        return 1
    requested = os.environ.get(PROCESSES_VARIABLE, "").strip()
    if requested:
        return max(1, int(requested))
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


class _Capture:
    """In a worker: every log record that would reach a handler is kept, to be handled by the parent."""

    def __init__(self) -> None:
        self.records: list[logging.LogRecord] = []

    def install(self) -> None:
        capture = self

        def call_handlers(self: logging.Logger, record: logging.LogRecord) -> None:
            capture.records.append(_portable(record))

        logging.Logger.callHandlers = call_handlers  # type: ignore[method-assign]

    def take(self) -> list[logging.LogRecord]:
        records, self.records = self.records, []
        return records


def _portable(record: logging.LogRecord) -> logging.LogRecord:
    """The record with its message formatted and its exception as text, so that it can be pickled."""
    if record.exc_info and not record.exc_text:
        record.exc_text = logging.Formatter().formatException(record.exc_info)
    record.msg, record.args, record.exc_info = record.getMessage(), None, None
    return record


class _Worker:
    """A forked process, seen from the parent: the results it sent, read by a thread as they arrive."""

    @classmethod
    def start(cls, claim: Callable[[], int | None], tasks: Sequence[T], run: Callable[[T], R]) -> _Worker:
        """Fork a worker that runs ``run`` on the tasks it claims (``claim``: the next one, or None)."""
        read, write = os.pipe()
        with contextlib.suppress(ImportError, OSError, AttributeError):  # fewer, larger reads: Linux only
            import fcntl

            fcntl.fcntl(write, fcntl.F_SETPIPE_SZ, _PIPE_SIZE)
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the worker's side, measured by the tests through its results
            os.close(read)
            _work(write, claim, tasks, run)
        os.close(write)
        return cls(pid, read)

    def __init__(self, pid: int, fd: int) -> None:
        self.pid, self.fd = pid, fd
        self.results: dict[int, bytes] = {}
        self.finished = False
        self.ready = threading.Condition()
        self.reader = threading.Thread(target=self._read, name=f"worker-{pid}", daemon=True)
        self.reader.start()

    def _read(self) -> None:
        with os.fdopen(self.fd, "rb") as pipe:
            while len(header := pipe.read(_HEADER.size)) == _HEADER.size:
                (size,) = _HEADER.unpack(header)
                message = pipe.read(size)
                if len(message) < size:
                    break
                (index,) = _HEADER.unpack_from(message)
                with self.ready:
                    self.results[index] = message[_HEADER.size :]
                    self.ready.notify_all()
        with self.ready:
            self.finished = True
            self.ready.notify_all()

    def receive(self, index: int) -> object:
        """The result of task ``index``, its log records handled; None if the worker declined it.

        Raises:
            WorkerError: the task failed in the worker, or the worker stopped without sending its result.

        """
        with self.ready:
            self.ready.wait_for(lambda: index in self.results or self.finished)
            message = self.results.pop(index, None)
        if message is None:
            raise WorkerError(f"le processus {self.pid} de la construction s'est arrêté avant la tâche {index}")
        status, value, records = pickle.loads(message)
        for record in records:
            logging.getLogger(record.name).handle(record)
        if status == "failed":
            raise WorkerError(value)
        return None if status == "declined" else value

    def end(self, *, kill: bool) -> int:
        """Reap the process (killed first if ``kill``); its exit status."""
        if kill:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
        _, status = os.waitpid(self.pid, 0)
        self.reader.join()
        return os.waitstatus_to_exitcode(status)


class _Claims:
    """Which process runs each task, in memory shared by all: the parent claims from the first, workers from the last.

    A lock of the operating system guards the two ends; a worker holds it only to move the end it claims from.
    """

    def __init__(self, count: int) -> None:
        context = multiprocessing.get_context("fork")
        self.lock = context.Lock()
        self.ends = context.RawArray("q", [0, count])
        """The first task that the parent has not claimed, the last one that workers have claimed."""
        self.owners = context.RawArray("b", count)
        """For each task, the worker that claimed it (numbered from 1); 0: none."""

    def by_parent(self, index: int) -> bool:
        """In the parent: claim task ``index`` (and the ones before it), unless a worker has."""
        with self.lock:
            if index < self.ends[1]:
                self.ends[0] = max(self.ends[0], index + 1)
                return True
            return False

    def by_worker(self, worker: int) -> int | None:
        """In a worker: claim the last task that nobody has; None when there is none left."""
        with self.lock:
            if self.ends[1] - 1 < self.ends[0]:
                return None
            self.ends[1] -= 1
            index: int = self.ends[1]
            self.owners[index] = worker
            return index


class Farm(Generic[T, R]):
    """Tasks shared between the parent and forked workers (see the module's docstring)."""

    def __init__(self, tasks: Sequence[T], run: Callable[[T], R], count: int) -> None:
        """Fork ``count - 1`` workers, each running ``run`` on the tasks it claims; the parent runs the others."""
        self.claims = _Claims(len(tasks))
        self.workers = [
            _Worker.start(functools.partial(self.claims.by_worker, number), tasks, run) for number in range(1, count)
        ]

    def is_parents(self, index: int) -> bool:
        """Whether task ``index`` is the parent's to run: claimed by it now, unless a worker has it."""
        return self.claims.by_parent(index)

    def take(self, index: int) -> R | None:
        """The result of the worker's task ``index``, its log records handled; None if the worker declined it.

        Raises:
            WorkerError: the task failed in the worker, or the worker stopped without sending its result.

        """
        return cast(R | None, self.workers[self.claims.owners[index] - 1].receive(index))

    def close(self, *, kill: bool = False) -> list[int]:
        """Reap the workers, killed first if ``kill`` (the build failed meanwhile); their exit codes."""
        codes = [worker.end(kill=kill) for worker in self.workers]
        self.workers = []
        return codes


class Forked:
    """A call run in a forked process, alongside the parent's own work (files to write, for instance)."""

    def __init__(self, call: Callable[[], object]) -> None:
        self.worker = _Worker.start(functools.partial(next, iter([0]), None), [call], _call)

    def join(self, *, kill: bool = False) -> None:
        """Wait for the call to end (killed first if ``kill``); its log records handled.

        Raises:
            WorkerError: the call failed, or its process stopped before it ended.

        """
        try:
            if not kill:
                self.worker.receive(0)
        finally:
            self.worker.end(kill=kill)


def _call(call: Callable[[], object]) -> None:
    call()


def _work(  # pragma: no cover - see Farm
    fd: int, claim: Callable[[], int | None], tasks: Sequence[T], run: Callable[[T], R]
) -> None:
    """In a worker: run the tasks it claims, send their results, and exit without ever returning to the caller."""
    code = 1
    try:
        _die_with_parent()
        capture = _Capture()
        capture.install()
        with os.fdopen(fd, "wb") as pipe:
            while (index := claim()) is not None:
                status, value = _attempt(run, tasks[index])
                message = pickle.dumps((status, value, capture.take()), protocol=pickle.HIGHEST_PROTOCOL)
                pipe.write(_HEADER.pack(_HEADER.size + len(message)) + _HEADER.pack(index) + message)
                pipe.flush()
                if status == "failed":
                    break
        code = 0
    finally:
        os._exit(code)


def _attempt(run: Callable[[T], R], task: T) -> tuple[Status, object]:
    """Run one task: its status and its value, or the error as text."""
    try:
        return "done", run(task)
    except DeclinedError:
        return "declined", None
    except Exception as error:
        return "failed", "".join(traceback.format_exception_only(error)).strip()


def _die_with_parent() -> None:  # pragma: no cover - see Farm
    """Be killed when the parent dies (Linux), rather than work on for nobody."""
    if sys.platform == "linux":
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)

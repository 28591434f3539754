"""The generators run in several processes (cadre.generators.forked): the same outputs, whatever a child does."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from cadre.generators import GENERATORS, Generator, Step, forked
from model import Index

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="fork is POSIX's")


def test_the_outputs_are_those_of_one_process(index: Index, outputs: dict[str, str]) -> None:
    result = forked.build_forked(index)
    assert list(result) == list(outputs) and result == outputs


def test_a_child_that_dies_is_replaced_by_the_parent(
    index: Index, outputs: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(forked, "_child", lambda *arguments: os._exit(3))
    assert forked.build_forked(index) == outputs


def _in_child(index: Index) -> dict[str, str]:
    raise RuntimeError("générateur en panne")


def _open_files(index: Index) -> dict[str, str]:
    return {"docs/descripteurs.md": str(len(os.listdir("/proc/self/fd")))}


def _only(generator: Generator, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make ``generator`` the only registered one, run by the child."""
    monkeypatch.setattr(forked, "STEPS", (Step(generator, "essai", ("docs/",), "index.md"),))
    monkeypatch.setattr(forked, "CHILDREN", (frozenset({__name__}),))


def test_an_error_in_the_child_is_raised_by_the_parent(index: Index, monkeypatch: pytest.MonkeyPatch) -> None:
    _only(_in_child, monkeypatch)
    with pytest.raises(RuntimeError, match="générateur en panne"):
        forked.build_forked(index, (_in_child,))


@pytest.mark.skipif(sys.platform != "linux", reason="/proc/self/fd is Linux's")
def test_the_child_keeps_no_file_of_the_parent(index: Index, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Not the lock of the tree, nor a server's socket: only its pipe and the standard streams."""
    _only(_open_files, monkeypatch)
    held = [os.open(tmp_path, os.O_RDONLY) for _ in range(5)]
    try:
        result = forked.build_forked(index, (_open_files,))
    finally:
        for handle in held:
            os.close(handle)
    assert int(result["docs/descripteurs.md"]) <= 5  # 0, 1, 2, the pipe, and the listing itself
    assert GENERATORS  # the registry itself is untouched

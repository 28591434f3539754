"""``make serve`` after each edit: the trees it writes are exactly what ``generate`` and ``assemble`` write.

The preview compares its outputs in memory with those of the previous rebuild and assembles again only
the pages whose inputs changed (:class:`cadre.publish.preview.Session`): a sequence of edits of several
kinds, each checked against a regeneration from scratch and a fresh assembly, byte for byte.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import edit

from cadre.bench.edits import edit_flow
from cadre.generate import ROOT, outputs_of, run_generate
from cadre.generators import build
from cadre.publish import preview
from cadre.publish.preview import Session, Stale
from cadre.site import assemble
from model import Index, load_framework

SERVICES = "model/content/services.yaml"
VIEW = "model/content/views/mes.yaml"
RECEIVER = "        receivers: [mes-agenda]\n"


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _bytes(content: str | bytes) -> bytes:
    return content.encode("utf-8") if isinstance(content, str) else content


def _check(root: Path) -> None:
    """``generated/`` is a regeneration from scratch, the assembled tree a fresh assembly of it."""
    expected = {path: _bytes(text) for path, text in build(Index(load_framework(root / "model/content"))).items()}
    assert _tree(root / "generated") == expected
    assembled = assemble.Assembly().outputs(assemble.read_tree(root / "docs"), expected)
    assert _tree(root / assemble.SOURCE) == {path: _bytes(content) for path, content in assembled.items()}


@pytest.fixture
def repository(repo_copy: Path) -> Path:
    """A copy of the repository as ``make serve`` leaves it before the first edit."""
    shutil.copytree(ROOT / "docs", repo_copy / "docs")
    assert run_generate(repo_copy) == 0
    assert assemble.run(repo_copy) == 0
    return repo_copy


def _hand_edit(root: Path) -> None:
    (root / "generated/docs/flux/mes-b.md").write_text("modifié à la main\n", encoding="utf-8")


def _rename(root: Path) -> None:
    edit(root / SERVICES, "    name: Santé.fr\n", "    name: Santé.fr (2)\n")


def _retitle(root: Path) -> None:
    edit(root / "docs/contribuer.md", "# Contribuer\n", "# Contribuer au cadre\n")


EDITS: list[tuple[str, Callable[[Path], object], bool]] = [
    ("description d'un flux", lambda root: edit_flow(root, "mes-a", "Relu."), False),
    ("nom d'un service (menus, schémas)", _rename, True),
    ("page écrite à la main", _retitle, False),
    ("generated/ modifié à la main", _hand_edit, False),
    ("description d'un flux, encore", lambda root: edit_flow(root, "mes-a", "Relu encore."), False),
]


def test_each_rebuild_writes_what_generate_and_assemble_write(repository: Path) -> None:
    session = Session()
    assert session.regenerate(repository) == Stale()  # the first rebuild reads both trees back: nothing to do
    _check(repository)
    for name, make, everything in EDITS:
        make(repository)
        stale = session.regenerate(repository)
        assert stale is not None and stale.everything == everything, name
        _check(repository)


def test_a_model_error_leaves_both_trees_then_its_fix_shows(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    session = Session()
    session.regenerate(repository)
    before = (_tree(repository / "generated"), _tree(repository / assemble.SOURCE))
    edit(repository / VIEW, RECEIVER, RECEIVER.replace("agenda", "agendaa"))
    assert session.regenerate(repository) is None
    assert "mes-agendaa" in capsys.readouterr().err
    assert (_tree(repository / "generated"), _tree(repository / assemble.SOURCE)) == before
    edit(repository / VIEW, RECEIVER.replace("agenda", "agendaa"), RECEIVER)
    edit_flow(repository, "mes-a", "Corrigé.")
    assert session.regenerate(repository) == Stale()
    _check(repository)
    assert "Corrigé." in (repository / assemble.SOURCE / "flux/mes-a.md").read_text(encoding="utf-8")


def test_an_edit_of_docs_only_does_not_load_the_model_again(repository: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    session = Session()
    session.regenerate(repository)
    loads: list[Path] = []

    def counted(root: Path, *, prune: bool = True) -> dict[str, str]:
        loads.append(root)
        return outputs_of(root, prune=prune)

    monkeypatch.setattr(preview, "outputs_of", counted)
    _retitle(repository)
    assert session.regenerate(repository) == Stale()
    assert loads == []
    _check(repository)
    edit_flow(repository, "mes-a", "Relu.")
    session.regenerate(repository)
    assert loads == [repository]
    _check(repository)

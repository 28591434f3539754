"""The preview's writes: only what changed, in place, all of it or none once recovered (cadre.output.journal)."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from cadre.output import journal, tree, writer

BEFORE = {"a.md": "a", "b.md": "b", "d/c.md": "c", "d/e/f.md": "f", "g.json": "{}"}
AFTER = {"a.md": "a", "b.md": "b modifié", "d/c.md": "c", "h/new.md": "nouveau", "g.json": "{}"}


def _state(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8") for p in folder.rglob("*") if p.is_file()}


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.parent.iterdir() if p.name.startswith(f".{folder.name}-"))


def test_only_what_changed_is_written_the_rest_keeps_its_inode(tmp_path: Path) -> None:
    target = tmp_path / "arbre"
    changes, written = writer.update(BEFORE, target)
    assert changes.added == sorted(BEFORE) and _state(target) == BEFORE
    inodes = {p: (target / p).stat().st_ino for p in BEFORE}
    changes, written = writer.update(AFTER, target, written)
    assert (changes.added, changes.changed, changes.removed) == (["h/new.md"], ["b.md"], ["d/e/f.md"])
    assert _state(target) == AFTER
    assert not (target / "d" / "e").exists()  # emptied by the removal
    assert {p: (target / p).stat().st_ino for p in ("a.md", "d/c.md", "g.json")} == {
        p: inodes[p] for p in ("a.md", "d/c.md", "g.json")
    }
    assert writer.update(AFTER, target, written)[0].added == [] and not writer.update(AFTER, target, written)[0]
    assert _leftovers(target) == []


def test_a_file_touched_by_someone_else_is_read_back_not_trusted(tmp_path: Path) -> None:
    target = tmp_path / "arbre"
    _, written = writer.update(BEFORE, target)
    (target / "a.md").write_text("modifié à la main", encoding="utf-8")
    (target / "intrus.md").write_text("?", encoding="utf-8")
    changes, _ = writer.update(BEFORE, target, written)
    assert (changes.changed, changes.removed) == (["a.md"], ["intrus.md"])
    assert _state(target) == BEFORE


def test_a_file_whose_stat_did_not_change_is_compared_in_memory(tmp_path: Path) -> None:
    """What makes an update cheap: the files it wrote are not read again."""
    target = tmp_path / "arbre"
    _, written = writer.update(BEFORE, target)
    remembered = writer.Written({**written.contents, "b.md": "autre chose"}, written.signatures)
    changes, _ = writer.update(BEFORE, target, remembered)
    assert changes.changed == ["b.md"]  # the memory, not the disk, was consulted


def test_a_failure_while_staging_leaves_the_tree_untouched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "arbre"
    _, written = writer.update(BEFORE, target)
    real = Path.write_bytes

    def full(self: Path, data: bytes) -> int:
        if self.parent.name.startswith(".arbre-construction-") and self.name == "1":
            raise OSError(errno.ENOSPC, "No space left on device", str(self))
        return real(self, data)

    monkeypatch.setattr(Path, "write_bytes", full)
    with pytest.raises(tree.TreeError, match="le disque est plein"):
        writer.update(AFTER, target, written)
    assert _state(target) == BEFORE and _leftovers(target) == []


@pytest.mark.parametrize("moved", [0, 1])
def test_a_run_killed_while_moving_is_finished_by_the_next_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, moved: int
) -> None:
    """Killed after the journal, with ``moved`` files in place: the recovery gives the new tree."""
    target = tmp_path / "arbre"
    writer.update(BEFORE, target)
    real = os.replace
    done: list[object] = []

    def killed(source: str | os.PathLike[str], destination: str | os.PathLike[str]) -> None:
        if Path(destination).name != journal.journal_of(target).name:
            if len(done) == moved:
                raise KeyboardInterrupt  # the process stops here
            done.append(destination)
        real(source, destination)

    monkeypatch.setattr(os, "replace", killed)
    with pytest.raises(KeyboardInterrupt):
        writer.update(AFTER, target)
    monkeypatch.setattr(os, "replace", real)
    assert journal.journal_of(target).exists() and _state(target) != AFTER
    tree.recover(target)
    assert _state(target) == AFTER and _leftovers(target) == []


def test_a_run_killed_before_its_journal_leaves_the_old_tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "arbre"
    writer.update(BEFORE, target)

    def killed(source: str | os.PathLike[str], destination: str | os.PathLike[str]) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", killed)
    with pytest.raises(KeyboardInterrupt):
        writer.update(AFTER, target)
    monkeypatch.undo()
    tree.recover(target)
    assert _state(target) == BEFORE and _leftovers(target) == []

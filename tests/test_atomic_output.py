"""``generated/`` and ``site/`` change all at once or not at all, one run at a time, whatever happens."""

from __future__ import annotations

import errno
import hashlib
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import edit
from test_hostile_input import MINI_SITE, _mini_site

from cadre import generate
from cadre.__main__ import main
from cadre.generate import ROOT, run_generate
from cadre.output import tree

SERVICES = "model/content/services.yaml"
OLD_NAME, NEW_NAME = "    name: Santé.fr\n", "    name: Santé.fr (renommé)\n"
"""An edit that changes pages, menus and diagrams."""

TRIES = 8
"""Kills of ``generate`` at random moments (each costs a run, about 1.5 s)."""

SITE_TRIES = 3
"""Kills of a (tiny) site build, each about 2 s."""


def _hashes(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _hidden(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if p.name.startswith((".generated", ".site")))


def _tree(folder: Path, files: dict[str, str]) -> None:
    for relative, text in files.items():
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        (folder / relative).write_text(text, encoding="utf-8")


def test_unchanged_files_keep_their_inode_and_mtime_the_tree_is_swapped(repo_copy: Path) -> None:
    generated = repo_copy / "generated"
    before = {p: p.stat() for p in generated.rglob("*") if p.is_file()}
    edit(repo_copy / SERVICES, OLD_NAME, NEW_NAME)
    assert main(["--root", str(repo_copy), "generate"]) == 0
    kept = changed = 0
    for path, old in before.items():
        new = path.stat()
        if (new.st_ino, new.st_mtime_ns) == (old.st_ino, old.st_mtime_ns):
            kept += 1
        else:
            changed += 1
    assert changed >= 10 and kept >= 300, (changed, kept)
    assert _hidden(repo_copy) == []


def test_check_writes_nothing_not_even_a_recovery(repo_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    leftover = repo_copy / ".generated-construction-abc"
    _tree(leftover, {"a.md": "moitié"})
    edit(repo_copy / SERVICES, OLD_NAME, NEW_NAME)
    before = {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in (repo_copy / "generated").rglob("*")}
    assert main(["--root", str(repo_copy), "generate", "--check"]) == 1
    assert {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in (repo_copy / "generated").rglob("*")} == before
    assert _hidden(repo_copy) == [leftover.name]
    assert "n'est pas à jour" in capsys.readouterr().err
    assert main(["--root", str(repo_copy), "generate"]) == 0
    assert _hidden(repo_copy) == []


def test_recovery_puts_back_a_complete_previous_tree_and_deletes_staging_folders(tmp_path: Path) -> None:
    target = tmp_path / "generated"
    _tree(tmp_path / ".generated-precedent-41", {"a.md": "ancien", "d/b.md": "ancien"})
    _tree(tmp_path / ".generated-construction-x1", {"a.md": "nouveau"})
    tree.recover(target)
    assert _hashes(target) == _hashes(tmp_path / "generated")
    assert (target / "d" / "b.md").read_text(encoding="utf-8") == "ancien"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["generated"]
    _tree(tmp_path / ".generated-precedent-42", {"a.md": "à moitié supprimé"})
    tree.recover(target)
    assert (target / "a.md").read_text(encoding="utf-8") == "ancien"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["generated"]


@pytest.mark.parametrize("exchanging", [True, False], ids=["renameat2", "two-renames"])
def test_the_swap_with_or_without_renameat2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exchanging: bool) -> None:
    if not exchanging:
        monkeypatch.setattr(tree, "exchange", lambda first, second: False)
    target = tmp_path / "site"
    _tree(target, {"index.html": "ancien", "vieux/index.html": "ancien"})
    target.chmod(0o751)
    with tree.replacing(target) as staging:
        _tree(staging, {"index.html": "nouveau"})
    assert _hashes(target) == {"index.html": hashlib.sha256(b"nouveau").hexdigest()}
    assert target.stat().st_mode & 0o777 == 0o751
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_renameat2_really_exchanges_here(tmp_path: Path) -> None:
    if sys.platform != "linux":
        pytest.skip("renameat2 is Linux's")
    first, second = tmp_path / "a", tmp_path / "b"
    _tree(first, {"x": "a"})
    _tree(second, {"x": "b"})
    if not tree.exchange(first, second):
        pytest.skip("this filesystem refuses RENAME_EXCHANGE (the two renames are used)")
    assert (first / "x").read_text(encoding="utf-8") == "b"


def test_a_second_run_waits_then_says_who_holds_the_lock(
    repo_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(tree, "WAIT", 0.3)
    before = _hashes(repo_copy / "generated")
    edit(repo_copy / SERVICES, OLD_NAME, NEW_NAME)
    with tree.locked(repo_copy, "essayer"):
        assert main(["--root", str(repo_copy), "generate"]) == 1
    err = capsys.readouterr().err
    assert f"une autre génération est en cours (pid {os.getpid()} : " in err
    assert "attendez qu'elle se termine" in err
    assert "Traceback" not in err
    assert _hashes(repo_copy / "generated") == before


def test_the_lock_of_a_killed_run_does_not_block(repo_copy: Path) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from cadre.output import tree\n"
            f"with tree.locked(__import__('pathlib').Path({str(repo_copy)!r}), 'x'):\n"
            "    print('pris', flush=True); time.sleep(60)",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline() == "pris\n"
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    holder.stdout.close()
    assert run_generate(repo_copy) == 0


@pytest.fixture(scope="module")
def renamed_outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The outputs of the model with :data:`NEW_NAME`, computed once."""
    root = tmp_path_factory.mktemp("renamed")
    shutil.copytree(ROOT / "model" / "content", root / "model" / "content")
    edit(root / SERVICES, OLD_NAME, NEW_NAME)
    return generate.outputs_of(root)


def _fail(code: int) -> Callable[..., None]:
    def failing(*arguments: object, **options: object) -> None:
        raise OSError(code, os.strerror(code), "generated/docs/flux/mes-a.md")

    return failing


@pytest.mark.parametrize(
    ("where", "code", "wanted"),
    [
        ("write_bytes", errno.ENOSPC, "le disque est plein"),
        ("write_bytes", errno.EDQUOT, "quota"),
        ("link", errno.EROFS, "lecture seule"),
        ("exchange", errno.EACCES, "chmod u+w"),
        ("mkdtemp", errno.EACCES, "l'écriture est refusée"),
    ],
)
def test_a_disk_error_is_told_in_french_and_leaves_the_tree_intact(
    repo_copy: Path,
    renamed_outputs: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    where: str,
    code: int,
    wanted: str,
) -> None:
    before = _hashes(repo_copy / "generated")
    monkeypatch.setattr(generate, "outputs_of", lambda root: renamed_outputs)
    owners: dict[str, object] = {"write_bytes": Path, "link": os, "exchange": tree, "mkdtemp": tempfile}
    monkeypatch.setattr(owners[where], where, _fail(code))
    assert main(["--root", str(repo_copy), "generate"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Impossible d'écrire generated/ : "), err
    assert wanted in err and "generated/ n'a pas été modifié" in err and "Traceback" not in err
    assert _hashes(repo_copy / "generated") == before
    assert _hidden(repo_copy) == []


@pytest.fixture
def small_disk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A real 32 MiB filesystem (tmpfs), if this process may mount one."""
    mount = tmp_path_factory.mktemp("disque")
    try:
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=32m", "tmpfs", str(mount)], capture_output=True)
    except OSError as error:
        pytest.skip(f"mount cannot run here: {error}")
    if done.returncode != 0:
        pytest.skip(f"mounting a tmpfs is not permitted here: {done.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_really_full_then_read_only_disk(
    repo_copy: Path, small_disk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = small_disk / "depot"
    for name in ("model", "generated"):
        shutil.copytree(repo_copy / name, root / name)
    assert run_generate(root) == 0  # fills the cache
    before = _hashes(root / "generated")
    edit(root / SERVICES, OLD_NAME, NEW_NAME)
    filler = os.open(small_disk / "remplissage", os.O_WRONLY | os.O_CREAT)
    try:
        with pytest.raises(OSError, match="No space left"):
            while True:
                os.write(filler, b"\0" * 4096)
    finally:
        os.close(filler)
    capsys.readouterr()
    assert run_generate(root) == 1
    err = capsys.readouterr().err
    assert "le disque est plein" in err and "Traceback" not in err
    assert _hashes(root / "generated") == before and _hidden(root) == []
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    assert run_generate(root) == 1
    err = capsys.readouterr().err
    assert "lecture seule" in err and "Traceback" not in err
    assert _hashes(root / "generated") == before


def test_a_run_killed_at_any_moment_leaves_the_old_tree_or_the_new_one(repo_copy: Path) -> None:
    """SIGKILL after delays spread over a run: ``generated/`` is always one of the two complete trees."""
    states = {False: _hashes(repo_copy / "generated")}
    command = [sys.executable, "-m", "cadre", "--root", str(repo_copy), "generate"]
    edit(repo_copy / SERVICES, OLD_NAME, NEW_NAME)
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)  # also fills the cache
    states[True] = _hashes(repo_copy / "generated")
    assert states[True] != states[False]
    edit(repo_copy / SERVICES, NEW_NAME, OLD_NAME)
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    duration = time.perf_counter() - start
    assert _hashes(repo_copy / "generated") == states[False]
    renamed, killed = False, 0
    randomness = random.Random(4)
    for attempt in range(TRIES):
        if states[renamed] == _hashes(repo_copy / "generated"):  # head for the other tree
            edit(repo_copy / SERVICES, *((NEW_NAME, OLD_NAME) if renamed else (OLD_NAME, NEW_NAME)))
            renamed = not renamed
        run = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(duration * (0.4 + 0.65 * (attempt + randomness.random()) / TRIES))
        run.send_signal(signal.SIGKILL)
        killed += run.wait() == -signal.SIGKILL
        assert _hashes(repo_copy / "generated") in (states[False], states[True]), f"try {attempt}"
    assert killed >= TRIES // 2
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    assert _hashes(repo_copy / "generated") == states[renamed]
    assert _hidden(repo_copy) == []


def _site_state(site: Path) -> dict[str, str]:
    """The site's files, their build date aside (MkDocs' default theme prints it in every page)."""
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(
            re.sub(rb"Build Date UTC : [^\n]*", b"", p.read_bytes())
        ).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def test_a_site_build_killed_at_any_moment_leaves_the_old_site_or_the_new_one(tmp_path: Path) -> None:
    texts = ("Voir [la page](page.md).", "Voir [l'autre page](page.md).")
    command = [
        sys.executable,
        "-c",
        f"from cadre.publish.build import build_site; build_site(__import__('pathlib').Path({str(tmp_path)!r}))",
    ]
    states = []
    durations = []
    for text in texts:
        _mini_site(tmp_path, "page.md")
        (tmp_path / "docs" / "index.md").write_text(f"# Essai\n\n{text}\n", encoding="utf-8")
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
        durations.append(time.perf_counter() - start)
        states.append(_site_state(tmp_path / "site"))
    current = 1
    for attempt in range(SITE_TRIES):
        if _site_state(tmp_path / "site") == states[current]:
            current = 1 - current
            (tmp_path / "docs" / "index.md").write_text(f"# Essai\n\n{texts[current]}\n", encoding="utf-8")
        run = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(min(durations) * (0.5 + 0.6 * (attempt + 0.5) / SITE_TRIES))
        run.send_signal(signal.SIGKILL)
        run.wait()
        assert _site_state(tmp_path / "site") in states, f"try {attempt}"
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    assert _site_state(tmp_path / "site") == states[current]
    assert sorted(p.name for p in tmp_path.iterdir()) == MINI_SITE

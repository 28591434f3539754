"""generated/ is committed, fresh, deterministic and written atomically by one writer."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import edit

from cadre.__main__ import main
from cadre.generate import ROOT
from cadre.output import writer

_HASH_OUTPUTS = """
import hashlib, json
from cadre.generators import build
from model import Index, load_framework
outputs = build(Index(load_framework()))
print(json.dumps({p: hashlib.sha256(t.encode()).hexdigest() for p, t in sorted(outputs.items())}))
"""


def test_committed_generated_is_up_to_date(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["generate", "--check"]) == 0, capsys.readouterr().err


def test_check_fails_and_names_the_command_when_the_model_changes(
    repo_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(repo_copy / "model/content/services.yaml", "    name: Santé.fr\n", "    name: Santé.fr (portail)\n")
    assert main(["--root", str(repo_copy), "generate", "--check"]) == 1
    err = capsys.readouterr().err
    assert "~ docs/services/sante-fr.md" in err
    assert "make generate" in err
    assert main(["--root", str(repo_copy), "generate"]) == 0
    assert main(["--root", str(repo_copy), "generate", "--check"]) == 0


def test_same_model_gives_same_bytes_in_two_processes() -> None:
    digests = []
    for seed in ("1", "987"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run(
            [sys.executable, "-c", _HASH_OUTPUTS], cwd=ROOT, env=env, capture_output=True, text=True, check=True
        )
        digests.append(json.loads(run.stdout))
    assert digests[0] == digests[1]
    assert len(digests[0]) > 40


def test_outputs_carry_no_machine_path(outputs: dict[str, str]) -> None:
    for path, text in outputs.items():
        for marker in (str(ROOT), "/tmp/", "/root/", "/home/", "site-packages"):
            assert marker not in text, f"{path} contains {marker}"


def test_writer_touches_only_changed_files_and_removes_stale_ones(tmp_path: Path) -> None:
    writer.write({"a.txt": "un\n", "sous/b.txt": "deux\n"}, tmp_path)
    kept = (tmp_path / "a.txt").stat().st_mtime_ns
    (tmp_path / "a.txt").touch()
    kept = (tmp_path / "a.txt").stat().st_mtime_ns
    changes = writer.write({"a.txt": "un\n", "c.txt": "trois\n"}, tmp_path)
    assert (changes.added, changes.changed, changes.removed) == (["c.txt"], [], ["sous/b.txt"])
    assert (tmp_path / "a.txt").stat().st_mtime_ns == kept
    assert not (tmp_path / "sous").exists()


@pytest.mark.parametrize("bad", ["../evil.md", "/etc/passwd", "docs/../../x", "a\\b"])
def test_writer_refuses_paths_that_leave_the_output(tmp_path: Path, bad: str) -> None:
    with pytest.raises(ValueError, match="chemin de sortie refusé"):
        writer.write({bad: "x"}, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_diagrams_folder_does_not_shadow_the_library() -> None:
    import diagrams

    assert not (ROOT / "diagrams" / "__init__.py").exists()
    assert "site-packages" in (diagrams.__file__ or "")


@pytest.mark.parametrize("family", ["vues", "carte", "services", "cas-usage", "flux"])
def test_each_diagram_script_writes_its_family_and_nothing_else(
    repo_copy: Path, outputs: dict[str, str], family: str
) -> None:
    folder = repo_copy / "generated" / "diagrams" / family
    others = {
        p: (repo_copy / "generated" / p).stat().st_mtime_ns
        for p in outputs
        if p.startswith("diagrams/") and not p.startswith(f"diagrams/{family}/")
    }
    shutil.rmtree(folder)
    (folder / "ancien.svg").parent.mkdir(parents=True)
    (folder / "ancien.svg").write_text("périmé", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, str(ROOT / "diagrams" / f"{family}.py"), "--root", str(repo_copy)],
        capture_output=True,
        text=True,
        check=True,
    )
    svgs = {p: t for p, t in outputs.items() if p.startswith(f"diagrams/{family}/")}
    assert svgs
    assert run.stdout.strip() == (
        f"generated/diagrams/{family}/ : {_plural(len(svgs), 'schéma')}, {_plural(len(svgs), 'réécrit')}, 1 supprimé."
    )
    for path, text in svgs.items():
        assert (repo_copy / "generated" / path).read_text(encoding="utf-8") == text
    assert not (folder / "ancien.svg").exists()
    assert {p: (repo_copy / "generated" / p).stat().st_mtime_ns for p in others} == others


def _plural(number: int, word: str) -> str:
    return f"{number} {word}{'s' if number > 1 else ''}"

"""What the hand-written pages show of the tools is what the tools do."""

from __future__ import annotations

import re
import shlex
import textwrap
from pathlib import Path

import pytest
from conftest import edit, line_of

from cadre.__main__ import main
from cadre.generate import ROOT


def _example(page: str, marker: str = "<!-- exemple vérifié par tests/test_docs.py -->") -> str:
    text = (ROOT / "docs" / page).read_text(encoding="utf-8")
    block = text.split(marker, 1)[1]
    body = block.split("```text\n", 1)[1].split("```", 1)[0]
    return textwrap.dedent(body).rstrip()


def test_error_example_of_the_editor_guide_is_real(repo_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    services = repo_copy / "model/content/services.yaml"
    edit(
        services,
        "    name: Santé.fr\n    kind: information_portal\n    category: portals\n",
        "    name: Santé.fr\n    kind: information_portal\n    catgory: portals\n",
    )
    assert main(["--root", str(repo_copy), "validate"]) == 1
    printed = capsys.readouterr().err.rstrip()
    shown = _example("contribuer.md")
    assert re.sub(r":\d+:", ":L:", printed, count=1) == re.sub(r":\d+:", ":L:", shown, count=1)
    assert f"services.yaml:{line_of(services, 'catgory')}:5:" in printed


def test_every_yaml_file_is_described_in_the_editor_guide() -> None:
    guide = (ROOT / "docs" / "contribuer.md").read_text(encoding="utf-8")
    for path in sorted((ROOT / "model" / "content").glob("*.yaml")):
        assert f"`model/content/{path.name}`" in guide


def test_new_example_of_the_editor_guide_is_real(repo_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    example = _example("contribuer.md", "<!-- exemple de « new » vérifié par tests/test_docs.py -->")
    command, *shown = re.sub(r" \\\n\s*", " ", example).splitlines()
    prefix = "$ uv run python -m cadre "
    assert command.startswith(prefix)
    assert main(["--root", str(repo_copy), *shlex.split(command.removeprefix(prefix))]) == 0
    assert capsys.readouterr().out.rstrip().splitlines() == shown


def test_diff_example_of_the_editor_guide_is_real(git_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(git_repo / "model/content/services.yaml", "    name: Santé.fr\n", "    name: Santé.fr (portail)\n")
    assert main(["--root", str(git_repo), "diff", "HEAD"]) == 0
    shown = _example("contribuer.md", "<!-- exemple de « diff » vérifié par tests/test_docs.py -->")
    assert shown in capsys.readouterr().out

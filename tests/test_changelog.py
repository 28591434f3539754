"""The changelog page is generated from the versions the model records."""

from __future__ import annotations

from pathlib import Path

from conftest import edit, line_of, problems_of

from cadre.generators import build
from cadre.output import site_paths
from model import Framework, Index, load_framework

VERSIONS = "model/content/versions.yaml"


def test_version_1_comes_from_the_source(framework: Framework, outputs: dict[str, str]) -> None:
    [v1] = framework.versions
    assert (v1.label, v1.document, v1.date) == ("V1", "cadre-de4-v1", None)
    assert len(v1.changes) == 3 and v1.changes[2].startswith("L'axe 4.3 sera approfondi")
    page = outputs[f"docs/{site_paths.CHANGELOG}"]
    assert page.splitlines()[1] == "# Historique des versions"
    assert "## Version V1" in page and "- **Date** : non indiquée par la source" in page
    assert "« formulée en juin 2023 »" in page


def test_a_new_version_appears_first(repo_copy: Path) -> None:
    versions = repo_copy / VERSIONS
    text = versions.read_text(encoding="utf-8")
    versions.write_text(
        text
        + "  - id: v1-1\n    label: V1.1\n    date: '2025-03-01'\n    summary: Mise à jour.\n"
        + "    changes:\n      - Nouveau flux F dans la vue 1.2.\n    source: {section: '1.2.4'}\n",
        encoding="utf-8",
    )
    outputs = build(Index(load_framework(repo_copy / "model" / "content", shown_from=repo_copy)))
    page = outputs[f"docs/{site_paths.CHANGELOG}"]
    assert page.index("## Version V1.1") < page.index("## Version V1\n")
    assert "- **Date** : 1er mars 2025" in page and "- Nouveau flux F dans la vue 1.2." in page


def test_a_version_names_a_known_document(repo_copy: Path) -> None:
    versions = repo_copy / VERSIONS
    edit(versions, "    document: cadre-de4-v1\n", "    document: cadre-de4-v2\n")
    [problem] = problems_of(repo_copy)
    assert (problem.file, problem.line) == (VERSIONS, line_of(versions, "cadre-de4-v2"))
    assert problem.message == "document « cadre-de4-v2 » inconnu"

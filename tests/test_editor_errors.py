"""Each kind of bad input gives the editor a message with file, line and fix, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import edit, line_of, problems_of

from cadre.__main__ import main


def test_yaml_syntax_error_names_file_and_line(repo_copy: Path) -> None:
    services = repo_copy / "model/content/services.yaml"
    edit(services, "    name: Santé.fr\n", "    name: [Santé.fr\n")
    [problem] = problems_of(repo_copy)
    assert problem.file == "model/content/services.yaml"
    assert "syntaxe YAML invalide" in problem.message
    assert line_of(services, "[Santé.fr") <= problem.line <= line_of(services, "[Santé.fr") + 2


def test_unknown_field_is_named_with_the_allowed_ones(repo_copy: Path) -> None:
    services = repo_copy / "model/content/services.yaml"
    edit(services, "    short_name: MPH\n", "    short_name: MPH\n    catgory: portals\n")
    [problem] = problems_of(repo_copy)
    assert (problem.file, problem.line, problem.column) == (
        "model/content/services.yaml",
        line_of(services, "catgory"),
        5,
    )
    assert problem.message == "champ inconnu « catgory »"
    assert "vouliez-vous dire « category »" in problem.fix


def test_wrong_value_lists_the_accepted_values(repo_copy: Path) -> None:
    view = repo_copy / "model/content/views/mes.yaml"
    edit(view, "to: mes-dmp, nature: manual,", "to: mes-dmp, nature: manuel,")
    [problem] = problems_of(repo_copy)
    assert problem.line == line_of(view, "nature: manuel")
    assert problem.message == "valeur « manuel » non admise pour « nature »"
    assert "'automated' ou 'manual'" in problem.fix


def test_missing_field_points_at_its_block(repo_copy: Path) -> None:
    view = repo_copy / "model/content/views/mes.yaml"
    edit(view, "to: mes-dmp, nature: manual, status: existing}", "to: mes-dmp, nature: manual}")
    [problem] = problems_of(repo_copy)
    assert problem.message == "champ obligatoire « status » absent"
    assert problem.line == line_of(view, "to: mes-dmp, nature: manual}")


def test_duplicate_id_across_files_gives_both_places(repo_copy: Path) -> None:
    actors = repo_copy / "model/content/actors.yaml"
    edit(
        actors,
        "  - id: usager\n",
        "  - id: sante-fr\n    name: Doublon\n    source: {section: '1.2'}\n  - id: usager\n",
    )
    [problem] = problems_of(repo_copy)
    assert problem.file == "model/content/services.yaml"
    assert "identifiant « sante-fr » en double" in problem.message
    assert "model/content/actors.yaml:4" in problem.message


def test_reference_to_unknown_service_suggests_the_close_one(repo_copy: Path) -> None:
    view = repo_copy / "model/content/views/mes.yaml"
    members = "        members:\n          - mes-catalogue\n          - mes-messagerie-citoyenne\n"
    edit(view, f"{members}          - mes-agenda\n", f"{members}          - mes-agneda\n")
    [problem] = problems_of(repo_copy)
    assert problem.line == line_of(view, "- mes-agneda")
    assert problem.message == "service « mes-agneda » inconnu"
    assert "« mes-agenda »" in problem.fix


def test_duplicate_key_in_one_block(repo_copy: Path) -> None:
    axes = repo_copy / "model/content/axes.yaml"
    edit(axes, "    status: to_be_instructed\n", "    status: to_be_instructed\n    status: instructed  # doublon\n")
    [problem] = problems_of(repo_copy)
    assert (problem.line, problem.column) == (line_of(axes, "# doublon"), 5)
    assert problem.message == "la clé « status » apparaît deux fois dans le même bloc"


def test_file_not_in_utf8(repo_copy: Path) -> None:
    (repo_copy / "model/content/latin1.yaml").write_bytes("actors:\n  - id: x\n    name: Usagère\n".encode("latin-1"))
    [problem] = problems_of(repo_copy)
    assert (problem.file, problem.line) == ("model/content/latin1.yaml", 3)
    assert "UTF-8" in problem.message


def test_every_problem_is_reported_at_once(repo_copy: Path) -> None:
    edit(repo_copy / "model/content/views/mes.yaml", "to: mes-dmp, nature: manual,", "to: mes-dmp, nature: manuel,")
    edit(
        repo_copy / "model/content/recommendations.yaml",
        "    services: [mes, mes-catalogue]\n",
        "    services: [mes, catalogue]\n",
    )
    problems = problems_of(repo_copy)
    assert [p.file for p in problems] == ["model/content/recommendations.yaml", "model/content/views/mes.yaml"]


def test_cli_prints_messages_without_traceback(repo_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(repo_copy / "model/content/views/mes.yaml", "to: mes-dmp, nature: manual,", "to: mes-dmp, nature: manuel,")
    assert main(["--root", str(repo_copy), "validate"]) == 1
    err = capsys.readouterr().err
    assert "model/content/views/mes.yaml:" in err
    assert "Traceback" not in err
    assert err.rstrip().endswith("1 problème dans le modèle ; rien n'a été généré.")


def test_failed_generation_leaves_previous_output_intact(repo_copy: Path) -> None:
    before = {p: p.read_bytes() for p in (repo_copy / "generated").rglob("*") if p.is_file()}
    edit(repo_copy / "model/content/views/mes.yaml", "to: mes-dmp, nature: manual,", "to: mes-dmp, nature: manuel,")
    assert main(["--root", str(repo_copy), "generate"]) == 1
    after = {p: p.read_bytes() for p in (repo_copy / "generated").rglob("*") if p.is_file()}
    assert after == before

"""The schema registry: released versions stay published byte for byte, the index is exact, versions follow changes."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import edit, line_of
from jsonschema import Draft202012Validator

from cadre.__main__ import main
from cadre.editor.release import ReleaseError, release
from cadre.generate import ROOT
from cadre.generators import schema_registry, spec_pages
from model import Index, ModelError, load_framework

SPEC = "model/content/specifications/mes.yaml"
HEADER = '  - flow: mes-a\n    technical_name: AlimentationAgenda\n    version: "{version}"\n    status: {status}\n'
LIEU = (
    '          - {name: lieu, cardinality: "0..1", type: Texte, description: "Lieu de l\'évènement, tel qu\'il '
    'doit être lu par l\'usager.", example: "Domicile de l\'usager"}\n'
)
EXTRA = (
    '          - {name: rappel, cardinality: "0..1", type: Texte, description: "Rappel présenté à l\'usager.", '
    'example: "Prévoir l\'ordonnance"}\n'
)
FROZEN = "model/releases/flux/mes-a"


def _set(root: Path, old: tuple[str, str], new: tuple[str, str]) -> None:
    """Change the version and status of mes-a's specification."""
    edit(root / SPEC, HEADER.format(version=old[0], status=old[1]), HEADER.format(version=new[0], status=new[1]))


def _released(root: Path, version: str, status: str = "draft") -> None:
    """Give mes-a ``version`` and ``status``, then release it as ``cadre release`` does (without generating)."""
    _set(root, ("0.2.0", "draft"), (version, status))
    assert release(root, ["mes-a"], "2026-12-15") == [
        f"mes-a {version} publiée ({status}, 2026-12-15) : {FROZEN}/{version}/"
    ]


def _validate(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["--root", str(root), "validate"])
    return code, capsys.readouterr().err


def _index(root: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads((root / "generated" / schema_registry.INDEX).read_text(encoding="utf-8"))
    return data


def test_a_released_version_stays_published_byte_for_byte_after_the_model_changes(
    repo_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--root", str(repo_copy), "release", "mes-a", "--date", "2026-12-15"]) == 0
    frozen = (repo_copy / FROZEN / "0.2.0" / "mes-a.schema.json").read_bytes()
    published = repo_copy / "generated/schemas/flux/mes-a/0.2.0/mes-a.schema.json"
    assert published.read_bytes() == frozen
    edit(repo_copy / SPEC, LIEU, "")  # a breaking change, free for a draft with a new number
    _set(repo_copy, ("0.2.0", "draft"), ("0.3.0", "draft"))
    assert main(["--root", str(repo_copy), "generate"]) == 0
    assert published.read_bytes() == frozen
    current = json.loads((repo_copy / "generated/schemas/flux/mes-a/0.3.0/mes-a.schema.json").read_text("utf-8"))
    assert current["$id"].endswith(":schemas:flux:mes-a:0.3.0")
    assert "lieu" not in current["properties"] and "lieu" in json.loads(frozen)["properties"]
    latest = (repo_copy / "generated/schemas/flux/mes-a.schema.json").read_text("utf-8")
    assert json.loads(latest) == current
    # The released version is part of the archive's source and of the index, marked as released.
    entry = next(f for f in _index(repo_copy)["flows"] if f["flow"] == "mes-a")  # type: ignore[attr-defined]
    assert [(v["version"], v["released"], v["date"]) for v in entry["versions"]] == [
        ("0.1.0", True, "2026-12-01"),  # as the site published it before value sets and clean titles
        ("0.2.0", True, "2026-12-15"),
        ("0.3.0", False, None),
    ]
    assert main(["--root", str(repo_copy), "generate", "--check"]) == 0


@pytest.mark.parametrize("where", ["real", "released"])
def test_the_index_validates_against_its_schema_and_its_hashes_match_the_files(
    where: str, outputs: dict[str, str], repo_copy: Path
) -> None:
    if where == "released":
        _released(repo_copy, "1.0.0", "final-text")
        _set(repo_copy, ("1.0.0", "final-text"), ("1.1.0", "final-text"))
        edit(repo_copy / SPEC, LIEU, LIEU + EXTRA)
        outputs = schema_registry.generate(Index(load_framework(repo_copy / "model/content", shown_from=repo_copy)))
    index = json.loads(outputs[schema_registry.INDEX])
    schema = json.loads(outputs[schema_registry.INDEX_SCHEMA])
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    assert list(validator.iter_errors(index)) == []
    assert not validator.is_valid({"flows": [{"flow": "mes-a"}]})
    checked = 0
    for flow in index["flows"]:
        for version in flow["versions"]:
            for file in version["files"]:
                text = outputs[f"schemas/{file['path']}"]
                assert hashlib.sha256(text.encode("utf-8")).hexdigest() == file["sha256"], file["path"]
                assert file["path"].startswith(f"flux/{flow['flow']}/{version['version']}/")
                if file["role"] == "schema":
                    assert json.loads(text)["$id"] == version["$id"]
                    assert version["$id"].endswith(f":flux:{flow['flow']}:{version['version']}")
                checked += 1
        assert flow["versions"][-1]["version"] == flow["current_version"]
    assert checked >= 18 * 5
    if where == "released":
        mes_a = next(f for f in index["flows"] if f["flow"] == "mes-a")
        assert [(v["version"], v["released"], v["breaking"]) for v in mes_a["versions"]] == [
            ("0.1.0", True, None),
            ("1.0.0", True, True),  # value sets and clean titles since 0.1.0: a breaking change
            ("1.1.0", False, False),
        ]


AJV = """
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { readFileSync } from "node:fs";
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(process.argv[1], "utf8")));
console.log(JSON.stringify([validate(JSON.parse(readFileSync(process.argv[2], "utf8"))), validate.errors]));
"""


def test_the_published_index_passes_ajv_in_strict_mode() -> None:
    node = shutil.which("node")
    assert node, "Node.js est requis (make test l'installe)"
    schemas = ROOT / "generated" / "schemas"
    run = subprocess.run(
        [node, "--input-type=module", "-e", AJV, str(schemas / "index.schema.json"), str(schemas / "index.json")],
        cwd=ROOT / "tests" / "js",
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(run.stdout) == [True, None]


def test_the_flow_page_shows_each_version_and_its_breaking_changes(repo_copy: Path) -> None:
    _released(repo_copy, "1.0.0", "final-text")
    edit(repo_copy / SPEC, LIEU, "")
    _set(repo_copy, ("1.0.0", "final-text"), ("2.0.0", "final-text"))
    index = Index(load_framework(repo_copy / "model/content", shown_from=repo_copy))
    page = spec_pages.generate(index)["docs/flux/mes-a.md"]
    history = page.split("## Versions du schéma", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in history.splitlines() if line.startswith("| [")]
    assert rows[0].startswith("| [2.0.0](../telechargements/schemas/flux/mes-a/2.0.0/mes-a.schema.json)")
    assert "version en cours, non figée" in rows[0]
    assert "**rupture** : lieu — propriété supprimée" in rows[0]
    assert "**Oui** : les implémentations de la version 1.0.0 doivent être mises à jour" in rows[0]
    assert rows[1].startswith("| [1.0.0](../telechargements/schemas/flux/mes-a/1.0.0/mes-a.schema.json)")
    assert "15 décembre 2026 — Texte final" in rows[1] and "les implémentations de la version 0.1.0" in rows[1]
    assert rows[2].startswith("| [0.1.0](../telechargements/schemas/flux/mes-a/0.1.0/mes-a.schema.json)")
    assert "Première version." in rows[2]


def test_validate_refuses_a_breaking_change_without_a_major_version(
    repo_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _released(repo_copy, "1.0.0", "final-text")
    assert _validate(repo_copy, capsys)[0] == 0
    edit(repo_copy / SPEC, LIEU, "")
    _set(repo_copy, ("1.0.0", "final-text"), ("1.1.0", "final-text"))
    code, err = _validate(repo_copy, capsys)
    line = line_of(repo_copy / SPEC, 'version: "1.1.0"')
    assert code == 1
    assert err.startswith(
        f"{SPEC}:{line}:5: erreur : le schéma du flux mes-a passe de 1.0.0 (publiée, statut « Texte final "
        "(final-text) ») à 1.1.0, mais le changement demande une nouvelle version majeure : rupture — lieu : "
        'propriété supprimée\n    → écrivez version: "2.0.0" au moins'
    ), err
    shown = (ROOT / "docs/contribuer.md").read_text("utf-8").split("vérifié par tests/test_registry.py -->", 1)[1]
    shown = shown.split("```text\n", 1)[1].split("```", 1)[0]
    assert err.replace(f":{line}:", ":14:").startswith(shown), "l'exemple de docs/contribuer.md a dérivé"
    with pytest.raises(ModelError):  # nor can it be released
        release(repo_copy, ["mes-a"], "2026-12-20")
    _set(repo_copy, ("1.1.0", "final-text"), ("2.0.0", "final-text"))
    assert _validate(repo_copy, capsys)[0] == 0


def test_a_compatible_change_needs_a_minor_version_and_a_released_one_never_changes(
    repo_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _released(repo_copy, "1.0.0", "trial-implementation")
    edit(repo_copy / SPEC, LIEU, LIEU + EXTRA)
    code, err = _validate(repo_copy, capsys)
    assert code == 1 and "sans changer de version : une version publiée ne change plus" in err
    assert 'écrivez version: "1.1.0" (nouvelle version mineure)' in err
    _set(repo_copy, ("1.0.0", "trial-implementation"), ("1.0.1", "trial-implementation"))
    code, err = _validate(repo_copy, capsys)
    assert code == 1 and "nouvelle version mineure : changement compatible — rappel : propriété facultative" in err
    _set(repo_copy, ("1.0.1", "trial-implementation"), ("0.9.0", "trial-implementation"))
    code, err = _validate(repo_copy, capsys)
    assert code == 1 and "antérieure à sa dernière version publiée 1.0.0" in err
    _set(repo_copy, ("0.9.0", "trial-implementation"), ("1.1.0", "trial-implementation"))
    assert _validate(repo_copy, capsys)[0] == 0


def test_a_draft_changes_freely_but_needs_a_new_number(repo_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _released(repo_copy, "0.2.0", "draft")
    edit(repo_copy / SPEC, LIEU, "")
    code, err = _validate(repo_copy, capsys)
    assert code == 1 and 'écrivez version: "0.2.1" (nouvelle version corrective)' in err
    _set(repo_copy, ("0.2.0", "draft"), ("0.2.1", "draft"))  # a breaking change, but a draft's
    assert _validate(repo_copy, capsys)[0] == 0
    assert release(repo_copy, ["mes-a"], "2026-12-20") == [f"mes-a 0.2.1 publiée (draft, 2026-12-20) : {FROZEN}/0.2.1/"]
    assert release(repo_copy, ["mes-a"], "2026-12-21") == [
        "mes-a 0.2.1 est déjà publiée, à l'identique : rien à faire."
    ]
    with pytest.raises(ReleaseError, match="aucune spécification pour inconnu"):
        release(repo_copy, ["inconnu"], "2026-12-21")


def test_a_frozen_file_edited_by_hand_is_an_error(repo_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _released(repo_copy, "0.2.0", "draft")
    schema = repo_copy / FROZEN / "0.2.0" / "mes-a.schema.json"
    schema.write_text(schema.read_text("utf-8").replace('"lieu"', '"endroit"'), encoding="utf-8")
    code, err = _validate(repo_copy, capsys)
    assert code == 1
    assert err.startswith(
        f"{FROZEN}/0.2.0/mes-a.schema.json:1:1: erreur : ce fichier de mes-a 0.2.0 a été modifié depuis sa "
        "publication (SHA-256 différent)\n    → une version publiée ne se modifie pas : restaurez le dossier"
    ), err


def test_the_real_model_follows_its_version_rule(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate"]) == 0, capsys.readouterr().err

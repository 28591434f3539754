"""What ``validate`` accepts, ``generate`` renders: every gap between the two closed by a located model check.

Each refused input is tested as the editor meets it (file, line, column, French message and fix); the
flows' examples are checked against their MOS type with the table the schemas are printed from, and
the published examples against their schema with a format checker that really checks formats.
"""

from __future__ import annotations

import json
import math
import typing
from pathlib import Path
from typing import Any

import pytest
from conftest import edit, line_of, problems_of
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails, core_schema

from cadre.__main__ import main
from cadre.generators import json_schemas
from model import Attribute, Framework, Index, MosType
from model._messages import _CONSTRAINTS, _TYPE_NAMES, _short, describe
from model.mos import JSON_TYPES, SAMPLES, example_problem

PA = "model/content/specifications/pa.yaml"
ESMS = "model/content/specifications/esms.yaml"
MES = "model/content/views/mes.yaml"
SERVICES = "model/content/services.yaml"
PH = "model/content/catalogue/ph.yaml"
CHECKER = Draft202012Validator.FORMAT_CHECKER

SELF_LEG_OLD = "        legs:\n          - {from: portails-services-references, to: mes-agenda,"
SELF_LEG_NEW = (
    "        legs:\n          - {from: mes-agenda, to: mes-agenda, nature: manual, status: target}\n"
    "          - {from: portails-services-references, to: mes-agenda,"
)
"""A second leg of flow MES A that goes from the agenda back to itself."""


@pytest.mark.parametrize(
    ("file", "old", "new", "key", "message", "fix"),
    [
        (
            PA,
            'example: "2024-12-31"',
            'example: "2022-02-30"',
            "example",
            "l'exemple de « dateFermeture » doit être une date réelle au format AAAA-MM-JJ (type Date),"
            " pas « 2022-02-30 »",
            "corrigez la valeur, par exemple « 2024-01-31 »",
        ),
        (
            PA,
            'logiciel métier.", example: "2024-03-12T11:00:00+01:00"',
            'logiciel métier.", example: "2024-03-12T11:00:00"',
            "example",
            "l'exemple de « dateHeure » doit être une date et heure réelles avec leur décalage horaire"
            " (AAAA-MM-JJThh:mm:ss±hh:mm ou Z) (type DateHeure), pas « 2024-03-12T11:00:00 »",
            "corrigez la valeur, par exemple « 2024-01-31T09:00:00+01:00 »",
        ),
        (
            PA,
            "example: 60}",
            'example: "60"}',
            "example",
            "l'exemple de « ageMin » doit être un nombre fini (type Numerique), pas le texte « 60 »",
            "écrivez un nombre sans guillemets (ex. 12 ou 12.5)",
        ),
        (
            ESMS,
            "example: true}",
            'example: "true"}',
            "example",
            "l'exemple de « signe » doit être vrai ou faux (type Indicateur), pas le texte « true »",
            "écrivez true ou false, sans guillemets",
        ),
        (
            PA,
            'activité).", example: "500"',
            'activité).", example: 500',
            "example",
            "l'exemple de « categorieEG » doit être du texte (type Code), pas « 500 »",
            "écrivez la valeur entre guillemets",
        ),
        (
            PA,
            'établissement.", example: "ORLEANS"',
            'établissement.", example: ""',
            "example",
            "l'exemple de « localite » est vide (type Texte)",
            "donnez une valeur, par exemple « Texte d'exemple »",
        ),
        (
            PA,
            'établissement.", example: "ORLEANS"',
            'établissement.", example: {ville: ORLEANS}',
            "example",
            "l'exemple de « localite » doit être une seule valeur (texte, nombre, true ou false),"
            " pas « {'ville': 'ORLEANS'} »",
            "écrivez une seule valeur, sans liste ni bloc",
        ),
        (
            ESMS,
            'example: "JVBERi0xLjcKJcOkw7zDtsOfCg=="',
            'example: "pas du base64 !"',
            "example",
            "l'exemple de « contenu » doit être du base64 (lettres, chiffres, « + », « / », « = » final)"
            " (type ObjetBinaire), pas « pas du base64 ! »",
            "corrigez la valeur, par exemple « SGVsbG8= »",
        ),
        (
            MES,
            SELF_LEG_OLD,
            SELF_LEG_NEW,
            "to",
            "la branche 1 du flux « mes-a » va du service « mes-agenda » vers lui-même",
            "une branche relie deux services : corrigez « from » ou « to »",
        ),
        (
            MES,
            "title: Alimentation de l'agenda de MES par un portail de services référencé",
            'title: "   "',
            "title",
            "« title » ne contient que des espaces",
            "écrivez le texte, ou retirez le champ s'il est facultatif",
        ),
        (
            SERVICES,
            "référencés au catalogue de MES\n    kind: information_portal\n    category: portals\n    generic: true",
            'référencés au catalogue de MES\n    kind: information_portal\n    category: portals\n    generic: "true"',
            "generic",
            "« generic » doit être vrai ou faux (true / false), pas « true »",
            "corrigez la valeur de ce champ",
        ),
        (
            SERVICES,
            "référencés au catalogue de MES\n    kind: information_portal\n    category: portals\n    generic: true",
            "référencés au catalogue de MES\n    kind: information_portal\n    category: portals\n    generic: 1",
            "generic",
            "« generic » doit être vrai ou faux (true / false), pas « 1 »",
            "corrigez la valeur de ce champ",
        ),
        (
            "model/content/stated-counts.yaml",
            "selon les 3 axes suivants\n    value: 3",
            'selon les 3 axes suivants\n    value: "3"',
            "value",
            "« value » doit être un nombre entier, pas « 3 »",
            "corrigez la valeur de ce champ",
        ),
        (
            "model/content/stated-counts.yaml",
            "selon les 3 axes suivants\n    value: 3",
            "selon les 3 axes suivants\n    value: 3.0",
            "value",
            "« value » doit être un nombre entier, pas « 3.0 »",
            "corrigez la valeur de ce champ",
        ),
        (
            PH,
            "d'admission\n    phase: orientation\n    prioritised: true\n    exchange: {from: MDPH, to: ESMS}\n"
            "    scores: {frequence: 2,",
            "d'admission\n    phase: orientation\n    prioritised: true\n    exchange: {from: MDPH, to: ESMS}\n"
            '    scores: {frequence: "2",',
            "frequence",
            "« frequence » doit être un nombre entier, pas « 2 »",
            "corrigez la valeur de ce champ",
        ),
        (
            MES,
            "            number: 1\n",
            "            number: true\n",
            "number",
            "« number » doit être un nombre entier, pas « true »",
            "corrigez la valeur de ce champ",
        ),
        (
            PA,
            'cardinality: "1..1", type: Code, value_set: CADRE-DE4-OperationOffreRor',
            'cardinality: "1..2", type: Code, value_set: CADRE-DE4-OperationOffreRor',
            "cardinality",
            "valeur « 1..2 » non admise pour « cardinality »",
            "valeurs admises : '0..1', '1..1', '0..*' ou '1..*'",
        ),
    ],
)
def test_each_refused_input_is_located_with_its_fix(
    repo_copy: Path, file: str, old: str, new: str, key: str, message: str, fix: str
) -> None:
    path = repo_copy / file
    edit(path, old, new)
    needle = next(line for line in new.splitlines() if key in line).strip()
    [problem] = problems_of(repo_copy)
    line = line_of(path, needle)
    text = path.read_text(encoding="utf-8").splitlines()[line - 1]
    column = text.index(f"{key}:", text.index(needle) if key in needle else 0) + 1
    assert (problem.file, problem.line, problem.column) == (file, line, column)
    assert (problem.message, problem.fix) == (message, fix)


def test_validate_then_generate_on_a_refused_input(repo_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The command line refuses the self-flow at validate time, and generate leaves generated/ alone."""
    edit(repo_copy / MES, SELF_LEG_OLD, SELF_LEG_NEW)
    assert main(["--root", str(repo_copy), "validate"]) == 1
    err = capsys.readouterr().err
    assert f"{MES}:{line_of(repo_copy / MES, '- {from: mes-agenda, to: mes-agenda')}:32: erreur" in err
    assert main(["--root", str(repo_copy), "generate"]) == 1


_WRONG: dict[MosType, list[object]] = {
    MosType.IDENTIFIER: ["", 12, True, "a\x00b"],
    MosType.TEXT: ["", 1.5, False, "\ud800"],
    MosType.CODE: ["", 500, True],
    MosType.DATE: ["2022-02-30", "2022-13-01", "31/01/2024", "2024-1-31", "2024-01-31T00:00:00Z", 20240131],
    MosType.DATETIME: [
        "2024-01-31T09:00:00",
        "2022-13-01T00:00:00Z",
        "2024-01-31T24:00:00Z",
        "2024-01-31T09:00:60Z",
        "2024-01-31 09:00:00Z",
        "2024-01-31T09:00:00+25:00",
        "2024-01-31",
    ],
    MosType.NUMBER: ["3", True, math.nan, math.inf, -math.inf],
    MosType.INDICATOR: ["true", "yes", 1, 0, "1"],
    MosType.BINARY: ["pas du base64 !", "SGVsbG8", 12],
}
_RIGHT: dict[MosType, list[object]] = {
    MosType.DATE: ["2024-02-29", "1938-02-11"],
    MosType.DATETIME: ["2024-03-12T17:00:00+01:00", "2024-03-12T17:00:00.250Z", "2024-03-12t17:00:00-05:30"],
    MosType.NUMBER: [0, -3, 2.5, 10**20],
    MosType.INDICATOR: [True, False],
    MosType.BINARY: ["", "SGVsbG8="],
}


@pytest.mark.parametrize("mos_type", list(MosType))
def test_for_each_mos_type_a_wrong_example_is_refused(mos_type: MosType) -> None:
    assert set(_WRONG) == set(MosType) == set(JSON_TYPES) == set(SAMPLES)
    simple = {"name": "champ", "cardinality": "1..1", "type": mos_type.value, "description": "Un champ."}
    for wrong in _WRONG[mos_type]:
        with pytest.raises(ValidationError) as caught:
            Attribute.model_validate({**simple, "example": wrong})
        [error] = caught.value.errors()
        assert error["loc"] == ("example",), wrong
        message, fix = describe(error)
        assert message.startswith("l'exemple de « champ » ") and fix, (wrong, message)
    for right in [SAMPLES[mos_type], *_RIGHT.get(mos_type, [])]:
        assert Attribute.model_validate({**simple, "example": right}).example == right


@pytest.mark.parametrize("mos_type", list(MosType))
def test_what_the_model_accepts_the_schema_accepts(mos_type: MosType) -> None:
    """Soundness of the one table: a wrong example refused by the schema is refused by the model too."""
    validator = Draft202012Validator(dict(JSON_TYPES[mos_type]), format_checker=CHECKER)
    for value in [*_WRONG[mos_type], SAMPLES[mos_type], *_RIGHT.get(mos_type, [])]:
        if example_problem(mos_type, value) is None:
            assert validator.is_valid(value), value
    for value in _WRONG[mos_type]:
        assert example_problem(mos_type, value) is not None, value


@given(st.one_of(st.text(max_size=30), st.integers(), st.floats(), st.booleans(), st.dates().map(str)))
def test_no_value_accepted_by_the_model_is_refused_by_the_schema(value: object) -> None:
    for mos_type in MosType:
        if example_problem(mos_type, value) is None:
            schema = dict(JSON_TYPES[mos_type])
            assert Draft202012Validator(schema, format_checker=CHECKER).is_valid(value), (mos_type, value)


def test_the_format_checker_really_checks_formats() -> None:
    """Without rfc3339-validator and rfc3986-validator, jsonschema silently accepts any date-time and uri."""
    for fmt, wrong in [("date", "pas une date"), ("date-time", "2022-13-01T00:00:00Z"), ("uri", "pas une uri")]:
        validator = Draft202012Validator({"type": "string", "format": fmt}, format_checker=CHECKER)
        assert not validator.is_valid(wrong), fmt
    assert Draft202012Validator({"format": "date"}, format_checker=CHECKER).is_valid("2024-02-29")


def test_every_published_example_is_valid_against_its_schema_formats_included(
    index: Index, outputs: dict[str, str]
) -> None:
    for spec in index.framework.flow_specs:
        flow_id = spec.flow
        files = json_schemas.paths(index, spec)
        schema = json.loads(outputs[files["schema"]])
        validator = Draft202012Validator(schema, format_checker=CHECKER)
        assert not list(validator.iter_errors(json.loads(outputs[files["example"]]))), flow_id


def test_the_schemas_print_the_models_table(index: Index) -> None:
    for mos_type in MosType:
        assert json_schemas.type_schema(mos_type.value) == dict(JSON_TYPES[mos_type])


def _models() -> list[type[BaseModel]]:
    """Every class of the model, reached from :class:`Framework`."""
    found: list[type[BaseModel]] = []
    todo: list[Any] = [Framework]
    while todo:
        annotation = todo.pop()
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            if annotation not in found:
                found.append(annotation)
                todo.extend(info.annotation for info in annotation.model_fields.values())
        else:
            todo.extend(typing.get_args(annotation))
    return found


_BAD_VALUES: list[object] = [
    None,
    "",
    "   ",
    "x",
    "a\x07",
    "\ud800",
    "x" * 6000,
    "1",
    "true",
    "2022-02-30",
    1,
    -1,
    10**30,
    1.5,
    3.0,
    math.nan,
    True,
    [],
    ["x"],
    [1],
    [{}],
    {},
    {"x": 1},
    {"BAD KEY": 1},
    {"a": "b"},
]


def _errors_the_model_can_produce() -> list[ErrorDetails]:
    errors: list[ErrorDetails] = []
    for model in _models():
        for name, info in model.model_fields.items():
            for bad in _BAD_VALUES:
                try:
                    model.model_validate({info.alias or name: bad})
                except ValidationError as error:
                    errors.extend(e for e in error.errors() if e["loc"][:1] == (info.alias or name,))
    return errors


def test_every_error_the_model_can_produce_has_its_own_french_message() -> None:
    errors = _errors_the_model_can_produce()
    kinds = {e["type"] for e in errors}
    assert {"bool_type", "int_type", "literal_error", "too_short", "text_unseen", "text_blank"} <= kinds
    handled = set(_TYPE_NAMES) | set(_CONSTRAINTS)
    handled |= {"missing", "extra_forbidden", "enum", "string_pattern_mismatch", "string_too_long"}
    handled |= {"string_too_short", "too_short", "value_error", "assertion_error"}
    assert kinds <= handled
    for error in errors:
        message, fix = describe(error)
        assert error["msg"] not in message + fix, error
        assert "Input should" not in message + fix and message and fix


def test_no_pydantic_error_type_falls_back_to_english() -> None:
    context = {
        key: "k"
        for key in [
            "attribute",
            "error",
            "method_name",
            "class_name",
            "gt",
            "ge",
            "lt",
            "le",
            "multiple_of",
            "field_type",
            "min_length",
            "max_length",
            "actual_length",
            "pattern",
            "expected",
            "encoding",
            "tz_expected",
            "class",
            "discriminator",
            "tag",
            "expected_tags",
            "expected_schemes",
            "expected_version",
            "max_digits",
            "decimal_places",
            "whole_digits",
        ]
    }
    kinds = typing.get_args(core_schema.ErrorType)
    assert len(kinds) > 100
    for kind in kinds:
        for value in ("valeur", None):
            error: ErrorDetails = {
                "type": kind,
                "loc": ("services", 0, "name"),
                "msg": "Input should be English",
                "input": value,
                "ctx": context,
            }
            message, fix = describe(error)
            assert "English" not in message + fix and "Input" not in message + fix, kind
            assert message and fix, kind


def test_values_echoed_in_messages_have_their_invisible_characters_escaped() -> None:
    assert _short("a\x07b\u202ec\x1b[31m") == "a\\x07b\\u202ec\\x1b[31m"
    assert _short(True) == "true" and _short("é" * 100).endswith("…")
    message, _ = describe(
        {"type": "enum", "loc": ("services", 0, "kind"), "msg": "", "input": "x\x07", "ctx": {"expected": "'a'"}}
    )
    assert "\x07" not in message and "x\\x07" in message

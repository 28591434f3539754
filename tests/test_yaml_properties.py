"""Whatever the bytes of a YAML file, reading it gives plain data or a located French problem, never a crash.

Texts are random structures dumped by ruamel's emitter, spliced with the tokens that reach the corners
of YAML (anchors, aliases, tags, merge keys, complex keys, tabs, control and bidi characters, deep
brackets), or plain random bytes. The runs are derandomized and bounded: the same examples every time,
in a few seconds; a failure found once is kept below as an ``@example``.
"""

from __future__ import annotations

import io
import json
import re
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from model import ModelError, Problem, load_framework
from model._yaml import read_yaml

FRENCH_OPENINGS = (
    "syntaxe YAML invalide",
    "le fichier",
    "la clé",
    "les étiquettes",
    "les ancres",
    "les clés de fusion",
    "une clé doit",
    "caractère",
    "demi-caractère",
    "séparateur de ligne",
    "retour chariot",
    "imbrication trop profonde",
    "nombre trop grand",
    "« ",
)
RAW_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
"""Characters that must never reach a terminal raw (the line feed between message and fix is ours)."""

TOKENS = [
    "&a ", "*a", "&b [*a, *a]", "<<: ", "<<: *a", "!!str ", "!!python/object:os.system ", "!foo ", "! ",
    "!!binary ", "!!set ", "? ", "? [a, b]\n: ", "\t", "\x00", "\x07", "\x1b[31m", "\x85", "\x9b", "\r",
    "\u202e", "\u2066", "\u200f", "\u2028", "\ud800", '"\\x07"', '"\\e"', '"\\ud800"', '"\\u202e"', '"\\0"',
    "[" * 50, "{a: " * 30, "- " * 30, "]", "}", ": ", "- ", "\n", "  ", "#", "'", '"', ".inf", ".nan",
    "2022-13-45", "2022-06-16", "1e999", "9" * 40, "null: ", "true: ", "1: ", "id: x", "---\n", "...\n", "%YAML 1.1\n",
]  # fmt: skip

scalars = (
    st.text(max_size=12)
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.booleans()
    | st.none()
    | st.dates()
)
structures = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


def dumped(data: Any) -> str:
    stream = io.StringIO()
    YAML(typ="safe", pure=True).dump(data, stream)
    return stream.getvalue()


@st.composite
def yaml_texts(draw: st.DrawFn) -> bytes:
    """A YAML text of the emitter with tokens spliced in, or random bytes."""
    if draw(st.integers(0, 5)) == 0:
        return draw(st.binary(max_size=200))
    text = dumped(draw(structures))
    for _ in range(draw(st.integers(0, 4))):
        where = draw(st.integers(0, len(text)))
        text = text[:where] + draw(st.sampled_from(TOKENS)) + text[where:]
    return text.encode("utf-8", "surrogatepass")


def check_problem(problem: Problem, *, from_reader: bool) -> None:
    assert problem.line >= 1 and problem.column >= 1, problem
    assert problem.message.strip(), problem
    if from_reader:
        assert problem.message.startswith(FRENCH_OPENINGS), problem
        assert problem.fix.strip(), problem
    assert not RAW_CONTROL.search(str(problem).replace("\n    → ", " ", 1)), repr(str(problem))


def check_data(data: Any) -> None:
    """What is read is JSON without NaN, and UTF-8 text without invisible characters."""
    json.dumps(data, allow_nan=False, ensure_ascii=False).encode("utf-8")
    for text in strings(data):
        assert not RAW_CONTROL.search(text.replace("\t", "").replace("\n", "")), repr(text)


def strings(data: Any) -> list[str]:
    if isinstance(data, dict):
        return [text for key, value in data.items() for text in [key, *strings(value)]]
    if isinstance(data, list):
        return [text for item in data for text in strings(item)]
    return [data] if isinstance(data, str) else []


FOUND = [
    b'a: "\\ud83d\\ude00"\n',  # a surrogate pair written as two escapes: two lone surrogates for Python
    b"a: >-\n  x\n  y\n",  # ruamel marks folded line breaks with \a inside the node's value
    b"a: " + b"[" * 100_000,
]


@settings(max_examples=400, deadline=None, derandomize=True, database=None)
@given(yaml_texts())
@example(FOUND[0])
@example(FOUND[1])
@example(FOUND[2])
def test_reading_any_text_gives_data_or_a_located_problem(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "hasard.yaml"
        path.write_bytes(raw)
        read = read_yaml(path, "model/content/hasard.yaml")
    if isinstance(read, Problem):
        assert read.file == "model/content/hasard.yaml"
        check_problem(read, from_reader=True)
    else:
        data, positions = read
        check_data(data)
        assert all(line >= 1 and column >= 1 for line, column in positions.values())


@settings(max_examples=60, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(yaml_texts() | st.builds(lambda data: dumped({"actors": data}).encode(), structures))
def test_loading_a_model_of_any_text_gives_a_framework_or_model_error(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder) / "model" / "content"
        content.mkdir(parents=True)
        (content / "hasard.yaml").write_bytes(raw)
        try:
            load_framework(content, shown_from=Path(folder))
        except ModelError as error:
            assert error.problems
            for problem in error.problems:
                check_problem(problem, from_reader=False)
            assert not RAW_CONTROL.search(error.report().replace("\n", " "))

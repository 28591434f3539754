"""The YAML subset: each construct the content never needs is refused with a located French problem."""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

import pytest
from conftest import edit, line_of, problems_of

from cadre.output import cache
from model import Problem
from model._yaml import read_yaml
from model._yaml_subset import MAX_BYTES, MAX_DEPTH
from model.problems import terminal

TAG = ("les étiquettes YAML", "écrivez la valeur comme un texte ordinaire")
ANCHOR = ("les ancres (&nom) et les alias (*nom) ne sont pas acceptés", "recopiez la valeur")
CONTROL = "caractère de contrôle invisible"
BIDI = "caractère invisible de direction du texte"
ESCAPE_FIX = "retirez cette séquence d'échappement"
RAW_FIX = "supprimez ce caractère"
KEY_FIX = "écrivez un nom de champ du modèle"


def read(tmp_path: Path, text: str) -> tuple[object, object] | Problem:
    path = tmp_path / "fichier.yaml"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    return read_yaml(path, "model/content/fichier.yaml")


def refused(tmp_path: Path, text: str) -> Problem:
    problem = read(tmp_path, text)
    assert isinstance(problem, Problem), problem
    assert problem.file == "model/content/fichier.yaml"
    return problem


CASES = [
    # 1. tags of any kind
    ("python", "a: !!python/object/apply:os.system [ls]\n", 1, 4, TAG),
    ("binary", "a: !!binary aGVsbG8=\n", 1, 4, TAG),
    ("set", "a: !!set {x, y}\n", 1, 4, TAG),
    ("omap", "a: !!omap [x: 1]\n", 1, 4, TAG),
    ("timestamp", "a: !!timestamp 2022-06-16\n", 1, 4, TAG),
    ("custom", "a:\n  - !foo x\n", 2, 5, TAG),
    ("str", "a: !!str 1\n", 1, 4, TAG),
    ("non-specific", "a: ! x\n", 1, 4, TAG),
    ("tagged key", "!!str a: 1\n", 1, 1, TAG),
    # 2. merge keys
    ("merge", "b: {x: 1}\nc:\n  <<: {x: 2}\n", 3, 3, ("les clés de fusion (<<)", "recopiez les champs")),
    ("merge alias", "b: &a {x: 1}\nc:\n  <<: *a\n", 1, 4, ANCHOR),
    # 3. anchors and aliases
    ("anchor", "a: &x texte\n", 1, 4, ANCHOR),
    ("alias", "a: texte\nb: *x\n", 2, 4, ANCHOR),
    # 5. control characters, raw or escaped, in values and keys
    ("bell escape", 'a: "x\\x07y"\n', 1, 4, (CONTROL + " U+0007", ESCAPE_FIX)),
    ("nul escape", 'a: "\\u0000"\n', 1, 4, (CONTROL + " U+0000", ESCAPE_FIX)),
    ("nul short escape", 'a: "\\0"\n', 1, 4, (CONTROL + " U+0000", ESCAPE_FIX)),
    ("escape escape", 'a: "\\e[31mrouge"\n', 1, 4, (CONTROL + " U+001B", ESCAPE_FIX)),
    ("cr escape", 'a: "x\\ry"\n', 1, 4, (CONTROL + " U+000D", ESCAPE_FIX)),
    ("key escape", 'b: 1\n"a\\x07": 1\n', 2, 1, (CONTROL + " U+0007", ESCAPE_FIX)),
    ("raw bell", "a: bonjour\x07\n", 1, 11, (CONTROL + " U+0007", RAW_FIX)),
    ("raw nul in key", "b: 1\nc\x00d: 1\n", 2, 2, (CONTROL + " U+0000", RAW_FIX)),
    ("raw in comment", "a: 1  # note\x1b[2J\n", 1, 13, (CONTROL + " U+001B", RAW_FIX)),
    ("raw delete", "a: x\x7f\n", 1, 5, (CONTROL + " U+007F", RAW_FIX)),
    ("lone cr", "a: b\rc: d\n", 1, 5, ("retour chariot (\\r) seul", "fins de ligne LF (ou CRLF)")),
    ("c1 escape", 'a: "\\N"\n', 1, 4, (CONTROL + " U+0085", ESCAPE_FIX)),
    ("raw c1", "a: x\x9by\n", 1, 5, (CONTROL + " U+009B", RAW_FIX)),
    ("line separator", 'a: "x\\Ly"\n', 1, 4, ("séparateur de ligne Unicode U+2028", ESCAPE_FIX)),
    ("raw rlo", "a: fichier\u202etxt.exe\n", 1, 11, (BIDI + " U+202E", RAW_FIX)),
    ("raw isolate", "a:\n  - x\u2066y\n", 2, 6, (BIDI + " U+2066", RAW_FIX)),
    ("raw lrm", "a: x\u200e\n", 1, 5, (BIDI + " U+200E", RAW_FIX)),
    ("raw alm", "a: x\u061c\n", 1, 5, (BIDI + " U+061C", RAW_FIX)),
    ("bidi escape", 'a: "\\u202d"\n', 1, 4, (BIDI + " U+202D", ESCAPE_FIX)),
    # 6. lone surrogates
    ("surrogate", 'a: "\\ud800"\n', 1, 4, ("demi-caractère U+D800 isolé", "écrivez le caractère lui-même")),
    ("surrogate pair", 'a: "\\ud83d\\ude00"\n', 1, 4, ("demi-caractère U+D83D isolé", "pas sa séquence")),
    # 8. keys that are not text, values JSON cannot hold
    ("sequence key", "? [a, b]\n: x\n", 1, 3, ("une clé doit être un texte", KEY_FIX)),
    ("mapping key", "{a: b}: x\n", 1, 1, ("une clé doit être un texte", KEY_FIX)),
    ("int key", "a: 1\n1: x\n", 2, 1, ("la clé « 1 » n'est pas un texte : YAML la lit comme un nombre", KEY_FIX)),
    (
        "null key",
        "null: x\n",
        1,
        1,
        ("la clé « null » n'est pas un texte : YAML la lit comme une valeur vide", KEY_FIX),
    ),
    ("empty key", ": x\n", 1, 1, ("syntaxe YAML invalide", "vérifiez l'indentation")),  # libyaml: no key there
    ("bool key", "true: x\n", 1, 1, ("la clé « true » n'est pas un texte : YAML la lit comme un booléen", KEY_FIX)),
    ("date key", "2022-06-16: x\n", 1, 1, ("la clé « 2022-06-16 » n'est pas un texte", KEY_FIX)),
    ("infinity", "a: .inf\n", 1, 4, ("« .inf » n'est pas un nombre fini", "écrivez un nombre ordinaire")),
    ("minus infinity", "a: [-.Inf]\n", 1, 5, ("« -.Inf » n'est pas un nombre fini", "un nombre ordinaire")),
    ("nan", "a:\n  b: .NaN\n", 2, 6, ("« .NaN » n'est pas un nombre fini", "un nombre ordinaire")),
    ("overflow", "a: 1e999\n", 1, 4, ("« 1e999 » n'est pas un nombre fini", "un nombre ordinaire")),
    ("huge int", "a: " + "9" * 5000 + "\n", 1, 4, ("nombre trop grand (5000 chiffres", "entre guillemets")),
    ("two documents", "a: 1\n---\nb: 2\n", 2, 1, ("plusieurs documents YAML", "un seul document par fichier")),
    ("impossible date", "a: 2022-13-45\n", 1, 4, ("« 2022-13-45 » n'est pas une date qui existe", "AAAA-MM-JJ")),
]


@pytest.mark.parametrize(
    ("text", "line", "column", "expected"), [case[1:] for case in CASES], ids=[case[0] for case in CASES]
)
def test_each_construct_outside_the_subset_is_refused_where_it_is(
    tmp_path: Path, text: str, line: int, column: int, expected: tuple[str, str]
) -> None:
    problem = refused(tmp_path, text)
    message, fix = expected
    assert (problem.line, problem.column) == (line, column), problem
    assert message in problem.message
    assert fix in problem.fix
    assert "\x1b" not in str(problem) and "\x07" not in str(problem)


@pytest.mark.parametrize(
    ("text", "data"),
    [
        ("a: 2022-06-16\n", {"a": "2022-06-16"}),
        ("a: b\r\nc: |\r\n  x\r\n  y\r\n", {"a": "b", "c": "x\ny\n"}),
        ("a: 'x\ty'\nb: \"\\t\\n\"\n", {"a": "x\ty", "b": "\t\n"}),
        ("a: >-\n  plié\n  sur deux lignes\n", {"a": "plié sur deux lignes"}),
        ('"1": x\n\'null\': y\n"<<": z\n', {"1": "x", "null": "y", "<<": "z"}),
        ("a: [1, -2.5, 1_000, true, null, « texte » ]\n", {"a": [1, -2.5, 1000, True, None, "« texte »"]}),
        ("a: Santé – « bien » ; 5\u00a0€\u202f!\n", {"a": "Santé – « bien » ; 5\u00a0€\u202f!"}),
    ],
    ids=["date", "crlf", "tabs", "folded", "quoted keys", "scalars", "typography"],
)
def test_what_the_content_uses_is_still_read(tmp_path: Path, text: str, data: object) -> None:
    read_back = read(tmp_path, text)
    assert not isinstance(read_back, Problem), read_back
    assert read_back[0] == data


def test_the_real_content_is_well_inside_the_bounds() -> None:
    content = Path(__file__).parent.parent / "model" / "content"
    sizes = [path.stat().st_size for path in content.rglob("*.yaml")]
    assert max(sizes) * 4 < MAX_BYTES


def test_billion_laughs_is_refused_at_its_first_anchor_without_expanding(tmp_path: Path) -> None:
    levels = [f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 9)}]" for n in range(1, 12)]
    text = 'l0: &l0 ["lol"]\n' + "\n".join(levels) + "\n"
    tracemalloc.start()
    try:
        problem = refused(tmp_path, text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert (problem.line, problem.column) == (1, 5)
    assert ANCHOR[0] in problem.message
    assert peak < 2 * 1024 * 1024  # expanded, 9**11 strings would not fit in any memory


@pytest.mark.parametrize("opening", ["[", "{a: ", "[x, ", "- "])
def test_deep_nesting_is_refused_at_the_level_too_many(tmp_path: Path, opening: str) -> None:
    if opening == "- ":  # block nesting, by indentation
        text = "a:\n" + "".join("  " * n + "- \n" for n in range(1, 40)) + "  " * 40 + "- x\n"
    else:  # flow nesting, 100 000 levels: the composer would hit the recursion limit
        text = "a: " + opening * 100_000 + "\n"
    started = time.perf_counter()
    problem = refused(tmp_path, text)
    assert time.perf_counter() - started < 10  # generous: it takes well under a second
    assert f"imbrication trop profonde (plus de {MAX_DEPTH} niveaux" in problem.message
    assert "aplatissez la structure" in problem.fix
    if opening == "- ":
        assert (problem.line, problem.column) == (MAX_DEPTH + 1, 2 * MAX_DEPTH + 1)
    else:  # the opening of level 21: the mapping is level 1
        assert (problem.line, problem.column) == (1, 4 + len(opening) * (MAX_DEPTH - 1))


def test_a_file_too_large_is_refused_before_it_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "gros.yaml"
    path.write_bytes(b"a: " + b"x" * MAX_BYTES + b"\n")

    def unread(self: Path) -> bytes:
        raise AssertionError("read")

    monkeypatch.setattr(Path, "read_bytes", unread)
    for reader in (read_yaml, cache.read_yaml):
        with cache.use(tmp_path / "cache"):
            problem = reader(path, "gros.yaml")
        assert isinstance(problem, Problem)
        assert (problem.line, problem.column) == (1, 1)
        assert problem.message == f"le fichier est trop gros ({MAX_BYTES + 4} octets, au plus {MAX_BYTES})"
        assert "découpez-le en plusieurs fichiers" in problem.fix


def test_an_unexpected_error_of_the_parser_still_names_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(text: str) -> object:
        raise RuntimeError("inattendu")

    monkeypatch.setattr("model._yaml._events", broken)
    problem = refused(tmp_path, "a: 1\n")
    assert (problem.line, problem.column) == (1, 1)
    assert problem.message == "le fichier n'a pas pu être lu comme du YAML (RuntimeError)"


def test_a_refused_construct_is_reported_by_the_model_loader(repo_copy: Path) -> None:
    services = repo_copy / "model/content/services.yaml"
    edit(services, "    name: Santé.fr\n", "    name: !!python/name:os.system Santé.fr\n")
    [problem] = problems_of(repo_copy)
    assert (problem.file, problem.line, problem.column) == (
        "model/content/services.yaml",
        line_of(services, "!!python"),
        11,
    )
    assert TAG[0] in problem.message


def test_a_terminal_never_receives_a_raw_control_character() -> None:
    problem = Problem("a\x1b[31m.yaml", 3, 4, "« x\u202ey\x07 »\nfaux: 1:1: erreur", "tab\t\x9b\u2066 fin\u00a0!")
    shown = str(problem)
    assert shown == (
        "a\\x1b[31m.yaml:3:4: erreur : « x\\u202ey\\x07 »\\nfaux: 1:1: erreur\n    → tab\\t\\x9b\\u2066 fin\u00a0!"
    )
    assert terminal("Santé « ok » – 😀") == "Santé « ok » – 😀"
    assert terminal("\U000e0001\u200b\ud800") == "\\U000e0001\\u200b\\ud800"

"""Whatever text an editor types in any text field, the site prints it literally and nothing of it comes alive.

Hypothesis draws texts made of markup (HTML, Markdown, Jinja, Graphviz's DOT, snippet and attribute
syntax, entities, very long runs) and of ordinary characters, and puts one into every free-text field
of the real model at once, each copy ending with its own marker (`` ZQX12``). The pages are built and
rendered with the site's Markdown extensions, the service map is drawn, the JSON export is written;
each output is then searched for anything that the text could have turned into: an element, an
attribute, a link, emphasis, an included file. The runs are derandomized and bounded (the same
examples every time, in a few seconds); a failure found once is kept below as an ``@example``.
"""

from __future__ import annotations

import functools
import html
import json
import re
import types
import typing
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from enum import Enum
from html.parser import HTMLParser
from typing import Any

import markdown
from annotated_types import MaxLen
from conftest import CONTENT
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from cadre.drawing.rendering import render_all
from cadre.generate import ROOT
from cadre.generators import GENERATORS, build, diagram_sets, framework_json
from model import Framework, Index, load_framework
from model.glossary import ACRONYM

FRAGMENTS = (
    "<script>alert(1)</script>",
    "</title><script>alert(2)</script>",
    '<img src=x onerror="alert(3)">',
    "<zqx-tag a=1>",
    "<b>zqxb</b>",
    "*zqxem*",
    "**zqxstrong**",
    "_zqxem_",
    "`zqxcode`",
    "~~zqxcode~~",
    "[zqxlink](zqx.md)",
    "[zqxlink]: zqx.md",
    "![zqximg](zqx.png)",
    "<https://zqx.example/>",
    "https://zqx.example/",
    "&lt;zqx-tag&gt;",
    "&amp;lt;",
    "&#60;zqx-tag&#62;",
    "&#x3C;",
    "{{ zqx }}",
    "{% if zqx %}",
    "{#zqx}",
    '--8<-- "zqx.md"',
    ";--8<-- ",
    '{: onclick="zqx()" }',
    "{.zqx #zqx}",
    "*[zqx]: abbr",
    "[^zqx]",
    "| zqx | zqx |",
    "\\",
    '"',
    "'",
    "a -> b { c } [label=<<b>x</b>>]",
    "digraph { zqx }",
    "\\l \\n \\N",
    "# zqx",
    "- zqx",
    "1. zqx",
    "> zqx",
    "```",
    "!!! note",
    "$$",
    "\u00a0",
    "é à ç œ « » —",
    "w" * 300,
)
"""Pieces of the markup the site's pipeline reads: every one must stay text."""

SAFE = st.characters(codec="utf-8", exclude_categories=("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"))
"""Characters a text field admits (control, format and bidi characters are refused by ``validate``)."""

HOSTILE = st.lists(st.sampled_from(FRAGMENTS) | st.text(SAFE, min_size=1, max_size=12), min_size=1, max_size=8).map(
    " ".join
)

INJECTED = {"zqxem", "zqxstrong", "zqxcode", "zqxb", "zqxlink", "zqximg"}
"""The inner text of a fragment's markup: an element holding exactly this would be markup that came alive."""
FORBIDDEN_TAGS = {
    "script",
    "img",
    "iframe",
    "object",
    "embed",
    "style",
    "base",
    "form",
    "input",
    "b",
    "i",
    "math",
    "svg",
}

PAGE_EXTENSIONS = [
    "tables",
    "abbr",
    "attr_list",
    "md_in_html",
    "admonition",
    "toc",
    "pymdownx.details",
    "pymdownx.superfences",
]
"""The extensions of ``mkdocs.yml`` (snippets apart: only the lines that include our diagrams use it)."""


def _free_text_limit(annotation: Any, metadata: list[Any]) -> int | None:
    """The length limit of a free-text field (text without a pattern); None for any other field."""
    found = list(metadata)
    args = typing.get_args(annotation)
    if typing.get_origin(annotation) in {typing.Union, types.UnionType}:
        inner = [a for a in args if a is not type(None)]
        if len(inner) != 1:
            return None
        return _free_text_limit(inner[0], [])
    if typing.get_origin(annotation) is typing.Annotated:
        found += list(annotation.__metadata__)
        annotation = args[0]
    if annotation is not str:
        return None
    if any(getattr(m, "pattern", None) for m in found):
        return None
    limits = [m.max_length for m in found if getattr(m, "max_length", None)] + [
        m.max_length for m in found if isinstance(m, MaxLen)
    ]
    return min(limits) if limits else None


def _text_fields(node: BaseModel, path: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], int]]:
    """The path of every free-text value of ``node`` (as dumped by alias), and its length limit."""
    for name, info in type(node).model_fields.items():
        value = getattr(node, name)
        key = info.alias or name
        if isinstance(value, BaseModel):
            yield from _text_fields(value, (*path, key))
        elif isinstance(value, list):
            item_type = typing.get_args(info.annotation)[0] if typing.get_args(info.annotation) else None
            limit = _free_text_limit(item_type, []) if item_type is not None else None
            for position, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from _text_fields(item, (*path, key, position))
                elif isinstance(item, str) and limit:
                    yield (*path, key, position), limit
        elif isinstance(value, str) and not isinstance(value, Enum):
            limit = _free_text_limit(info.annotation, info.metadata)
            if limit:
                yield (*path, key), limit


@functools.cache
def _real() -> tuple[dict[str, Any], list[tuple[tuple[str | int, ...], int]]]:
    framework = load_framework(CONTENT, shown_from=ROOT)
    return framework.model_dump(by_alias=True, exclude_unset=True), list(_text_fields(framework))


def _put(data: Any, path: tuple[str | int, ...], value: str) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


def _hostile_model(text: str) -> tuple[Framework, dict[tuple[str | int, ...], str]]:
    """The real model with ``text`` (and its marker) in every free-text field that admits it."""
    data, fields = _real()
    data = json.loads(json.dumps(data))
    typed: dict[tuple[str | int, ...], str] = {}
    for number, (path, limit) in enumerate(fields):
        marker = f" ZQX{number}"
        if path[-1] == "term" and path[0] == "glossary":
            continue  # an acronym is a word of the texts (model.glossary.ACRONYM): checked on its own below
        typed[path] = text[: limit - len(marker)] + marker
        _put(data, path, typed[path])
    try:
        return Framework.model_validate(data), typed
    except ValidationError as error:  # pragma: no cover - a failure names the field that refused the text
        raise AssertionError(f"le modèle refuse un texte libre : {error}") from None


class _Scan(HTMLParser):
    """Every element and attribute of a page, and the text of the elements that emphasis would make."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.text: list[str] = []
        self._inline: list[list[str]] = []
        self._filters = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        ours = tag == "form" and ("class", "filtres") in attrs  # the table filters cadre writes (filter_forms)
        self._filters += ours
        allowed = self._filters and tag in {"form", "input"} and "zqx" not in tag
        if (tag in FORBIDDEN_TAGS or "zqx" in tag) and not allowed:
            self.problems.append(f"élément <{tag}>")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on") or name == "style" or "zqx" in name:
                self.problems.append(f"attribut {name} sur <{tag}>")
            if name in {"href", "src"} and not re.fullmatch(r"(https://[^\s\"'<>]+|[A-Za-z0-9_./#-]*)", value):
                self.problems.append(f"lien {value!r}")
            if name in {"href", "src"} and "zqx" in value.lower() and not value.startswith("#"):
                self.problems.append(f"lien {value!r}")
            if (name == "class" and "zqx" in value) or (name == "id" and value == "zqx"):
                self.problems.append(f"attribut {name}={value!r}")  # from « {.zqx #zqx} » (a heading's id is its slug)
        if tag in {"em", "strong", "code", "del", "a", "sup", "mark", "pre"}:
            self._inline.append([])

    def handle_endtag(self, tag: str) -> None:
        if tag == "form" and self._filters:
            self._filters -= 1
        if tag in {"em", "strong", "code", "del", "a", "sup", "mark", "pre"} and self._inline:
            inner = "".join(self._inline.pop()).strip()
            if inner in INJECTED:
                self.problems.append(f"<{tag}>{inner}</{tag}>")

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        for open_element in self._inline:
            open_element.append(data)


def _flat(text: str) -> str:
    return " ".join(text.split())


@functools.cache
def _abbreviations_renderer() -> markdown.Markdown:
    return markdown.Markdown(extensions=PAGE_EXTENSIONS)


def _render(page: str, abbreviations: str) -> str:
    ours = re.compile(r'\s*--8<-- "diagrams/[a-z0-9/-]+\.svg"\s*')
    lines = []
    for line in page.splitlines():
        if "--8<--" in line.replace("\\", ""):
            assert ours.fullmatch(line), f"ligne d'inclusion qui n'est pas la nôtre : {line!r}"
            continue
        lines.append(line)
    renderer = _abbreviations_renderer()
    renderer.reset()
    return renderer.convert("\n".join(lines) + "\n\n" + abbreviations)


def _pages_without_diagrams(framework: Framework) -> dict[str, str]:
    return build(Index(framework), tuple(g for g in GENERATORS if g is not diagram_sets.generate))


@settings(max_examples=8, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow])
@example(
    text="</title><script>alert(1)</script> <zqx-tag a=1> *zqxem* [zqxlink](zqx.md) & &amp;lt;", chosen=list(range(12))
)
@given(text=HOSTILE, chosen=st.lists(st.integers(min_value=0), min_size=12, max_size=12))
def test_any_text_in_every_field_is_printed_literally_in_pages_and_json(text: str, chosen: list[int]) -> None:
    framework, typed = _hostile_model(text)
    outputs = _pages_without_diagrams(framework)
    pages = sorted(p for p in outputs if p.endswith(".md"))
    service = framework.services[0]
    sample = {f"docs/services/{service.id}.md", "docs/glossaire/index.md", "docs/flux/mes-a.md"}
    sample |= {pages[n % len(pages)] for n in chosen}
    for path in sorted(sample):
        scan = _Scan()
        scan.feed(_render(outputs[path], outputs["abbreviations.md"]))
        assert not scan.problems, (path, scan.problems)
    heading = _Scan()
    rendered = _render(outputs[f"docs/services/{service.id}.md"], "")
    heading.feed(rendered[rendered.index("<h1") : rendered.index("</h1>")])
    assert _flat("".join(heading.text)).startswith(_flat(service.name))  # then « (short name) »
    for line in (line for p in pages if p.endswith("SUMMARY.md") for line in outputs[p].splitlines()):
        label = re.fullmatch(r"\s*\* \[(.*)\]\([a-z0-9/.-]+\)", line)
        if label and "ZQX" in label.group(1):
            entry = markdown.markdown(f"* [{label.group(1)}](x.md)")
            shown = re.search(r'<a href="x.md">(.*)</a>', entry)
            assert shown and html.unescape(shown.group(1)) == html.unescape(label.group(1)), line
            assert "<" not in label.group(1) and "[" not in label.group(1), line
    exported = json.loads(framework_json.generate(Index(framework))["framework.json"])
    assert exported["services"][0]["name"] == service.name == typed[("services", 0, "name")]


@settings(max_examples=4, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=HOSTILE)
def test_any_text_stays_text_in_the_diagrams(text: str) -> None:
    framework, _ = _hostile_model(text)
    index = Index(framework)
    drawn = diagram_sets.drawings(index, "carte") + diagram_sets.drawings(index, "flux")[:1]
    for drawing, svg in zip(drawn, render_all([d.spec for d in drawn]), strict=True):
        tree = ET.fromstring(svg)
        markers = " ".join("".join(e.itertext()) for e in tree.iter()) + " ".join(
            v for e in tree.iter() for k, v in e.attrib.items() if k.endswith("title")
        )
        assert "ZQX" in markers, drawing.path
        for element in tree.iter():
            tag = element.tag.rsplit("}", 1)[-1]
            assert tag not in {"script", "foreignObject", "iframe", "image", "style"} and "zqx" not in tag
            for name, value in element.attrib.items():
                assert not name.rsplit("}", 1)[-1].startswith("on") and name != "style", (drawing.path, name)
                if name.endswith("href"):
                    assert re.fullmatch(r"[a-z0-9_./#-]+", value), (drawing.path, value)


@settings(max_examples=60, deadline=None, derandomize=True, database=None)
@given(term=st.text(SAFE, min_size=1, max_size=20) | st.sampled_from(["wzxhzdk", "klzzwxh", "hzzhzkh", "amp", "12"]))
def test_an_acronym_never_breaks_the_pages_it_is_recognised_on(term: str) -> None:
    page = "Texte &lt;b&gt; R&amp;D `code` 4.1 12\n\n<div markdown>\n\nbloc\n\n</div>\n"
    abbreviation = f"*[{term}]: Forme développée"
    from model.glossary import Term

    try:
        Term.model_validate(
            {"id": "sigle", "term": term, "expansion": "Forme développée", "source": {"section": "1.1"}}
        )
    except ValidationError:
        return  # refused by validate: never reaches a page
    assert ACRONYM.fullmatch(term)
    out = markdown.markdown(page + "\n" + abbreviation, extensions=PAGE_EXTENSIONS)
    assert "wzxhzdk" not in out and "klzzwxh" not in out and "\x02" not in out, (term, out)
    assert "</div>" in out and "<code>code</code>" in out, (term, out)

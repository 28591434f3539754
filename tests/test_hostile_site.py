"""Hostile names through the whole site: the title, menu, search index, print view and hovers show them as typed.

MkDocs and Material decode character references in titles more than once (``striptags`` in
``<title>``); a name made of markup must still end up, everywhere, as the text the editor typed.
The site is built once from a copy of the model whose names and titles are markup.
"""

from __future__ import annotations

import html
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import edit

from cadre.bench.synthetic import SITE_FILES
from cadre.generate import ROOT, run_generate
from cadre.publish.build import build_site

NAME = "Santé.fr </title><script>alert(1)</script> &lt;b&gt; &amp; <i>x</i> [l](javascript:alert(1)) *e* {{ 7*7 }}"
FLOW = "Agenda \"guillemets\" 'apostrophe' <img src=x onerror=alert(2)> \\ | _a_ `c` &#60;u&#62;"
EXPANSION = 'Dossier <b onmouseover="alert(3)">médical</b> & "partagé"'
SITE_NAME = "Cadre d'urbanisation médico-social — Domaine 4"


class _Text(HTMLParser):
    """The text of the elements matching a tag (and an attribute value), character references decoded."""

    def __init__(self, tag: str, attribute: tuple[str, str] | None = None) -> None:
        super().__init__(convert_charrefs=True)
        self.tag, self.attribute = tag, attribute
        self.found: list[str] = []
        self._depth = 0
        self._live: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, _ in attrs:
            assert not name.startswith("on"), f"attribut {name} sur <{tag}>"
        if tag == "script" and not any(n == "src" or (n, v) == ("type", "application/json") for n, v in attrs):
            self._live.append(tag)
        wanted = tag == self.tag and (self.attribute is None or self.attribute in attrs)
        if self._depth or wanted:
            self._depth += 1
            if wanted and self._depth == 1:
                self.found.append("")

    def handle_endtag(self, tag: str) -> None:
        if self._depth:
            self._depth -= 1

    def handle_data(self, data: str) -> None:
        if self._depth:
            self.found[-1] += data


def _texts(page: str, tag: str, attribute: tuple[str, str] | None = None) -> list[str]:
    parser = _Text(tag, attribute)
    parser.feed(page)
    return [" ".join(text.split()) for text in parser.found]


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("site-hostile")
    for name in ("model", *SITE_FILES):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, root / name)
    (root / "cadre").symlink_to(ROOT / "cadre", target_is_directory=True)
    edit(root / "model/content/services.yaml", "    name: Santé.fr\n", f"    name: {json.dumps(NAME)}\n")
    edit(
        root / "model/content/views/mes.yaml",
        "        title: Alimentation de l'agenda de MES par un portail de services référencé\n",
        f"        title: {json.dumps(FLOW)}\n",
    )
    edit(
        root / "model/content/glossary.yaml",
        "    expansion: Dossier médical partagé\n",
        f"    expansion: {json.dumps(EXPANSION)}\n",
    )
    assert run_generate(root) == 0
    assert build_site(root) == 0  # the build also refuses any page the CSP would have to allow
    return root / "site"


def test_the_title_shows_the_typed_name(hostile_site: Path) -> None:
    page = (hostile_site / "services/sante-fr/index.html").read_text(encoding="utf-8")
    assert _texts(page, "title")[0] == f"{NAME} - {SITE_NAME}"
    flow = (hostile_site / "flux/mes-a/index.html").read_text(encoding="utf-8")
    assert _texts(flow, "title")[0] == f"Flux A — {FLOW} - {SITE_NAME}"  # then the diagrams' titles


def test_the_menu_and_header_show_the_typed_names(hostile_site: Path) -> None:
    page = (hostile_site / "services/sante-fr/index.html").read_text(encoding="utf-8")
    assert _texts(page, "span", ("class", "md-ellipsis")).count(NAME) == 3  # the header, the menu twice
    other = (hostile_site / "flux/mes-b/index.html").read_text(encoding="utf-8")  # the menu opens its group there
    assert f"Flux A — {FLOW}" in _texts(other, "span", ("class", "md-ellipsis"))
    for path in hostile_site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        _texts(text, "a")  # asserts: no event handler, no live script anywhere
        assert "<i>x</i>" not in text and "<script>alert" not in text, path


def test_the_search_index_holds_the_typed_name_as_html_text(hostile_site: Path) -> None:
    index = json.loads((hostile_site / "search/search_index.json").read_text(encoding="utf-8"))
    titles = [doc["title"] for doc in index["docs"] if doc["location"] == "services/sante-fr/"]
    [title] = titles
    shown = re.sub(r" <span hidden>.*</span>$", "", title)
    assert "<" not in shown.replace("<span", "")
    assert html.unescape(shown) == NAME


def test_the_print_view_shows_the_typed_names(hostile_site: Path) -> None:
    services = (hostile_site / "imprimer/services/index.html").read_text(encoding="utf-8")
    assert f"{NAME}¶" in _texts(services, "h2")  # a page's heading, one level down, with its permanent link
    [contents] = _texts(services, "ol", ("class", "impression-sommaire"))
    assert NAME in contents  # in the part's table of contents
    flows = (hostile_site / "imprimer/flux/index.html").read_text(encoding="utf-8")
    assert f"Flux A — {FLOW}¶" in _texts(flows, "h2")


def test_glossary_hovers_show_the_typed_expansion(hostile_site: Path) -> None:
    page = (hostile_site / "services/mes-dmp/index.html").read_text(encoding="utf-8")
    titles = {html.unescape(t) for t in re.findall(r'<abbr title="([^"]*)">DMP</abbr>', page)}
    assert titles == {EXPANSION}

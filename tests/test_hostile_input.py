"""Bad and hostile models: a precise error for the editor, or text shown as text — never markup, never a path.

The errors of editor_errors.py (syntax, unknown key, wrong value, missing field, duplicates, unknown
references, non-UTF-8) are not repeated here; these add the other ways a model goes wrong, hostile text
through every generator, and what a failed run leaves behind.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import markdown
import pytest
from conftest import CONTENT, edit, line_of, problems_of

from cadre import generate, generators
from cadre.__main__ import main
from cadre.generators import build
from cadre.output.text import Href, link, md
from cadre.publish.build import build_site
from model import HttpsUrl, Index, load_framework

SERVICES = "model/content/services.yaml"
MES = "model/content/views/mes.yaml"
ACTORS = "model/content/actors.yaml"
INTRUDER = "    name: Intrus\n    source: {section: '1.2'}\n  - id: usager\n"
LONG = "x" * 300


@pytest.mark.parametrize(
    ("file", "old", "new", "needle", "message", "fix"),
    [
        (SERVICES, "    name: Santé.fr\n", '    name: "Santé.fr\n', "", "syntaxe YAML invalide", "indentation"),
        (SERVICES, "    name: Santé.fr\n", "\tname: Santé.fr\n", "\tname", "syntaxe YAML invalide", "indentation"),
        (MES, "        number: 1\n", "        number: un\n", "number: un", "« number » doit être un nombre entier", ""),
        (
            SERVICES,
            "    generic: false\n",
            "    generic: peut-être\n",
            "peut-être",
            "« generic » doit être vrai ou faux (true / false), pas « peut-être »",
            "",
        ),
        (
            MES,
            "data_categories: [service]\n",
            "data_categories: service\n",
            "data_categories: service",
            "« data_categories » doit être une liste",
            "",
        ),
        (SERVICES, "    name: Santé.fr\n", "    name: [Santé, fr]\n", "[Santé, fr]", "« name » doit être du texte", ""),
        (
            MES,
            "            flows: [mes-a, mes-b, mes-c]\n",
            "            flows: [mes-a, mes-b, mes-x]\n",
            "mes-x]",
            "flux « mes-x » inconnu",
            "vouliez-vous dire",
        ),
        (
            ACTORS,
            "  - id: usager\n",
            f"  - id: ../../etc/passwd\n{INTRUDER}",
            "etc/passwd",
            "« ../../etc/passwd » n'a pas la forme attendue pour « id »",
            "Identifiant : minuscules sans accent, chiffres et tirets",
        ),
        (ACTORS, "  - id: usager\n", f"  - id: a/b\n{INTRUDER}", "id: a/b", "« a/b » n'a pas la forme attendue", ""),
        (ACTORS, "  - id: usager\n", f"  - id: ..\n{INTRUDER}", "id: ..", "« .. » n'a pas la forme attendue", ""),
        (
            "model/content/recommendations.yaml",
            '  - id: "4.1.1"\n',
            '  - id: "4.1/../1"\n    axis: "4.1"\n    text: Intruse.\n    not_checkable: Essai.\n'
            '    source: {section: "1.2.5"}\n  - id: "4.1.1"\n',
            "4.1/../1",
            "« 4.1/../1 » n'a pas la forme attendue pour « id »",
            "Numéro tel qu'il figure dans le cadre",
        ),
        (
            SERVICES,
            "    name: Santé.fr\n",
            f"    name: {LONG}\n",
            LONG,
            "« name » est trop long (300 caractères)",
            "au plus 200 caractères",
        ),
        (
            MES,
            "        title: Alimentation du DMP par le profil médical de MES\n",
            "        title: 'A {B} \"C\" <D>'\n        title: bis\n",
            "title: bis",
            "la clé « title » apparaît deux fois dans le même bloc",
            "",
        ),
    ],
)
def test_each_bad_input_gets_file_line_and_fix(
    repo_copy: Path, file: str, old: str, new: str, needle: str, message: str, fix: str
) -> None:
    path = repo_copy / file
    edit(path, old, new)
    problems = problems_of(repo_copy)
    assert {p.file for p in problems} == {file}
    [problem] = [p for p in problems if message in p.message]
    assert fix in problem.fix
    if needle:
        assert problem.line == line_of(path, needle)


def test_a_text_longer_than_allowed_is_refused(repo_copy: Path) -> None:
    services = repo_copy / SERVICES
    edit(
        services,
        "    description: >-\n      Le portail de l'information",
        f"    description: {'y' * 6000}\n    notes_: >-\n      Le portail de l'information",
    )
    problems = problems_of(repo_copy)
    assert any(p.message == "« description » est trop long (6000 caractères)" for p in problems)


def test_a_file_that_is_not_a_block_of_fields(repo_copy: Path) -> None:
    (repo_copy / "model/content/liste.yaml").write_text("- a\n- b\n", encoding="utf-8")
    [problem] = problems_of(repo_copy)
    assert (problem.file, problem.line) == ("model/content/liste.yaml", 1)
    assert "doit être un bloc de champs (clé: valeur)" in problem.message


HOSTILE = {
    "script": '<script>alert("x")</script>',
    "link": "[clic](javascript:alert(1))",
    "image": "![pisteur](http://tiers.example/p.png)",
    "html": '<img src=x onerror="alert(1)"> <b>gras</b>',
    "graphviz": 'A "guillemets" {accolades} [crochets] \\l <<table>> | barre',
    "snippet": '--8<-- "/etc/passwd"',
}


@pytest.fixture(scope="module")
def hostile_outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Everything generated from a model whose texts carry markup, links and Graphviz syntax."""
    root = tmp_path_factory.mktemp("hostile")
    shutil.copytree(CONTENT, root / "model" / "content")
    services = root / SERVICES
    text = " ".join(HOSTILE.values())
    edit(
        services,
        "    name: Santé.fr\n",
        f"    name: {json.dumps('Santé.fr ' + HOSTILE['script'] + HOSTILE['graphviz'])}\n",
    )
    edit(services, "    short_name: MPH\n", f"    short_name: {json.dumps(HOSTILE['graphviz'][:60])}\n")
    view = root / MES
    edit(
        view,
        "        title: Alimentation du DMP par le profil médical de MES\n",
        f"        title: {json.dumps(' '.join(HOSTILE[k] for k in ('script', 'link', 'graphviz')))}\n",
    )
    edit(
        view,
        "          Les documents reçus au travers de la MSSanté citoyenne",
        f"          {HOSTILE['snippet']}\n\n          {HOSTILE['html']}\n\n          Les documents reçus au travers"
        " de la MSSanté citoyenne",
    )
    edit(
        view,
        "              - Accéder aux portails d'information ou de services de Mon espace santé\n",
        f"              - {json.dumps(text)}\n",
    )
    edit(
        view,
        "          - {from: portails-services-references, to: mes-agenda, nature: automated, status: existing}\n",
        "          - {from: portails-services-references, to: mes-agenda, nature: automated, status: existing,"
        f" condition: {json.dumps(text)}}}\n",
    )
    recs = root / "model/content/recommendations.yaml"
    edit(
        recs,
        "      statement: Chaque portail institutionnel est totalement conforme au RGAA.\n",
        f"      statement: {json.dumps(text)}\n",
    )
    return build(Index(load_framework(root / "model" / "content", shown_from=root)))


def test_hostile_text_never_becomes_markup_in_pages(hostile_outputs: dict[str, str]) -> None:
    pages = {p: t for p, t in hostile_outputs.items() if p.endswith(".md")}
    assert "Santé.fr &lt;script&gt;" in pages["docs/services/sante-fr.md"]
    for path, page in pages.items():
        lowered = page.lower()
        for tag in ("<script", "<img", "<b>", "<table"):
            assert tag not in lowered, (path, tag)
        assert "](javascript:" not in page and "](http://tiers" not in page, path
        for line in page.splitlines():
            if line.lstrip().startswith("--8<--"):
                assert re.fullmatch(r'--8<-- "diagrams/[a-z0-9/-]+\.svg"', line.strip()), (path, line)
    extensions = ["tables", "abbr", "attr_list", "md_in_html", "admonition", "pymdownx.superfences"]
    shown = {
        "docs/flux/mes-d.md": "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; [clic](javascript:alert(1))",
        "docs/flux/mes-e.md": "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &lt;b&gt;gras&lt;/b&gt;",
        "docs/cas-usage/mes-cu1.md": "![pisteur](http://tiers.example/p.png)",
        "docs/flux/mes-a.md": "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &lt;b&gt;gras&lt;/b&gt;",
        "docs/recommandations/4-1-7.md": (
            "A &quot;guillemets&quot; {accolades} [crochets] \\l &lt;&lt;table&gt;&gt; | barre"
        ),
    }
    for page, literal in shown.items():
        html = markdown.markdown(pages[page], extensions=extensions).replace('"', "&quot;")
        assert "<script" not in html and "<img" not in html and "href=&quot;javascript" not in html, page
        assert literal in html, page
    snippet = markdown.markdown(pages["docs/flux/mes-e.md"]).replace('"', "&quot;")
    assert re.search(r"(&#45;|-)-8&lt;-- &quot;/etc/passwd&quot;", snippet), "a snippet line stays text"


def test_hostile_text_stays_text_in_diagrams(hostile_outputs: dict[str, str]) -> None:
    svgs = {p: t for p, t in hostile_outputs.items() if p.endswith(".svg")}
    seen = False
    for path, svg in svgs.items():
        tree = ET.fromstring(svg)
        for element in tree.iter():
            tag = element.tag.rsplit("}", 1)[-1]
            assert tag not in {"script", "foreignObject", "iframe", "img"}, path
            for name, value in element.attrib.items():
                assert not name.lower().startswith("on"), (path, name)
                if name.endswith("href"):
                    assert not value.startswith(("javascript:", "http:", "https:", "/")), (path, value)
        texts = " ".join("".join(e.itertext()) for e in tree.iter())
        seen = seen or 'A "guillemets" {accolades}' in texts
    assert seen, "the Graphviz syntax of a label must reach the drawing as text"


def test_hostile_text_is_kept_as_data_and_never_names_a_file(hostile_outputs: dict[str, str]) -> None:
    data = json.loads(hostile_outputs["framework.json"])
    assert data["services"][[s["id"] for s in data["services"]].index("sante-fr")]["name"].startswith(
        "Santé.fr <script>"
    )
    for path in hostile_outputs:
        assert re.fullmatch(r"[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*", path), path
        assert ".." not in path.split("/")


def _hashes(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_a_failing_generator_leaves_generated_as_it_was(repo_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = _hashes(repo_copy / "generated")
    edit(repo_copy / SERVICES, "    name: Santé.fr\n", "    name: Santé.fr (renommé)\n")

    def broken(index: Index) -> dict[str, str]:
        raise RuntimeError("générateur en panne")

    original = generators.build_forked
    monkeypatch.setattr(generate, "build_forked", lambda index: original(index, (*generators.GENERATORS, broken)))
    with pytest.raises(RuntimeError):
        main(["--root", str(repo_copy), "generate"])
    assert _hashes(repo_copy / "generated") == before


MINI_SITE = ["build", "docs", "generated", "mkdocs.yml", "site"]
"""What a mini site's folder holds after a build: its sources, the assembled tree, the site."""


def _mini_site(root: Path, link: str) -> None:
    """A site of two pages, and the least of generated/ that the assembly asks for (cadre/site/assemble.py).

    Material, whose inline scripts the Content-Security-Policy knows (cadre/site/csp.py).
    """
    (root / "docs").mkdir(parents=True, exist_ok=True)
    (root / "generated" / "docs").mkdir(parents=True, exist_ok=True)
    (root / "generated" / "schemas").mkdir(parents=True, exist_ok=True)
    (root / "generated" / "framework.json").write_text("{}\n", encoding="utf-8")
    config = "site_name: Essai\nsite_dir: site\ndocs_dir: build/site-src\ntheme:\n  name: material\n  font: false\n"
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    (root / "docs" / "index.md").write_text(f"# Essai\n\nVoir [la page]({link}).\n", encoding="utf-8")
    (root / "docs" / "page.md").write_text("# Page\n", encoding="utf-8")


def test_a_failing_site_build_leaves_site_as_it_was(tmp_path: Path) -> None:
    _mini_site(tmp_path, "absente.md")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<p>site publié la veille</p>", encoding="utf-8")
    (site / "page" / "index.html").parent.mkdir()
    (site / "page" / "index.html").write_text("<p>page</p>", encoding="utf-8")
    before = _hashes(site)
    assert build_site(tmp_path) != 0
    assert _hashes(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == MINI_SITE
    _mini_site(tmp_path, "page.md")
    assert build_site(tmp_path) == 0
    assert "la page" in (site / "index.html").read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == MINI_SITE


GUIDE = "      guide_url: https://github.com/ansforge/IG-fhir-mesures-de-sante\n"


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "http://tiers.example/volet",
        "https://tiers.example/a b",
        'https://tiers.example/a)"onmouseover="alert(1)',
        "https://tiers.example/<script>",
        "https://tiers.example/a'b",
        "https://tiers.example/a\\\\b",
        "//tiers.example/volet",
        "https://",
        "https://tiers.example/" + "a" * 500,
    ],
)
def test_a_url_field_takes_only_a_plain_https_address(repo_copy: Path, url: str) -> None:
    path = repo_copy / "model/content/specifications/mes.yaml"
    edit(path, GUIDE, f"      guide_url: {json.dumps(url)}\n")
    [problem] = problems_of(repo_copy)
    assert (problem.file, problem.line) == ("model/content/specifications/mes.yaml", line_of(path, "guide_url"))
    assert "guide_url" in problem.message
    assert ("https://" in problem.fix and "%20" in problem.fix) or problem.fix == "au plus 500 caractères"


@pytest.mark.parametrize(
    "target",
    ["javascript:alert(1)", "data:text/html,x", "http://tiers.example/", "a b.md", 'a.md"', "a.md)", "//x", "a<b"],
)
def test_a_link_is_built_only_to_a_site_path_or_an_https_address(target: str) -> None:
    with pytest.raises(ValueError, match="cible de lien refusée"):
        link(md("texte"), Href(target))
    assert link(md("Volet [x]"), HttpsUrl("https://example.org/a?b=1#c")) == (
        "[Volet \\[x\\]](https://example.org/a?b=1#c)"
    )

"""The Content-Security-Policy of the built site, and the build's refusal of a page that would need more."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cadre.site import csp, csp_scan, post_build

HEAD = '<!doctype html><html><head><meta charset="utf-8">{head}</head><body>{body}</body></html>'
THEME = (
    '__md_scope=new URL("BASE",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),'
    '__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),'
    '__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}'
)
"""Material's first inline script; ``BASE`` is the page's base URL."""


def _policy_of(html: str) -> dict[str, list[str]]:
    found = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)
    assert found, "pas de CSP"
    return {d.split()[0]: d.split()[1:] for d in found.group(1).split("; ")}


def test_every_built_page_has_a_policy_that_allows_only_the_sites_own_resources(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 180
    for path in pages:
        html = path.read_text(encoding="utf-8")
        head = html[: html.index("</head>")]
        assert head.index("Content-Security-Policy") < head.index("<script"), path
        policy = _policy_of(html)
        assert policy["default-src"] == ["'none'"]
        assert policy["script-src"][0] == "'self'"
        assert all(source.startswith("'sha256-") for source in policy["script-src"][1:]), path
        assert policy["style-src"] == ["'self'"] and policy["object-src"] == ["'none'"]
        assert "'unsafe-inline'" not in html[: html.index("</head>")]
        assert not re.search(r"<[^>]+\sstyle=", html), f"attribut style dans {path}"


@pytest.mark.parametrize("base", [".", "..", "../../..", "/"])
def test_the_themes_scripts_are_allowed_by_their_hash_at_any_depth(base: str) -> None:
    html = HEAD.format(head=f"<script>{THEME.replace('BASE', base)}</script>", body="")
    policy = _policy_of(csp.secure(html, "page.html"))
    assert len(policy["script-src"]) == 2


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ("<script>alert(1)</script>", "script en ligne inconnu"),
        ("<script>" + THEME.replace("BASE", ".") + ";alert(1)</script>", "script en ligne inconnu"),
        ('<img src="x" onerror="alert(1)">', "attribut « onerror » sur <img>"),
        ('<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>', "lien « javascript:alert(1) »"),
        ('<a href=" JaVaScRiPt:alert(1)">x</a>', "lien"),
        ('<a href="data:text/html,x">x</a>', "lien « data:text/html,x »"),
        ('<p style="color: red">x</p>', "attribut « style » sur <p>"),
        ("<style>p { color: red }</style>", "élément <style>"),
        ('<iframe src="https://tiers.example/"></iframe>', "élément <iframe>"),
        ('<base href="https://tiers.example/">', "élément <base>"),
    ],
)
def test_a_page_that_would_need_more_fails_the_build(body: str, reason: str) -> None:
    with pytest.raises(csp.UnsafePageError) as caught:
        csp.secure(HEAD.format(head="", body=body), "services/x/index.html")
    assert "services/x/index.html" in str(caught.value)
    assert reason in str(caught.value)


def test_text_that_looks_like_markup_is_not_taken_for_it() -> None:
    body = "<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;img onerror=x&gt; javascript:alert(1)</p>"
    assert "Content-Security-Policy" in csp.secure(HEAD.format(head="", body=body), "page.html")
    data = '<script id="__config" type="application/json">{"a": "<b onclick=x>"}</script>'
    assert "Content-Security-Policy" in csp.secure(HEAD.format(head=data, body=""), "page.html")


def test_a_failing_page_leaves_every_page_as_it_was(tmp_path: Path) -> None:
    site = tmp_path / "site"
    good = site / "a" / "index.html"
    bad = site / "b" / "index.html"
    good.parent.mkdir(parents=True)
    bad.parent.mkdir()
    good.write_text(HEAD.format(head="", body="ok"), encoding="utf-8")
    bad.write_text(HEAD.format(head="", body="<script>alert(1)</script>"), encoding="utf-8")
    with pytest.raises(csp.UnsafePageError, match=r"b/index\.html"):
        post_build.finish(site, tmp_path / "source", tmp_path / "generated")
    assert "Content-Security-Policy" not in good.read_text(encoding="utf-8")
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*")) == ["a", "a/index.html", "b", "b/index.html"]


def _full_reading(html: str) -> tuple[list[str], list[str]]:
    reader = csp._Reader()
    reader.feed(html)
    reader.close()
    return reader.scripts, reader.problems


def test_the_quick_reading_agrees_with_the_parser_on_every_built_page(sites: dict[str, Path]) -> None:
    for site in sites.values():
        for path in sorted(site.rglob("*.html")):
            html = path.read_text(encoding="utf-8")
            scripts = csp_scan.inline_scripts(html)
            assert scripts is not None, f"{path} n'est pas lue par csp_scan : la construction ralentit"
            assert (scripts, []) == _full_reading(html), path


_NAMES = ["a", "img", "script", "SCRIPT", "style", "Style", "iframe", "frameset", "frame", "base", "svg", "p", "object"]
_ATTRIBUTES = ["href", "HREF", "src", "xlink:href", "action", "formaction", "data-href", "onclick", "ONload", "on"]
_ATTRIBUTES += ["one", "style", "STYLE", "type", "title", "id"]
_VALUES = ["", "x", "../x/", "vues/x/", "#a", "https://x.org/", "javascript:x", " JaVa\tScRiPt:x", "&#106;avascript:x"]
_VALUES += ["data:x", "vbscript:x", "a>b", "<b onclick=x>", "onclick=y", "module", "text/javascript"]
_VALUES += ["application/json"]
_PIECES = ["texte", " on ", "<", "<<", "e<<5", "&lt;a onclick=x&gt;", "<!-- c -->", "<!-- <a onclick=x> -->", "<!--->"]
_PIECES += ["<!-- a -- b -->", "<!doctype html>", "<!DOCTYPE x>", "<?x?>", "</a>", "</ a>", "</>", "</script>"]
_PIECES += ["</ script >", "<![CDATA[<a onclick=x>]]>", "<a", "<script>", THEME.replace("BASE", ".")]
_PIECES += ['<a href="x"onclick="y">', "<a/onclick=x>"]


_SCRIPTS = [f"<script>{THEME.replace('BASE', '../..')}</script>", '<script src="x.js"></script>']
_SCRIPTS += ["<script>x()</script>"]
_SCRIPTS += ['<script type="application/json">{"a": "<\\/b>"}</script>', f"<script type=module>{THEME}</script>"]
_PLAIN = ["texte", " on ", "e <<5", "&lt;a onclick=x&gt;", "<!-- c -->", "</a>", "</p >", "<!doctype html>", *_SCRIPTS]


@st.composite
def _tag(draw: st.DrawFn, plain: bool = False) -> str:
    """A start tag: any spacing and quoting, or (``plain``) only well-formed ones, with any names and values."""
    attributes = ""
    for _ in range(draw(st.integers(0, 3))):
        name, value = draw(st.sampled_from(_ATTRIBUTES)), draw(st.sampled_from(_VALUES))
        quote = draw(st.sampled_from(['"', "'", "", None]))
        space = draw(st.sampled_from([" ", "\t", "\n"] if plain else [" ", "\t", "\n", "", "  "]))
        if plain and quote == "" and not re.fullmatch(r"[^\s\"'=<>`]+", value):
            quote = '"'
        attributes += f"{space}{name}" if quote is None else f"{space}{name}={quote}{value}{quote}"
    end = draw(st.sampled_from([">", "/>", " >"] if plain else [">", "/>", " >", ""]))
    return f"<{draw(st.sampled_from(_NAMES))}{attributes}{end}"


def _agree(html: str) -> bool:
    """Whether the quick reading answered for ``html``; asserts that it then says what the parser says."""
    scripts = csp_scan.inline_scripts(html)
    if scripts is not None:
        assert (scripts, []) == _full_reading(html)
    return scripts is not None


@settings(max_examples=2000, deadline=None, derandomize=True, database=None)
@given(st.lists(st.one_of(_tag(), st.sampled_from(_PIECES)), max_size=12))
def test_the_quick_reading_answers_only_for_a_page_the_parser_reads_the_same(pieces: list[str]) -> None:
    _agree("".join(pieces))


@settings(max_examples=2000, deadline=None, derandomize=True, database=None)
@given(st.lists(st.one_of(_tag(plain=True), st.sampled_from(_PLAIN)), max_size=12))
def test_the_quick_reading_of_well_formed_pages_with_anything_in_their_attributes(pieces: list[str]) -> None:
    _agree("".join(pieces))

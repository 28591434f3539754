"""The Content-Security-Policy of the built site, and the build's refusal of a page that would need more."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cadre.site import csp, post_build

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

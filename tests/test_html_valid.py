"""html-validate on every page of the built site: our content writes no invalid HTML.

The rules are ``html-validate:recommended`` (tests/js/.htmlvalidate.json; JSON holds no comments,
so the reasons are here). Switched off, as matters of taste rather than validity:

- ``no-trailing-whitespace``: blanks at the end of a line are invisible and valid; Material's
  templates and Python-Markdown leave hundreds of thousands;
- ``attr-quotes``, ``void-style``, ``doctype-style``: single or double quotes, ``<hr>`` or
  ``<hr />``, ``<!doctype html>`` in any case are all valid HTML (Python-Markdown writes ``<hr />``,
  Material a lowercase doctype);
- ``long-title``: a search-engine advice on the length of ``<title>``, not a rule of HTML;
- ``valid-id`` is kept in its relaxed form, the HTML rule (not empty, no blank): Material's
  ``__drawer`` and our diagrams' ``mes-flux--node-x`` are valid ids that the strict form refuses.

Everything else stays, accessibility rules and ``no-inline-style`` included (the CSP of
cadre/site/csp.py refuses inline styles anyway). An error is ours unless it matches an entry of
THEME_ERRORS: the theme's markup (Material), not ours to fix.
Each entry must still occur, so that the table stays true when the theme changes.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from cadre.generate import ROOT

JS = ROOT / "tests/js"


@dataclass(frozen=True)
class ThemeError:
    """Errors of ``rule`` on a tag matching ``tag`` come from ``origin``, for ``reason``."""

    rule: str
    tag: str
    origin: str
    reason: str

    def matches(self, error: dict[str, Any]) -> bool:
        return error["rule"] == self.rule and re.match(self.tag, error["tag"]) is not None


THEME_ERRORS = (
    ThemeError(
        "valid-autocomplete",
        r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox"',
        "Material, base.html",
        "the drawer and search toggles are checkboxes with autocomplete=off, allowed on text fields only",
    ),
    ThemeError(
        "wcag/h32",
        r'<form class="(md-search__form|md-header__option)"',
        "Material, partials/search.html and partials/palette.html",
        "the search and colour-scheme forms act through scripts and have no submit button",
    ),
    ThemeError(
        "attribute-allowed-values",
        r'<label class="md-nav__link[^"]*" for="__nav_\w+" id="__nav_\w+_label" tabindex="">',
        "Material, partials/nav-item.html",
        'writes tabindex="{{ tabindex }}", empty for the labels of closed sections',
    ),
    ThemeError(
        "unique-landmark",
        r'<nav class="md-nav[ "]',
        "Material, partials/nav.html, nav-item.html, toc.html and toc-item.html",
        "one <nav> per section and per heading, and the table of contents drawn in both sidebars",
    ),
)


@pytest.fixture(scope="module")
def errors(site: Path) -> list[dict[str, Any]]:
    """Every error html-validate finds in the site's pages (tests/js/validate-html.mjs)."""
    node = shutil.which("node")
    assert node, "Node.js est requis (make test l'installe)"
    assert (JS / "node_modules/html-validate").is_dir(), "lancez « make test » (npm ci dans tests/js)"
    run = subprocess.run([node, str(JS / "validate-html.mjs"), str(site)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    found: list[dict[str, Any]] = json.loads(run.stdout)
    return found


def _shown(error: dict[str, Any]) -> str:
    where = f"{error['file']}:{error['line']}:{error['column']}"
    return f"{where}: {error['rule']} : {error['message']}\n    {error['selector']}\n    {error['tag']}"


def test_the_html_of_our_content_is_valid(errors: list[dict[str, Any]]) -> None:
    ours = [e for e in errors if not any(theme.matches(e) for theme in THEME_ERRORS)]
    assert not ours, f"{len(ours)} erreur(s) HTML :\n" + "\n".join(_shown(e) for e in ours)


def test_every_error_listed_as_the_themes_still_occurs(errors: list[dict[str, Any]]) -> None:
    gone = [theme for theme in THEME_ERRORS if not any(theme.matches(e) for e in errors)]
    assert not gone, "à retirer de THEME_ERRORS, ces erreurs n'arrivent plus : " + ", ".join(
        f"{t.rule} ({t.origin})" for t in gone
    )


def test_the_validator_reads_every_page_and_reports_a_stray_end_tag(tmp_path: Path) -> None:
    """A page missing from the run, or a validator that reports nothing, would pass unseen."""
    node = shutil.which("node")
    assert node, "Node.js est requis (make test l'installe)"
    for name in ("index.html", "a/b/index.html"):
        page = tmp_path / name
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text("<!DOCTYPE html><html lang=fr><title>t</title><p><div></div></p>", encoding="utf-8")
    run = subprocess.run([node, str(JS / "validate-html.mjs"), str(tmp_path)], capture_output=True, text=True)
    files = {e["file"] for e in json.loads(run.stdout) if e["rule"] == "close-order"}
    assert files == {"index.html", "a/b/index.html"}

"""The site's Content-Security-Policy, and the check that no page holds what it would have to allow.

Each built page gets a ``<meta http-equiv="Content-Security-Policy">`` as the first element of its
``<head>`` after the charset: only the site's own scripts, styles, images, fonts and data; no inline
style; inline scripts only those the theme needs, each allowed by its SHA-256 hash, never by
``'unsafe-inline'``. So even an event handler or a script that reached a page would not run.

Before allowing anything, every page is read as HTML and refused (:class:`UnsafePageError`, the build
fails) when it holds what only a flaw could have put there: an inline script that is not one of the
theme's (:data:`THEME_SCRIPTS`), a ``<style>`` element, a ``style`` or ``on…`` attribute, an ``<iframe>``
``<object>`` or ``<embed>``, or a link to a ``javascript:`` or ``data:`` URL. The theme's scripts are
known by their text with the page's base URL left out (it differs from one folder depth to another):
when an update of the theme changes one of them, the build says which, and the new hash is reviewed
and recorded here. A page that regular expressions prove plain is not given to the parser
(:mod:`cadre.site.csp_scan`): the parser reads only the others, and says what is wrong.

It works on the built HTML files, whichever generator built them (:func:`secure`, run on every page by
:func:`cadre.site.post_build.finish`); ``mkdocs serve`` does without (its live reload injects an inline
script of its own into every page).
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from cadre.site import csp_scan

THEME_SCRIPTS = {
    "9e2703283f0df807387b5b1d4db3fd62df6ca101c78ef8cd4b96451e9587f552": "Material: __md_scope, __md_get, __md_set",
    "0eb10c249dbdb0beef225a10ce5cbe55418cc4a7014cc208f8e7d6ed8f00906e": "Material: the palette the reader chose",
    "ffcc0f7735fdab434d257c80e65cec2e88d716991e69757185b7e450e41a5b2f": "Material: the content tab of the URL's anchor",
    "f546b6fe39252e1e3e3245520ba488c461a232310583673047baebadca405a7f": (
        "Zensical: __md_scope (with a trailing slash), __md_get, __md_set, data-platform"
    ),
}
"""SHA-256 (hex) of each inline script the theme or a plugin writes, its base URL replaced by ``BASE``."""

_BASE = re.compile(r'new URL\("[^"\\]*",location\)')
_FORBIDDEN_TAGS = {"iframe", "object", "embed", "frame", "frameset", "base", "style"}
_CHARSET = '<meta charset="utf-8">'

POLICY = (
    "default-src 'none'",
    "script-src 'self' {hashes}",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "base-uri 'self'",
    "form-action 'none'",
    "object-src 'none'",
)
"""The directives; ``data:`` images are the theme's icons in its stylesheet."""


class UnsafePageError(Exception):
    """A built page holds what the policy would refuse, or would have to allow."""


@dataclass
class _Reader(HTMLParser):
    """The inline scripts of a page, and what in it no page of ours may hold."""

    scripts: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    _script: list[str] | None = None

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=False)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = {name: value or "" for name, value in attrs}
        for name, value in names.items():
            if name.startswith("on"):
                self.problems.append(f"attribut « {name} » sur <{tag}>")
            elif name == "style":
                self.problems.append(f"attribut « style » sur <{tag}>")
            elif name in {"href", "src", "xlink:href", "action", "formaction"} and _scripted(value):
                self.problems.append(f"lien « {value[:40]} » sur <{tag}>")
        if tag in _FORBIDDEN_TAGS:
            self.problems.append(f"élément <{tag}>")
        if tag == "script" and "src" not in names and names.get("type", "").lower() in csp_scan.EXECUTABLE:
            self._script = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.scripts.append("".join(self._script))
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)


def _scripted(url: str) -> bool:
    """Whether a URL runs or embeds content instead of pointing to a resource."""
    scheme = re.sub(r"[\x00-\x20]", "", url).lower()
    return scheme.startswith(("javascript:", "data:", "vbscript:"))


def theme_key(script: str) -> str:
    """The key of an inline script in :data:`THEME_SCRIPTS`."""
    return hashlib.sha256(_BASE.sub('new URL("BASE",location)', script).encode("utf-8")).hexdigest()


def policy(html: str, shown: str) -> str:
    """The policy of the page ``html`` (named ``shown`` in errors).

    Raises:
        UnsafePageError: the page holds an unknown inline script, inline style, event handler or the like.

    """
    scripts = csp_scan.inline_scripts(html)  # a plain page: nothing to refuse but an unknown script
    problems: list[str] = []
    if scripts is None:
        reader = _Reader()
        reader.feed(html)
        reader.close()
        scripts, problems = reader.scripts, list(reader.problems)
    hashes = []
    for script in scripts:
        if theme_key(script) not in THEME_SCRIPTS:
            problems.append(f"script en ligne inconnu « {' '.join(script.split())[:60]}… » (clé {theme_key(script)})")
            continue
        digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
        hashes.append(f"'sha256-{digest}'")
    if problems:
        raise UnsafePageError(
            f"{shown} : la page contient ce que la politique de sécurité du contenu (CSP) refuse : "
            + " ; ".join(sorted(set(problems)))
            + ". Si cela vient du modèle, c'est une faille de l'échappement (cadre/output/text.py) : signalez-la ;"
            " si c'est un script du thème mis à jour, vérifiez-le puis ajoutez sa clé"
            " à cadre/site/csp.py (THEME_SCRIPTS)."
        )
    return "; ".join(POLICY).format(hashes=" ".join(sorted(set(hashes))))


def secure(html: str, shown: str) -> str:
    """``html`` with its Content-Security-Policy, right after its charset declaration."""
    if _CHARSET not in html:
        raise UnsafePageError(f"{shown} : pas de « {_CHARSET} » où placer la politique de sécurité du contenu")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html, shown)}">'
    return html.replace(_CHARSET, f"{_CHARSET}\n    {meta}", 1)

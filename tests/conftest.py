"""Shared fixtures: the real model loaded once, its generated outputs, and throw-away copies of it."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from cadre.bench.synthetic import make_repository
from cadre.generate import ROOT
from cadre.generators import build
from cadre.publish.build import build_site
from model import Framework, Index, ModelError, Problem, load_framework

CONTENT = ROOT / "model" / "content"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens", action="store_true", default=False, help="rewrite tests/golden/* from the code"
    )


@pytest.fixture(scope="session")
def framework() -> Framework:
    return load_framework(CONTENT, shown_from=ROOT)


@pytest.fixture(scope="session")
def index(framework: Framework) -> Index:
    return Index(framework)


@pytest.fixture(scope="session")
def outputs(index: Index) -> dict[str, str]:
    return build(index)


@pytest.fixture(scope="session")
def tenfold(tmp_path_factory: pytest.TempPathFactory) -> Index:
    """The benchmark's model ten times the real one (:mod:`cadre.bench.synthetic`), loaded: the size the
    performance goals are set for, where the map is drawn by system category."""
    root = tmp_path_factory.mktemp("dix-fois") / "depot"
    make_repository(ROOT, root, 10)
    return Index(load_framework(root / "model" / "content", shown_from=root))


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built once as ``make site`` builds it (assembly, ``mkdocs build --strict``, post-build)."""
    target = tmp_path_factory.mktemp("site") / "site"
    assert build_site(ROOT, target) == 0
    return target


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built by Zensical as ``make site-zensical`` builds it."""
    target = tmp_path_factory.mktemp("zensical") / "site"
    assert build_site(ROOT, target, "zensical") == 0
    return target


@pytest.fixture(scope="session")
def sites(site: Path, zensical_site: Path) -> dict[str, Path]:
    """Both sites, by generator."""
    return {"mkdocs": site, "zensical": zensical_site}


@pytest.fixture
def repo_copy(tmp_path: Path) -> Path:
    """A copy of the model (its released schemas included) and of generated/, laid out like the repository."""
    shutil.copytree(CONTENT, tmp_path / "model" / "content")
    if (ROOT / "model" / "releases").is_dir():
        shutil.copytree(ROOT / "model" / "releases", tmp_path / "model" / "releases")
    shutil.copytree(ROOT / "generated", tmp_path / "generated")
    return tmp_path


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium driven by Playwright, one for the whole session (Playwright's sync API runs once)."""
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    assert executable, "Chromium est introuvable : « make test » l'installe (paquet Debian « chromium »)."
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        yield launched
        launched.close()


def problems_of(root: Path) -> list[Problem]:
    """Every problem reported when loading the model under ``root``; fails if it loads."""
    with pytest.raises(ModelError) as caught:
        load_framework(root / "model" / "content", shown_from=root)
    return caught.value.problems


def edit(path: Path, old: str, new: str) -> None:
    """Replace the one occurrence of ``old`` in ``path``."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} must occur once in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    """1-based number of the line of ``path`` that contains ``needle``."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def git(repo: Path, *arguments: str) -> None:
    """Run git in ``repo`` as a test author."""
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=t@example.org", *arguments],
        cwd=repo,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def git_repo(repo_copy: Path) -> Path:
    """A git repository holding a copy of the model and of generated/, committed once."""
    git(repo_copy, "init", "-q")
    git(repo_copy, "add", ".")
    git(repo_copy, "commit", "-qm", "état initial")
    return repo_copy

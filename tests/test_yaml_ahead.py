"""The model's YAML files parsed on two cores: the same parses, the child's kept in the cache, errors told as usual."""

from __future__ import annotations

from pathlib import Path

import pytest

from cadre.__main__ import main
from cadre.output import cache, yaml_ahead
from model import _yaml, content_files


def test_half_is_parsed_by_a_child_into_the_cache_and_the_reader_gives_what_read_yaml_gives(
    repo_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = content_files(repo_copy / "model" / "content")
    here: list[Path] = []
    read_yaml = _yaml.read_yaml

    def watched(path: Path, shown: str) -> object:
        here.append(path)
        return read_yaml(path, shown)

    monkeypatch.setattr(_yaml, "read_yaml", watched)
    with cache.use(repo_copy / cache.DIRECTORY):
        reader = yaml_ahead.parse_ahead(files, shown_from=repo_copy)
        assert 0 < len(here) < len(files)  # the others were parsed by the child
        store = cache.active("yaml")
        assert store is not None and all(store.holds(cache.yaml_key(path)) for path in files)
        for path in files:
            shown = path.relative_to(repo_copy).as_posix()
            assert reader(path, shown) == read_yaml(path, shown)
    assert len(here) < len(files)  # what the child parsed came from the cache


def test_nothing_is_parsed_ahead_when_the_cache_holds_almost_everything(repo_copy: Path) -> None:
    files = content_files(repo_copy / "model" / "content")
    with cache.use(repo_copy / cache.DIRECTORY):
        assert yaml_ahead.parse_ahead(files, shown_from=repo_copy) is not cache.read_yaml
        files[0].write_text(files[0].read_text("utf-8") + "\n", "utf-8")  # one file changed: the loader parses it
        assert yaml_ahead.parse_ahead(files, shown_from=repo_copy) is cache.read_yaml


def test_a_file_that_cannot_be_parsed_is_told_by_its_name(repo_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    services = repo_copy / "model" / "content" / "services.yaml"
    services.write_text(services.read_text("utf-8") + "\n  - id: [\n", "utf-8")
    assert main(["--root", str(repo_copy), "generate"]) == 1
    assert "model/content/services.yaml" in capsys.readouterr().err

"""Incremental regeneration: after an edit, only what depends on it is redone, and the result is the
same as a regeneration from scratch; a damaged cache entry is never used."""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path
from types import ModuleType

import pytest
from conftest import edit

from cadre.__main__ import main
from cadre.drawing import adapter, dot_source, rendering, spec, svg
from cadre.generate import outputs_of
from cadre.generators import build, diagram_sets, forked
from cadre.output import cache, writer
from model import Index, _yaml, load_framework

TITLE = "        title: Alimentation de l'agenda"
FLOW_TEXT = "          avec échange de données alimentent l'agenda de Mon espace santé. Les données partagées\n"


def _from_scratch(root: Path) -> dict[str, str]:
    """What a full regeneration writes, without any cache."""
    return build(Index(load_framework(root / "model" / "content", shown_from=root)))


def _written(root: Path) -> dict[str, str]:
    generated = root / "generated"
    return {p.relative_to(generated).as_posix(): p.read_text("utf-8") for p in generated.rglob("*") if p.is_file()}


def _specs(root: Path) -> dict[str, str]:
    index = Index(load_framework(root / "model" / "content", shown_from=root))
    return {d.spec.id: repr(d.spec) for f in diagram_sets.FAMILIES for d in diagram_sets.drawings(index, f)}


def _entries(root: Path, namespace: str) -> list[Path]:
    return sorted((root / cache.DIRECTORY / namespace).glob("*/*"))


def test_after_an_edit_only_what_depends_on_it_is_redone_and_the_result_is_a_full_regeneration(
    repo_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["--root", str(repo_copy), "generate"]) == 0
    before = _specs(repo_copy)
    edit(repo_copy / "model/content/views/mes.yaml", FLOW_TEXT, FLOW_TEXT.replace("avec échange", "avec « échange »"))
    edit(repo_copy / "model/content/views/mes.yaml", TITLE, TITLE.replace("Alimentation", "Remplissage"))
    after = _specs(repo_copy)
    changed = {ident for ident, spec in after.items() if before.get(ident) != spec}
    assert "mes-flux" in changed and "carte" in changed
    assert "pa-flux" not in changed

    drawn: list[str] = []
    parsed: list[str] = []
    to_dot, read_yaml = adapter.to_dot, _yaml.read_yaml

    def drawing(spec: spec.DiagramSpec) -> str:
        drawn.append(spec.id)
        return to_dot(spec)

    def reading(path: Path, shown: str) -> object:
        parsed.append(shown)
        return read_yaml(path, shown)

    monkeypatch.setattr(adapter, "to_dot", drawing)
    monkeypatch.setattr(_yaml, "read_yaml", reading)
    monkeypatch.setattr(forked, "CHILDREN", ())  # every generator in this process, where it is watched
    assert main(["--root", str(repo_copy), "generate"]) == 0

    assert sorted(drawn) == sorted(changed)
    assert parsed == ["model/content/views/mes.yaml"]
    assert _written(repo_copy) == _from_scratch(repo_copy)
    page = (repo_copy / "generated/docs/flux/mes-a.md").read_text("utf-8")
    assert "Remplissage de l" in page and "avec « échange »" in page


def test_a_model_error_after_an_edit_leaves_the_output_and_is_reported(
    repo_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--root", str(repo_copy), "generate"]) == 0
    before = _written(repo_copy)
    receiver = "        receivers: [mes-agenda]\n"
    edit(repo_copy / "model/content/views/mes.yaml", receiver, receiver.replace("agenda", "agendaa"))
    assert main(["--root", str(repo_copy), "generate"]) == 1
    err = capsys.readouterr().err
    assert "model/content/views/mes.yaml" in err and "mes-agendaa" in err
    assert _written(repo_copy) == before


@pytest.mark.parametrize("module", [adapter, dot_source, spec, svg], ids=["adapter", "dot_source", "spec", "svg"])
def test_a_cache_key_changes_with_what_the_result_depends_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, module: ModuleType
) -> None:
    drawn = spec.DiagramSpec(id="d", title="Titre", description="Texte", nodes=(), edges=())
    assert rendering.key(drawn) == rendering.key(dataclasses.replace(drawn))
    assert rendering.key(drawn) != rendering.key(dataclasses.replace(drawn, title="Titre modifié"))
    node = spec.DNode(id="a", label="A")
    assert rendering.key(dataclasses.replace(drawn, nodes=(node,))) != rendering.key(
        dataclasses.replace(drawn, nodes=(dataclasses.replace(node, label="B"),))
    )
    assert cache.digest("ab", "c") != cache.digest("a", "bc")
    # The drawing code is part of the key: changing any of its modules draws every diagram again.
    changed = tmp_path / "changed.py"
    changed.write_bytes(Path(str(module.__file__)).read_bytes() + b"\n# changed\n")
    assert rendering.fingerprint.__wrapped__() == rendering.fingerprint()
    monkeypatch.setattr(module, "__file__", str(changed))
    assert rendering.fingerprint.__wrapped__() != rendering.fingerprint()


def test_a_damaged_or_misplaced_cache_entry_is_not_used(repo_copy: Path, outputs: dict[str, str]) -> None:
    assert main(["--root", str(repo_copy), "generate"]) == 0
    svgs, yamls = _entries(repo_copy, "svg"), _entries(repo_copy, "yaml")
    assert len(svgs) > 40 and len(yamls) > 10
    damaged: dict[Path, bytes] = {}
    for entries in (svgs, yamls):
        truncated, altered, misplaced = entries[:3]
        truncated.write_bytes(truncated.read_bytes()[:-100])
        altered.write_bytes(altered.read_bytes()[:-20] + b"<script>x</script>\n")
        misplaced.write_bytes(entries[5].read_bytes())  # a sound entry, but of another input
        damaged |= {victim: victim.read_bytes() for victim in (truncated, altered, misplaced)}
    # A sound YAML entry whose payload is not a parse (a bug, an older format): parsed again.
    foreign, payload = yamls[4], b"not a pickle"
    header = f"cadre-cache 1\n{foreign.name}\n{hashlib.sha256(payload).hexdigest()}\n"
    foreign.write_bytes(header.encode() + payload)
    damaged[foreign] = foreign.read_bytes()

    assert outputs_of(repo_copy) == outputs
    for victim, data in damaged.items():
        assert victim.read_bytes() != data, victim  # replaced by a sound entry
    assert cache.Cache(repo_copy / cache.DIRECTORY, "svg").get("0" * 64) is None


def test_a_full_run_keeps_only_the_entries_it_uses(repo_copy: Path) -> None:
    assert main(["--root", str(repo_copy), "generate"]) == 0
    used = _entries(repo_copy, "svg")
    old = cache.Cache(repo_copy / cache.DIRECTORY, "svg")
    old.put("f" * 64, b"<svg/>")
    edit(repo_copy / "model/content/views/mes.yaml", TITLE, TITLE.replace("Alimentation", "Remplissage"))
    assert main(["--root", str(repo_copy), "generate"]) == 0
    now = _entries(repo_copy, "svg")
    assert not (repo_copy / cache.DIRECTORY / "svg" / "ff" / ("f" * 64)).exists()
    assert len(now) == len(used)  # each changed diagram replaced its entry
    assert set(now) != set(used)


def test_without_a_cache_in_use_the_generators_touch_no_cache(tmp_path: Path, outputs: dict[str, str]) -> None:
    assert cache.active("svg") is None
    with cache.use(tmp_path):
        assert cache.active("svg") is not None
    assert cache.active("svg") is None
    assert not any(tmp_path.iterdir())
    assert writer.compare(outputs, tmp_path / "nothing").added == sorted(outputs)

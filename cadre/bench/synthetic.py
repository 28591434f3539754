"""Synthetic models for the benchmark: the real model grown tenfold or a hundredfold, with the same shape.

A model ``factor`` times the size of the real one is the real content plus ``factor - 1`` copies of its
services and views (with their groups, scenarios, use cases and flows) and of the flows' specifications.
Every identifier of a copy gets the suffix ``-c<k>`` and every reference inside the copy is rewritten the
same way, so the copies validate and draw like the originals; actors, axes, documents, the glossary and
the catalogue stay single, as in a framework that grows by its services and views.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

SITE_FILES = ("mkdocs.yml", "docs", "overrides")
"""What a temporary repository needs besides the model to build the site."""


def make_repository(source: Path, target: Path, factor: int) -> dict[str, int]:
    """Lay out under ``target`` a repository whose model is ``factor`` times the one under ``source``.

    The site files are copied and ``cadre/`` (for the MkDocs hooks) is linked, so ``target`` can be
    generated and built like ``source``; nothing under ``source`` is written. Returns the model's counts.
    """
    content = source / "model" / "content"
    shutil.copytree(content, target / "model" / "content")
    for name in SITE_FILES:
        if (source / name).is_dir():
            shutil.copytree(source / name, target / name)
        else:
            shutil.copy2(source / name, target / name)
    (target / "cadre").symlink_to(source / "cadre", target_is_directory=True)
    yaml = YAML(typ="safe", pure=True)
    yaml.width = 100
    services = yaml.load(content / "services.yaml")["services"]
    views = [yaml.load(p)["views"] for p in sorted((content / "views").glob("*.yaml"))]
    specs = [s for p in sorted((content / "specifications").glob("*.yaml")) for s in yaml.load(p)["flow_specs"]]
    service_ids = {s["id"] for s in services}
    for k in range(2, factor + 1):
        rename = _renamer(f"-c{k}", service_ids)
        folder = target / "model" / "content" / "copies" / f"c{k}"
        folder.mkdir(parents=True)
        with (folder / "services.yaml").open("w", encoding="utf-8") as stream:
            yaml.dump({"services": [_service(s, rename, k) for s in services]}, stream)
        with (folder / "views.yaml").open("w", encoding="utf-8") as stream:
            yaml.dump({"views": [_view(v, rename, k) for part in views for v in part]}, stream)
        with (folder / "specifications.yaml").open("w", encoding="utf-8") as stream:
            yaml.dump({"flow_specs": [_spec(spec, rename) for spec in specs]}, stream)
    flows = sum(len(v.get("flows", [])) for part in views for v in part)
    use_cases = sum(len(s.get("use_cases", [])) for part in views for v in part for s in v.get("scenarios", []))
    return {
        "services": len(services) * factor,
        "vues": sum(len(part) for part in views) * factor,
        "flux": flows * factor,
        "cas d'usage": use_cases * factor,
    }


def _renamer(suffix: str, service_ids: set[str]) -> Callable[[str], str]:
    """Rename a copied identifier; an actor (not copied) keeps its own."""

    def rename(ident: str, *, always: bool = False) -> str:
        return ident + suffix if always or ident in service_ids else ident

    return rename


def _service(service: dict[str, Any], rename: Callable[..., str], k: int) -> dict[str, Any]:
    copy = dict(service, id=rename(service["id"]), name=f"{service['name']} ({k})")
    if service.get("part_of"):
        copy["part_of"] = rename(service["part_of"])
    return copy


def _spec(spec: dict[str, Any], rename: Callable[..., str]) -> dict[str, Any]:
    actors = [dict(a, participant=rename(a["participant"])) for a in spec.get("actors", [])]
    return dict(spec, flow=rename(spec["flow"], always=True), actors=actors)


def _view(view: dict[str, Any], rename: Callable[..., str], k: int) -> dict[str, Any]:
    own = rename  # flows, scenarios and use cases of the copy carry the suffix too

    def ident(value: str) -> str:
        return own(value, always=True)

    return dict(
        view,
        id=ident(view["id"]),
        title=f"{view['title']} ({k})",
        groups=[dict(g, id=ident(g["id"]), members=[rename(m) for m in g["members"]]) for g in view.get("groups", [])],
        flows=[
            dict(
                f,
                id=ident(f["id"]),
                emitters=[rename(e) for e in f["emitters"]],
                receivers=[rename(r) for r in f["receivers"]],
                legs=[dict(leg, **{"from": rename(leg["from"]), "to": rename(leg["to"])}) for leg in f["legs"]],
            )
            for f in view.get("flows", [])
        ],
        scenarios=[
            dict(
                s,
                id=ident(s["id"]),
                use_cases=[
                    dict(
                        uc,
                        id=ident(uc["id"]),
                        actors=[rename(a) for a in uc["actors"]],
                        services=[rename(i) for i in uc.get("services", [])],
                        flows=[ident(i) for i in uc.get("flows", [])],
                        steps=[{"from": rename(t["from"]), "to": rename(t["to"])} for t in uc.get("steps", [])],
                    )
                    for uc in s.get("use_cases", [])
                ],
            )
            for s in view.get("scenarios", [])
        ],
    )

"""Data attributes on the groups of a drawn SVG, so that a page's script can tell what each one draws.

The explorer's map (:mod:`cadre.generators.explorer_page`) carries, on each box, ``data-services`` and, on
each arrow's halves and badge, ``data-flux``: the services and the flows it stands for, separated by spaces
(one each on the map of every service; a category's services and a pair's flows on the map drawn by
category). The script of the page dims what its filters leave out. The SVG is read and written again by
ElementTree, which escapes every value it writes; an attribute's name is checked here, so nothing else
than ``data-…`` is added.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping

from cadre.drawing.spec import SVG_NS

_NAME = re.compile(r"data-[a-z][a-z0-9-]*")


def with_data(svg: str, attributes: Mapping[str, Mapping[str, str]]) -> str:
    """``svg`` with, on each group whose ``id`` is a key of ``attributes``, those ``data-…`` attributes.

    Raises:
        ValueError: an attribute's name is not ``data-`` followed by lowercase letters, digits and dashes.

    """
    wrong = sorted({name for values in attributes.values() for name in values if not _NAME.fullmatch(name)})
    if wrong:
        raise ValueError(f"attributs refusés sur un schéma : {', '.join(wrong)}")
    root = ET.fromstring(svg)
    for group in root.iter(f"{{{SVG_NS}}}g"):
        for name, value in attributes.get(group.get("id", ""), {}).items():
            group.set(name, value)
    return ET.tostring(root, encoding="unicode") + "\n"

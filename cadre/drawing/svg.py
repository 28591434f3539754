"""The SVG of a diagram as published: Graphviz's drawing cleaned up, titled, described, with its legend.

What Graphviz adds that varies or leaks (version comment, doctype, generic ids and titles) is stripped;
the title and description are the spec's, as accessible text; the legend is drawn below the diagram.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from cadre.drawing.spec import (
    BORDER,
    FONT,
    HIGHLIGHT,
    INK,
    LINE,
    SVG_NS,
    XLINK_NS,
    DiagramSpec,
    LegendItem,
    Tip,
)


def clean_svg(raw: bytes, spec: DiagramSpec) -> str:
    """Strip what Graphviz adds that varies or leaks (version comment, doctype, generic ids, titles).

    Links keep Graphviz's ``xlink:href`` only: SVG 2's ``href`` is added to the built pages
    (:func:`cadre.site.post_build.svg_hrefs`), as Zensical would rewrite an ``href`` of raw HTML.
    """
    root = ET.fromstring(raw)
    labels = {f"{spec.id}--node-{n.id}": n.tooltip or n.label for n in spec.nodes}
    names = {n.id: " ".join(n.label.split()) for n in spec.nodes}
    labels |= {  # an arrow with nothing to say is named by its ends: never an empty <title/>, invalid in HTML
        f"{spec.id}--edge-{i}": e.tooltip or e.label or f"{names.get(e.tail, e.tail)} → {names.get(e.head, e.head)}"
        for i, e in enumerate(spec.edges, start=1)
    }
    for element in root.iter():
        ident = element.get("id")
        if element.get("class") == "graph":
            ident = "graph0"  # « page0,1_graph0 » after the first graph of a dot process (layout_many)
        if ident and not ident.startswith(f"{spec.id}--"):
            element.set("id", f"{spec.id}--{ident}")
    for group in root.iter(f"{{{SVG_NS}}}g"):
        title = group.find(f"{{{SVG_NS}}}title")
        if title is None:
            continue
        ident = group.get("id", "")
        if group.get("class") == "graph":
            group.remove(title)
        elif ident in labels:
            title.text = labels[ident]
        else:
            group.remove(title)
    tooltip = f"{{{XLINK_NS}}}title"
    for group in root.iter(f"{{{SVG_NS}}}g"):
        link = group.find(f"{{{SVG_NS}}}g/{{{SVG_NS}}}a")
        if link is None:
            continue
        link.set(tooltip, " ".join(link.get(tooltip, "").split()))
        if group.get("class") == "edge":
            # The two halves of an arrow open the same page as its badge: the mouse can follow
            # them, the keyboard and screen readers meet the link once, on the badge (a half
            # holds no text that could name it).
            link.set("tabindex", "-1")
            link.set("aria-hidden", "true")
    _add_legend(root, spec)
    title = ET.Element(f"{{{SVG_NS}}}title", {"id": f"{spec.id}--title"})
    title.text = spec.title
    description = ET.Element(f"{{{SVG_NS}}}desc", {"id": f"{spec.id}--desc"})
    description.text = spec.description
    root.insert(0, description)
    root.insert(0, title)
    # Its least width (see min_width_rule) is set by the site's stylesheet, not by a style attribute,
    # which the site's Content-Security-Policy refuses.
    root.set("id", svg_id(spec.id))
    root.set("role", "group")
    root.set("aria-labelledby", f"{spec.id}--title {spec.id}--desc")
    root.set("class", "diagramme-svg")
    return ET.tostring(root, encoding="unicode") + "\n"


def svg_id(spec_id: str) -> str:
    """The ``id`` of the ``<svg>`` element of the diagram ``spec_id``."""
    return f"{spec_id}--svg"


def min_width_rule(svg: str) -> str:
    """The CSS rule that keeps the drawing of ``svg`` at least as wide as it is drawn, in pixels.

    Scaled to the page's width, a wide diagram stays at least at three quarters of its size (its text
    at 11 px or more, as many pixels as it has points) and its figure scrolls sideways.
    """
    root = _root(svg)
    _, _, width, _ = (float(v) for v in root.get("viewBox", "0 0 0 0").split())
    return f"#{root.get('id')} {{ min-width: {width:.0f}px; }}"


def _root(svg: str) -> ET.Element:
    """The root element of ``svg`` with its attributes, as the XML parser reads it, its content unread.

    Parsing a whole diagram to read two attributes of its first tag was most of the time spent on the
    diagrams of a regeneration whose SVGs come from the cache.
    """
    parser: ET.XMLPullParser[ET.Element] = ET.XMLPullParser(events=("start",))
    for start in range(0, len(svg), 4096):
        parser.feed(svg[start : start + 4096])
        for event in parser.read_events():
            element = event[-1]
            if isinstance(element, ET.Element):  # the event "start" and its element
                return element
    return ET.fromstring(svg)  # no start tag: the parser says what is wrong


_LEGEND_FONT = 10.0
_ROW = 18.0
_SAMPLE = 24.0
_PAD = 10.0


def _text_width(text: str, size: float = _LEGEND_FONT, *, bold: bool = False) -> float:
    """A slightly generous estimate of the width of ``text`` in DejaVu Sans (the widest font asked for)."""
    narrow = " .,;:'’()il|fjtr"
    width = sum(size * (0.34 if ch in narrow else 0.72 if ch.isupper() else 0.6) for ch in text)
    return width * (1.1 if bold else 1.0)


def _sample_width(item: LegendItem) -> float:
    """Width of the drawing of ``item``: a badge grows with its text."""
    if item.kind == "badge":
        return max(_SAMPLE, _text_width(item.text, 9, bold=True) + 8)
    return _SAMPLE


def _add_legend(root: ET.Element, spec: DiagramSpec) -> None:
    """Draw the legend below the graph and grow the drawing to make room for it."""
    if not spec.legend:
        return
    _, _, width, height = (float(v) for v in root.get("viewBox", "0 0 0 0").split())
    available = max(width, 460.0)
    place = {"id": f"{spec.id}--legende", "class": "legende", "transform": f"translate(0 {height:.2f})"}
    legend = ET.SubElement(root, f"{{{SVG_NS}}}g", place)
    y = _PAD + 4
    _text(legend, _PAD, y, "Légende", bold=True, size=11)
    used = 0.0
    for section in spec.legend:
        y += _ROW
        x = _PAD
        heading = f"{section.title} :"
        _text(legend, x, y, heading, bold=True)
        x += _text_width(heading, bold=True) + 8
        for item in section.items:
            sample = _sample_width(item)
            step = sample + 5 + _text_width(item.label) + 14
            if x + step > available - _PAD and x > _PAD + 40:
                y += _ROW
                x = _PAD + 12
            _sample(legend, x, y, item)
            _text(legend, x + sample + 5, y, item.label)
            x += step
            used = max(used, x)
    total_width = max(width, used + _PAD)
    total_height = height + y + _PAD
    ET.SubElement(
        legend,
        f"{{{SVG_NS}}}line",
        {"x1": f"{_PAD}", "y1": "0", "x2": f"{total_width - _PAD:.2f}", "y2": "0", "stroke": "#C4C9CF"},
    )
    root.set("viewBox", f"0.00 0.00 {total_width:.2f} {total_height:.2f}")
    root.set("width", f"{total_width:.0f}pt")
    root.set("height", f"{total_height:.0f}pt")


def _text(parent: ET.Element, x: float, y: float, text: str, *, bold: bool = False, size: float = _LEGEND_FONT) -> None:
    attrs = {"x": f"{x:.2f}", "y": f"{y:.2f}", "font-family": FONT, "font-size": f"{size:g}", "fill": INK}
    if bold:
        attrs["font-weight"] = "bold"
    element = ET.SubElement(parent, f"{{{SVG_NS}}}text", attrs)
    element.text = text


def _sample(parent: ET.Element, x: float, y: float, item: LegendItem) -> None:
    """A small drawing of what ``item`` explains, on the text line whose baseline is ``y``."""
    middle = y - 3.5
    svg = f"{{{SVG_NS}}}"
    if item.kind == "fill":
        ET.SubElement(
            parent,
            f"{svg}rect",
            {"x": f"{x:.2f}", "y": f"{middle - 6:.2f}", "width": f"{_SAMPLE:g}", "height": "12", "rx": "3"}
            | {"fill": item.fill, "stroke": HIGHLIGHT if item.highlight else BORDER}
            | ({"stroke-width": "2.5"} if item.highlight else {}),
        )
    elif item.kind == "actor":
        ET.SubElement(
            parent,
            f"{svg}ellipse",
            {"cx": f"{x + _SAMPLE / 2:.2f}", "cy": f"{middle:.2f}", "rx": f"{_SAMPLE / 2:g}", "ry": "6"}
            | {"fill": "#FFFFFF", "stroke": BORDER},
        )
    elif item.kind == "mark" and item.mark is not None:
        glyph = ET.SubElement(
            parent,
            f"{svg}text",
            {"x": f"{x + _SAMPLE / 2:.2f}", "y": f"{y + 1:.2f}", "text-anchor": "middle"}
            | {"font-family": FONT, "font-size": "13", "fill": item.mark.colour},
        )
        glyph.text = item.mark.glyph
    elif item.kind == "badge":
        width = _sample_width(item)
        ET.SubElement(
            parent,
            f"{svg}rect",
            {"x": f"{x:.2f}", "y": f"{middle - 7:.2f}", "width": f"{width:.2f}", "height": "14", "rx": "4"}
            | {"fill": "#FFFFFF", "stroke": LINE, "stroke-width": "1.3"},
        )
        badge = ET.SubElement(
            parent,
            f"{svg}text",
            {"x": f"{x + width / 2:.2f}", "y": f"{y:.2f}", "text-anchor": "middle"}
            | {"font-family": FONT, "font-size": "9", "font-weight": "bold", "fill": INK},
        )
        badge.text = item.text
    else:
        colour = HIGHLIGHT if item.highlight else LINE
        stroke = {"stroke": colour, "stroke-width": "3" if item.highlight else "1.3"}
        if item.dashed:
            stroke["stroke-dasharray"] = "5,2"
        start = x + (5 if item.both else 0)
        ET.SubElement(
            parent,
            f"{svg}line",
            {"x1": f"{start:.2f}", "y1": f"{middle:.2f}", "x2": f"{x + _SAMPLE - 5:.2f}", "y2": f"{middle:.2f}"}
            | stroke,
        )
        _arrow_head(parent, x + _SAMPLE, middle, 1, colour, item.tip)
        if item.both:
            _arrow_head(parent, x, middle, -1, colour, item.tip)


def _arrow_head(parent: ET.Element, tip: float, y: float, sense: int, colour: str, shape: Tip = "filled") -> None:
    """A tip as the adapter draws it: filled, hollow, or hollow behind a ring (``onormalodot``)."""
    back = tip - 6 * sense
    points = f"{tip:.2f},{y:.2f} {back:.2f},{y - 3.5:.2f} {back:.2f},{y + 3.5:.2f}"
    fill = colour if shape == "filled" else "#FFFFFF"
    ET.SubElement(parent, f"{{{SVG_NS}}}polygon", {"points": points, "fill": fill, "stroke": colour})
    if shape == "ring":
        ring = {"cx": f"{back - 2.5 * sense:.2f}", "cy": f"{y:.2f}", "r": "2.5", "fill": "#FFFFFF", "stroke": colour}
        ET.SubElement(parent, f"{{{SVG_NS}}}circle", ring)

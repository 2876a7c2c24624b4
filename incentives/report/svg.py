"""Charts as inline SVG, rendered from the same Vega-Lite specifications the app draws.

vl-convert runs Vega itself (no browser, nothing fetched): the report shows the app's own
chart, at a width fixed for an A4 page rather than the width of the app's container.
"""

from __future__ import annotations

import html
from typing import Any

import vl_convert

from incentives.pages.views import Chart

FULL_WIDTH = 600  # pixels of plot: an A4 page's text width, less the axis and legend
HALF_WIDTH = 250  # two charts side by side
_CONTAINER_WIDTH = "containerSize()[0]"


def chart_svg(chart: Chart, width: int = FULL_WIDTH) -> str:
    """The chart as an ``<svg>`` element, labelled with its text alternative for readers."""
    spec = _fixed_width(chart.inline_spec(), width)
    svg = vl_convert.vegalite_to_svg(spec)
    label = html.escape(chart.description, quote=True)
    return svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)


def _fixed_width(spec: dict[str, Any], width: int) -> dict[str, Any]:
    """The chart drawn ``width`` wide where the app lets it fill its container; expressions
    that adapt to the container's width (legend columns, label limits) are told that width,
    as no container measures it here."""
    fixed: dict[str, Any] = _container_is(spec, width)
    if fixed.get("width", "container") == "container":
        fixed["width"] = width
    return fixed


def _container_is(node: Any, width: int) -> Any:
    if isinstance(node, dict):
        return {
            key: value.replace(_CONTAINER_WIDTH, str(width))
            if key == "expr" and isinstance(value, str)
            else _container_is(value, width)
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_container_is(item, width) for item in node]
    return node

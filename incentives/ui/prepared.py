"""Charts and tables prepared once, for drawing on many reruns.

Streamlit converts a chart's data and a table to Arrow on every run; a view that caches its
content keeps them converted already, so a rerun that changes nothing only redraws. Every chart
carries a text alternative for screen readers and, unless a table on the page already holds
them, its figures as a table.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import altair as alt
import pandas as pd
import pyarrow as pa
import streamlit as st
from streamlit.dataframe_util import convert_anything_to_arrow_bytes


@dataclass(frozen=True)
class Chart:
    spec: dict[str, Any]
    description: str  # the text alternative: what the chart shows and its main figures
    figures: pa.Table | None  # the same figures as a table; None where the page shows them


def chart(drawn: alt.TopLevelMixin, description: str, figures: pd.DataFrame | None = None) -> Chart:
    return Chart(chart_spec(drawn), description, None if figures is None else table(figures))


def chart_spec(chart: alt.TopLevelMixin) -> dict[str, Any]:
    """A chart's Vega-Lite specification with its data already in Arrow.

    Each data frame goes to Arrow directly, under a name the specification refers to, rather
    than through Altair's inline values (which Streamlit would turn back into a table). The
    chart is used up: its data are replaced by those names. Not validated again here: the
    chart builders' tests validate every kind of chart.
    """
    datasets: dict[str, bytes] = {}
    names: dict[int, str] = {}
    for part in [chart, *getattr(chart, "layer", [])]:
        if isinstance(part.data, pd.DataFrame):
            if id(part.data) not in names:
                names[id(part.data)] = f"data-{len(names)}"
                datasets[names[id(part.data)]] = convert_anything_to_arrow_bytes(part.data)
            part.data = alt.NamedData(name=names[id(part.data)])
    spec = chart.to_dict(validate=False)
    spec["datasets"] = datasets
    return spec


def table(frame: pd.DataFrame) -> pa.Table:
    return pa.Table.from_pandas(frame, preserve_index=False)


def listing(items: Iterable[str], most: int = 6) -> str:
    """Items joined for a sentence, the first ``most`` of them: a text alternative stays short
    and the table beneath has the rest."""
    items = list(items)
    shown = "; ".join(items[:most])
    rest = len(items) - most
    return f"{shown}; and {rest} more in the table." if rest > 0 else f"{shown}."


def draw_chart(prepared: Chart) -> None:
    """Draw a prepared chart, and its figures in a table that opens beneath it.

    Streamlit takes the data out of the specification it is given, so it gets a copy.
    """
    st.vega_lite_chart(spec=dict(prepared.spec), width="stretch", alt=prepared.description)
    if prepared.figures is not None:
        with st.expander("The figures in this chart"):
            st.table(prepared.figures, hide_index=True)

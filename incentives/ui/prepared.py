"""Charts and tables prepared once, for drawing on many reruns.

Streamlit converts a chart's data and a table to Arrow on every run; a view that caches its
content keeps them converted already, so a rerun that changes nothing only redraws.
"""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd
import pyarrow as pa
import streamlit as st
from streamlit.dataframe_util import convert_anything_to_arrow_bytes


def chart_spec(chart: alt.TopLevelMixin) -> dict[str, Any]:
    """A chart's Vega-Lite specification with its data already in Arrow.

    Not validated again here: the chart builders' tests validate every kind of chart.
    """
    spec = chart.to_dict(validate=False)
    spec["datasets"] = {
        name: convert_anything_to_arrow_bytes(pd.DataFrame(rows))
        for name, rows in spec.get("datasets", {}).items()
    }
    return spec


def table(frame: pd.DataFrame) -> pa.Table:
    return pa.Table.from_pandas(frame, preserve_index=False)


def draw_chart(spec: dict[str, Any], description: str | None = None) -> None:
    """Draw a prepared chart; Streamlit takes the data out of the copy it is given."""
    st.vega_lite_chart(spec=dict(spec), width="stretch", alt=description)

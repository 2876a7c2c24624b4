"""The yardstick for the app's speed: a one-page Streamlit app with one Altair chart and a table.

``make bench`` starts it beside the real app and times both, so the ratio says what the app's
own work costs on top of Streamlit's, on the same machine at the same moment.
"""

import altair as alt
import pandas as pd
import streamlit as st

st.set_page_config(page_title="One chart", layout="wide")
st.title("One chart and a table")
months = pd.DataFrame(
    {
        "month": list(range(1, 37)) * 2,
        "offer": ["A"] * 36 + ["B"] * 36,
        "pounds": [3_000 * m for m in range(1, 37)] + [3_100 * m for m in range(1, 37)],
    }
)
st.altair_chart(
    alt.Chart(months).mark_line().encode(x="month:Q", y="pounds:Q", color="offer:N"),
    width="stretch",
)
st.table(months.pivot_table(index="month", columns="offer", values="pounds").head(12))

"""Every offer at a glance: headline figures, filtered, sorted and downloadable."""

from __future__ import annotations

import datetime as dt
from typing import get_args

import pandas as pd
import streamlit as st

from incentives import sharing, summary
from incentives.model import HISTORICAL_AFTER_YEARS, Offer, Region, RoleGroup
from incentives.ui import inputs

_URL = "query-params"


def render(offers: dict[str, Offer], choices: inputs.Choices, ready: list[str]) -> None:
    st.title("All published offers")
    today = dt.date.today()
    st.write(
        f"{len(offers)} packages from {len({o.council for o in offers.values()})} councils, "
        "as their sources published them. Amounts stated as a percentage are taken of the top "
        f"salary where it is published. An offer dated more than {HISTORICAL_AFTER_YEARS} years "
        "ago is marked historical: it is what the council offered then, not necessarily now."
    )
    _filtered(_table(tuple(o.model_dump_json() for o in offers.values()), today))


@st.fragment  # the filters change only the table: rerun just this part
def _filtered(table: pd.DataFrame) -> None:
    left, middle, right = st.columns(3)
    with left:
        regions = st.multiselect(
            "Regions",
            list(get_args(Region)),
            key=sharing.REGION_FILTER,
            bind=_URL,
            placeholder="All",
        )
    with middle:
        roles = st.multiselect(
            "Roles",
            list(get_args(RoleGroup)),
            key=sharing.ROLE_FILTER,
            bind=_URL,
            placeholder="All",
        )
    with right:
        kinds = st.multiselect(
            "Offering",
            list(summary.KINDS),
            key=sharing.KIND_FILTER,
            bind=_URL,
            placeholder="Anything",
        )
    current = st.toggle(
        f"Only offers dated within the last {HISTORICAL_AFTER_YEARS} years",
        key=sharing.CURRENT_ONLY,
        bind=_URL,
    )
    shown = table
    if regions:
        shown = shown[shown["Region"].isin(regions)]
    if roles:
        shown = shown[shown["Role group"].isin(roles)]
    if kinds:
        shown = shown[
            shown["Incentives"].apply(lambda text: all(k in text.split(", ") for k in kinds))
        ]
    if current:
        shown = shown[shown["Historical"] == "no"]
    st.caption(f"{len(shown)} of {len(table)} offers. Select a column heading to sort.")
    money = st.column_config.NumberColumn(format="£%,.0f")
    st.dataframe(
        shown.drop(columns=["id"]),
        hide_index=True,
        width="stretch",
        column_config={
            "Top salary (£)": money,
            "One-off payments (£)": money,
            "Supplements (£ a year)": money,
            "Retention, first 3 years (£)": money,
            "As at": st.column_config.DateColumn(format="D MMM YYYY"),
            "Details": st.column_config.TextColumn(width="large"),
        },
    )
    st.download_button(
        "Download these offers (CSV)",
        shown.drop(columns=["id"]).to_csv(index=False),
        file_name="offers.csv",
        mime="text/csv",
        icon=":material/download:",
    )
    st.caption(
        "Blank amounts are not published, or rest on a figure that is not. Each figure's source "
        "and quoted words are under the offer on the Compare page, and in data/councils.yaml."
    )


@st.cache_data(max_entries=64, show_spinner=False)
def _table(offers_json: tuple[str, ...], today: dt.date) -> pd.DataFrame:
    """The headline table, worked out once a day per set of offers."""
    return summary.table((Offer.model_validate_json(text) for text in offers_json), today)

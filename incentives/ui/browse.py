"""The page of every offer drawn, with its filters: content by incentives.pages.browse."""

from __future__ import annotations

import datetime as dt
from typing import get_args

import streamlit as st

from incentives import sharing, summary
from incentives.model import Offer, RoleGroup
from incentives.pages import browse
from incentives.pages.offer_totals import Horizon
from incentives.ui import cache, draw, keys, mine
from incentives.ui.inputs import Chosen
from incentives.ui.keys import URL
from incentives.vocabulary import Region


def render(offers: dict[str, Offer], chosen: Chosen, ready: list[str]) -> None:
    today = dt.date.today()
    horizon = Horizon.of(chosen.scenario)
    view = cache.browse_view(tuple(offers.values()), today, horizon)
    st.title(view.title)
    st.write(view.intro)
    added = st.session_state.pop(keys.BROWSE_ADDED, None)
    if added:
        st.success("Added to the comparison: " + "; ".join(added), icon=":material/check:")
    _filtered(offers, today, horizon, view)


@st.fragment  # the filters change only the chart and table: rerun just this part
def _filtered(
    offers: dict[str, Offer], today: dt.date, horizon: Horizon, view: browse.BrowseView
) -> None:
    left, middle, right = st.columns(3)
    with left:
        regions = st.multiselect(
            "Regions",
            list(get_args(Region)),
            key=sharing.REGION_FILTER,
            bind=URL,
            placeholder="All",
        )
    with middle:
        roles = st.multiselect(
            "Roles",
            list(get_args(RoleGroup)),
            key=sharing.ROLE_FILTER,
            bind=URL,
            placeholder="All",
        )
    with right:
        kinds = st.multiselect(
            "Offering",
            list(summary.KINDS),
            key=sharing.KIND_FILTER,
            bind=URL,
            placeholder="Anything",
        )
    current = st.toggle(browse.current_only_label(), key=sharing.CURRENT_ONLY, bind=URL)
    measure = st.segmented_control(
        "The chart shows",
        list(browse.CHART_MEASURES),
        default=browse.DEFAULT_CHART_LABEL,
        required=True,
        key=keys.BROWSE_CHART,
    )
    filters = browse.Filters(tuple(regions), tuple(roles), tuple(kinds), current)
    shown = cache.browse_selection(
        tuple(offers.values()),
        today,
        horizon,
        filters,
        browse.CHART_MEASURES[measure or browse.DEFAULT_CHART_LABEL],
    )
    st.caption(view.chart_lead)
    if shown.chart is not None:
        draw.chart(shown.chart, f"{draw.FIGURES_KEY}all offers")
    st.caption(shown.chart_note)
    st.caption(shown.caption + " Tick rows to add those offers to the comparison.")
    money = st.column_config.NumberColumn(format="£%,.0f")
    picked = st.dataframe(
        shown.table,
        hide_index=True,
        width="stretch",
        on_select="rerun",
        selection_mode="multi-row",
        key=keys.BROWSE_TABLE,
        column_config={
            "Top salary (£)": money,
            "One-off payments (£)": money,
            "Supplements (£ a year)": money,
            "Retention, first 3 years (£)": money,
            **{column: money for column in view.columns.values()},
            "As at": st.column_config.DateColumn(format="D MMM YYYY"),
            "Details": st.column_config.TextColumn(width="large"),
        },
    )
    rows = [row for row in picked.selection.rows if row < len(shown.table)]  # kept from before
    labels = [str(shown.table["Offer"].iloc[row]) for row in rows]
    if st.button(
        "Add to comparison",
        icon=":material/playlist_add:",
        disabled=not labels,
        help="Tick the offers' rows in the table first.",
    ):
        mine.select_offers(labels)
        st.session_state[keys.BROWSE_ADDED] = labels
        st.rerun(scope="app")  # the sidebar's offers list takes them on the whole page's rerun
    draw.download(shown.csv)
    st.caption(view.note)

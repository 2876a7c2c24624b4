"""The page of every offer drawn, with its filters: content by incentives.pages.browse."""

from __future__ import annotations

import datetime as dt
from typing import get_args

import streamlit as st

from incentives import sharing, summary
from incentives.model import Offer, Region, RoleGroup
from incentives.pages import browse
from incentives.ui import cache, draw
from incentives.ui.inputs import URL, Chosen


def render(offers: dict[str, Offer], chosen: Chosen, ready: list[str]) -> None:
    view = cache.browse_view(tuple(offers.values()), dt.date.today())
    st.title(view.title)
    st.write(view.intro)
    _filtered(view)


@st.fragment  # the filters change only the table: rerun just this part
def _filtered(view: browse.BrowseView) -> None:
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
    shown = view.select(browse.Filters(tuple(regions), tuple(roles), tuple(kinds), current))
    st.caption(shown.caption)
    money = st.column_config.NumberColumn(format="£%,.0f")
    st.dataframe(
        shown.table,
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
    draw.download(shown.csv)
    st.caption(view.note)

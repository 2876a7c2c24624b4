"""The flip page drawn, with its choice of two offers: content by incentives.pages.flips."""

from __future__ import annotations

import streamlit as st

from incentives import sharing
from incentives.model import Offer
from incentives.pages import flips
from incentives.ui import cache, draw
from incentives.ui.inputs import Chosen
from incentives.ui.keys import URL


def render(offers: dict[str, Offer], chosen: Chosen, ready: list[str]) -> None:
    st.title(flips.TITLE)
    st.write(flips.intro(chosen.display))
    if len(ready) < 2:
        st.info(flips.TOO_FEW)
        return
    _pair(offers, chosen, ready)


@st.fragment  # choosing the pair changes only this part of the page: rerun just this part
def _pair(offers: dict[str, Offer], chosen: Chosen, ready: list[str]) -> None:
    labels = [offers[i].label for i in ready]
    left, right = st.columns(2)
    with left:
        first = st.selectbox("First offer", labels, index=0, key=sharing.FLIP_A, bind=URL)
    with right:
        second = st.selectbox("Second offer", labels, index=1, key=sharing.FLIP_B, bind=URL)
    if first == second:
        st.warning(flips.SAME_TWICE)
        return
    by_label = {offers[i].label: offers[i] for i in ready}
    view = cache.flips_view(by_label[first], by_label[second], chosen.scenario, chosen.display)
    st.subheader(view.changes.heading)
    draw.sentences(view.changes, bullets=True)
    st.subheader(view.matters.heading)
    draw.charts(view.matters)
    st.table(view.matters.table, hide_index=True)

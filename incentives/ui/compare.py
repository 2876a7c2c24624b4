"""The comparison page drawn: its content is built by incentives.pages.compare."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from incentives.model import Offer
from incentives.pages import compare
from incentives.ui import cache, draw, keys
from incentives.ui.inputs import Chosen


def render(offers: dict[str, Offer], chosen: Chosen, ready: list[str]) -> None:
    st.title(compare.TITLE)
    st.write(compare.INTRO)
    if not ready:
        st.info(compare.FIGURES_NEEDED if chosen.offer_ids else compare.NONE_CHOSEN)
        return
    view = cache.compare_view(
        tuple(offers[i] for i in ready), chosen.scenario, chosen.display, dt.date.today()
    )
    draw.section(view.leader)
    for part in (view.conditions, view.kept, view.pension, view.reward, view.benefits):
        if part is not None:
            draw.section(part)
    draw.section(view.to_date)
    draw.section(view.made_of)
    draw.section(view.yearly, columns=2)
    draw.section(view.years)
    draw.download(view.csv)
    _sources(offers, chosen)


@st.fragment  # choosing whose sources to read changes only this part: rerun just this part
def _sources(offers: dict[str, Offer], chosen: Chosen) -> None:
    """One chosen offer's figures, each with its value (or your assumption), sources and words."""
    st.header(compare.SOURCES_HEADING)
    by_label = {offers[i].label: offers[i] for i in chosen.offer_ids}
    label = st.selectbox("Offer", list(by_label), key=keys.SOURCES_OF)
    offer = by_label[label]
    view = cache.sources_view(
        offer,
        cache.assumed_of(chosen.scenario, offer.id),
        dt.date.today(),
        chosen.scenario.worker,
    )
    st.caption(view.lead)
    st.table(view.figures.table, hide_index=True)
    draw.notes(view.figures)
    st.markdown(view.sources)

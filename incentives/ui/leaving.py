"""The leaving page drawn: its content is built by incentives.pages.leaving."""

from __future__ import annotations

import streamlit as st

from incentives.model import Offer
from incentives.pages import leaving
from incentives.ui import cache, draw
from incentives.ui.inputs import Chosen


def render(offers: dict[str, Offer], chosen: Chosen, ready: list[str]) -> None:
    st.title(leaving.TITLE)
    st.write(leaving.INTRO)
    if not ready:
        st.info(leaving.NONE_CHOSEN)
        return
    view = cache.leaving_view(tuple(offers[i] for i in ready), chosen.scenario, chosen.display)
    for part in view.sections:
        draw.section(part)
    draw.download(view.csv)

"""What the entry point works out on every run, handed to the page being shown.

Each session's run keeps its own copy in Session State, so concurrent visitors never share it.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from incentives.model import Offer
from incentives.ui import keys
from incentives.ui.inputs import Chosen


@dataclass(frozen=True)
class Context:
    offers: dict[str, Offer]
    chosen: Chosen
    ready: list[str]  # the chosen offers that can be projected


def remember(offers: dict[str, Offer], chosen: Chosen, ready: list[str]) -> None:
    st.session_state[keys.THIS_RUN] = Context(offers, chosen, ready)


def context() -> Context:
    found: Context = st.session_state[keys.THIS_RUN]
    return found

"""What the entry point works out on every run, handed to the page being shown.

Each session's run keeps its own copy in Session State, so concurrent visitors never share it.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from incentives.model import Offer
from incentives.ui.inputs import Choices

_KEY = "_this_run"


@dataclass(frozen=True)
class Context:
    offers: dict[str, Offer]
    choices: Choices
    ready: list[str]  # the chosen offers that can be projected


def remember(offers: dict[str, Offer], choices: Choices, ready: list[str]) -> None:
    st.session_state[_KEY] = Context(offers, choices, ready)


def context() -> Context:
    return st.session_state[_KEY]

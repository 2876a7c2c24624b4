"""Loading the council data, cached once per file change, and settling the server after start."""

from __future__ import annotations

import gc

import streamlit as st

from incentives.catalog import COUNCILS_FILE, load_offers
from incentives.model import Offer


@st.cache_resource(max_entries=4, show_spinner=False)
def _offers_from(path: str, modified_ns: int) -> dict[str, Offer]:
    """Offers of a data file version; the models are frozen, so sessions can share them."""
    return load_offers(path)


def council_offers() -> dict[str, Offer]:
    """The council data file's offers, re-read only when the file changes."""
    return _offers_from(str(COUNCILS_FILE), COUNCILS_FILE.stat().st_mtime_ns)


@st.cache_resource(show_spinner=False)
def settle_after_start() -> None:
    """Once per server process, after start-up: move the long-lived objects (modules, the
    rules, the offers) out of the garbage collector's view, so its passes stay short while
    visitors' runs make and drop their own objects."""
    gc.collect()
    gc.freeze()

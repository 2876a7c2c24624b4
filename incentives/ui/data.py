"""Loading and computing, cached: the data once per file change, results within bounds."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from incentives.catalog import COUNCILS_FILE, load_offers
from incentives.comparison import MEASURES, Comparison
from incentives.model import Offer
from incentives.scenario import Scenario


@st.cache_resource(max_entries=4, show_spinner=False)
def _offers_from(path: str, modified_ns: int) -> dict[str, Offer]:
    """Offers of a data file version; the models are frozen, so sessions can share them."""
    return load_offers(path)


def council_offers() -> dict[str, Offer]:
    """The council data file's offers, re-read only when the file changes."""
    return _offers_from(str(COUNCILS_FILE), COUNCILS_FILE.stat().st_mtime_ns)


@dataclass(frozen=True)
class Tables:
    """What the comparison view shows, computed together from one set of schedules."""

    yearly: pd.DataFrame
    monthly: pd.DataFrame
    by_category: pd.DataFrame
    breakdowns: dict[str, pd.DataFrame]  # "net" and "employer_cost": where the money goes
    summary: dict[str, pd.DataFrame]  # by measure
    against_lowest: pd.DataFrame
    assumed_zero: dict[str, tuple[str, ...]]


@st.cache_data(max_entries=512, show_spinner=False)
def comparison_tables(offers_json: tuple[str, ...], scenario_json: str) -> Tables:
    """Tables for offers and a scenario given as JSON, so the cache key is plain text."""
    offers = [Offer.model_validate_json(text) for text in offers_json]
    comparison = Comparison.of(offers, Scenario.model_validate_json(scenario_json))
    return Tables(
        yearly=comparison.yearly(),
        monthly=comparison.monthly(),
        by_category=comparison.by_category(),
        breakdowns={m: comparison.breakdown(m) for m in ("net", "employer_cost")},
        summary={m: comparison.summary(m) for m in MEASURES},
        against_lowest=comparison.against_lowest(),
        assumed_zero={s.offer_id: s.assumed_zero for s in comparison.schedules},
    )

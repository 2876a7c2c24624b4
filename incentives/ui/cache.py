"""The one cache around the page builders: each view is worked out once per set of inputs.

Offers and scenarios are frozen, so each is keyed by its JSON, written once per object (the
council offers and the visitor's packages live as long as the server or the session). The
views are frozen too, so sessions share them uncopied. Every cache keeps a bounded number of
results, so many visitors with many inputs cannot fill the server's memory.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, TypeVar

import streamlit as st
from pydantic import BaseModel

from incentives.eligibility import Worker
from incentives.model import Offer
from incentives.pages import browse, compare, costs, flips, leaving
from incentives.pages.compute import ComparisonTables, comparison_tables
from incentives.pages.offer_totals import Horizon
from incentives.pages.views import Display
from incentives.retention import Curves
from incentives.scenario import Scenario

_MOST_KEYS = 2048
_keys: OrderedDict[int, tuple[BaseModel, str]] = OrderedDict()
_lock = threading.Lock()


def model_key(model: BaseModel) -> str:
    """A frozen model's JSON, written once per object while the object is in use.

    Each entry holds its object, so no other object can take its id while it is remembered.
    """
    with _lock:
        found = _keys.get(id(model))
        if found is not None and found[0] is model:
            _keys.move_to_end(id(model))
            return found[1]
    key = model.model_dump_json()
    with _lock:
        _keys[id(model)] = (model, key)
        while len(_keys) > _MOST_KEYS:
            _keys.popitem(last=False)
    return key


_F = TypeVar("_F", bound=Callable[..., Any])


def _cached(max_entries: int) -> Callable[[_F], _F]:
    cache = st.cache_resource(
        max_entries=max_entries,
        show_spinner=False,
        hash_funcs={Offer: model_key, Scenario: model_key, Horizon: repr, browse.Filters: repr},
    )
    return cache  # type: ignore[return-value]


@_cached(512)
def _comparison(offers: tuple[Offer, ...], scenario: Scenario) -> ComparisonTables:
    return comparison_tables(offers, scenario)


@_cached(1024)
def _curves(offer: Offer, scenario: Scenario) -> Curves:
    """One offer's totals on leaving after each month, shared by the leaving and cost pages:
    the council's own figures (leaving rate, agency cover) do not change them."""
    return Curves.of(offer, scenario)


class _Kept:
    """The shared computations, kept: switching the measure or the council's figures reuses them."""

    def comparison(self, offers: Any, scenario: Scenario) -> ComparisonTables:
        return _comparison(tuple(offers), scenario)

    def curves(self, offer: Offer, scenario: Scenario) -> Curves:
        return _curves(offer, scenario)


_KEPT = _Kept()


@_cached(256)
def compare_view(
    offers: tuple[Offer, ...], scenario: Scenario, display: Display, today: dt.date
) -> compare.CompareView:
    return compare.build(offers, scenario, display, today, _KEPT)


@_cached(256)
def sources_view(
    offer: Offer,
    assumed: tuple[tuple[str, Decimal], ...],
    today: dt.date,
    worker: Worker | None = None,
) -> compare.SourcesView:
    return compare.sources(offer, dict(assumed), today, worker)


@_cached(256)
def leaving_view(
    offers: tuple[Offer, ...], scenario: Scenario, display: Display
) -> leaving.LeavingView:
    return leaving.build(offers, scenario, display, _KEPT)


@_cached(256)
def costs_view(
    offers: tuple[Offer, ...],
    scenario: Scenario,
    display: Display,
    figures: costs.CouncilFigures,
) -> costs.CostsView:
    return costs.build(offers, scenario, display, figures, _KEPT)


@_cached(256)
def flips_view(
    first: Offer, second: Offer, scenario: Scenario, display: Display
) -> flips.FlipsView:
    return flips.build(first, second, scenario, display)


@_cached(64)
def browse_view(offers: tuple[Offer, ...], today: dt.date, horizon: Horizon) -> browse.BrowseView:
    """The headline table and every offer's totals, worked out once a day per set of offers
    and years chosen."""
    return browse.build(offers, today, horizon)


@_cached(256)
def browse_selection(
    offers: tuple[Offer, ...],
    today: dt.date,
    horizon: Horizon,
    filters: browse.Filters,
    measure: browse.ChartMeasure,
) -> browse.Selection:
    """The offers the filters keep, and their chart, worked out once per choice."""
    return browse_view(offers, today, horizon).select(filters, measure)


def assumed_of(scenario: Scenario, offer_id: str) -> tuple[tuple[str, Decimal], ...]:
    """One offer's assumptions, in a form the cache can key."""
    found: Mapping[str, Decimal] = scenario.assumed.get(offer_id, {})
    return tuple(sorted(found.items()))

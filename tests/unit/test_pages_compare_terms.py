"""The comparison page's words, headings and figures, pinned where a slip would show."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from incentives import load_offers
from incentives.pages import compare
from incentives.pages.views import Display
from incentives.scenario import Scenario

OFFERS = load_offers()
KIRKLEES = OFFERS["kirklees-social-worker"]
ROTHERHAM = OFFERS["rotherham-social-worker"]
MANAGER = OFFERS["kirklees-team-manager"]  # its salary is not published
TODAY = dt.date(2026, 12, 1)


def test_the_sources_are_headed_and_ask_for_assumptions_only_where_figures_are_missing():
    view = compare.sources(KIRKLEES, {}, TODAY)
    assert view.heading == "Where the figures come from"
    assert view.figures.heading == "Kirklees: Experienced social worker (Level 3): figures"
    assert view.figures.notes == ()  # every figure published
    assumed = compare.sources(MANAGER, {"salary.top": Decimal("40000")}, TODAY)
    assert assumed.figures.notes == (
        "Enter assumptions for unpublished figures under 'Starting salaries and unpublished "
        "figures' in the sidebar.",
    )


def test_the_take_home_breakdown_is_described_as_the_gross_pay_it_splits():
    # Rotherham over 3 years from April 2017, no award: £124,872 gross (3 × 41,624), of which
    # £88,602.13 is take-home: the bars of take-home, tax, NI and pension add up to the gross
    scenario = Scenario(pay_award=0)
    view = compare.build([ROTHERHAM], scenario, Display.of(scenario, "net"), TODAY)
    [totals] = view.made_of.charts
    assert totals.description == (
        "Bar chart of each offer's gross pay over the whole period, split by where the pay "
        "goes. Totals: Rotherham: Social worker £124,872."
    )
    [yearly] = view.yearly.charts
    assert yearly.description == (
        "Bar chart of Rotherham: Social worker's gross pay in each year of service, split by "
        "where the pay goes: year 1 £41,624; year 2 £41,624; year 3 £41,624."
    )
    assert view.leader.table is not None
    assert view.leader.table.to_pylist()[0]["Total"] == "£88,602.13"  # take-home, as before

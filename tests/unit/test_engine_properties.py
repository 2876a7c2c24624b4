"""Properties the engine must keep for any package and scenario (hypothesis)."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings

from incentives import build_schedule, compare
from tests.strategies import offers, scenarios


@settings(max_examples=150, deadline=None)
@given(offers(), scenarios(leaving=False))
def test_leaving_earlier_never_pays_more_in_total(package, scenario):
    totals = build_schedule(package, scenario).total_on_leaving()
    assert np.all(np.diff(totals) >= 0)


@settings(max_examples=150, deadline=None)
@given(offers(), scenarios())
def test_cumulative_column_is_the_running_sum(package, scenario):
    table = compare([package], scenario)
    running = np.cumsum(np.round(table["gross"].to_numpy() * 100))
    assert np.array_equal(np.round(table["cumulative_gross"].to_numpy() * 100), running)


@settings(max_examples=150, deadline=None)
@given(offers(), scenarios(leaving=False))
def test_a_clawback_never_exceeds_what_was_paid(package, scenario):
    schedule = build_schedule(package, scenario)
    months = np.arange(1, schedule.months + 1)
    for term in schedule.clawbacks:
        owed = term.owed(months)
        assert np.all(owed <= term.amount)
        assert np.all(owed[months < term.paid_month] == 0)
    # And in total, never more than the one-off sums paid so far that carry a clawback
    clawable = np.zeros(schedule.months, dtype=np.int64)
    for term in schedule.clawbacks:
        clawable[term.paid_month - 1] += term.amount
    assert np.all(schedule.clawback_on_leaving() <= np.cumsum(clawable))


@settings(max_examples=100, deadline=None)
@given(offers(), scenarios())
def test_every_payment_is_whole_pence_and_only_clawbacks_are_negative(package, scenario):
    schedule = build_schedule(package, scenario)
    paid = schedule.paid(scenario.leave_after_months)
    for line, row in zip(schedule.lines, paid, strict=True):
        assert row.dtype == np.int64
        assert (row <= 0).all() if line.category == "clawback" else (row >= 0).all()

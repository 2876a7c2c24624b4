"""What flips the lead: for two offers, the value of each assumption at which the other
offer comes out ahead, and how far each assumption moves the difference between them.

The difference is offer A less offer B, in the scenario's measure and money, over the
scenario's horizon (to leaving, if it ends early). Each assumption is varied over its range
with the others held at the scenario's values. Months and years are whole numbers, so every
value is tried; rates are searched: the range is sampled, and the first change of sign found
is narrowed by bisection to within :data:`TOLERANCE` of the exact point.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

import numpy as np
import pandas as pd

from incentives import workforce
from incentives.comparison import Comparison
from incentives.engine import build_schedule
from incentives.model import Offer
from incentives.money import nearest_penny
from incentives.njc import default_future_award
from incentives.prices import convert, default_discount_rate, default_inflation
from incentives.retention import Curves, leaving_probabilities
from incentives.scenario import MAX_YEARS, Scenario
from incentives.vocabulary import Measure

TOLERANCE = 0.001  # of a percentage point, for rates found by bisection
SAMPLES = 11  # points tried across a rate's range before narrowing a change of sign


@dataclass(frozen=True)
class Assumption:
    """One assumption varied over its range, and the difference at each value tried."""

    name: str
    unit: str  # "months", "years" or "%"
    current: float
    low: float
    high: float
    difference: Callable[[float], float]  # pounds, offer A less offer B
    whole: bool = False  # whole numbers only: every value is tried

    def values(self) -> np.ndarray:
        if self.whole:
            return np.arange(self.low, self.high + 1)
        return np.linspace(self.low, self.high, SAMPLES)


def flip_points(
    offer_a: Offer,
    offer_b: Offer,
    scenario: Scenario,
    measure: Measure = "gross",
    leaving_rate: float | None = None,
) -> pd.DataFrame:
    """For each assumption: ``assumption``, ``current``, ``flips_at`` (None when the lead
    never changes in range), ``leader_below``, ``leader_above`` (offer ids), and the
    difference (A less B, pounds) now, at the range's ends, its least and greatest, and its
    ``swing`` across the range."""
    rows = []
    for assumption in assumptions(offer_a, offer_b, scenario, measure, leaving_rate):
        values = assumption.values()
        differences = np.array([assumption.difference(float(v)) for v in values])
        flip = _first_flip(assumption, values, differences)
        first = differences[np.flatnonzero(differences)[0]] if differences.any() else 0.0
        leader_below = offer_a.id if first > 0 else offer_b.id if first < 0 else None
        leader_above = leader_below
        if flip is not None:
            leader_above = offer_b.id if leader_below == offer_a.id else offer_a.id
        rows.append(
            {
                "assumption": assumption.name,
                "unit": assumption.unit,
                "current": assumption.current,
                "low": assumption.low,
                "high": assumption.high,
                "flips_at": flip,
                "leader_below": leader_below,
                "leader_above": leader_above,
                "difference_now": assumption.difference(assumption.current),
                "difference_at_low": float(differences[0]),
                "difference_at_high": float(differences[-1]),
                "difference_min": float(differences.min()),
                "difference_max": float(differences.max()),
                "swing": float(differences.max() - differences.min()),
            }
        )
    table = pd.DataFrame(rows)
    return table.assign(flips_at=pd.Series([row["flips_at"] for row in rows], dtype=object))


def brute_force_flip(assumption: Assumption, step: float) -> float | None:
    """The first change of sign on a fine grid, every ``step`` from the range's low end and
    the high end itself: the slow check of :func:`flip_points`."""
    values = np.append(np.arange(assumption.low, assumption.high, step), assumption.high)
    differences = np.array([assumption.difference(float(v)) for v in values])
    signs = np.sign(differences)
    lead = next((s for s in signs if s), 0)
    for value, sign in zip(values, signs, strict=True):
        if sign and sign != lead:
            return float(value)
    return None


def _first_flip(
    assumption: Assumption, values: np.ndarray, differences: np.ndarray
) -> float | None:
    signs = np.sign(differences)
    lead = next((s for s in signs if s), 0)
    for index, sign in enumerate(signs):
        if sign and sign != lead:
            if assumption.whole:
                return float(values[index])
            return _bisect(
                assumption.difference, float(values[index - 1]), float(values[index]), lead
            )
    return None


def _bisect(difference: Callable[[float], float], low: float, high: float, lead: float) -> float:
    """Narrow a change of sign: ``low`` still has the first leader, ``high`` the other."""
    while high - low > TOLERANCE:
        middle = (low + high) / 2
        if np.sign(difference(middle)) == lead or difference(middle) == 0:
            low = middle
        else:
            high = middle
    return round(high, 3)


def assumptions(
    offer_a: Offer,
    offer_b: Offer,
    scenario: Scenario,
    measure: Measure = "gross",
    leaving_rate: float | None = None,
) -> list[Assumption]:
    """Every assumption of the scenario, each with its range and difference function.

    ``leaving_rate`` (percent) is the HR view's annual leaving rate; by default England's
    turnover for the start year. "Starting below the top" starts both offers the same share
    below the top of their scales.
    """
    pair = (offer_a, offer_b)

    def total(changed: Scenario) -> float:
        if measure == "gross":  # the schedules' payments are the gross: no payroll needed
            schedules = [build_schedule(offer, changed) for offer in pair]
            factor = changed.money_factors(schedules[0].pay_dates(changed.months_paid))
            sums = [
                int(convert(s.paid(changed.leave_after_months).sum(axis=0), factor).sum())
                for s in schedules
            ]
            return (sums[0] - sums[1]) / 100
        summary = Comparison.of(pair, changed).summary(measure)["total"]
        return float(summary.iloc[0] - summary.iloc[1])

    def with_(**fields: object) -> Scenario:
        return scenario.model_copy(update=fields)

    # Leaving: every month at once, from the two leaving curves
    curves = [Curves.of(offer, scenario) for offer in pair]
    by_month = (getattr(curves[0], measure) - getattr(curves[1], measure)) / 100
    outcomes = [c.outcomes(measure) for c in curves]

    def leaving_differences(percent: float) -> float:
        odds = leaving_probabilities(percent, outcomes[0].size)
        return float(odds @ outcomes[0] - odds @ outcomes[1]) / 100

    # Years compared: every horizon at once, from one comparison over the longest
    longest = Comparison.of(pair, with_(years=MAX_YEARS, leave_after_months=None))
    by_year = (
        longest.cumulative_by_year(0, measure) - longest.cumulative_by_year(1, measure)
    ) / 100

    tops = [_top(offer, scenario) for offer in pair]

    def starting_below(percent: float) -> float:
        share = 1 - Decimal(str(percent)) / 100
        salaries = {
            offer.id: nearest_penny(top * share) for offer, top in zip(pair, tops, strict=True)
        }
        return total(with_(start_salary=salaries))

    start = scenario.start_salary_for(offer_a.id)
    below_now = 0.0 if start is None else float((1 - start / tops[0]) * 100)
    rate_now = (
        leaving_rate
        if leaving_rate is not None
        else float(workforce.default_leaving_rate(scenario.start).value)
    )
    found = [
        Assumption("Months before leaving", "months", scenario.months_paid, 1, scenario.months,
                   lambda m: float(by_month[int(m) - 1]), whole=True),
        Assumption("Years compared", "years", scenario.years, 1, MAX_YEARS,
                   lambda y: float(by_year[int(y) - 1]), whole=True),
        _pay_award_assumption(scenario, lambda changes: total(with_(**changes))),
        Assumption("Starting below the top of the scale", "%", below_now, 0, 30, starting_below),
        Assumption("Annual leaving rate", "%", rate_now, 0, 100, leaving_differences),
    ]  # fmt: skip
    if scenario.money != "nominal":
        inflation = scenario.inflation if scenario.inflation is not None else default_inflation()
        found.append(
            Assumption("Future inflation", "%", float(inflation), 0, 10,
                       lambda i: total(with_(inflation=_two_places(i))))
        )  # fmt: skip
    if scenario.money == "present_value":
        rate = (
            scenario.discount_rate
            if scenario.discount_rate is not None
            else default_discount_rate()
        )
        found.append(
            Assumption("Discount rate", "%", float(rate), 0, 10,
                       lambda d: total(with_(discount_rate=_two_places(d))))
        )  # fmt: skip
    return found


def _pay_award_assumption(
    scenario: Scenario, total: Callable[[dict[str, Decimal]], float]
) -> Assumption:
    """Under the NJC's agreed awards only the award after the last agreed year is assumed."""
    if scenario.pay_award == "njc":
        future = scenario.future_pay_award
        now = future if future is not None else default_future_award()
        return Assumption("Pay award each April after the last agreed one", "%", float(now),
                          0, 10, lambda p: total({"future_pay_award": _two_places(p)}))  # fmt: skip
    return Assumption("Pay award each April", "%", float(scenario.pay_award), 0, 10,
                      lambda p: total({"pay_award": _two_places(p)}))  # fmt: skip


def _top(offer: Offer, scenario: Scenario) -> Decimal:
    value = offer.salary.top.value
    if value is None:
        value = scenario.assumption(offer.id, "salary.top")
    if value is None:
        raise ValueError(f"{offer.label}: the salary is not published and no assumption is given")
    return value


def _two_places(value: float) -> Decimal:
    return Decimal(str(round(value, 2)))

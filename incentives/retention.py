"""If the worker leaves early, and what a hire costs the council.

* :func:`leave_curve`: what a worker has been paid on leaving after each month, clawbacks
  deducted, gross and after tax, and what they cost the council.
* :func:`expected_cost`: the expectation over a constant monthly chance of leaving, set so
  that the chance of leaving within a year is the annual leaving rate.
* :func:`incentives.break_even_search.break_even`: how far an incentive must cut the leaving
  rate to pay for itself (its own module, on these curves).
* :func:`cohort`: a group hired together, followed over the horizon.

Annual leaving rates are in percent, as every rate of the public API (15.1 means 15.1% of
workers leave within a year); a cut in the rate is in percentage points.

Expectations are exact sums over the months of leaving (closed form); :func:`simulate` draws
the same thing at random, so the two can be checked against each other.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from incentives.comparison import employer_pension_rate
from incentives.engine import Schedule, build_schedule
from incentives.model import Offer
from incentives.money import ppm
from incentives.payroll import Person, totals_on_leaving
from incentives.prices import convert, convert_totals
from incentives.scenario import Scenario
from incentives.uk_rules import RuleBook, rule_book


@dataclass(frozen=True)
class Curves:
    """Totals to date, in pence of the scenario's money, on leaving after each month
    1..horizon, and to date for someone still in post (from whom no clawback is due)."""

    gross: np.ndarray
    net: np.ndarray
    employer_cost: np.ndarray
    incentives: np.ndarray  # gross paid in anything but salary, clawbacks deducted
    clawback: np.ndarray  # repaid on leaving then
    by_line: np.ndarray  # lines × months: each line's total on leaving then
    stay_by_line: np.ndarray  # lines × months: each line's total to date while in post
    stay_net: np.ndarray  # take-home to date while in post
    stay_employer_cost: np.ndarray
    schedule: Schedule

    @classmethod
    def of(
        cls,
        offer: Offer,
        scenario: Scenario,
        rules: RuleBook | None = None,
        months: int | None = None,
    ) -> Curves:
        """The curves over the scenario's horizon, or over its first ``months``."""
        rules = rules or rule_book()
        schedule = build_schedule(offer, scenario)
        months = months or schedule.months
        if not 1 <= months <= schedule.months:
            raise ValueError(f"months must be from 1 to {schedule.months}")
        paid = schedule.pence[:, :months]
        clawed = schedule.clawed_on_leaving()[:, :months]
        pay_dates = schedule.pay_dates(months)
        rate = ppm(employer_pension_rate(offer, scenario, rules).percent)
        totals = totals_on_leaving(schedule, Person.of(scenario), rate, rules, months=months)
        factor = scenario.money_factors(pay_dates)
        stay_by_line = np.cumsum(paid, axis=1)
        by_line = stay_by_line + clawed
        if factor is not None:
            by_line = np.array(
                [
                    convert_totals(total, flows, factor)
                    for total, flows in zip(by_line, paid, strict=True)
                ]
            ).reshape(paid.shape)
            stay_by_line = np.cumsum(convert(paid, factor), axis=1)
        return cls(
            gross=by_line.sum(axis=0),
            net=convert_totals(totals.net, totals.stay_net, factor),
            employer_cost=convert_totals(totals.employer_cost, totals.stay_employer_cost, factor),
            incentives=by_line[1:].sum(axis=0),
            clawback=-convert(clawed.sum(axis=0), factor),
            by_line=by_line,
            stay_by_line=stay_by_line,
            stay_net=np.cumsum(convert(totals.stay_net, factor)),
            stay_employer_cost=np.cumsum(convert(totals.stay_employer_cost, factor)),
            schedule=schedule,
        )

    @property
    def stay_incentives(self) -> np.ndarray:
        """Incentives paid to date to someone still in post."""
        return self.stay_by_line[1:].sum(axis=0)

    def outcomes(self, measure: str) -> np.ndarray:
        """Pence for each way a hire can end: leaving after months 1..horizon−1, or still in
        post at the end of the horizon (the last entry)."""
        in_post = {
            "gross": int(self.stay_by_line[:, -1].sum()),
            "net": int(self.stay_net[-1]),
            "employer_cost": int(self.stay_employer_cost[-1]),
            "incentives": int(self.stay_incentives[-1]),
            "clawback": 0,
        }[measure]
        values = getattr(self, measure).copy()
        values[-1] = in_post
        return values


def leave_curve(offer: Offer, scenario: Scenario) -> pd.DataFrame:
    """Totals on leaving after each month: ``leave_after_months``, ``gross`` (paid to date, net
    of clawbacks), ``net`` (take-home to date) and ``employer_cost``, in pounds.

    The scenario's own ``leave_after_months`` is not used: every month of the horizon is.
    """
    curves = Curves.of(offer, scenario)
    return pd.DataFrame(
        {
            "leave_after_months": np.arange(1, scenario.months + 1),
            "gross": curves.gross / 100,
            "net": curves.net / 100,
            "employer_cost": curves.employer_cost / 100,
            "clawback": curves.clawback / 100,
        }
    )


def monthly_leaving_chance(annual_leaving_rate: float) -> float:
    """The constant monthly chance of leaving (a probability, 0 to 1) that gives
    ``annual_leaving_rate`` (percent) over a year."""
    return 1 - (1 - leaving_fraction(annual_leaving_rate)) ** (1 / 12)


def leaving_probabilities(annual_leaving_rate: float, months: int) -> np.ndarray:
    """P(the worker's last month is month n), n = 1..months, at ``annual_leaving_rate``
    (percent); the last entry includes staying to the end of the horizon."""
    return leaving_probabilities_for(np.array([annual_leaving_rate]), months)[0]


def leaving_probabilities_for(annual_leaving_rates: np.ndarray, months: int) -> np.ndarray:
    """:func:`leaving_probabilities` for many annual rates (percent) at once: one row per rate."""
    within = (annual_leaving_rates >= 0) & (annual_leaving_rates <= 100)  # False for NaN
    outside = annual_leaving_rates[~within]
    if outside.size:
        check_leaving_rate(float(outside[0]))  # refused, naming the first
    return leaving_odds(annual_leaving_rates / 100, months)


def leaving_odds(annual_fractions: np.ndarray, months: int) -> np.ndarray:
    """:func:`leaving_probabilities_for` with the rates as fractions of a year's staff."""
    chance = 1 - (1 - annual_fractions[:, None]) ** (1 / 12)
    survive = (1 - chance) ** np.arange(months)  # in post at the start of each month
    probabilities = survive * chance
    probabilities[:, -1] = survive[:, -1]
    return probabilities


@dataclass(frozen=True)
class ExpectedCost:
    """Expectations per hire at one annual leaving rate, in pounds (months for time)."""

    annual_leaving_rate: float  # percent
    expected_months: float
    expected_gross: float  # paid per hire, net of clawbacks
    expected_net: float
    expected_employer_cost: float
    expected_incentives: float  # gross paid in incentives per hire, net of clawbacks
    expected_clawback: float
    by_component: dict[str, float]
    chance_of_staying: float  # of staying the whole horizon

    @property
    def employer_cost_per_month_filled(self) -> float:
        return self.expected_employer_cost / self.expected_months

    @property
    def incentives_per_month_filled(self) -> float:
        return self.expected_incentives / self.expected_months


def expected_cost(
    offer: Offer, scenario: Scenario, annual_leaving_rate: float, *, months: int | None = None
) -> ExpectedCost:
    """What a hire is expected to be paid and to cost, leaving at ``annual_leaving_rate``
    (percent), over the scenario's horizon or its first ``months``.

    Includes what is paid to people who would have stayed anyway: the expectation is over
    everyone hired on the offer.
    """
    return expectations(Curves.of(offer, scenario, months=months), annual_leaving_rate)


def expectations(curves: Curves, annual_leaving_rate: float) -> ExpectedCost:
    months = curves.gross.size
    odds = leaving_probabilities(annual_leaving_rate, months)
    lines = curves.schedule.lines
    by_line = curves.by_line.copy()
    by_line[:, -1] = curves.stay_by_line[:, -1]  # still in post at the end: nothing clawed back
    by_component: dict[str, float] = {}
    for line, totals in zip(lines, by_line, strict=True):
        by_component[line.name] = by_component.get(line.name, 0.0) + float(odds @ totals) / 100

    def expect(measure: str) -> float:
        return float(odds @ curves.outcomes(measure)) / 100

    return ExpectedCost(
        annual_leaving_rate=annual_leaving_rate,
        expected_months=float(odds @ np.arange(1, months + 1)),
        expected_gross=expect("gross"),
        expected_net=expect("net"),
        expected_employer_cost=expect("employer_cost"),
        expected_incentives=expect("incentives"),
        expected_clawback=expect("clawback"),
        by_component=by_component,
        chance_of_staying=float(odds[-1]),
    )


def expected_costs(curves: Curves, rates: np.ndarray) -> pd.DataFrame:
    """Expectations for many annual leaving rates (percent) at once: one row per rate."""
    months = curves.gross.size
    odds = leaving_probabilities_for(np.asarray(rates, dtype=float), months)
    columns = {
        "annual_leaving_rate": np.asarray(rates, dtype=float),
        "expected_months": odds @ np.arange(1, months + 1),
        **{
            f"expected_{measure}": odds @ curves.outcomes(measure) / 100
            for measure in ("gross", "net", "employer_cost", "incentives")
        },
    }
    # One block of floats with a plain index: several times quicker to build than column by column
    return pd.DataFrame(
        np.column_stack(list(columns.values())), columns=pd.Index(list(columns), dtype=object)
    )


@dataclass(frozen=True)
class Simulation:
    """A seeded Monte Carlo estimate of the expectations, with standard errors."""

    hires: int
    mean_months: float
    se_months: float
    mean_gross: float
    se_gross: float


def simulate(
    offer: Offer,
    scenario: Scenario,
    annual_leaving_rate: float,
    *,
    hires: int = 100_000,
    seed: int = 0,
) -> Simulation:
    """Draw each hire's month of leaving with the same monthly chance and average the totals.

    ``annual_leaving_rate`` is in percent; at least 2 hires, for a standard error."""
    if hires < 2:
        raise ValueError(f"a simulation draws 2 or more hires; {hires} was given")
    curves = Curves.of(offer, scenario)
    months = curves.gross.size
    chance = monthly_leaving_chance(annual_leaving_rate)
    generator = np.random.default_rng(seed)
    if chance == 0:
        last = np.full(hires, months)
    else:
        last = np.minimum(generator.geometric(chance, size=hires), months)
    served = last.astype(float)
    paid = curves.outcomes("gross")[last - 1] / 100
    root = np.sqrt(hires)
    return Simulation(
        hires=hires,
        mean_months=float(served.mean()),
        se_months=float(served.std(ddof=1) / root),
        mean_gross=float(paid.mean()),
        se_gross=float(paid.std(ddof=1) / root),
    )


def cohort(
    offer: Offer, scenario: Scenario, annual_leaving_rate: float, hires: int = 100
) -> pd.DataFrame:
    """``hires`` people taken on together at the start, followed to the end of the horizon,
    leaving at ``annual_leaving_rate`` (percent).

    Columns: ``month``; ``in_post`` (expected, at the month's end); ``incentive_spend`` (paid to
    date in incentives, net of clawbacks, £); ``spend_per_retained`` (that spend per person
    still in post). Nobody leaves in the horizon's last month: the horizon simply ends.
    """
    return cohort_from(Curves.of(offer, scenario), annual_leaving_rate, hires)


def cohort_from(curves: Curves, annual_leaving_rate: float, hires: int) -> pd.DataFrame:
    if hires < 1:
        raise ValueError(f"a cohort has 1 or more hires; {hires} was given")
    months = curves.gross.size
    chance = monthly_leaving_chance(annual_leaving_rate)
    survive = (1 - chance) ** np.arange(1, months + 1)  # in post after month m
    survive[-1] = survive[-2] if months > 1 else 1.0
    leaving_after = (1 - chance) ** np.arange(months) * chance
    leaving_after[-1] = 0.0
    spent_by_leavers = np.cumsum(leaving_after * curves.incentives)
    spend = hires * (spent_by_leavers + survive * curves.stay_incentives) / 100
    in_post = hires * survive
    per_retained = np.divide(spend, in_post, out=np.full(months, np.nan), where=in_post > 0)
    return pd.DataFrame(
        {
            "month": np.arange(1, months + 1),
            "in_post": in_post,
            "incentive_spend": spend,
            "spend_per_retained": per_retained,
        }
    )


def check_leaving_rate(annual_leaving_rate: float) -> None:
    """Refuse a rate that is not a percentage, naming it."""
    if not 0 <= annual_leaving_rate <= 100:
        raise ValueError(
            f"an annual leaving rate is a percentage from 0 to 100; {annual_leaving_rate:g} "
            "was given"
        )


def leaving_fraction(annual_leaving_rate: float) -> float:
    """The share of a year's staff who leave, from the rate in percent (checked)."""
    check_leaving_rate(annual_leaving_rate)
    return annual_leaving_rate / 100

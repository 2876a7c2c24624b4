"""Whether an incentive pays for itself through fewer leavers: the cut in the annual leaving
rate it needs (:func:`break_even`), and the yearly cost it adds per post at any rate.

The cost is the employer cost (pay, NI, pension, levy) the incentive adds per month a post is
filled, over the horizon, from :class:`incentives.retention.Curves`. Rates are in percent, a
cut in percentage points.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from incentives.model import Offer
from incentives.retention import Curves, leaving_fraction, leaving_odds
from incentives.scenario import Scenario


@dataclass(frozen=True)
class VacancyCost:
    """What a leaver costs before the post is filled again, in pounds; each figure checked
    when it is made, as a negative one would turn a leaver into a saving without a word."""

    agency_premium_per_month: float  # extra paid for agency cover while the post is vacant
    months_to_fill: float
    recruitment_per_hire: float

    def __post_init__(self) -> None:
        for figure, value in (
            ("agency premium a month (£)", self.agency_premium_per_month),
            ("months to fill a post", self.months_to_fill),
            ("recruitment cost a hire (£)", self.recruitment_per_hire),
        ):
            if not 0 <= value < math.inf:
                raise ValueError(f"a vacancy's {figure} is 0 or more; {value:g} was given")

    @property
    def per_leaver(self) -> float:
        return self.agency_premium_per_month * self.months_to_fill + self.recruitment_per_hire


@dataclass(frozen=True)
class BreakEven:
    """Whether an incentive pays for itself through fewer leavers."""

    annual_leaving_rate: float  # percent, without the incentive
    incentive_cost_per_post_year: float  # employer cost of the incentive, per post filled a year
    vacancy_cost_per_leaver: float
    required_cut: float | None  # percentage points off the annual leaving rate; None: never

    @property
    def rate_needed(self) -> float | None:
        """The annual leaving rate (percent) at which the incentive pays for itself."""
        if self.required_cut is None:
            return None
        return self.annual_leaving_rate - self.required_cut


def break_even(
    offer: Offer, scenario: Scenario, annual_leaving_rate: float, vacancy: VacancyCost
) -> BreakEven:
    """By how many percentage points the offer's incentives must cut the annual leaving rate
    (percent) to pay for themselves.

    The incentive is everything in the offer but its salary. Its cost is the employer cost
    (pay, NI, pension, levy) it adds per month a post is filled, over the horizon. Each leaver
    avoided saves ``vacancy.per_leaver``. The cut needed is the smallest for which the yearly
    saving, (rate without − rate with) × saving per leaver, covers the yearly incentive cost
    at the lower rate; a smaller cut may pay where a larger one does not (see
    :data:`SEARCH_STEPS`).
    """
    with_incentives = Curves.of(offer, scenario)
    salary_only = Curves.of(offer.model_copy(update={"components": ()}), scenario)
    return break_even_from(with_incentives, salary_only, annual_leaving_rate, vacancy)


def yearly_incentive_cost(
    with_incentives: Curves, salary_only: Curves, annual_leaving_rate: float
) -> float:
    """The employer cost the incentives add per post filled a year, in pounds, at a leaving
    rate (percent): what :func:`break_even` weighs against the leavers avoided."""
    extra = _extra_cost(with_incentives, salary_only)
    return _yearly_cost_at(extra, leaving_fraction(annual_leaving_rate))


def _extra_cost(with_incentives: Curves, salary_only: Curves) -> np.ndarray:
    """Pence the incentives add to the employer's cost, for each way a hire can end."""
    return with_incentives.outcomes("employer_cost") - salary_only.outcomes("employer_cost")


def _yearly_cost_at(extra: np.ndarray, fraction: float) -> float:
    return float(_yearly_costs_at(extra, np.array([fraction]))[0])


def _yearly_costs_at(extra: np.ndarray, fractions: np.ndarray) -> np.ndarray:
    """:func:`yearly_incentive_cost` in pounds at many leaving rates, as fractions, at once,
    from the incentives' extra cost for each way a hire can end (:func:`_extra_cost`)."""
    months = extra.size
    odds = leaving_odds(fractions, months)
    return 12 * (odds @ extra) / 100 / (odds @ np.arange(1, months + 1))


# Cuts tried, evenly from none to the whole rate, before narrowing down between two of them.
# The incentives' cost need not fall as the cut grows (a clawback repaid by early leavers,
# a payment only stayers reach), so a cut can pay where keeping everyone would not, and the
# saving less the cost can change sign more than once: only a scan finds the smallest cut.
# A cut paying over less than one step (a thousandth of the rate) can be missed.
SEARCH_STEPS = 1_000


@dataclass(frozen=True, eq=False)
class CutCosts:
    """The incentives' yearly cost per post at each cut :func:`break_even` tries, from none to
    the whole leaving rate in ``SEARCH_STEPS`` even steps. It does not depend on what a leaver
    costs, so one grid serves every vacancy cost weighed against it."""

    extra: np.ndarray  # pence the incentives add for each way a hire can end (_extra_cost)
    annual_leaving_rate: float  # percent, without the incentive
    cuts: np.ndarray  # percentage points, 0 to the whole rate
    costs: np.ndarray  # £ a year per post filled, at the rate less each cut

    @classmethod
    def of(
        cls, with_incentives: Curves, salary_only: Curves, annual_leaving_rate: float
    ) -> CutCosts:
        leaving_fraction(annual_leaving_rate)  # checked once: every rate of the grid is below it
        extra = _extra_cost(with_incentives, salary_only)  # once, for every cut and narrowing
        cuts = np.linspace(0.0, annual_leaving_rate, SEARCH_STEPS + 1)
        costs = _yearly_costs_at(extra, (annual_leaving_rate - cuts) / 100)
        return cls(extra, annual_leaving_rate, cuts, costs)

    def cost_at(self, cut: float) -> float:
        """The yearly cost at a cut between two of the grid's."""
        return _yearly_cost_at(self.extra, (self.annual_leaving_rate - cut) / 100)


def break_even_from(
    with_incentives: Curves, salary_only: Curves, annual_leaving_rate: float, vacancy: VacancyCost
) -> BreakEven:
    return break_even_on(CutCosts.of(with_incentives, salary_only, annual_leaving_rate), vacancy)


def break_even_on(grid: CutCosts, vacancy: VacancyCost) -> BreakEven:
    """:func:`break_even` on costs already worked out for each cut."""

    def surplus(cut: float) -> float:
        return cut / 100 * vacancy.per_leaver - grid.cost_at(cut)

    cost_now = float(grid.costs[0])
    required: float | None = 0.0
    if cost_now > 0:
        paying = np.flatnonzero(grid.cuts / 100 * vacancy.per_leaver - grid.costs >= 0)
        if paying.size == 0:
            required = None
        else:  # surplus(short) < 0 <= surplus(enough): the smallest cut that pays is between
            short, enough = float(grid.cuts[paying[0] - 1]), float(grid.cuts[paying[0]])
            for _ in range(50):
                middle = (short + enough) / 2
                if surplus(middle) >= 0:
                    enough = middle
                else:
                    short = middle
            required = enough
    return BreakEven(grid.annual_leaving_rate, cost_now, vacancy.per_leaver, required)

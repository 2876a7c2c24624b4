"""What a leaver must cost for an offer's incentives to pay for themselves.

:func:`incentives.break_even` asks how far the incentives must cut the leaving rate, given what
a leaver costs; often no cut is enough. :func:`leaver_cost_needed` asks the question the other
way round, and always has an answer: what each leaver avoided must save for a given cut to pay.
Give that saving to ``break_even`` and it asks for that cut.

Rates are percent (15.1 means 15.1% of posts a year) and cuts are percentage points.
Amounts are pounds as :class:`~decimal.Decimal`, to the penny; each function says how it rounds.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import numpy as np

from incentives.break_even_search import CutCosts, VacancyCost, break_even_on, yearly_incentive_cost
from incentives.model import Offer
from incentives.money import PENNY, estimate_to_penny, estimate_up_to_penny
from incentives.retention import Curves, check_leaving_rate
from incentives.scenario import Scenario

CUTS_SHOWN = (1.0, 2.0, 5.0)  # points of the annual leaving rate the page prices


def leaver_cost_needed(
    offer: Offer, scenario: Scenario, annual_leaving_rate: float, cut: float
) -> Decimal:
    """What each leaver avoided must save, in pounds, for the offer's incentives to pay for
    themselves if they cut ``annual_leaving_rate`` (percent) by ``cut`` points.

    The yearly saving, cut × saving per leaver, must cover what the incentives cost per post
    filled a year at the lower rate (the cost :func:`incentives.break_even` uses). The least
    whole penny at which ``break_even`` finds that the cut pays, so a leaver costing this much
    does pay for it and a penny less does not; £0 where the incentives cost nothing at the
    lower rate.
    """
    with_incentives, salary_only = curves_of(offer, scenario)
    return leaver_cost_needed_from(with_incentives, salary_only, annual_leaving_rate, cut)


def leaver_cost_needed_from(
    with_incentives: Curves, salary_only: Curves, annual_leaving_rate: float, cut: float
) -> Decimal:
    """:func:`leaver_cost_needed` from curves already built."""
    check_leaving_rate(annual_leaving_rate)
    if not 0 < cut <= annual_leaving_rate:
        raise ValueError(
            f"a cut is more than 0 and at most the annual leaving rate ({annual_leaving_rate:g}"
            f" points); {cut:g} was given"
        )
    cost = yearly_incentive_cost(with_incentives, salary_only, annual_leaving_rate - cut)
    if cost <= 0:
        return Decimal(0)
    return least_penny_covering(cost, cut)


def least_penny_covering(cost: float, cut: float) -> Decimal:
    """The least whole penny a leaver must save for ``cut`` points × it to cover ``cost`` a
    year, as :func:`incentives.break_even_search.break_even_on` weighs them (``cut / 100 × saving −
    cost >= 0`` in floating point). The quotient rounded up can be a penny out either way: a
    last bit lost in the division (3.1300000000000003 / 0.01 gives 313.0), or gained (0.016 /
    0.01 gives 1.6, which as a Decimal is a little over 1.60)."""

    def covers(saving: Decimal) -> bool:
        return fraction(cut) * float(saving) - cost >= 0

    saving = estimate_up_to_penny(cost / fraction(cut))  # then a penny either way, if need be
    while not covers(saving):
        saving += PENNY
    while covers(saving - PENNY):
        saving -= PENNY
    return saving


def curves_of(offer: Offer, scenario: Scenario) -> tuple[Curves, Curves]:
    """The offer's curves, and those of its salary alone (what its incentives are added to)."""
    salary_only = offer.model_copy(update={"components": ()})
    return Curves.of(offer, scenario), Curves.of(salary_only, scenario)


def vacancy_cost(
    curves: Curves, agency_premium_per_month: float, months_to_fill: float, recruitment_share: float
) -> VacancyCost:
    """What a leaver costs before the post is filled: agency cover for ``months_to_fill`` and a
    recruitment fee of ``recruitment_share`` percent of the offer's first year's basic salary."""
    basic = float(curves.schedule.basic[0]) / 100  # pence a year
    return VacancyCost(agency_premium_per_month, months_to_fill, recruitment_share / 100 * basic)


@dataclass(frozen=True)
class OfferAnswer:
    """Whether, and how, one offer's incentives pay for themselves: the figures a page words."""

    annual_leaving_rate: float  # percent, without the incentives
    saving_per_leaver: Decimal  # what the visitor says a leaver costs
    cost_per_post_year: Decimal  # what the incentives add per post filled a year, now
    cost_with_no_leavers: Decimal  # the same if nobody left
    most_saved: Decimal  # a year per post if nobody left: the rate × the saving per leaver
    least_saving_that_pays: Decimal | None  # per leaver, at the best cut; None: nobody leaves
    cut_that_pays_soonest: float | None  # that cut, in points (the whole rate: keep everyone)
    cut_needed: float | None  # points; None: not even with nobody leaving
    saving_needed: dict[float, Decimal]  # cut in points -> saving per leaver it needs


def answer_from(
    with_incentives: Curves,
    salary_only: Curves,
    annual_leaving_rate: float,
    vacancy: VacancyCost,
) -> OfferAnswer:
    """The cut the offer needs at the visitor's vacancy cost, the saving per leaver it needs for
    a 1, 2 and 5 point cut, and the least a leaver must save for any cut to pay (with no one
    leaving at all).

    Amounts are rounded half up to the penny, except the savings needed (the least whole penny
    that pays)."""
    check_leaving_rate(annual_leaving_rate)
    grid = CutCosts.of(with_incentives, salary_only, annual_leaving_rate)
    result = break_even_on(grid, vacancy)
    cost_at_zero = float(grid.costs[-1])  # the whole rate cut: nobody leaves
    least, soonest = least_saving_on(grid)
    needed = {
        points: leaver_cost_needed_from(with_incentives, salary_only, annual_leaving_rate, points)
        for points in CUTS_SHOWN
        if points <= annual_leaving_rate
    }
    return OfferAnswer(
        annual_leaving_rate=annual_leaving_rate,
        saving_per_leaver=estimate_to_penny(vacancy.per_leaver),
        cost_per_post_year=estimate_to_penny(result.incentive_cost_per_post_year),
        cost_with_no_leavers=estimate_to_penny(cost_at_zero),
        most_saved=estimate_to_penny(fraction(annual_leaving_rate) * vacancy.per_leaver),
        least_saving_that_pays=least,
        cut_that_pays_soonest=soonest,
        cut_needed=result.required_cut,  # percentage points
        saving_needed=needed,
    )


def least_saving_that_pays(
    with_incentives: Curves, salary_only: Curves, annual_leaving_rate: float
) -> tuple[Decimal | None, float | None]:
    """The least each leaver avoided must save for some cut to pay, to the penny (as
    :func:`least_penny_covering`), and that cut in points; (None, None) where nobody leaves.

    Usually the whole rate (keeping everyone), but not always: where early leavers repay a
    clawback, or only stayers reach a payment, the incentives can cost more as fewer leave. The
    cuts tried are those :func:`incentives.break_even` tries (``SEARCH_STEPS``).
    """
    return least_saving_on(CutCosts.of(with_incentives, salary_only, annual_leaving_rate))


def least_saving_on(grid: CutCosts) -> tuple[Decimal | None, float | None]:
    """:func:`least_saving_that_pays` on costs already worked out for each cut."""
    if grid.annual_leaving_rate <= 0:
        return None, None
    cuts, costs = grid.cuts[:0:-1], grid.costs[:0:-1]  # the whole rate first; no zero cut
    per_leaver = np.maximum(costs, 0.0) / (cuts / 100)
    best = int(np.argmin(per_leaver))  # the first, so the whole rate where it ties
    cost, cut = float(costs[best]), float(cuts[best])
    return (least_penny_covering(cost, cut) if cost > 0 else Decimal(0)), cut


def fraction(percent: float) -> float:
    """A percentage as the fraction :mod:`incentives.retention` takes (15.1 -> 0.151)."""
    return percent / 100

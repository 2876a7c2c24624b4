"""What a leaver must cost, at the edges: incentives that cost nothing, what a leaver costs
before the post is filled, the leaving rate's limits, half pennies, and each part of the
answer the cost page words."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import numpy as np
import pytest

from incentives import Scenario, leaver_cost_needed
from incentives.break_even_search import CutCosts, VacancyCost
from incentives.leavers import (
    answer_from,
    curves_of,
    least_saving_on,
    least_saving_that_pays,
    leaver_cost_needed_from,
    vacancy_cost,
)
from incentives.money import estimate_to_penny
from tests.builders import golden_hello, offer
from tests.unit.test_leavers import ONE_YEAR, SUPPLEMENT  # £1,575.60 a post a year at any rate

FIVE_YEARS = Scenario(years=5, start=dt.date(2017, 4, 1), employer_pension_rate={"test-offer": 17})


def test_incentives_that_lower_the_cost_need_no_saving_per_leaver():
    # A grid where every cut leaves the incentives saving the council money (a clawback
    # handing back more than its payment added): at the whole 10 point cut they cost −£0.50
    # a post-year, so a leaver need save nothing, not −£0.50 / 0.10 = −£5.00
    grid = CutCosts(
        extra=np.zeros(1),
        annual_leaving_rate=10,
        cuts=np.array([0.0, 5.0, 10.0]),
        costs=np.array([-2.0, -1.0, -0.5]),
    )
    assert least_saving_on(grid) == (Decimal(0), 10.0)


def test_incentives_that_cost_nothing_need_no_saving_per_leaver():
    with_incentives, salary_only = curves_of(offer(30_000), ONE_YEAR)
    assert leaver_cost_needed_from(with_incentives, salary_only, 15.1, 2) == 0
    # Every cut costs nothing, so the first tried, the whole rate, is named
    assert least_saving_that_pays(with_incentives, salary_only, 15.1) == (Decimal(0), 15.1)


def test_a_leaver_costs_agency_cover_and_a_share_of_the_salary_the_hire_starts_on():
    # Joining in March 2025 on £30,000, raised 2% to £30,600 in April: agency cover at £800 a
    # month for 4.5 months is £3,600, and a fee of 20% of the starting £30,000 is £6,000
    scenario = Scenario(start=dt.date(2025, 3, 1), pay_award=2, years=1)
    with_incentives, _ = curves_of(offer(30_000), scenario)
    vacancy = vacancy_cost(with_incentives, 800, 4.5, 20)
    assert vacancy == VacancyCost(800, 4.5, 6_000)
    assert vacancy.per_leaver == 9_600


def test_the_cost_with_no_leavers_is_at_a_leaving_rate_of_zero():
    # A £1,200 golden hello kept by all, in 2025/26 with no pension: £1,200 + £180 NI + £6
    # levy = £1,386 a hire. With nobody leaving a post is filled all 12 months of the year:
    # £1,386 a post-year. At today's 50% it is 12 × 1,386 / 8.90858 = £1,866.96 (months filled
    # (1 − 0.5) / (1 − 0.5^(1/12))); at the grid's lowest rate tried, 0.05%, a little over £1,386.
    scenario = Scenario(pay_award=0, start="2025-04-01", years=1, pension=0)
    with_incentives, salary_only = curves_of(offer(24_000, golden_hello(1_200)), scenario)
    answer = answer_from(with_incentives, salary_only, 50, VacancyCost(0, 0, 4_500))
    assert answer.cost_with_no_leavers == Decimal("1386.00")
    assert answer.cost_per_post_year == Decimal("1866.96")
    # The least saving that pays is keeping everyone: 1,386 / 0.5 = £2,772 a leaver
    assert (answer.least_saving_that_pays, answer.cut_that_pays_soonest) == (Decimal(2_772), 50)


def test_a_flat_supplement_pays_soonest_by_keeping_everyone():
    with_incentives, salary_only = curves_of(SUPPLEMENT, ONE_YEAR)
    answer = answer_from(with_incentives, salary_only, 15.1, VacancyCost(0, 0, 10_000))
    assert answer.cut_that_pays_soonest == 15.1


def test_a_cut_of_the_whole_leaving_rate_is_priced():
    # From exactly 2%, the 2 point cut is priced: 1,575.60 / 0.02 = £78,780
    with_incentives, salary_only = curves_of(SUPPLEMENT, ONE_YEAR)
    answer = answer_from(with_incentives, salary_only, 2, VacancyCost(0, 0, 10_000))
    assert answer.saving_needed == {1.0: Decimal("157560.00"), 2.0: Decimal("78780.00")}


def test_a_cut_that_pays_is_found_for_an_incentive_costing_pennies():
    # A £1 bonus paid after two years to those who stay three more (the £1,000 one of
    # test_leavers.py, a thousandth the size): keeping everyone from 70% costs 1.313 / 5 =
    # £0.26 a post-year, £0.38 a leaver; a cut near 10 points needs about a thousandth of the
    # £129.35 the £1,000 bonus needs, £0.13 or less.
    package = offer(30_000, golden_hello(1, after=24, within=36))
    with_incentives, salary_only = curves_of(package, FIVE_YEARS)
    least, cut = least_saving_that_pays(with_incentives, salary_only, 70)
    assert least is not None and cut is not None
    assert least <= Decimal("0.13") and cut < 70


def test_a_leaving_rate_of_100_percent_is_a_question_with_an_answer():
    # Everyone leaves now; a 5 point cut must cover 1,575.60: 1,575.60 / 0.05 = £31,512
    assert leaver_cost_needed(SUPPLEMENT, ONE_YEAR, 100, 5) == Decimal("31512.00")


def test_a_leaving_rate_over_100_percent_is_refused_with_the_rate_given():
    message = "an annual leaving rate is a percentage from 0 to 100; 100.5 was given"
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        leaver_cost_needed(SUPPLEMENT, ONE_YEAR, 100.5, 1)


def test_a_half_penny_of_an_estimate_is_rounded_up():
    # 1,234.625 is exact in binary, so it is a true tie: half up gives .63 (half even .62)
    assert estimate_to_penny(1_234.625) == Decimal("1234.63")
    assert estimate_to_penny(0.125) == Decimal("0.13")

"""What a leaver must cost for incentives to pay: the library's figures (the page's words are
tested in test_pages_costs.py)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from incentives import Scenario, VacancyCost, break_even, leaver_cost_needed, load_offers
from incentives.leavers import answer_from, curves_of, leaver_cost_needed_from
from incentives.retention import break_even_from, yearly_incentive_cost
from incentives.workforce import figure, series
from tests.builders import offer
from tests.strategies import offers as any_offer

# £1,200 a year as £100 a month, on a salary above the NI threshold, in 2017/18, with the
# employer's pension at 17%: each month adds £100 + £13.80 NI (13.8%) + £0.50 levy (0.5%)
# + £17 pension = £131.30, so £1,575.60 a post a year whatever the leaving rate.
SUPPLEMENT = offer(
    30_000,
    {"kind": "supplement", "name": "Market supplement", "from_month": 1, "amount": 1_200},
)
ONE_YEAR = Scenario(years=1, start=dt.date(2017, 4, 1), employer_pension_rate={"test-offer": 17})


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    package=any_offer(),
    years=st.integers(1, 5),
    rate=st.integers(100, 6_000).map(lambda basis: basis / 100),
    share=st.floats(0.01, 1.0),
)
def test_break_even_asks_for_the_cut_that_leaver_cost_needed_priced(package, years, rate, share):
    """Given the saving leaver_cost_needed names for a cut, break_even asks for that cut. The
    saving is rounded up to the penny, so break_even may ask for a hair less: about the share
    of the cut that a penny is of the saving. The incentives' cost also changes with the
    leaving rate, which can stretch that a little where the saving is only pounds (a cut of
    55.22 points priced at £3.36 came back 0.331 points short against a penny's 0.164), so
    the bound allows four pennies' worth."""
    cut = max(round(rate * share, 4), 0.01)
    # No pay award: random salaries may fall below the old spine's points, which the NJC
    # data does not hold (see data/njc_pay.yaml); the agreement holds whatever the pay.
    with_incentives, salary_only = curves_of(package, Scenario(years=years, pay_award=0))
    if yearly_incentive_cost(with_incentives, salary_only, rate) <= 0:
        return  # nothing to pay for: break_even answers 0 whatever a leaver costs
    saving = leaver_cost_needed_from(with_incentives, salary_only, rate, cut)
    asked = break_even_from(
        with_incentives, salary_only, rate, VacancyCost(float(saving), 1, 0)
    ).required_cut
    assert asked is not None
    slack = max(1e-6, 4 * cut * 0.01 / float(saving))
    assert cut - slack <= asked <= cut + 1e-6  # both in percentage points


def test_the_public_functions_agree_for_a_real_offer():
    rotherham = load_offers()["rotherham-social-worker"]
    saving = leaver_cost_needed(rotherham, Scenario(), 15.1, 2)
    asked = break_even(rotherham, Scenario(), 15.1, VacancyCost(float(saving), 1, 0))
    assert asked.required_cut == pytest.approx(2, abs=1e-4)  # points


def test_hand_worked_savings_needed_for_a_flat_supplement():
    # £1,575.60 a year must be covered by the cut × the saving per leaver
    assert leaver_cost_needed(SUPPLEMENT, ONE_YEAR, 15.1, 2) == Decimal("78780.00")  # / 0.02
    assert leaver_cost_needed(SUPPLEMENT, ONE_YEAR, 15.1, 5) == Decimal("31512.00")  # / 0.05
    assert leaver_cost_needed(SUPPLEMENT, ONE_YEAR, 15.1, 1) == Decimal("157560.00")  # / 0.01


def test_a_flat_supplement_pays_with_the_cut_its_cost_over_a_leaver_gives():
    with_incentives, salary_only = curves_of(SUPPLEMENT, ONE_YEAR)
    answer = answer_from(with_incentives, salary_only, 15.1, VacancyCost(0, 0, 20_000))
    # 1,575.60 / 20,000 = 0.07878: a cut of 7.878 points, from 15.1% to 7.2%
    assert answer.cut_needed == pytest.approx(7.878, abs=1e-6)
    assert answer.cost_per_post_year == Decimal("1575.60")


def test_when_even_no_leavers_would_not_pay_the_answer_says_by_how_much():
    with_incentives, salary_only = curves_of(SUPPLEMENT, ONE_YEAR)
    answer = answer_from(with_incentives, salary_only, 15.1, VacancyCost(0, 0, 10_000))
    assert answer.cut_needed is None
    assert answer.cost_with_no_leavers == Decimal("1575.60")
    assert answer.most_saved == Decimal("1510.00")  # 15.1% of posts × £10,000
    # 1,575.60 / 0.151 = 10,434.437..., rounded up to the penny
    assert answer.least_saving_that_pays == Decimal("10434.44")
    assert answer.saving_needed == {
        1.0: Decimal("157560.00"),
        2.0: Decimal("78780.00"),
        5.0: Decimal("31512.00"),
    }


def test_no_cut_is_a_question_without_an_answer():
    for cut in (0, -1, 15.2):
        with pytest.raises(ValueError, match="a cut is more than 0"):
            leaver_cost_needed(SUPPLEMENT, ONE_YEAR, 15.1, cut)
    with pytest.raises(ValueError, match="percentage from 0 to 100"):
        leaver_cost_needed(SUPPLEMENT, ONE_YEAR, 120, 2)


def test_cuts_above_the_leaving_rate_are_not_priced():
    with_incentives, salary_only = curves_of(SUPPLEMENT, ONE_YEAR)
    answer = answer_from(with_incentives, salary_only, 3, VacancyCost(0, 0, 10_000))
    assert list(answer.saving_needed) == [1.0, 2.0]


def test_with_no_one_leaving_no_saving_per_leaver_can_pay():
    with_incentives, salary_only = curves_of(SUPPLEMENT, ONE_YEAR)
    answer = answer_from(with_incentives, salary_only, 0, VacancyCost(0, 0, 10_000))
    assert answer.cut_needed is None
    assert answer.least_saving_that_pays is None
    assert answer.saving_needed == {}


@pytest.mark.parametrize("year", [2023, 2025])
def test_months_to_fill_is_12_times_vacancies_over_leavers(year):
    when = dt.date(year, 9, 30)
    vacancies = dict(series("england.vacancies_fte"))[when]
    leavers = dict(series("england.leavers_fte"))[when]
    estimate = figure("england.months_to_fill_estimate", when)
    assert estimate.as_of == when
    assert estimate.value == round(12 * vacancies / leavers, 1)
    assert (estimate.note or "").startswith("Estimate")

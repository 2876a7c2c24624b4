"""What a leaver must cost for incentives to pay: the library's figures (the page's words are
tested in test_pages_costs.py)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import numpy as np
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from incentives import Scenario, VacancyCost, break_even, leaver_cost_needed, load_offers
from incentives.break_even_search import break_even_from, yearly_incentive_cost
from incentives.leavers import (
    answer_from,
    curves_of,
    least_penny_covering,
    least_saving_that_pays,
    leaver_cost_needed_from,
)
from incentives.retention import Curves
from incentives.workforce import figure, series
from tests.builders import golden_hello, offer
from tests.strategies import offers as any_offer

# £1,200 a year as £100 a month, on a salary above the NI threshold, in 2017/18, with the
# employer's pension at 17%: each month adds £100 + £13.80 NI (13.8%) + £0.50 levy (0.5%)
# + £17 pension = £131.30, so £1,575.60 a post a year whatever the leaving rate.
SUPPLEMENT = offer(
    30_000,
    {"kind": "supplement", "name": "Market supplement", "from_month": 1, "amount": 1_200},
)
ONE_YEAR = Scenario(years=1, start=dt.date(2017, 4, 1), employer_pension_rate={"test-offer": 17})


# A golden hello of £1,000 paid after two years and repaid by anyone leaving within the next
# three: over a five-year horizon only those still in post at the end keep it, each costing
# £1,000 + 13.8% NI + 0.5% levy + 17% pension = £1,313 (2019/20, the pension at 17%).
STAYERS_BONUS = offer(30_000, golden_hello(1_000, after=24, within=36))
FIVE_YEARS = Scenario(years=5, start=dt.date(2017, 4, 1), employer_pension_rate={"test-offer": 17})


def pays(
    with_incentives: Curves, salary_only: Curves, rate: float, cut: float, saving: float
) -> bool:
    """Whether a cut of ``cut`` points from ``rate`` percent pays at ``saving`` a leaver."""
    cost = yearly_incentive_cost(with_incentives, salary_only, rate - cut)
    return cut / 100 * saving >= cost - 1e-9 * max(1.0, abs(cost))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    package=any_offer(),
    years=st.integers(1, 5),
    rate=st.integers(100, 6_000).map(lambda basis: basis / 100),
    share=st.floats(0.01, 1.0),
)
# Paid only to stayers: the 11.82 point cut pays at £300.45, keeping everyone does not, and
# break_even used to answer "never".
@example(offer(30_000, golden_hello(1_000, after=24, within=36)), 5, 59.56, 11.82 / 59.56)
# £1.32 paid after 39 months: the cost falls almost as fast as the saving as the cut shrinks,
# so the penny the saving is rounded up by buys 1.89 of the 45.42 points.
@example(offer(15_367.82, golden_hello(1.32, after=39, within=7)), 4, 45.42, 1.0)
# A penny's golden hello over five years costs 0.2p a post-year: keeping the 1% who leave pays
# at exactly 20p a leaver (0.002 / 0.01), which the float holds a hair above 0.2 and was
# rounded up to 21p.
@example(offer(15_000, golden_hello(0.01)), 5, 1.0, 1.0)
def test_break_even_asks_for_the_smallest_cut_that_pays_at_the_saving_priced(
    package, years, rate, share
):
    """leaver_cost_needed names the least saving, to the penny, at which the cut pays; given
    it, break_even asks for the smallest cut that pays. That is the cut priced where the
    incentives' cost per leaver avoided falls as the cut grows (a flat supplement: see the
    tests below), but not always: where the cost rises as fewer leave (a clawback repaid by
    leavers, a payment only stayers reach), a smaller cut can pay too, and a penny more than
    the exact saving can buy more than a penny's share of the cut. So the property is that
    the answer is no more than the cut priced, pays, and is the smallest that does."""
    cut = max(round(rate * share, 4), 0.01)
    # No pay award: random salaries may fall below the old spine's points, which the NJC
    # data does not hold (see data/njc_pay.yaml); the agreement holds whatever the pay.
    with_incentives, salary_only = curves_of(package, Scenario(years=years, pay_award=0))
    if yearly_incentive_cost(with_incentives, salary_only, rate) <= 0:
        return  # nothing to pay for: break_even answers 0 whatever a leaver costs
    saving = leaver_cost_needed_from(with_incentives, salary_only, rate, cut)
    assert pays(with_incentives, salary_only, rate, cut, float(saving))
    if saving > 0:  # the least to the penny: a penny less and the cut does not pay
        short = cut / 100 * (float(saving) - 0.01)
        assert short < yearly_incentive_cost(with_incentives, salary_only, rate - cut)
    asked = break_even_from(
        with_incentives, salary_only, rate, VacancyCost(float(saving), 1, 0)
    ).required_cut
    assert asked is not None  # the cut priced pays, so some cut does
    assert asked <= cut + 1e-6  # both in percentage points
    assert pays(with_incentives, salary_only, rate, asked, float(saving))
    smaller = np.linspace(0, asked, 40, endpoint=False)[1:]
    assert not any(pays(with_incentives, salary_only, rate, c, float(saving)) for c in smaller)


def _supplement(amount: float) -> dict:
    return {"kind": "supplement", "name": "Supplement", "from_month": 1, "amount": amount}


def test_the_saving_priced_pays_where_the_division_loses_a_last_bit():
    # £0.01 and £2.36 a year on £15,000, over one year from 1%: the incentives add 313p to the
    # year's employer cost (237p paid, with its NI, levy and pension), so at the whole rate cut
    # (nobody leaves) they cost 3.13 a post-year and a leaver must save 3.13 / 0.01 = £313.00.
    # In floating point the cost is 3.1300000000000003 and 0.01 × 313.0 falls a last bit
    # short: the saving priced is then the penny above, and break_even finds the cut with it.
    package = offer(15_000, _supplement(0.01), _supplement(2.36))
    with_incentives, salary_only = curves_of(package, Scenario(years=1, pay_award=0))
    assert yearly_incentive_cost(with_incentives, salary_only, 0) == pytest.approx(3.13)
    saving = leaver_cost_needed_from(with_incentives, salary_only, 1, 1)
    assert saving in (Decimal("313.00"), Decimal("313.01"))
    asked = break_even_from(with_incentives, salary_only, 1, VacancyCost(float(saving), 1, 0))
    assert asked.required_cut == pytest.approx(1, abs=1e-3)
    short = VacancyCost(float(saving) - 0.01, 1, 0)
    assert break_even_from(with_incentives, salary_only, 1, short).required_cut is None
    assert least_saving_that_pays(with_incentives, salary_only, 1) == (saving, 1.0)


def test_the_saving_priced_is_not_a_penny_over_where_the_division_gains_a_last_bit():
    # £0.01 a year on £15,000 over five years: the incentive adds 8p to the employer cost of
    # the 60 months, 12 × 0.08 / 60 = £0.016 a post-year, so a 1 point cut from 1% needs
    # 0.016 / 0.01 = £1.60 exactly (the float quotient 1.6 is a little over 1.60 as a Decimal)
    package = offer(15_000, _supplement(0.01))
    with_incentives, salary_only = curves_of(package, Scenario(years=5, pay_award=0))
    assert yearly_incentive_cost(with_incentives, salary_only, 0) == pytest.approx(0.016)
    assert leaver_cost_needed_from(with_incentives, salary_only, 1, 1) == Decimal("1.60")
    assert least_saving_that_pays(with_incentives, salary_only, 1) == (Decimal("1.60"), 1.0)


def test_the_saving_priced_steps_down_where_the_quotient_reads_over_the_penny():
    # £577.791 a year over a 1 point cut: 577.791 / 0.01 = £57,779.10 exactly, but the float
    # quotient is 57779.100000000006, a penny more rounded up (£57,779.11); 0.01 × 57,779.10
    # − 577.791 is 0.0 in floating point, so £57,779.10 pays, and £57,779.09 falls £0.0001 short
    assert least_penny_covering(577.791, 1.0) == Decimal("57779.10")
    # over a 2 point cut, 577.791 / 0.02 = £28,889.55; the float 28889.550000000003 rounded up
    # is again a penny over, and 0.02 × 28,889.55 − 577.791 is 0.0
    assert least_penny_covering(577.791, 2.0) == Decimal("28889.55")


def test_a_cut_can_pay_where_keeping_everyone_would_not():
    # Only stayers keep the bonus, so the fewer leave the more it costs. With (1 − q)¹² = 1 − r,
    # P(in post at month 60) = (1 − r)^(59/12) and months filled = (1 − (1 − r)⁵) / q, so at a
    # 60% rate: 0.4^(59/12) = 0.011054, q = 1 − 0.4^(1/12) = 0.073515, months 0.98976 / q =
    # 13.4634, a year 12 × 1,313 × 0.011054 / 13.4634 = £12.94; at 68%: 0.32^(59/12) =
    # 0.003689, q = 0.090583, months 0.996645 / q = 11.0026, a year £5.28; keeping everyone:
    # 1,313 / 5 = £262.60 a year.
    with_incentives, salary_only = curves_of(STAYERS_BONUS, FIVE_YEARS)
    assert yearly_incentive_cost(with_incentives, salary_only, 60) == pytest.approx(12.94, abs=0.01)
    assert yearly_incentive_cost(with_incentives, salary_only, 68) == pytest.approx(5.28, abs=0.01)
    assert yearly_incentive_cost(with_incentives, salary_only, 0) == pytest.approx(262.60)
    # From 70%, a 10 point cut needs 12.93 / 0.1 = £129.35 a leaver (rounded up)
    assert leaver_cost_needed(STAYERS_BONUS, FIVE_YEARS, 70, 10) == Decimal("129.35")
    # At £200 a leaver, keeping everyone saves 0.7 × 200 = £140 < £262.60, but 10 points
    # saves £20 > £12.94, and 2 points saves £4 < £5.28: the cut needed is between 2 and 10
    answer = break_even(STAYERS_BONUS, FIVE_YEARS, 70, VacancyCost(0, 0, 200))
    assert answer.required_cut is not None
    assert 2 < answer.required_cut < 10


def test_the_least_saving_that_pays_can_come_with_a_smaller_cut_than_keeping_everyone():
    with_incentives, salary_only = curves_of(STAYERS_BONUS, FIVE_YEARS)
    least, cut = least_saving_that_pays(with_incentives, salary_only, 70)
    # Keeping everyone would need 262.60 / 0.7 = £375.14 a leaver; a 10 point cut only £129.35
    assert least is not None and cut is not None
    assert least <= Decimal("129.35") and cut < 70
    # The least is what that cut needs: given it, break_even asks for no more than that cut
    assert leaver_cost_needed_from(with_incentives, salary_only, 70, cut) == least
    asked = break_even(STAYERS_BONUS, FIVE_YEARS, 70, VacancyCost(0, 0, float(least)))
    assert asked.required_cut is not None and asked.required_cut <= cut + 1e-6
    # And a penny less pays with none of the cuts tried
    assert (
        break_even_from(
            with_incentives, salary_only, 70, VacancyCost(0, 0, float(least) - 0.01)
        ).required_cut
        is None
    )


def test_a_flat_supplement_pays_least_by_keeping_everyone():
    with_incentives, salary_only = curves_of(SUPPLEMENT, ONE_YEAR)
    # 1,575.60 / 0.151 = 10,434.437..., rounded up
    assert least_saving_that_pays(with_incentives, salary_only, 15.1) == (Decimal("10434.44"), 15.1)
    assert least_saving_that_pays(with_incentives, salary_only, 0) == (None, None)


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

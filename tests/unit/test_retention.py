"""Leaving early, expected cost per hire, break-even and the cohort view."""

from __future__ import annotations

import itertools
from decimal import Decimal

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from incentives import Scenario, break_even, compare, expected_cost, leave_curve, load_offers
from incentives.break_even_search import VacancyCost
from incentives.retention import Curves, cohort, expectations, leaving_probabilities, simulate
from incentives.steps import biggest_gains, crossings
from tests.builders import golden_hello, offer
from tests.strategies import offers as any_offer
from tests.strategies import scenarios

OFFERS = load_offers()
ROTHERHAM = OFFERS["rotherham-social-worker"]
KIRKLEES = OFFERS["kirklees-social-worker"]


def test_rotherham_leaving_after_6_and_18_months():
    curve = leave_curve(ROTHERHAM, Scenario(pay_award=0, years=2)).set_index("leave_after_months")
    # 6 × (38,720 + 1,936) / 12 = 6 × 3,388 = 20,328
    assert curve.loc[6, "gross"] == 20_328
    # 18 × 3,388 = 60,984, plus one 2.5% lump sum of 968 = 61,952
    assert curve.loc[18, "gross"] == 61_952
    assert (curve["net"] < curve["gross"]).all()
    assert (curve["employer_cost"] > curve["gross"]).all()


def test_the_curve_shows_a_golden_hello_repaid_then_kept():
    curve = leave_curve(
        offer(24_000, golden_hello(2_000, within=24)), Scenario(pay_award=0, years=3)
    )
    gross = curve.set_index("leave_after_months")["gross"]
    # After 23 months: 23 × 2,000, the hello repaid; after 24: 48,000 + 2,000 kept
    assert gross.loc[23] == 46_000 and gross.loc[24] == 50_000
    assert curve.set_index("leave_after_months").loc[23, "clawback"] == 2_000


def test_leaving_probabilities_add_up_and_match_the_annual_rate():
    odds = leaving_probabilities(20, 36)
    assert odds.sum() == pytest.approx(1)
    # The chance of leaving within the first twelve months is the annual rate, 20%
    assert odds[:12].sum() == pytest.approx(0.2)


@pytest.mark.parametrize("rate", [10, 30, 60])
@pytest.mark.parametrize("package", [ROTHERHAM, offer(24_000, golden_hello(2_000, within=24))])
def test_the_closed_form_agrees_with_a_seeded_simulation(package, rate):
    """Within three standard errors of 100,000 simulated hires (seed 0): a true expectation
    lies that far from such an estimate only about once in 370 draws."""
    scenario = Scenario(pay_award=0, years=3)
    exact = expected_cost(package, scenario, rate)
    drawn = simulate(package, scenario, rate, hires=100_000, seed=0)
    assert abs(drawn.mean_months - exact.expected_months) <= 3 * drawn.se_months
    assert abs(drawn.mean_gross - exact.expected_gross) <= 3 * drawn.se_gross


def test_nobody_leaving_means_everyone_is_paid_the_whole_horizon():
    cost = expected_cost(KIRKLEES, Scenario(pay_award=0, years=3), 0)
    assert cost.expected_months == 36
    assert cost.expected_gross == pytest.approx(113_588)  # 3 × 37,196 + 2,000
    assert cost.chance_of_staying == 1


def test_everyone_leaving_within_the_year_means_one_month_each():
    cost = expected_cost(KIRKLEES, Scenario(pay_award=0, years=3), 100)
    assert cost.expected_months == 1
    # 37,196 / 12 = 3,099.67 and the 2,000 golden hello
    assert cost.expected_gross == pytest.approx(5_099.67)


def test_a_horizon_of_one_month():
    cost = expected_cost(ROTHERHAM, Scenario(pay_award=0, years=1), 50, months=1)
    assert cost.expected_months == 1
    assert cost.expected_gross == pytest.approx(3_388)  # (38,720 + 1,936) / 12


def test_an_offer_with_no_incentives_costs_nothing_extra_and_breaks_even_at_once():
    plain = offer(30_000)
    cost = expected_cost(plain, Scenario(pay_award=0, years=3), 15)
    assert cost.expected_incentives == 0
    result = break_even(plain, Scenario(pay_award=0, years=3), 15, VacancyCost(500, 3, 3_000))
    assert result.required_cut == 0


def test_break_even_worked_by_hand():
    supplement = {"kind": "supplement", "name": "Premium", "amount": 1_200}
    package = offer(24_000, supplement)
    scenario = Scenario(pay_award=0, start="2025-04-01", years=1, pension=0)
    vacancy = VacancyCost(
        agency_premium_per_month=500, months_to_fill=3, recruitment_per_hire=3_000
    )
    # The premium's cost each month: 100 pay + 15% employer NI (15) + 0.5% levy (0.50) = 115.50,
    # 1,386 a post-year whatever the leaving rate. Each leaver avoided saves 500 × 3 + 3,000
    # = 4,500, so the rate must fall by 1,386 / 4,500 = 30.8 points.
    result = break_even(package, scenario, 50, vacancy)
    assert result.incentive_cost_per_post_year == pytest.approx(1_386)
    assert result.vacancy_cost_per_leaver == 4_500
    assert result.required_cut == pytest.approx(30.8, abs=1e-4)
    assert result.rate_needed == pytest.approx(50 - 30.8, abs=1e-4)
    # From a 20% leaving rate a 30.8-point cut is impossible: it never pays for itself
    assert break_even(package, scenario, 20, vacancy).required_cut is None


def test_a_cohort_thins_out_as_people_leave():
    table = cohort(KIRKLEES, Scenario(pay_award=0, years=3), 15, hires=100)
    # After twelve months 85% remain: the annual leaving rate is 15%
    assert table.loc[11, "in_post"] == pytest.approx(85)
    assert (np.diff(table["in_post"]) <= 1e-9).all()
    # Month 1: each of 100 hires has had the 2,000 golden hello and 125 of supplement
    assert table.loc[0, "incentive_spend"] == pytest.approx(212_500)
    # Nobody leaving: spend per person retained is one person's incentives to date
    still = cohort(KIRKLEES, Scenario(pay_award=0, years=3), 0, hires=10)
    assert still.loc[35, "spend_per_retained"] == pytest.approx(2_000 + 3 * 1_500)


@settings(max_examples=60, deadline=None)
@given(any_offer(), st.lists(st.integers(0, 100), min_size=2, max_size=6, unique=True))
def test_expected_months_fall_as_the_leaving_rate_rises(package, percents):
    curves = Curves.of(package, Scenario(pay_award=0, years=3))
    months = [expectations(curves, p).expected_months for p in sorted(percents)]
    assert all(later <= earlier + 1e-9 for earlier, later in itertools.pairwise(months))


@settings(max_examples=60, deadline=None)
@given(any_offer(), st.integers(0, 100))
def test_expected_spend_never_exceeds_a_whole_horizon_stay(package, percent):
    curves = Curves.of(package, Scenario(pay_award=0, years=3))
    cost = expectations(curves, percent)
    assert cost.expected_gross <= curves.outcomes("gross")[-1] / 100 + 1e-6
    assert cost.expected_incentives <= curves.outcomes("incentives")[-1] / 100 + 1e-6


def test_the_biggest_steps_name_their_payment():
    hello = Curves.of(offer(24_000, golden_hello(2_000, within=24)), Scenario(pay_award=0, years=3))
    [gain] = biggest_gains(hello)
    # Staying to month 24: another 2,000 of salary, and the 2,000 hello is no longer repaid
    assert (gain.month, gain.amount) == (24, 4_000)
    assert gain.reason == "the golden hello is no longer clawed back"
    rotherham = biggest_gains(Curves.of(ROTHERHAM, Scenario(pay_award=0, years=3)))
    # Each anniversary adds a month's 3,388 and the 968 lump sum: 4,356
    assert [(g.month, g.amount) for g in rotherham] == [(12, 4_356), (24, 4_356), (36, 4_356)]
    assert biggest_gains(Curves.of(KIRKLEES, Scenario(pay_award=0, years=3))) == []


def test_kirklees_leads_until_month_6_and_rotherham_from_month_7():
    scenario = Scenario(pay_award=0, years=1)
    kirklees, rotherham = Curves.of(KIRKLEES, scenario), Curves.of(ROTHERHAM, scenario)
    # After 6: 20,598 against 20,328; after 7: 23,697.67 against 23,716
    assert kirklees.gross[5] == 2_059_800 and rotherham.gross[5] == 2_032_800
    assert crossings(kirklees.gross, rotherham.gross) == [7]


@settings(max_examples=150, deadline=None)
@given(
    any_offer(),
    scenarios(leaving=False),
    st.fixed_dictionaries(
        {
            "region": st.sampled_from(["england", "scotland"]),
            "student_loans": st.lists(
                st.sampled_from(["plan1", "plan2", "plan4", "plan5", "postgraduate"]),
                unique=True,
            ).map(tuple),
            "pension": st.sampled_from(["lgps", "lgps-50-50", Decimal(0), Decimal(5)]),
        }
    ),
    st.data(),
)
def test_the_total_on_leaving_is_what_a_payroll_ending_that_month_pays(
    package, scenario, person, data
):
    """The leaving curve works every month at once from the stayer's running totals; a
    payroll run that simply stops after that month must come to the same pennies."""
    scenario = Scenario(**{**scenario.model_dump(), **person})
    months = data.draw(st.integers(1, scenario.years * 12))
    curve = leave_curve(package, scenario).set_index("leave_after_months").loc[months]
    stopped = compare(
        [package], Scenario(**{**scenario.model_dump(), "leave_after_months": months})
    )
    assert curve["net"] == pytest.approx(stopped["net"].sum(), abs=0.001)
    assert curve["employer_cost"] == pytest.approx(stopped["employer_cost"].sum(), abs=0.001)
    assert curve["gross"] == pytest.approx(stopped["gross"].sum(), abs=0.001)

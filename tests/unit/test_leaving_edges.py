"""Expectations over leaving, break-even, the cohort and the biggest steps: the parts of each
result a test elsewhere does not reach (each component, each measure, the limits of a
leaving rate, real terms), worked by hand where a figure is asserted."""

from __future__ import annotations

import numpy as np
import pytest

from incentives import Scenario, break_even, expected_cost, leave_curve, project
from incentives.break_even_search import VacancyCost
from incentives.parameters import load_parameters
from incentives.retention import (
    Curves,
    cohort,
    cohort_from,
    expected_costs,
    leaving_probabilities,
    leaving_probabilities_for,
    monthly_leaving_chance,
    simulate,
)
from incentives.steps import biggest_gains, crossings
from incentives.uk_rules import REQUIRED, RULES_FILE, RuleBook
from tests.builders import golden_hello, offer

HALF = 50
STAYS = 0.5 ** (11 / 12)  # at 50% a year, the chance of being in post for month 12 of 12
REFUSED = r"^an annual leaving rate is a percentage from 0 to 100"


def _one_off(name: str, amount: float, after: int = 0, within: int | None = None) -> dict:
    instalment: dict = {"after_months": after, "amount": amount}
    if within:
        instalment["clawback"] = {"within_months": within}
    return {"kind": "one_off", "name": name, "purpose": "golden_hello",
            "instalments": [instalment]}  # fmt: skip


def test_expected_cost_gives_each_component_and_each_measure():
    # £24,000 salary and a £1,200 golden hello repaid on leaving within 12 months, over one
    # year at 50%: the hello is kept only by those in post for month 12 (chance 0.5^(11/12)),
    # so £1,200 × (1 − 0.5^(11/12)) is expected back and £1,200 × 0.5^(11/12) kept.
    # Salary: £2,000 a month for the expected months served, Σ_{m=0..11} 0.5^(m/12).
    package = offer(24_000, _one_off("Golden hello", 1_200, within=12))
    result = expected_cost(package, Scenario(pay_award=0, years=1), HALF)
    months = sum(0.5 ** (m / 12) for m in range(12))
    assert result.annual_leaving_rate == HALF
    assert result.expected_clawback == pytest.approx(1_200 * (1 - STAYS), abs=1e-6)
    assert result.expected_incentives == pytest.approx(1_200 * STAYS, abs=1e-6)
    assert result.by_component["Salary"] == pytest.approx(2_000 * months, abs=1e-6)
    assert result.by_component["Golden hello"] == pytest.approx(1_200, abs=1e-6)
    assert result.by_component["Clawback: Golden hello"] == pytest.approx(
        -1_200 * (1 - STAYS), abs=1e-6
    )
    assert result.expected_gross == pytest.approx(sum(result.by_component.values()), abs=1e-6)
    assert result.expected_net < result.expected_gross < result.expected_employer_cost


def test_components_with_the_same_name_are_added_together():
    # Two payments both named "Bonus", £300 on joining and £500 on joining: £800 expected
    package = offer(24_000, _one_off("Bonus", 300), _one_off("Bonus", 500))
    result = expected_cost(package, Scenario(pay_award=0, years=1), HALF)
    assert result.by_component["Bonus"] == pytest.approx(800, abs=1e-6)


def test_many_leaving_rates_at_once_agree_with_one_at_a_time():
    package = offer(24_000, _one_off("Golden hello", 1_200, within=12))
    scenario = Scenario(pay_award=0, years=2)
    rates = [percent for percent in (0, 15, 50, 100)]
    table = expected_costs(Curves.of(package, scenario), np.array(rates))
    assert table["annual_leaving_rate"].tolist() == rates
    for row, rate in zip(table.itertuples(), rates, strict=True):
        one = expected_cost(package, scenario, rate)
        assert row.expected_months == pytest.approx(one.expected_months, abs=1e-9)
        for measure in ("gross", "net", "employer_cost", "incentives"):
            assert getattr(row, f"expected_{measure}") == pytest.approx(
                getattr(one, f"expected_{measure}"), abs=1e-6
            )


@pytest.mark.parametrize("percent", [0, 100])
def test_a_leaving_rate_of_0_or_100_percent_is_allowed(percent):
    odds = leaving_probabilities(percent, 12)
    assert odds.sum() == pytest.approx(1)
    assert cohort(offer(24_000), Scenario(pay_award=0, years=1), percent).shape[0] == 12


@pytest.mark.parametrize("percent", [-1, 101])
def test_a_leaving_rate_outside_0_to_100_percent_is_refused(percent):
    rate = percent
    with pytest.raises(ValueError, match=REFUSED):
        leaving_probabilities(rate, 12)
    with pytest.raises(ValueError, match=REFUSED):
        cohort(offer(24_000), Scenario(pay_award=0, years=1), rate)
    with pytest.raises(ValueError, match=REFUSED):
        break_even(
            offer(24_000), Scenario(pay_award=0, years=1), rate, VacancyCost(1_000, 3, 5_000)
        )


def test_a_refused_leaving_rate_is_named_in_the_message():
    # One check for every entry point: the first rate outside 0-100 is quoted back.
    with pytest.raises(ValueError, match=r"from 0 to 100; 101 was given$"):
        leaving_probabilities(101, 12)
    with pytest.raises(ValueError, match=r"from 0 to 100; -0.5 was given$"):
        leaving_probabilities_for(np.array([10.0, -0.5, 120.0]), 12)
    # the rates at the range's two ends are not mistaken for the one beyond it
    with pytest.raises(ValueError, match=r"from 0 to 100; 101 was given$"):
        leaving_probabilities_for(np.array([0.0, 100.0, 101.0]), 12)


def test_a_rate_that_is_not_a_number_is_refused_among_many():
    # NaN is neither below 0 nor above 100, yet it is no percentage: its odds would all be NaN
    with pytest.raises(ValueError, match=r"from 0 to 100; nan was given$"):
        expected_costs(
            Curves.of(offer(24_000), Scenario(pay_award=0, years=1)), np.array([10.0, np.nan])
        )


@pytest.mark.parametrize("hires", [1, 0])
def test_a_simulation_of_fewer_than_2_hires_is_refused(hires):
    # one hire has no spread to take a standard error from
    refused = f"^a simulation draws 2 or more hires; {hires} was given$"
    with pytest.raises(ValueError, match=refused):
        simulate(offer(24_000), Scenario(pay_award=0, years=1), HALF, hires=hires)


def test_a_simulation_of_2_hires_is_drawn():
    assert simulate(offer(24_000), Scenario(pay_award=0, years=1), HALF, hires=2).hires == 2


def test_a_simulations_standard_errors_are_the_draws_sample_spread_over_the_root_of_hires():
    # The same seeded draws as the simulation's: months served 2, 7, 12, 12 and 6 (mean 7.8;
    # squares off the mean 33.64 + 0.64 + 17.64 + 17.64 + 3.24 = 72.8; over n − 1 = 4, 18.2),
    # so the standard error is √18.2 / √5 = 1.9079; with no incentive, pay after m months is
    # £2,000 × m, so the pay's standard error is 2,000 times that
    served = np.minimum(np.random.default_rng(3).geometric(monthly_leaving_chance(HALF), 5), 12)
    assert served.tolist() == [2, 7, 12, 12, 6]
    result = simulate(offer(24_000), Scenario(pay_award=0, years=1), HALF, hires=5, seed=3)
    assert result.se_months == pytest.approx(np.sqrt(18.2 / 5), rel=1e-12)
    assert result.se_gross == pytest.approx(2_000 * np.sqrt(18.2 / 5), rel=1e-12)


def test_a_cohort_over_one_or_two_months_keeps_everyone_in_the_last():
    # Nobody leaves in the horizon's last month: over one month all 10 are in post; over two,
    # 10 × 0.5^(1/12) = 9.4387 after month 1, and as many after month 2
    one, two = (
        cohort_from(Curves.of(offer(24_000), Scenario(pay_award=0, years=1), months=m), HALF, 10)
        for m in (1, 2)
    )
    assert one["in_post"].tolist() == [10.0]
    assert two["in_post"].tolist() == pytest.approx([9.4387, 9.4387], abs=1e-4)


def test_a_cohort_of_no_one_is_refused_and_of_one_is_followed():
    scenario = Scenario(pay_award=0, years=1)
    with pytest.raises(ValueError, match=r"^a cohort has 1 or more hires; 0 was given$"):
        cohort(offer(24_000), scenario, HALF, hires=0)
    # one hire at 50% a year: 0.5^(1/12) = 0.94387 of them in post after month 1
    assert cohort(offer(24_000), scenario, HALF, hires=1)["in_post"][0] == pytest.approx(
        0.94387, abs=1e-5
    )


def test_a_cohort_of_100_by_default_and_its_columns():
    # After month 1 at 50% a year: 100 × 0.5^(1/12) = 94.387 in post
    table = cohort(offer(24_000, golden_hello(1_200)), Scenario(pay_award=0, years=1), HALF)
    assert list(table.columns) == ["month", "in_post", "incentive_spend", "spend_per_retained"]
    assert table["month"].tolist() == list(range(1, 13))
    assert table["in_post"].iloc[0] == pytest.approx(100 * 0.5 ** (1 / 12))


def test_spend_per_person_is_not_a_number_once_nobody_is_left():
    # Everyone leaves in month 1 at 100% a year: nobody is in post to share the spend
    table = cohort(offer(24_000, golden_hello(1_200)), Scenario(pay_award=0, years=1), 100)
    assert table["in_post"].tolist() == [0.0] * 12
    assert table["spend_per_retained"].isna().all()
    assert table["spend_per_retained"].dtype == float


def test_spend_per_person_is_worked_for_a_cohort_smaller_than_one():
    # One hire: fewer than one person is expected in post after month 1, 0.5^(1/12) = 0.944
    table = cohort(
        offer(24_000, golden_hello(1_200)), Scenario(pay_award=0, years=1), HALF, hires=1
    )
    assert table["spend_per_retained"].iloc[0] == pytest.approx(1_200 / 0.5 ** (1 / 12))


def test_break_even_reports_the_rate_it_was_asked_about():
    package = offer(24_000, golden_hello(2_000))
    vacancy = VacancyCost(2_000, 6, 10_000)
    result = break_even(package, Scenario(pay_award=0, years=2), 20, vacancy)
    assert result.annual_leaving_rate == 20
    assert result.vacancy_cost_per_leaver == 2_000 * 6 + 10_000
    assert result.required_cut is not None and result.required_cut > 0
    assert result.rate_needed == pytest.approx(20 - result.required_cut)


def test_even_a_small_incentive_needs_some_cut_in_leaving():
    # A £0.50 golden hello costs the council under £1 per post-year, but not nothing
    package = offer(24_000, golden_hello(0.50))
    result = break_even(package, Scenario(pay_award=0, years=1), 20, VacancyCost(500, 4, 3_000))
    assert 0 < result.incentive_cost_per_post_year < 1
    assert result.required_cut is not None and result.required_cut > 0


def test_nobody_leaving_in_a_simulation_serves_the_whole_horizon():
    result = simulate(offer(24_000), Scenario(pay_award=0, years=1), 0.0, hires=1_000)
    assert (result.hires, result.mean_months, result.se_months) == (1_000, 12, 0)
    assert result.mean_gross == 24_000


def test_a_simulation_with_the_same_seed_draws_the_same_hires():
    package, scenario = (
        offer(24_000, golden_hello(1_200, within=12)),
        Scenario(pay_award=0, years=1),
    )
    first = simulate(package, scenario, HALF, hires=2_000, seed=7)
    assert simulate(package, scenario, HALF, hires=2_000, seed=7) == first
    assert simulate(package, scenario, HALF, hires=2_000, seed=8) != first


def test_a_simulations_standard_error_shrinks_with_the_root_of_the_hires():
    # At 50% over a year, months served have a standard deviation of about 4; the standard
    # error of the mean over 10,000 hires is that over √10,000 = 100
    odds = leaving_probabilities(HALF, 12)
    months = np.arange(1, 13)
    spread = np.sqrt(odds @ months**2 - (odds @ months) ** 2)
    result = simulate(offer(24_000), Scenario(pay_award=0, years=1), HALF, hires=10_000)
    assert result.se_months == pytest.approx(spread / 100, rel=0.05)
    assert result.se_gross == pytest.approx(2_000 * spread / 100, rel=0.05)


def test_leaving_curves_in_real_terms_convert_each_months_pay():
    # No clawback: the gross on leaving after m months is the sum of the first m months'
    # pay, each converted by the scenario's factor for its pay date.
    scenario = Scenario(pay_award=0, years=2, money="real", price_year=2016)
    package = offer(24_000, golden_hello(1_000, after=6))
    rows = project(package, scenario.model_copy(update={"money": "nominal"}))
    by_month = rows.groupby("month")["pence"].sum().to_numpy()
    dates = sorted(set(rows["date"]))
    factors = scenario.money_factors(dates)
    expected = np.cumsum(by_month * factors) / 100
    curve = leave_curve(package, scenario)
    assert curve["gross"].to_numpy() == pytest.approx(expected, abs=0.01)
    assert curve["gross"].iloc[-1] < rows["amount"].sum()  # 2016 prices: less than as paid


def test_every_leaving_curve_is_converted_to_real_terms():
    # In 2016 prices every later month's pound is worth less: a total of several months lies
    # between the smallest and largest of their factors times the total as paid, and a
    # clawback, deducted in one month, is that month's factor times the clawback as paid
    # (each to the penny, so within a hundredth of a percent).
    package = offer(24_000, golden_hello(1_200, within=12))
    real = Scenario(pay_award=0, years=2, money="real", price_year=2016)
    nominal = real.model_copy(update={"money": "nominal"})
    factors = real.money_factors(Curves.of(package, real).schedule.pay_dates())
    assert factors.max() < 1
    as_paid, in_2016 = Curves.of(package, nominal), Curves.of(package, real)
    assert in_2016.clawback == pytest.approx(as_paid.clawback * factors, abs=0.5)  # pence
    for measure in ("net", "employer_cost", "stay_net", "stay_employer_cost"):
        ratio = getattr(in_2016, measure) / getattr(as_paid, measure)
        assert (ratio > factors.min() - 1e-4).all() and (ratio < factors.max() + 1e-4).all()
    # Salary and hello paid to someone still in post (the clawback line pays them nothing)
    still_in_post = in_2016.stay_by_line[:2, -1] / as_paid.stay_by_line[:2, -1]
    assert (still_in_post < factors.max() + 1e-4).all()


def test_leaving_curves_follow_the_rules_they_are_given(tmp_path):
    # A rules file with a £20,000 personal allowance in 2017/18 and a 30% national average
    # employer pension rate: more take-home and a dearer hire than under the real rules
    text = RULES_FILE.read_text(encoding="utf-8")
    changed = text.replace("value: 11500\n", "value: 20000\n", 1)
    changed = changed.replace("value: 17.0\n", "value: 30.0\n", 1)
    (tmp_path / "uk_rules.yaml").write_text(changed, encoding="utf-8")
    rules = RuleBook(load_parameters(tmp_path / "uk_rules.yaml", REQUIRED))
    package, scenario = offer(24_000), Scenario(pay_award=0, years=1)
    usual, given = Curves.of(package, scenario), Curves.of(package, scenario, rules)
    # Tax: 20% × (20,000 − 11,500) = 1,700 less; employer pension: 13% × 24,000 = 3,120 more
    assert given.net[-1] - usual.net[-1] == pytest.approx(170_000, abs=200)
    assert given.employer_cost[-1] - usual.employer_cost[-1] == 312_000


def test_curves_over_more_months_than_the_horizon_are_refused():
    with pytest.raises(ValueError, match="months must be from 1 to 12"):
        Curves.of(offer(24_000), Scenario(pay_award=0, years=1), months=13)


def test_real_terms_curves_over_the_first_months_are_the_whole_horizons_first_months():
    # each month's pay is scaled by its own month's prices, however many months are asked for
    package = offer(24_000, golden_hello(1_200, within=12))
    real = Scenario(pay_award=0, years=2, money="real", price_year=2016)
    first, whole = Curves.of(package, real, months=6), Curves.of(package, real)
    for measure in ("gross", "net", "employer_cost", "clawback"):
        assert getattr(first, measure) == pytest.approx(getattr(whole, measure)[:6])


# ---------------------------------------------------------------- the biggest steps


def test_the_biggest_steps_are_largest_first_and_there_may_be_more_than_three():
    # Payments of £400, £900, £100 and £600 after 3, 5, 7 and 9 months: largest first
    package = offer(
        24_000,
        _one_off("Hello A", 400, after=3),
        _one_off("Hello B", 900, after=5),
        _one_off("Hello C", 100, after=7),
        _one_off("Hello D", 600, after=9),
    )
    curves = Curves.of(package, Scenario(pay_award=0, years=1))
    gains = biggest_gains(curves, top=4)
    assert [(gain.month, gain.reason) for gain in gains] == [
        (5, "Hello B falls due"),
        (9, "Hello D falls due"),
        (3, "Hello A falls due"),
        (7, "Hello C falls due"),
    ]
    # Each step is that month's pay, 2,000, plus the payment
    assert [gain.amount for gain in gains] == [2_900, 2_600, 2_400, 2_100]
    assert len(biggest_gains(curves)) == 3  # three by default


def test_a_step_is_named_after_the_payment_that_moves_most():
    # In month 6 a £900 payment falls due and a £100 one too: the step is the £900's
    package = offer(24_000, _one_off("Big", 900, after=6), _one_off("Small", 100, after=6))
    (gain,) = biggest_gains(Curves.of(package, Scenario(pay_award=0, years=1)))
    assert (gain.month, gain.reason, gain.amount) == (6, "Big falls due", 3_000)


def test_a_tapering_clawback_says_less_is_clawed_back_until_none_is():
    # £1,200 repaid in 3rds within 3 months: leaving after 2 rather than 1 repays 400 less
    clawback = {"within_months": 3, "taper": "monthly"}
    relocation = {"kind": "one_off", "name": "Relocation", "purpose": "relocation",
                  "instalments": [{"amount": 1_200, "clawback": clawback}]}  # fmt: skip
    gains = biggest_gains(Curves.of(offer(24_000, relocation), Scenario(pay_award=0, years=1)))
    reasons = {gain.month: gain.reason for gain in gains}
    assert reasons == {
        2: "less of the relocation is clawed back",
        3: "the relocation is no longer clawed back",
    }


def test_a_crossing_needs_a_lead_to_change_hands():
    # B leads first (month 1): no crossing there; A takes the lead in month 3
    assert crossings(np.array([1, 1, 5, 5]), np.array([2, 2, 2, 2])) == [3]
    assert crossings(np.array([3, 3, 1]), np.array([2, 2, 2])) == [3]

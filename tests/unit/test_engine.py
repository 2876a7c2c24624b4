"""The projection engine, figure by figure. Every expected figure is worked by hand in a comment."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from incentives import MissingFigure, Scenario, build_schedule, compare, load_offers, project
from tests.builders import golden_hello, offer

APRIL_2017 = dt.date(2017, 4, 1)


@pytest.fixture(scope="module")
def offers():
    return load_offers()


def total(an_offer, **scenario) -> float:
    return project(an_offer, Scenario(pay_award=0, **scenario))["amount"].sum().round(2)


def test_kirklees_social_worker_over_three_years_at_the_top(offers):
    # 3 × 35,696 salary + 3 × 1,500 supplement + 2,000 golden hello = 113,588
    table = compare(
        [offers["kirklees-social-worker"]], Scenario(pay_award=0, years=3, start=APRIL_2017)
    )
    assert table["cumulative_gross"].iloc[-1] == 113_588
    # Year 1 carries the golden hello: 35,696 + 1,500 + 2,000 = 39,196
    assert list(table["gross"]) == [39_196, 37_196, 37_196]


def test_rotherham_social_worker_over_three_years_at_the_top(offers):
    # 3 × (38,720 + 7.5%) = 3 × 41,624 = 124,872: 5% monthly (1,936 a year) + 2.5% lump sum (968)
    table = compare(
        [offers["rotherham-social-worker"]], Scenario(pay_award=0, years=3, start=APRIL_2017)
    )
    assert table["cumulative_gross"].iloc[-1] == 124_872


def test_cumulative_gross_is_the_running_sum_of_gross(offers):
    table = compare(
        [offers["kirklees-social-worker"], offers["rotherham-social-worker"]],
        Scenario(pay_award=0, years=4),
    )
    for _, rows in table.groupby("offer"):
        assert (
            rows["cumulative_gross"].round(2).tolist() == rows["gross"].cumsum().round(2).tolist()
        )


def test_staying_36_months_earns_three_retention_lump_sums(offers):
    rows = project(offers["rotherham-social-worker"], Scenario(pay_award=0, years=3))
    lump_sums = rows[rows["category"] == "retention"]
    # Paid with months 12, 24 and 36, each 2.5% × 38,720 = 968
    assert lump_sums["month"].tolist() == [12, 24, 36]
    assert lump_sums["amount"].tolist() == [968, 968, 968]


def test_leaving_after_18_months_at_rotherham(offers):
    # 18 × (38,720 + 1,936) / 12 = 18 × 3,388 = 60,984, plus one 968 lump sum = 61,952
    assert total(offers["rotherham-social-worker"], years=2, leave_after_months=18) == 61_952


def test_leaving_after_11_months_misses_the_first_lump_sum(offers):
    # 11 × 3,388 = 37,268; the lump sum falls due with month 12
    assert total(offers["rotherham-social-worker"], years=1, leave_after_months=11) == 37_268


def test_kirklees_after_seven_months_is_paid_to_the_penny(offers):
    # 7/12 × (35,696 + 1,500) = 21,697.666… → 21,697.67 by running rounding, plus 2,000
    assert total(offers["kirklees-social-worker"], years=1, leave_after_months=7) == 23_697.67


def test_monthly_salary_runs_to_the_penny_and_sums_to_the_annual_figure(offers):
    rows = project(offers["kirklees-social-worker"], Scenario(pay_award=0, years=1))
    salary = rows[rows["component"] == "Salary"]["pence"].tolist()
    # 35,696 / 12 = 2,974.666…: pay-to-date 2,974.67, 5,949.33, 8,924.00 → .67, .66, .67
    assert salary[:3] == [297_467, 297_466, 297_467]
    assert sum(salary) == 3_569_600


def test_leaving_before_two_years_repays_the_golden_hello():
    package = offer(24_000, golden_hello(2_000, within=24))
    # 23 months of 2,000 salary = 46,000; the 2,000 golden hello is paid then repaid
    assert total(package, years=2, leave_after_months=23) == 46_000
    # After 24 months the clawback no longer applies: 48,000 + 2,000
    assert total(package, years=2, leave_after_months=24) == 50_000


def test_tapered_clawback_repays_one_24th_less_each_completed_month():
    relocation = golden_hello(8_000, within=24, taper="monthly")
    package = offer(24_000, relocation)
    schedule = build_schedule(package, Scenario(pay_award=0, years=3))
    owed = schedule.clawback_on_leaving()
    # After 6 months: 8,000 × 18/24 = 6,000; after 12: 8,000 × 12/24 = 4,000; after 23: 333.33
    assert owed[5] == 600_000
    assert owed[11] == 400_000
    assert owed[22] == 33_333  # 8,000 / 24 = 333.333… rounded half up to the penny
    assert owed[23] == 0


def test_clawback_is_deducted_in_the_month_of_leaving():
    package = offer(24_000, golden_hello(2_000, within=24))
    rows = project(package, Scenario(pay_award=0, years=2, leave_after_months=10))
    clawback = rows[rows["category"] == "clawback"]
    assert clawback["month"].tolist() == [10]
    assert clawback["amount"].tolist() == [-2_000]


def test_instalments_are_paid_after_their_months_of_service():
    barnsley_style = {
        "kind": "one_off",
        "name": "Golden hello",
        "purpose": "golden_hello",
        "instalments": [
            {"after_months": 6, "amount": 1_000},
            {"after_months": 24, "amount": 1_500},
        ],
    }
    package = offer(12_000, barnsley_style)
    # Salary 1,000 a month. After 23 months: 23,000 + 1,000 = 24,000; after 24: 24,000 + 2,500
    assert total(package, years=2, leave_after_months=23) == 24_000
    assert total(package, years=2, leave_after_months=24) == 26_500
    # After 5 months the first instalment is not yet due: 5,000
    assert total(package, years=1, leave_after_months=5) == 5_000


def test_pay_award_applies_each_first_of_april_after_the_start():
    package = offer(30_000)
    # From April 2017 with 2%: 30,000 then 30,600
    table = compare([package], Scenario(years=2, start=APRIL_2017, pay_award=2))
    assert table["gross"].tolist() == [30_000, 30_600]
    # From October 2017: six months at 2,500 then six at 2,550 = 15,000 + 15,300 = 30,300
    table = compare([package], Scenario(years=1, start=dt.date(2017, 10, 1), pay_award=2))
    assert table["gross"].tolist() == [30_300]


def test_percentage_supplements_follow_the_pay_award_but_pounds_do_not():
    package = offer(
        20_000,
        {"kind": "supplement", "name": "Market supplement", "percent_of_basic": 10},
        {"kind": "supplement", "name": "Flat premium", "amount": 1_200},
    )
    # Year 2 after a 5% award: basic 21,000; 10% supplement 2,100; flat 1,200: 24,300
    table = compare([package], Scenario(years=2, start=APRIL_2017, pay_award=5))
    assert table["gross"].tolist() == [23_200, 24_300]


def test_starting_below_the_top_steps_up_each_anniversary():
    package = offer(32_000)
    # 30,000; ×1.03 = 30,900; ×1.03 = 31,827; ×1.03 = 32,781.81 capped at 32,000
    table = compare([package], Scenario(pay_award=0, years=4, start_salary=30_000, annual_step=3))
    assert table["gross"].tolist() == [30_000, 30_900, 31_827, 32_000]


def test_published_scale_points_are_climbed_one_a_year():
    package = offer(32_000, salary={"points_below_top": [{"value": 30_000}, {"value": 31_000}]})
    table = compare([package], Scenario(pay_award=0, years=3, start_salary={"test-offer": 30_000}))
    assert table["gross"].tolist() == [30_000, 31_000, 32_000]


def test_retention_rises_after_its_tier_year():
    retention = {
        "kind": "retention",
        "name": "Retention",
        "every_months": 12,
        "tiers": [{"from_year": 1, "amount": 2_000}, {"from_year": 4, "amount": 3_000}],
    }
    rows = project(offer(12_000, retention), Scenario(pay_award=0, years=5))
    # Anniversaries 12, 24, 36 fall in years 1-3 (2,000 each); 48 and 60 in years 4-5 (3,000)
    assert rows[rows["category"] == "retention"]["amount"].tolist() == [2_000] * 3 + [3_000] * 2


def test_calendar_month_retention_is_paid_each_june_and_december():
    kent_style = {
        "kind": "retention",
        "name": "Retention",
        "calendar_months": [6, 12],
        "tiers": [{"from_year": 1, "amount": 1_500}],
    }
    rows = project(offer(12_000, kent_style), Scenario(pay_award=0, years=1, start=APRIL_2017))
    paid = rows[rows["category"] == "retention"]
    # Service months 3 (June 2017) and 9 (December 2017)
    assert paid["date"].tolist() == [dt.date(2017, 6, 30), dt.date(2017, 12, 31)]


def test_an_unpublished_salary_must_be_supplied(offers):
    manager = offers["kirklees-team-manager"]
    with pytest.raises(MissingFigure, match=r"salary\.top"):
        project(manager, Scenario(pay_award=0))
    # With an assumed £40,000: 3 × (40,000 + 4,500) = 133,500
    scenario = Scenario(pay_award=0, assumed={manager.id: {"salary.top": Decimal(40_000)}})
    assert compare([manager], scenario)["cumulative_gross"].iloc[-1] == 133_500


def test_an_unpublished_incentive_counts_as_nothing_until_assumed(offers):
    rotherham = offers["rotherham-social-worker"]
    schedule = build_schedule(rotherham, Scenario(pay_award=0))
    assert schedule.assumed_zero == ("components.2.instalments.0.amount",)
    # Assume a £5,000 relocation package: 124,872 + 5,000
    scenario = Scenario(
        pay_award=0, assumed={rotherham.id: {"components.2.instalments.0.amount": 5_000}}
    )
    assert compare([rotherham], scenario)["cumulative_gross"].iloc[-1] == 129_872


def test_a_starting_salary_above_the_top_is_refused(offers):
    with pytest.raises(ValueError, match="above the top"):
        project(offers["kirklees-social-worker"], Scenario(pay_award=0, start_salary=40_000))


def test_years_after_leaving_pay_nothing(offers):
    table = compare(
        [offers["kirklees-social-worker"]], Scenario(pay_award=0, years=3, leave_after_months=12)
    )
    assert table["gross"].tolist() == [39_196, 0, 0]

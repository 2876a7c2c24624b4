"""What each offer pays a worker who stays, as the All offers page counts it: the totals, the
horizon's words, and the reasons a total is left blank rather than counted as £0."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from incentives import load_offers
from incentives.pages.offer_totals import Horizon, Totals, totals, totals_table
from incentives.scenario import Scenario
from tests.builders import golden_hello, offer

OFFERS = load_offers()
ONE_YEAR = Horizon(years=1, pay_award=Decimal(0))
RETENTION_5_PERCENT = {
    "kind": "retention",
    "name": "Retention",
    "at_months": [12],
    "tiers": [{"percent_of_basic": 5}],
}


def test_the_horizon_is_the_scenarios_years_start_and_pay_rises():
    scenario = Scenario(
        years=2,
        start=dt.date(2019, 4, 1),
        pay_award="njc",
        future_pay_award=Decimal("2.5"),
        annual_step=Decimal(4),
    )
    assert Horizon.of(scenario) == Horizon(
        years=2,
        start=dt.date(2019, 4, 1),
        pay_award="njc",
        future_pay_award=Decimal("2.5"),
        annual_step=Decimal(4),
    )


def test_the_horizon_says_year_for_one_and_years_for_more():
    assert ONE_YEAR.words == "over 1 year from April 2017"
    assert Horizon(years=2, start=dt.date(2019, 10, 1)).words == "over 2 years from October 2019"


def test_an_offer_with_a_salary_totals_its_incentives_and_its_pay_under_the_pay_award():
    # 2% from the second April: 30,000 + 30,600 = 60,600 salary, with the 2,000 golden hello
    # 62,600
    found = totals(offer(30_000, golden_hello(2_000)), Horizon(years=2, pay_award=Decimal(2)))
    assert found == Totals(incentives=Decimal(2_000), pay=Decimal(62_600), missing=())


def test_a_horizon_starting_in_october_takes_the_pay_award_half_way_through():
    # Six months at 30,000 (15,000), six from April at 30,600 (15,300): 30,300, with the
    # 2,000 golden hello 32,300
    autumn = Horizon(years=1, start=dt.date(2017, 10, 1), pay_award=Decimal(2))
    assert totals(offer(30_000, golden_hello(2_000)), autumn).pay == Decimal(32_300)


def test_after_the_last_agreed_njc_award_pay_rises_by_the_future_award_chosen():
    def two_years_from_april_2025(future: int) -> Decimal | None:
        horizon = Horizon(
            years=2, start=dt.date(2025, 4, 1), pay_award="njc", future_pay_award=Decimal(future)
        )
        return totals(offer(30_000), horizon).pay

    # The 2025-26 award is the last agreed: 30,000 in 2017 is 39,317 by then, and stays so
    # with no award after (2 x 39,317 = 78,634); with 10%, 39,317 + 43,248.70 = 82,565.70
    assert two_years_from_april_2025(0) == Decimal(78_634)
    assert two_years_from_april_2025(10) == Decimal("82565.70")


def test_without_a_salary_the_sums_in_pounds_still_count_but_pay_is_blank():
    # Kirklees' team manager: a 4,500 supplement a year, whatever the pay award: 2 x 4,500
    manager = OFFERS["kirklees-team-manager"]
    found = totals(manager, Horizon(years=2, pay_award=Decimal(5)))
    assert found == Totals(incentives=Decimal(9_000), pay=None, missing=("salary not published",))


def test_a_percentage_of_an_unpublished_salary_leaves_the_incentives_blank():
    found = totals(offer(None, golden_hello(2_000), RETENTION_5_PERCENT), ONE_YEAR)
    assert found == Totals(
        incentives=None,
        pay=None,
        missing=("salary not published", "a percentage of a salary not published"),
    )


def test_an_amount_the_council_does_not_publish_leaves_both_totals_blank():
    # Rotherham publishes its salary but not its relocation package's amount
    found = totals(OFFERS["rotherham-social-worker"], ONE_YEAR)
    assert found == Totals(incentives=None, pay=None, missing=("an amount not published",))


def test_the_totals_table_has_a_row_per_offer_with_its_reasons_joined():
    table = totals_table(
        [
            offer(30_000, golden_hello(2_000), id="known"),
            offer(None, golden_hello(2_000), RETENTION_5_PERCENT, id="unknown"),
        ],
        ONE_YEAR,
    )
    assert table.columns.tolist() == ["id", "incentives", "pay", "missing"]
    known, unknown = table.to_dict("records")
    # A year of 30,000 with the 2,000 golden hello: 32,000
    assert known == {"id": "known", "incentives": 2_000.0, "pay": 32_000.0, "missing": ""}
    assert unknown["id"] == "unknown"
    assert unknown["incentives"] != unknown["incentives"]  # NaN: not known
    assert unknown["pay"] != unknown["pay"]
    assert unknown["missing"] == "salary not published; a percentage of a salary not published"


def test_the_totals_table_of_no_offers_still_has_its_columns():
    assert totals_table([], ONE_YEAR).columns.tolist() == ["id", "incentives", "pay", "missing"]


def test_pay_the_agreed_awards_cannot_carry_is_left_blank_with_the_reason():
    # £15,000 in 2016/17 is below where 2017's 1% starts (£17,891); published in 2006/07, no
    # award of the years between is recorded. Under a percentage both are counted.
    for package in (offer(15_000), offer(30_000, as_at="2006-06-01")):
        assert totals(package, Horizon()) == Totals(
            None, None, ("pay the recorded NJC awards cannot carry (choose a percentage award)",)
        )
    # 3 × £15,000 with no award = £45,000.
    assert totals(offer(15_000), Horizon(pay_award=Decimal(0))) == Totals(
        Decimal(0), Decimal(45_000), ()
    )

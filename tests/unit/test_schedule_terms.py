"""Each term of a payment as the schedule honours it: a supplement's months, instalments out
of order or in the same month, a percentage of the basic in force when it falls due, the
path of each unpublished figure (for its assumption and the £0 warning) and the limit on an
assumed percentage, a payment left out for the worker, clawbacks added up, and a percentage
supplement a hair under a halfpenny. Worked by hand in the comments."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import numpy as np
import pytest

from incentives import MissingFigure, Scenario, build_schedule, project
from tests.builders import golden_hello, offer, paid

NOT_PUBLISHED: dict[str, Any] = {"value": None}


def supplement(**terms: Any) -> dict[str, Any]:
    return {"kind": "supplement", "name": "Market supplement", **terms}


def one_off(
    *instalments: dict[str, Any], purpose: str = "golden_hello", **terms: Any
) -> dict[str, Any]:
    return {
        "kind": "one_off",
        "name": "Golden hello",
        "purpose": purpose,
        "instalments": list(instalments),
        **terms,
    }


def retention(*tiers: dict[str, Any], **schedule: Any) -> dict[str, Any]:
    return {"kind": "retention", "name": "Retention", "tiers": list(tiers), **schedule}


# ---------------------------------------------------------------- a supplement's months


def test_a_supplement_is_paid_only_from_its_first_month_to_its_last():
    # £1,200 a year from month 4 to month 9: 1,200 / 12 = £100 in each of months 4..9
    package = offer(24_000, supplement(amount=1_200, from_month=4, until_month=9))
    rows = project(package, Scenario(pay_award=0, years=1))
    assert paid(rows, "supplement") == [(month, 100.0) for month in range(4, 10)]


def test_a_supplement_keeps_its_name_in_the_payments():
    rows = project(offer(24_000, supplement(amount=1_200)), Scenario(pay_award=0, years=1))
    assert set(rows[rows["category"] == "supplement"]["component"]) == {"Market supplement"}


def test_a_percentage_supplement_just_under_a_halfpenny_rounds_down():
    # 3.3333% of £33,000.03 = £1,099.989999 99 a year (33,000 × 0.033333 = 1,099.989, plus
    # 0.03 × 0.033333 = 0.000 999 99). Half a year's pay-to-date is 549.994 999 995, a
    # hair under the halfpenny, so it rounds (half up) to 549.99; five months' is
    # 1,099.989 999 99 × 5/12 = 458.329 166 66 → 458.33, so month 6 pays 549.99 − 458.33
    # = 91.66. (A rate a millionth of a penny higher would reach 549.995 and pay 91.67.)
    package = offer(33_000.03, supplement(percent_of_basic=3.3333))
    months = paid(project(package, Scenario(pay_award=0, years=1)), "supplement")
    assert months[5] == (6, 91.66)
    assert sum(amount for _, amount in months[:6]) == pytest.approx(549.99)


def test_only_a_pensionable_supplement_adds_to_regular_pensionable_pay():
    # Basic £24,000 a year plus a pensionable £1,200 supplement: £25,200 a year pensionable;
    # the non-pensionable £600 supplement adds nothing to it
    package = offer(
        24_000,
        supplement(amount=1_200),
        supplement(amount=600, pensionable=False, name="Car allowance"),
    )
    schedule = build_schedule(package, Scenario(pay_award=0, years=1))
    assert schedule.regular_pensionable.tolist() == [2_520_000] * 12


def test_each_payment_says_whether_it_is_taxable_and_pensionable():
    # Salary is both; qualifying relocation expenses neither (as the offer states them);
    # a retention payment is taxable and, by default, not pensionable
    relocation = one_off(
        {"amount": 2_000},
        purpose="relocation",
        taxable=False,
        pensionable=False,
        qualifying_relocation_expenses=True,
    )
    package = offer(24_000, relocation, retention({"amount": 500}, at_months=[12]))
    rows = project(package, Scenario(pay_award=0, years=1))
    flags = rows.groupby("category")[["taxable", "pensionable"]].first()
    assert flags.loc["salary"].tolist() == [True, True]
    assert flags.loc["relocation"].tolist() == [False, False]
    assert flags.loc["retention"].tolist() == [True, False]


# ---------------------------------------------------------------- instalments


def test_instalments_listed_out_of_order_are_each_paid_within_the_horizon():
    # Over 24 months: the instalment after 30 months falls outside, the one after 6 is paid
    late, early = {"after_months": 30, "amount": 500}, {"after_months": 6, "amount": 1_000}
    package = offer(24_000, one_off(late, early))
    rows = project(package, Scenario(pay_award=0, years=2))
    assert paid(rows, "golden_hello") == [(6, 1_000.0)]


def test_instalments_falling_in_the_same_month_are_added_together():
    # One on joining (paid with month 1) and one after a month (also month 1): 500 + 300
    joining, after_a_month = {"after_months": 0, "amount": 500}, {"after_months": 1, "amount": 300}
    package = offer(24_000, one_off(joining, after_a_month))
    rows = project(package, Scenario(pay_award=0, years=1))
    assert paid(rows, "golden_hello") == [(1, 800.0)]


# ---------------------------------------------------------------- the basic in force


def _stepping_scale(*components: dict[str, Any]):
    """Starting at £28,000 on a scale whose top is £30,000: £30,000 from month 13."""
    return offer(30_000, *components, salary={"points_below_top": [28_000]})


STARTING_LOW = Scenario(pay_award=0, years=2, start_salary=28_000)


def test_one_published_point_below_the_top_steps_to_the_top_not_by_the_assumed_step():
    # £28,000 then the top, £30,000, on the first anniversary (month 13); the assumed 3% a
    # year for unpublished scales (28,000 × 1.03 = 28,840) is not used
    schedule = build_schedule(_stepping_scale(), STARTING_LOW)
    assert schedule.basic.tolist() == [2_800_000] * 12 + [3_000_000] * 12


@pytest.mark.parametrize(
    ("after_months", "payment"),
    [
        (0, [(1, 2_800.0)]),  # with month 1: 10% of the starting £28,000
        (13, [(13, 3_000.0)]),  # with month 13: 10% of £30,000, the step taken that month
    ],
)
def test_a_percentage_one_off_is_of_the_basic_in_force_in_the_month_it_is_paid(
    after_months, payment
):
    package = _stepping_scale(one_off({"after_months": after_months, "percent_of_basic": 10}))
    assert paid(project(package, STARTING_LOW), "golden_hello") == payment


def test_a_percentage_retention_payment_is_of_the_basic_in_force_in_its_month():
    # Month 1: 10% of £28,000 = 2,800; month 13, after the step: 10% of £30,000 = 3,000
    package = _stepping_scale(retention({"percent_of_basic": 10}, at_months=[1, 13]))
    assert paid(project(package, STARTING_LOW), "retention") == [(1, 2_800.0), (13, 3_000.0)]


# ---------------------------------------------------------------- calendar months


def test_calendar_month_retention_is_paid_in_the_horizons_last_months():
    # From April 2017 over one year, February 2018 is service month 11 and March month 12
    package = offer(24_000, retention({"amount": 500}, calendar_months=[2, 3]))
    rows = project(package, Scenario(pay_award=0, years=1, start=dt.date(2017, 4, 1)))
    assert paid(rows, "retention") == [(11, 500.0), (12, 500.0)]


# ---------------------------------------------------------------- unpublished figures


def _assuming(path: str, value: float, years: int = 1) -> Scenario:
    return Scenario(pay_award=0, years=years, assumed={"test-offer": {path: Decimal(str(value))}})


@pytest.mark.parametrize(
    ("stated", "path", "assumed"),
    [
        ("amount", "components.0.amount", 1_200),  # £1,200 a year
        ("percent_of_basic", "components.0.percent_of_basic", 5),  # 5% × 24,000 = 1,200
    ],
)
def test_an_assumed_supplement_is_paid_and_not_reported_as_zero(stated, path, assumed):
    # 1,200 a year in twelfths: £100 a month
    package = offer(24_000, supplement(**{stated: NOT_PUBLISHED}))
    scenario = _assuming(path, assumed)
    assert paid(project(package, scenario), "supplement") == [(m, 100.0) for m in range(1, 13)]
    assert build_schedule(package, scenario).assumed_zero == ()


def test_an_assumed_percentage_one_off_is_paid():
    # 10% (assumed) of £24,000 basic = £2,400, paid with month 1
    package = offer(24_000, one_off({"percent_of_basic": NOT_PUBLISHED}))
    scenario = _assuming("components.0.instalments.0.percent_of_basic", 10)
    assert paid(project(package, scenario), "golden_hello") == [(1, 2_400.0)]


def test_an_assumed_later_retention_tier_is_paid():
    # £500 in year 1 as published; year 2's sum is not published and assumed £800
    package = offer(
        24_000,
        retention({"amount": 500}, {"from_year": 2, "amount": NOT_PUBLISHED}, at_months=[12, 24]),
    )
    scenario = _assuming("components.0.tiers.1.amount", 800, years=2)
    assert paid(project(package, scenario), "retention") == [(12, 500.0), (24, 800.0)]


@pytest.mark.parametrize(
    ("component", "path"),
    [
        (supplement(amount=NOT_PUBLISHED), "components.0.amount"),
        (supplement(percent_of_basic=NOT_PUBLISHED), "components.0.percent_of_basic"),
        (
            one_off({"percent_of_basic": NOT_PUBLISHED}),
            "components.0.instalments.0.percent_of_basic",
        ),
        (
            retention({"amount": 500}, {"from_year": 2, "amount": NOT_PUBLISHED}, every_months=12),
            "components.0.tiers.1.amount",
        ),
    ],
)
def test_an_unpublished_figure_counted_as_zero_is_named_by_its_path(component, path):
    schedule = build_schedule(offer(24_000, component), Scenario(pay_award=0, years=2))
    assert schedule.assumed_zero == (path,)


@pytest.mark.parametrize("assumed", [100, 0])
def test_an_assumed_percentage_may_be_anything_up_to_100(assumed):
    # 100% of £24,000 a year is £2,000 a month on top of salary; 0% pays nothing
    package = offer(24_000, supplement(percent_of_basic=NOT_PUBLISHED))
    rows = project(package, _assuming("components.0.percent_of_basic", assumed))
    assert paid(rows, "supplement") == ([(m, 2_000.0) for m in range(1, 13)] if assumed else [])


@pytest.mark.parametrize("assumed", [100.01, 150])
def test_an_assumed_percentage_over_100_is_refused_naming_the_offer_and_figure(assumed):
    package = offer(24_000, supplement(percent_of_basic=NOT_PUBLISHED))
    with pytest.raises(ValueError) as raised:
        project(package, _assuming("components.0.percent_of_basic", assumed))
    assert str(raised.value) == (
        f"{package.label}: the assumed percentage at 'components.0.percent_of_basic' exceeds 100"
    )


def test_an_unpublished_salary_names_the_figure_and_what_to_do():
    package = offer(None)
    with pytest.raises(MissingFigure) as raised:
        project(package, Scenario(pay_award=0))
    assert str(raised.value) == (
        f"{package.label}: the figure at 'salary.top' is not published; "
        "supply an assumption for it to project this offer"
    )


# ---------------------------------------------------------------- who is paid, what is repaid


def test_a_payment_left_out_for_the_worker_leaves_the_payments_after_it_in():
    # The first golden hello needs three years' experience, the worker has one: only the
    # second (£700, no condition) is paid
    needs_experience = {
        **golden_hello(1_000),
        "conditions": [{"kind": "post_qualifying_experience", "years": 3}],
    }
    package = offer(24_000, needs_experience, {**golden_hello(700), "name": "Welcome payment"})
    rows = project(package, Scenario(pay_award=0, years=1, years_qualified=1))
    assert paid(rows, "golden_hello") == [(1, 700.0)]
    assert "Golden hello" not in set(rows["component"])


def test_every_clawback_is_repaid_on_leaving_not_only_the_last():
    # £1,000 on joining and £600 after 6 months, each repaid if leaving within 12 months of
    # it. Leaving after 8 months repays both: 1,000 + 600 = £1,600; after 12, only the second
    package = offer(
        24_000,
        golden_hello(1_000, within=12),
        {**golden_hello(600, after=6, within=12), "name": "Second payment"},
    )
    owed = build_schedule(package, Scenario(pay_award=0, years=2)).clawback_on_leaving()
    assert owed[7] == 160_000
    assert owed[11] == 60_000


def test_totals_on_leaving_stay_in_whole_pence():
    # Money is held as integer pence throughout; the totals on leaving are no exception
    package = offer(24_000, golden_hello(1_000, within=12))
    schedule = build_schedule(package, Scenario(pay_award=0, years=1))
    assert schedule.clawback_on_leaving().dtype == np.int64
    assert schedule.total_on_leaving().dtype == np.int64
    # Leaving after 1 month: 2,000 salary + 1,000 hello − 1,000 repaid = £2,000
    assert schedule.total_on_leaving()[0] == 200_000

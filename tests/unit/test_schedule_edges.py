"""The schedule, leaving and the flip search where their rules bite: halfpenny ties in the
running twelfths and clawback tapers, the last month a clawback or qualifying rule applies,
the horizon's last month and ties between two offers. Worked by hand in the comments."""

from __future__ import annotations

import datetime as dt

import pytest

from incentives import Scenario, expected_cost, flip_points, project
from incentives.retention import cohort
from tests.builders import golden_hello, offer, paid

# ---------------------------------------------------------------- rounding ties


def test_salary_twelfths_round_a_halfpenny_up_and_run_to_the_annual_figure():
    # £30,000.06 a year: each month pays the pay-to-date rounded half up, less what was paid.
    # 1/12 = 2,500.005 → 2,500.01; 2/12 = 5,000.01 (month 2: 2,500.00); 3/12 = 7,500.015 →
    # 7,500.02 (month 3: 2,500.01); ... twelve months pay exactly 30,000.06
    rows = project(offer(30_000.06), Scenario(pay_award=0, years=1))
    salary = rows[rows["category"] == "salary"]["pence"].tolist()
    assert salary == [250_001, 250_000] * 6
    assert sum(salary) == 3_000_006


def test_a_percentage_of_basic_rounds_a_halfpenny_up_when_it_falls_due():
    # 5% of £30,000.10 basic = 1,500.005 → 1,500.01, paid with month 12
    retention = {"kind": "retention", "name": "Retention", "at_months": [12],
                 "tiers": [{"percent_of_basic": 5}]}  # fmt: skip
    rows = project(offer(30_000.10, retention), Scenario(pay_award=0, years=1))
    assert paid(rows, "retention") == [(12, 1500.01)]


def test_a_tapered_clawback_rounds_a_halfpenny_up():
    # £1,000.01 on joining, repaid in 24ths: leaving after 12 months, 12/24 is owed:
    # 1,000.01 × 12 / 24 = 500.005 → 500.01 (half down would repay 500.00)
    package = offer(24_000, golden_hello(1_000.01, within=24, taper="monthly"))
    rows = project(package, Scenario(pay_award=0, years=2, leave_after_months=12))
    assert paid(rows, "clawback") == [(12, -500.01)]


# ---------------------------------------------------------------- when a clawback applies


@pytest.mark.parametrize(
    ("leave_after", "clawed"),
    [
        (5, []),  # the instalment (after 6 months) is not yet paid: nothing to repay
        (6, [(6, -1_000.0)]),  # paid and repaid in the same month
        (17, [(17, -1_000.0)]),  # 11 months after the payment: still within 12
        (18, []),  # 12 months after it: the clawback no longer applies
    ],
)
def test_a_clawback_runs_from_its_payment_not_from_joining(leave_after, clawed):
    package = offer(12_000, golden_hello(1_000, after=6, within=12))
    rows = project(package, Scenario(pay_award=0, years=2, leave_after_months=leave_after))
    assert paid(rows, "clawback") == clawed


# ---------------------------------------------------------------- calendar-month retention


def _december_retention(qualifying: int) -> dict:
    return {
        "kind": "retention",
        "name": "Retention",
        "calendar_months": [12],
        "qualifying_months": qualifying,
        "tiers": [{"from_year": 1, "amount": 500}, {"from_year": 2, "amount": 800}],
    }


@pytest.mark.parametrize(
    ("qualifying", "payments"),
    [
        # From April 2017, December is service month 9 (2017) and month 21 (2018, year 2)
        (0, [(9, 500.0), (21, 800.0)]),
        (9, [(9, 500.0), (21, 800.0)]),  # nine months' service by December's pay: paid
        (10, [(21, 800.0)]),  # not yet ten: the first December is missed
    ],
)
def test_calendar_month_retention_waits_for_the_qualifying_months(qualifying, payments):
    rows = project(offer(12_000, _december_retention(qualifying)), Scenario(pay_award=0, years=2))
    assert paid(rows, "retention") == payments


def test_calendar_month_retention_counts_from_the_start_month():
    # Starting in December 2017, December is service month 1 and month 13 (service year 2)
    rows = project(
        offer(12_000, _december_retention(0)),
        Scenario(pay_award=0, years=2, start=dt.date(2017, 12, 1)),
    )
    assert paid(rows, "retention") == [(1, 500.0), (13, 800.0)]


# ---------------------------------------------------------------- the horizon's last month


def test_nobody_leaves_a_cohort_in_the_horizons_last_month():
    # 100 hires, a 50% annual leaving rate: monthly chance c with (1 − c)^12 = 0.5. After
    # month m, 100 × 0.5^(m/12) are in post; the horizon (12 months) simply ends, so month 12
    # keeps month 11's 100 × 0.5^(11/12) = 52.973.
    # A £1,200 golden hello on joining, never clawed back: everyone hired was paid it, so the
    # spend stays 100 × 1,200 = 120,000 in every month, the last included.
    package = offer(24_000, golden_hello(1_200))
    table = cohort(package, Scenario(pay_award=0, years=1), 50, hires=100)
    in_post = table["in_post"].tolist()
    assert in_post[10] == pytest.approx(100 * 0.5 ** (11 / 12))
    assert in_post[11] == in_post[10]
    assert table["incentive_spend"].tolist() == pytest.approx([120_000.0] * 12)
    assert table["spend_per_retained"].iloc[-1] == pytest.approx(120_000 / in_post[11])


def test_staying_the_whole_horizon_includes_working_its_last_month():
    # Over 12 months at 50% a year, the chance of being in post for month 12 (and so of
    # staying to the end) is 0.5^(11/12) = 0.5297; the expected months served are
    # Σ_{n=1..11} n·P(last month n) + 12·0.5^(11/12), which is Σ_{m=0..11} 0.5^(m/12).
    result = expected_cost(offer(24_000), Scenario(pay_award=0, years=1), 50)
    assert result.chance_of_staying == pytest.approx(0.5 ** (11 / 12))
    assert result.expected_months == pytest.approx(sum(0.5 ** (m / 12) for m in range(12)))


# ---------------------------------------------------------------- ties in the flip search


def _hello(amount: float, after: int, name: str = "Golden hello") -> dict:
    return {
        "kind": "one_off",
        "name": name,
        "purpose": "golden_hello",
        "instalments": [{"after_months": after, "amount": amount}],
    }


def _row(table, name: str):
    return table.set_index("assumption").loc[name]


def test_a_tie_in_leaving_months_does_not_flip_the_lead():
    # Same salary. A pays £600 on joining; B £600 after 6 months and £600 after 9.
    # A less B on leaving after m months: +600 for m = 1..5, 0 (a tie) for 6..8, −600 from 9.
    # The tie carries A's lead: the lead changes at 9, not at 6.
    a = offer(24_000, _hello(600, 0), id="offer-a")
    b = offer(24_000, _hello(600, 6), _hello(600, 9, "Second hello"), id="offer-b")
    row = _row(flip_points(a, b, Scenario(pay_award=0, years=1)), "Months before leaving")
    assert row["flips_at"] == 9
    assert (row["leader_below"], row["leader_above"]) == ("offer-a", "offer-b")


def test_ties_before_either_offer_leads_are_not_a_lead():
    # A pays £600 after 6 months, B £1,200 after 9. A less B: 0 for m = 1..5 (a tie, nobody
    # leads yet),
    # +600 for 6..8 (A leads first), −600 from 9: A leads below, B from month 9.
    a = offer(24_000, _hello(600, 6), id="offer-a")
    b = offer(24_000, _hello(1_200, 9), id="offer-b")
    row = _row(flip_points(a, b, Scenario(pay_award=0, years=1)), "Months before leaving")
    assert row["flips_at"] == 9
    assert (row["leader_below"], row["leader_above"]) == ("offer-a", "offer-b")


def test_a_searched_flip_lands_past_a_tie_on_the_side_of_the_new_leader():
    # Over two years from April 2017, with pay award p% in April 2018:
    # A: salary £30,000; B: £29,000 and a £2,020 golden hello.
    # A less B = 1,000 + 1,000 × (1 + p/100) − 2,020 = 10p − 20 pounds: B leads below 2%,
    # they tie exactly at 2.00% and A leads above. The scenario takes the award to two
    # places, so 2.00 ties and 2.01 (from 2.005 up) is the first award at which A leads:
    # the tie carries B's lead, and the flip is found between 2.005 and 2.006.
    a = offer(30_000, id="offer-a")
    b = offer(29_000, _hello(2_020, 0), id="offer-b")
    row = _row(flip_points(a, b, Scenario(pay_award=0, years=2)), "Pay award each April")
    assert 2.005 <= row["flips_at"] <= 2.006
    assert (row["leader_below"], row["leader_above"]) == ("offer-b", "offer-a")
    assert row["difference_now"] == pytest.approx(-20.0)  # at the scenario's 0% award

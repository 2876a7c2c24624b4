"""Total reward: gross pay, the employer's pension and the benefits with a money value."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from incentives import compare, load_offers
from incentives.benefits import unvalued_benefits
from incentives.comparison import Comparison
from incentives.scenario import Scenario
from tests.builders import offer
from tests.strategies import offers, scenarios

CITED = [{"source": "s", "quote": "words"}]


def _leave(days: int, *rises: tuple[int, int]) -> dict:
    steps = [{"after_years": after, "days": more} for after, more in rises]
    return {"kind": "annual_leave", "days": days, "rises": steps, "cite": CITED}


FEE = {"kind": "registration_fee", "fee": 120, "cite": CITED}
SABBATICAL = {"kind": "sabbatical", "weeks": 4, "after_years": 3, "text": "4 weeks after 3 years"}


def _pair(**scenario: object) -> tuple[Comparison, Scenario]:
    """£31,200 a year (£2,600 a month, £120 a day), one point, no award, 20% employer pension."""
    generous = offer(31_200, id="generous", benefits=[_leave(27, (1, 30)), FEE])
    plain = offer(31_200, id="plain", benefits=[_leave(25)])
    chosen = Scenario(pay_award=0, employer_pension_rate={"generous": 20, "plain": 20}, **scenario)
    return Comparison.of([generous, plain], chosen), chosen


def test_total_reward_counts_employer_pension_extra_leave_and_a_paid_fee():
    comparison, _ = _pair(years=1)
    totals = comparison.summary("total_reward").set_index("offer")["total"]
    # generous: 31,200 + 20% pension 6,240 + 2 days above plain's 25 at £120 (240) + fee 120
    assert totals["generous"] == 37_800
    # plain has the fewest days, so no leave is counted: 31,200 + 6,240
    assert totals["plain"] == 37_440


def test_each_part_of_total_reward_is_named_and_adds_up():
    comparison, _ = _pair(years=2)
    parts = comparison.breakdown("total_reward")
    generous = parts[parts["offer"] == "generous"].pivot(
        index="year", columns="part", values="amount"
    )
    # year 2: 30 days after a year's service, 5 above plain's 25: 5 x £120 = £600
    assert generous.loc[2, "extra_leave"] == 600
    assert generous.loc[1, "extra_leave"] == 240
    assert generous.loc[2].to_dict() == {
        "employer_pension": 6_240,
        "extra_leave": 600,
        "gross": 31_200,
        "registration_fee": 120,
    }
    yearly = comparison.yearly().set_index(["offer", "year"])
    assert yearly.loc[("generous", 2), "total_reward"] == generous.loc[2].sum()


def test_benefits_stop_with_leaving():
    comparison, _ = _pair(years=2, leave_after_months=13)
    yearly = comparison.yearly().set_index(["offer", "year"])
    # month 13 is worked: a twelfth of year 2's £600 of leave (£50), and year 2's fee,
    # paid with the first month of the year
    assert yearly.loc[("generous", 2), "extra_leave"] == 50
    assert yearly.loc[("generous", 2), "registration_fee"] == 120


def test_an_offer_publishing_no_leave_gets_none_and_sets_no_floor():
    silent = offer(31_200, id="silent")
    comparison = Comparison.of(
        [silent, offer(31_200, id="only", benefits=[_leave(28)])], Scenario(years=1)
    )
    yearly = comparison.yearly().set_index("offer")
    assert yearly.loc["silent", "extra_leave"] == 0
    assert yearly.loc["only", "extra_leave"] == 0  # the only offer with leave is the lowest


def test_compare_gains_a_total_reward_column():
    table = compare([offer(31_200)], Scenario(years=1))
    assert {"total_reward", "cumulative_total_reward"} <= set(table.columns)


def test_benefits_without_a_money_value_are_listed_side_by_side():
    a = offer(30_000, id="a", benefits=[SABBATICAL, _leave(27, (5, 32))])
    b = offer(30_000, id="b", benefits=[{"kind": "other", "text": "Free parking"}])
    table = unvalued_benefits([a, b]).set_index("benefit")
    assert table.loc["Sabbatical", "a"] == "4 weeks after 3 years"
    assert table.loc["Sabbatical", "b"] == ""
    assert table.loc["Annual leave", "a"] == "27 days, 32 after 5 years"
    assert table.loc["Other", "b"] == "Free parking"


def test_the_data_lists_medway_and_west_berkshire_benefits():
    data = load_offers()
    table = unvalued_benefits(
        [data["medway-social-worker"], data["west-berkshire-child-protection-social-worker"]]
    )
    assert set(table["benefit"]) == {"Car", "Sabbatical", "Other"}


def test_leave_rises_must_come_later_and_give_more():
    with pytest.raises(ValueError, match="leave rises"):
        offer(30_000, benefits=[_leave(27, (5, 25))])


_BENEFITS = st.lists(
    st.one_of(
        st.builds(lambda d: _leave(d), st.integers(20, 35)),
        st.builds(lambda f: {**FEE, "fee": f}, st.integers(0, 200)),
    ),
    max_size=2,
    unique_by=lambda b: b["kind"],
)


@settings(max_examples=80, deadline=None)
@given(offers(), offers(), _BENEFITS, _BENEFITS, scenarios())
def test_total_reward_is_at_least_gross_plus_employer_pension(
    a, b, a_benefits, b_benefits, scenario
):
    chosen = [
        a.model_copy(update={"id": "a", "benefits": offer(1, benefits=a_benefits).benefits}),
        b.model_copy(update={"id": "b", "benefits": offer(1, benefits=b_benefits).benefits}),
    ]
    table = compare(chosen, scenario)
    floor = np.round((table["gross"] + table["employer_pension"]).to_numpy() * 100)
    assert np.all(np.round(table["total_reward"].to_numpy() * 100) >= floor)

"""Real terms, present values, and the assumption at which one offer overtakes another."""

from __future__ import annotations

from decimal import Decimal

import pytest

from incentives import Scenario, compare, flip_points, leave_curve, load_offers
from incentives.prices import price_level, published_inflation
from incentives.sensitivity import assumptions, brute_force_flip
from tests.builders import offer

OFFERS = load_offers()
KIRKLEES = OFFERS["kirklees-social-worker"]
ROTHERHAM = OFFERS["rotherham-social-worker"]
ONE_YEAR = {"start": "2017-04-01", "years": 1}


def test_the_published_inflation_used_for_2017_and_2018():
    assert published_inflation()[2017] == Decimal("2.7")
    assert published_inflation()[2018] == Decimal("2.5")
    # 2018's prices are 2.5% above 2017's
    assert price_level(2018, 2, base_year=2017) == pytest.approx(1.025)


def test_real_terms_in_the_prices_of_a_later_year():
    package = offer(12_000)
    table = compare([package], Scenario(pay_award=0, **ONE_YEAR, money="real", price_year=2018))
    # April-December 2017: 9 × 1,000 in 2018 prices = 9 × 1,025; January-March 2018: 3 × 1,000
    assert table["gross"].iloc[0] == 9 * 1_025 + 3 * 1_000


def test_present_value_discounts_real_pay_back_to_the_start():
    package = offer(12_000)
    table = compare(
        [package], Scenario(pay_award=0, **ONE_YEAR, money="present_value", discount_rate=3.5)
    )
    # Month m pays 1,000 / 1.035^(m/12), in 2017 prices: the 2018 months are also / 1.025.
    # Σ(m=1..9) 1,000 / 1.035^(m/12) + Σ(m=10..12) 1,000 / (1.025 × 1.035^(m/12)) = 11,708.14
    assert table["gross"].iloc[0] == pytest.approx(11_708.14, abs=0.03)  # monthly rounding


def test_future_years_use_the_assumed_inflation():
    last = max(published_inflation())
    # Two years after the last published one, at 4% a year: 1.04 × 1.04
    assert price_level(last + 2, 4, base_year=last) == pytest.approx(1.04**2)


def test_kirklees_leads_if_you_leave_within_6_months_and_rotherham_from_7():
    scenario = Scenario(pay_award=0, **ONE_YEAR)
    curve_k = leave_curve(KIRKLEES, scenario).set_index("leave_after_months")["gross"]
    curve_r = leave_curve(ROTHERHAM, scenario).set_index("leave_after_months")["gross"]
    # After 6: Kirklees 20,598 against Rotherham 20,328; after 7: 23,697.67 against 23,716
    assert (curve_k[6], curve_r[6]) == (20_598, 20_328)
    assert (curve_k[7], curve_r[7]) == (23_697.67, 23_716)
    table = flip_points(KIRKLEES, ROTHERHAM, Scenario(pay_award=0, start="2017-04-01", years=3))
    months = table.set_index("assumption").loc["Months before leaving"]
    assert months["flips_at"] == 7
    assert months["leader_below"] == "kirklees-social-worker"
    assert months["leader_above"] == "rotherham-social-worker"


def test_an_assumption_that_never_flips_says_so():
    table = flip_points(KIRKLEES, ROTHERHAM, Scenario(pay_award=0, start="2017-04-01", years=3))
    award = table.set_index("assumption").loc["Pay award each April"]
    assert award["flips_at"] is None
    assert award["leader_below"] == award["leader_above"] == "rotherham-social-worker"


def test_a_searched_flip_agrees_with_brute_force_over_the_range():
    flat = offer(30_000, {"kind": "supplement", "name": "Premium", "amount": 2_050}, id="flat")
    higher = offer(32_000, id="higher")
    scenario = Scenario(pay_award=0, start="2017-04-01", years=3)
    # Over 3 years A pays 30,000 × S + 6,150 and B 32,000 × S, where S = 1 + x + x² and x is
    # 1 plus the award: they are level when x + x² = 2.075, x = 1.024795: an award of 2.48%
    found = {a.name: a for a in assumptions(flat, higher, scenario)}
    award = found["Pay award each April"]
    table = flip_points(flat, higher, scenario).set_index("assumption")
    searched = table.loc["Pay award each April", "flips_at"]
    assert searched == pytest.approx(2.48, abs=0.01)
    assert searched == pytest.approx(brute_force_flip(award, step=0.01), abs=0.011)
    leaving = found["Annual leaving rate"]
    searched = table.loc["Annual leaving rate", "flips_at"]
    brute = brute_force_flip(leaving, step=0.01)
    assert (searched is None and brute is None) or searched == pytest.approx(brute, abs=0.011)


def test_inflation_and_discounting_only_appear_when_they_can_matter():
    names = [a.name for a in assumptions(KIRKLEES, ROTHERHAM, Scenario(pay_award=0))]
    assert "Future inflation" not in names and "Discount rate" not in names
    names = [
        a.name
        for a in assumptions(KIRKLEES, ROTHERHAM, Scenario(pay_award=0, money="present_value"))
    ]
    assert "Future inflation" in names and "Discount rate" in names

"""What flips the lead, term by term: each assumption's range, its current value, the
differences across the range, where the lead changes and who leads either side.

The worked pair, from April 2017 over two years with no pay award: offer A pays £30,000 a
year (£2,500 a month); offer B £28,800 (£2,400 a month) and a £2,000 golden hello on joining.
A less B is £100 a month less £2,000: −£1,900 after one month, £400 after 24.
"""

from __future__ import annotations

import pytest

from incentives import Scenario, flip_points
from incentives.sensitivity import assumptions, brute_force_flip
from tests.builders import golden_hello, offer

A = offer(30_000, id="offer-a")
B = offer(28_800, golden_hello(2_000), id="offer-b")
TWO_YEARS = Scenario(pay_award=0, years=2)


def _rows(table):
    return {row["assumption"]: row for row in table.to_dict("records")}


@pytest.fixture
def rows():
    # Worked out for each test, not once for the file: mutmut runs a mutant only against the
    # tests it saw calling the mutated code, and a fixture kept for the file calls it only
    # while setting up the first test that asks for it.
    return _rows(flip_points(A, B, TWO_YEARS))


def test_each_assumption_is_varied_over_its_own_range_from_the_scenarios_value(rows):
    # England's turnover for the year to September 2016 (data/workforce.yaml) is 15.1%
    assert {n: (r["unit"], r["current"], r["low"], r["high"]) for n, r in rows.items()} == {
        "Months before leaving": ("months", 24, 1, 24),
        "Years compared": ("years", 2, 1, 10),
        "Pay award each April": ("%", 0, 0, 10),
        "Starting below the top of the scale": ("%", 0, 0, 30),
        "Annual leaving rate": ("%", 15.1, 0, 100),
    }


def test_leaving_sooner_favours_the_golden_hello_until_the_salary_catches_up(rows):
    months = rows["Months before leaving"]
    # After m months A less B is 100m − 2,000: −1,900 at 1, a tie at 20, +100 at 21, +400 at 24.
    # The tie carries B's lead, so the lead changes at month 21.
    assert months["flips_at"] == 21
    assert (months["leader_below"], months["leader_above"]) == ("offer-b", "offer-a")
    assert months["difference_now"] == 400  # the scenario's 24 months
    assert (months["difference_at_low"], months["difference_at_high"]) == (-1_900, 400)
    assert (months["difference_min"], months["difference_max"]) == (-1_900, 400)
    assert months["swing"] == 2_300


def test_comparing_more_years_adds_the_salary_gap_each_year(rows):
    years = rows["Years compared"]
    # Over y years A less B is 1,200y − 2,000: −800 for 1 year, 400 for 2, 10,000 for 10
    assert years["flips_at"] == 2
    assert (years["leader_below"], years["leader_above"]) == ("offer-b", "offer-a")
    assert years["difference_now"] == 400
    assert (years["difference_at_low"], years["difference_at_high"]) == (-800, 10_000)
    assert (years["difference_min"], years["difference_max"], years["swing"]) == (
        -800,
        10_000,
        10_800,
    )


def test_a_pay_award_widens_the_higher_salarys_lead_without_changing_it(rows):
    award = rows["Pay award each April"]
    # An award of p% in April 2018 raises both second years: 1,200 + 1,200 × (1 + p/100)
    # − 2,000 = 400 + 12p: 400 at 0%, 520 at 10% (£33,000 and £31,680 a year)
    assert award["flips_at"] is None
    assert award["leader_below"] == award["leader_above"] == "offer-a"
    assert (award["difference_at_low"], award["difference_at_high"]) == (400, 520)
    assert (award["difference_min"], award["difference_max"]) == (400, 520)
    assert award["swing"] == pytest.approx(120)


def test_starting_below_the_top_shrinks_the_salary_gap_until_the_hello_leads(rows):
    below = rows["Starting below the top of the scale"]
    # s% below the top: A earns 30,000(1 − s) then 3% more the next year (the scenario's step
    # up an unpublished scale, still below the top); B the same from 28,800(1 − s). A less B
    # = 1,200 × (1 − s) × 2.03 − 2,000: 400 at 0%; at 30%, 840 + 865.20 − 2,000 = −294.80.
    # Level where 1 − s = 2,000 / 2,436 = 0.821018: s = 17.898%, given as the upper end.
    assert below["flips_at"] == 17.899  # to the thousandth of a point searched to
    assert (below["leader_below"], below["leader_above"]) == ("offer-a", "offer-b")
    assert below["difference_at_low"] == 400
    assert below["difference_at_high"] == pytest.approx(-294.80)
    assert below["swing"] == pytest.approx(694.80)


def test_at_3_percent_below_the_top_both_salaries_step_up_3_percent():
    found = {a.name: a for a in assumptions(A, B, TWO_YEARS)}
    # A: 29,100 then 29,973; B: 27,936 then 28,774.08. (1,164 + 1,198.92) − 2,000 = 362.92
    assert found["Starting below the top of the scale"].difference(3) == pytest.approx(362.92)


def test_the_leaving_rate_weighs_each_month_a_hire_may_leave(rows):
    rate = rows["Annual leaving rate"]
    # A less B is 100 × (expected months paid, up to 24) − 2,000. At 15.1% a year each month
    # keeps k = 0.849^(1/12) = 0.98645 of hires: (1 − k^24) / (1 − k) = 20.607 months, £60.70.
    # At 0% everyone stays the 24 months (£400); at 100% everyone leaves after one (−£1,900).
    assert rate["difference_now"] == pytest.approx(60.70, abs=0.01)
    assert (rate["difference_at_low"], rate["difference_at_high"]) == (400, -1_900)
    # 20 months expected (a tie) at 17.879%: k = 0.82121^(1/12) = 0.983719, 19.99999 months
    assert rate["flips_at"] == 17.879
    assert (rate["leader_below"], rate["leader_above"]) == ("offer-a", "offer-b")


def test_a_leaving_rate_given_is_the_one_used_now():
    table = _rows(flip_points(A, B, TWO_YEARS, leaving_rate=20))
    # At 20%: k = 0.8^(1/12) = 0.981576, (1 − 0.64) / 0.018424 = 19.540 months: −£46.0
    assert table["Annual leaving rate"]["current"] == 20
    assert table["Annual leaving rate"]["difference_now"] == pytest.approx(-45.97, abs=0.01)


def test_two_offers_paying_the_same_have_no_leader_and_no_flip():
    twin = offer(30_000, id="twin")
    for row in _rows(flip_points(A, twin, TWO_YEARS)).values():
        assert (row["flips_at"], row["leader_below"], row["leader_above"]) == (None, None, None)
        assert row["swing"] == 0


def test_whole_numbers_are_each_tried_and_rates_sampled_at_eleven_even_points():
    found = {a.name: a for a in assumptions(A, B, TWO_YEARS)}
    assert found["Years compared"].values().tolist() == list(range(1, 11))
    assert found["Months before leaving"].values().tolist() == list(range(1, 25))
    assert found["Pay award each April"].values().tolist() == list(range(11))
    assert found["Starting below the top of the scale"].values().tolist() == [
        0, 3, 6, 9, 12, 15, 18, 21, 24, 27, 30,
    ]  # fmt: skip


def test_the_current_share_below_the_top_is_offer_as_starting_salary():
    scenario = Scenario(pay_award=0, years=2, start_salary={"offer-a": 27_000})
    below = _rows(flip_points(A, B, scenario))["Starting below the top of the scale"]
    # 1 − 27,000 / 30,000 = 10% below the top
    assert below["current"] == pytest.approx(10)
    # The range still starts both at the top: 400, as with no starting salary
    assert below["difference_at_low"] == 400


def test_the_fine_grid_check_reaches_the_end_of_the_range():
    found = {a.name: a for a in assumptions(A, B, TWO_YEARS)}
    # Months 1..24 in steps of 1: the tie at 20 carries B's lead, A leads from 21
    assert brute_force_flip(found["Months before leaving"], step=1) == 21
    assert brute_force_flip(found["Pay award each April"], step=1) is None
    # In steps of 23 the grid is months 1 (−1,900) and 24 (+400), the range's last value
    months = found["Months before leaving"]
    assert brute_force_flip(months, step=23) == 24


def test_leaving_early_counts_only_the_months_paid():
    rows = _rows(flip_points(A, B, Scenario(pay_award=0, years=2, leave_after_months=12)))
    # Leaving after 12 months: 1,200 − 2,000 = −800, and no second year for an award to raise
    award = rows["Pay award each April"]
    assert (award["difference_at_low"], award["difference_at_high"], award["swing"]) == (
        -800,
        -800,
        0,
    )
    assert award["leader_below"] == award["leader_above"] == "offer-b"
    # 30% below the top for one year: 1,200 × 0.7 − 2,000 = −1,160
    assert rows["Starting below the top of the scale"]["difference_at_high"] == -1_160
    assert rows["Months before leaving"]["current"] == 12


def test_an_unpublished_top_is_taken_from_the_scenarios_assumption():
    unpublished = offer(None, id="offer-a")
    scenario = Scenario(pay_award=0, years=2, assumed={"offer-a": {"salary.top": 30_000}})
    below = _rows(flip_points(unpublished, B, scenario))["Starting below the top of the scale"]
    # The same as A's published £30,000: −294.80 at 30% below the top
    assert below["difference_at_high"] == pytest.approx(-294.80)


# From April 2025: the NJC's last agreed award is 1 April 2025's, and inflation is published
# to 2024, so the second year's award and the prices of 2025 on are assumptions.
A_2025 = offer(30_000, id="offer-a", as_at="2025-04-01")
B_2025 = offer(28_800, golden_hello(2_000), id="offer-b", as_at="2025-04-01")


def _from_2025(**fields: object) -> dict:
    scenario = Scenario(years=2, start="2025-04-01", **fields)  # type: ignore[arg-type]
    return {a.name: a for a in assumptions(A_2025, B_2025, scenario)}


def test_under_the_njc_awards_only_the_award_after_the_last_agreed_one_is_varied():
    found = _from_2025(pay_award="njc")
    award = found["Pay award each April after the last agreed one"]
    # The assumed award after 2025 is 3.2% (data/njc_pay.yaml): 400 + 12 × 3.2 = 438.40
    assert (award.unit, award.current, award.low, award.high) == ("%", 3.2, 0, 10)
    assert award.difference(3.2) == pytest.approx(438.40)
    assert award.difference(0) == pytest.approx(400)
    assert award.difference(10) == pytest.approx(520)
    assert "Pay award each April" not in found


def test_future_inflation_deflates_the_later_years_pounds():
    found = _from_2025(pay_award=0, money="real", price_year=2025)
    inflation = found["Future inflation"]
    assert (inflation.unit, inflation.current, inflation.low, inflation.high) == ("%", 2, 0, 10)
    assert "Discount rate" not in found
    # In 2025's prices at i%: April-December 2025 (9 × 100, less the 2,000 hello), 2026 (12 ×
    # 100 / (1 + i)), January-March 2027 (3 × 100 / (1 + i)²). At 10%: 900 + 1,090.91 +
    # 247.93 − 2,000 = 238.84 (each month's pence converted, then summed: 3p more)
    assert inflation.difference(0) == pytest.approx(400)
    assert inflation.difference(10) == pytest.approx(238.84, abs=0.05)
    # Taken to two places: 2.004% is 2% (364.82), 2.006% is 2.01% (364.65)
    assert inflation.difference(2.004) == pytest.approx(364.82, abs=0.02)
    assert inflation.difference(2.006) == pytest.approx(364.65, abs=0.02)


def test_a_present_value_varies_the_discount_rate_from_the_one_given():
    found = _from_2025(pay_award=0, money="present_value", inflation=0, discount_rate=5)
    discount = found["Discount rate"]
    assert (discount.unit, discount.current, discount.low, discount.high) == ("%", 5, 0, 10)
    assert found["Future inflation"].current == 0
    # With no inflation, month m's pounds are / (1 + d)^(m/12), the hello's month 1's:
    # Σ(m=1..24) 100 / 1.1^(m/12) − 2,000 / 1.1^(1/12) = 192.28 at 10%; 400 at 0%
    assert discount.difference(10) == pytest.approx(192.28, abs=0.02)
    assert discount.difference(0) == pytest.approx(400)
    # Taken to two places: 2.006% is 2.01%, 354.23 (2% gives 354.45)
    assert discount.difference(2.006) == pytest.approx(354.23, abs=0.02)


def test_a_present_value_uses_the_green_books_rate_when_none_is_given():
    found = _from_2025(pay_award=0, money="present_value", inflation=0)
    # 3.5% (data/prices.yaml); inflation still varied, from the scenario's 0%:
    # Σ(m=1..24) 100 / 1.035^(m/12) − 2,000 / 1.035^(1/12) = 321.70
    assert found["Discount rate"].current == 3.5
    assert found["Future inflation"].difference(0) == pytest.approx(321.70, abs=0.02)


def test_the_fine_grid_check_stays_within_the_range_when_the_step_does_not_divide_it():
    found = {a.name: a for a in assumptions(A, B, TWO_YEARS)}
    # Months 1..24 in steps of 14: months 1 (−1,900), 15 (−500) and the range's end, 24
    # (+400). Month 29, one step past 15, is beyond the 24 months and is not tried.
    assert brute_force_flip(found["Months before leaving"], step=14) == 24
    # In steps of 6 the award is tried at 0%, 6% and 10% (not 12%): never a change of lead
    assert brute_force_flip(found["Pay award each April"], step=6) is None


def test_the_fine_grid_check_finds_no_change_between_two_offers_paying_the_same():
    found = {a.name: a for a in assumptions(A, offer(30_000, id="twin"), TWO_YEARS)}
    assert brute_force_flip(found["Months before leaving"], step=1) is None


def test_a_lead_of_a_penny_a_month_is_a_lead():
    pennies = offer(30_000.12, id="offer-a")  # £2,500.01 a month
    for row in _rows(flip_points(pennies, offer(30_000, id="offer-b"), TWO_YEARS)).values():
        # 1p after one month, 24p after two years: A leads throughout
        assert (row["flips_at"], row["leader_below"], row["leader_above"]) == (
            None,
            "offer-a",
            "offer-a",
        )


def test_years_compared_are_for_someone_who_stays_even_when_the_scenario_leaves_early():
    rows = _rows(flip_points(A, B, Scenario(pay_award=0, years=2, leave_after_months=12)))
    years = rows["Years compared"]
    # Each horizon of 1 to 10 years in full, 1,200y − 2,000, not cut at the 12 months paid
    assert (years["difference_at_low"], years["difference_at_high"]) == (-800, 10_000)


def test_a_flip_in_the_first_step_of_a_rate_is_narrowed_from_the_range_low_end():
    a = offer(30_000, id="offer-a")
    b = offer(29_000, golden_hello(2_005), id="offer-b")
    # Over two years: A less B = 1,000 + 1,000 × (1 + p/100) − 2,005 = 10p − 5 pounds: B
    # leads at 0% (−5), A at 1% (+5). At 0.50% (two places) they tie; A leads from 0.51%
    # (0.505% and up): the lead changes between 0.505 and 0.506, inside the first step.
    row = _rows(flip_points(a, b, TWO_YEARS))["Pay award each April"]
    assert 0.505 <= row["flips_at"] <= 0.506
    assert (row["leader_below"], row["leader_above"]) == ("offer-b", "offer-a")


def test_in_take_home_pay_tax_and_ni_are_those_of_the_pay_to_date():
    # No pension contributions, so take-home is pay less income tax and NI (2017/18: £11,500
    # allowance, NI 12% above £680 a month to £3,750 and 2% above; 2018/19: £11,850, £702).
    scenario = Scenario(pay_award=0, years=2, pension=0)
    rows = _rows(flip_points(A, B, scenario, measure="net"))
    months, years = rows["Months before leaving"], rows["Years compared"]
    # Leaving after a month, neither pays tax (under the allowance): A 2,500 − 218.40 NI;
    # B 4,400 − (3,070 × 12% + 650 × 2% = 381.40). 2,281.60 − 4,018.60 = −1,737
    assert months["difference_at_low"] == pytest.approx(-1_737)
    # 2017/18: A 30,000 − 3,700 tax − 12 × 218.40 = 23,679.20; B 30,800 − 3,860 − (381.40 +
    # 11 × 206.40) = 24,288.20: −609. 2018/19: A 30,000 − 3,630 − 12 × 215.76 = 23,780.88;
    # B 28,800 − 3,390 − 12 × 203.76 = 22,964.88: +816. Over both, 207.
    assert years["difference_at_low"] == pytest.approx(-609)
    assert months["difference_now"] == pytest.approx(207)
    award = rows["Pay award each April"]
    # At 10%, 2018/19: A 33,000 − 4,230 − 12 × 245.76 = 25,820.88; B 31,680 − 3,966 − 12 ×
    # 232.56 = 24,923.28: +897.60; with 2017/18's −609, 288.60
    assert award["difference_at_high"] == pytest.approx(288.60)


def test_under_the_njc_awards_the_future_award_given_is_the_one_now():
    award = _from_2025(pay_award="njc", future_pay_award=5)[
        "Pay award each April after the last agreed one"
    ]
    assert award.current == 5
    assert award.difference(5) == pytest.approx(460)  # 400 + 12 × 5


def test_in_real_terms_leaving_early_converts_only_the_months_paid():
    found = _from_2025(pay_award=0, money="real", price_year=2025, leave_after_months=12)
    # April-December 2025 at 2025's prices, January-March 2026 at 2% more: 900 + 300 / 1.02
    # − 2,000 = −805.88, whatever the award (there is no second year)
    assert found["Pay award each April"].difference(10) == pytest.approx(-805.88, abs=0.02)

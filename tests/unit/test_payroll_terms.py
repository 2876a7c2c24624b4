"""Payroll rules that only show over a projection of several years, when someone leaves, or
at the last penny: each year's student loan threshold within one projection, the first penny
of the allowance taper, and the other terms mutation testing found no test pinned.

Every figure is worked by hand from data/uk_rules.yaml in the comment above it; each salary is
chosen so that the broken rule gives a different answer.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from incentives import Comparison, Scenario, build_schedule, take_home
from incentives.parameters import load_parameters
from incentives.payroll import Person
from incentives.payroll.pension import scottish_rate
from incentives.payroll.run import run_totals
from incentives.uk_rules import REQUIRED, RULES_FILE, RuleBook
from tests.builders import golden_hello, offer


def payroll_of(package, **scenario):
    return Comparison.of([package], Scenario(pay_award=0, **scenario)).payrolls[0]


# ---------------------------------------------------------------- student loans


def test_each_tax_year_of_a_projection_takes_its_own_loan_threshold():
    # £30,000 a year is £2,500.00 a month, plan 1, two years from April 2024.
    # 2024/25 threshold 24,990 (2,082.50 a month): 9% × 417.50 = 37.575 → £37 a month.
    # 2025/26 threshold 26,065 (2,172.08 a month): 9% × (30,000 − 26,065) / 12
    # = 9% × 327.92 = 29.51 → £29 a month (the lowest threshold of the whole projection,
    # 24,990, would keep taking £37)
    payroll = payroll_of(offer(30_000), start="2024-04-01", years=2, pension=0,
                         student_loans=("plan1",))  # fmt: skip
    assert payroll.student_loan.tolist() == [3_700] * 12 + [2_900] * 12


# ---------------------------------------------------------------- income tax


def test_a_years_tax_of_one_penny_is_charged_once_half_the_years_pay_is_paid():
    # 2024/25, £12,570.05 a year and no pension: taxable 5p above the £12,570 allowance,
    # 20% × 5p = 1p for the year. Each month charges the year's tax in proportion to the pay
    # to date: 1p × 5/12 → 0p by August, 1p × 6/12 = 0.5p → 1p (half up) in September.
    payroll = payroll_of(offer("12570.05"), start="2024-04-01", years=1, pension=0)
    assert payroll.income_tax.tolist() == [0] * 5 + [1] + [0] * 6


def test_the_allowance_taper_takes_its_first_penny_one_penny_over_the_limit():
    # 2024/25, £100,000.01 and no pension: 1p over the £100,000 limit, so the allowance falls
    # by half of it, 0.5p → 1p (half up): allowance 12,569.99, taxable 87,430.02;
    # 20% × 37,700 = 7,540 + 40% × 49,730.02 = 19,892.008; 27,432.008 → 27,432.01
    # (no taper at 1p over would leave taxable 87,430.01: 27,432.004 → 27,432.00)
    assert take_home("100000.01", 2024, pension=0).income_tax == Decimal("27432.01")


def test_a_year_under_the_taper_limit_keeps_its_whole_allowance_beside_one_over_it():
    # £99,000.01 a year from April 2024, no pension, and a £5,000 golden hello in April 2025:
    # 2025/26 is over the £100,000 limit (104,000.01), 2024/25 is not, so its allowance stays
    # 12,570: taxable 86,430.01; 7,540 + 40% × 48,730.01 = 19,492.004; 27,032.004 → 27,032.00
    # (an allowance short by a penny, 12,569.99, would give 19,492.008, 27,032.01)
    package = offer("99000.01", golden_hello(5_000, after=13))
    payroll = payroll_of(package, start="2024-04-01", years=2, pension=0)
    assert payroll.income_tax[:12].sum() == 2_703_200


# ---------------------------------------------------------------- relocation expenses

RELOCATION = {
    "kind": "one_off",
    "name": "Relocation",
    "purpose": "relocation",
    "qualifying_relocation_expenses": True,
    "instalments": [{"after_months": 0, "amount": 10_000}],
}


def test_only_relocation_expenses_above_the_limit_are_taxed_to_the_penny():
    # 2025/26, £24,000.02 and £10,000 of qualifying relocation expenses in month 1, no
    # pension: only the 2,000 above the £8,000 limit is taxable. Taxable 26,000.02;
    # 20% × (26,000.02 − 12,570) = 20% × 13,430.02 = 2,686.004 → 2,686.00
    # (a penny more taxable, 13,430.03, would give 2,686.006 → 2,686.01)
    payroll = payroll_of(offer("24000.02", RELOCATION), start="2025-04-01", years=1, pension=0)
    assert payroll.income_tax.sum() == 268_600


def test_a_payment_marked_not_taxable_is_free_of_tax_and_ni():
    # 2025/26, £24,000 (2,000.00 a month) and a £1,000 payment marked not taxable in month 1,
    # no pension: tax 20% × (24,000 − 12,570) = 2,286.00 and month 1's NI 8% × (2,000 −
    # 1,048) = 76.16, as on the salary alone (taxed, the 1,000 would add 200.00 and 80.00)
    gift = {
        "kind": "one_off",
        "name": "Welcome payment",
        "purpose": "golden_hello",
        "taxable": False,
        "instalments": [{"after_months": 0, "amount": 1_000}],
    }
    payroll = payroll_of(offer(24_000, gift), start="2025-04-01", years=1, pension=0)
    assert payroll.gross[0] == 300_000
    assert (payroll.income_tax.sum(), payroll.employee_ni[0]) == (228_600, 7_616)


# ---------------------------------------------------------------- LGPS bands


def supplement(**terms):
    return {"kind": "supplement", "name": "Market supplement", **terms}


def test_a_supplement_starting_mid_year_moves_the_band_from_its_first_month():
    # 2024/25 bands: to £27,600 5.8%, then to £44,900 6.5%. £27,000 a year (2,250.00 a month)
    # and a pensionable £1,200 supplement from month 7 (100.00 a month): regular pensionable
    # pay 27,000 for April-September, 28,200 from October.
    # Apr-Sep 5.8% × 2,250 = 130.50; Oct-Mar 6.5% × 2,350 = 152.75 (5.8% all year: 136.30)
    package = offer(27_000, supplement(amount=1_200, from_month=7))
    payroll = payroll_of(package, start="2024-04-01", years=1)
    assert payroll.pension.tolist() == [13_050] * 6 + [15_275] * 6


def test_a_supplement_that_ends_takes_the_band_back_down():
    # As above, but the £1,200 supplement is paid in months 4 to 6 only: regular pay 27,000,
    # then 28,200 for July-September, then 27,000 again. 5.8% × 2,250 = 130.50; 6.5% × 2,350
    # = 152.75; from October 5.8% again (keeping July's band, 6.5% × 2,250 = 146.25)
    package = offer(27_000, supplement(amount=1_200, from_month=4, until_month=6))
    payroll = payroll_of(package, start="2024-04-01", years=1)
    assert payroll.pension.tolist() == [13_050] * 3 + [15_275] * 3 + [13_050] * 6


def test_april_takes_the_new_years_bands_when_pay_changed_earlier_in_the_year():
    # £16,800 a year from January 2024 (1,400.00 a month) and a pensionable £240 supplement
    # from month 2 (20.00 a month): regular pay 16,800 in January, 17,040 from February.
    # 2023/24 bands: 5.8% above £16,500, so Jan 5.8% × 1,400 = 81.20, Feb-Mar 5.8% × 1,420
    # = 82.36. From April the 2024/25 bands: 5.5% to £17,600, so 5.5% × 1,420 = 78.10 (April
    # kept in March's run of the same pay would pay 82.36)
    package = offer(16_800, supplement(amount=240, from_month=2))
    payroll = payroll_of(package, start="2024-01-01", years=1)
    assert payroll.pension[:5].tolist() == [8_120, 8_236, 8_236, 7_810, 7_810]


# ---------------------------------------------------------------- LGPS (Scotland)


@pytest.mark.parametrize("annual", [0, 1, 2, 2_530_000])
def test_pay_all_in_the_first_scottish_tier_takes_exactly_its_rate(annual):
    # 2023/24 tiers: 5.5% up to £25,300. No pay at all (an offer with no published salary),
    # a penny, 2p or exactly £25,300 a year: every penny is in the first tier, so the blend is
    # 5.5% = 55,000 ppm exactly, with nothing to round (on 1p, 1 × 55,000 / 1; on 2p,
    # 110,000 / 2: a stray part of a ppm would round up to 55,001).
    assert scottish_rate(2023, annual) == 55_000


# ---------------------------------------------------------------- the rules used


def _allowance_of_20000_in_2017(folder):
    """The UK rules with the 2017/18 personal allowance raised from £11,500 to £20,000."""
    text = RULES_FILE.read_text(encoding="utf-8").replace("value: 11500\n", "value: 20000\n", 1)
    (folder / "uk_rules.yaml").write_text(text, encoding="utf-8")
    return RuleBook(load_parameters(folder / "uk_rules.yaml", REQUIRED))


def test_the_payroll_follows_the_rules_it_is_given(tmp_path):
    # A rules file with a £20,000 personal allowance in 2017/18: £24,000 from April 2017 with
    # no pension is taxed 20% × (24,000 − 20,000) = 800 rather than 20% × 12,500 = 2,500
    rules = _allowance_of_20000_in_2017(tmp_path)
    scenario = Scenario(pay_award=0, start="2017-04-01", years=1, pension=0)
    given = Comparison.of([offer(24_000)], scenario, rules).payrolls[0]
    usual = Comparison.of([offer(24_000)], scenario).payrolls[0]
    assert (given.income_tax.sum(), usual.income_tax.sum()) == (80_000, 250_000)


def test_a_years_totals_follow_the_rules_they_are_given(tmp_path):
    # The same rules file and pay: the stayer's totals (as take_home works them) tax 800
    rules = _allowance_of_20000_in_2017(tmp_path)
    scenario = Scenario(pay_award=0, start="2017-04-01", years=1, pension=0)
    schedule = build_schedule(offer(24_000), scenario)
    totals = run_totals(schedule, Person(pension=Decimal(0)), 0, rules)
    assert totals.income_tax.tolist() == [80_000]


# ---------------------------------------------------------------- take_home's choices


def test_take_home_refuses_an_unknown_region_naming_the_choices():
    with pytest.raises(ValueError, match=r"^region must be one of: england, scotland$"):
        take_home(30_000, 2025, region="wales")


def test_take_home_refuses_unknown_loan_plans_naming_each():
    with pytest.raises(ValueError, match=r"^unknown student loan plan\(s\): plan3, plan9$"):
        take_home(30_000, 2025, student_loans=("plan9", "plan1", "plan3"))


def test_take_home_refuses_an_unknown_pension_section_naming_the_choices():
    message = r"^pension must be one of: lgps, lgps-50-50, or a percentage of pay$"
    with pytest.raises(ValueError, match=message):
        take_home(30_000, 2025, pension="lgps-55")


@pytest.mark.parametrize("percent", [-1, Decimal("100.01"), 101])
def test_take_home_refuses_a_pension_percentage_outside_0_to_100(percent):
    message = r"^a pension contribution is a percentage of pay from 0 to 100$"
    with pytest.raises(ValueError, match=message):
        take_home(30_000, 2025, pension=percent)


def test_a_pension_of_all_pay_leaves_nothing_to_tax():
    # 100% of £30,000 into the pension: all of it relieved from tax (net pay arrangement)
    result = take_home(30_000, 2025, pension=100)
    assert (result.pension, result.income_tax) == (Decimal("30000.00"), 0)

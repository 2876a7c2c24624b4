"""Payroll rules where they bite: exact rounding ties, the upper earnings limit, band edges and
the date each year's figures take effect.

Every figure is worked by hand from data/uk_rules.yaml in the comment above it, and each
salary is chosen so that the wrong rule (half up for half down, a year's bands a month early,
the previous year's threshold) gives a different answer. All are for one job paid in twelve
monthly instalments through ``take_home``, with no pension unless the test is about it.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from incentives import Comparison, Scenario, take_home
from incentives.uk_rules import scheme_year_of, tax_year_of
from tests.builders import golden_hello, offer

# ---------------------------------------------------------------- National Insurance


def test_employer_ni_disregards_an_exact_halfpenny():
    # 2024/25: secondary threshold £758 a month, 13.8%. £9,126 a year is £760.50 a month:
    # 13.8% × 2.50 = 34.5p, a halfpenny disregarded → 34p a month, 12 × 34p = £4.08
    # (half up would give 35p, £4.20)
    assert take_home(9_126, 2024, pension=0).employer_ni == Decimal("4.08")


def test_employee_ni_disregards_a_halfpenny_at_the_10_percent_rate():
    # 2023/24: primary threshold £1,048 a month; 12% to December, 10% from 6 January 2024.
    # £24,576.60 a year is £2,048.05 a month, £1,000.05 over the threshold:
    # Apr-Dec 12% × 1,000.05 = 120.006 → 120.01 (more than a halfpenny goes up), × 9 = 1,080.09
    # Jan-Mar 10% × 1,000.05 = 100.005 → 100.00 (a halfpenny disregarded), × 3 = 300.00
    # total 1,380.09 (half up would give 1,380.12)
    assert take_home("24576.60", 2023, pension=0).employee_ni == Decimal("1380.09")


def test_employee_ni_above_the_upper_earnings_limit_is_2_percent():
    # 2024/25: PT £1,048, UEL £4,189 a month; 8% between them, 2% above.
    # £60,000 a year is £5,000 a month: 8% × (4,189 − 1,048) = 8% × 3,141 = 251.28;
    # 2% × (5,000 − 4,189) = 2% × 811 = 16.22; 267.50 a month, × 12 = 3,210.00
    # (8% on everything above the PT would be 316.16 a month; no 2% band, 251.28)
    assert take_home(60_000, 2024, pension=0).employee_ni == Decimal("3210.00")


def test_the_halfpenny_above_the_upper_earnings_limit_is_disregarded():
    # 2024/25: £50,271 a year is £4,189.25 a month, 25p above the UEL:
    # 8% × 3,141 = 251.28 plus 2% × 0.25 = 0.5p → 251.285, a halfpenny disregarded → 251.28
    # × 12 = 3,015.36 (half up would give 251.29, 3,015.48)
    assert take_home(50_271, 2024, pension=0).employee_ni == Decimal("3015.36")


# ---------------------------------------------------------------- income tax


def test_income_tax_rounds_an_exact_halfpenny_up_in_scotland():
    # 2024/25 Scottish bands on taxable income; £30,000.50 less the £12,570 allowance is
    # 17,430.50: 19% × 2,306 = 438.14; 20% × (13,991 − 2,306) = 2,337.00;
    # 21% × (17,430.50 − 13,991) = 21% × 3,439.50 = 722.295; total 3,497.435 → 3,497.44
    assert take_home("30000.50", 2024, region="scotland", pension=0).income_tax == Decimal(
        "3497.44"
    )


def test_income_tax_rounds_an_exact_halfpenny_up_at_the_additional_rate():
    # 2024/25, £150,000.10: no allowance (above 125,140); 20% × 37,700 = 7,540;
    # 40% × (125,140 − 37,700) = 34,976; 45% × (150,000.10 − 125,140) = 45% × 24,860.10 =
    # 11,187.045; total 53,703.045 → 53,703.05 (half down: 53,703.04)
    assert take_home("150000.10", 2024, pension=0).income_tax == Decimal("53703.05")


def test_the_full_allowance_is_kept_at_exactly_100000():
    # 2024/25, £100,000: allowance 12,570 untouched; taxable 87,430;
    # 20% × 37,700 = 7,540; 40% × 49,730 = 19,892; total 27,432
    assert take_home(100_000, 2024, pension=0).income_tax == Decimal("27432.00")


def test_the_allowance_taper_rounds_a_halfpenny_reduction_up():
    # 2024/25, £110,000.01: over the limit by 10,000.01, so the allowance falls by half of it,
    # 5,000.005 → 5,000.01 (half up): allowance 7,569.99, taxable 102,430.02;
    # 7,540 + 40% × (102,430.02 − 37,700) = 7,540 + 25,892.008 = 33,432.008 → 33,432.01
    # (a reduction rounded down, 5,000.00, would give 33,432.00)
    assert take_home("110000.01", 2024, pension=0).income_tax == Decimal("33432.01")


# Scottish bands from 2024/25, when the advanced rate (45%) came in: £80,000, taxable 67,430.
# The 42% band is 31,092 to 62,430 each year: 42% × 31,338 = 13,161.96; 45% × 5,000 = 2,250.
SCOTTISH_80000 = [
    # 19% × 2,306 = 438.14; 20% × 11,685 = 2,337.00; 21% × 17,101 = 3,591.21
    (2024, "21778.31"),
    # 19% × 2,827 = 537.13; 20% × 12,094 = 2,418.80; 21% × 16,171 = 3,395.91
    (2025, "21763.80"),
    # 19% × 3,967 = 753.73; 20% × 12,989 = 2,597.80; 21% × 14,136 = 2,968.56
    (2026, "21732.05"),
]


@pytest.mark.parametrize(("year", "tax"), SCOTTISH_80000)
def test_scottish_bands_each_year_from_2024(year, tax):
    assert take_home(80_000, year, region="scotland", pension=0).income_tax == Decimal(tax)


def test_the_scottish_top_rate_is_48_percent_from_125140():
    # 2024/25, £150,000: no allowance; 438.14 + 2,337.00 + 3,591.21 + 13,161.96
    # + 45% × (125,140 − 62,430) = 28,219.50 + 48% × (150,000 − 125,140) = 11,932.80
    # total 59,680.61
    assert take_home(150_000, 2024, region="scotland", pension=0).income_tax == Decimal("59680.61")


def test_scottish_2026_27_matches_the_published_worked_examples():
    # CIOT (13 Jan 2026): £1,446 Scottish tax at £20,000 and £4,501 at £35,000 in 2026/27.
    # £20,000: 19% × 3,967 = 753.73 + 20% × (7,430 − 3,967) = 692.60 → 1,446.33
    # £35,000: 753.73 + 2,597.80 + 21% × (22,430 − 16,956) = 1,149.54 → 4,501.07
    assert take_home(20_000, 2026, region="scotland", pension=0).income_tax == Decimal("1446.33")
    assert take_home(35_000, 2026, region="scotland", pension=0).income_tax == Decimal("4501.07")


# ---------------------------------------------------------------- student loans


def test_a_student_loan_deduction_is_rounded_down_to_the_pound():
    # 2024/25 plan 1: threshold 24,990 a year = 2,082.50 a month. £34,722 a year is £2,893.50
    # a month: 9% × (2,893.50 − 2,082.50) = 9% × 811 = 72.99 → £72 a month, × 12 = £864
    # (to the nearest pound: £876; to the penny: £875.88)
    result = take_home(34_722, 2024, student_loans=("plan1",), pension=0)
    assert result.student_loan == Decimal("864")


# Each plan's annual threshold in each tax year, from data/uk_rules.yaml, written out again
# here so that a wrong year or a figure carried forward a year too long is caught.
THRESHOLDS = {
    "plan1": {
        2016: 17_495,
        2017: 17_775,
        2018: 18_330,
        2019: 18_935,
        2020: 19_390,
        2021: 19_895,
        2022: 20_195,
        2023: 22_015,
        2024: 24_990,
        2025: 26_065,
        2026: 26_900,
    },
    "plan2": {
        2016: 21_000,
        2017: 21_000,  # frozen for 2017/18
        2018: 25_000,
        2019: 25_725,
        2020: 26_575,
        2021: 27_295,
        2022: 27_295,  # frozen from 2021/22 to 2024/25
        2023: 27_295,
        2024: 27_295,
        2025: 28_470,
        2026: 29_385,
    },
    "plan4": {2021: 25_000, 2022: 25_375, 2023: 27_660, 2024: 31_395, 2025: 32_745, 2026: 33_795},
    "plan5": {2026: 25_000},
    "postgraduate": dict.fromkeys(range(2019, 2027), 21_000),
}
EACH_PLAN_YEAR = [
    (plan, year, threshold)
    for plan, years in THRESHOLDS.items()
    for year, threshold in years.items()
]


@pytest.mark.parametrize(("plan", "year", "threshold"), EACH_PLAN_YEAR)
def test_each_plans_threshold_year_by_year(plan, year, threshold):
    # Just above the threshold a month's deduction is exactly £1: undergraduate plans take 9%
    # of £11.20 a month over (1.008 → £1), postgraduate 6% of £17 over (1.02 → £1). £12 a
    # year: a threshold £2 higher would take nothing, one £135 lower £2 a month.
    over = Decimal("11.20") if plan != "postgraduate" else Decimal("17.00")
    above = take_home(threshold + 12 * over, year, student_loans=(plan,), pension=0)
    assert above.student_loan == 12
    at = take_home(threshold, year, student_loans=(plan,), pension=0)
    assert at.student_loan == 0


@pytest.mark.parametrize(("plan", "year"), [("plan4", 2020), ("postgraduate", 2018)])
def test_a_plan_takes_nothing_before_its_repayments_began(plan, year):
    # Plan 4 repayments began in April 2021, postgraduate loans in April 2019
    assert take_home(60_000, year, student_loans=(plan,), pension=0).student_loan == 0


# ---------------------------------------------------------------- LGPS


def test_pay_exactly_at_a_band_limit_takes_that_bands_rate():
    # 2024/25 bands: up to £27,600 5.8%, then to £44,900 6.5%.
    # £27,600: 5.8% × 27,600 = 1,600.80; £27,600.01: 6.5% × 27,600.01 = 1,794.0007 → 1,794.00
    assert take_home(27_600, 2024).pension == Decimal("1600.80")
    assert take_home("27600.01", 2024).pension == Decimal("1794.00")


def test_the_new_scheme_years_bands_apply_from_april_pay():
    # £17,000 a year from January 2024: the 2023/24 bands (5.5% to 16,500, then 5.8%) apply to
    # January-March, the 2024/25 bands (5.5% to 17,600) from April. Salary by running
    # twelfths: 1,416.67, 1,416.66, 1,416.67, 1,416.67.
    # Jan-Mar, running rounding: 5.8% × 1,416.67 = 82.167 → 82.17; 5.8% × 2,833.33 = 164.333
    # → 164.33 (Feb 82.16); 5.8% × 4,250 = 246.50 (Mar 82.17).
    # April starts a new scheme year: 5.5% × 1,416.67 = 77.917 → 77.92
    package = offer(17_000)
    scenario = Scenario(pay_award=0, start="2024-01-01", years=1)
    payroll = Comparison.of([package], scenario).payrolls[0]
    assert payroll.pension[:4].tolist() == [8217, 8216, 8217, 7792]


def test_the_band_follows_regular_pay_not_a_one_off_payment():
    # 2024/25: salary £27,600 (5.8% band) and a pensionable £2,000 golden hello in month 1.
    # The band is set by regular pay, so 5.8% applies to the hello too: month 1 pensionable
    # pay 2,300 + 2,000 = 4,300, 5.8% = 249.40 (6.5%, the band of 29,600, would be 279.50)
    package = offer(27_600, golden_hello(2_000))
    scenario = Scenario(pay_award=0, start="2024-04-01", years=1)
    payroll = Comparison.of([package], scenario).payrolls[0]
    assert payroll.pension[0] == 24_940


# ---------------------------------------------------------------- apprenticeship levy


def test_the_apprenticeship_levy_starts_with_april_2017_pay():
    # £24,012 a year is £2,001 a month: 0.5% × 2,001 = 10.005 → 10.01 (half up) a month.
    # Starting in March 2017: March's pay (before 6 April 2017) carries no levy; April's does.
    package = offer(24_012)
    payroll = Comparison.of(
        [package], Scenario(pay_award=0, start="2017-03-01", years=1, pension=0)
    )
    assert payroll.payrolls[0].apprenticeship_levy[:3].tolist() == [0, 1001, 1001]


def test_the_levy_for_a_whole_year():
    # 2017/18: 12 × 10.01 = 120.12; 2016/17: none
    assert take_home(24_012, 2017, pension=0).apprenticeship_levy == Decimal("120.12")
    assert take_home(24_012, 2016, pension=0).apprenticeship_levy == 0


# ---------------------------------------------------------------- years within a projection


@pytest.mark.parametrize(
    ("day", "tax_year", "scheme_year"),
    [
        ("2017-03-31", 2016, 2016),
        ("2017-04-01", 2016, 2017),  # the LGPS and NJC pay year starts on 1 April
        ("2017-04-05", 2016, 2017),
        ("2017-04-06", 2017, 2017),  # the tax year on 6 April
        ("2018-01-31", 2017, 2017),
    ],
)
def test_the_tax_year_starts_on_6_april_and_the_scheme_year_on_1_april(day, tax_year, scheme_year):
    when = dt.date.fromisoformat(day)
    assert (tax_year_of(when), scheme_year_of(when)) == (tax_year, scheme_year)


def test_each_year_of_a_projection_is_taxed_and_banded_on_its_own():
    # Three years of £30,000 from April 2023 in the LGPS: each tax year's income tax, NI
    # and contributions are those of a year's salary under that year's rules. For 2024/25:
    # 6.5% band (above 27,600): 1,950.00; tax 20% × (30,000 − 1,950 − 12,570) = 3,096.00
    payroll = Comparison.of(
        [offer(30_000)], Scenario(pay_award=0, start="2023-04-01", years=3)
    ).payrolls[0]
    assert payroll.pension[12:24].sum() == 195_000
    assert payroll.income_tax[12:24].sum() == 309_600
    for index, year in enumerate((2023, 2024, 2025)):
        months = slice(12 * index, 12 * index + 12)
        one_year = take_home(30_000, year)
        for figure in ("income_tax", "employee_ni", "pension"):
            assert payroll_pounds(getattr(payroll, figure)[months]) == getattr(one_year, figure)


def payroll_pounds(pence) -> Decimal:
    return Decimal(int(pence.sum())) / 100

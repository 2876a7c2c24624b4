"""Take-home pay and employer cost under UK rules, 2016/17 to 2026/27.

References are worked by hand in the comments. Income tax must be exact; NI and student
loans are worked per monthly pay period, so they are compared with the annual-threshold
arithmetic to within £1 a year, or worked per period by hand where the comment says so.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from incentives import Comparison, Scenario, load_offers, take_home
from tests.builders import golden_hello, offer

SALARY = 35_696  # Kirklees's advertised top of scale


def test_2016_17_with_no_pension():
    result = take_home(SALARY, 2016, pension=0)
    # Tax: 20% × (35,696 − 11,000) = 4,939.20
    assert result.income_tax == Decimal("4939.20")
    # NI with annual thresholds: 12% × (35,696 − 8,060) = 3,316.32
    assert abs(result.employee_ni - Decimal("3316.32")) <= 1
    # Employer: 13.8% × (35,696 − 8,112) = 3,806.59
    assert abs(result.employer_ni - Decimal("3806.59")) <= 1
    assert result.pension == 0 and result.employer_pension == 0


def test_2016_17_in_the_lgps():
    result = take_home(SALARY, 2016, pension="lgps")
    # Band 34,401-43,500: 6.8% × 35,696 = 2,427.328 → 2,427.33
    assert result.pension == Decimal("2427.33")
    # Tax: 20% × (35,696 − 2,427.33 − 11,000) = 20% × 22,268.67 = 4,453.734 → 4,453.73
    assert result.income_tax == Decimal("4453.73")


def test_2025_26_in_the_lgps():
    result = take_home(SALARY, 2025, pension="lgps")
    # Band to 45,600: 6.5% × 35,696 = 2,320.24
    assert result.pension == Decimal("2320.24")
    # Tax: 20% × (35,696 − 2,320.24 − 12,570) = 20% × 20,805.76 = 4,161.152 → 4,161.15
    assert result.income_tax == Decimal("4161.15")
    # NI: 8% × (35,696 − 12,570) = 1,850.08; employer 15% × (35,696 − 5,000) = 4,604.40
    assert abs(result.employee_ni - Decimal("1850.08")) <= 1
    assert abs(result.employer_ni - Decimal("4604.40")) <= 1
    # Take-home: 35,696 − 4,161.15 − 1,850.08 − 2,320.24 = 27,364.53
    assert abs(result.take_home - Decimal("27364.53")) <= 1


def test_2022_23_ni_follows_both_mid_year_changes():
    result = take_home(SALARY, 2022, pension=0)
    # Per month (pay 2,974.67): Apr-Jun 13.25% × (2,974.67 − 823) = 285.10 × 3 = 855.29;
    # Jul-Oct 13.25% × (2,974.67 − 1,048) = 255.28 × 4 = 1,021.13;
    # Nov-Mar 12% × 1,926.67 = 231.20 × 5 = 1,156.00; total 3,032.42 (issue: 3,032.43)
    assert abs(result.employee_ni - Decimal("3032.43")) <= 1
    # One rate for the whole year would give about 3,420: the wrong answer
    assert abs(result.employee_ni - Decimal("3420")) > 300


def test_2023_24_main_rate_falls_to_10_percent_in_january():
    result = take_home(SALARY, 2023, pension=0)
    # Apr-Dec 12% × (2,974.67 − 1,048) = 231.20 × 9 = 2,080.80; Jan-Mar 10% = 192.67 × 3 = 578.00
    assert abs(result.employee_ni - Decimal("2658.80")) <= 1


# Income tax with no pension: 20% × (35,696 − personal allowance), exact; NI against
# 12% (or 8%) × (35,696 − the annual primary threshold), within £1.
EACH_YEAR = [
    (2016, "4939.20", "3316.32"),  # PA 11,000; PT 8,060
    (2017, "4839.20", "3303.84"),  # PA 11,500; PT 8,164
    (2018, "4769.20", "3272.64"),  # PA 11,850; PT 8,424
    (2019, "4639.20", "3247.68"),  # PA 12,500; PT 8,632
    (2020, "4639.20", "3143.52"),  # PA 12,500; PT 9,500
    (2021, "4625.20", "3135.36"),  # PA 12,570; PT 9,568
    (2022, "4625.20", "3032.43"),  # mid-year changes, above
    (2023, "4625.20", "2658.80"),  # mid-year change, above
    (2024, "4625.20", "1850.08"),  # 8% × (35,696 − 12,570)
    (2025, "4625.20", "1850.08"),
    (2026, "4625.20", "1850.08"),
]


@pytest.mark.parametrize(("year", "tax", "ni"), EACH_YEAR)
def test_each_rule_year(year, tax, ni):
    result = take_home(SALARY, year, pension=0)
    assert result.income_tax == Decimal(tax)
    assert abs(result.employee_ni - Decimal(ni)) <= 1


def test_scottish_rates_2024_25():
    result = take_home(SALARY, 2024, region="scotland", pension=0)
    # Taxable 23,126: 19% × 2,306 = 438.14; 20% × 11,685 = 2,337.00; 21% × 9,135 = 1,918.35
    assert result.income_tax == Decimal("4693.49")


def test_the_personal_allowance_tapers_above_100000():
    # £110,000 in 2024/25: allowance 12,570 − 10,000 / 2 = 7,570; taxable 102,430
    # 20% × 37,700 = 7,540; 40% × 64,730 = 25,892; total 33,432
    assert take_home(110_000, 2024, pension=0).income_tax == Decimal("33432.00")
    # £125,140: no allowance; 7,540 + 40% × 87,440 = 42,516
    assert take_home(125_140, 2024, pension=0).income_tax == Decimal("42516.00")


def test_several_student_loans_at_once():
    result = take_home(SALARY, 2025, student_loans=("plan1", "plan2", "postgraduate"), pension=0)
    # One undergraduate deduction above the lowest threshold (plan 1, 26,065 / 12 = 2,172.08):
    # 9% × (2,974.67 − 2,172.08) = 72.23 → £72 a month, × 12 = 864
    # Postgraduate: 6% × (2,974.67 − 1,750) = 73.48 → £73 a month, × 12 = 876
    assert result.student_loan == Decimal(864 + 876)


def test_a_plan_not_yet_in_force_takes_nothing():
    # Plan 5 repayments begin in April 2026
    assert take_home(SALARY, 2025, student_loans=("plan5",)).student_loan == 0
    assert take_home(SALARY, 2026, student_loans=("plan5",)).student_loan > 0


def test_the_50_50_section_pays_half_the_rate():
    # 2025/26: 6.5% / 2 = 3.25% × 35,696 = 1,160.12
    assert take_home(SALARY, 2025, pension="lgps-50-50").pension == Decimal("1160.12")


def test_employer_cost_adds_ni_pension_and_the_levy():
    result = take_home(SALARY, 2025, employer_pension_rate=20)
    # Pension 20% × 35,696 = 7,139.20; levy 0.5% × 35,696 = 178.48
    assert result.employer_pension == Decimal("7139.20")
    assert abs(result.apprenticeship_levy - Decimal("178.48")) <= Decimal("0.12")
    expected = (
        result.gross + result.employer_ni + result.employer_pension + result.apprenticeship_levy
    )
    assert result.employer_cost == expected


def test_no_apprenticeship_levy_before_april_2017():
    assert take_home(SALARY, 2016).apprenticeship_levy == 0


def test_a_golden_hello_month_is_charged_ni_as_payroll_would():
    package = offer(24_000, golden_hello(2_000))
    scenario = Scenario(pay_award=0, start="2025-04-01", years=1, pension=0)
    payroll = Comparison.of([package], scenario).payrolls[0]
    # Month 1 pays 2,000 salary + 2,000 hello = 4,000: 8% × (4,000 − 1,048) = 236.16;
    # month 2 pays 2,000: 8% × 952 = 76.16
    assert payroll.employee_ni[:2].tolist() == [23_616, 7_616]


def test_relocation_expenses_are_free_of_tax_and_ni_up_to_8000():
    relocation = {
        "kind": "one_off",
        "name": "Relocation",
        "purpose": "relocation",
        "qualifying_relocation_expenses": True,
        "instalments": [{"after_months": 0, "amount": 10_000}],
    }
    scenario = Scenario(pay_award=0, start="2025-04-01", years=1, pension=0)
    with_it = Comparison.of([offer(24_000, relocation)], scenario).payrolls[0]
    without = Comparison.of([offer(24_000)], scenario).payrolls[0]
    # Only the 2,000 above the 8,000 limit is earnings: 8% × 2,000 = 160 more NI in month 1
    assert with_it.employee_ni[0] - without.employee_ni[0] == 16_000
    # Tax on 2,000 more at 20% = 400
    assert with_it.income_tax.sum() - without.income_tax.sum() == 40_000


def test_a_retention_lump_sum_is_not_pensionable():
    rotherham = load_offers()["rotherham-social-worker"]
    payroll = Comparison.of([rotherham], Scenario(pay_award=0, years=1)).payrolls[0]
    # Pensionable: 38,720 + 5% = 40,656, not the 968 lump sum; 2017/18 band 6.8%: 2,764.61
    assert payroll.pension.sum() == 276_461


def test_compare_adds_net_and_employer_cost_columns():
    offers = load_offers()
    table = Comparison.of([offers["kirklees-social-worker"]], Scenario(pay_award=0)).yearly()
    for column in ("net", "cumulative_net", "employer_cost"):
        assert column in table
    assert (table["net"] < table["gross"]).all() and (table["employer_cost"] > table["gross"]).all()


PAY = st.integers(min_value=0, max_value=30_000_000).map(lambda p: p / 100)
YEAR = st.integers(min_value=2016, max_value=2026)
PERSON = st.fixed_dictionaries(
    {
        "region": st.sampled_from(["england", "scotland"]),
        "student_loans": st.lists(
            st.sampled_from(["plan1", "plan2", "plan4", "plan5", "postgraduate"]), unique=True
        ),
        "pension": st.sampled_from(["lgps", "lgps-50-50", 0, 5]),
    }
)


@settings(max_examples=200, deadline=None)
@given(PAY, YEAR, PERSON)
def test_take_home_never_exceeds_gross_and_cost_never_falls_below_it(pay, year, person):
    result = take_home(pay, year, **person)
    assert 0 <= result.take_home <= result.gross or result.gross == 0
    assert result.employer_cost >= result.gross


@settings(max_examples=200, deadline=None)
@given(PAY, st.integers(min_value=50_000, max_value=5_000_000), YEAR, PERSON)
def test_more_gross_never_gives_less_take_home(pay, extra_pence, year, person):
    """Even where the allowance taper makes the marginal rate high, it stays under 100%.

    Stated for at least £500 more a year and for flat-rate pension choices: an LGPS band
    boundary is a genuine cliff (the higher rate applies to all pay), and student loans are
    rounded down to whole pounds each month, so a few pence more can cost a pound.
    """
    person = {
        **person,
        "pension": 5 if isinstance(person["pension"], str) else person["pension"],
    }
    lower = take_home(pay, year, **person)
    higher = take_home(pay + extra_pence / 100, year, **person)
    assert higher.take_home >= lower.take_home


def test_of_each_extra_pound_gross_a_basic_rate_payer_keeps_72p():
    lower, higher = offer(24_000, id="lower"), offer(25_200, id="higher")
    scenario = Scenario(pay_award=0, start="2025-04-01", years=1, pension=0)
    row = Comparison.of([lower, higher], scenario).against_lowest().set_index("offer").loc["higher"]
    # 1,200 more gross: 20% tax = 240, 8% NI = 96 (both incomes between the thresholds),
    # so 864 more take-home: 72p of each extra pound
    assert row["extra_gross"] == 1_200
    assert row["extra_income_tax"] == 240
    assert abs(row["extra_employee_ni"] - 96) <= 0.12  # monthly rounding
    assert row["kept_per_pound"] == 0.72

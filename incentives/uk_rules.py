"""UK payroll rules: income tax, National Insurance, student loans, LGPS, employer on-costs."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from incentives.catalog import DEFAULT_DATA_DIR
from incentives.parameters import ParameterSet, load_parameters

RULES_FILE = DEFAULT_DATA_DIR / "uk_rules.yaml"

REQUIRED = (
    "income_tax.personal_allowance",
    "income_tax.allowance_taper.income_limit",
    "income_tax.allowance_taper.rate",
    "income_tax.rest_of_uk.brackets",
    "income_tax.scotland.brackets",
    "national_insurance.primary_threshold_monthly",
    "national_insurance.upper_earnings_limit_monthly",
    "national_insurance.secondary_threshold_monthly",
    "national_insurance.employee_main_rate",
    "national_insurance.employee_additional_rate",
    "national_insurance.employer_rate",
    "student_loan.plan1.threshold",
    "student_loan.plan2.threshold",
    "student_loan.plan4.threshold",
    "student_loan.plan5.threshold",
    "student_loan.postgraduate.threshold",
    "student_loan.undergraduate_rate",
    "student_loan.postgraduate_rate",
    "lgps.member_bands",
    "lgps.fifty_fifty_share",
    "lgps.employer_rate_national_average",
    "apprenticeship_levy.rate",
    "relocation.qualifying_expenses_limit",
)


@cache
def load_rules(path: Path = RULES_FILE) -> ParameterSet:
    """The UK rules file, validated; cached because rules change only with the file."""
    return load_parameters(path, REQUIRED)

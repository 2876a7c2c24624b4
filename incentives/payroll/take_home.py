"""A year's take-home pay and employer cost for a regular monthly salary."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, fields
from decimal import Decimal
from typing import cast

import numpy as np

from incentives.engine import Line, Schedule
from incentives.money import half_up, nearest_penny, pence, pounds, ppm
from incentives.payroll.figures import Payroll, Person
from incentives.payroll.run import run_totals
from incentives.uk_rules import rule_book
from incentives.vocabulary import (
    LGPS_SECTIONS,
    LOAN_PLANS,
    TAX_REGIONS,
    LgpsSection,
    LoanPlan,
)


@dataclass(frozen=True)
class TakeHome:
    """A year's deductions and employer on-costs for a regular monthly salary, in pounds."""

    gross: Decimal
    income_tax: Decimal
    employee_ni: Decimal
    student_loan: Decimal
    pension: Decimal
    take_home: Decimal
    employer_ni: Decimal
    employer_pension: Decimal
    apprenticeship_levy: Decimal
    employer_cost: Decimal


def take_home(
    annual_pay: Decimal | int | float | str,
    tax_year: int,
    *,
    region: str = "england",
    student_loans: Sequence[str] = (),
    pension: str | Decimal | float = "lgps",
    employer_pension_rate: Decimal | float | None = None,
) -> TakeHome:
    """Deductions on ``annual_pay`` paid in twelve monthly instalments in ``tax_year``.

    ``tax_year`` is the year it starts (2016 for 2016/17). The salary is all pensionable.
    ``pension`` is an LGPS section or the percentage of pay paid into another scheme (0: none);
    ``employer_pension_rate`` is in percent and defaults to the national average in force (an
    assumption).
    """
    rules = rule_book()
    person = _person(region, student_loans, pension)
    annual = pence(nearest_penny(Decimal(str(annual_pay))))
    schedule = _salary_schedule(annual, dt.date(tax_year, 4, 1))
    if employer_pension_rate is None:
        rate, _ = rules.employer_pension_average(schedule.pay_dates()[0])
    else:
        rate = ppm(Decimal(str(employer_pension_rate)))
    payroll = run_totals(schedule, person, rate, rules)
    figures = [getattr(payroll, name) for name in _PAYROLL_FIGURES]
    totals = np.concatenate([*figures, payroll.net, payroll.employer_cost]).tolist()
    return TakeHome(**dict(zip(_TAKE_HOME_FIGURES, map(pounds, totals), strict=True)))


_PAYROLL_FIGURES = tuple(field.name for field in fields(Payroll))
_SALARY = (Line("Salary", "salary", taxable=True, pensionable=True),)
_TAKE_HOME_FIGURES = (*_PAYROLL_FIGURES, "take_home", "employer_cost")


def _salary_schedule(annual: int, start: dt.date) -> Schedule:
    """Twelve months of a salary of ``annual`` pence from ``start``, paid by running rounding."""
    paid_to_date = half_up(np.arange(13, dtype=np.int64) * annual, 12)
    monthly = paid_to_date[1:] - paid_to_date[:-1]
    yearly = np.full(12, annual, dtype=np.int64)
    return Schedule(
        offer_id="salary",
        start=start,
        lines=_SALARY,
        pence=monthly[None, :],
        basic=yearly,
        regular_pensionable=yearly,
        clawbacks=(),
        assumed_zero=(),
    )


def _person(region: str, student_loans: Sequence[str], pension: object) -> Person:
    """The worker, every choice checked against the vocabulary."""
    if region not in TAX_REGIONS:
        raise ValueError(f"region must be one of: {', '.join(TAX_REGIONS)}")
    unknown = set(student_loans) - set(LOAN_PLANS)
    if unknown:
        raise ValueError(f"unknown student loan plan(s): {', '.join(sorted(unknown))}")
    if isinstance(pension, str):
        if pension not in LGPS_SECTIONS:
            sections = ", ".join(LGPS_SECTIONS)
            raise ValueError(f"pension must be one of: {sections}, or a percentage of pay")
        choice: LgpsSection | Decimal = pension
    else:
        choice = Decimal(str(pension))
        if not 0 <= choice <= 100:
            raise ValueError("a pension contribution is a percentage of pay from 0 to 100")
    return Person(region, tuple(cast(LoanPlan, plan) for plan in student_loans), choice)

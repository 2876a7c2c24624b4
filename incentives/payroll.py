"""Take-home pay and employer cost, month by month, as a UK council payroll would work them.

Method, so figures agree everywhere:

* National Insurance and student loans are worked per monthly pay period against the rules in
  force on the pay date, as payroll does: a golden hello month is charged like any other.
  NICs are rounded to the penny with a halfpenny or less disregarded (SSCR 2001 reg 12);
  student loan deductions are rounded down to whole pounds.
* LGPS member contributions: the band is set by the annual rate of regular pensionable pay
  (basic and pensionable supplements) in each scheme year (1 April); the rate applies to all
  pensionable pay in the month. Contributions, employee and employer, are rounded by running
  rounding within the scheme year, so a year's total is the rate times the year's pay to the
  penny. They are relieved from income tax (net pay arrangement) but not from NI.
* Income tax is the year's final liability on this job's pay in that tax year (no other
  income assumed), with the personal allowance tapered above its income limit, and is spread
  over the year's months in proportion to taxable pay. Pay awards, steps and one-off sums land
  in the tax year of the month they are paid.
* Reimbursed qualifying relocation expenses are free of tax and NI up to the limit in force;
  a component marked not taxable is free of both.
* Employer cost is gross pay plus employer NI (councils cannot claim the Employment
  Allowance), employer pension contributions and the apprenticeship levy (0.5% of pay subject
  to employer NI, from 6 April 2017).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

import numpy as np

from incentives.engine import Line
from incentives.money import PPM, Rounding, divide, pounds, ppm
from incentives.uk_rules import UNDERGRADUATE_PLANS, RuleBook, TaxYearRules, rule_book


@dataclass(frozen=True)
class Person:
    """What about the worker changes their deductions."""

    region: str = "england"  # "england" (England, Wales and Northern Ireland) or "scotland"
    student_loans: tuple[str, ...] = ()
    pension: str | Decimal = "lgps"  # "lgps", "lgps-50-50", or a fraction of pay (0: opted out)

    @property
    def opted_out(self) -> bool:
        return not isinstance(self.pension, str) and Decimal(self.pension) == 0


@dataclass(frozen=True)
class Payroll:
    """Monthly figures in pence, one array entry per pay date."""

    gross: np.ndarray
    income_tax: np.ndarray
    employee_ni: np.ndarray
    student_loan: np.ndarray
    pension: np.ndarray
    employer_ni: np.ndarray
    employer_pension: np.ndarray
    apprenticeship_levy: np.ndarray

    @property
    def net(self) -> np.ndarray:
        return self.gross - self.income_tax - self.employee_ni - self.student_loan - self.pension

    @property
    def employer_cost(self) -> np.ndarray:
        return self.gross + self.employer_ni + self.employer_pension + self.apprenticeship_levy


def run_payroll(
    paid: np.ndarray,
    lines: Sequence[Line],
    pay_dates: Sequence[dt.date],
    regular_pensionable: np.ndarray,
    person: Person,
    employer_pension_rate: int,
    rules: RuleBook | None = None,
) -> Payroll:
    """Deductions and employer on-costs for payments by line and month (pence)."""
    untaxed = [not line.taxable and not line.relocation_expenses for line in lines]
    monthly = _monthly_payroll(
        gross=paid.sum(axis=0).tolist(),
        pensionable=paid[[line.pensionable for line in lines]].sum(axis=0).tolist(),
        relocation=paid[[line.relocation_expenses for line in lines]].sum(axis=0).tolist(),
        untaxed=paid[untaxed].sum(axis=0).tolist(),
        regular_pensionable=regular_pensionable.tolist(),
        pay_dates=pay_dates,
        person=person,
        employer_pension_rate=employer_pension_rate,
        rules=rules or rule_book(),
    )
    return Payroll(**{name: np.array(values, dtype=np.int64) for name, values in monthly.items()})


def _monthly_payroll(
    *,
    gross: list[int],
    pensionable: list[int],
    relocation: list[int],
    untaxed: list[int],
    regular_pensionable: list[int],
    pay_dates: Sequence[dt.date],
    person: Person,
    employer_pension_rate: int,
    rules: RuleBook,
) -> dict[str, list[int]]:
    """The payroll month by month on plain lists of pence: the one place deductions are made."""
    calendar = rules.calendar(tuple(pay_dates))
    months = len(pay_dates)
    member = _member_rates(person, calendar.scheme_years, regular_pensionable, rules)
    employer = [0 if person.opted_out else employer_pension_rate] * months
    pension = _running_by_scheme_year(member, pensionable, calendar.scheme_years)
    employer_pension = _running_by_scheme_year(employer, pensionable, calendar.scheme_years)

    earnings = gross
    if any(relocation) or any(untaxed):
        earnings = _earnings(gross, relocation, untaxed, rules.relocation_limit(pay_dates[0]))
    taxable, employee_ni, employer_ni, loans, levy = [], [], [], [], []
    for pay, contribution, period in zip(earnings, pension, calendar.periods, strict=True):
        taxable.append(pay - contribution)
        ni_pay = pay if pay > 0 else 0
        main = min(ni_pay, period.upper_earnings_limit) - period.primary_threshold
        above = ni_pay - period.upper_earnings_limit
        employee_ni.append(
            divide(
                period.employee_main_rate * (main if main > 0 else 0)
                + period.employee_additional_rate * (above if above > 0 else 0),
                PPM,
                Rounding.HALF_DOWN,
            )
        )
        over = ni_pay - period.secondary_threshold
        employer_ni.append(
            divide(period.employer_rate * over, PPM, Rounding.HALF_DOWN) if over > 0 else 0
        )
        loans.append(
            _student_loans(ni_pay, person.student_loans, period) if person.student_loans else 0
        )
        levy.append(divide(period.apprenticeship_levy_rate * ni_pay, PPM))

    return {
        "gross": gross,
        "income_tax": _income_tax_by_month(taxable, calendar.tax_years, person.region, rules),
        "employee_ni": employee_ni,
        "student_loan": loans,
        "pension": pension,
        "employer_ni": employer_ni,
        "employer_pension": employer_pension,
        "apprenticeship_levy": levy,
    }


def _earnings(gross: list[int], relocation: list[int], untaxed: list[int], limit: int) -> list[int]:
    """Pay subject to tax and NI: gross less untaxed components and the exempt part of
    reimbursed relocation expenses (up to ``limit`` in all, net of any repaid)."""
    earnings, relocated, exempt = [], 0, 0
    for pay, moved, free in zip(gross, relocation, untaxed, strict=True):
        relocated += moved
        exempt_now = min(max(relocated, 0), limit) - exempt
        exempt += exempt_now
        earnings.append(pay - exempt_now - free)
    return earnings


def _student_loans(pay: int, plans: Sequence[str], period) -> int:  # type: ignore[no-untyped-def]
    """One undergraduate deduction above the lowest threshold held, plus any postgraduate one."""
    total = 0
    held = [
        period.loan_thresholds[p]
        for p in plans
        if p in UNDERGRADUATE_PLANS and p in period.loan_thresholds
    ]
    charges = []
    if held:
        charges.append((min(held), period.undergraduate_loan_rate))
    if "postgraduate" in plans and "postgraduate" in period.loan_thresholds:
        charges.append((period.loan_thresholds["postgraduate"], period.postgraduate_loan_rate))
    for annual_threshold, rate in charges:
        # rate × (pay − threshold / 12), rounded down to whole pounds
        due = divide(max(12 * pay - annual_threshold, 0) * rate, 12 * PPM, Rounding.DOWN)
        total += due - due % 100
    return total


def _member_rates(
    person: Person, scheme_years: Sequence[int], regular: Sequence[int], rules: RuleBook
) -> list[int]:
    """The member's contribution rate (ppm) in each month."""
    if not isinstance(person.pension, str):
        return [ppm(Decimal(person.pension) * 100)] * len(scheme_years)
    rates, known = [], {}
    for year, annual in zip(scheme_years, regular, strict=True):
        if (year, annual) not in known:
            rate = next(r for cap, r in rules.lgps_bands(year) if cap is None or annual <= cap)
            if person.pension == "lgps-50-50":
                rate = divide(rate * rules.fifty_fifty_share(year), PPM)
            known[year, annual] = rate
        rates.append(known[year, annual])
    return rates


def _running_by_scheme_year(
    rates: Sequence[int], pay: Sequence[int], scheme_years: Sequence[int]
) -> list[int]:
    """Rate × pay month by month, rounded so each scheme year's total is exact to the penny."""
    result, exact, paid, year = [], 0, 0, None
    for rate, amount, scheme_year in zip(rates, pay, scheme_years, strict=True):
        if scheme_year != year:
            year, exact, paid = scheme_year, 0, 0
        exact += rate * amount
        due = (divide(exact, PPM) if exact < 0 else (2 * exact + PPM) // (2 * PPM)) - paid
        paid += due
        result.append(due)
    return result


def income_tax_for_year(taxable: int, rules: TaxYearRules, region: str) -> int:
    """Income tax in pence on a year's taxable pay, allowance tapered above its limit."""
    income = max(taxable, 0)
    allowance = rules.personal_allowance
    if income > rules.taper_income_limit:
        reduction = divide((income - rules.taper_income_limit) * rules.taper_rate, PPM)
        allowance = max(allowance - reduction, 0)
    chargeable = max(income - allowance, 0)
    brackets = rules.brackets[region]
    exact = 0
    for number, (threshold, rate) in enumerate(brackets):
        ceiling = brackets[number + 1][0] if number + 1 < len(brackets) else None
        portion = (chargeable if ceiling is None else min(chargeable, ceiling)) - threshold
        if portion <= 0:
            break
        exact += rate * portion
    return divide(exact, PPM)


def _income_tax_by_month(
    taxable: Sequence[int], tax_years: Sequence[int], region: str, rules: RuleBook
) -> list[int]:
    """Each tax year's liability, spread over its months in proportion to taxable pay."""
    result = [0] * len(taxable)
    years: dict[int, list[int]] = {}
    for month, year in enumerate(tax_years):
        years.setdefault(year, []).append(month)
    for year, months in years.items():
        total = sum(taxable[m] for m in months)
        liability = income_tax_for_year(total, rules.tax_year(year), region)
        if total <= 0 or liability == 0:
            continue
        running = assigned = 0
        for month in months:
            running += taxable[month]
            due = divide(liability * running, total) - assigned
            assigned += due
            result[month] = due
    return result


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

    ``tax_year`` is the year it starts (2016 for 2016/17). The salary is all pensionable; the
    employer pension rate defaults to the national average in force (an assumption).
    """
    rules = rule_book()
    _check_person(region, student_loans, pension)
    annual = round(Decimal(str(annual_pay)) * 100)
    pay_dates = _month_ends(tax_year)
    if employer_pension_rate is None:
        rate, _ = rules.employer_pension_average(pay_dates[0])
    else:
        rate = ppm(Decimal(str(employer_pension_rate)))
    to_date = [divide(annual * k, 12) for k in range(13)]
    monthly_pay = [to_date[k] - to_date[k - 1] for k in range(1, 13)]
    totals = {
        name: sum(values)
        for name, values in _monthly_payroll(
            gross=monthly_pay,
            pensionable=monthly_pay,
            relocation=[0] * 12,
            untaxed=[0] * 12,
            regular_pensionable=[annual] * 12,
            pay_dates=pay_dates,
            person=Person(region, tuple(student_loans), _pension_choice(pension)),
            employer_pension_rate=rate,
            rules=rules,
        ).items()
    }
    totals["take_home"] = totals["gross"] - sum(
        totals[name] for name in ("income_tax", "employee_ni", "student_loan", "pension")
    )
    totals["employer_cost"] = totals["gross"] + sum(
        totals[name] for name in ("employer_ni", "employer_pension", "apprenticeship_levy")
    )
    return TakeHome(**{name: pounds(value) for name, value in totals.items()})


@cache
def _month_ends(tax_year: int) -> tuple[dt.date, ...]:
    ends = []
    for index in range(12):
        year, month = tax_year + (index + 3) // 12, (index + 3) % 12 + 1
        following = dt.date(year + month // 12, month % 12 + 1, 1)
        ends.append(following - dt.timedelta(days=1))
    return tuple(ends)


def _pension_choice(pension: str | Decimal | float) -> str | Decimal:
    return pension if isinstance(pension, str) else Decimal(str(pension))


def _check_person(region: str, student_loans: Sequence[str], pension: object) -> None:
    if region not in ("england", "scotland"):
        raise ValueError("region must be 'england' or 'scotland'")
    unknown = set(student_loans) - {*UNDERGRADUATE_PLANS, "postgraduate"}
    if unknown:
        raise ValueError(f"unknown student loan plan(s): {', '.join(sorted(unknown))}")
    if isinstance(pension, str):
        if pension not in ("lgps", "lgps-50-50"):
            raise ValueError("pension must be 'lgps', 'lgps-50-50' or a fraction of pay")
    elif not 0 <= Decimal(str(pension)) <= 1:
        raise ValueError("a pension fraction must be between 0 and 1")

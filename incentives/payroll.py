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
from incentives.uk_rules import (
    UNDERGRADUATE_PLANS,
    PayPeriodRules,
    RuleBook,
    TaxYearRules,
    rule_book,
)


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
    monthly, _ = _payroll_pass(
        _Flows.of(paid, lines),
        regular_pensionable.tolist(),
        pay_dates,
        person,
        employer_pension_rate,
        rules or rule_book(),
    )
    return Payroll(**{name: np.array(values, dtype=np.int64) for name, values in monthly.items()})


@dataclass(frozen=True)
class LeavingTotals:
    """Take-home and cost to the council to date, in pence, on leaving after each month, and
    month by month for someone who stays."""

    net: np.ndarray
    employer_cost: np.ndarray
    stay_net: np.ndarray  # the stayer's take-home month by month (income tax spread by the year)
    stay_employer_cost: np.ndarray


def totals_on_leaving(
    paid: np.ndarray,
    clawed: np.ndarray,
    lines: Sequence[Line],
    pay_dates: Sequence[dt.date],
    regular_pensionable: np.ndarray,
    person: Person,
    employer_pension_rate: int,
    rules: RuleBook | None = None,
) -> LeavingTotals:
    """Totals on leaving after each month, from one pass of the payroll.

    ``paid`` is the stayer's payments by line and month; ``clawed[line, n - 1]`` is what is
    deducted from that line in month *n* on leaving after *n* months. Leaving after *n*, the
    tax year of month *n* is charged on the pay to date in it (no other income assumed).
    """
    monthly, leaving = _payroll_pass(
        _Flows.of(paid, lines),
        regular_pensionable.tolist(),
        pay_dates,
        person,
        employer_pension_rate,
        rules or rule_book(),
        leaving=_Flows.of(clawed, lines),
    )
    assert leaving is not None
    stay = Payroll(**{name: np.array(values, dtype=np.int64) for name, values in monthly.items()})
    return LeavingTotals(
        net=np.array(leaving[0], dtype=np.int64),
        employer_cost=np.array(leaving[1], dtype=np.int64),
        stay_net=stay.net,
        stay_employer_cost=stay.employer_cost,
    )


@dataclass(frozen=True)
class _Flows:
    """Monthly pence by how payroll treats them."""

    gross: list[int]
    pensionable: list[int]
    relocation: list[int]  # reimbursed qualifying relocation expenses
    untaxed: list[int]  # components free of tax and NI

    @classmethod
    def of(cls, amounts: np.ndarray, lines: Sequence[Line]) -> _Flows:
        def total(mask: list[bool]) -> list[int]:
            return amounts[mask].sum(axis=0).tolist() if any(mask) else [0] * amounts.shape[1]

        return cls(
            gross=amounts.sum(axis=0).tolist(),
            pensionable=total([line.pensionable for line in lines]),
            relocation=total([line.relocation_expenses for line in lines]),
            untaxed=total([not line.taxable and not line.relocation_expenses for line in lines]),
        )


def _payroll_pass(
    flows: _Flows,
    regular_pensionable: list[int],
    pay_dates: Sequence[dt.date],
    person: Person,
    employer_rate: int,
    rules: RuleBook,
    leaving: _Flows | None = None,
) -> tuple[dict[str, list[int]], tuple[list[int], list[int]] | None]:
    """The payroll month by month on plain lists of pence: the one place deductions are made.

    With ``leaving`` (the clawbacks due on leaving after each month), it also gives the
    take-home and employer cost to date on leaving after each month, from the same state.
    """
    calendar = rules.calendar(tuple(pay_dates))
    member_rates = _member_rates(person, calendar.scheme_years, regular_pensionable, rules)
    employer_rate = 0 if person.opted_out else employer_rate
    limit = rules.relocation_limit(pay_dates[0]) if pay_dates else 0
    plans = person.student_loans
    months: list[tuple[int, ...]] = []
    net_on_leaving: list[int] = []  # take-home to date on leaving after each month
    cost_on_leaving: list[int] = []
    no_clawback = [0] * len(pay_dates)

    state = _State()
    rows = zip(
        calendar.periods, calendar.scheme_years, calendar.tax_years, member_rates,
        flows.gross, flows.pensionable, flows.relocation, flows.untaxed,
        leaving.gross if leaving is not None else no_clawback, strict=True,
    )  # fmt: skip
    for (
        period, scheme_year, tax_year, member, gross, pensionable, relocation, untaxed, clawed
    ) in rows:  # fmt: skip
        if scheme_year != state.scheme_year or tax_year != state.tax_year:
            state.start_year(scheme_year, tax_year, person, rules)
        stay = _month(
            state, period, member, employer_rate, limit, plans,
            gross, pensionable, relocation, untaxed,
        )  # fmt: skip
        if leaving is not None:
            leave = stay
            if clawed:
                month = len(months)
                leave = _month(
                    state, period, member, employer_rate, limit, plans,
                    gross + clawed,
                    pensionable + leaving.pensionable[month],
                    relocation + leaving.relocation[month],
                    untaxed + leaving.untaxed[month],
                )  # fmt: skip
            # Leaving now, this tax year is charged on its pay to date
            tax = state.tax_in_closed_years + income_tax_for_year(
                state.taxable_in_year + leave[7], state.tax_rules, person.region
            )
            net_on_leaving.append(state.kept + leave[0] - leave[1] - leave[2] - leave[3] - tax)
            cost_on_leaving.append(state.cost + leave[0] + leave[4] + leave[5] + leave[6])
        state.advance(stay)
        months.append(stay)

    by_figure = list(zip(*months, strict=True)) if months else [()] * len(_MONTH_FIELDS)
    columns = {name: list(by_figure[index]) for index, name in enumerate(_COLUMNS)}
    taxable = list(by_figure[_MONTH_FIELDS.index("taxable")])
    columns["income_tax"] = _income_tax_by_month(taxable, calendar.tax_years, person.region, rules)
    return columns, (net_on_leaving, cost_on_leaving) if leaving is not None else None


# A month is a plain tuple (fastest to build) of these fields, in this order: the figures,
# then the running state the month leaves behind.
_COLUMNS = (
    "gross",
    "employee_ni",
    "student_loan",
    "pension",
    "employer_ni",
    "employer_pension",
    "apprenticeship_levy",
)
_MONTH_FIELDS = (
    *_COLUMNS,
    "taxable",
    "relocated",
    "exempt",
    "pension_exact",
    "employer_pension_exact",
)
_Month = tuple[int, ...]


class _State:
    """Running totals: within the scheme year (pensions), the tax year, and to date."""

    def __init__(self) -> None:
        self.scheme_year = self.tax_year = None
        self.relocated = self.exempt = 0
        self.pension_exact = self.pension_paid = 0
        self.employer_exact = self.employer_paid = 0
        self.taxable_in_year = self.tax_in_closed_years = 0
        self.kept = self.cost = 0
        self.tax_rules: TaxYearRules | None = None

    def start_year(self, scheme_year: int, tax_year: int, person: Person, rules: RuleBook) -> None:
        """Reset what runs within a scheme year or a tax year when a new one begins."""
        if scheme_year != self.scheme_year:
            self.scheme_year = scheme_year
            self.pension_exact = self.pension_paid = 0
            self.employer_exact = self.employer_paid = 0
        if tax_year != self.tax_year:
            if self.tax_rules is not None:
                self.tax_in_closed_years += income_tax_for_year(
                    self.taxable_in_year, self.tax_rules, person.region
                )
            self.tax_year, self.tax_rules, self.taxable_in_year = (
                tax_year,
                rules.tax_year(tax_year),
                0,
            )

    def advance(self, month: _Month) -> None:
        (gross, employee_ni, loan, pension, employer_ni, employer_pension, levy, taxable,
         self.relocated, self.exempt, self.pension_exact, self.employer_exact) = month  # fmt: skip
        self.pension_paid += pension
        self.employer_paid += employer_pension
        self.taxable_in_year += taxable
        self.kept += gross - employee_ni - loan - pension
        self.cost += gross + employer_ni + employer_pension + levy


def _month(
    state: _State,
    period: PayPeriodRules,
    member_rate: int,
    employer_rate: int,
    limit: int,
    plans: Sequence[str],
    gross: int,
    pensionable: int,
    relocation: int,
    untaxed: int,
) -> _Month:
    """A month's deductions and on-costs from the running state, without changing it."""
    relocated = state.relocated + relocation
    exempt = min(max(relocated, 0), limit)
    pay = gross - (exempt - state.exempt) - untaxed
    # Pensions: running rounding within the scheme year, so a year's total is exact
    pension_exact = state.pension_exact + member_rate * pensionable
    pension = _round_running(pension_exact) - state.pension_paid
    employer_exact = state.employer_exact + employer_rate * pensionable
    employer_pension = _round_running(employer_exact) - state.employer_paid
    # NI, student loans and the levy: per pay period, on pay subject to NI
    ni_pay = pay if pay > 0 else 0
    main = min(ni_pay, period.upper_earnings_limit) - period.primary_threshold
    above = ni_pay - period.upper_earnings_limit
    # Amounts here are never negative, so half-down rounding is (2x + PPM - 1) // (2 PPM)
    employee_ni = (
        2 * period.employee_main_rate * (main if main > 0 else 0)
        + 2 * period.employee_additional_rate * (above if above > 0 else 0)
        + PPM
        - 1
    ) // (2 * PPM)
    over = ni_pay - period.secondary_threshold
    employer_ni = (2 * period.employer_rate * over + PPM - 1) // (2 * PPM) if over > 0 else 0
    return (
        gross,
        employee_ni,
        _student_loans(ni_pay, plans, period) if plans else 0,
        pension,
        employer_ni,
        employer_pension,
        (2 * period.apprenticeship_levy_rate * ni_pay + PPM) // (2 * PPM),  # half up
        pay - pension,  # taxable: the net pay arrangement relieves contributions from tax
        relocated,
        exempt,
        pension_exact,
        employer_exact,
    )


def _round_running(exact: int) -> int:
    """Millionths of a penny to pence, half up (the hot path of running rounding)."""
    return (2 * exact + PPM) // (2 * PPM) if exact >= 0 else divide(exact, PPM)


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
    flows = _Flows(monthly_pay, monthly_pay, [0] * 12, [0] * 12)
    person = Person(region, tuple(student_loans), _pension_choice(pension))
    monthly, _ = _payroll_pass(flows, [annual] * 12, pay_dates, person, rate, rules)
    totals = {name: sum(values) for name, values in monthly.items()}
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

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
from dataclasses import dataclass, fields
from decimal import Decimal
from functools import cache

import numpy as np

from incentives.engine import Line
from incentives.money import (
    PPM,
    divide,
    down,
    half_down,
    half_up,
    nearest_penny,
    pence,
    pounds,
    ppm,
    whole_pounds,
)
from incentives.uk_rules import PayCalendar, RuleBook, rule_book
from incentives.vocabulary import (
    LGPS_SECTIONS,
    LOAN_PLANS,
    POSTGRADUATE_PLAN,
    TAX_REGIONS,
    UNDERGRADUATE_PLANS,
    LgpsSection,
    LoanPlan,
    TaxRegion,
)


@dataclass(frozen=True)
class Person:
    """What about the worker changes their deductions."""

    region: TaxRegion = "england"  # "england" (England, Wales and Northern Ireland) or "scotland"
    student_loans: tuple[LoanPlan, ...] = ()
    pension: LgpsSection | Decimal = "lgps"  # an LGPS section, or percent of pay (0: opted out)

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
    flows = _Flows.of(paid, lines)
    rules = rules or rule_book()
    return _Run(
        flows, pay_dates, regular_pensionable, person, employer_pension_rate, rules
    ).payroll()


_FIGURES = tuple(field.name for field in fields(Payroll))


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
    """Totals on leaving after each month.

    ``paid`` is the stayer's payments by line and month; ``clawed[line, n - 1]`` is what is
    deducted from that line in month *n* on leaving after *n* months. Leaving after *n*, the
    tax year of month *n* is charged on the pay to date in it (no other income assumed).
    """
    flows = _Flows.of(paid, lines)
    rules = rules or rule_book()
    run = _Run(flows, pay_dates, regular_pensionable, person, employer_pension_rate, rules)
    return run.on_leaving(_Flows.of(clawed, lines) if clawed.any() else None)


@dataclass(frozen=True)
class _Flows:
    """Monthly pence by how payroll treats them."""

    gross: np.ndarray
    pensionable: np.ndarray
    relocation: np.ndarray  # reimbursed qualifying relocation expenses
    untaxed: np.ndarray  # components free of tax and NI

    @classmethod
    def of(cls, amounts: np.ndarray, lines: Sequence[Line]) -> _Flows:
        def total(mask: list[bool]) -> np.ndarray:
            if not any(mask):
                return np.zeros(amounts.shape[1], dtype=np.int64)
            return amounts[mask].sum(axis=0)

        return cls(
            gross=amounts.sum(axis=0),
            pensionable=total([line.pensionable for line in lines]),
            relocation=total([line.relocation_expenses for line in lines]),
            untaxed=total([not line.taxable and not line.relocation_expenses for line in lines]),
        )

    def __add__(self, other: _Flows) -> _Flows:
        return _Flows(
            self.gross + other.gross,
            self.pensionable + other.pensionable,
            self.relocation + other.relocation,
            self.untaxed + other.untaxed,
        )


@dataclass(frozen=True)
class _Months:
    """Each month's deductions and on-costs in pence, income tax apart."""

    gross: np.ndarray
    employee_ni: np.ndarray
    student_loan: np.ndarray
    pension: np.ndarray
    employer_ni: np.ndarray
    employer_pension: np.ndarray
    apprenticeship_levy: np.ndarray
    taxable: np.ndarray  # pay subject to income tax: after exemptions and pension relief

    @property
    def kept_before_tax(self) -> np.ndarray:
        return self.gross - self.employee_ni - self.student_loan - self.pension

    @property
    def employer_cost(self) -> np.ndarray:
        return self.gross + self.employer_ni + self.employer_pension + self.apprenticeship_levy


class _Run:
    """The payroll for one worker over a run of pay dates, every month worked at once.

    A month's figures depend on the months before it only through running totals: pension
    contributions within the scheme year (running rounding), relocation expenses to date (for
    the exemption's limit) and taxable pay within the tax year. Those come from the stayer's
    payments, so any month can be worked from them directly: the stayer's, and the month
    someone leaves in, with its clawbacks.
    """

    def __init__(
        self,
        flows: _Flows,
        pay_dates: Sequence[dt.date],
        regular_pensionable: np.ndarray,
        person: Person,
        employer_rate: int,
        rules: RuleBook,
    ):
        self.calendar = rules.calendar(tuple(pay_dates))
        self.flows = flows
        self.person = person
        self.member_rate = _member_rates(person, self.calendar, regular_pensionable, rules)
        self.employer_rate = 0 if person.opted_out else employer_rate
        self.limit = rules.relocation_limit(pay_dates[0]) if len(pay_dates) else 0
        self.scheme_year, self.tax_year = self.calendar.scheme_runs, self.calendar.tax_runs
        self.tax_tables = rules.tax_tables(self.tax_year.years, person.region)
        # What the stayer has paid before each month
        self.pension_before = self.scheme_year.before(self.member_rate * flows.pensionable)
        self.pension_paid_before = _running(self.pension_before)
        self.employer_before = self.scheme_year.before(self.employer_rate * flows.pensionable)
        self.employer_paid_before = _running(self.employer_before)
        self.relocating = bool(flows.relocation.any())
        if self.relocating:
            self.relocated_before = np.cumsum(flows.relocation) - flows.relocation
            self.exempt_before = self._exempt(self.relocated_before)
        self.stayer = self._months(flows)
        # Income tax: each tax year's final liability on the stayer's pay
        self.yearly_taxable = np.add.reduceat(self.stayer.taxable, self.tax_year.starts)
        self.yearly_tax = self._income_tax(self.yearly_taxable, np.arange(len(self.tax_year.years)))

    def payroll(self) -> Payroll:
        stayer = self.stayer
        return Payroll(
            gross=stayer.gross,
            income_tax=self._tax_by_month(),
            employee_ni=stayer.employee_ni,
            student_loan=stayer.student_loan,
            pension=stayer.pension,
            employer_ni=stayer.employer_ni,
            employer_pension=stayer.employer_pension,
            apprenticeship_levy=stayer.apprenticeship_levy,
        )

    def on_leaving(self, clawed: _Flows | None) -> LeavingTotals:
        """Totals to date on leaving after each month, whose pay is less ``clawed`` then."""
        stayer = self.stayer
        last = stayer if clawed is None else self._months(self.flows + clawed)
        year = self.tax_year.group
        tax = (np.cumsum(self.yearly_tax) - self.yearly_tax)[year] + self._income_tax(
            self.tax_year.before(stayer.taxable) + last.taxable, year
        )
        stay_net = stayer.kept_before_tax - self._tax_by_month()
        return LeavingTotals(
            net=np.cumsum(stayer.kept_before_tax)
            - stayer.kept_before_tax
            + last.kept_before_tax
            - tax,
            employer_cost=np.cumsum(stayer.employer_cost)
            - stayer.employer_cost
            + last.employer_cost,
            stay_net=stay_net,
            stay_employer_cost=stayer.employer_cost,
        )

    def _months(self, flows: _Flows) -> _Months:
        """Each month's figures on ``flows``, after the stayer's months before it."""
        cal = self.calendar
        pension = _running(self.pension_before + self.member_rate * flows.pensionable)
        pension -= self.pension_paid_before
        employer_pension = _running(self.employer_before + self.employer_rate * flows.pensionable)
        employer_pension -= self.employer_paid_before
        pay = flows.gross - flows.untaxed
        if self.relocating:  # (a clawback of relocation expenses only follows their payment)
            exempt = self._exempt(self.relocated_before + flows.relocation)
            pay -= exempt - self.exempt_before
        # NI, student loans and the levy: per pay period, on pay subject to NI
        ni_pay = np.maximum(pay, 0)
        main = np.maximum(np.minimum(ni_pay, cal.upper_earnings_limit) - cal.primary_threshold, 0)
        above = np.maximum(ni_pay - cal.upper_earnings_limit, 0)
        over = np.maximum(ni_pay - cal.secondary_threshold, 0)
        return _Months(
            gross=flows.gross,
            employee_ni=half_down(
                cal.employee_main_rate * main + cal.employee_additional_rate * above, PPM
            ),
            student_loan=_student_loans(ni_pay, self.person.student_loans, cal),
            pension=pension,
            employer_ni=half_down(cal.employer_rate * over, PPM),
            employer_pension=employer_pension,
            apprenticeship_levy=half_up(cal.apprenticeship_levy_rate * ni_pay, PPM),
            taxable=pay - pension,  # the net pay arrangement relieves contributions from tax
        )

    def _exempt(self, relocated: np.ndarray) -> np.ndarray:
        """How much of the relocation expenses to date are free of tax and NI."""
        return np.minimum(np.maximum(relocated, 0), self.limit)

    def _income_tax(self, taxable: np.ndarray, rows: np.ndarray) -> np.ndarray:
        """Income tax in pence on each year's taxable pay, under the rules of the tax year at
        ``rows``, the allowance tapered above its income limit."""
        tables = self.tax_tables
        income = np.maximum(taxable, 0)
        allowance = tables.personal_allowance[rows]
        over = income - tables.taper_income_limit[rows]
        if over.max(initial=0) > 0:  # the allowance tapers away above the limit
            reduction = half_up(np.maximum(over, 0) * tables.taper_rate[rows], PPM)
            allowance = np.maximum(allowance - reduction, 0)
        chargeable = np.maximum(income - allowance, 0)[:, None]
        lower, upper = tables.lower[rows], tables.upper[rows]
        portions = np.minimum(np.maximum(chargeable, lower), upper) - lower
        exact = (portions * tables.rates[rows]).sum(axis=1)
        return half_up(exact, PPM)

    def _tax_by_month(self) -> np.ndarray:
        """Each tax year's liability spread over its months in proportion to taxable pay."""
        year = self.tax_year.group
        taxable = self.stayer.taxable
        total = self.yearly_taxable[year]
        liability = self.yearly_tax[year]
        charged = (total > 0) & (liability != 0)
        running = self.tax_year.before(taxable) + taxable
        to_date = np.where(charged, half_up(liability * running, np.where(charged, total, 1)), 0)
        return to_date - self.tax_year.previous(to_date)


def _running(exact: np.ndarray) -> np.ndarray:
    """Millionths of a penny to pence, half up away from zero (running rounding)."""
    return half_up(exact, PPM)


def _student_loans(pay: np.ndarray, plans: Sequence[LoanPlan], cal: PayCalendar) -> np.ndarray:
    """One undergraduate deduction above the lowest threshold held, plus any postgraduate one,
    each rounded down to whole pounds."""
    total = np.zeros_like(pay)
    undergraduate = [cal.loan_thresholds[p] for p in plans if p in UNDERGRADUATE_PLANS]
    charges = []
    if undergraduate:
        charges.append((np.min(undergraduate, axis=0), cal.undergraduate_loan_rate))
    if POSTGRADUATE_PLAN in plans:
        charges.append((cal.loan_thresholds[POSTGRADUATE_PLAN], cal.postgraduate_loan_rate))
    for annual_threshold, rate in charges:
        # rate × (pay − threshold / 12), rounded down to whole pounds
        total += whole_pounds(down(np.maximum(12 * pay - annual_threshold, 0) * rate, 12 * PPM))
    return total


def _member_rates(
    person: Person, calendar: PayCalendar, regular: np.ndarray, rules: RuleBook
) -> np.ndarray:
    """The member's contribution rate (ppm) in each month: the band is looked up once for each
    run of months with the same scheme year and regular pay."""
    scheme_years, runs = calendar.scheme_years, calendar.scheme_runs
    if not isinstance(person.pension, str):
        return np.full(len(scheme_years), ppm(person.pension), dtype=np.int64)
    if (regular == regular[0]).all():  # one rate of pay: a run for each scheme year
        starts, lengths = runs.starts, runs.lengths
    else:
        new = np.ones(len(regular), dtype=bool)
        new[1:] = (scheme_years[1:] != scheme_years[:-1]) | (regular[1:] != regular[:-1])
        starts = np.flatnonzero(new)
        lengths = np.diff(starts, append=len(regular))
    rates = []
    for year, annual in zip(scheme_years[starts].tolist(), regular[starts].tolist(), strict=True):
        rate = next(r for cap, r in rules.lgps_bands(year) if cap is None or annual <= cap)
        if person.pension == "lgps-50-50":
            rate = divide(rate * rules.fifty_fifty_share(year), PPM)
        rates.append(rate)
    return np.repeat(np.array(rates, dtype=np.int64), lengths)


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
    _check_person(region, student_loans, pension)
    annual = pence(nearest_penny(Decimal(str(annual_pay))))
    pay_dates = _month_ends(tax_year)
    if employer_pension_rate is None:
        rate, _ = rules.employer_pension_average(pay_dates[0])
    else:
        rate = ppm(Decimal(str(employer_pension_rate)))
    to_date = [divide(annual * k, 12) for k in range(13)]
    monthly_pay = np.array([to_date[k] - to_date[k - 1] for k in range(1, 13)], dtype=np.int64)
    none = np.zeros(12, dtype=np.int64)
    person = Person(region, tuple(student_loans), _pension_choice(pension))
    flows = _Flows(monthly_pay, monthly_pay, none, none)
    run = _Run(flows, pay_dates, np.full(12, annual, dtype=np.int64), person, rate, rules)
    totals = {
        name: sum(getattr(run.stayer, name).tolist()) for name in _FIGURES if name != "income_tax"
    }
    totals["income_tax"] = int(run.yearly_tax.sum())  # one tax year: no need to spread it
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
    if region not in TAX_REGIONS:
        raise ValueError(f"region must be one of: {', '.join(TAX_REGIONS)}")
    unknown = set(student_loans) - set(LOAN_PLANS)
    if unknown:
        raise ValueError(f"unknown student loan plan(s): {', '.join(sorted(unknown))}")
    if isinstance(pension, str):
        if pension not in LGPS_SECTIONS:
            sections = ", ".join(LGPS_SECTIONS)
            raise ValueError(f"pension must be one of: {sections}, or a percentage of pay")
    elif not 0 <= Decimal(str(pension)) <= 100:
        raise ValueError("a pension contribution is a percentage of pay from 0 to 100")

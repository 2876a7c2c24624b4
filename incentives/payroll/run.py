"""The payroll of a schedule: every month worked at once, for a worker who stays or leaves."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields

import numpy as np

from incentives.engine import Line, Schedule
from incentives.payroll import deductions, income_tax
from incentives.payroll.figures import BeforeIncomeTax, LeavingTotals, Payroll, Person
from incentives.payroll.pension import member_rates, running
from incentives.uk_rules import RuleBook, rule_book


def run_payroll(
    schedule: Schedule,
    person: Person,
    employer_pension_rate: int,
    rules: RuleBook | None = None,
    *,
    leave_after: int | None = None,
) -> Payroll:
    """Deductions and employer on-costs month by month over the schedule's horizon, in pence;
    leaving after ``leave_after`` months, clawbacks are deducted then and nothing is paid
    after. ``employer_pension_rate`` is in parts per million of pay."""
    paid = schedule.paid_over_horizon(leave_after)
    flows = _Flows.of(paid, schedule.lines)
    rules = rules or rule_book()
    return _Run(flows, schedule, schedule.months, person, employer_pension_rate, rules).payroll()


def run_totals(
    schedule: Schedule, person: Person, employer_pension_rate: int, rules: RuleBook | None = None
) -> Payroll:
    """The payroll of a worker who stays, each figure added up over the horizon (arrays of one
    entry, in pence). Income tax is each tax year's liability, which its months add up to, so
    it is not spread over them: about half the work of :func:`run_payroll` for a year's pay."""
    flows = _Flows.of(schedule.pence, schedule.lines)
    run = _Run(
        flows, schedule, schedule.months, person, employer_pension_rate, rules or rule_book()
    )
    monthly = np.array([getattr(run.stayer, name) for name in _BEFORE_INCOME_TAX])
    figures = dict(zip(_BEFORE_INCOME_TAX, monthly.sum(axis=1, keepdims=True), strict=True))
    return Payroll(**figures, income_tax=run.yearly_tax.sum(keepdims=True))


def totals_on_leaving(
    schedule: Schedule,
    person: Person,
    employer_pension_rate: int,
    rules: RuleBook | None = None,
    *,
    months: int | None = None,
) -> LeavingTotals:
    """Totals on leaving after each month of the schedule's horizon (or its first ``months``).

    Leaving after *n*, the clawbacks due then are deducted from month *n*'s pay, and the tax
    year of month *n* is charged on the pay to date in it (no other income assumed).
    """
    months = months or schedule.months
    paid = schedule.pence[:, :months]
    clawed = schedule.clawed_on_leaving()[:, :months]
    flows = _Flows.of(paid, schedule.lines)
    run = _Run(flows, schedule, months, person, employer_pension_rate, rules or rule_book())
    return run.on_leaving(_Flows.of(clawed, schedule.lines) if clawed.any() else None)


_BEFORE_INCOME_TAX = tuple(field.name for field in fields(BeforeIncomeTax))


@dataclass(frozen=True)
class _Flows:
    """Monthly pence by how payroll treats them."""

    gross: np.ndarray
    pensionable: np.ndarray
    relocation: np.ndarray  # reimbursed qualifying relocation expenses
    untaxed: np.ndarray  # components free of tax and NI

    @classmethod
    def of(cls, amounts: np.ndarray, lines: Sequence[Line]) -> _Flows:
        gross = amounts.sum(axis=0)

        def total(mask: list[bool]) -> np.ndarray:
            if not any(mask):
                return np.zeros(gross.shape, gross.dtype)
            if all(mask):  # every line counts: no copy (a salary alone, as in take_home)
                return gross
            return amounts[mask].sum(axis=0)

        return cls(
            gross=gross,
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
class _Months(BeforeIncomeTax):
    taxable: np.ndarray  # pay subject to income tax: after exemptions and pension relief


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
        schedule: Schedule,
        months: int,
        person: Person,
        employer_rate: int,
        rules: RuleBook,
    ):
        pay_dates = schedule.pay_dates(months)
        self.calendar = rules.calendar(pay_dates)
        self.flows = flows
        self.person = person
        regular = schedule.regular_pensionable[:months]
        self.member_rate = member_rates(person, self.calendar, regular, rules)
        self.employer_rate = 0 if person.opted_out else employer_rate
        self.limit = rules.relocation_limit(pay_dates[0]) if len(pay_dates) else 0
        self.scheme_year, self.tax_year = self.calendar.scheme_runs, self.calendar.tax_runs
        self.tax_tables = rules.tax_tables(self.tax_year.years, person.region)
        # What the stayer has paid before each month
        self.pension_before = self.scheme_year.before(self.member_rate * flows.pensionable)
        self.pension_paid_before = running(self.pension_before)
        self.employer_before = self.scheme_year.before(self.employer_rate * flows.pensionable)
        self.employer_paid_before = running(self.employer_before)
        self.relocating = np.count_nonzero(flows.relocation) > 0
        if self.relocating:
            self.relocated_before = np.cumsum(flows.relocation) - flows.relocation
            self.exempt_before = self._exempt(self.relocated_before)
        self.stayer = self._months(flows)
        # Income tax: each tax year's final liability on the stayer's pay
        self.yearly_taxable = np.add.reduceat(self.stayer.taxable, self.tax_year.starts)
        self.yearly_tax = income_tax.liability(self.tax_tables, self.yearly_taxable)

    def payroll(self) -> Payroll:
        stayer = self.stayer
        return Payroll(
            gross=stayer.gross,
            employee_ni=stayer.employee_ni,
            student_loan=stayer.student_loan,
            pension=stayer.pension,
            employer_ni=stayer.employer_ni,
            employer_pension=stayer.employer_pension,
            apprenticeship_levy=stayer.apprenticeship_levy,
            income_tax=self._tax_by_month(),
        )

    def on_leaving(self, clawed: _Flows | None) -> LeavingTotals:
        """Totals to date on leaving after each month, whose pay is less ``clawed`` then."""
        stayer = self.stayer
        last = stayer if clawed is None else self._months(self.flows + clawed)
        year = self.tax_year.group
        tax = (np.cumsum(self.yearly_tax) - self.yearly_tax)[year] + income_tax.liability(
            self.tax_tables, self.tax_year.before(stayer.taxable) + last.taxable, year
        )
        kept, cost = stayer.kept_before_tax, stayer.employer_cost
        return LeavingTotals(
            net=np.cumsum(kept) - kept + last.kept_before_tax - tax,
            employer_cost=np.cumsum(cost) - cost + last.employer_cost,
            stay_net=kept - self._tax_by_month(),
            stay_employer_cost=cost,
        )

    def _months(self, flows: _Flows) -> _Months:
        """Each month's figures on ``flows``, after the stayer's months before it."""
        cal = self.calendar
        pension = running(self.pension_before + self.member_rate * flows.pensionable)
        pension -= self.pension_paid_before
        employer_pension = running(self.employer_before + self.employer_rate * flows.pensionable)
        employer_pension -= self.employer_paid_before
        pay = flows.gross - flows.untaxed
        if self.relocating:  # (a clawback of relocation expenses only follows their payment)
            exempt = self._exempt(self.relocated_before + flows.relocation)
            pay -= exempt - self.exempt_before
        ni_pay = np.maximum(pay, 0)  # NI, student loans and the levy: per pay period
        return _Months(
            gross=flows.gross,
            employee_ni=deductions.employee_ni(ni_pay, cal),
            student_loan=deductions.student_loans(ni_pay, self.person.student_loans, cal),
            pension=pension,
            employer_ni=deductions.employer_ni(ni_pay, cal),
            employer_pension=employer_pension,
            apprenticeship_levy=deductions.apprenticeship_levy(ni_pay, cal),
            taxable=pay - pension,  # the net pay arrangement relieves contributions from tax
        )

    def _exempt(self, relocated: np.ndarray) -> np.ndarray:
        """How much of the relocation expenses to date are free of tax and NI."""
        return np.minimum(np.maximum(relocated, 0), self.limit)

    def _tax_by_month(self) -> np.ndarray:
        return income_tax.by_month(
            self.stayer.taxable, self.yearly_taxable, self.yearly_tax, self.tax_year
        )

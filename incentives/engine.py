"""Month-by-month pay for an offer under a scenario.

Timing, the same in every view:

* Month *m* of service starts on the start date plus *m* - 1 months and is paid on the last
  day of that calendar month (the pay date fixes the tax year and the rules that apply).
* A payment due after *N* months' service is paid with month *N*'s pay; a joining payment
  with month 1's. Salary steps up the scale on each anniversary of joining; a pay award
  raises basic pay (every scale point) on each 1 April after the start; under the NJC's
  agreed awards (the default) a salary is as published in its offer's pay year and raised by
  each award since, and a grade on NJC points climbs a point a year. Supplements stated
  in pounds stay as published; those stated as a percentage follow basic pay.
* Leaving after *N* months: months 1..N are worked and paid, payments due in month *N* are
  earned, and clawbacks are deducted in month *N*. A clawback for leaving "within *W*
  months" of a payment no longer applies once *W* months have passed since it.
* Annual amounts are paid in twelfths by running rounding: each month pays the pay-to-date,
  rounded half up to the penny, less what was already paid, so twelve months pay exactly
  the annual amount and no penny is lost or invented. One-off sums and percentages of
  basic are rounded half up to the penny when they fall due.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache

import numpy as np
import pandas as pd

from incentives import njc_grades
from incentives.eligibility import left_out
from incentives.model import (
    Category,
    Figure,
    Money,
    Offer,
    OneOff,
    Payment,
    Percent,
    Retention,
    Supplement,
)
from incentives.money import PPM, divide, half_up, pence, ppm
from incentives.scenario import Scenario, period_start


class MissingFigure(LookupError):
    """An offer lacks a figure it cannot be projected without, and no assumption was given."""

    def __init__(self, offer: Offer, path: str):
        self.offer_id, self.path = offer.id, path
        super().__init__(
            f"{offer.label}: the figure at '{path}' is not published; "
            "supply an assumption for it to project this offer"
        )


@dataclass(frozen=True)
class Line:
    """A row of a schedule: one component's payments (or a clawback of them)."""

    name: str
    category: Category
    taxable: bool
    pensionable: bool
    relocation_expenses: bool = False
    component: int | None = None  # the offer's component it comes from (None: salary)


@dataclass(frozen=True)
class Clawback:
    """One instalment's repayment terms, applied when the worker leaves."""

    line: int  # the schedule row the repayment is booked to
    paid_month: int
    service_at_payment: int
    amount: int  # pence paid
    within_months: int
    tapered: bool

    def owed(self, leave_after: np.ndarray) -> np.ndarray:
        """Pence repaid on leaving after each number of months in ``leave_after``."""
        served = leave_after - self.service_at_payment
        applies = (leave_after >= self.paid_month) & (served < self.within_months)
        if self.tapered:
            remaining = np.maximum(self.within_months - served, 0)
            owed = half_up(self.amount * remaining, self.within_months)
        else:
            owed = np.full(leave_after.shape, self.amount)
        return np.where(applies, owed, 0).astype(np.int64)


@dataclass(frozen=True)
class Schedule:
    """An offer's payments, month by month, to a worker who stays the whole horizon.

    ``pence[line, month - 1]`` is what that line pays in that month; clawback lines are zero
    here and filled in by :meth:`paid` for a worker who leaves.
    """

    offer_id: str
    start: dt.date
    lines: tuple[Line, ...]
    pence: np.ndarray
    basic: np.ndarray  # annual basic salary in force each month, pence
    regular_pensionable: np.ndarray  # annual rate of basic and pensionable supplements, pence
    clawbacks: tuple[Clawback, ...]
    assumed_zero: tuple[str, ...]  # unpublished figures counted as £0 for want of an assumption

    @property
    def months(self) -> int:
        return self.pence.shape[1]

    def pay_dates(self, months: int | None = None) -> tuple[dt.date, ...]:
        return pay_dates(self.start, months or self.months)

    def paid(self, leave_after: int | None = None) -> np.ndarray:
        """Payments by line and month up to leaving (or the horizon), clawbacks included."""
        if leave_after is None:
            return self.pence
        paid = self.pence[:, :leave_after].copy()
        when = np.array([leave_after])
        for term in self.clawbacks:
            paid[term.line, leave_after - 1] -= term.owed(when)[0]
        return paid

    def paid_over_horizon(self, leave_after: int | None = None) -> np.ndarray:
        """:meth:`paid`, with nothing in the months after leaving."""
        paid = self.paid(leave_after)
        missing = self.months - paid.shape[1]
        return np.pad(paid, ((0, 0), (0, missing))) if missing else paid

    def clawed_on_leaving(self) -> np.ndarray:
        """Lines × months: minus what each clawback line recovers on leaving after each month."""
        clawed = np.zeros_like(self.pence)
        months = np.arange(1, self.months + 1)
        for term in self.clawbacks:
            clawed[term.line] -= term.owed(months)
        return clawed

    def clawback_on_leaving(self) -> np.ndarray:
        """Total pence repaid on leaving after each month 1..horizon."""
        months = np.arange(1, self.months + 1)
        owed = np.zeros(self.months, dtype=np.int64)
        for term in self.clawbacks:
            owed += term.owed(months)
        return owed

    def total_on_leaving(self) -> np.ndarray:
        """Total gross pence received, net of clawback, on leaving after each month."""
        return np.cumsum(self.pence.sum(axis=0)) - self.clawback_on_leaving()


def pay_date(start: dt.date, month: int) -> dt.date:
    """Pay day of service month ``month``: the last day of its calendar month."""
    first = period_start(start, month)
    return first.replace(day=calendar.monthrange(first.year, first.month)[1])


@cache
def month_starts(start: dt.date, months: int) -> tuple[dt.date, ...]:
    """First days of service months 1..months."""
    return tuple(period_start(start, m) for m in range(1, months + 1))


@cache
def pay_dates(start: dt.date, months: int) -> tuple[dt.date, ...]:
    """Pay days of service months 1..months."""
    return tuple(pay_date(start, m) for m in range(1, months + 1))


def build_schedule(offer: Offer, scenario: Scenario) -> Schedule:
    """Every payment of ``offer`` over the scenario's horizon, for a worker who stays.

    Payments whose conditions the scenario's worker does not meet are left out here, so no
    total, chart or view counts them.
    """
    months = scenario.months
    starts = month_starts(scenario.start, months)
    basic = _basic_salaries(offer, scenario, starts)
    values = _FigureValues(offer, scenario)

    lines = [Line("Salary", "salary", taxable=True, pensionable=True)]
    rows = [_spread_annual([b * PPM for b in basic])]
    regular_pensionable = np.array(basic, dtype=np.int64)
    clawbacks: list[Clawback] = []
    not_paid = left_out(offer, scenario.worker)
    for index, component in enumerate(offer.components):
        if index in not_paid:
            continue
        path = f"components.{index}"
        first_line = len(lines)
        if isinstance(component, Supplement):
            row, rates = _supplement_row(component, path, values, basic)
            rows.append(row)
            if component.pensionable:
                regular_pensionable += [divide(rate, PPM) for rate in rates]
            lines.append(
                Line(component.name, "supplement", component.taxable, component.pensionable)
            )
        elif isinstance(component, OneOff):
            row, terms = _one_off_row(component, path, values, basic, len(lines) + 1)
            rows.append(row)
            lines.append(_one_off_line(component, component.name, component.category))
            if terms:
                rows.append([0] * months)
                lines.append(_one_off_line(component, f"Clawback: {component.name}", "clawback"))
                clawbacks.extend(terms)
        elif isinstance(component, Retention):
            rows.append(_retention_row(component, path, values, basic, starts))
            lines.append(
                Line(component.name, "retention", component.taxable, component.pensionable)
            )
        lines[first_line:] = [replace(line, component=index) for line in lines[first_line:]]
    return Schedule(
        offer_id=offer.id,
        start=scenario.start,
        lines=tuple(lines),
        pence=np.array(rows, dtype=np.int64).reshape(len(rows), months),
        basic=np.array(basic, dtype=np.int64),
        regular_pensionable=regular_pensionable,
        clawbacks=tuple(clawbacks),
        assumed_zero=tuple(values.assumed_zero),
    )


def project(offer: Offer, scenario: Scenario) -> pd.DataFrame:
    """Each payment, month by month: ``month``, ``date``, ``component``, ``amount`` (£).

    Also ``category``, ``pence`` (exact), ``taxable`` and ``pensionable``. Clawbacks are
    negative amounts in the month of leaving.
    """
    schedule = build_schedule(offer, scenario)
    return payments_frame(schedule, scenario.leave_after_months)


def payments_frame(schedule: Schedule, leave_after: int | None) -> pd.DataFrame:
    """The non-zero payments of a schedule as rows."""
    paid = schedule.paid(leave_after)
    months, line_index = np.nonzero(paid.T)
    dates = schedule.pay_dates(paid.shape[1])
    lines = [schedule.lines[i] for i in line_index]
    amounts = paid[line_index, months]
    return pd.DataFrame(
        {
            "month": months + 1,
            "date": [dates[m] for m in months],
            "component": [line.name for line in lines],
            "category": [line.category for line in lines],
            "amount": amounts / 100,
            "pence": amounts,
            "taxable": [line.taxable for line in lines],
            "pensionable": [line.pensionable for line in lines],
        }
    )


class _FigureValues:
    """Figures of one offer as exact numbers: published, else assumed, else noted as missing."""

    def __init__(self, offer: Offer, scenario: Scenario):
        self.offer, self.scenario = offer, scenario
        self.assumed_zero: list[str] = []

    def value(self, path: str, figure: Figure) -> Decimal | None:
        value = getattr(figure, "value", None)
        if value is None:
            value = self.scenario.assumption(self.offer.id, path)
        if value is not None and isinstance(figure, Percent) and value > 100:
            raise ValueError(f"{self.offer.label}: the assumed percentage at '{path}' exceeds 100")
        return value

    def required(self, path: str, figure: Money) -> int:
        value = self.value(path, figure)
        if value is None:
            raise MissingFigure(self.offer, path)
        return pence(value)

    def payment(self, path: str, item: Payment, basic: int) -> int:
        """Pence of a sum stated as an amount or a percentage of basic (``basic`` pence a year)."""
        if item.amount is not None:
            value = self.value(f"{path}.amount", item.amount)
            return self._or_zero(f"{path}.amount", value, pence)
        assert item.percent_of_basic is not None  # the model holds exactly one of the two
        value = self.value(f"{path}.percent_of_basic", item.percent_of_basic)
        return divide(basic * self._or_zero(f"{path}.percent_of_basic", value, ppm), PPM)

    def annual_rate(self, path: str, item: Supplement) -> tuple[int, int]:
        """A supplement's annual rate in millionths of a penny, so twelfths stay exact, as
        (fixed, per penny of basic): one of the two is zero."""
        if item.amount is not None:
            value = self.value(f"{path}.amount", item.amount)
            return self._or_zero(f"{path}.amount", value, pence) * PPM, 0
        assert item.percent_of_basic is not None  # the model holds exactly one of the two
        value = self.value(f"{path}.percent_of_basic", item.percent_of_basic)
        return 0, self._or_zero(f"{path}.percent_of_basic", value, ppm)

    def _or_zero(self, path: str, value: Decimal | None, convert: Callable[[Decimal], int]) -> int:
        if value is None:
            if path not in self.assumed_zero:
                self.assumed_zero.append(path)
            return 0
        return convert(value)


def _basic_salaries(offer: Offer, scenario: Scenario, starts: Sequence[dt.date]) -> list[int]:
    """Annual basic salary in force in each month, pence: scale steps then pay awards (the
    NJC's agreed awards, see :mod:`incentives.njc_grades`, or a percentage each April)."""
    values = _FigureValues(offer, scenario)
    top = values.required("salary.top", offer.salary.top)
    chosen = scenario.start_salary_for(offer.id)
    salary = top if chosen is None else pence(chosen)
    if salary > top:
        raise ValueError(f"{offer.label}: the starting salary is above the top of the scale")
    agreed = scenario.pay_award == "njc"
    if agreed and offer.salary.njc_points is not None:
        return njc_grades.salaries_on_points(
            offer, scenario, starts, None if chosen is None else salary
        )
    published = {pence(p.value) for p in offer.salary.points_below_top if p.value is not None}
    if offer.salary.njc_points is not None:
        published |= set(njc_grades.grade_salaries(offer))
    points = sorted(published | {top})
    step_ppm = ppm(scenario.annual_step)

    on_scale = []  # the scale point reached in each service year, before pay awards
    for _ in range(scenario.years):
        on_scale.append(salary)
        higher = [p for p in points if p > salary]
        if len(points) > 1:
            salary = higher[0] if higher else top
        else:
            salary = min(divide(salary * (PPM + step_ppm), PPM), top)

    if agreed:
        return njc_grades.salaries_in_pounds(offer, scenario, starts, on_scale)
    award_ppm = ppm(scenario.pay_award)
    salaries, awards = [], 0
    for month, first_day in enumerate(starts, start=1):
        if first_day.month == 4 and first_day > scenario.start:  # a new pay year's award
            awards += 1
        point = on_scale[(month - 1) // 12]
        salaries.append(
            divide(point * (PPM + award_ppm) ** awards, PPM**awards) if awards else point
        )
    return salaries


def _spread_annual(annual_micro: list[int]) -> list[int]:
    """Monthly pence from annual rates (millionths of a penny) by running rounding.

    The running total restarts whenever the rate changes, so each stretch at one rate is paid
    to the penny.
    """
    monthly, previous, months_at_rate, paid = [], None, 0, 0
    for rate in annual_micro:
        if rate != previous:
            previous, months_at_rate, paid = rate, 0, 0
        months_at_rate += 1
        to_date = half_up(rate * months_at_rate, 12 * PPM)
        monthly.append(to_date - paid)
        paid = to_date
    return monthly


def _supplement_row(
    item: Supplement, path: str, values: _FigureValues, basic: list[int]
) -> tuple[list[int], list[int]]:
    """Monthly pence of a supplement, and its annual rate each month (millionths of a penny)."""
    last = item.until_month or len(basic)
    fixed, share = values.annual_rate(path, item)
    rates = [
        fixed + salary * share if item.from_month <= month <= last else 0
        for month, salary in enumerate(basic, start=1)
    ]
    return _spread_annual(rates), rates


def _one_off_line(item: OneOff, name: str, category: Category) -> Line:
    return Line(
        name,
        category,
        taxable=item.taxable,
        pensionable=item.is_pensionable,
        relocation_expenses=item.qualifying_relocation_expenses,
    )


def _one_off_row(
    item: OneOff, path: str, values: _FigureValues, basic: list[int], clawback_line: int
) -> tuple[list[int], list[Clawback]]:
    row, terms = [0] * len(basic), []
    for number, instalment in enumerate(item.instalments):
        month = instalment.paid_in_month
        if month > len(basic):
            continue
        amount = values.payment(f"{path}.instalments.{number}", instalment, basic[month - 1])
        row[month - 1] += amount
        if instalment.clawback is not None and amount:
            terms.append(
                Clawback(
                    line=clawback_line,
                    paid_month=month,
                    service_at_payment=instalment.after_months,
                    amount=amount,
                    within_months=instalment.clawback.within_months,
                    tapered=instalment.clawback.taper == "monthly",
                )
            )
    return row, terms


def _retention_row(
    item: Retention, path: str, values: _FigureValues, basic: list[int], starts: Sequence[dt.date]
) -> list[int]:
    row = [0] * len(basic)
    last = min(item.until_month or len(basic), len(basic))
    if item.every_months is not None:
        due: Sequence[int] = range(item.every_months, last + 1, item.every_months)
    elif item.at_months:
        due = [m for m in item.at_months if m <= last]
    else:
        due = [
            m
            for m in range(max(item.qualifying_months, 1), last + 1)
            if starts[m - 1].month in item.calendar_months
        ]
    for month in due:
        tier = item.tier_for_month(month)
        number = item.tiers.index(tier)
        row[month - 1] += values.payment(f"{path}.tiers.{number}", tier, basic[month - 1])
    return row

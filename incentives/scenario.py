"""A scenario: everything about the worker and the years ahead that is not in an offer.

One validated object is shared by the URL, the widgets and the API, so a link, a notebook
and the app all mean the same thing by "start in April 2017, stay three years".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Annotated, Literal

import numpy as np
from pydantic import Field, field_validator, model_validator

from incentives import prices
from incentives.eligibility import JoinsAs, Worker, YearsQualified
from incentives.sourced import Frozen, Slug
from incentives.vocabulary import LOAN_PLANS, LgpsSection, LoanPlan, MoneyBasis, TaxRegion

MAX_YEARS = 10
EARLIEST_START = dt.date(2016, 4, 1)
LATEST_START = dt.date(2030, 12, 1)

Pounds = Annotated[Decimal, Field(ge=0, le=1_000_000, decimal_places=2)]
Percentage = Annotated[Decimal, Field(ge=0, le=20, decimal_places=2)]
# An LGPS section, or the percentage of pensionable pay paid into another scheme (0: none)
PensionChoice = LgpsSection | Annotated[Decimal, Field(ge=0, le=100, decimal_places=2)]
FigurePath = Annotated[str, Field(pattern=r"^[a-z_]+(?:\.[a-z_0-9]+)*$", max_length=120)]


class Scenario(Frozen):
    """The assumptions a projection is made under. Percentages are in percent (2 means 2%)."""

    years: Annotated[int, Field(ge=1, le=MAX_YEARS)] = 3
    start: dt.date = dt.date(2017, 4, 1)
    # "njc": the NJC's agreed awards, each from its 1 April, then future_pay_award each April
    # (None: the sourced assumption in data/njc_pay.yaml); a number: that percent each
    # 1 April after the start
    pay_award: Literal["njc"] | Percentage = "njc"
    future_pay_award: Percentage | None = None
    leave_after_months: Annotated[int, Field(ge=1, le=12 * MAX_YEARS)] | None = None
    start_salary: Pounds | Mapping[Slug, Pounds] | None = None  # None: the top of the scale
    annual_step: Percentage = Decimal(3)  # rise per year up an unpublished scale (assumption)
    assumed: Mapping[Slug, Mapping[FigurePath, Pounds]] = Field(default_factory=dict)

    # Who the worker is, for payments with conditions (see incentives.eligibility)
    years_qualified: YearsQualified | None = None  # None: every payment counts
    joins_as: JoinsAs = "new starter"  # or "staff in post", already working there

    # Take-home and employer cost
    region: TaxRegion = "england"
    student_loans: tuple[LoanPlan, ...] = ()
    pension: PensionChoice = "lgps"
    employer_pension_rate: Mapping[Slug, Annotated[Decimal, Field(ge=0, le=60)]] = Field(
        default_factory=dict
    )

    # Pounds of different years (see incentives.prices); None: the sourced default
    money: MoneyBasis = "nominal"
    price_year: Annotated[int, Field(ge=2016, le=2045)] | None = None  # real terms: whose prices
    inflation: Annotated[Decimal, Field(ge=-5, le=30, decimal_places=2)] | None = None  # future CPI
    discount_rate: Annotated[Decimal, Field(ge=0, le=20, decimal_places=2)] | None = None

    @field_validator("start")
    @classmethod
    def _first_of_a_month(cls, start: dt.date) -> dt.date:
        if start.day != 1:
            raise ValueError("start must be the first day of a month")
        if not EARLIEST_START <= start <= LATEST_START:
            raise ValueError(
                f"start must be between {EARLIEST_START:%B %Y} and {LATEST_START:%B %Y}"
            )
        return start

    @field_validator("student_loans")
    @classmethod
    def _each_plan_once(cls, plans: tuple[LoanPlan, ...]) -> tuple[LoanPlan, ...]:
        return tuple(sorted(set(plans), key=LOAN_PLANS.index))

    @model_validator(mode="after")
    def _leaving_within_horizon(self) -> Scenario:
        if self.leave_after_months is not None and self.leave_after_months > self.months:
            raise ValueError(f"leave_after_months must be at most {self.months} (the horizon)")
        return self

    @property
    def months(self) -> int:
        """Months in the horizon."""
        return 12 * self.years

    @property
    def last_month_start(self) -> dt.date:
        """The first day of the horizon's last month."""
        return period_start(self.start, self.months)

    @property
    def months_paid(self) -> int:
        """Months worked and paid: up to leaving, or the whole horizon."""
        return self.leave_after_months or self.months

    def money_factors(self, pay_dates: Sequence[dt.date]) -> np.ndarray | None:
        """What each month's pounds are multiplied by in the scenario's money (None: as paid)."""
        return prices.factors(
            pay_dates,
            self.start,
            self.money,
            price_year=self.price_year,
            inflation=self.inflation,
            discount_rate=self.discount_rate,
        )

    @property
    def worker(self) -> Worker | None:
        """The worker conditions are checked against; None when their experience is not given."""
        if self.years_qualified is None:
            return None
        return Worker(self.years_qualified, self.joins_as)

    def start_salary_for(self, offer_id: str) -> Decimal | None:
        if isinstance(self.start_salary, Mapping):
            return self.start_salary.get(offer_id)
        return self.start_salary

    def assumption(self, offer_id: str, path: str) -> Decimal | None:
        return self.assumed.get(offer_id, {}).get(path)


def period_start(start: dt.date, month: int) -> dt.date:
    """First day of service month ``month`` (1-based)."""
    index = start.year * 12 + start.month - 1 + month - 1
    return dt.date(index // 12, index % 12 + 1, 1)

"""What a package is worth beyond pay: leave, cars, a paid registration fee, sabbaticals.

Each benefit is cited like a figure. Two have a money value in total reward: a professional
registration fee the council pays (at face value, once each service year) and annual leave
above the least generous offer in a comparison (each extra day at the offer's daily rate,
annual basic salary / 260, rounded half up to the penny). The rest are listed side by side,
not counted: a lease car or a sabbatical has no published cash value.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Literal

import numpy as np
import pandas as pd
from pydantic import Field, model_validator

from incentives.money import divide, format_gbp, pence
from incentives.sourced import Frozen, Sourced, Text

if TYPE_CHECKING:
    from incentives.model import Offer

WORKING_DAYS_A_YEAR = 260  # 52 weeks of 5 days: a day's pay is a 260th of a year's salary
Days = Annotated[int, Field(ge=0, le=100)]


class LeaveStep(Frozen):
    """Annual leave after ``after_years`` of service."""

    after_years: Annotated[int, Field(ge=1, le=50)]
    days: Days


class AnnualLeave(Sourced):
    """Days of annual leave a year at the start, and after each length of service."""

    kind: Literal["annual_leave"]
    days: Days
    rises: tuple[LeaveStep, ...] = ()

    @model_validator(mode="after")
    def _rising(self) -> AnnualLeave:
        steps = [(0, self.days), *((s.after_years, s.days) for s in self.rises)]
        if any(b[0] <= a[0] or b[1] < a[1] for a, b in itertools.pairwise(steps)):
            raise ValueError("leave rises must come after more years, each no fewer days")
        return self

    def days_in_year(self, service_year: int) -> int:
        """Days in service year ``service_year`` (1-based); a rise, once its years are served."""
        done = service_year - 1
        return ([self.days] + [s.days for s in self.rises if s.after_years <= done])[-1]


class Car(Sourced):
    """A car allowance or lease car: listed, not valued (its cash value is not published)."""

    kind: Literal["car"]
    provision: Literal["car allowance", "essential car user allowance", "lease car"]
    text: Text


class RegistrationFee(Sourced):
    """The council pays the worker's professional registration fee, ``fee`` a year."""

    kind: Literal["registration_fee"]
    fee: Annotated[Decimal, Field(ge=0, le=10_000, decimal_places=2)]


class Sabbatical(Sourced):
    """Time off beyond annual leave after a length of service: listed, not valued."""

    kind: Literal["sabbatical"]
    weeks: Annotated[int, Field(ge=1, le=52)] | None = None
    after_years: Annotated[int, Field(ge=1, le=50)] | None = None
    text: Text


class OtherBenefit(Sourced):
    kind: Literal["other"]
    text: Text


Benefit = Annotated[
    AnnualLeave | Car | RegistrationFee | Sabbatical | OtherBenefit, Field(discriminator="kind")
]
BENEFIT_LABELS: Mapping[str, str] = {
    "annual_leave": "Annual leave",
    "car": "Car",
    "registration_fee": "Registration fee paid",
    "sabbatical": "Sabbatical",
    "other": "Other",
}
VALUED_PARTS: Mapping[str, str] = {
    "extra_leave": "Extra annual leave",
    "registration_fee": "Registration fee paid",
}


def annual_leave(offer: Offer) -> AnnualLeave | None:
    return next((b for b in offer.benefits if isinstance(b, AnnualLeave)), None)


def leave_days(offer: Offer, years: int) -> list[int] | None:
    """Days of leave in each service year 1..years, or None if the offer publishes none."""
    leave = annual_leave(offer)
    return None if leave is None else [leave.days_in_year(y) for y in range(1, years + 1)]


def valued_benefits(
    offers: Sequence[Offer], basic: Sequence[np.ndarray], months: int, months_paid: int
) -> list[dict[str, np.ndarray]]:
    """Per offer, the monthly pence of each benefit with a money value (see module doc).

    ``basic`` holds each offer's annual basic salary in force each month (pence). Extra leave
    is counted against the fewest days any offer in the comparison publishes that year; an
    offer that publishes no leave gets none. Nothing is counted after ``months_paid``.
    """
    years = months // 12
    days = [leave_days(offer, years) for offer in offers]
    published = [d for d in days if d is not None]
    fewest = [min(d[y] for d in published) for y in range(years)] if published else []
    values = []
    for offer, offer_days, salary in zip(offers, days, basic, strict=True):
        leave = np.zeros(months, dtype=np.int64)
        if offer_days is not None:
            for year in range(years):
                first = 12 * year
                extra = offer_days[year] - fewest[year]
                worth = divide(extra * int(salary[first]), WORKING_DAYS_A_YEAR)
                leave[first : first + 12] = _twelfths(worth)
        fee = np.zeros(months, dtype=np.int64)
        fee_a_year = sum(pence(b.fee) for b in offer.benefits if isinstance(b, RegistrationFee))
        fee[::12] = fee_a_year
        leave[months_paid:] = 0
        fee[months_paid:] = 0
        values.append({"extra_leave": leave, "registration_fee": fee})
    return values


def unvalued_benefits(offers: Sequence[Offer]) -> pd.DataFrame:
    """Benefits side by side, in words: a ``benefit`` column, then one column per offer id.

    Includes those counted in total reward (so the leave days can be read) and those that are
    not; a cell is empty where the offer publishes nothing of that kind.
    """
    rows: dict[str, dict[str, str]] = {}
    for offer in offers:
        for benefit in offer.benefits:
            cell = rows.setdefault(BENEFIT_LABELS[benefit.kind], {})
            words = describe(benefit)
            cell[offer.id] = f"{cell[offer.id]}; {words}" if offer.id in cell else words
    frame = pd.DataFrame(
        [
            {"benefit": label, **{o.id: row.get(o.id, "") for o in offers}}
            for label, row in rows.items()
        ],
        columns=["benefit", *(o.id for o in offers)],
    )
    return frame


def describe(benefit: Benefit) -> str:
    """A benefit in a few words: "27 days, 32 after 5 years"; "£120 a year"."""
    if isinstance(benefit, AnnualLeave):
        later = [f"{s.days} after {s.after_years} years" for s in benefit.rises]
        return ", ".join([f"{benefit.days} days", *later])
    if isinstance(benefit, RegistrationFee):
        return f"{format_gbp(pence(benefit.fee))} a year (counted)"
    return benefit.text


def _twelfths(annual: int) -> list[int]:
    """An annual sum in twelve monthly pence that add up to it (running rounding, half up)."""
    to_date = [divide(annual * month, 12) for month in range(13)]
    return [b - a for a, b in itertools.pairwise(to_date)]

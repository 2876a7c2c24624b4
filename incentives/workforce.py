"""Workforce figures from ``data/workforce.yaml``: leaving rates, agency and recruitment costs.

They give the HR view its sourced defaults; every one can be changed by the user.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

from incentives.catalog import DEFAULT_DATA_DIR
from incentives.money import nearest_penny
from incentives.parameters import ParameterSet, load_parameters

WORKFORCE_FILE = DEFAULT_DATA_DIR / "workforce.yaml"
AGENCY_PREMIUM = "agency.annual_premium_estimate"  # the cost page's default agency premium
REQUIRED = (
    "england.turnover_rate",
    "agency.annual_premium_over_permanent",
    AGENCY_PREMIUM,
    "recruitment.agency_fee_share_of_salary",
)


@dataclass(frozen=True)
class Sourced:
    """A default with the words and place it comes from."""

    value: Decimal
    as_of: dt.date
    source: str  # "Title, Publisher"
    url: str
    quote: str | None
    note: str | None


@cache
def workforce(path: Path = WORKFORCE_FILE) -> ParameterSet:
    return load_parameters(path, REQUIRED)


def figure(name: str, when: dt.date | None = None) -> Sourced:
    """The value of ``name`` in force on ``when`` (the latest if ``when`` is None, the earliest
    if ``when`` is before the first)."""
    parameter = workforce()[name]
    dates = sorted(parameter.values)
    chosen = dates[-1] if when is None else max([d for d in dates if d <= when] or dates[:1])
    dated = parameter.values[chosen]
    reference = workforce().references[dated.ref[0]]
    return Sourced(
        value=dated.value if dated.value is not None else Decimal(0),
        as_of=chosen,
        source=f"{reference.title}, {reference.publisher}",
        url=str(reference.url),
        quote=dated.quote,
        note=dated.note,
    )


def series(name: str) -> list[tuple[dt.date, Decimal]]:
    """Every dated value of ``name``, oldest first."""
    parameter = workforce()[name]
    return [(when, parameter.values[when].value or Decimal(0)) for when in sorted(parameter.values)]


def default_leaving_rate(start: dt.date) -> Sourced:
    """England's children's social worker turnover rate for the latest year ending by ``start``."""
    return figure("england.turnover_rate", start)


def agency_premium_per_year() -> Sourced:
    """The extra agency cover costs a council a year: an ESTIMATE from one council's weekly
    costs; the note shows how."""
    return figure(AGENCY_PREMIUM)


def agency_premium_per_month() -> Sourced:
    """:func:`agency_premium_per_year` / 12, to the nearest penny."""
    yearly = agency_premium_per_year()
    return Sourced(
        nearest_penny(yearly.value / 12),
        yearly.as_of,
        yearly.source,
        yearly.url,
        yearly.quote,
        yearly.note,
    )


def agency_weekly_costs() -> tuple[Sourced, Sourced]:
    """The weekly costs of an agency and of an employed social worker that the default agency
    premium is estimated from."""
    return (
        figure("st_helens.agency_social_worker_weekly_cost"),
        figure("st_helens.employed_social_worker_weekly_cost"),
    )


def recruitment_fee_share() -> Sourced:
    """A recruitment agency's fee for placing a social worker, as a percentage of salary."""
    return figure("recruitment.agency_fee_share_of_salary")


def months_to_fill_estimate() -> Sourced:
    """An ESTIMATE, not a published figure: how long a vacancy stays open in England, from DfE's
    vacancies and leavers (12 × vacancies / leavers a year); the note shows the arithmetic."""
    return figure("england.months_to_fill_estimate")

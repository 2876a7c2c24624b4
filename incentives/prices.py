"""Pounds of different years: real terms from consumer prices, and present values.

* **Nominal**: pounds as paid.
* **Real**: pounds in the prices of a chosen year. Each year's payments are scaled by the CPI
  price level of that year against the chosen one: published CPI (``data/prices.yaml``) for
  the years it covers, then the user's assumed future inflation (by default the government's
  2% target).
* **Present value**: real pounds in the prices of the start year, each discounted back to the
  start at the discount rate (by default HM Treasury's Green Book rate of 3.5%, which is a real
  rate) for the time from the start to its pay date.

Amounts are converted month by month, so a conversion is a factor for each pay date.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from decimal import Decimal
from functools import cache
from pathlib import Path
from types import MappingProxyType

import numpy as np

from incentives.catalog import DEFAULT_DATA_DIR
from incentives.money import nearest_pence
from incentives.parameters import ParameterSet, load_parameters
from incentives.vocabulary import MoneyBasis

PRICES_FILE = DEFAULT_DATA_DIR / "prices.yaml"
REQUIRED = ("cpi.annual_rate", "inflation.target", "discount.green_book_rate")


@cache
def prices(path: Path = PRICES_FILE) -> ParameterSet:
    return load_parameters(path, REQUIRED)


@cache
def published_inflation() -> Mapping[int, Decimal]:
    """Published CPI inflation by calendar year (percent)."""
    values = prices()["cpi.annual_rate"].values
    return MappingProxyType(
        {when.year: dated.value for when, dated in values.items() if dated.value is not None}
    )


def default_inflation() -> Decimal:
    """The assumed future inflation when the user sets none: the CPI target."""
    return _latest("inflation.target")


def default_discount_rate() -> Decimal:
    """The discount rate when the user sets none: the Green Book's."""
    return _latest("discount.green_book_rate")


def latest_published_year() -> int:
    return max(published_inflation())


def _latest(name: str) -> Decimal:
    values = prices()[name].values
    return values[max(values)].number


def price_level(year: int, future_inflation: Decimal, base_year: int) -> float:
    """The price level of ``year`` relative to ``base_year`` (1.0), compounding each year's
    published inflation, or ``future_inflation`` for years not yet published."""
    return _level(year, future_inflation) / _level(base_year, future_inflation)


@cache
def _level(year: int, future_inflation: Decimal) -> float:
    """Price level against the year before the first published rate (1.0)."""
    published = published_inflation()
    root = min(published) - 1

    def growth(of_year: int) -> float:
        return 1 + float(published.get(of_year, future_inflation)) / 100

    if year >= root:
        return math.prod(growth(y) for y in range(root + 1, year + 1))
    return 1 / math.prod(growth(y) for y in range(year + 1, root + 1))


def factors(
    pay_dates: Sequence[dt.date],
    start: dt.date,
    money: MoneyBasis,
    *,
    price_year: int | None = None,
    inflation: Decimal | None = None,
    discount_rate: Decimal | None = None,
) -> np.ndarray | None:
    """What to multiply each month's pounds by; None for nominal pounds (no change)."""
    if money == "nominal":
        return None
    future = default_inflation() if inflation is None else inflation
    base = start.year if money == "present_value" else (price_year or latest_published_year())
    result = np.array(
        [price_level(base, future, 1) / price_level(day.year, future, 1) for day in pay_dates]
    )
    if money == "present_value":
        rate = float(default_discount_rate() if discount_rate is None else discount_rate) / 100
        months = np.arange(1, len(pay_dates) + 1)
        result /= (1 + rate) ** (months / 12)
    return result


def convert(monthly_pence: np.ndarray, conversion: np.ndarray | None) -> np.ndarray:
    """Monthly pence in another money basis, rounded to the penny (nominal: unchanged)."""
    if conversion is None:
        return monthly_pence
    return nearest_pence(monthly_pence * conversion)


def convert_totals(
    on_leaving: np.ndarray, stay_flows: np.ndarray, conversion: np.ndarray | None
) -> np.ndarray:
    """Totals to date on leaving after each month, in another money basis.

    A total on leaving after *n* months is the stayer's monthly flows up to month *n* − 1 and
    whatever month *n* then brings (pay, clawback, the year's tax settled): the first are
    converted month by month, the rest at month *n*'s factor.
    """
    if conversion is None:
        return on_leaving
    before = np.concatenate([[0], np.cumsum(stay_flows)[:-1]])
    converted_before = np.concatenate([[0.0], np.cumsum(stay_flows * conversion)[:-1]])
    return nearest_pence(converted_before + (on_leaving - before) * conversion)

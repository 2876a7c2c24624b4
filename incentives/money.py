"""Exact money: whole pence as integers, rates as integer parts per million.

Payroll works to the penny, so the engine never holds pounds in floats. Amounts are
``int`` pence; percentages are ``int`` parts per million of the whole (7.5% is 75_000),
which represents every rate in the data (at most four decimal places of a percent) exactly.
Every rounding in the project goes through :func:`divide`, so the rule used at each
step is named where it is used.
"""

from __future__ import annotations

from decimal import Decimal
from enum import Enum

PPM = 1_000_000  # parts per million in a whole
MONTHS_A_YEAR = 12


class Rounding(Enum):
    """How a fraction of a penny is settled."""

    HALF_UP = "half_up"  # 0.5p and above goes up: pay and most employer figures
    HALF_DOWN = "half_down"  # 0.5p and below goes down: NI contributions (HMRC exact method)
    DOWN = "down"  # towards zero: student loan deductions are whole pounds rounded down


def divide(numerator: int, denominator: int, rounding: Rounding = Rounding.HALF_UP) -> int:
    """Integer division of ``numerator / denominator`` with the named rounding.

    Signs are handled symmetrically, so a clawback rounds like the payment it reverses.
    """
    if denominator <= 0:
        raise ValueError("denominator must be positive")
    if numerator < 0:
        return -divide(-numerator, denominator, rounding)
    if rounding is Rounding.HALF_UP:  # remainder of half or more goes up
        return (2 * numerator + denominator) // (2 * denominator)
    if rounding is Rounding.HALF_DOWN:  # only a remainder of more than half goes up
        return (2 * numerator + denominator - 1) // (2 * denominator)
    return numerator // denominator


def pence(pounds: Decimal | int | float | str) -> int:
    """Whole pence in an amount of pounds; refuses fractions of a penny."""
    value = Decimal(str(pounds)) * 100
    if value != value.to_integral_value():
        raise ValueError(f"£{pounds} is not a whole number of pence")
    return int(value)


def ppm(percent: Decimal | int | float | str) -> int:
    """Parts per million for a percentage (``7.5`` -> ``75_000``)."""
    value = Decimal(str(percent)) * (PPM // 100)
    if value != value.to_integral_value():
        raise ValueError(f"{percent}% has more than four decimal places")
    return int(value)


def percent_of(amount_pence: int, rate_ppm: int, rounding: Rounding = Rounding.HALF_UP) -> int:
    """``rate`` of an amount, to the penny."""
    return divide(amount_pence * rate_ppm, PPM, rounding)


def pounds(amount_pence: int) -> Decimal:
    """The exact pounds in whole pence, for display and for the public API."""
    return Decimal(amount_pence).scaleb(-2)


def format_gbp(amount_pence: int) -> str:
    """£ with thousands separators; pennies shown only when there are any.

    ``format_gbp(297467)`` is ``'£2,974.67'``; ``format_gbp(3569600)`` is ``'£35,696'``.
    Whole-number arithmetic: this runs for every cell of every table.
    """
    amount = int(amount_pence)
    whole, pennies = divmod(abs(amount), 100)
    text = f"{whole:,}.{pennies:02d}" if pennies else f"{whole:,}"
    return f"{'-' if amount < 0 else ''}£{text}"


def format_pounds(pounds: float) -> str:
    """:func:`format_gbp` for an amount in pounds, as the tables hold them, to the nearest penny."""
    return format_gbp(round(pounds * 100))

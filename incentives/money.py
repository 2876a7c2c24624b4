"""Exact money: whole pence as integers, rates as integer parts per million, and every rounding.

Payroll works to the penny, so the engine never holds pounds in floats. Amounts are
``int`` pence; percentages are ``int`` parts per million of the whole (7.5% is 75_000),
which represents every rate in the data (at most four decimal places of a percent) exactly.
Every rounding of money in the project is one of the functions here, so the rule used at
each step is named where it is used: :func:`half_up`, :func:`half_down` and :func:`down`
divide whole numbers (or numpy arrays of them) to a whole number, :func:`divide` is the same
with the rule as an argument, :func:`whole_pounds` drops the pennies, the two
``nearest_`` functions settle amounts that come in as floats or fractions of a penny, and
:func:`estimate_to_penny` and :func:`estimate_up_to_penny` settle estimates worked out in
floats (the cost of a leaver, the saving a cut needs), which no payroll pays.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import ROUND_CEILING, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from enum import Enum
from typing import overload

import numpy as np

PPM = 1_000_000  # parts per million in a whole
MONTHS_A_YEAR = 12
PENNY = Decimal("0.01")


class Rounding(Enum):
    """How a fraction of a penny is settled."""

    HALF_UP = "half_up"  # 0.5p and above goes up: pay and most employer figures
    HALF_DOWN = "half_down"  # 0.5p and below goes down: NI contributions (HMRC exact method)
    DOWN = "down"  # towards zero: student loan deductions are whole pounds rounded down


@overload
def half_up(numerator: int, denominator: int) -> int: ...
@overload
def half_up(numerator: np.ndarray, denominator: int | np.ndarray) -> np.ndarray: ...
def half_up(numerator: int | np.ndarray, denominator: int | np.ndarray) -> int | np.ndarray:
    """``numerator / denominator`` to a whole number, a remainder of half or more away from
    zero: pay, pension contributions (running rounding), income tax, the levy, tapers."""
    return _symmetric(_half_up, numerator, denominator)


@overload
def half_down(numerator: int, denominator: int) -> int: ...
@overload
def half_down(numerator: np.ndarray, denominator: int | np.ndarray) -> np.ndarray: ...
def half_down(numerator: int | np.ndarray, denominator: int | np.ndarray) -> int | np.ndarray:
    """``numerator / denominator`` to a whole number with a half or less disregarded (towards
    zero): National Insurance contributions, "a halfpenny or less disregarded" (SSCR 2001
    reg 12)."""
    return _symmetric(_half_down, numerator, denominator)


@overload
def down(numerator: int, denominator: int) -> int: ...
@overload
def down(numerator: np.ndarray, denominator: int | np.ndarray) -> np.ndarray: ...
def down(numerator: int | np.ndarray, denominator: int | np.ndarray) -> int | np.ndarray:
    """``numerator / denominator`` to a whole number towards zero."""
    return _symmetric(_down, numerator, denominator)


@overload
def whole_pounds(amount_pence: int) -> int: ...
@overload
def whole_pounds(amount_pence: np.ndarray) -> np.ndarray: ...
def whole_pounds(amount_pence: int | np.ndarray) -> int | np.ndarray:
    """Pence rounded down to whole pounds (never negative amounts): student loan deductions."""
    return amount_pence - amount_pence % 100


def divide(numerator: int, denominator: int, rounding: Rounding = Rounding.HALF_UP) -> int:
    """Integer division of ``numerator / denominator`` with the named rounding.

    Signs are handled symmetrically, so a clawback rounds like the payment it reverses.
    """
    if denominator <= 0:
        raise ValueError("denominator must be positive")
    return {Rounding.HALF_UP: half_up, Rounding.HALF_DOWN: half_down, Rounding.DOWN: down}[
        rounding
    ](numerator, denominator)


def nearest_penny(pounds: Decimal) -> Decimal:
    """Pounds to the nearest penny, a halfpenny to the even penny (Decimal's default): for an
    amount worked out in pounds, such as a share of a salary."""
    return pounds.quantize(PENNY, rounding=ROUND_HALF_EVEN)


def estimate_to_penny(pounds: float) -> Decimal:
    """An estimate in float pounds to the penny, a halfpenny up. The float is read as the
    shortest decimal that gives it back (``repr``), not as its exact binary value: 2.675 is
    stored a hair below 2.675, and its exact value would round down to £2.67."""
    return Decimal(repr(pounds)).quantize(PENNY, rounding=ROUND_HALF_UP)


def estimate_up_to_penny(pounds: float) -> Decimal:
    """An estimate in float pounds up to the next penny: for an amount that must be reached.
    Read as :func:`estimate_to_penny` reads it: 0.002 / 0.01 is stored a hair above 0.2, and
    its exact value would round up to £0.21."""
    return Decimal(repr(pounds)).quantize(PENNY, rounding=ROUND_CEILING)


def nearest_pence(amounts: np.ndarray) -> np.ndarray:
    """Floats of pence (money converted by a price index or a discount factor) to whole
    pence, a half to the even penny."""
    return np.rint(amounts).astype(np.int64)


Whole = int | np.ndarray  # a whole number of pence (or millionths), or an array of them


def _symmetric(
    rule: Callable[[Whole, Whole], Whole], numerator: Whole, denominator: Whole
) -> Whole:
    """Apply a rounding rule for non-negative numerators to either sign, symmetrically."""
    if isinstance(numerator, np.ndarray):
        if numerator.min(initial=0) >= 0:  # the usual case, in fewer steps
            return rule(numerator, denominator)
        return np.sign(numerator) * rule(np.abs(numerator), denominator)
    if numerator < 0:
        return -rule(-numerator, denominator)
    return rule(numerator, denominator)


# For n >= 0 and d > 0, floor((n + d/2) / d) rounds a remainder of half or more up. Adding
# d // 2 instead gives the same floor: no multiple of d lies between the whole number
# n + d // 2 and n + d/2. Half down likewise with (d - 1) // 2, against n + (d - 1)/2. One
# array step fewer than doubling both sides (the payroll rounds every month's array).
def _half_up(numerator: Whole, denominator: Whole) -> Whole:
    return (numerator + denominator // 2) // denominator  # a remainder of half or more


def _half_down(numerator: Whole, denominator: Whole) -> Whole:
    return (numerator + (denominator - 1) // 2) // denominator  # only more than half


def _down(numerator: Whole, denominator: Whole) -> Whole:
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

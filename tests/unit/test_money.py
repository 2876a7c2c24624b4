"""The one rounding function and the money helpers."""

from __future__ import annotations

from decimal import ROUND_HALF_DOWN, ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from incentives.money import Rounding, divide, format_gbp, pence, ppm


@pytest.mark.parametrize(
    ("numerator", "denominator", "rounding", "expected"),
    [
        (5, 10, Rounding.HALF_UP, 1),  # 0.5 goes up
        (5, 10, Rounding.HALF_DOWN, 0),  # 0.5 goes down (NI: a halfpenny or less is disregarded)
        (6, 10, Rounding.HALF_DOWN, 1),
        (19, 10, Rounding.DOWN, 1),
        (-5, 10, Rounding.HALF_UP, -1),  # symmetric for clawbacks
        (3_569_600, 12, Rounding.HALF_UP, 297_467),  # £35,696 / 12 = £2,974.666…
    ],
)
def test_divide_rounds_as_named(numerator, denominator, rounding, expected):
    assert divide(numerator, denominator, rounding) == expected


@given(st.integers(-(10**15), 10**15), st.integers(1, 10**9))
def test_divide_agrees_with_decimal_rounding(numerator, denominator):
    exact = Decimal(numerator) / Decimal(denominator)
    for rounding, mode in (
        (Rounding.HALF_UP, ROUND_HALF_UP),
        (Rounding.HALF_DOWN, ROUND_HALF_DOWN),
    ):
        assert divide(numerator, denominator, rounding) == int(exact.quantize(1, rounding=mode))


def test_amounts_and_rates_convert_exactly():
    assert pence("35696") == 3_569_600
    assert ppm("13.25") == 132_500
    with pytest.raises(ValueError):
        pence("1.005")


def test_pounds_are_shown_with_separators_and_pennies_only_when_present():
    assert format_gbp(3_569_600) == "£35,696"
    assert format_gbp(297_467) == "£2,974.67"
    assert format_gbp(-200_000) == "-£2,000"

"""The rounding rules, for whole numbers and arrays alike, and the money helpers."""

from __future__ import annotations

from decimal import ROUND_HALF_DOWN, ROUND_HALF_UP, Decimal

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from incentives.money import (
    Rounding,
    divide,
    down,
    estimate_to_penny,
    estimate_up_to_penny,
    format_gbp,
    half_down,
    half_up,
    nearest_pence,
    nearest_penny,
    pence,
    ppm,
    whole_pounds,
)


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


@given(st.lists(st.integers(-(10**12), 10**12), min_size=1, max_size=20), st.integers(1, 10**7))
def test_array_rounding_agrees_with_the_scalar_rule_for_each_entry(numerators, denominator):
    array = np.array(numerators, dtype=np.int64)
    for array_rule, rounding in (
        (half_up, Rounding.HALF_UP),
        (half_down, Rounding.HALF_DOWN),
        (down, Rounding.DOWN),
    ):
        expected = [divide(n, denominator, rounding) for n in numerators]
        assert array_rule(array, denominator).tolist() == expected


def test_exact_halves_go_the_named_way_in_arrays_too():
    halves = np.array([1_500_000, -1_500_000, 2_500_000])  # 1.5p, -1.5p, 2.5p in millionths
    assert half_up(halves, 1_000_000).tolist() == [2, -2, 3]  # away from zero
    assert half_down(halves, 1_000_000).tolist() == [1, -1, 2]  # a halfpenny disregarded


def test_student_loan_pence_drop_to_whole_pounds():
    assert whole_pounds(np.array([12_399, 12_300, 99])).tolist() == [12_300, 12_300, 0]
    assert whole_pounds(4_567) == 4_500


def test_amounts_worked_in_pounds_or_floats_settle_ties_to_the_even_penny():
    assert nearest_penny(Decimal("1.005")) == Decimal("1.00")
    assert nearest_penny(Decimal("1.015")) == Decimal("1.02")
    assert nearest_pence(np.array([2.5, 3.5, -0.4])).tolist() == [2, 4, 0]


@given(
    st.lists(
        st.tuples(st.integers(-(10**12), 10**12), st.integers(1, 10**7)), min_size=1, max_size=20
    )
)
def test_array_rounding_by_an_array_of_denominators_agrees_with_the_scalar_rule(pairs):
    numerators = np.array([n for n, _ in pairs], dtype=np.int64)
    denominators = np.array([d for _, d in pairs], dtype=np.int64)
    for array_rule, rounding in ((half_up, Rounding.HALF_UP), (half_down, Rounding.HALF_DOWN)):
        expected = [divide(n, d, rounding) for n, d in pairs]
        assert array_rule(numerators, denominators).tolist() == expected


def test_an_estimate_is_settled_as_the_decimal_it_was_written_as_not_its_binary_value():
    # 0.002 / 0.01 is stored as 0.2000000000000000111...: rounded up from that, 21p
    assert Decimal(0.002 / 0.01) > Decimal("0.2")
    assert estimate_up_to_penny(0.002 / 0.01) == Decimal("0.20")
    # 2.675 is stored as 2.67499999999999982236...: half up from that, 2.67
    assert Decimal(2.675) < Decimal("2.675")  # noqa: RUF032 (the float is the point)
    assert estimate_to_penny(2.675) == Decimal("2.68")


def test_an_estimate_rounded_up_takes_the_next_penny_for_any_part_of_one():
    assert estimate_up_to_penny(0.201) == Decimal("0.21")
    assert estimate_up_to_penny(12.0) == Decimal("12.00")
    assert estimate_to_penny(0.2049) == Decimal("0.20")
    assert estimate_to_penny(-1.005) == Decimal("-1.01")  # a halfpenny away from zero

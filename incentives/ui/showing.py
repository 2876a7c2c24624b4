"""How amounts are shown: the measure every page uses, and which pounds (as paid, in real
terms or as present values). Both sit at the top of the sidebar and in the link. Also the
two inputs the pages' settings are built from, each kept in the link: a choice on a
segmented control (:func:`choice`) and a number (:func:`bound_number`)."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, TypeVar, overload

import streamlit as st

from incentives import prices, sharing
from incentives.money import nearest_penny
from incentives.ui.keys import URL
from incentives.vocabulary import Measure

T = TypeVar("T")


def measure_switch() -> Measure:
    """Gross, take-home, cost to the council or total reward, for every chart and table."""
    return choice("Show amounts as", sharing.VIEWS, sharing.VIEW)


def choice(label: str, choices: Mapping[str, T], key: str, *, help: str | None = None) -> T:
    """The value of one of ``choices`` (label to value), picked on a segmented control kept
    in the link: always one, the first until the visitor picks another."""
    first = next(iter(choices))
    picked = st.segmented_control(
        label, list(choices), default=first, required=True, key=key, bind=URL, help=help
    )
    return choices[picked or first]  # None only before the control has taken its default


def money_inputs() -> dict[str, Any]:
    """Pounds as paid, in real terms (at a chosen year's prices) or as present values."""
    money = choice(
        "Money",
        sharing.MONEY,
        sharing.MONEY_KEY,
        help="Real terms scale each year's pay by consumer prices (ONS CPI, then the "
        "future inflation you set). Present values also discount each payment back to "
        "the start (HM Treasury's Green Book rate by default).",
    )
    price_year = inflation = discount = None
    if money == "real":
        latest = prices.latest_published_year()
        price_year = bound_number(
            sharing.PRICE_YEAR, "At the prices of the year", value=latest, step=1
        )
    if money != "nominal":
        inflation = bound_number(
            sharing.INFLATION,
            "Future inflation, a year (%)",
            value=float(prices.default_inflation()),
            step=0.25,
            help=f"For years after {prices.latest_published_year()}, the last with published CPI. "
            "Default: the government's 2% CPI inflation target.",
        )
    if money == "present_value":
        discount = bound_number(
            sharing.DISCOUNT_RATE,
            "Discount rate, a year (%)",
            value=float(prices.default_discount_rate()),
            step=0.25,
            help="Default: HM Treasury's Green Book discount rate, a real rate.",
        )
    return {
        "money": money,
        "price_year": int(price_year) if price_year is not None else None,
        "inflation": None if inflation is None else two_places(inflation),
        "discount_rate": None if discount is None else two_places(discount),
    }


@overload
def bound_number(
    param: sharing.NumberParam,
    label: str,
    *,
    value: float,
    step: float,
    key: str | None = None,
    maximum: float | None = None,
    help: str | None = None,
    placeholder: str | None = None,
) -> float: ...


@overload
def bound_number(
    param: sharing.NumberParam,
    label: str,
    *,
    value: None,
    step: float,
    key: str | None = None,
    maximum: float | None = None,
    help: str | None = None,
    placeholder: str | None = None,
) -> float | None: ...


def bound_number(
    param: sharing.NumberParam,
    label: str,
    *,
    value: float | None,
    step: float,
    key: str | None = None,
    maximum: float | None = None,
    help: str | None = None,
    placeholder: str | None = None,
) -> float | None:
    """A number input kept in the link, taking only what the link accepts for ``param``: its
    limits (``maximum`` can lower the top) and, for a whole-number parameter, whole numbers.
    Given a value, it always has one; without, it is None until the visitor gives one."""
    top = param.maximum if maximum is None else maximum
    if param.whole:
        return st.number_input(
            label,
            min_value=int(param.minimum),
            max_value=int(top),
            value=None if value is None else int(value),
            step=int(step),
            key=key or param.key,
            bind=URL,
            help=help,
            placeholder=placeholder,
        )
    return st.number_input(
        label,
        min_value=param.minimum,
        max_value=top,
        value=value,
        step=step,
        key=key or param.key,
        bind=URL,
        help=help,
        placeholder=placeholder,
    )


def two_places(value: float) -> Decimal:
    """A number typed into a widget, to the penny (or the hundredth of a percent)."""
    return nearest_penny(Decimal(str(value)))

"""Hypothesis strategies for offers and scenarios, shared by the property tests."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from incentives import Scenario
from tests.builders import offer


def _month_from_april_2016(index: int) -> dt.date:
    return dt.date(2016 + (index + 3) // 12, (index + 3) % 12 + 1, 1)


pounds = st.integers(min_value=0, max_value=2_000_000).map(lambda p: p / 100)
percent = st.integers(min_value=0, max_value=2_000).map(lambda p: p / 100)


def _amount():
    return st.one_of(
        st.builds(lambda v: {"amount": v}, pounds),
        st.builds(lambda v: {"percent_of_basic": v}, percent),
    )


@st.composite
def supplements(draw):
    start = draw(st.integers(1, 30))
    until = draw(st.one_of(st.none(), st.integers(start, 60)))
    return {
        "kind": "supplement",
        "name": "Supplement",
        "from_month": start,
        "until_month": until,
        **draw(_amount()),
    }


@st.composite
def one_offs(draw):
    instalments = []
    for _ in range(draw(st.integers(1, 3))):
        instalment = {"after_months": draw(st.integers(0, 40)), **draw(_amount())}
        if draw(st.booleans()):
            instalment["clawback"] = {
                "within_months": draw(st.integers(1, 36)),
                "taper": draw(st.sampled_from(["none", "monthly"])),
            }
        instalments.append(instalment)
    purpose = draw(st.sampled_from(["golden_hello", "relocation", "retention", "other"]))
    extra = {}
    if purpose == "relocation":  # reimbursed removal costs, free of tax and NI up to a limit
        extra["qualifying_relocation_expenses"] = draw(st.booleans())
    return {
        "kind": "one_off",
        "name": "One-off",
        "purpose": purpose,
        "instalments": instalments,
        **extra,
    }


@st.composite
def retentions(draw):
    schedule = draw(st.sampled_from(["every_months", "at_months", "calendar_months"]))
    if schedule == "every_months":
        when = {"every_months": draw(st.integers(1, 24))}
    elif schedule == "at_months":
        when = {"at_months": draw(st.lists(st.integers(1, 60), min_size=1, max_size=4))}
    else:
        when = {"calendar_months": draw(st.lists(st.integers(1, 12), min_size=1, max_size=3))}
    tiers = [{"from_year": 1, **draw(_amount())}]
    if draw(st.booleans()):
        tiers.append({"from_year": draw(st.integers(2, 5)), **draw(_amount())})
    return {"kind": "retention", "name": "Retention", "tiers": tiers, **when}


@st.composite
def offers(draw):
    top = draw(st.integers(1_500_000, 8_000_000)) / 100
    components = draw(st.lists(st.one_of(supplements(), one_offs(), retentions()), max_size=4))
    return offer(top, *components)


@st.composite
def scenarios(draw, leaving: bool = True):
    years = draw(st.integers(1, 5))
    return Scenario(
        years=years,
        start=draw(st.integers(0, 119).map(_month_from_april_2016)),
        pay_award=draw(st.integers(0, 500)) / 100,
        leave_after_months=draw(st.one_of(st.none(), st.integers(1, 12 * years)))
        if leaving
        else None,
    )

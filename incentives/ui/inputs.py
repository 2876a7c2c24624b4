"""The scenario inputs, each bound to the URL so that a copied link reopens the same comparison."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

import streamlit as st

from incentives import sharing
from incentives.model import Offer
from incentives.money import format_gbp, pence

DEFAULT_OFFERS = ("kirklees-social-worker", "rotherham-social-worker")
_URL = "query-params"


@dataclass
class Choices:
    """What the visitor chose, gathered from the widgets before anything is computed."""

    offer_ids: list[str]
    years: int
    start: dt.date
    pay_award: Decimal
    annual_step: Decimal
    leave_after_months: int | None
    start_salary: dict[str, Decimal] = field(default_factory=dict)
    assumed: dict[str, dict[str, Decimal]] = field(default_factory=dict)

    def scenario_fields(self) -> dict[str, object]:
        return {
            "years": self.years,
            "start": self.start,
            "pay_award": self.pay_award,
            "annual_step": self.annual_step,
            "leave_after_months": self.leave_after_months,
            "start_salary": self.start_salary,
            "assumed": self.assumed,
        }


def link_notices(offers: dict[str, Offer]) -> list[str]:
    """Notices for a link's unusable values, worked out once, on the session's first run.

    Call it before any widget is drawn: widgets drop the values they cannot take from the URL.
    """
    if "link_notices" not in st.session_state:
        st.session_state.link_notices = sharing.check_link(st.query_params.to_dict(), offers)
    return st.session_state.link_notices


def scenario_sidebar(offers: dict[str, Offer]) -> Choices:
    """The sidebar: which offers, over how long, from when, with what pay award, leaving when."""
    labels = {offer.label: offer.id for offer in offers.values()}
    defaults = [offers[i].label for i in DEFAULT_OFFERS if i in offers]
    with st.sidebar:
        st.header("Your comparison")
        chosen = st.multiselect(
            "Offers to compare",
            list(labels),
            default=defaults,
            key=sharing.OFFERS,
            bind=_URL,
            placeholder="Choose one or more offers",
        )
        years = st.slider(
            "Years to compare",
            int(sharing.YEARS.minimum),
            int(sharing.YEARS.maximum),
            3,
            key=sharing.YEARS.key,
            bind=_URL,
        )
        months = sharing.start_months()
        start_label = st.selectbox(
            "Start month",
            [sharing.month_label(m) for m in months],
            index=months.index(dt.date(2017, 4, 1)),
            key=sharing.START,
            bind=_URL,
            help="Pay dates fall on the last day of each month, and fix the tax year.",
        )
        award = st.number_input(
            "Pay award each April (%)",
            min_value=sharing.PAY_AWARD.minimum,
            max_value=sharing.PAY_AWARD.maximum,
            value=0.0,
            step=0.25,
            key=sharing.PAY_AWARD.key,
            bind=_URL,
            help="Raises basic pay on each 1 April after the start. Supplements stated in "
            "pounds stay as published; those stated as a percentage follow basic pay.",
        )
        leaving = st.toggle("Leaves before the end", key=sharing.LEAVING, bind=_URL)
        leave_after = None
        if leaving:
            leave_after = st.slider(
                "Leaves after (months)",
                1,
                12 * years,
                min(12, 12 * years),
                key=sharing.LEAVE_AFTER.key,
                bind=_URL,
                help="Months 1 to N are worked and paid; clawbacks are deducted in month N.",
            )
        with st.expander("Salary scale"):
            step = st.number_input(
                "Yearly step up an unpublished scale (%)",
                min_value=sharing.ANNUAL_STEP.minimum,
                max_value=sharing.ANNUAL_STEP.maximum,
                value=3.0,
                step=0.5,
                key=sharing.ANNUAL_STEP.key,
                bind=_URL,
                help="An assumption, not a published figure: when you start below the top and "
                "the council does not publish its scale points, pay rises by this much on each "
                "anniversary until it reaches the top.",
            )
    return Choices(
        offer_ids=[labels[label] for label in chosen],
        years=years,
        start=months[[sharing.month_label(m) for m in months].index(start_label)],
        pay_award=_percent(award),
        annual_step=_percent(step),
        leave_after_months=leave_after,
    )


def starting_salary(offer: Offer, top: Decimal | None, choices: Choices) -> None:
    """An optional starting salary below the top of the offer's scale."""
    if top is None:
        return
    value = st.number_input(
        "Starting salary (£ a year; blank: the top of the scale)",
        min_value=0.0,
        max_value=float(top),
        value=None,
        step=500.0,
        key=sharing.salary_key(offer.id),
        bind=_URL,
        placeholder=f"{format_gbp(pence(top))} (top)",
    )
    if value is not None:
        choices.start_salary[offer.id] = _pounds(value)


def assumption(offer: Offer, path: str, label: str, choices: Choices) -> Decimal | None:
    """An input for a figure the council does not publish; records and returns the value."""
    value = st.number_input(
        label,
        min_value=sharing.AMOUNT.minimum,
        max_value=sharing.AMOUNT.maximum,
        value=None,
        step=100.0,
        key=sharing.assumption_key(offer.id, path),
        bind=_URL,
        placeholder="not published: enter an assumption",
    )
    if value is None:
        return None
    amount = _pounds(value)
    choices.assumed.setdefault(offer.id, {})[path] = amount
    return amount


def _percent(value: float) -> Decimal:
    return Decimal(str(value)).quantize(Decimal("0.01"))


def _pounds(value: float) -> Decimal:
    return Decimal(str(value)).quantize(Decimal("0.01"))
